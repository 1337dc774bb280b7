"""A plain sqlite3 connection to exactly the record's file, as every part of the app
opens it: no SQLAlchemy here (core/quick_read.py opens the record without it)."""

from __future__ import annotations

import enum
import sqlite3
from functools import partial
from pathlib import Path

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
