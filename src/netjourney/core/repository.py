"""Generic units of work on records: get, add, change, and delete/restore for undo.

Every function opens its own short session and hands back detached objects, so
the GUI never holds a live session.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Column, ForeignKey, Table, insert, inspect, select, update
from sqlalchemy.orm import Session

from netjourney.core.errors import InvalidInputError
from netjourney.core.models import LinkedToGuide
from netjourney.core.privacy import erase_deleted_text
from netjourney.core.record import JourneyRecord
from netjourney.core.registry import kind_of

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
    unknown = sorted(set(fields) - {*inspect(model).attrs.keys(), *_settable_properties(model)})
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


def _settable_properties(model: type[Any]) -> set[str]:
    """Fields kept by a property, e.g. section_ids, a decision's appointment_ids."""
    return {
        name
        for cls in model.__mro__
        for name, value in vars(cls).items()
        if isinstance(value, property) and value.fset is not None
    }


@dataclass(frozen=True)
class Pointer:
    """Rows (by id) whose `column` held `value` and that a delete set to NULL."""

    table: Table
    column: Column[Any]
    value: Any
    ids: list[Any]


@dataclass(frozen=True)
class Snapshot:
    """A record as it was, so `restore` can put it back exactly: its row, the rows
    deleted along with it (its links, planned questions, children and theirs, parents
    first), and the rows that pointed at any of them."""

    table: Table
    row: dict[str, Any]
    cascaded: list[tuple[Table, list[dict[str, Any]]]]
    pointing: list[Pointer]


def snapshot(record: JourneyRecord, model: type[RecordT], record_id: int) -> Snapshot | None:
    """The record with everything that belongs to it or points at it; None if it is gone."""
    with record.reading() as session:
        return _snapshot(session, model.__table__, record_id)  # type: ignore[attr-defined]


def delete(record: JourneyRecord, model: type[RecordT], record_id: int) -> Snapshot | None:
    """Delete a record with its links; return the snapshot undo needs to restore it.

    Its text is then erased from the search indexes and the -wal too (older
    backups keep it until they rotate out).
    """
    table: Table = model.__table__  # type: ignore[attr-defined]
    with record.writing() as session:
        taken = _snapshot(session, table, record_id)
        if taken is None:
            return None
        session.execute(table.delete().where(table.c.id == record_id))
    erase_deleted_text(record)
    return taken


def restore(record: JourneyRecord, taken: Snapshot) -> None:
    """Put a record back as snapshotted: after a delete, or over later edits of it.

    Its links and what belonged to it come back as they were, and what pointed at
    it points at it again, wherever the other side is still there (a planned
    question deleted since is not planned again).
    """
    table, record_id = taken.table, taken.row["id"]
    with record.writing() as session:
        session.execute(table.delete().where(table.c.id == record_id))
        session.execute(insert(table), [taken.row])
        for child, rows in taken.cascaded:
            kept = _still_pointing_somewhere(session, child, rows)
            if kept:
                session.execute(insert(child), kept)
        for pointer in taken.pointing:
            # Pointing back is not an edit of those rows: keep e.g. a note's updated_at.
            child = pointer.table
            unchanged = {c.name: c for c in child.c if c.onupdate is not None}
            session.execute(
                update(child)
                .where(child.c.id.in_(pointer.ids))
                .values({**unchanged, pointer.column.name: pointer.value})
            )


def _snapshot(session: Session, table: Table, record_id: int) -> Snapshot | None:
    row = session.execute(select(table).where(table.c.id == record_id)).mappings().first()
    if row is None:
        return None
    taken = Snapshot(table, dict(row), [], [])
    _take_dependents(session, table, [taken.row], taken)
    return taken


def _take_dependents(
    session: Session, table: Table, rows: list[dict[str, Any]], taken: Snapshot
) -> None:
    """Add to `taken` what a delete of `rows` cascades to (recursively) or sets to NULL."""
    for foreign_key in _references_to(table):
        child, column = foreign_key.parent.table, foreign_key.parent
        values = {row[foreign_key.column.name] for row in rows}
        if foreign_key.ondelete == "CASCADE":
            found = session.execute(select(child).where(column.in_(values))).mappings()
            child_rows = [dict(r) for r in found]
            taken.cascaded.append((child, child_rows))
            if child_rows:
                _take_dependents(session, child, child_rows, taken)
            continue
        for value in values:
            ids = session.scalars(select(child.c.id).where(column == value)).all()
            if ids:
                taken.pointing.append(Pointer(child, column, value, list(ids)))


def _still_pointing_somewhere(
    session: Session, table: Table, rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The rows whose every reference still finds its row (the rest cannot come back)."""
    for foreign_key in table.foreign_keys:
        name, target = foreign_key.parent.name, foreign_key.column
        wanted = {row[name] for row in rows if row[name] is not None}
        if not wanted:
            continue
        present = set(session.scalars(select(target).where(target.in_(wanted))))
        rows = [row for row in rows if row[name] is None or row[name] in present]
    return rows


def _references_to(table: Table) -> list[ForeignKey]:
    return [
        foreign_key
        for other in table.metadata.sorted_tables
        for foreign_key in other.foreign_keys
        if foreign_key.column.table is table
    ]


def all_of(record: JourneyRecord, model: type[RecordT], order_by: Any = None) -> list[RecordT]:
    with record.reading() as session:
        query = select(model).order_by(order_by if order_by is not None else model.id)
        return list(session.scalars(query))


def _kind(model: type[Any]) -> str:
    kind = kind_of(model)
    return kind.noun if kind else "record"
