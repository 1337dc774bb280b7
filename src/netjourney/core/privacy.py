"""Deleted text really goes: out of the search indexes, the record file and its WAL.

`secure_delete` (set on every connection) zeroes what a delete frees. Two places it
cannot reach are handled here: the FTS5 indexes keep a deleted row's words in their
segments until the segments are merged (SQLite 3.40 has no FTS5 secure-delete), and
the -wal keeps old page images until a checkpoint. Backups keep deleted text until
they rotate out; the README says so.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import text
from sqlalchemy.orm import Session

from netjourney.core.database import translate_sqlite_error
from netjourney.core.record import JourneyRecord

_SEARCH_INDEXES = text(
    "SELECT name FROM sqlite_schema "
    "WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%' ORDER BY name"
)


def erase_deleted_text(record: JourneyRecord) -> bool:
    """Call after deleting any record: purge its words from the search indexes and the -wal.

    Returns False when a reader kept the -wal from being emptied; closing the record,
    or a later call, empties it.
    """
    with record.writing() as session:
        _merge_search_indexes(session)
    return _empty_the_wal(record)


def _merge_search_indexes(session: Session) -> None:
    """Rewrite each FTS5 index as one segment, which leaves out the rows deleted."""
    for index in session.scalars(_SEARCH_INDEXES).all():
        session.execute(text(f"INSERT INTO {index}({index}) VALUES ('optimize')"))


def _empty_the_wal(record: JourneyRecord) -> bool:
    """Copy the -wal into the file and truncate it to zero bytes; False if a reader held it."""
    # A raw connection: a checkpoint cannot run inside the transaction SQLAlchemy would begin.
    connection = record.engine.raw_connection()
    try:
        cursor = connection.cursor()
        busy: int = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    except sqlite3.Error as error:
        raise translate_sqlite_error(error, record.path) from error
    finally:
        connection.close()
    return busy == 0
