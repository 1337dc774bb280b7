"""Backups of the record: taken with SQLite's backup API, checked, rotated over about a year.

Every copy lives in `<record>-backups/` (0700), one self-contained 0600 file each:
- `backup-<time>.sqlite`: automatic, at most one every 30 minutes, rotated;
- `before-upgrade-from-<schema>-<time>.sqlite`: made before a migration, kept;
- `before-restore-<time>.sqlite`: the record a restore replaced, kept.
Times in names are UTC. Each name also carries a sequence number, one more than the
highest in the folder (`-n<sequence>`): the clock can be set back, the sequence cannot,
so "newest" always means the copy taken last. Copies named before there was a sequence
count as number 0, ordered by their time.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from netjourney.core import paths
from netjourney.core.database import (
    backup_copy,
    backup_folder,
    inspect_record,
    integrity_problems,
    plain_sqlite,
    require_record_file,
)
from netjourney.core.errors import DamagedRecordError, InvalidInputError, RecordError, StorageError
from netjourney.core.places import refuse_odd_place
from netjourney.core.registry import kinds
from netjourney.core.sqlite_file import sidecars

BACKUP_INTERVAL = timedelta(minutes=30)
KEEP_RECENT = 6
KEEP_DAILY = 12
KEEP_WEEKLY = 10
KEEP_MONTHLY = 9
# A backup never takes the last of the disk: the record itself needs room to grow.
SPARE_BYTES = 20 * 1024 * 1024
STAMP_FORMAT = "%Y%m%dT%H%M%S"
AUTOMATIC = "backup"
BEFORE_RESTORE = "before-restore"
_NAME = re.compile(
    r"^(?P<kind>[a-z-]+?)(?:-from-.+)?-(?P<stamp>\d{8}T\d{6})(?:-n(?P<sequence>\d+))?(?:-\d+)?"
    r"\.sqlite$"
)
_KIND_LABELS = {
    AUTOMATIC: "Automatic",
    "before-upgrade": "Before an upgrade",
    BEFORE_RESTORE: "Before a restore",
}

# Anki's limits: one copy a day, then a week, then a month (the newest of each).
_STAGES: tuple[tuple[int, Callable[[datetime], Hashable]], ...] = (
    (KEEP_DAILY, lambda moment: moment.date()),
    (KEEP_WEEKLY, lambda moment: moment.isocalendar()[:2]),
    (KEEP_MONTHLY, lambda moment: (moment.year, moment.month)),
)


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # aware, UTC, as the clock said: it may have been wrong
    kind: str
    counts: dict[str, int] | None  # None when the copy cannot be read
    sequence: int = 0  # which copy came after which, whatever the clock said

    @property
    def kind_label(self) -> str:
        return _KIND_LABELS.get(self.kind, "Copy")


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(STAMP_FORMAT)


def unused_name(make: Callable[[str], Path]) -> Path:
    """The first of make(""), make("-2"), make("-3")... that does not exist yet."""
    candidate, number = make(""), 1
    while candidate.exists():
        number += 1
        candidate = make(f"-{number}")
    return candidate


def count_records(path: Path) -> dict[str, int] | None:
    """How many of each kind of record the file holds; None when it cannot be read."""
    try:
        with plain_sqlite(path) as connection:
            return {
                kind.table_name: connection.execute(
                    f"SELECT count(*) FROM {kind.table_name}"
                ).fetchone()[0]
                for kind in kinds()
            }
    except (sqlite3.Error, RecordError):
        return None


def describe_counts(counts: dict[str, int] | None) -> str:
    """What a record holds, in words, e.g. '12 care-team members, 40 questions, 65 doses,
    1,800 diary days' (the CLI, the Backups window, a restore's message)."""
    if counts is None:
        return "records that could not be counted"
    # Kinds the user keeps none of are left out: most records never hold a scan.
    held = [
        f"{n:,} {kind.noun if n == 1 else kind.plural}"
        for kind in kinds()
        if (n := counts.get(kind.table_name, 0))
    ]
    return ", ".join(held) or "no records"


def list_backups(record_path: Path) -> list[Backup]:
    """The record's backups, newest first, with their dates and record counts."""
    refuse_odd_place(record_path)
    return [
        Backup(copy.path, copy.taken_at, copy.kind, count_records(copy.path), copy.sequence)
        for copy in _named_copies(backup_folder(record_path))
    ]


def is_good_copy(path: Path) -> bool:
    """A record this version can open, that passes integrity_check and foreign_key_check."""
    try:
        inspect_record(path)
        return not integrity_problems(path)
    except RecordError:
        return False


def newest_good_backup(record_path: Path) -> Backup | None:
    return next((b for b in list_backups(record_path) if is_good_copy(b.path)), None)


def backup_if_due(record_path: Path, now: datetime | None = None) -> Backup | None:
    """Take an automatic backup when the newest is 30 minutes old or more.

    The GUI calls this at start, at close and on a timer. A clock set back makes
    the newest backup look as if it were from the future: then a backup is due.
    """
    now = now or datetime.now(UTC)
    if not record_path.exists():
        return None
    automatic = [c for c in _named_copies(backup_folder(record_path)) if c.kind == AUTOMATIC]
    if automatic and timedelta(0) <= now - automatic[0].taken_at < BACKUP_INTERVAL:
        return None
    return back_up_now(record_path, now)


def back_up_now(record_path: Path, now: datetime | None = None) -> Backup:
    """Take an automatic backup now, then rotate the old ones out."""
    now = now or datetime.now(UTC)
    folder = backup_folder(record_path)
    if folder.is_dir():  # ours alone: keep it private even if someone loosened it
        folder.chmod(paths.PRIVATE_FOLDER_MODE)
    destination = next_backup_name(folder, AUTOMATIC, now)
    backup = _checked_copy(record_path, destination, now, AUTOMATIC)
    rotate(record_path)
    return backup


def back_up_to(
    record_path: Path, destination: str | Path, *, force: bool = False, now: datetime | None = None
) -> Backup:
    """A checked copy at a place the user chose: a file, or a folder to put it in.

    A name ending in a slash, or an existing folder, is a folder (made if missing). An
    existing file is replaced only with `force`. It reads the record's header with a plain
    open(): call it only where this process has no connection to the record (the command
    line), or SQLite's locks would drop.
    """
    now = now or datetime.now(UTC)
    require_record_file(record_path)
    inspect_record(record_path)
    chosen = Path(destination)
    if str(destination).endswith(("/", os.sep)) or chosen.is_dir():
        chosen = chosen / f"{record_path.stem}-{stamp(now)}.sqlite"
    if chosen.resolve() in {record_path.resolve(), *(s.resolve() for s in sidecars(record_path))}:
        raise InvalidInputError(
            f"{destination} is the record itself; choose another file or folder for the copy."
        )
    if chosen.exists() and not force:
        raise InvalidInputError(
            f"{chosen} already exists; nothing was changed. Choose another name, "
            "or add --force to replace it."
        )
    return _checked_copy(record_path, chosen, now, "copy")


def backups_to_keep(times: Iterable[datetime]) -> set[datetime]:
    """The newest few, then one a day for 12 days, a week for 10 weeks, a month for 9 months.

    Each stage starts where the one before ended, so together they reach back about a
    year in at most 37 copies, whatever the rhythm of use.
    """
    newest_first = sorted(set(times), reverse=True)
    kept = newest_first[:KEEP_RECENT]
    older = iter(newest_first[KEEP_RECENT:])
    for limit, period in _STAGES:
        taken = 0
        for moment in older if limit else ():
            if not kept or period(moment) != period(kept[-1]):  # the newest of a new period
                kept.append(moment)
                taken += 1
                if taken == limit:
                    break
    return set(kept)


def rotate(record_path: Path) -> list[Path]:
    """Delete the automatic backups the rotation no longer keeps; return what was deleted.

    The latest few by sequence are always kept, even when a clock set back dated them
    before older copies.
    """
    automatic = [c for c in _named_copies(backup_folder(record_path)) if c.kind == AUTOMATIC]
    keep = backups_to_keep(c.taken_at for c in automatic)
    latest = {c.path for c in automatic[:KEEP_RECENT]}
    removed = [c.path for c in automatic if c.taken_at not in keep and c.path not in latest]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


@dataclass(frozen=True)
class _NamedCopy:
    path: Path
    taken_at: datetime
    kind: str
    sequence: int


def next_backup_name(folder: Path, kind: str, now: datetime) -> Path:
    """`<kind>-<time>-n<sequence>.sqlite`, the sequence one more than any in the folder."""
    sequence = max((c.sequence for c in _named_copies(folder)), default=0) + 1
    return unused_name(lambda n: folder / f"{kind}-{stamp(now)}-n{sequence}{n}.sqlite")


def _named_copies(folder: Path) -> list[_NamedCopy]:
    """Every copy named as this module names them, the last taken first (by sequence)."""
    found = []
    for path in folder.glob("*.sqlite") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match:
            taken = datetime.strptime(match["stamp"], STAMP_FORMAT).replace(tzinfo=UTC)
            found.append(_NamedCopy(path, taken, match["kind"], int(match["sequence"] or 0)))
    return sorted(found, key=lambda c: (c.sequence, c.taken_at, c.path.name), reverse=True)


def _checked_copy(record_path: Path, destination: Path, now: datetime, kind: str) -> Backup:
    """Never copy a file that fails its check, nor fill the disk; check the copy made."""
    problems = integrity_problems(record_path, thorough=False)
    if problems:
        raise DamagedRecordError(
            f"No backup was taken: the record {record_path} failed its check ({problems[0]}). "
            "Your earlier backups are kept. Close NET Journey and start it again: it will "
            "offer to restore the newest good backup."
        )
    _ensure_room(record_path, destination.parent)
    backup_copy(record_path, destination)
    taken_at = now.astimezone(UTC).replace(microsecond=0)
    match = _NAME.match(destination.name)
    sequence = int(match["sequence"] or 0) if match else 0
    return Backup(destination, taken_at, kind, count_records(destination), sequence)


def _ensure_room(record_path: Path, folder: Path) -> None:
    existing = next(p for p in (folder, *folder.parents) if p.exists())
    free = shutil.disk_usage(existing).free
    needed = record_path.stat().st_size + SPARE_BYTES
    if free < needed:
        raise StorageError(
            f"No backup was taken: the disk holding {folder} has only {free // 2**20} MB free, "
            f"and a backup needs {needed // 2**20} MB while leaving room for your record. "
            "Free some space; your record itself is unchanged."
        )
