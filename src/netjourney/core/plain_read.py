"""What Home and `netjourney upcoming` show, read with the standard sqlite3 module.

Importing SQLAlchemy and the models costs more than `netjourney --version` or a bare
window, so Home's first fill and `upcoming` read the record here, on a read-only
connection of their own (`opened_plainly`), and fall back to the full opening (which
upgrades, refuses or explains) whenever the file is not an up-to-date, unaltered record.
An open record reads through the same functions on its own connection
(JourneyRecord.plain_reading), so both ways give the same rows.

Each value is read as the models read it (core/stored_values.py): a BLOB, bytes that
are not UTF-8, a number where text belongs, an unknown choice or a day that is not one
shows flagged, never fails.
"""

# No `from __future__ import annotations` here: typing.NamedTuple compiles each field's
# annotation kept as a string, which cost `netjourney upcoming` about a millisecond here.

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from netjourney.core.journey.choices import RepeatUnit, ScanKind, TreatmentKind
from netjourney.core.migrations.head import HEAD_REVISION, HEAD_USER_VERSION
from netjourney.core.schema_check import differences_from, kept_schema, schema_of
from netjourney.core.sqlite_file import (
    APPLICATION_ID,
    Access,
    access_for_reading,
    connect_sqlite,
)
from netjourney.core.stored_values import (
    stored_day,
    stored_text,
    stored_time,
    stored_whole_number,
    time_as_stored,
)

BUSY_WAIT_MS = 200  # a record locked longer is left to the full opening, which waits and says so


@contextmanager
def opened_plainly(path: Path) -> Iterator[sqlite3.Connection | None]:
    """A connection that only reads the record at `path` (sqlite_file.access_for_reading),
    in one snapshot of it; None when only the full opening can use the file: missing,
    locked, damaged, another program's, of an older or newer schema, or with a schema
    altered (or not yet kept in the user's cache: core/schema_check.py)."""
    if not path.is_file():
        yield None
        return
    try:
        access = access_for_reading(path)
        connection = connect_sqlite(path, access)
    except (sqlite3.Error, OSError):
        yield None
        return
    with closing(connection):
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_WAIT_MS}")
            if access is Access.QUERY_ONLY:
                connection.execute("PRAGMA query_only = ON")
            connection.execute("BEGIN")  # one snapshot for every read below
            usable = _is_current_record(connection)
        except sqlite3.Error:
            usable = False
        yield connection if usable else None


def _is_current_record(connection: sqlite3.Connection) -> bool:
    if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        return False
    if connection.execute("PRAGMA user_version").fetchone()[0] != HEAD_USER_VERSION:
        return False
    revision = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    expected = kept_schema(HEAD_REVISION)
    return (
        revision == [(HEAD_REVISION,)]
        and expected is not None
        and not differences_from(expected, schema_of(connection))
    )


def session_connection(session: Any) -> sqlite3.Connection:
    """The sqlite3 connection under an open record's SQLAlchemy session, in its transaction."""
    connection: sqlite3.Connection = session.connection().connection.driver_connection
    return connection


# --- Home -------------------------------------------------------------------------------


class Visit(NamedTuple):
    """An appointment as Home and the upcoming list show it."""

    id: int
    starts_at: datetime
    time_zone: str
    purpose: str
    location: str
    with_whom: str  # anyone else, in the user's words
    member_name: str | None  # the care-team member it is with, if any
    member_role: str | None


_VISITS = (
    "SELECT a.id, a.starts_at, a.time_zone, a.purpose, a.location, a.with_whom, m.id, m.name, "
    "m.role FROM appointments a LEFT JOIN care_team_members m ON m.id = a.member_id "
)


def _visit(row: tuple[Any, ...]) -> Visit:
    visit_id, starts_at, zone, purpose, location, others, member_id, name, role = row
    return Visit(
        visit_id,
        stored_time(starts_at),  # type: ignore[arg-type]  # NOT NULL in the file
        stored_text(zone) or "",
        stored_text(purpose) or "",
        stored_text(location) or "",
        stored_text(others) or "",
        stored_text(name) if member_id is not None else None,
        stored_text(role) if member_id is not None else None,
    )


def next_visit(connection: sqlite3.Connection, now: datetime) -> Visit | None:
    row = connection.execute(
        _VISITS + "WHERE a.starts_at >= ? ORDER BY a.starts_at LIMIT 1", (time_as_stored(now),)
    ).fetchone()
    return None if row is None else _visit(row)


def visits_between(connection: sqlite3.Connection, since: datetime, until: datetime) -> list[Visit]:
    rows = connection.execute(
        _VISITS + "WHERE a.starts_at BETWEEN ? AND ?",
        (time_as_stored(since), time_as_stored(until)),
    )
    return [_visit(row) for row in rows]


def planned_questions(connection: sqlite3.Connection, appointment_id: int) -> list[str]:
    """The questions the user means to ask at the appointment, in the order they were added."""
    rows = connection.execute(
        "SELECT q.text FROM questions q JOIN appointment_questions p ON p.question_id = q.id "
        "WHERE p.appointment_id = ? ORDER BY q.id",
        (appointment_id,),
    )
    return [stored_text(text) for (text,) in rows]  # type: ignore[misc]


def open_question_count(connection: sqlite3.Connection, statuses: tuple[str, ...]) -> int:
    marks = ", ".join("?" * len(statuses))
    row = connection.execute(
        f"SELECT count(*) FROM questions WHERE chosen = 1 AND status IN ({marks})", statuses
    ).fetchone()
    return int(row[0])


class NoteTitle(NamedTuple):
    id: int
    title: str


def latest_notes(connection: sqlite3.Connection, count: int) -> list[NoteTitle]:
    rows = connection.execute(
        "SELECT id, title FROM notes ORDER BY updated_at DESC LIMIT ?", (count,)
    )
    return [NoteTitle(note_id, stored_text(title) or "") for note_id, title in rows]


# --- What's next ------------------------------------------------------------------------


class PlannedTreatment(NamedTuple):
    """A treatment's schedule, as core/journey/schedule.py reads it, and its last dose."""

    id: int
    kind: TreatmentKind
    name: str
    location: str
    prescriber: str  # the care-team member who prescribed it; "" when none
    started_on: date | None
    stopped_on: date | None
    repeat_every: int | None
    repeat_unit: RepeatUnit | None
    planned_dates: str
    last_dose: date | None


def planned_treatments(connection: sqlite3.Connection) -> list[PlannedTreatment]:
    last_doses = dict(
        connection.execute("SELECT treatment_id, max(given_on) FROM doses GROUP BY treatment_id")
    )
    rows = connection.execute(
        "SELECT t.id, t.kind, t.name, t.location, m.id, m.name, t.started_on, t.stopped_on, "
        "t.repeat_every, t.repeat_unit, t.planned_dates FROM treatments t "
        "LEFT JOIN care_team_members m ON m.id = t.member_id ORDER BY t.id"
    )
    return [_planned(row, last_doses) for row in rows]


def _planned(row: tuple[Any, ...], last_doses: dict[int, object]) -> PlannedTreatment:
    treatment_id, kind, name, location, member_id, member, started, stopped, every, unit = row[:10]
    return PlannedTreatment(
        treatment_id,
        TreatmentKind.stored(kind),
        stored_text(name) or "",
        stored_text(location) or "",
        (stored_text(member) or "") if member_id is not None else "",
        stored_day(started),
        stored_day(stopped),
        stored_whole_number(every),
        None if unit is None else RepeatUnit.stored(unit),
        stored_text(row[10]) or "",  # the planned dates
        stored_day(last_doses.get(treatment_id)),
    )


class PlannedScan(NamedTuple):
    id: int
    kind: ScanKind
    location: str
    next_planned_on: date | None


def latest_scan(connection: sqlite3.Connection) -> PlannedScan | None:
    """The latest scan: the next one planned there stands (an earlier plan was met or
    replaced)."""
    row = connection.execute(
        "SELECT id, kind, location, next_planned_on FROM scans "
        "ORDER BY scanned_on DESC, id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    scan_id, kind, location, planned = row
    return PlannedScan(
        scan_id, ScanKind.stored(kind), stored_text(location) or "", stored_day(planned)
    )


class PlannedTest(NamedTuple):
    id: int
    measure: str
    lab: str
    next_planned_on: date


def tests_planned(connection: sqlite3.Connection, first: date, last: date) -> list[PlannedTest]:
    """Per measure, the next test planned at its latest result, when it falls between
    `first` and `last`; in the order the results were written."""
    rows = connection.execute(
        "SELECT m.id, m.measure, m.lab, m.next_planned_on FROM measurements m JOIN "
        "(SELECT measure, max(measured_on) AS newest FROM measurements GROUP BY measure) n "
        "ON m.measure = n.measure AND m.measured_on = n.newest "
        "WHERE m.next_planned_on BETWEEN ? AND ? ORDER BY m.id",
        (first.isoformat(), last.isoformat()),
    )
    return [
        PlannedTest(
            test_id,
            stored_text(measure) or "",
            stored_text(lab) or "",
            stored_day(planned) or first,
        )
        for test_id, measure, lab, planned in rows
        for day in [stored_day(planned)]
    ]
