"""A record saved by release 0001_initial opens with today's code, every record kept.

tests/data/record-0001_initial.sqlite was made by tests/data/make_fixture_0001.py.
"""

from __future__ import annotations

import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from netjourney.core import database, sqlite_file
from netjourney.core.guide import Guide
from netjourney.core.models import Appointment, Note, Question
from netjourney.core.record import JourneyRecord
from tests.core.old_records import table_rows
from tests.core.sample_records import counts_of

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "record-0001_initial.sqlite"
SEARCH_TABLES = ("care_team_members_fts", "questions_fts", "appointments_fts", "notes_fts")


def table_names(path: Path) -> set[str]:
    with database.plain_sqlite(path) as connection:
        return {row[0] for row in connection.execute("SELECT name FROM sqlite_schema")}


@pytest.fixture
def old_record(tmp_path: Path) -> Path:
    copy = tmp_path / "journey.sqlite"
    shutil.copyfile(FIXTURE, copy)
    return copy


def test_the_fixture_is_a_0001_record_with_every_kind_of_row(old_record: Path) -> None:
    with database.plain_sqlite(old_record) as connection:
        assert database.read_marks(connection) == (sqlite_file.APPLICATION_ID, "0001_initial")
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert all(table_rows(old_record).values())
    assert not set(SEARCH_TABLES) & table_names(old_record)


def test_opening_upgrades_to_the_head_and_keeps_every_row(old_record: Path, guide: Guide) -> None:
    before = table_rows(old_record)

    JourneyRecord.open(old_record, guide).close()

    with database.plain_sqlite(old_record) as connection:
        assert database.read_marks(connection)[1] == database.head_revision()
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    assert table_rows(old_record) == before


def test_a_verified_backup_is_written_before_the_upgrade(old_record: Path, guide: Guide) -> None:
    before = table_rows(old_record)

    JourneyRecord.open(old_record, guide).close()

    backups = list(database.backup_folder(old_record).iterdir())
    assert len(backups) == 1
    backup = backups[0]
    assert backup.name.startswith("before-upgrade-from-0001_initial-")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    with database.plain_sqlite(backup) as connection:
        assert database.read_marks(connection)[1] == "0001_initial"
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert table_rows(backup) == before


def test_the_upgraded_record_reads_back_through_the_models(old_record: Path, guide: Guide) -> None:
    record = JourneyRecord.open(old_record, guide)
    try:
        with record.reading() as session:
            visit = session.get(Appointment, 1)
            note = session.get(Note, 1)
            first_question = session.get(Question, 1)
        assert visit is not None and note is not None and first_question is not None
        assert visit.member is not None and visit.member.name == "Dr. Ada <Ünal> & Partners"
        assert [q.id for q in visit.planned_questions] == [1, 2, 3]
        assert visit.section_ids == ["resectable", "making-decisions"]
        assert visit.starts_at.isoformat() == "2025-02-03T14:00:00+00:00"
        assert note.private and note.section_ids == ["resectable", "clinical-trials"]
        assert first_question.answered_on is not None
        assert first_question.created_at.isoformat() == "2025-01-02T04:00:00+00:00"
        assert record.counts() == counts_of(
            care_team_members=3, questions=4, appointments=2, notes=3
        )
    finally:
        record.close()


def test_the_upgrade_adds_search_over_the_old_records(old_record: Path, guide: Guide) -> None:
    JourneyRecord.open(old_record, guide).close()

    assert set(SEARCH_TABLES) <= table_names(old_record)
    with sqlite3.connect(f"file:{old_record}?mode=ro", uri=True) as connection:
        found = connection.execute(
            "SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'lobectomy'"
        ).fetchall()
        members = connection.execute(
            "SELECT rowid FROM care_team_members_fts WHERE care_team_members_fts MATCH 'unal'"
        ).fetchall()
    connection.close()
    assert (found, members) == ([(1,)], [(1,)])
