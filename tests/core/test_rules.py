"""Rules that live once in the core: answering, with whom, roles, field names."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from netjourney.core import repository
from netjourney.core.errors import InvalidInputError
from netjourney.core.home import home_summary
from netjourney.core.listing import ListQuery, appointments_listing, fetch_rows, team_listing
from netjourney.core.models import (
    Appointment,
    CareRole,
    CareTeamMember,
    Note,
    Question,
    QuestionStatus,
)
from netjourney.core.people import role_of, role_title, with_whom
from netjourney.core.people import role_title as export_role_title
from netjourney.core.people import with_whom as export_with_whom
from netjourney.core.questions import answer_question
from netjourney.core.record import JourneyRecord
from netjourney.core.words import with_whom_text


def _visit(record: JourneyRecord, others: str = "") -> Appointment:
    lee = repository.add(record, CareTeamMember(name="Dr. Lee", role="pulmonologist"))
    # 23:30 in Paris on 2 March is already 3 March in Tokyo and 2 March 22:30 in UTC.
    return repository.add(
        record,
        Appointment(
            starts_at=datetime(2026, 3, 2, 22, 30, tzinfo=UTC),
            time_zone="Europe/Paris",
            purpose="Scan review",
            member_id=lee.id,
            with_whom=others,
        ),
    )


def test_an_answer_at_a_visit_takes_the_visit_day_where_it_was_and_its_people(
    record: JourneyRecord,
) -> None:
    visit = _visit(record)
    question = repository.add(record, Question(text="Is it growing?"))
    answered = answer_question(record, question.id, "No, stable.", visit.id)
    assert answered.status == QuestionStatus.ANSWERED
    assert answered.answered_on == date(2026, 3, 2)
    assert answered.answered_by == "Dr. Lee"


def test_an_answer_away_from_a_visit_is_dated_today_and_keeps_the_named_person(
    record: JourneyRecord,
) -> None:
    question = repository.add(record, Question(text="Can I fly?", answered_by="the nurse"))
    answered = answer_question(record, question.id, "Yes.")
    assert (answered.status, answered.answered_on, answered.answered_by) == (
        QuestionStatus.ANSWERED,
        date.today(),
        "the nurse",
    )


def test_a_question_answered_before_keeps_its_day_and_a_blank_answer_changes_no_status(
    record: JourneyRecord,
) -> None:
    visit = _visit(record)
    done = repository.add(
        record,
        Question(text="A?", status=QuestionStatus.ANSWERED, answered_on=date(2025, 1, 5)),
    )
    assert answer_question(record, done.id, "Reworded", visit.id).answered_on == date(2025, 1, 5)
    waiting = repository.add(record, Question(text="B?"))
    blank = answer_question(record, waiting.id, "   ", visit.id)
    assert (blank.status, blank.answered_on) == (QuestionStatus.TO_ASK, None)


def test_with_whom_reads_the_same_in_the_list_on_home_and_in_exports(
    record: JourneyRecord,
) -> None:
    visit = _visit(record, others="my daughter")
    with record.reading() as session:
        loaded = session.get(Appointment, visit.id)
        assert loaded is not None
        exported = export_with_whom(record.guide, loaded)
        short = with_whom(record.guide, loaded, with_role=False)
    assert exported == "Dr. Lee (Pulmonologist), my daughter"
    [row] = fetch_rows(record, ListQuery.default(appointments_listing()), 0, 10)
    assert row.cells[1] == short == "Dr. Lee, my daughter"
    home = home_summary(record, datetime(2026, 1, 1, tzinfo=UTC)).next_appointment
    assert home is not None
    role = role_title(record.guide, home.member_role or "")
    assert with_whom_text(home.member_name, role, home.with_whom) == exported


def test_an_unknown_role_is_shown_by_its_id_everywhere_and_never_raises(
    record: JourneyRecord,
) -> None:
    with record.writing() as session:  # a role an older guide had: the record keeps it
        session.add(CareRole(id="radiation-oncologist-2030"))
    repository.add(record, CareTeamMember(name="Dr. Roe", role="radiation-oncologist-2030"))
    role = role_of(record.guide, "radiation-oncologist-2030")
    assert role.title == "radiation-oncologist-2030" and role.does  # general help, not nothing
    assert export_role_title(record.guide, "radiation-oncologist-2030") == role.title
    [row] = fetch_rows(record, ListQuery.default(team_listing(record.guide)), 0, 10)
    assert row.cells[1] == "radiation-oncologist-2030"


def test_changing_a_misspelled_field_is_refused_and_changes_nothing(
    record: JourneyRecord,
) -> None:
    note = repository.add(record, Note(title="Kept"))
    with pytest.raises(InvalidInputError, match="'titel'"):
        repository.change(record, Note, note.id, title="Lost", titel="typo")
    assert repository.get(record, Note, note.id).title == "Kept"
