"""A damaged record at start, and restoring a backup: the user's file is never written over.

A damaged file is moved aside, with its -wal and -shm, to `<name>.damaged-<time>`,
and the newest backup that passes its checks is offered. A restore sets the current
file aside first, copies the backup in with SQLite's backup API, and checks the result.
"""

from __future__ import annotations

import enum
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from netjourney.core import paths
from netjourney.core.backups import (
    BEFORE_RESTORE,
    Backup,
    count_records,
    describe_counts,
    newest_good_backup,
    next_backup_name,
    stamp,
    unused_name,
)
from netjourney.core.database import (
    SQLITE_MAGIC,
    backup_copy,
    backup_folder,
    inspect_record,
    integrity_problems,
    plain_sqlite,
    translate_sqlite_error,
)
from netjourney.core.dates import clock, long_date
from netjourney.core.errors import (
    DamagedRecordError,
    InvalidInputError,
    RecordBusyError,
    StorageError,
)
from netjourney.core.output_files import fsync_path
from netjourney.core.places import refuse_odd_place
from netjourney.core.sqlite_file import sidecars


class StartChoice(enum.Enum):
    RESTORE_BACKUP = "restore"
    START_NEW = "new"
    QUIT = "quit"


@dataclass(frozen=True)
class DamagedRecord:
    """A record found damaged at start, already moved aside."""

    record_path: Path
    problem: str
    kept_at: Path
    backup: Backup | None

    def message(self) -> str:
        offer = (
            f"The newest good backup was taken {_when(self.backup)} and holds "
            f"{describe_counts(self.backup.counts)}. "
            "You can restore it, start a new record, or quit."
            if self.backup
            else "There is no backup to restore. You can start a new record, or quit."
        )
        return (
            f"NET Journey could not read your record. {self.problem}\n\n"
            f"Nothing was written over it: it was moved to {self.kept_at}, where it stays.\n\n"
            + offer
        )


@dataclass(frozen=True)
class Restored:
    record_path: Path
    counts: dict[str, int]
    set_aside: Path | None  # where the file it replaced went, if there was one


def examine_at_start(record_path: Path, now: datetime | None = None) -> DamagedRecord | None:
    """Before opening: if the record is damaged, move it aside and find the newest good backup.

    Foreign and newer files are not damaged: their own errors say so, and they stay put.
    """
    if not record_path.exists():
        return None
    problem = damage_in(record_path)
    if problem is None or not _could_be_a_record(record_path):
        return None  # a healthy file, or someone else's: opening it says which, and moves nothing
    kept_at = set_aside(record_path, "damaged", now)
    return DamagedRecord(record_path, problem, kept_at, newest_good_backup(record_path))


def _could_be_a_record(path: Path) -> bool:
    """Only a file that may have been ours is moved aside; never, say, a letter picked by --db.

    The app's own data folder holds only records, and a file with a backup folder of
    ours beside it was a record; otherwise the file must at least be empty (a record
    cut short) or start like an SQLite database.
    """
    if path == paths.default_database_path() or backup_folder(path).is_dir():
        return True
    with path.open("rb") as file:
        header = file.read(len(SQLITE_MAGIC))
    return header in (b"", SQLITE_MAGIC)


def damage_in(path: Path) -> str | None:
    """What is wrong with the record file, or None when it is healthy; never writes to it.

    A non-empty -wal means the app did not close cleanly: then the full check runs.
    """
    try:
        inspect_record(path, check_schema=False)  # damage first: the opening checks the schema
    except DamagedRecordError as error:
        return str(error)
    wal = sidecars(path)[0]
    problems = integrity_problems(path, thorough=wal.exists() and wal.stat().st_size > 0)
    if not problems:
        return None
    return f"The record {path} is damaged: {'; '.join(problems[:3])}."


def carry_out(damage: DamagedRecord, choice: StartChoice) -> bool:
    """Do what the user chose about a damaged record; True when the app should go on."""
    if choice is StartChoice.RESTORE_BACKUP:
        if damage.backup is None:
            raise InvalidInputError("There is no backup to restore; start a new record instead.")
        restore_backup(damage.backup.path, damage.record_path)
    return choice is not StartChoice.QUIT


def set_aside(path: Path, label: str, now: datetime | None = None) -> Path:
    """Move the file with its -wal and -shm to `<name>.<label>-<time>`; return the new name."""
    moment = stamp(now or datetime.now(UTC))
    aside = unused_name(lambda n: path.with_name(f"{path.name}.{label}-{moment}{n}"))
    try:
        _move_together(path, aside)
    except OSError as error:  # a read-only disk: say so, and leave the file where it is
        raise StorageError(
            f"The record {path} needs to be set aside ({label}), but its folder cannot be "
            f"written: {error.strerror}. Nothing was changed. Copy it to a writable folder "
            "and open it there."
        ) from error
    return aside


def restore_backup(source: Path, record_path: Path, now: datetime | None = None) -> Restored:
    """Replace the record with a verified copy; the file it replaces is set aside, never deleted.

    The record must be closed: a file still open in this or another program is refused.
    """
    refuse_odd_place(record_path)
    _require_good_copy(source, record_path)
    expected = count_records(source) or {}
    aside = _set_current_aside(record_path, now)
    try:
        backup_copy(source, record_path)
        _require_restored(record_path, expected)
    except BaseException as error:
        for leftover in (record_path, *sidecars(record_path)):
            leftover.unlink(missing_ok=True)
        if aside is not None:
            _move_together(aside, record_path)
        if isinstance(error, StorageError):  # its own words ("your edit is kept") do not fit
            raise StorageError(
                f"The backup could not be copied into {record_path}: {_first_sentence(error)} "
                + ("Your record was put back as it was. " if aside else "Nothing was changed. ")
                + "Free some space (or check the disk), then restore again."
            ) from error
        raise
    return Restored(record_path, expected, aside)


def _first_sentence(error: Exception) -> str:
    text = str(error)
    return text[: text.find(". ") + 1] if ". " in text else text


def _require_good_copy(source: Path, record_path: Path) -> None:
    if not source.is_file():
        raise InvalidInputError(f"There is no backup at {source}; nothing was changed.")
    if source.resolve() == record_path.resolve():
        raise InvalidInputError(f"{source} is the record itself; choose one of its backups.")
    inspect_record(source)
    problems = integrity_problems(source)
    if problems:
        raise DamagedRecordError(
            f"The backup {source} is damaged ({problems[0]}); nothing was changed. "
            "Choose another backup."
        )


def _set_current_aside(record_path: Path, now: datetime | None) -> Path | None:
    """A damaged record goes aside as it is; a healthy one, once closed, into the backups."""
    if not record_path.exists():
        return None
    if damage_in(record_path) is not None:
        return set_aside(record_path, "damaged", now)
    _fold_in_wal(record_path)
    folder = backup_folder(record_path)
    aside = next_backup_name(folder, BEFORE_RESTORE, now or datetime.now(UTC))
    _move_together(record_path, aside)
    return aside


def _fold_in_wal(path: Path) -> None:
    """Leave the record one self-contained file; this fails while any program has it open."""
    try:
        with plain_sqlite(path, read_only=False) as connection:
            mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError as error:
        if "locked" not in str(error) and "busy" not in str(error):
            raise translate_sqlite_error(error, path) from error
        mode = "wal"
    if mode != "delete":
        raise RecordBusyError(
            f"The record {path} is open in NET Journey or another program. "
            "Close it, then restore again; nothing was changed."
        )


def _require_restored(record_path: Path, expected: dict[str, int]) -> None:
    inspect_record(record_path)
    problems = integrity_problems(record_path)
    counts = count_records(record_path)
    if problems or counts != expected:
        raise DamagedRecordError(
            f"The restored record did not pass its check ({problems or counts}); "
            "your previous record was put back. Try another backup."
        )


def _move_together(source: Path, destination: Path) -> None:
    """Rename a record and its -wal/-shm; the companions go first, then the file they serve."""
    paths.make_private_folder(destination.parent)
    for companion, new_name in zip(sidecars(source), sidecars(destination), strict=True):
        if companion.exists():
            os.replace(companion, new_name)
    os.replace(source, destination)
    for folder in {source.parent, destination.parent}:
        fsync_path(folder)


def _when(backup: Backup) -> str:
    taken = backup.taken_at.astimezone()
    return f"on {long_date(taken.date())} at {clock(taken)}"
