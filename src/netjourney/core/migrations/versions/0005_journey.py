"""The journey over time: treatments, doses, test results, scans and the symptom diary.

Revision ID: 0005_journey
Revises: 0004_link_tables

Six new tables, each with its link table and (but symptom ratings) its search
index; no existing table changes. Columns, CHECKs and indexed columns are written
out here, not read from the models or the registry, so this migration stays what
it was when it was released.
"""

import sqlalchemy as sa
from alembic import op

from netjourney.core.migrations.kind_tables import create_link_table, search_index_statements

revision = "0005_journey"
down_revision = "0004_link_tables"
branch_labels = None
depends_on = None

SEARCHED = {
    "treatments": ("name", "dose", "how_given", "location", "why_stopped", "notes"),
    "doses": ("location", "notes"),
    "measurements": ("measure", "unit", "reference_range", "lab", "notes"),
    "scans": ("location", "report"),
    "diary_entries": ("note",),
}


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def _text(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.Text(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "treatments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            _enum(
                "treatment_kind",
                "surgery",
                "somatostatin_analog",
                "chemotherapy",
                "radiation",
                "targeted_therapy",
                "radioactive_drug",
                "liver_procedure",
                "other",
            ),
            nullable=False,
        ),
        _text("name"),
        _text("dose"),
        _text("how_given"),
        sa.Column("member_id", sa.Integer(), nullable=True),
        _text("location"),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("stopped_on", sa.Date(), nullable=True),
        _text("why_stopped"),
        sa.Column("repeat_every", sa.Integer(), nullable=True),
        sa.Column("repeat_unit", _enum("repeat_unit", "days", "weeks"), nullable=True),
        _text("planned_dates"),
        _text("notes"),
        sa.CheckConstraint(
            "stopped_on IS NULL OR started_on IS NULL OR stopped_on >= started_on",
            name="stops_after_start",
        ),
        sa.CheckConstraint(
            "(repeat_every IS NULL) = (repeat_unit IS NULL) "
            "AND (repeat_every IS NULL OR repeat_every BETWEEN 1 AND 3650)",
            name="repeat_every_positive",
        ),
        sa.ForeignKeyConstraint(["member_id"], ["care_team_members.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_treatments_member_id", "treatments", ["member_id"], unique=False)

    op.create_table(
        "doses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("treatment_id", sa.Integer(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        _text("location"),
        _text("notes"),
        sa.ForeignKeyConstraint(["treatment_id"], ["treatments.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_doses_treatment_id", "doses", ["treatment_id"], unique=False)
    op.create_index("ix_doses_given_on", "doses", ["given_on"], unique=False)

    op.create_table(
        "measurements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure", sa.Text(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        _text("unit"),
        _text("reference_range"),
        sa.Column("range_low", sa.Float(), nullable=True),
        sa.Column("range_high", sa.Float(), nullable=True),
        _text("lab"),
        sa.Column("measured_on", sa.Date(), nullable=False),
        _text("notes"),
        sa.Column("next_planned_on", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "range_low IS NULL OR range_high IS NULL OR range_low <= range_high",
            name="range_in_order",
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_measurements_measured_on", "measurements", ["measured_on"], unique=False)

    op.create_table(
        "scans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scanned_on", sa.Date(), nullable=False),
        sa.Column(
            "kind", _enum("scan_kind", "ct", "mri", "somatostatin_pet", "other"), nullable=False
        ),
        _text("location"),
        _text("report"),
        sa.Column("next_planned_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_scans_scanned_on", "scans", ["scanned_on"], unique=False)

    op.create_table(
        "diary_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        _text("note"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("day"),
    )

    op.create_table(
        "symptom_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("symptom", sa.String(length=80), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.CheckConstraint("rating IS NULL OR rating BETWEEN 0 AND 10", name="rating_0_to_10"),
        sa.CheckConstraint("count IS NULL OR count >= 0", name="count_not_negative"),
        sa.CheckConstraint("(rating IS NULL) <> (count IS NULL)", name="rated_or_counted"),
        sa.ForeignKeyConstraint(["entry_id"], ["diary_entries.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("entry_id", "symptom", name="uq_symptom_ratings_entry_symptom"),
    )

    for owner in (
        "treatments",
        "doses",
        "measurements",
        "scans",
        "diary_entries",
        "symptom_ratings",
    ):
        create_link_table(owner)
    for table, columns in SEARCHED.items():
        for statement in search_index_statements(table, columns):
            op.execute(statement)
    op.execute("PRAGMA user_version = 5")


def downgrade() -> None:
    raise NotImplementedError(
        "A record is never downgraded; restore the backup made before the upgrade."
    )
