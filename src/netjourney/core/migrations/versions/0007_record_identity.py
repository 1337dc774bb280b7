"""The record's own identity: a random UUID given once, when the file is made or upgraded.

Revision ID: 0007_record_identity
Revises: 0006_value_qualifier

Calendar events need ids unique across every record a user exports from (issue 17.12):
"appointment-3" is appointment 3 of every record. The identity is drawn here, in the
migration, so a new record (built by running every migration) and an older one being
upgraded get one the same way. A copy of the file (a backup, a restore) is the same
record and keeps it; an import into a new file is a new record and gets its own.
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0007_record_identity"
down_revision = "0006_value_qualifier"
branch_labels = None
depends_on = None


def upgrade() -> None:
    identity = op.create_table(
        "record_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.CheckConstraint("id = 1", name="one_row"),
        sa.CheckConstraint("length(uuid) = 36", name="uuid_text"),
    )
    op.bulk_insert(identity, [{"id": 1, "uuid": str(uuid.uuid4())}])
    # The number this revision's id starts with (tests/core/old_records.py head_user_version).
    op.execute("PRAGMA user_version = 7")


def downgrade() -> None:
    raise NotImplementedError(
        "A record is never downgraded; restore the backup made before the upgrade."
    )
