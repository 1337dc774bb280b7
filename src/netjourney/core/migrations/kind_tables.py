"""The tables every kind of record brings, for the migration that adds the kind.

Migrations call these with their names and columns written out, so what a
released migration creates never changes: change nothing these functions make;
write a new function instead. The compare_metadata test checks the result against
the models, and each search index against its kind's `search_columns`.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


def create_link_table(owner: str) -> str:
    """`<owner>_section_links`: the owner's links to guide sections, in the order made."""
    table = f"{owner}_section_links"
    op.create_table(
        table,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("section_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], [f"{owner}.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["section_id"], ["guide_sections.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("owner_id", "section_id", name=f"uq_{table}"),
    )
    op.create_index(f"ix_{table}_section_id", table, ["section_id"], unique=False)
    return table


def search_index_statements(table: str, columns: tuple[str, ...]) -> list[str]:
    """An FTS5 index over the table (as external content: no text stored twice), with
    the triggers that keep it current. A later migration that rebuilds the table
    (batch mode) drops its triggers and must create them again."""
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
