"""A plain sqlite3 connection to exactly the record's file, as every part of the app
opens it: no SQLAlchemy here (core/quick_read.py opens the record without it)."""

from __future__ import annotations

import enum
import os
import sqlite3
from functools import partial
from pathlib import Path

from netjourney.core.places import is_writable_place

APPLICATION_ID = 0x4E4A524E  # "NJRN" in the SQLite header marks the file as ours


class Access(enum.Enum):
    """How a connection may use the file."""

    WRITE = "write"
    QUERY_ONLY = "query-only"  # opened read-write (to tidy its -wal away) but writes nothing
    READ_ONLY = "read-only"  # mode=ro: the file may not be written
    IMMUTABLE = "immutable"  # the folder is read-only too: SQLite cannot make a -shm

    @property
    def reads_only(self) -> bool:
        return self is not Access.WRITE


def sqlite_uri(path: Path, access: Access = Access.WRITE) -> str:
    """A `file:` URI that names exactly this file, whatever characters its path holds.

    Every character SQLite's URI parser would take for syntax (`#`, `?`, `%`, spaces...)
    is percent-encoded, so "Patient #1/journey.sqlite" never opens "Patient ".
    """
    options = {
        Access.WRITE: "mode=rw",
        Access.QUERY_ONLY: "mode=rw",
        Access.READ_ONLY: "mode=ro",
        Access.IMMUTABLE: "mode=ro&immutable=1",
    }[access]
    return f"{path.absolute().as_uri()}?{options}"


def connect_sqlite(path: Path, access: Access = Access.WRITE) -> sqlite3.Connection:
    """A driver connection to exactly this existing file (never creates one)."""
    connection = sqlite3.connect(
        sqlite_uri(path, access), uri=True, isolation_level=None, check_same_thread=False
    )
    connection.text_factory = text_as_stored
    return connection


text_as_stored = partial(str, encoding="utf-8", errors="replace")
"""Text as SQLite hands it over: bytes another program stored as TEXT that are not UTF-8
show as U+FFFD instead of failing the whole query (check names them: value_check)."""


def access_for_reading(path: Path) -> Access:
    """How a command that only reads opens the record: on a writable disk read-write but
    query_only, so that closing it tidies its -wal and -shm away (mode=ro would leave
    them beside the record); on a read-only one, mode=ro (reading_access)."""
    return Access.QUERY_ONLY if is_writable_place(path) else reading_access(path)


def reading_access(path: Path) -> Access:
    """mode=ro; immutable when the folder is read-only (no -shm can be made) and no -wal
    holds changes the file lacks."""
    if os.access(path.parent, os.W_OK):
        return Access.READ_ONLY
    wal = sidecars(path)[0]
    return Access.READ_ONLY if wal.exists() and wal.stat().st_size else Access.IMMUTABLE


def sidecars(path: Path) -> tuple[Path, Path]:
    """The -wal and -shm files that belong with the record: never separate them from it."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")
