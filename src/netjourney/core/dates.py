"""Dates and times as the user reads them: in English, the app's language, but in the
order and with the clock of the user's region (CLDR's rules, through Babel).

'Friday, May 1, 2026' and '9:05 AM' in the United States; 'Friday, 1 May 2026' and
'09:05' in Britain, Germany or France. The region is the territory of the locale the
C library would use for times (LC_ALL, then LC_TIME, then LANG); without one, as
under C.UTF-8, the rules are CLDR's plain English (the US forms).

Qt-free: the PDFs, the command line and the windows all format through here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, date, datetime
from functools import cache, lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:  # Babel is imported when a date is first formatted: a faster start
    from babel import Locale

    from netjourney.core.region_dates import RegionWords

LANGUAGE = "en"
"""The app's words are English; only their order and the clock follow the region."""


def locale_name(environ: Mapping[str, str], category: str) -> str:
    """The locale the C library would pick for `category` (e.g. LC_TIME) from the POSIX
    variables, such as 'de_DE.UTF-8'; '' when none is set."""
    names = [environ.get(variable, "") for variable in ("LC_ALL", category, "LANG")]
    return next((n for n in names if n), "")


def territory_of(name: str) -> str:
    """'DE' for 'de_DE.UTF-8@euro'; '' for 'C.UTF-8'."""
    return name.partition(".")[0].partition("@")[0].partition("_")[2]


def reading_locale(environ: Mapping[str, str] = os.environ) -> Locale:
    return _english_in(territory_of(locale_name(environ, "LC_TIME")))


@cache
def _english_in(territory: str) -> Locale:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale(LANGUAGE, territory) if territory else Locale(LANGUAGE)
    except (UnknownLocaleError, ValueError):  # a territory CLDR has no English rules for
        return Locale(LANGUAGE)


def _region_words() -> RegionWords | None:
    """This region's words for short dates and the clock, without Babel once kept (see
    core/region_dates.py); None when only Babel can format them."""
    from netjourney.core.region_dates import region_words

    return region_words(territory_of(locale_name(os.environ, "LC_TIME")), _english_in)


def long_date(day: date, weekday: bool = True, locale: Locale | None = None) -> str:
    """'Tuesday, April 14, 2026' (US) or 'Tuesday, 14 April 2026' (UK); without the weekday
    when asked."""
    form = "full" if weekday else "long"
    if type(day) is date:  # an aware datetime equals its instant in any zone: never cached
        return _formatted_day(day, form, locale or reading_locale())
    from babel.dates import format_date

    return format_date(day, form, locale=locale or reading_locale())


@lru_cache(maxsize=4096)
def _formatted_day(day: date, form: str, locale: Locale) -> str:
    """Babel's formatting of a day, kept: a journey PDF writes some 13,000 dates over a
    few thousand days (Babel takes about 7 µs for each: 0.1 s of a five-year export)."""
    from babel.dates import format_date

    return format_date(day, form, locale=locale)


def clock(moment: datetime, locale: Locale | None = None) -> str:
    """The moment's wall-clock time in its own zone: '9:05 AM' (US) or '09:05' (UK)."""
    words = _region_words() if locale is None else None
    shown = words.time(moment) if words is not None else None
    if shown is not None:
        return shown.replace(NARROW_SPACE, " ")
    from babel.dates import format_time

    shown = format_time(moment, "short", tzinfo=moment.tzinfo, locale=locale or reading_locale())
    return shown.replace(NARROW_SPACE, " ")


NARROW_SPACE = "\u202f"
"""CLDR puts one before AM/PM; terminals and copied text show a plain space more surely."""


def short_date(day: date, weekday: bool = False, locale: Locale | None = None) -> str:
    """'Dec 1, 2026' (US) or '1 Dec 2026' (UK); 'Tue, Dec 1, 2026' with the weekday: for
    lists, charts and messages, where the long form would crowd the line."""
    if isinstance(day, UnreadableTime | UnreadableDate):
        return UNREADABLE
    shown_day = day.date() if isinstance(day, datetime) else day
    skeleton = "yMMMEd" if weekday else "yMMMd"
    words = _region_words() if locale is None else None
    shown = words.day(skeleton, shown_day) if words is not None else None
    if shown is not None:
        return shown
    from babel.dates import format_date

    chosen = locale or reading_locale()
    return format_date(shown_day, date_pattern(skeleton, chosen), chosen)


def date_pattern(skeleton: str, locale: Locale | None = None) -> str:
    """The region's CLDR pattern for a skeleton ('yMMMd' -> 'MMM d, y' in the US), which the
    window also turns into its date fields' display format."""
    return _pattern(skeleton, locale or reading_locale())


def clock_pattern(locale: Locale | None = None) -> str:
    """The region's short clock pattern: 'h:mm a' (US) or 'HH:mm' (UK)."""
    pattern = str((locale or reading_locale()).time_formats["short"].pattern)
    return pattern.replace(NARROW_SPACE, " ")


@cache
def _pattern(skeleton: str, locale: Locale) -> str:
    """Matching a skeleton is slow; a list of thousands of rows asks for the same one."""
    from babel.dates import match_skeleton

    return str(locale.datetime_skeletons[match_skeleton(skeleton, locale.datetime_skeletons)])


def short_date_time(moment: datetime, locale: Locale | None = None) -> str:
    """'Fri, May 1, 2026, 9:05 AM' or 'Fri, 1 May 2026, 09:05': for lists and listings."""
    if isinstance(moment, UnreadableTime):
        return UNREADABLE
    return f"{short_date(moment.date(), weekday=True, locale=locale)}, {clock(moment, locale)}"


UNREADABLE = "[unreadable date: netjourney check names it]"
"""Shown for a stored date or time that is none (written by another program)."""


class UnreadableTime(datetime):
    """A stored time that is not a time ('garbage'): it sorts as the start of 1970 and
    keeps the stored text, which its isoformat returns, so an export keeps it as stored.
    `netjourney check` names it (core/value_check.py)."""

    stored_text: str = "unreadable time"  # a copy made by astimezone() or replace() loses it

    @classmethod
    def of(cls, text: str) -> UnreadableTime:
        moment = cls(1970, 1, 1, tzinfo=UTC)
        moment.stored_text = text
        return moment

    def isoformat(self, sep: str = "T", timespec: str = "auto") -> str:
        return self.stored_text


class UnreadableDate(date):
    """A stored day that is not one: it sorts as 1970-01-01 and its isoformat gives the
    stored text back. `netjourney check` names it (core/value_check.py)."""

    stored_text: str = "unreadable date"

    @classmethod
    def of(cls, text: str) -> UnreadableDate:
        day = cls(1970, 1, 1)
        day.stored_text = text
        return day

    def isoformat(self) -> str:
        return self.stored_text


def day_of(moment: date, locale: Locale | None = None) -> str:
    """The day (of a moment, in its own zone) as long_date writes it, or UNREADABLE."""
    if isinstance(moment, UnreadableTime | UnreadableDate):
        return UNREADABLE
    return long_date(moment.date() if isinstance(moment, datetime) else moment, locale=locale)


def time_zone_problem(name: object) -> str | None:
    """What is wrong with a time zone name, or None when this computer knows the zone."""
    try:
        ZoneInfo(name)  # type: ignore[arg-type]  # a name read from a file may be anything
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError):  # "America": a folder
        return f"{name!r} is not a known time zone"
    return None


def zone_or_utc(name: str) -> ZoneInfo:
    """The named zone; UTC when this computer does not know the name (another program may
    have stored one it lacks, or text that is no zone): times are shown, never a crash.
    `netjourney check` names such a zone."""
    return ZoneInfo("UTC") if time_zone_problem(name) else ZoneInfo(name)


def local_time_text(moment: datetime, zone_name: str) -> str:
    """e.g. 'Tue, Dec 3, 2026, 2:30 PM' in the appointment's own time zone."""
    # Never kept: a time in the computer's zone (which may change), or an unreadable one
    # (it equals a real time).
    if moment.tzinfo is None or isinstance(moment, UnreadableTime):
        return short_date_time(moment.astimezone(zone_or_utc(zone_name)))
    return _kept_local_time_text(moment, zone_name, locale_name(os.environ, "LC_TIME"))


@lru_cache(maxsize=4096)
def _kept_local_time_text(moment: datetime, zone_name: str, _region: str) -> str:
    """Kept once made, per region: each note opened offers every visit by its time, and
    Babel takes some 70 µs a visit."""
    return short_date_time(moment.astimezone(zone_or_utc(zone_name)))
