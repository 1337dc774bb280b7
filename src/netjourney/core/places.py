"""Where a record may be, asked of the file system alone: no SQLite, no SQLAlchemy.

The window checks these before it is first painted, so they live apart from
core/database.py, whose import costs more than the bare window.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from netjourney.core import paths
from netjourney.core.errors import StorageError


def refuse_odd_place(path: Path) -> None:
    """Refuse a record path that is a folder, a FIFO or device, or lies under a plain file.

    Only stat() looks at it: opening a FIFO would wait forever for a writer.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except NotADirectoryError:
        above = next(p for p in path.parents if p.exists())
        raise StorageError(
            f"{path} cannot be a record: {above} is a file, not a folder. "
            "Choose a file name inside a folder."
        ) from None
    except OSError as error:
        raise StorageError(f"NET Journey cannot look at {path}: {error.strerror}.") from error
    if mode is not None and stat.S_ISDIR(mode):
        raise StorageError(
            f"{path} is a folder, not a record file. Name a file, for example "
            f"{path / paths.DATABASE_FILE_NAME}."
        )
    if mode is not None and not stat.S_ISREG(mode):
        raise StorageError(
            f"{path} is not a regular file (it is a pipe, socket or device), so it cannot "
            "hold a record. Choose another file."
        )


def process_runs(pid: int) -> bool:
    """Whether a process of that id runs (one of another user's counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_writable_place(path: Path) -> bool:
    """Whether this process may change the file and make its -wal and -shm beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)
