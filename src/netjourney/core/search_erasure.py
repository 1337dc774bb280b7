"""Words edited out of a record leave the search index in the same transaction (issue 16.9).

An edit reaches an FTS5 index as a 'delete' of the old words plus an insert of the new,
and the old words stay in the index's older segments until those are merged: SQLite
3.40 has no FTS5 `secure-delete` option (3.44 added it). So before a transaction that
updated an indexed table commits, that table's index is merged into one segment
(`optimize`), which leaves the old words out; `secure_delete` (set on every connection)
zeroes the pages they were on. The cost is one index rewrite per save: about 60 ms for
the notes of the five-year demo record (10,000 notes), nothing for the other tables.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Engine, event

_UPDATED_TABLE = re.compile(r'^\s*UPDATE\s+"?(\w+)"?', re.IGNORECASE)
_SEARCH_INDEXES = (
    "SELECT name FROM sqlite_schema "
    "WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%'"
)
_EDITED = "netjourney_edited_indexes"


def erase_edited_words_at_commit(engine: Engine) -> None:
    """Have every transaction on `engine` that updates an indexed table merge its index."""

    @event.listens_for(engine, "after_cursor_execute")
    def note_edits(connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        updated = _UPDATED_TABLE.match(statement)
        if updated and f"{updated[1]}_fts" in _search_indexes(connection):
            connection.info.setdefault(_EDITED, set()).add(f"{updated[1]}_fts")

    @event.listens_for(engine, "commit")
    def merge_before_commit(connection: Any) -> None:
        for index in sorted(connection.info.pop(_EDITED, ())):
            connection.exec_driver_sql(f"INSERT INTO {index}({index}) VALUES ('optimize')")

    @event.listens_for(engine, "rollback")
    def forget(connection: Any) -> None:
        connection.info.pop(_EDITED, None)


def _search_indexes(connection: Any) -> frozenset[str]:
    known: frozenset[str] | None = connection.info.get(_SEARCH_INDEXES)
    if known is None:
        rows = connection.exec_driver_sql(_SEARCH_INDEXES).scalars().all()
        known = connection.info[_SEARCH_INDEXES] = frozenset(rows)
    return known
