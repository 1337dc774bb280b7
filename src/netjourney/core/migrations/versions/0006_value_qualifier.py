"""A test value the lab could only bound: "<0.5", ">1000".

Revision ID: 0006_value_qualifier
Revises: 0005_journey

One new nullable column, `measurements.value_qualifier` ('<', '<=', '>', '>=' or
NULL for a plain value), with its CHECK. SQLite adds it in place (no rebuild), so
the table's search triggers stay as 0005_journey made them and every row is kept.
Written out here, not read from the models, so this migration stays what it was.
"""

from alembic import op

revision = "0006_value_qualifier"
down_revision = "0005_journey"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "ALTER TABLE measurements ADD COLUMN value_qualifier VARCHAR(2) "
        "CONSTRAINT value_qualifier CHECK (value_qualifier IN ('<', '<=', '>', '>='))"
    )
    op.execute("PRAGMA user_version = 6")


def downgrade() -> None:
    raise NotImplementedError(
        "A record is never downgraded; restore the backup made before the upgrade."
    )
