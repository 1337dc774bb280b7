"""The region's short dates and clock without importing Babel, from what Babel said once.

Babel's import and its English data cost more than all of `netjourney --version`, and
`netjourney upcoming` and Home's first fill write only a few short dates and times.
So the first time a region's dates are written, the few CLDR pieces they use (the
patterns for core/dates.py's skeletons, the abbreviated month and day names, am/pm)
are kept in the user's cache folder, but only after formatting with them is checked
to give exactly Babel's text for every day of a year, other years, and every time of
day. A pattern with a field this small formatter does not know is kept as "ask
Babel". core/dates.py asks here first and Babel otherwise.
"""

# No `from __future__ import annotations` here: typing.NamedTuple compiles each field's
# annotation kept as a string, which cost `netjourney upcoming` a few tenths of a millisecond.

import re
import zlib
from collections.abc import Callable
from contextlib import suppress
from datetime import date, datetime, time, timedelta
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from netjourney.core import paths

if TYPE_CHECKING:
    from babel import Locale

SKELETONS = ("yMMMEd", "yMMMd")  # short_date with and without the weekday
_FIELDS = re.compile(r"'(?:[^']|'')*'|([A-Za-z])\1*|[^A-Za-z']+")


class RegionWords(NamedTuple):
    patterns: dict[str, str]  # skeleton -> CLDR pattern, e.g. 'yMMMEd' -> 'E, MMM d, y'
    clock: str  # the short time pattern, e.g. 'h:mm a' (with CLDR's narrow space)
    months: list[str]  # abbreviated, January first
    weekdays: list[str]  # abbreviated, Monday first (date.weekday())
    periods: list[str]  # am, pm

    def day(self, skeleton: str, day: date) -> str | None:
        return _formatted(self.patterns[skeleton], day, self)

    def time(self, moment: time | datetime) -> str | None:
        return _formatted(self.clock, moment, self)


def _formatted(pattern: str, value: date | time | datetime, words: RegionWords) -> str | None:
    """The pattern filled in; None when it holds a field formatted only by Babel."""
    pieces = []
    for match in _FIELDS.finditer(pattern):
        text = match.group(0)
        if text.startswith("'"):
            pieces.append(text[1:-1].replace("''", "'") if text != "''" else "'")
        elif match.group(1) is None:
            pieces.append(text)
        else:
            field = _FIELD_TEXT.get(text)
            if field is None:
                return None
            pieces.append(field(value, words))
    return "".join(pieces)


def _hour12(value: Any) -> int:
    return int(value.hour % 12 or 12)


_FIELD_TEXT: dict[str, Callable[[Any, RegionWords], str]] = {
    "y": lambda v, w: str(v.year),
    "yyyy": lambda v, w: f"{v.year:04d}",
    "MMM": lambda v, w: w.months[v.month - 1],
    "M": lambda v, w: str(v.month),
    "MM": lambda v, w: f"{v.month:02d}",
    "d": lambda v, w: str(v.day),
    "dd": lambda v, w: f"{v.day:02d}",
    "E": lambda v, w: w.weekdays[v.weekday()],
    "EE": lambda v, w: w.weekdays[v.weekday()],
    "EEE": lambda v, w: w.weekdays[v.weekday()],
    "h": lambda v, w: str(_hour12(v)),
    "hh": lambda v, w: f"{_hour12(v):02d}",
    "H": lambda v, w: str(v.hour),
    "HH": lambda v, w: f"{v.hour:02d}",
    "mm": lambda v, w: f"{v.minute:02d}",
    "a": lambda v, w: w.periods[v.hour >= 12],
}


@cache
def region_words(territory: str, babel_locale: Callable[[str], "Locale"]) -> RegionWords | None:
    """The region's words as kept, or found with Babel now and kept; None when Babel
    must format this region's dates itself."""
    kept = _kept_file(territory)
    with suppress(OSError, ValueError):
        return _words_from_text(kept.read_text(encoding="utf-8"))
    from netjourney.core.output_files import replace_atomically

    words = _checked_words(babel_locale(territory))
    with suppress(OSError):  # a read-only cache only costs the next start the time
        paths.make_private_folder(kept.parent)
        text = _words_text(words)
        replace_atomically(kept, lambda file: file.write_text(text, "utf-8"))
    return words


ASK_BABEL = "babel\n"  # kept for a region whose dates only Babel formats
_COUNTS = (len(SKELETONS), 1, 12, 7, 2)  # the patterns, clock, months, weekdays, periods


def _words_text(words: RegionWords | None) -> str:
    """One line for each of the words' fields, its values between tabs (CLDR's words and
    patterns hold neither). Plain text, not JSON: importing json would cost `netjourney
    upcoming` more than reading this. Words that would not read back the same are kept as
    ASK_BABEL."""
    if words is None:
        return ASK_BABEL
    patterns = [words.patterns[skeleton] for skeleton in SKELETONS]
    fields = (patterns, [words.clock], words.months, words.weekdays, words.periods)
    text = "".join("\t".join(values) + "\n" for values in fields)
    with suppress(ValueError):
        if _words_from_text(text) == words:
            return text
    return ASK_BABEL


def _words_from_text(text: str) -> RegionWords | None:
    """Raises ValueError unless `text` is what _words_text wrote."""
    if text == ASK_BABEL:
        return None
    *lines, end = text.split("\n")
    fields = [line.split("\t") for line in lines]
    if end or [len(values) for values in fields] != list(_COUNTS):
        raise ValueError("not a region's kept words")
    patterns, [clock], months, weekdays, periods = fields
    by_skeleton = dict(zip(SKELETONS, patterns, strict=True))
    return RegionWords(by_skeleton, clock, months, weekdays, periods)


def _kept_file(territory: str) -> Path:
    """Named after the region and the Babel installed (another Babel: other data)."""
    spec = find_spec("babel")
    origin = Path(spec.origin) if spec and spec.origin else Path()
    with suppress(OSError):
        origin = Path(f"{origin}-{origin.stat().st_mtime_ns}")
    check = zlib.crc32(str(origin).encode())  # a name, not a defence (schema_check.py)
    return paths.cache_folder() / "dates" / f"en-{territory or 'plain'}-{check:08x}.txt"


def _checked_words(locale: "Locale") -> RegionWords | None:
    from babel.dates import (
        format_date,
        format_time,
        get_day_names,
        get_month_names,
        get_period_names,
        match_skeleton,
    )

    skeletons = locale.datetime_skeletons
    periods = get_period_names("abbreviated", "format", locale)
    words = RegionWords(
        {s: str(skeletons[match_skeleton(s, skeletons)]) for s in SKELETONS},
        str(locale.time_formats["short"].pattern),
        [str(n) for _, n in sorted(get_month_names("abbreviated", "format", locale).items())],
        [str(n) for _, n in sorted(get_day_names("abbreviated", "format", locale).items())],
        [str(periods["am"]), str(periods["pm"])],
    )
    days = [date(2026, 1, 1) + timedelta(days=n) for n in range(366)]
    days += [date(1, 1, 1), date(999, 12, 31), date(9999, 12, 31)]
    for skeleton in SKELETONS:
        pattern = words.patterns[skeleton]
        if any(words.day(skeleton, d) != format_date(d, pattern, locale) for d in days):
            return None
    times = [time(hour, minute) for hour in range(24) for minute in (0, 5, 30, 59)]
    if any(words.time(t) != format_time(t, "short", locale=locale) for t in times):
        return None
    return words
