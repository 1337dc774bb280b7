"""What's next: appointments, doses due, scans and tests planned, in date order.

One list for Home, `netjourney upcoming` and the calendar export. Each day is
the local calendar day: an appointment's day in its own time zone, a dose's or
scan's day as recorded (see core/journey/schedule.py).
"""

# No `from __future__ import annotations` here: typing.NamedTuple compiles each field's
# annotation kept as a string, which cost `netjourney upcoming` a few tenths of a millisecond.

import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from netjourney.core.dates import clock, zone_or_utc
from netjourney.core.journey.choices import scan_kind_label
from netjourney.core.journey.schedule import doses_due
from netjourney.core.plain_read import latest_scan, opened_plainly, tests_planned, visits_between
from netjourney.core.words import with_whom_text

if TYPE_CHECKING:
    from netjourney.core.record import JourneyRecord

APPOINTMENT, DOSE, SCAN, TEST = "Appointment", "Dose due", "Scan planned", "Test planned"


class UpcomingItem(NamedTuple):
    on: date
    kind: str  # APPOINTMENT, DOSE, SCAN or TEST
    what: str  # e.g. "Lanreotide (Somatuline)", "Somatostatin receptor PET"
    with_whom: str  # who it is with, or who prescribed it; "" when not known
    at: str = ""  # "14:30" for an appointment, in its own time zone
    overdue: bool = False  # a dose due before today and not logged
    record_kind: str = ""  # the registry kind and id of the record behind it
    record_id: int = 0


def upcoming(record: "JourneyRecord", today: date, days: int = 30) -> list[UpcomingItem]:
    """Everything due from today through `days` days on, plus overdue doses, by date."""
    with record.plain_reading() as connection:
        return upcoming_in(connection, today, days)


def quick_upcoming(path: Path, today: date, days: int = 30) -> list[UpcomingItem] | None:
    """upcoming() without opening the record (core/plain_read.py): for `netjourney upcoming`,
    which would otherwise spend most of its time importing SQLAlchemy. None when only the
    full opening can read the file."""
    try:
        with opened_plainly(path) as connection:
            return None if connection is None else upcoming_in(connection, today, days)
    except sqlite3.Error:  # damaged past its first pages: the full opening says so
        return None


def upcoming_in(connection: sqlite3.Connection, today: date, days: int = 30) -> list[UpcomingItem]:
    """upcoming() read on a plain connection: an open record's, or core/plain_read.py's own."""
    last = today + timedelta(days=days)
    items = [
        *_appointments(connection, today, last),
        *_doses(connection, today, last),
        *_scans(connection, today, last),
        *_tests(connection, today, last),
    ]
    return sorted(items, key=lambda i: (i.on, i.at, i.kind, i.what))


def _appointments(connection: sqlite3.Connection, first: date, last: date) -> list[UpcomingItem]:
    # A day either side in UTC catches every zone; the exact day is the visit's own.
    since = datetime.combine(first - timedelta(days=1), time(), UTC)
    until = datetime.combine(last + timedelta(days=2), time(), UTC)
    items = []
    for visit in visits_between(connection, since, until):
        local = visit.starts_at.astimezone(zone_or_utc(visit.time_zone))
        if first <= local.date() <= last:
            items.append(
                UpcomingItem(
                    local.date(),
                    APPOINTMENT,
                    visit.purpose or "Appointment",
                    with_whom_text(visit.member_name, None, visit.with_whom),
                    at=clock(local),
                    record_kind="appointment",
                    record_id=visit.id,
                )
            )
    return items


def _doses(connection: sqlite3.Connection, first: date, last: date) -> list[UpcomingItem]:
    return [
        UpcomingItem(
            due.due_on,
            DOSE,
            due.treatment,
            due.with_whom,
            overdue=due.overdue,
            record_kind="treatment",
            record_id=due.treatment_id,
        )
        for due in doses_due(connection, first)
        if due.due_on <= last
    ]


def _scans(connection: sqlite3.Connection, first: date, last: date) -> list[UpcomingItem]:
    """The next scan planned at the latest scan (an earlier plan was met or replaced)."""
    latest = latest_scan(connection)
    if latest is None or latest.next_planned_on is None:
        return []
    if not first <= latest.next_planned_on <= last:
        return []
    what = scan_kind_label(latest.kind)
    return [
        UpcomingItem(
            latest.next_planned_on, SCAN, what, latest.location, "", False, "scan", latest.id
        )
    ]


def _tests(connection: sqlite3.Connection, first: date, last: date) -> list[UpcomingItem]:
    """Per measure, the next test planned at its latest result."""
    seen: dict[str, UpcomingItem] = {}
    for result in tests_planned(connection, first, last):
        seen[result.measure] = UpcomingItem(
            result.next_planned_on,
            TEST,
            result.measure,
            result.lab,
            record_kind="measurement",
            record_id=result.id,
        )
    return list(seen.values())
