"""Files the app writes besides the record: exports and copies, written whole or not at all.

One helper writes them all (`replace_atomically`): a temporary 0600 file in the same
folder, fsync, rename over the destination, fsync of the folder. A symlink is written
through to its target, as QSaveFile does. Nothing is ever written onto a record open in
this process, its -wal or -shm, or into its backups folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from netjourney.core.errors import InvalidInputError, StorageError
from netjourney.core.paths import PRIVATE_FILE_MODE

STANDARD_OUTPUT = "-"
BACKUPS_SUFFIX = "-backups"
_SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")

# Every record this process has opened: exports must never land on one of them.
_records_opened: set[Path] = set()


def register_record(path: Path) -> None:
    _records_opened.add(path.resolve())


def refuse_record_files(destination: Path, *, what: str = "an export") -> None:
    """Refuse a destination that is a record this process opened, its -wal/-shm or backups."""
    target = destination.resolve()
    for record in _records_opened:
        sidecars = {record.with_name(record.name + s) for s in _SIDECAR_SUFFIXES}
        backups = record.with_name(record.name + BACKUPS_SUFFIX)
        if target == record or target in sidecars:
            problem = "is the record itself" if target == record else "belongs to the record"
        elif backups == target or backups in target.parents:
            problem = "is inside the record's backups folder"
        elif target.exists() and record.exists() and target.samefile(record):
            problem = "is the record itself"
        else:
            continue
        raise InvalidInputError(
            f"Will not write {what} to {destination}: it {problem} ({record}). "
            "Nothing was changed; choose another file name."
        )


def write_through(destination: Path) -> Path:
    """The file a write to `destination` should replace: a symlink's target, not the link."""
    return destination.resolve() if destination.is_symlink() else destination


def replace_atomically(
    destination: Path, fill: Callable[[Path], object], *, temporary_suffix: str = ".partial"
) -> None:
    """Have `fill` write a fresh 0600 temporary file, then rename it over `destination`.

    On any failure the temporary file is removed and `destination` is left as it was.
    """
    target = write_through(destination)
    folder = target.parent
    try:
        descriptor, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=temporary_suffix, dir=folder
        )
    except OSError as error:
        raise _storage_error(destination, error) from error
    os.close(descriptor)
    temporary = Path(name)
    try:
        os.chmod(temporary, PRIVATE_FILE_MODE)
        fill(temporary)
        fsync_path(temporary)
        os.replace(temporary, target)
        fsync_path(folder)
    except BaseException as error:
        with suppress(OSError):
            temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise _storage_error(destination, error) from error
        raise


def write_bytes(destination: Path, data: bytes, *, what: str = "an export") -> None:
    """Write `data` to a file atomically, or to standard output when it is named "-"."""
    if str(destination) == STANDARD_OUTPUT:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    refuse_record_files(destination, what=what)
    replace_atomically(destination, lambda temporary: temporary.write_bytes(data))


def fsync_path(path: Path) -> None:
    """Flush a file, or a folder's list of names after a rename, to the disk."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _storage_error(destination: Path, error: OSError) -> StorageError:
    return StorageError(
        f"Could not write {destination}: {error.strerror or error}. "
        "Nothing was changed there; check the folder exists, is writable and has free space."
    )
