"""RELIABILITY 12: an exception in the middle of a save leaves nothing of that save.

Connection settings (RELIABILITY 2) are tested in tests/core/test_connections.py, and
that a save holds the write lock from its first statement in test_disk_and_locks.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from netjourney.core import database, repository
from netjourney.core.errors import InvalidInputError
from netjourney.core.models import Appointment, Note, Question
from netjourney.core.record import JourneyRecord
from netjourney.core.search import search_everything
from tests.core.sample_records import add_sample_records, counts_of

SAMPLE_COUNTS = counts_of(care_team_members=2, questions=3, appointments=2, notes=2)


class PowerCut(Exception):
    """Stands for anything going wrong half way: a bug, a crash of a library, Ctrl+C."""


def test_an_exception_after_part_of_a_save_was_written_leaves_none_of_it(
    record: JourneyRecord, record_path: Path
) -> None:
    add_sample_records(record)

    with pytest.raises(PowerCut), record.writing() as session:
        session.add(Note(title="Half saved", body="zqhalfsaved", section_ids=["recurrent"]))
        session.flush()  # the note, its link and its search entry are in the file now ...
        question = session.get(Question, 1)
        assert question is not None
        question.answer = "changed in the same save"
        session.flush()
        raise PowerCut  # ... when the save is cut off

    assert record.counts() == SAMPLE_COUNTS
    assert search_everything(record, "zqhalfsaved") == []
    assert repository.get(record, Question, 1).answer == "Typical, low grade."
    with database.plain_sqlite(record_path) as connection:
        assert connection.execute(
            "SELECT count(*) FROM notes_section_links WHERE section_id = 'recurrent'"
        ).fetchone() == (0,)
    assert database.integrity_problems(record_path) == []


def test_a_refused_link_at_the_end_of_a_save_takes_the_whole_save_back(
    record: JourneyRecord,
) -> None:
    add_sample_records(record)

    with pytest.raises(InvalidInputError), record.writing() as session:
        session.add(Note(title="First of two"))
        session.flush()
        session.add(Appointment(starts_at=None, time_zone="UTC"))  # NOT NULL: refused
        session.flush()

    assert record.counts() == SAMPLE_COUNTS
