"""Links both ways: which of the user's records are about a guide section."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from netjourney.core.record import JourneyRecord
from netjourney.core.registry import kinds


@dataclass(frozen=True)
class LinkedRecord:
    kind: str  # a record kind's name (see core/registry.py)
    id: int
    title: str


def records_linked_to(record: JourneyRecord, section_id: str) -> list[LinkedRecord]:
    # Only the columns a title needs: a section may have thousands of notes linked to it.
    with record.reading() as session:
        return [
            LinkedRecord(kind.name, row.id, kind.title(row))
            for kind in kinds()
            for row in session.execute(
                select(kind.table.c.id, *(kind.table.c[name] for name in kind.title_columns))
                .join(kind.link_table, kind.link_table.c.owner_id == kind.table.c.id)
                .where(kind.link_table.c.section_id == section_id)
                .order_by(kind.table.c.id)
            )
        ]
