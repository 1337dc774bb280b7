"""What the Home page shows: what is next, and what is still open.

Read on a plain sqlite3 connection (core/plain_read.py): the window fills Home from
its own read-only connection right after the first paint, before SQLAlchemy is
imported, and from the open record after every change; both give the same summary.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import suppress
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from netjourney.core import paths
from netjourney.core.journey.upcoming import UpcomingItem, upcoming_in
from netjourney.core.plain_read import (
    NoteTitle,
    Visit,
    latest_notes,
    next_visit,
    open_question_count,
    opened_plainly,
    planned_questions,
)

if TYPE_CHECKING:
    from netjourney.core.record import JourneyRecord

OPEN_STATUS_VALUES = ("to_ask", "asked")  # still to ask or to hear back about (OPEN_STATUSES)
WHATS_NEXT_DAYS = 60


class HomeSummary(NamedTuple):
    next_appointment: Visit | None
    questions_to_ask_there: tuple[str, ...]  # at the next appointment
    open_question_count: int
    latest_notes: tuple[NoteTitle, ...]
    whats_next: tuple[UpcomingItem, ...]  # the next WHATS_NEXT_DAYS days, late doses first


def home_summary(record: JourneyRecord, now: datetime, note_count: int = 5) -> HomeSummary:
    with record.plain_reading() as connection:
        return home_summary_in(connection, now, note_count)


def quick_home_summary(path: Path, now: datetime) -> HomeSummary | None:
    """Home's summary read without opening the record (core/plain_read.py); None when
    only the full opening can read the file."""
    try:
        with opened_plainly(path) as connection:
            return None if connection is None else home_summary_in(connection, now)
    except sqlite3.Error:  # damaged past its first pages: the damage check says so next
        return None


def shipped_role_title(role_id: str) -> str:
    """A care-team role's title as the shipped guide words it, read without validating the
    whole guide (pydantic costs more than Home's first fill); a role it does not know is
    shown by its id, as core/people.py role_of shows it."""
    return _shipped_role_titles().get(role_id, role_id)


@cache
def _shipped_role_titles() -> dict[str, str]:
    with suppress(OSError, ValueError, KeyError, TypeError):  # the full opening says why
        roles = json.loads((paths.resources_dir() / "guide" / "roles.json").read_bytes())
        return {str(role["id"]): str(role["title"]) for role in roles["roles"]}
    return {}


def home_summary_in(
    connection: sqlite3.Connection, now: datetime, note_count: int = 5
) -> HomeSummary:
    visit = next_visit(connection, now)
    return HomeSummary(
        visit,
        tuple(planned_questions(connection, visit.id)) if visit else (),
        open_question_count(connection, OPEN_STATUS_VALUES),
        tuple(latest_notes(connection, note_count)),
        tuple(upcoming_in(connection, now.astimezone().date(), WHATS_NEXT_DAYS)),
    )
