"""Links both ways: which of the user's records are about a guide section."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from netjourney.core.listing import local_time_text
from netjourney.core.models import Appointment, CareTeamMember, Note, Question, SectionLink
from netjourney.core.record import JourneyRecord


@dataclass(frozen=True)
class LinkedRecord:
    kind: str  # "member", "question", "appointment" or "note"
    id: int
    title: str


_OWNERS: tuple[tuple[str, Any, Any, Callable[[Any], str]], ...] = (
    ("member", CareTeamMember, SectionLink.member_id, lambda m: m.name),
    ("question", Question, SectionLink.question_id, lambda q: q.text),
    ("appointment", Appointment, SectionLink.appointment_id,
     lambda a: f"{local_time_text(a.starts_at, a.time_zone)} — {a.purpose}"),
    ("note", Note, SectionLink.note_id, lambda n: n.title or "(untitled)"),
)


def records_linked_to(record: JourneyRecord, section_id: str) -> list[LinkedRecord]:
    with record.reading() as session:
        return [
            LinkedRecord(kind, obj.id, title(obj))
            for kind, model, column, title in _OWNERS
            for obj in session.scalars(
                select(model).join(SectionLink, column == model.id)
                .where(SectionLink.section_id == section_id).order_by(model.id)
            )
        ]
