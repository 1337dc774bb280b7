"""Reading a record file of any schema the same way, so an upgrade can be compared."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from netjourney.core import database

RECORD_TABLES = (
    "care_team_members",
    "questions",
    "appointments",
    "appointment_questions",
    "notes",
)
# Before 0004_link_tables every link was a row of section_links with one owner column set.
OLD_OWNER_COLUMNS = {
    "member_id": "care_team_members",
    "question_id": "questions",
    "appointment_id": "appointments",
    "note_id": "notes",
}


def guide_links(connection: sqlite3.Connection) -> list[tuple[object, ...]]:
    """Every link as (owner table, owner id, section id, link id), whatever the schema."""
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_schema")}
    if "section_links" in tables:
        return sorted(
            (owner, row[column], row["section_id"], row["id"])
            for row in _rows(connection, "SELECT * FROM section_links")
            for column, owner in OLD_OWNER_COLUMNS.items()
            if row[column] is not None
        )
    return sorted(
        (owner, owner_id, section_id, link_id)
        for owner in OLD_OWNER_COLUMNS.values()
        for link_id, owner_id, section_id in connection.execute(
            f"SELECT id, owner_id, section_id FROM {owner}_section_links"
        )
    )


def _rows(connection: sqlite3.Connection, sql: str) -> list[sqlite3.Row]:
    connection.row_factory = sqlite3.Row
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.row_factory = None


def table_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every record row and every link to the guide."""
    with database.plain_sqlite(path) as connection:
        rows = {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in RECORD_TABLES
        }
        rows["links"] = guide_links(connection)
    return rows


def head_user_version() -> int:
    """The PRAGMA user_version the newest migration writes: the number its id starts with
    (0008_decisions writes 8), whichever revisions came before it on this branch."""
    return int(database.head_revision().split("_", 1)[0])
