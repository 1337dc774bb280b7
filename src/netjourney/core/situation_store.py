"""My situation in the record: loading and saving the answers, adding suggested questions."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from netjourney.core.errors import InvalidInputError
from netjourney.core.models import SituationAnswers
from netjourney.core.questions import choose_from_library, chosen_library_ids
from netjourney.core.record import JourneyRecord
from netjourney.core.situation import ANSWER_NAMES, UNKNOWN, AnswerError, Situation


def stored_situation(session: Session) -> Situation:
    """The answers kept in the record; all "not known yet" when none were saved."""
    row = session.get(SituationAnswers, SituationAnswers.ONLY_ROW_ID)
    if row is None:
        return Situation()
    return Situation.from_answers({name: getattr(row, name) for name in ANSWER_NAMES})


def store_situation(session: Session, situation: Situation) -> None:
    """Keep these answers in place of any stored before."""
    session.merge(SituationAnswers(id=SituationAnswers.ONLY_ROW_ID, **situation.answers()))


def load_situation(record: JourneyRecord) -> Situation:
    with record.reading() as session:
        return stored_situation(session)


def save_situation(record: JourneyRecord, situation: Situation) -> None:
    with record.writing() as session:
        store_situation(session, situation)


def record_answers(record: JourneyRecord, assignments: Iterable[str]) -> Situation:
    """Apply NAME=VALUE answers (VALUE "unknown" forgets one) and save them all, or none."""
    situation = load_situation(record)
    for assignment in assignments:
        name, equals, value = assignment.partition("=")
        try:
            if not equals:
                raise AnswerError(name, "give it as NAME=VALUE")
            situation = situation.with_answer(name.strip(), value.strip() or UNKNOWN)
        except AnswerError as error:
            raise InvalidInputError(
                f"Cannot record {assignment!r}: {error}. Nothing was saved."
            ) from None
    save_situation(record, situation)
    return situation


def add_suggested_questions(record: JourneyRecord, library_ids: Iterable[str]) -> list[str]:
    """Add library questions to the chosen ones, never twice; return the ids newly chosen."""
    wanted = list(dict.fromkeys(library_ids))
    for library_id in wanted:
        record.guide.library_question(library_id)  # an unknown id fails before any write
    chosen = chosen_library_ids(record)
    added = [library_id for library_id in wanted if library_id not in chosen]
    for library_id in added:
        choose_from_library(record, library_id)
    return added


def journey_situation_blocks(record: JourneyRecord) -> list[tuple[str, list[str]]]:
    """My situation for the journey PDF: nothing until at least one answer is known."""
    from netjourney.core.situation import load_rules, situation_blocks

    situation = load_situation(record)
    if all(value is None for value in situation.answers().values()):
        return []
    return situation_blocks(load_rules(record.guide).path_for(situation))
