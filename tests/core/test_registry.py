"""A kind of record added by one registration is searched, linked, exported, restored.

The kind here (pebbles) exists only in this test: its model lives in a declarative
base of its own, so the app's schema (and the compare_metadata test) never sees it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import ForeignKey, Text, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from netjourney.core import repository
from netjourney.core.errors import InvalidInputError
from netjourney.core.guide import Guide
from netjourney.core.links import records_linked_to
from netjourney.core.listing import ListColumn, Listing, ListQuery, fetch_rows
from netjourney.core.migrations.kind_tables import search_index_statements
from netjourney.core.models import Base, LinkedToGuide
from netjourney.core.record import JourneyRecord
from netjourney.core.registry import RecordKind, kinds, registered
from netjourney.core.search import search_records
from netjourney.export.json_io import export_json, import_json, record_to_document
from tests.core.sample_records import add_sample_records


class PebbleBase(DeclarativeBase):
    pass


for shared in ("guide_sections", "care_roles", "care_team_members"):  # what pebbles refer to
    Base.metadata.tables[shared].to_metadata(PebbleBase.metadata)


class Pebble(LinkedToGuide, PebbleBase):
    __tablename__ = "pebbles"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text, default="")
    found_on: Mapped[date | None]
    weight_grams: Mapped[int] = mapped_column(default=0)
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("care_team_members.id", ondelete="SET NULL")
    )


class Chip(LinkedToGuide, PebbleBase):
    """A part of a pebble: gone with it, and back with it, links and all."""

    __tablename__ = "chips"

    id: Mapped[int] = mapped_column(primary_key=True)
    pebble_id: Mapped[int] = mapped_column(ForeignKey("pebbles.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text, default="")


PEBBLES = RecordKind(
    name="pebble",
    model=Pebble,
    noun="pebble",
    plural="pebbles",
    label="Pebble",
    page="pebbles",
    json_name="pebbles",
    search_columns=("name",),
    search_title="name",
    title_columns=("name",),
    title=lambda row: str(row.name),
    listing=lambda guide: Listing(
        select(Pebble.id.label("id"), Pebble.name),
        (ListColumn("Name", Pebble.name, lambda row: str(row.name)),),
    ),
)


def open_with_pebbles(path: Path, guide: Guide) -> JourneyRecord:
    """A record with the pebble tables, made as their migration would make them."""
    record = JourneyRecord.open(path, guide)
    with record.engine.begin() as connection:
        PebbleBase.metadata.create_all(connection)  # only the pebble tables are new
        for statement in search_index_statements("pebbles", PEBBLES.search_columns):
            connection.exec_driver_sql(statement)
    return record


@pytest.fixture
def with_pebbles(tmp_path: Path, guide: Guide) -> Iterator[JourneyRecord]:
    with registered(PEBBLES):
        record = open_with_pebbles(tmp_path / "pebbles.sqlite", guide)
        add_sample_records(record)
        yield record
        record.close()


def add_pebble(record: JourneyRecord, **fields: Any) -> Pebble:
    pebble = Pebble(name="Smooth granite from the beach", found_on=date(2025, 6, 1), **fields)
    return repository.add(record, pebble, ["recurrent", "care-team"])


def test_the_new_kind_is_registered_only_where_asked() -> None:
    assert "pebble" not in [kind.name for kind in kinds()]
    with registered(PEBBLES):
        assert kinds()[-1] is PEBBLES


def test_it_is_searched_and_linked_both_ways(with_pebbles: JourneyRecord) -> None:
    pebble = add_pebble(with_pebbles, member_id=1)

    hits = search_records(with_pebbles, "granite")
    linked = records_linked_to(with_pebbles, "recurrent")

    assert [(h.kind, h.key, h.title) for h in hits] == [
        ("pebble", str(pebble.id), "Smooth granite from the beach")
    ]
    assert ("pebble", pebble.id, "Smooth granite from the beach") in {
        (r.kind, r.id, r.title) for r in linked
    }
    assert repository.get(with_pebbles, Pebble, pebble.id).section_ids == [
        "recurrent",
        "care-team",
    ]
    assert with_pebbles.counts()["pebbles"] == 1
    rows = fetch_rows(with_pebbles, ListQuery.default(PEBBLES.listing(with_pebbles.guide)), 0, 9)
    assert [row.cells for row in rows] == [("Smooth granite from the beach",)]


def test_it_goes_through_json_and_back(
    with_pebbles: JourneyRecord, tmp_path: Path, guide: Guide
) -> None:
    add_pebble(with_pebbles, member_id=2, weight_grams=140)
    exported = tmp_path / "with-pebbles.json"
    export_json(with_pebbles, exported)
    copy = open_with_pebbles(tmp_path / "copy.sqlite", guide)
    try:
        import_json(copy, exported)
        assert record_to_document(copy) == record_to_document(with_pebbles)
    finally:
        copy.close()

    pebbles = json.loads(exported.read_text(encoding="utf-8"))["pebbles"]
    assert pebbles == [
        {
            "id": 1,
            "name": "Smooth granite from the beach",
            "found_on": "2025-06-01",
            "weight_grams": 140,
            "member_id": 2,
            "section_ids": ["recurrent", "care-team"],
        }
    ]


def test_its_references_are_checked_on_import(
    with_pebbles: JourneyRecord, tmp_path: Path, guide: Guide
) -> None:
    add_pebble(with_pebbles, member_id=2)
    document = record_to_document(with_pebbles)
    document["pebbles"][0]["member_id"] = 99
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    copy = open_with_pebbles(tmp_path / "copy.sqlite", guide)
    try:
        with pytest.raises(InvalidInputError, match=r"not valid at pebbles\[0\]\.member_id"):
            import_json(copy, source)
        assert copy.is_empty()
    finally:
        copy.close()


def chips_with_links(record: JourneyRecord) -> list[tuple[str, list[str]]]:
    with record.reading() as session:
        return [(c.name, c.section_ids) for c in session.scalars(select(Chip).order_by(Chip.id))]


def test_it_is_restored_after_a_delete_with_its_links(with_pebbles: JourneyRecord) -> None:
    pebble = add_pebble(with_pebbles, member_id=1)
    repository.add(with_pebbles, Chip(pebble_id=pebble.id, name="flake"), ["care-team"])
    repository.add(with_pebbles, Chip(pebble_id=pebble.id, name="shard"), ["recurrent"])
    before = record_to_document(with_pebbles)
    chips_before = chips_with_links(with_pebbles)

    removed = repository.delete(with_pebbles, Pebble, pebble.id)
    assert removed is not None
    assert search_records(with_pebbles, "granite") == []
    assert "pebble" not in {r.kind for r in records_linked_to(with_pebbles, "recurrent")}
    assert chips_with_links(with_pebbles) == []

    repository.restore(with_pebbles, removed)

    assert record_to_document(with_pebbles) == before
    assert (
        chips_with_links(with_pebbles)
        == chips_before
        == [
            ("flake", ["care-team"]),
            ("shard", ["recurrent"]),
        ]
    )
    assert [h.kind for h in search_records(with_pebbles, "granite")] == ["pebble"]


def test_a_snapshot_puts_a_record_back_over_later_edits(with_pebbles: JourneyRecord) -> None:
    """What undoing an edit needs: the visit, its links, plans and the notes about it."""
    from netjourney.core.models import Appointment, Question

    before = record_to_document(with_pebbles)
    taken = repository.snapshot(with_pebbles, Appointment, 1)
    assert taken is not None
    with with_pebbles.writing() as session:
        visit = session.get(Appointment, 1)
        assert visit is not None
        visit.purpose = "Changed my mind"
        visit.section_ids = ["recurrent"]
        visit.planned_questions = [session.get(Question, 3)]  # type: ignore[list-item]
    assert record_to_document(with_pebbles) != before

    repository.restore(with_pebbles, taken)

    assert record_to_document(with_pebbles) == before


def test_a_restore_leaves_out_what_was_deleted_since(with_pebbles: JourneyRecord) -> None:
    """Visit 1 planned questions 1 and 2; question 2 is deleted after the visit was."""
    from netjourney.core.models import Appointment, Question

    removed = repository.delete(with_pebbles, Appointment, 1)
    assert removed is not None
    repository.delete(with_pebbles, Question, 2)

    repository.restore(with_pebbles, removed)

    visit = repository.get(with_pebbles, Appointment, 1)
    assert [q.id for q in visit.planned_questions] == [1]
    assert visit.section_ids == ["resectable", "making-decisions"]


def test_changing_a_field_the_record_lacks_is_an_error(with_pebbles: JourneyRecord) -> None:
    pebble = add_pebble(with_pebbles)

    with pytest.raises(InvalidInputError, match="no field 'wieght_grams'"):
        repository.change(with_pebbles, Pebble, pebble.id, wieght_grams=12)

    assert repository.get(with_pebbles, Pebble, pebble.id).weight_grams == 0
    changed = repository.change(with_pebbles, Pebble, pebble.id, weight_grams=12)
    assert changed.weight_grams == 12
