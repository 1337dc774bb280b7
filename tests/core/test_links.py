"""Links between records and the guide, and what deleting a record does to them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from netjourney.core.errors import InvalidInputError
from netjourney.core.models import (
    Appointment,
    CareTeamMember,
    Note,
    Question,
    appointment_questions,
)
from netjourney.core.record import JourneyRecord
from netjourney.core.registry import kinds

WHEN = datetime(2025, 5, 6, 9, 0, tzinfo=UTC)


def link_count(record: JourneyRecord, model: Any = None, owner_id: int | None = None) -> int:
    """Links of one record, of one kind, or of every kind."""
    links = [model.link_model] if model else [kind.model.link_model for kind in kinds()]
    with record.reading() as session:
        return sum(
            session.scalar(
                select(func.count())
                .select_from(link)
                .where(True if owner_id is None else link.owner_id == owner_id)
            )
            or 0
            for link in links
        )


def add(record: JourneyRecord, obj: object) -> int:
    with record.writing() as session:
        session.add(obj)
        session.flush()
        return obj.id  # type: ignore[attr-defined, no-any-return]


def test_a_record_links_to_several_sections_in_order(record: JourneyRecord) -> None:
    wanted = ["unresectable", "clinical-trials", "second-opinion"]
    note_id = add(record, Note(title="Options", section_ids=wanted))

    with record.reading() as session:
        note = session.get(Note, note_id)

    assert note is not None and note.section_ids == wanted
    assert link_count(record, Note, note_id) == 3


def test_relinking_keeps_the_wanted_links_and_drops_the_rest(record: JourneyRecord) -> None:
    question_id = add(record, Question(text="Q", section_ids=["resectable", "recurrent"]))

    with record.writing() as session:
        question = session.get(Question, question_id)
        assert question is not None
        question.section_ids = ["recurrent", "care-team", "recurrent"]
    with record.reading() as session:
        relinked = session.get(Question, question_id)

    assert relinked is not None and relinked.section_ids == ["recurrent", "care-team"]
    assert link_count(record, Question, question_id) == 2


def test_a_link_to_a_section_the_guide_lacks_is_refused(record: JourneyRecord) -> None:
    with pytest.raises(InvalidInputError, match="refused"):
        add(record, Note(title="Lost", section_ids=["resectable", "no-such-section"]))

    assert record.is_empty()
    assert link_count(record) == 0


def test_a_role_the_guide_lacks_is_refused(record: JourneyRecord) -> None:
    with pytest.raises(InvalidInputError):
        add(record, CareTeamMember(role="astrologer", name="Madame Irma"))

    assert record.is_empty()


REQUIRED_FIELDS: dict[type[Any], dict[str, Any]] = {
    Question: {"text": "Q"},
    Appointment: {"starts_at": WHEN, "time_zone": "UTC"},
}


@pytest.mark.parametrize("model", [CareTeamMember, Question, Appointment, Note])
def test_deleting_a_record_removes_its_links(record: JourneyRecord, model: type[Any]) -> None:
    required = REQUIRED_FIELDS.get(model, {})
    record_id = add(record, model(section_ids=["care-team", "recurrent"], **required))
    assert link_count(record, model, record_id) == 2

    with record.writing() as session:
        session.delete(session.get(model, record_id))

    assert link_count(record, model, record_id) == 0


def test_deleting_with_plain_sql_also_removes_links(record: JourneyRecord) -> None:
    note_id = add(record, Note(title="N", section_ids=["recurrent"]))

    with record.writing() as session:
        session.execute(delete(Note).where(Note.id == note_id))

    assert link_count(record) == 0


def test_deleting_a_member_keeps_their_appointments_and_notes(record: JourneyRecord) -> None:
    with record.writing() as session:
        member = CareTeamMember(role="pulmonologist", name="Dr. Lee")
        appointment = Appointment(starts_at=WHEN, time_zone="UTC", member=member)
        session.add_all([member, appointment])
        session.flush()
        session.add(Note(title="From Dr. Lee", member_id=member.id))
        member_id = member.id

    with record.writing() as session:
        session.delete(session.get(CareTeamMember, member_id))

    with record.reading() as session:
        appointment_members = session.scalars(select(Appointment.member_id)).all()
        note_members = session.scalars(select(Note.member_id)).all()
    assert (appointment_members, note_members) == ([None], [None])


def planned(session: Session) -> list[tuple[int, int]]:
    rows = session.execute(select(appointment_questions).order_by("question_id")).all()
    return [tuple(row) for row in rows]


def test_deleting_a_question_takes_it_off_every_appointment(record: JourneyRecord) -> None:
    with record.writing() as session:
        kept, removed = Question(text="Kept"), Question(text="Removed")
        first = Appointment(starts_at=WHEN, time_zone="UTC", planned_questions=[kept, removed])
        second = Appointment(starts_at=WHEN, time_zone="UTC", planned_questions=[removed])
        session.add_all([first, second])
        session.flush()
        ids = (first.id, second.id, kept.id, removed.id)

    with record.writing() as session:
        session.delete(session.get(Question, ids[3]))

    with record.reading() as session:
        assert planned(session) == [(ids[0], ids[2])]
        remaining = session.get(Appointment, ids[1])
        assert remaining is not None and remaining.planned_questions == []
