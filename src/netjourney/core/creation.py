"""A new record appears whole or not at all; filling an empty record is one transaction.

A record is built under a temporary name beside its final one and moved into place
only when complete, so a crash or a kill during creation leaves either nothing at
the record's name or a complete record (issue 16.4). The check that a record is
empty and the writes that fill it share one BEGIN IMMEDIATE transaction, so two
fillers racing cannot both write (issue 16.6).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from netjourney.core.database import new_record_file
from netjourney.core.errors import InvalidInputError
from netjourney.core.guide import Guide
from netjourney.core.models import SituationAnswers
from netjourney.core.record import JourneyRecord
from netjourney.core.registry import kinds
from netjourney.core.situation import ANSWER_NAMES


@contextmanager
def record_to_fill(path: Path, guide: Guide) -> Iterator[JourneyRecord]:
    """The record at `path`; when there is none yet, a new one that appears only if the
    block succeeds (a failed import or a killed demo leaves no file behind)."""
    if path.exists():
        record = JourneyRecord.open(path, guide)
        try:
            yield record
        finally:
            record.close()
        return
    with new_record_file(path) as building:
        record = JourneyRecord.open(building, guide)
        try:
            yield record
        finally:
            record.close()


@contextmanager
def writing_into_empty(record: JourneyRecord, refusal: str) -> Iterator[Session]:
    """A unit of work that first makes sure, under the write lock, that the record is empty.

    My situation's answers count as content. `refusal` is the message when it is not empty.
    """
    with record.writing() as session:
        if holds_content(session):
            raise InvalidInputError(f"{record.path} already holds records; {refusal}")
        yield session


def holds_content(session: Session) -> bool:
    for kind in kinds():
        if session.scalar(select(func.count()).select_from(kind.model)):
            return True
    answers = session.get(SituationAnswers, SituationAnswers.ONLY_ROW_ID)
    return answers is not None and any(getattr(answers, name) for name in ANSWER_NAMES)
