"""RELIABILITY 3, 4, 9 and 10: a full or failing disk, atomic exports and backups,
another program holding the write lock, a read-only folder.

Each time: a message that says what happened and what to do, the old data intact,
the edit still in the caller's hands, and a retry that works once the cause is gone.
"""

from __future__ import annotations

import json
import resource
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import func, select

from netjourney.core import backups, database
from netjourney.core.errors import RecordBusyError, StorageError
from netjourney.core.guide import Guide
from netjourney.core.models import Note
from netjourney.core.record import JourneyRecord
from netjourney.core.recovery import restore_backup
from netjourney.export.json_io import export_json
from tests.core.sample_records import add_sample_records, counts_of
from tests.reliability.conftest import fill_up, start_child

SAMPLE_COUNTS = counts_of(care_team_members=2, questions=3, appointments=2, notes=2)


def a_long_note() -> Note:
    return Note(title="Questions for Dr. Ünal", body="What does the scan show? " * 20_000)


def save(record: JourneyRecord, note: Note) -> None:
    with record.writing() as session:
        session.add(note)


@contextmanager
def files_may_not_grow_past(limit: int) -> Iterator[None]:
    """RLIMIT_FSIZE: writes past `limit` fail with EFBIG, as on a failing disk (Python
    ignores SIGXFSZ). Only for short, in-process steps; lifted again on the way out."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def test_a_full_disk_is_named_the_edit_kept_and_a_retry_works(
    tiny_disk: Path, guide: Guide
) -> None:
    path = tiny_disk / "journey.sqlite"
    record = JourneyRecord.open(path, guide)
    add_sample_records(record)
    filler = fill_up(tiny_disk)
    note = a_long_note()

    with pytest.raises(StorageError) as raised:
        save(record, note)

    message = str(raised.value)
    assert "is full" in message and "Free some space" in message and "edit is kept" in message
    assert note.body.startswith("What does the scan show?")  # still in the caller's hands
    assert record.counts() == SAMPLE_COUNTS
    assert database.integrity_problems(path) == []
    filler.unlink()
    save(record, note)  # the very same edit
    assert record.counts()["notes"] == SAMPLE_COUNTS["notes"] + 1
    record.close()
    assert database.integrity_problems(path) == []


def test_a_disk_that_fails_writes_is_named_the_edit_kept_and_a_retry_works(
    sample_record_path: Path,
) -> None:
    child = start_child("size_limited", sample_record_path, 1_000_000)
    output, _ = child.communicate(timeout=120)
    assert child.returncode == 0, output
    outcome = json.loads(output)

    name, message = outcome["error"]
    assert name == "StorageError"
    assert "disk" in message and "try again" in message and "edit is kept" in message
    assert outcome["kept_body_length"] > 2_000_000
    assert outcome["after_failure"] == outcome["before"] == SAMPLE_COUNTS
    assert outcome["after_retry"]["notes"] == SAMPLE_COUNTS["notes"] + 1
    assert database.integrity_problems(sample_record_path) == []


def test_a_failed_export_leaves_the_previous_one_whole(
    record: JourneyRecord, tmp_path: Path
) -> None:
    add_sample_records(record)
    destination = tmp_path / "journey.json"
    export_json(record, destination)
    previous = destination.read_bytes()
    save(record, a_long_note())

    with files_may_not_grow_past(len(previous)), pytest.raises(StorageError) as raised:
        export_json(record, destination)

    assert "Nothing was changed there" in str(raised.value)
    assert destination.read_bytes() == previous
    assert [p.name for p in tmp_path.iterdir() if "json" in p.name] == ["journey.json"]


def test_a_failed_backup_leaves_no_partial_copy_and_older_ones_whole(
    record: JourneyRecord, record_path: Path
) -> None:
    older = backups.back_up_now(record_path)
    older_bytes = older.path.read_bytes()
    save(record, a_long_note())

    with files_may_not_grow_past(len(older_bytes)), pytest.raises(StorageError):
        backups.back_up_now(record_path)

    assert list(older.path.parent.iterdir()) == [older.path]
    assert older.path.read_bytes() == older_bytes


def test_a_backup_never_takes_the_space_the_record_needs(tiny_disk: Path, guide: Guide) -> None:
    path = tiny_disk / "journey.sqlite"
    JourneyRecord.open(path, guide).close()

    with pytest.raises(StorageError, match="No backup was taken.*Free some space"):
        backups.backup_if_due(path)

    assert not database.backup_folder(path).exists()


def test_a_restore_that_runs_out_of_space_puts_the_record_back(
    tiny_disk: Path, tmp_path: Path, guide: Guide
) -> None:
    path = tiny_disk / "journey.sqlite"
    JourneyRecord.open(path, guide).close()
    big = JourneyRecord.open(tmp_path / "big.sqlite", guide)
    for _ in range(8):  # about 4 MB: more than the tiny disk holds
        save(big, a_long_note())
    big.close()

    with pytest.raises(StorageError) as raised:
        restore_backup(tmp_path / "big.sqlite", path)

    # Issue 17.10: it says what is true of a restore, not "your edit is kept".
    assert "Your record was put back as it was" in str(raised.value)
    assert "edit is kept" not in str(raised.value)
    record = JourneyRecord.open(path, guide)
    assert record.is_empty()
    record.close()
    assert database.integrity_problems(path) == []


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wait 0.3 s, not the app's 5 s, for a lock: the same code path, a quicker test."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)


@pytest.mark.usefixtures("short_busy_timeout")
def test_another_program_holding_the_write_lock_is_named_and_the_edit_kept(
    sample_record_path: Path, guide: Guide
) -> None:
    record = JourneyRecord.open(sample_record_path, guide)
    holder = start_child("lock_holder", sample_record_path)
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline() == "holding\n"
    note = Note(title="Call the nurse", body="About the new pills")

    with pytest.raises(RecordBusyError) as raised:
        save(record, note)

    message = str(raised.value)
    assert "busy" in message and "another program" in message and "edit is kept" in message
    assert record.counts() == SAMPLE_COUNTS  # reading still works; nothing half-saved
    holder.stdin.write("let go\n")
    holder.stdin.flush()
    assert holder.stdout.readline() == "released\n"
    holder.wait()
    save(record, note)
    assert record.counts()["notes"] == SAMPLE_COUNTS["notes"] + 1
    record.close()


def test_a_unit_of_work_holds_the_write_lock_from_its_first_statement(
    record: JourneyRecord, record_path: Path
) -> None:
    """BEGIN IMMEDIATE: a save that starts by reading already holds the write lock, so
    it waits for the lock up front and never fails half way for want of it."""
    with record.writing() as session:
        session.scalar(select(func.count()).select_from(Note))
        with database.plain_sqlite(record_path, read_only=False) as other:
            other.execute("PRAGMA busy_timeout = 0")
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")


def test_a_read_only_folder_is_named_and_not_worked_around(
    sample_record_path: Path, guide: Guide, make_read_only: Callable[[Path], None]
) -> None:
    folder = sample_record_path.parent
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    make_read_only(folder)

    for path in (sample_record_path, folder / "new.sqlite"):
        with pytest.raises(StorageError) as raised:
            JourneyRecord.open(path, guide).close()
        assert "cannot" in str(raised.value) and str(path) in str(raised.value)
    with pytest.raises(StorageError, match="Could not write|cannot"):
        backups.back_up_now(sample_record_path)

    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
