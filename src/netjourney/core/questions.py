"""Questions: choosing from the guide's library, and what is still open."""

from __future__ import annotations

from sqlalchemy import select

from netjourney.core.models import Question, QuestionStatus
from netjourney.core.record import JourneyRecord

OPEN_STATUSES = (QuestionStatus.TO_ASK, QuestionStatus.ASKED)


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


def open_questions(record: JourneyRecord) -> list[Question]:
    """Chosen questions not yet answered, oldest first: what to ask at the next visit."""
    with record.reading() as session:
        query = (
            select(Question)
            .where(Question.chosen, Question.status.in_(OPEN_STATUSES))
            .order_by(Question.id)
        )
        return list(session.scalars(query))
