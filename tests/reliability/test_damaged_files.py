"""RELIABILITY 6 and 7 at start: a damaged file is kept aside, never written over, and the
newest good backup is offered. That open() refuses such files without touching them is
tested in tests/core/test_migrations.py; that `check` reports them, in tests/core/test_check.py.
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
from collections import Counter
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from netjourney.core import backups, database
from netjourney.core.errors import NewerRecordError, NotARecordError
from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from netjourney.core.recovery import StartChoice, carry_out, damage_in, examine_at_start
from tests.core.sample_records import counts_of
from tests.reliability.conftest import closed_single_file, start_child
from tests.reliability.test_backups import corrupt_the_notes_table

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
SAMPLE_COUNTS = counts_of(care_team_members=2, questions=3, appointments=2, notes=2)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def bad_header(path: Path) -> None:
    with path.open("r+b") as file:
        file.write(b"This is no longer SQLite")


def random_bytes_in_a_page(path: Path) -> None:
    corrupt_the_notes_table(path)


def truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def zero_bytes(path: Path) -> None:
    path.write_bytes(b"")


DAMAGE = [bad_header, random_bytes_in_a_page, truncated, zero_bytes]


@pytest.fixture
def with_backups(sample_record_path: Path) -> Path:
    """The sample record with a good backup, then a newer one that got damaged too."""
    good = backups.backup_if_due(sample_record_path, NOON - timedelta(hours=2))
    newest = backups.backup_if_due(sample_record_path, NOON - timedelta(hours=1))
    assert good is not None and newest is not None
    corrupt_the_notes_table(newest.path)
    closed_single_file(sample_record_path)
    return sample_record_path


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_record_is_kept_aside_untouched_and_the_newest_good_backup_offered(
    with_backups: Path, damage: Callable[[Path], None]
) -> None:
    damage(with_backups)
    damaged_bytes = sha256(with_backups)

    found = examine_at_start(with_backups, NOON)

    assert found is not None
    assert found.kept_at == with_backups.with_name("journey.sqlite.damaged-20260302T120000")
    assert sha256(found.kept_at) == damaged_bytes  # nothing written over it
    assert not with_backups.exists()  # the name is free for a restore or a new record
    assert found.backup is not None
    assert found.backup.taken_at == NOON - timedelta(hours=2)  # the newest *good* one
    message = found.message()
    assert str(found.kept_at) in message and "Nothing was written over it" in message
    assert "2 notes" in message


@pytest.mark.parametrize("damage", DAMAGE)
def test_restoring_the_offered_backup_gives_back_a_working_record(
    with_backups: Path, damage: Callable[[Path], None], guide: Guide
) -> None:
    damage(with_backups)
    found = examine_at_start(with_backups, NOON)
    assert found is not None

    assert carry_out(found, StartChoice.RESTORE_BACKUP) is True

    record = JourneyRecord.open(with_backups, guide)
    assert record.counts() == SAMPLE_COUNTS
    record.close()
    assert found.kept_at.exists()


def test_starting_a_new_record_leaves_the_damaged_one_aside(
    with_backups: Path, guide: Guide
) -> None:
    truncated(with_backups)
    found = examine_at_start(with_backups, NOON)
    assert found is not None

    assert carry_out(found, StartChoice.START_NEW) is True
    record = JourneyRecord.open(with_backups, guide)
    assert record.is_empty()
    record.close()
    assert found.kept_at.exists() and not carry_out(found, StartChoice.QUIT)


def test_without_a_backup_only_a_new_record_or_quitting_is_offered(
    sample_record_path: Path,
) -> None:
    zero_bytes(sample_record_path)

    found = examine_at_start(sample_record_path, NOON)

    assert found is not None and found.backup is None
    assert "There is no backup to restore" in found.message()


def make_unclean_exit(path: Path) -> None:
    child = start_child("unclean_exit", path)
    assert child.wait() == 0
    wal = path.with_name(path.name + "-wal")
    assert wal.stat().st_size > 0


def break_an_index_quietly(path: Path) -> None:
    """Make an index disagree with its table: only the full integrity_check sees it."""
    with closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("UPDATE notes SET updated_at = '2000-01-01 00:00:00.000000'")
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute(
            "UPDATE sqlite_schema SET sql = 'CREATE INDEX ix_notes_updated_at ON notes "
            "(created_at)' WHERE name = 'ix_notes_updated_at'"
        )
    assert database.integrity_problems(path, thorough=False) == []
    assert database.integrity_problems(path, thorough=True) != []


def test_after_an_unclean_exit_the_full_check_runs(sample_record_path: Path) -> None:
    break_an_index_quietly(sample_record_path)
    make_unclean_exit(sample_record_path)
    wal_bytes = sha256(sample_record_path.with_name("journey.sqlite-wal"))

    found = examine_at_start(sample_record_path, NOON)

    assert found is not None and "missing from index" in found.problem
    wal_aside = found.kept_at.with_name(found.kept_at.name + "-wal")
    assert sha256(wal_aside) == wal_bytes  # the -wal went with its file
    assert not sample_record_path.with_name("journey.sqlite-wal").exists()


def test_a_healthy_record_after_an_unclean_exit_opens_with_its_last_changes(
    sample_record_path: Path, guide: Guide
) -> None:
    make_unclean_exit(sample_record_path)

    assert examine_at_start(sample_record_path, NOON) is None
    record = JourneyRecord.open(sample_record_path, guide)
    assert record.counts() == SAMPLE_COUNTS
    record.close()


def test_a_second_damage_in_the_same_second_gets_its_own_name(with_backups: Path) -> None:
    zero_bytes(with_backups)
    first = examine_at_start(with_backups, NOON)
    with_backups.write_bytes(b"again")

    second = examine_at_start(with_backups, NOON)

    assert first is not None and second is not None
    assert first.kept_at.read_bytes() == b"" and second.kept_at.read_bytes() == b"again"


def test_a_newer_or_foreign_file_is_not_called_damaged_nor_moved(
    sample_record_path: Path, tmp_path: Path
) -> None:
    with closing(sqlite3.connect(sample_record_path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9001_from_the_future'")
    foreign = tmp_path / "addresses.sqlite"
    with closing(sqlite3.connect(foreign)) as connection, connection:
        connection.execute("CREATE TABLE people (name TEXT)")

    with pytest.raises(NewerRecordError):
        examine_at_start(sample_record_path, NOON)
    with pytest.raises(NotARecordError):
        examine_at_start(foreign, NOON)

    assert sample_record_path.exists() and foreign.exists()
    assert not list(tmp_path.glob("*.damaged-*"))


def test_random_damage_anywhere_never_crashes_the_start(with_backups: Path) -> None:
    """Many random hits after the header (tested above): each time the record is either
    healthy, refused where it is, or kept aside untouched with a backup offered."""
    original = with_backups.read_bytes()
    rng = random.Random(2026)
    outcomes: list[str] = []
    for attempt in range(40):
        damaged = bytearray(original)
        start = rng.randrange(100, len(damaged))
        damaged[start : start + rng.randint(1, 4096)] = rng.randbytes(rng.randint(1, 4096))
        with_backups.write_bytes(bytes(damaged))

        try:
            found = examine_at_start(with_backups, NOON + timedelta(seconds=attempt))
        except (NewerRecordError, NotARecordError):  # a hit on the schema version's text
            assert with_backups.read_bytes() == bytes(damaged)
            outcomes.append("refused")
            continue
        if found is None:
            assert damage_in(with_backups) is None
            outcomes.append("healthy")
        else:
            assert found.kept_at.read_bytes() == bytes(damaged)
            assert found.backup is not None
            outcomes.append("kept aside")
    print(Counter(outcomes))
    assert "kept aside" in outcomes
