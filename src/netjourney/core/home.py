"""What the Home page shows: what is next, and what is still open."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from netjourney.core.appointments import upcoming
from netjourney.core.models import Appointment, Note, Question
from netjourney.core.questions import OPEN_STATUSES
from netjourney.core.record import JourneyRecord


@dataclass(frozen=True)
class HomeSummary:
    next_appointment: Appointment | None
    open_question_count: int
    latest_notes: list[Note]


def home_summary(record: JourneyRecord, now: datetime, note_count: int = 5) -> HomeSummary:
    following = upcoming(record, now, limit=1)
    with record.reading() as session:
        open_count = session.scalar(
            select(func.count())
            .select_from(Question)
            .where(Question.chosen, Question.status.in_(OPEN_STATUSES))
        )
        notes = session.scalars(select(Note).order_by(Note.updated_at.desc()).limit(note_count))
        return HomeSummary(following[0] if following else None, open_count or 0, list(notes))
