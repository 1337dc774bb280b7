"""How a stored value is read back, whatever another program left in the file.

SQLite keeps any value in any column: a BLOB where text belongs, a number for a day,
a choice a newer version added. Each reading here turns such a value into a flagged
stand-in instead of an error, so a row still opens, shows and exports. The models'
column types (core/models.py) and the plain sqlite3 reading of the record
(core/quick_read.py) both read through these, so the two never disagree.

No SQLAlchemy here: `netjourney upcoming` and Home's first fill read without it.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Self, TypeVar

from netjourney.core.dates import UnreadableDate, UnreadableTime

FIRST_SHOWABLE = datetime(1, 1, 2, tzinfo=UTC)
LAST_SHOWABLE = datetime(9999, 12, 30, tzinfo=UTC)
"""A day in from the calendar's ends: a time beyond them cannot be shown in every time
zone (Python's dates stop at years 1 and 9999), so it is read as unreadable."""


def parse_stored_time(text: str) -> datetime:
    """A stored UTC time; ValueError when the text is not one, or not one a zone can show."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:  # as NET Journey writes it; another program may add an offset
        moment = moment.replace(tzinfo=UTC)
    if not FIRST_SHOWABLE <= moment <= LAST_SHOWABLE:
        raise ValueError(f"{text!r} is not a time within the calendar")
    return moment.astimezone(UTC)


def time_as_stored(moment: datetime) -> str:
    """An aware time as the record keeps it: fixed-width UTC text, so text order is time
    order. isoformat pads the year to four digits (strftime's %Y does not below 1000)."""
    if moment.tzinfo is None:
        raise ValueError(f"a time without a time zone cannot be stored: {moment!r}")
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def stored_time(value: object) -> datetime | None:
    """A stored time; one that is not (written by another program) shown flagged."""
    if value is None:
        return None
    try:
        return parse_stored_time(value)  # type: ignore[arg-type]  # not text: TypeError
    except (ValueError, TypeError):
        return UnreadableTime.of(readable_text(value))


def stored_day(value: object) -> date | None:
    """A stored day (ISO text, as SQLAlchemy's Date keeps it); one that is not, flagged."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)  # type: ignore[arg-type]  # not text: TypeError
    except (ValueError, TypeError):
        return UnreadableDate.of(str(value))


def stored_whole_number(value: object) -> int | None:
    """A count or a number of days; a stored value that is not a whole number reads as
    unknown, as if never given: 'often' must not become a schedule."""
    return value if isinstance(value, int) else None


UNREADABLE_TEXT = "[{} of data, not text: netjourney check names it]"


def readable_text(stored: object) -> str:
    """A stored value of a text column that is not text, as text to show and export.

    Another program may leave a BLOB or a number there; SQLite keeps it. Bytes that are
    UTF-8 are the words they spell; other bytes become a stand-in saying how many.
    """
    if isinstance(stored, bytes):
        try:
            return stored.decode("utf-8")
        except UnicodeDecodeError:
            return UNREADABLE_TEXT.format(f"{len(stored)} byte{'' if len(stored) == 1 else 's'}")
    return str(stored)


def stored_text(value: object) -> str | None:
    return value if value is None or isinstance(value, str) else readable_text(value)


UNKNOWN_CHOICE = "{} (not a {} this version knows: netjourney check names it)"


class StoredChoice(enum.StrEnum):
    """One of a fixed set of values, kept as text (see models.choice_column).

    A stored value this version does not know (a newer version's, or another program's)
    reads as a stand-in of the same type that keeps it, so its row still opens, shows and
    exports it, flagged; `check` names it. Only reading makes stand-ins: calling the
    type with text it does not know still refuses it.
    """

    @classmethod
    def stand_in(cls, value: str) -> Self:
        stand_in = str.__new__(cls, value)
        stand_in._name_, stand_in._value_ = "UNKNOWN", value
        return stand_in

    @classmethod
    def stored(cls, value: object) -> Self:
        """The stored value as a choice, or as a stand-in when this version does not know it."""
        try:
            return cls(value)  # type: ignore[arg-type]  # not text: a stand-in below
        except ValueError:
            return cls.stand_in(readable_text(value))

    @property
    def known(self) -> bool:
        return self._value_ in type(self)._value2member_map_


ChoiceT = TypeVar("ChoiceT", bound=StoredChoice)


def choice_label(labels: Mapping[ChoiceT, str], choice: ChoiceT, noun: str) -> str:
    """The choice's label; a stored value this version does not know, flagged as one."""
    return labels[choice] if choice.known else UNKNOWN_CHOICE.format(choice.value, noun)
