"""My situation: the user's answers about their tumor, in a table of one row.

Revision ID: 0003_situation
Revises: 0002_search

Every answer is NULL ("not known yet") or one of its values; the CHECK constraints
make the file itself refuse anything else. The values are written out here, not
imported, so this migration stays what it was when it was released.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_situation"
down_revision = "0002_search"
branch_labels = None
depends_on = None

YES_NO = ("yes", "no")
ANSWER_VALUES = {
    "tumor_type": ("typical", "atypical"),
    "stage": ("I", "II", "IIIA", "IIIB", "IIIC", "IV"),
    "removable": YES_NO,
    "healthy_for_surgery": YES_NO,
    "lymph_nodes": YES_NO,
    "carcinoid_syndrome": YES_NO,
    "somatostatin_pet": YES_NO,
    "liver_symptoms": YES_NO,
    "bone_pain": YES_NO,
    "spread": ("few", "widespread"),
    "recurrence": ("none", "local", "distant"),
    "thinking_of_stopping": YES_NO,
}


def _allowed(column: str, values: tuple[str, ...]) -> sa.CheckConstraint:
    listed = ", ".join(f"'{value}'" for value in values)
    return sa.CheckConstraint(f"{column} IS NULL OR {column} IN ({listed})", name=f"known_{column}")


def upgrade() -> None:
    op.create_table(
        "situation",
        sa.Column("id", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.String(length=16), nullable=True) for name in ANSWER_VALUES),
        sa.PrimaryKeyConstraint("id"),
        sa.CheckConstraint("id = 1", name="one_row"),
        *(_allowed(name, values) for name, values in ANSWER_VALUES.items()),
    )
    op.execute("PRAGMA user_version = 3")


def downgrade() -> None:
    raise NotImplementedError(
        "A record is never downgraded; restore the backup made before the upgrade."
    )
