"""A record saved at 0004_link_tables opens at today's schema and keeps every record.

tests/data/record-0004_link_tables.sqlite was made by tests/data/make_fixture_0004.py.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from netjourney.core import database, sqlite_file
from netjourney.core.guide import Guide
from netjourney.core.journey.choices import TreatmentKind
from netjourney.core.journey.models import Treatment
from netjourney.core.journey.records import add_treatment, log_dose
from netjourney.core.links import records_linked_to
from netjourney.core.record import JourneyRecord
from netjourney.core.search import search_records
from netjourney.core.situation_store import load_situation
from tests.core.old_records import head_user_version, table_rows
from tests.core.sample_records import counts_of

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "record-0004_link_tables.sqlite"
JOURNEY_TABLES = (
    "treatments",
    "doses",
    "measurements",
    "scans",
    "diary_entries",
    "symptom_ratings",
)


@pytest.fixture
def old_record(tmp_path: Path) -> Path:
    copy = tmp_path / "journey.sqlite"
    shutil.copyfile(FIXTURE, copy)
    return copy


def test_the_fixture_is_a_0004_record_without_journey_tables(old_record: Path) -> None:
    with database.plain_sqlite(old_record) as connection:
        assert database.read_marks(connection) == (sqlite_file.APPLICATION_ID, "0004_link_tables")
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_schema")}
    assert tables.isdisjoint(JOURNEY_TABLES)


def test_every_record_and_link_survives_the_upgrade(old_record: Path, guide: Guide) -> None:
    before = table_rows(old_record)

    record = JourneyRecord.open(old_record, guide)
    try:
        counts = record.counts()
        assert [h.key for h in search_records(record, "lobectomy")] == ["1"]
        assert load_situation(record).answers()["stage"] == "IIIA"
        assert {(r.kind, r.id) for r in records_linked_to(record, "clinical-trials")} == {
            ("note", 1),
            ("appointment", 2),
        }
    finally:
        record.close()

    assert counts == counts_of(care_team_members=3, questions=4, appointments=2, notes=3)
    with database.plain_sqlite(old_record) as connection:
        assert database.read_marks(connection)[1] == database.head_revision()
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("PRAGMA user_version").fetchone()[0] == head_user_version()
    assert table_rows(old_record) == before
    assert len(before["links"]) == 19


def test_the_upgraded_record_takes_a_treatment_and_finds_it(old_record: Path, guide: Guide) -> None:
    record = JourneyRecord.open(old_record, guide)
    try:
        with record.writing() as session:
            treatment = add_treatment(
                session,
                Treatment(
                    kind=TreatmentKind.SOMATOSTATIN_ANALOG,
                    name="Lanreotide (Somatuline)",
                    member_id=1,
                    started_on=date(2026, 1, 5),
                    section_ids=["treatment-types"],
                ),
            )
            log_dose(session, treatment.id, date(2026, 1, 5), notes="left buttock")
        hits = search_records(record, "buttock")
        linked = records_linked_to(record, "treatment-types")
    finally:
        record.close()

    assert [(h.kind, h.title) for h in hits] == [("dose", "Given")]
    assert ("treatment", 1) in {(r.kind, r.id) for r in linked}
