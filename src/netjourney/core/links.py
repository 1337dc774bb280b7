"""Links both ways: which of the user's records are about a guide section."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, select

from netjourney.core.appointments import appointment_title
from netjourney.core.models import Appointment, CareTeamMember, Note, Question, SectionLink
from netjourney.core.record import JourneyRecord


@dataclass(frozen=True)
class LinkedRecord:
    kind: str  # "member", "question", "appointment" or "note"
    id: int
    title: str


# kind, model, its link column, the columns its title needs, and the title from them
_OWNERS: tuple[tuple[str, Any, Any, tuple[Any, ...], Callable[[Row[Any]], str]], ...] = (
    ("member", CareTeamMember, SectionLink.member_id, (CareTeamMember.name,), lambda m: m.name),
    ("question", Question, SectionLink.question_id, (Question.text,), lambda q: q.text),
    (
        "appointment",
        Appointment,
        SectionLink.appointment_id,
        (Appointment.starts_at, Appointment.time_zone, Appointment.purpose),
        lambda a: appointment_title(a.starts_at, a.time_zone, a.purpose),
    ),
    ("note", Note, SectionLink.note_id, (Note.title,), lambda n: n.title or "(untitled)"),
)


def records_linked_to(record: JourneyRecord, section_id: str) -> list[LinkedRecord]:
    # Only the columns a title needs: a section may have thousands of notes linked to it.
    with record.reading() as session:
        return [
            LinkedRecord(kind, row.id, title(row))
            for kind, model, column, title_columns, title in _OWNERS
            for row in session.execute(
                select(model.id, *title_columns)
                .join(SectionLink, column == model.id)
                .where(SectionLink.section_id == section_id)
                .order_by(model.id)
            )
        ]
