"""The SQL of one FTS5 search index over a record table, for migrations to run.

Each index uses its table as external content, so no text is stored twice;
triggers keep it current. Migrations call this with their columns written out,
so what a released migration creates never changes: change nothing this
function emits; write a new function for a new kind of index. A later migration
that rebuilds an indexed table (batch mode) drops its triggers and must create
them again.
"""

from __future__ import annotations


def index_statements(table: str, columns: tuple[str, ...]) -> list[str]:
    index = f"{table}_fts"
    names = ", ".join(columns)
    new_values = ", ".join(f"new.{c}" for c in columns)
    old_values = ", ".join(f"old.{c}" for c in columns)
    add = f"INSERT INTO {index}(rowid, {names}) VALUES (new.id, {new_values});"
    remove = (
        f"INSERT INTO {index}({index}, rowid, {names}) VALUES ('delete', old.id, {old_values});"
    )
    return [
        f"CREATE VIRTUAL TABLE {index} USING fts5({names}, content='{table}', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER {index}_insert AFTER INSERT ON {table} BEGIN {add} END",
        f"CREATE TRIGGER {index}_delete AFTER DELETE ON {table} BEGIN {remove} END",
        f"CREATE TRIGGER {index}_update AFTER UPDATE ON {table} BEGIN {remove} {add} END",
        f"INSERT INTO {index}({index}) VALUES ('rebuild')",
    ]
