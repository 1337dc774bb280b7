"""Questions: choosing from the guide's library, answering, and what is still open."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, select

from netjourney.core.dates import zone_or_utc
from netjourney.core.errors import InvalidInputError
from netjourney.core.guide import Guide
from netjourney.core.home import OPEN_STATUS_VALUES
from netjourney.core.models import Appointment, Question, QuestionStatus
from netjourney.core.people import with_whom
from netjourney.core.record import JourneyRecord

OPEN_STATUSES = tuple(QuestionStatus(value) for value in OPEN_STATUS_VALUES)
OWN_GROUP = "own"  # the group filter's value for the user's own questions
OPEN_FILTER = "open"  # the status filter's value for still to ask or to hear back about


def choose_from_library(record: JourneyRecord, library_id: str) -> Question:
    """Add a library question to the user's chosen ones (or choose it again); never twice."""
    library_question = record.guide.library_question(library_id)
    with record.writing() as session:
        existing = session.scalars(
            select(Question).where(Question.library_id == library_id)
        ).first()
        if existing is not None:
            existing.chosen = True
            return existing
        question = Question(text=library_question.text, library_id=library_id, chosen=True)
        question.section_ids = [library_question.section_id]
        session.add(question)
    return question


def library_choice(record: JourneyRecord, library_id: str) -> bool | None:
    """Whether a library question is chosen; None when the record does not hold it."""
    with record.reading() as session:
        query = select(Question.chosen).where(Question.library_id == library_id)
        return session.scalars(query).first()


def chosen_library_ids(record: JourneyRecord) -> set[str]:
    """The library questions the user has already chosen to ask."""
    with record.reading() as session:
        query = select(Question.library_id).where(Question.chosen, Question.library_id.is_not(None))
        return {library_id for library_id in session.scalars(query) if library_id}


def open_questions(record: JourneyRecord) -> list[Question]:
    """Chosen questions not yet answered, oldest first: what to ask at the next visit."""
    with record.reading() as session:
        query = (
            select(Question)
            .where(Question.chosen, Question.status.in_(OPEN_STATUSES))
            .order_by(Question.id)
        )
        return list(session.scalars(query))


def answer_changes(
    status: QuestionStatus, answered_by: str, answer: str, day: date, by: str = ""
) -> dict[str, Any]:
    """What else changes when `answer` is written: the one rule every page follows.

    A non-blank answer to an open question marks it answered on `day` (the visit's day,
    or today away from a visit), by `by` (the visit's people) unless someone is named
    already. A question answered before keeps its day and person.
    """
    if not answer.strip() or status not in OPEN_STATUSES:
        return {}
    changes: dict[str, Any] = {"status": QuestionStatus.ANSWERED, "answered_on": day}
    if by and not answered_by.strip():
        changes["answered_by"] = by
    return changes


def answer_question(
    record: JourneyRecord, question_id: int, answer: str, appointment_id: int | None = None
) -> Question:
    """Write an answer, at a visit when `appointment_id` is given, by `answer_changes`."""
    with record.writing() as session:
        question = session.get(Question, question_id)
        if question is None:
            raise InvalidInputError("That question no longer exists (it may have been removed).")
        visit = session.get(Appointment, appointment_id) if appointment_id is not None else None
        day = visit_day(visit) if visit else date.today()
        by = with_whom(record.guide, visit, with_role=False) if visit else ""
        changes = answer_changes(question.status, question.answered_by, answer, day, by)
        question.answer = answer
        for name, value in changes.items():
            setattr(question, name, value)
    return question


def visit_day(visit: Appointment) -> date:
    """The day of the visit where it took place."""
    return visit.starts_at.astimezone(zone_or_utc(visit.time_zone)).date()


def filter_conditions(
    guide: Guide, status: QuestionStatus | str | None, group: str | None
) -> list[ColumnElement[bool]]:
    """The Questions list's filters: a status (or all open ones, as Home counts them), and
    a guide group or the user's own."""
    conditions: list[ColumnElement[bool]] = []
    if status == OPEN_FILTER:
        conditions.append(Question.status.in_(OPEN_STATUSES))
    elif status is not None:
        conditions.append(Question.status == status)
    if group == OWN_GROUP:
        conditions.append(Question.library_id.is_(None))
    elif group is not None:
        library_ids = [
            q.id for g in guide.question_groups if g.section_id == group for q in g.questions
        ]
        conditions.append(Question.library_id.in_(library_ids))
    return conditions
