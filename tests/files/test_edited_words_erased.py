"""Issue 16.9: words edited out of any indexed text leave the record file (and the backups
taken after the edit), not only the words of deleted records."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from netjourney.core import backups, repository
from netjourney.core.models import Appointment, CareTeamMember, Note, Question
from netjourney.core.record import JourneyRecord
from netjourney.core.search import search_everything
from tests.core.sample_records import add_sample_records
from tests.reliability.conftest import raw_bytes

SECRET = "zyxwquorbel"  # a word found nowhere else, lower case as the index keeps it


def _member() -> tuple[CareTeamMember, dict[str, str]]:
    return CareTeamMember(role="nurse", name="Nurse Ana", notes=f"{SECRET} on Fridays"), {
        "notes": "on Fridays"
    }


def _question() -> tuple[Question, dict[str, str]]:
    return Question(text="Is it safe?", answer=f"Ask about {SECRET}"), {"answer": "Ask"}


def _appointment() -> tuple[Appointment, dict[str, str]]:
    visit = Appointment(
        starts_at=datetime(2025, 5, 1, 9, tzinfo=UTC), time_zone="UTC", purpose="Scan"
    )
    visit.outcome = f"{SECRET} was fine"
    return visit, {"outcome": "was fine"}


def _note() -> tuple[Note, dict[str, str]]:
    return Note(title="Worries", body=f"My worries about {SECRET}. " * 20), {"body": "Worries."}


@pytest.mark.parametrize("make", [_member, _question, _appointment, _note])
def test_an_edited_out_word_is_gone_from_the_file_and_later_backups(
    record: JourneyRecord, record_path: Path, make: Callable[[], tuple[Any, dict[str, str]]]
) -> None:
    add_sample_records(record)
    added, edit = make()
    repository.add(record, added)
    assert SECRET.encode() in raw_bytes(record_path)

    repository.change(record, type(added), added.id, **edit)
    backup = backups.back_up_now(record_path)

    assert SECRET.encode() not in backup.path.read_bytes()
    assert search_everything(record, SECRET) == []
    record.close()  # the last connection folds the -wal into the file
    assert SECRET.encode() not in raw_bytes(record_path)
