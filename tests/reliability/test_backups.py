"""RELIABILITY 5: backups made with SQLite's backup API, checked after writing, rotated, 0600.

Also the `backup`, `backups` and `restore` commands. Backups made before an upgrade
are tested in tests/core/test_schema_0001.py.
"""

from __future__ import annotations

import random
import sqlite3
import stat
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from netjourney.cli import main
from netjourney.core import backups, database
from netjourney.core.errors import DamagedRecordError, NewerRecordError, RecordBusyError
from netjourney.core.guide import Guide
from netjourney.core.models import Note
from netjourney.core.record import JourneyRecord
from netjourney.core.recovery import restore_backup
from netjourney.core.registry import kinds
from tests.core.sample_records import counts_of
from tests.reliability.conftest import raw_bytes, start_child

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def note_titles(path: Path) -> list[str]:
    with database.plain_sqlite(path) as connection:
        return [row[0] for row in connection.execute("SELECT title FROM notes ORDER BY id")]


def add_note(record: JourneyRecord, title: str) -> None:
    with record.writing() as session:
        session.add(Note(title=title, body="", section_ids=["resectable"]))


def corrupt_the_notes_table(path: Path) -> None:
    """Random bytes over the root page of the notes table, in a closed one-file record."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
        root = connection.execute(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'notes'"
        ).fetchone()[0]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(random.Random(root).randbytes(page_size))


def test_a_backup_of_the_live_record_holds_what_is_only_in_its_wal(
    record: JourneyRecord, record_path: Path
) -> None:
    add_note(record, "Only in the WAL so far")
    on_disk = raw_bytes(record_path)
    assert b"Only in the WAL so far" in on_disk  # in the -wal ...
    wal = record_path.with_name(record_path.name + "-wal")
    assert wal.stat().st_size > 0  # ... not yet checkpointed: a copy of the main file misses it

    backup = backups.backup_if_due(record_path, NOON)

    assert backup is not None
    assert note_titles(backup.path) == ["Only in the WAL so far"]
    assert backup.counts == record.counts()
    assert database.integrity_problems(backup.path) == []
    with database.plain_sqlite(backup.path) as connection:  # one self-contained file
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert [p.name for p in backup.path.parent.iterdir()] == [backup.path.name]
    assert mode_of(backup.path) == 0o600 and mode_of(backup.path.parent) == 0o700


def test_at_most_one_automatic_backup_every_30_minutes(
    record: JourneyRecord, record_path: Path
) -> None:
    first = backups.backup_if_due(record_path, NOON)
    add_note(record, "A change after the first backup")

    too_soon = [backups.backup_if_due(record_path, NOON + timedelta(minutes=m)) for m in (1, 29)]
    due = backups.backup_if_due(record_path, NOON + timedelta(minutes=30))

    assert first is not None and too_soon == [None, None] and due is not None
    assert [b.path for b in backups.list_backups(record_path)] == [due.path, first.path]
    assert note_titles(due.path) == ["A change after the first backup"]


def test_a_clock_set_back_does_not_stop_backups(record: JourneyRecord, record_path: Path) -> None:
    backups.backup_if_due(record_path, NOON)

    assert backups.backup_if_due(record_path, NOON - timedelta(days=1)) is not None


def test_no_record_no_backup(record_path: Path) -> None:
    assert backups.backup_if_due(record_path, NOON) is None
    assert not database.backup_folder(record_path).exists()


def test_a_record_that_fails_its_check_is_never_backed_up(sample_record_path: Path) -> None:
    earlier = backups.backup_if_due(sample_record_path, NOON)
    assert earlier is not None
    earlier_bytes = earlier.path.read_bytes()
    corrupt_the_notes_table(sample_record_path)

    with pytest.raises(DamagedRecordError) as raised:
        backups.backup_if_due(sample_record_path, NOON + timedelta(hours=1))

    assert "No backup was taken" in str(raised.value) and "restore" in str(raised.value)
    assert [p.name for p in earlier.path.parent.iterdir()] == [earlier.path.name]
    assert earlier.path.read_bytes() == earlier_bytes


def every(step: timedelta, days: int) -> list[datetime]:
    start = NOON - timedelta(days=days)
    return [start + step * i for i in range(int(timedelta(days=days) / step) + 1)]


@pytest.mark.parametrize(
    "rhythm",
    [every(timedelta(minutes=30), 400), every(timedelta(days=3), 800)],
    ids=["every 30 minutes for 400 days", "every 3 days for 800 days"],
)
def test_rotation_reaches_back_about_a_year_in_at_most_37_copies(rhythm: list[datetime]) -> None:
    kept = sorted(backups.backups_to_keep(rhythm), reverse=True)

    assert len(kept) <= 37
    assert kept[:6] == sorted(rhythm, reverse=True)[:6]  # the latest few, always
    assert NOON - kept[-1] >= timedelta(days=330)  # about a year back
    gaps = [newer - older for newer, older in zip(kept, kept[1:], strict=False)]
    assert max(gaps) <= timedelta(days=62)  # nowhere a hole of more than two months


def test_rotation_keeps_one_a_day_for_the_last_twelve_days() -> None:
    kept = backups.backups_to_keep(every(timedelta(minutes=30), 400))

    days_back = {(NOON.date() - moment.date()).days for moment in kept}
    assert set(range(13)) <= days_back


def test_rotation_deletes_only_the_automatic_backups_it_no_longer_keeps(record_path: Path) -> None:
    folder = database.backup_folder(record_path)
    folder.mkdir(mode=0o700)
    moments = every(timedelta(hours=6), 500)
    for moment in moments:
        (folder / f"backup-{backups.stamp(moment)}.sqlite").touch()
    kept_aside = [
        "before-upgrade-from-0001_initial-20240101T000000.sqlite",
        "before-restore-20240101T000000.sqlite",
        "my own copy.sqlite",
    ]
    for name in kept_aside:
        (folder / name).touch()

    removed = backups.rotate(record_path)

    left = {p.name for p in folder.iterdir()}
    expected = {f"backup-{backups.stamp(m)}.sqlite" for m in backups.backups_to_keep(moments)}
    assert left == expected | set(kept_aside)
    assert len(removed) == len(moments) - len(expected)


def test_backups_are_listed_newest_first_with_kind_date_and_counts(
    sample_record_path: Path, guide: Guide
) -> None:
    older = backups.backup_if_due(sample_record_path, NOON)
    record = JourneyRecord.open(sample_record_path, guide)
    add_note(record, "One more")
    record.close()
    newer = backups.backup_if_due(sample_record_path, NOON + timedelta(hours=2))

    listed = backups.list_backups(sample_record_path)

    assert older is not None and newer is not None
    assert [(b.path, b.taken_at, b.kind_label) for b in listed] == [
        (newer.path, NOON + timedelta(hours=2), "Automatic"),
        (older.path, NOON, "Automatic"),
    ]
    assert [b.counts for b in listed] == [
        counts_of(care_team_members=2, questions=3, appointments=2, notes=3),
        counts_of(care_team_members=2, questions=3, appointments=2, notes=2),
    ]


def test_the_newest_good_backup_skips_a_damaged_one(sample_record_path: Path) -> None:
    good = backups.backup_if_due(sample_record_path, NOON)
    damaged = backups.backup_if_due(sample_record_path, NOON + timedelta(hours=1))
    assert good is not None and damaged is not None
    corrupt_the_notes_table(damaged.path)

    assert (
        backups.newest_good_backup(sample_record_path)
        == backups.list_backups(sample_record_path)[1]
    )
    assert backups.list_backups(sample_record_path)[1].path == good.path


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    printed = capsys.readouterr()
    return code, printed.out + printed.err


def test_backup_and_restore_commands(
    sample_record_path: Path, tmp_path: Path, guide: Guide, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(sample_record_path)]
    copy = tmp_path / "usb stick" / "journey copy.sqlite"
    assert run_cli(capsys, *db, "backup", str(copy)) == (
        0,
        f"Backed up 2 care-team members, 3 questions, 2 appointments, 2 notes to {copy} "
        "(checked)\n",
    )
    record = JourneyRecord.open(sample_record_path, guide)
    add_note(record, "Written after the copy")
    record.close()

    code, printed = run_cli(capsys, *db, "restore", str(copy))

    assert code == 0, printed
    assert "Restored 2 care-team members, 3 questions, 2 appointments, 2 notes" in printed
    assert "Written after the copy" not in note_titles(sample_record_path)
    set_aside = backups.list_backups(sample_record_path)[0]
    assert set_aside.kind_label == "Before a restore" and str(set_aside.path) in printed
    assert "Written after the copy" in note_titles(set_aside.path)  # nothing lost
    assert mode_of(sample_record_path) == 0o600 and mode_of(copy) == 0o600
    code, listing = run_cli(capsys, *db, "backups")
    assert code == 0 and "Before a restore" in listing and str(set_aside.path) in listing
    assert database.integrity_problems(sample_record_path) == []


def test_backup_into_a_folder_names_the_copy_by_date(
    sample_record_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, printed = run_cli(capsys, "--db", str(sample_record_path), "backup", str(tmp_path))

    copies = list(tmp_path.glob("journey-*.sqlite"))
    assert code == 0 and len(copies) == 1 and str(copies[0]) in printed
    assert backups.is_good_copy(copies[0])


def test_restoring_a_damaged_or_newer_copy_changes_nothing(
    sample_record_path: Path, tmp_path: Path
) -> None:
    damaged = backups.back_up_to(sample_record_path, tmp_path / "damaged.sqlite").path
    corrupt_the_notes_table(damaged)
    newer = backups.back_up_to(sample_record_path, tmp_path / "newer.sqlite").path
    with closing(sqlite3.connect(newer)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9001_from_the_future'")
    before = sample_record_path.read_bytes()

    with pytest.raises(DamagedRecordError, match="Choose another backup"):
        restore_backup(damaged, sample_record_path)
    with pytest.raises(NewerRecordError):
        restore_backup(newer, sample_record_path)

    assert sample_record_path.read_bytes() == before
    assert not database.backup_folder(sample_record_path).exists()


def test_restore_waits_until_no_program_has_the_record_open(
    sample_record_path: Path, tmp_path: Path
) -> None:
    copy = backups.back_up_to(sample_record_path, tmp_path / "copy.sqlite").path
    holder = start_child("record_holder", sample_record_path)
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline() == "open\n"
    try:
        with pytest.raises(RecordBusyError, match="Close it, then restore again"):
            restore_backup(copy, sample_record_path)
        assert sample_record_path.exists()
        assert not database.backup_folder(sample_record_path).exists()
    finally:
        holder.stdin.write("close\n")
        holder.stdin.flush()
        assert holder.stdout.readline() == "closed\n"
        holder.wait()

    assert restore_backup(copy, sample_record_path).set_aside is not None


def test_what_a_copy_holds_is_one_short_sentence_in_the_kinds_own_words() -> None:
    counts = {kind.table_name: 0 for kind in kinds()} | {
        "care_team_members": 12,
        "treatments": 1,
        "measurements": 60,
        "diary_entries": 1800,
    }

    assert backups.describe_counts(counts) == (
        "12 care-team members, 1 treatment, 60 test results, 1,800 diary days"
    )
    assert backups.describe_counts({kind.table_name: 0 for kind in kinds()}) == "no records"
    assert backups.describe_counts(None) == "records that could not be counted"
