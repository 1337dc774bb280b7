"""A record saved at 0003_situation keeps every link when links move to a table per kind.

tests/data/record-0003_situation.sqlite was made by tests/data/make_fixture_0003.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from netjourney.core import database, sqlite_file
from netjourney.core.guide import Guide
from netjourney.core.links import records_linked_to
from netjourney.core.models import Note
from netjourney.core.record import JourneyRecord
from netjourney.core.search import search_records
from netjourney.core.situation_store import load_situation
from tests.core.old_records import OLD_OWNER_COLUMNS, guide_links, table_rows

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "record-0003_situation.sqlite"


@pytest.fixture
def old_record(tmp_path: Path) -> Path:
    copy = tmp_path / "journey.sqlite"
    shutil.copyfile(FIXTURE, copy)
    return copy


def test_the_fixture_is_a_0003_record_with_links_of_every_kind(old_record: Path) -> None:
    with database.plain_sqlite(old_record) as connection:
        assert database.read_marks(connection) == (sqlite_file.APPLICATION_ID, "0003_situation")
        owners = {owner for owner, *_ in guide_links(connection)}
    assert owners == set(OLD_OWNER_COLUMNS.values())


def test_every_link_and_row_survives_the_upgrade(old_record: Path, guide: Guide) -> None:
    before = table_rows(old_record)

    JourneyRecord.open(old_record, guide).close()

    with database.plain_sqlite(old_record) as connection:
        assert database.read_marks(connection)[1] == database.head_revision()
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_schema")}
    assert "section_links" not in tables
    assert table_rows(old_record) == before
    assert len(before["links"]) == 19


def test_links_keep_their_order_and_read_back_both_ways(old_record: Path, guide: Guide) -> None:
    record = JourneyRecord.open(old_record, guide)
    try:
        with record.reading() as session:
            note = session.get(Note, 3)
        assert note is not None
        assert note.section_ids == ["stopping-treatment", "about-this-guide", "getting-through"]
        linked = {(r.kind, r.id) for r in records_linked_to(record, "care-team")}
        assert linked == {("member", 1), ("member", 3)}
        assert {(r.kind, r.id) for r in records_linked_to(record, "clinical-trials")} == {
            ("note", 1),
            ("appointment", 2),
        }
        assert [h.key for h in search_records(record, "lobectomy")] == ["1"]
        assert load_situation(record).answers()["stage"] == "IIIA"
    finally:
        record.close()


def test_a_new_link_after_the_upgrade_goes_after_the_moved_ones(
    old_record: Path, guide: Guide
) -> None:
    record = JourneyRecord.open(old_record, guide)
    try:
        with record.writing() as session:
            note = session.get(Note, 3)
            assert note is not None
            note.section_ids = [*note.section_ids, "resectable"]
        with record.reading() as session:
            again = session.get(Note, 3)
        assert again is not None and again.section_ids[-1] == "resectable"
    finally:
        record.close()
