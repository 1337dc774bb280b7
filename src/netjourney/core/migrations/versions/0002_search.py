"""Full-text search (FTS5) over the user's records, kept current by triggers.

Revision ID: 0002_search
Revises: 0001_initial

Each index uses its table as external content, so no text is stored twice.
A later migration that rebuilds one of these tables (batch mode) drops its
triggers and must create them again.
"""

from alembic import op

revision = "0002_search"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

SEARCHED_COLUMNS = {
    "care_team_members": ("name", "role", "practice", "phone", "after_hours", "email", "notes"),
    "questions": ("text", "answer", "answered_by"),
    "appointments": ("purpose", "location", "with_whom", "what_to_bring", "outcome"),
    "notes": ("title", "body"),
}


def _index_statements(table: str, columns: tuple[str, ...]) -> list[str]:
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


def upgrade() -> None:
    for table, columns in SEARCHED_COLUMNS.items():
        for statement in _index_statements(table, columns):
            op.execute(statement)
    op.execute("PRAGMA user_version = 2")


def downgrade() -> None:
    raise NotImplementedError(
        "A record is never downgraded; restore the backup made before the upgrade."
    )
