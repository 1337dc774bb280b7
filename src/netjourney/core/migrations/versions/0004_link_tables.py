"""Links to the guide move to one table per kind of record.

Revision ID: 0004_link_tables
Revises: 0003_situation

`section_links` had a nullable column per owner kind, so every new kind of record
rebuilt it. Each kind now has `<its table>_section_links` (owner_id, section_id),
and a new kind only adds its own. Every link moves with its id, so the order the
links were made in is kept. The owners are written out here, not read from the
registry, so this migration stays what it was when it was released.
"""

from alembic import op

from netjourney.core.errors import DamagedRecordError
from netjourney.core.migrations.kind_tables import create_link_table

revision = "0004_link_tables"
down_revision = "0003_situation"
branch_labels = None
depends_on = None

# the old owner column -> the owner table
OWNERS = {
    "member_id": "care_team_members",
    "question_id": "questions",
    "appointment_id": "appointments",
    "note_id": "notes",
}


def upgrade() -> None:
    connection = op.get_bind()
    before = connection.exec_driver_sql("SELECT count(*) FROM section_links").scalar_one()
    moved = 0
    for column, owner in OWNERS.items():
        table = create_link_table(owner)
        moved += connection.exec_driver_sql(
            f"INSERT INTO {table} (id, owner_id, section_id) "
            f"SELECT id, {column}, section_id FROM section_links "
            f"WHERE {column} IS NOT NULL ORDER BY id"
        ).rowcount
    if moved != before:  # the one_owner CHECK makes this impossible; never drop a link
        raise DamagedRecordError(
            f"Only {moved} of {before} links to the guide could be moved; nothing was changed."
        )
    op.drop_index("ix_section_links_section_id", table_name="section_links")
    op.drop_table("section_links")
    op.execute("PRAGMA user_version = 4")


def downgrade() -> None:
    raise NotImplementedError(
        "A record is never downgraded; restore the backup made before the upgrade."
    )
