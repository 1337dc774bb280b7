"""Generic units of work on records: get, add, change, delete with a snapshot for undo.

Every function opens its own short session and hands back detached objects, so
the GUI never holds a live session.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Column, ForeignKey, Table, insert, inspect, select, update

from netjourney.core.errors import InvalidInputError
from netjourney.core.models import LinkedToGuide
from netjourney.core.privacy import erase_deleted_text
from netjourney.core.record import JourneyRecord

RecordT = TypeVar("RecordT", bound=LinkedToGuide)


def check_section_ids(record: JourneyRecord, section_ids: Iterable[str]) -> list[str]:
    """Refuse, with a clear message, a link to a section the guide does not have."""
    wanted = list(section_ids)
    unknown = [s for s in wanted if s not in record.guide.section_ids]
    if unknown:
        raise InvalidInputError(
            f"The guide has no section {unknown[0]!r}; choose one of its sections."
        )
    return wanted


def get(record: JourneyRecord, model: type[RecordT], record_id: int) -> RecordT:
    with record.reading() as session:
        found = session.get(model, record_id)
        if found is None:
            raise InvalidInputError(
                f"That {_kind(model)} no longer exists (it may have been removed)."
            )
        return found


def add(record: JourneyRecord, obj: RecordT, section_ids: Iterable[str] = ()) -> RecordT:
    obj.section_ids = check_section_ids(record, section_ids)
    with record.writing() as session:
        session.add(obj)
    return obj


def change(record: JourneyRecord, model: type[RecordT], record_id: int, **fields: Any) -> RecordT:
    """Set the given fields (section_ids included) in one unit of work; a misspelled one
    is refused rather than silently ignored."""
    unknown = sorted(set(fields) - {"section_ids", *inspect(model).attrs.keys()})
    if unknown:
        raise InvalidInputError(
            f"A {_kind(model)} has no field {unknown[0]!r}; nothing was changed."
        )
    if "section_ids" in fields:
        fields["section_ids"] = check_section_ids(record, fields["section_ids"])
    with record.writing() as session:
        found = session.get(model, record_id)
        if found is None:
            raise InvalidInputError(
                f"That {_kind(model)} no longer exists (it may have been removed)."
            )
        for name, value in fields.items():
            setattr(found, name, value)
    return found


@dataclass(frozen=True)
class Removed:
    """Everything a delete took away, so undo can put it back exactly."""

    table: Table
    row: dict[str, Any]
    cascaded: list[tuple[Table, list[dict[str, Any]]]]
    unlinked: list[tuple[Table, Column[Any], list[Any]]]


def delete(record: JourneyRecord, model: type[RecordT], record_id: int) -> Removed | None:
    """Delete a record with its links; return what undo needs to restore it.

    Its text is then erased from the search indexes and the -wal too (older
    backups keep it until they rotate out).
    """
    table: Table = model.__table__  # type: ignore[attr-defined]
    with record.writing() as session:
        row = session.execute(select(table).where(table.c.id == record_id)).mappings().first()
        if row is None:
            return None
        cascaded, unlinked = [], []
        for foreign_key in _references_to(table):
            child, column = foreign_key.parent.table, foreign_key.parent
            if foreign_key.ondelete == "CASCADE":
                rows = session.execute(select(child).where(column == record_id)).mappings()
                cascaded.append((child, [dict(r) for r in rows]))
            else:
                keys = session.scalars(select(child.c.id).where(column == record_id)).all()
                unlinked.append((child, column, list(keys)))
        session.execute(table.delete().where(table.c.id == record_id))
    erase_deleted_text(record)
    return Removed(table, dict(row), cascaded, unlinked)


def restore(record: JourneyRecord, removed: Removed) -> None:
    """Undo a delete: the record, its links, and what pointed at it (where still there)."""
    with record.writing() as session:
        session.execute(insert(removed.table), [removed.row])
        for child, rows in removed.cascaded:
            if rows:
                session.execute(insert(child).prefix_with("OR IGNORE"), rows)
        for child, column, keys in removed.unlinked:
            session.execute(
                update(child).where(child.c.id.in_(keys)).values({column.name: removed.row["id"]})
            )


def _references_to(table: Table) -> list[ForeignKey]:
    return [
        foreign_key
        for other in table.metadata.sorted_tables
        for foreign_key in other.foreign_keys
        if foreign_key.column.table is table
    ]


def all_of(record: JourneyRecord, model: type[RecordT], order_by: Any = None) -> list[RecordT]:
    with record.reading() as session:
        query = select(model).order_by(order_by if order_by is not None else model.id)  # type: ignore[attr-defined]
        return list(session.scalars(query))


def _kind(model: type[Any]) -> str:
    return {
        "care_team_members": "care-team member",
        "questions": "question",
        "appointments": "appointment",
        "notes": "note",
    }.get(model.__tablename__, "record")
