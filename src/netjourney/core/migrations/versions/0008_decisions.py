"""Decisions with their options, second opinions and clinical trials.

Revision ID: 0008_decisions
Revises: 0007_record_identity

Four new tables, each with its link table and its search index, and two tables of
the appointments and care-team members where a decision was discussed; no existing
table changes. Columns, CHECKs and indexed columns are written out here, not read
from the models or the registry, so this migration stays what it was when released.
"""

import sqlalchemy as sa
from alembic import op

from netjourney.core.migrations.kind_tables import create_link_table, search_index_statements

revision = "0008_decisions"
down_revision = "0007_record_identity"
branch_labels = None
depends_on = None

SEARCHED = {
    "decision_options": ("name", "aims", "benefits", "risks", "suggested_by"),
    "decisions": ("question", "priorities", "reason", "how_it_went"),
    "second_opinions": ("person", "center", "sent_other", "what_they_said", "compared_with_first"),
    "clinical_trials": ("registry_id", "title", "site", "contact", "why_interested", "notes"),
}


def _text(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.Text(), nullable=False)


def _day(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.Date(), nullable=True)


def _create_decisions() -> None:
    # The choice refers to an option, the options to their decision: the choice's key
    # is checked at commit, so a decision and its options can be put back together.
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        _text("question"),
        _text("priorities"),
        _day("raised_on"),
        _day("decided_on"),
        sa.Column("chosen_option_id", sa.Integer(), nullable=True),
        _text("reason"),
        _text("how_it_went"),
        sa.CheckConstraint(
            "decided_on IS NULL OR raised_on IS NULL OR decided_on >= raised_on",
            name="decided_after_raised",
        ),
        sa.ForeignKeyConstraint(
            ["chosen_option_id"],
            ["decision_options.id"],
            name="fk_decisions_chosen_option_id",
            ondelete="SET NULL",
            deferrable=True,
            initially="DEFERRED",
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_decisions_chosen_option_id", "decisions", ["chosen_option_id"], unique=False
    )
    op.create_table(
        "decision_options",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        _text("name"),
        _text("aims"),
        _text("benefits"),
        _text("risks"),
        sa.Column("member_id", sa.Integer(), nullable=True),
        _text("suggested_by"),
        sa.ForeignKeyConstraint(["decision_id"], ["decisions.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["care_team_members.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_decision_options_decision_id", "decision_options", ["decision_id"], unique=False
    )
    op.create_index(
        "ix_decision_options_member_id", "decision_options", ["member_id"], unique=False
    )
    for other, table in (("appointment", "appointments"), ("member", "care_team_members")):
        op.create_table(
            f"decision_{other}s",
            sa.Column("decision_id", sa.Integer(), nullable=False),
            sa.Column(f"{other}_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(["decision_id"], ["decisions.id"], ondelete="CASCADE"),
            sa.ForeignKeyConstraint([f"{other}_id"], [f"{table}.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("decision_id", f"{other}_id"),
        )
        op.create_index(f"ix_decision_{other}s_{other}_id", f"decision_{other}s", [f"{other}_id"])


def _create_second_opinions() -> None:
    op.create_table(
        "second_opinions",
        sa.Column("id", sa.Integer(), nullable=False),
        _text("person"),
        _text("center"),
        _day("asked_on"),
        _day("given_on"),
        sa.Column("sent_reports", sa.Boolean(), nullable=False),
        sa.Column("sent_scans", sa.Boolean(), nullable=False),
        sa.Column("sent_slides", sa.Boolean(), nullable=False),
        _text("sent_other"),
        _text("what_they_said"),
        _text("compared_with_first"),
        sa.CheckConstraint(
            "given_on IS NULL OR asked_on IS NULL OR given_on >= asked_on",
            name="given_after_asked",
        ),
        sa.PrimaryKeyConstraint("id"),
    )


def _create_clinical_trials() -> None:
    op.create_table(
        "clinical_trials",
        sa.Column("id", sa.Integer(), nullable=False),
        _text("registry_id"),
        _text("title"),
        _text("site"),
        _text("contact"),
        _text("why_interested"),
        _day("interested_on"),
        _day("asked_doctor_on"),
        _day("screening_on"),
        sa.Column(
            "outcome",
            sa.Enum(
                "enrolled",
                "not_eligible",
                "declined",
                "closed",
                name="trial_outcome",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=True,
        ),
        _day("outcome_on"),
        _text("notes"),
        sa.CheckConstraint("(outcome IS NULL) = (outcome_on IS NULL)", name="outcome_dated"),
        sa.CheckConstraint(
            "asked_doctor_on >= COALESCE(interested_on, asked_doctor_on) "
            "AND screening_on >= COALESCE(asked_doctor_on, interested_on, screening_on) "
            "AND outcome_on >= COALESCE(screening_on, asked_doctor_on, interested_on, outcome_on)",
            name="steps_in_order",
        ),
        sa.PrimaryKeyConstraint("id"),
    )


def upgrade() -> None:
    _create_decisions()
    _create_second_opinions()
    _create_clinical_trials()
    for owner in ("decision_options", "decisions", "second_opinions", "clinical_trials"):
        create_link_table(owner)
    for table, columns in SEARCHED.items():
        for statement in search_index_statements(table, columns):
            op.execute(statement)
    op.execute("PRAGMA user_version = 8")


def downgrade() -> None:
    raise NotImplementedError(
        "A record is never downgraded; restore the backup made before the upgrade."
    )
