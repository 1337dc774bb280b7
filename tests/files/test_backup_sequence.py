"""Issue 16.8: backups are ranked by a sequence, not by the clock, which can be set back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from netjourney.core import backups
from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from netjourney.core.recovery import restore_backup
from tests.core.sample_records import add_sample_records
from tests.files.run import succeeds

NOON = datetime(2026, 6, 1, 12, tzinfo=UTC)


def _note_count(path: Path) -> int:
    counts = backups.count_records(path)
    assert counts is not None
    return counts["notes"]


def test_after_the_clock_is_set_back_the_last_backup_taken_is_the_newest(
    record: JourneyRecord, guide: Guide
) -> None:
    add_sample_records(record)
    path = record.path
    record.close()
    before = backups.back_up_now(path, NOON)
    reopened = JourneyRecord.open(path, guide)
    add_sample_records(reopened)
    reopened.close()

    after = backups.back_up_now(path, NOON - timedelta(days=30))  # the clock went back

    listed = backups.list_backups(path)
    assert [b.path for b in listed] == [after.path, before.path]
    assert listed[0].sequence == before.sequence + 1
    newest = backups.newest_good_backup(path)
    assert newest is not None and newest.path == after.path
    assert _note_count(newest.path) > _note_count(before.path)


def test_rotation_never_removes_the_latest_copies_dated_in_the_past(
    record: JourneyRecord,
) -> None:
    path = record.path
    record.close()
    taken = [backups.back_up_now(path, NOON + timedelta(days=day)) for day in range(0, 60, 3)]
    set_back = [backups.back_up_now(path, NOON - timedelta(days=400 + d)) for d in range(3)]

    left = {b.path for b in backups.list_backups(path)}

    assert {b.path for b in set_back} <= left
    assert taken[-1].path in left


def test_the_listing_shows_the_number_and_the_time_and_a_restore_is_numbered_too(
    tmp_path: Path,
) -> None:
    record = tmp_path / "journey.sqlite"
    succeeds(f"--db={record}", "demo")
    copy = backups.back_up_now(record, NOON)
    restore_backup(copy.path, record, NOON - timedelta(days=1))

    lines = succeeds(f"--db={record}", "backups").splitlines()

    assert lines[0].startswith("no. 2 ") and "Before a restore" in lines[0]
    assert lines[1].startswith("no. 1 ") and "Automatic" in lines[1]


def test_a_record_without_backups_says_so(tmp_path: Path) -> None:
    record = tmp_path / "mistyped.sqlite"

    assert succeeds(f"--db={record}", "backups").strip() == f"There are no backups of {record} yet."
    assert list(tmp_path.iterdir()) == []
