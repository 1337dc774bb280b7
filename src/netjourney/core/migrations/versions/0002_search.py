"""Full-text search (FTS5) over the user's records, kept current by triggers.

Revision ID: 0002_search
Revises: 0001_initial

The SQL of each index comes from migrations/kind_tables.py (frozen: it never
changes what it emits).
"""

from alembic import op

from netjourney.core.migrations.kind_tables import search_index_statements

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


def upgrade() -> None:
    for table, columns in SEARCHED_COLUMNS.items():
        for statement in search_index_statements(table, columns):
            op.execute(statement)
    op.execute("PRAGMA user_version = 2")


def downgrade() -> None:
    raise NotImplementedError(
        "A record is never downgraded; restore the backup made before the upgrade."
    )
