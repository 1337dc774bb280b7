"""A record saved at 0005_journey opens at today's schema and keeps every record.

tests/data/record-0005_journey.sqlite was made by tests/data/make_fixture_0005.py.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from netjourney.core import database, repository
from netjourney.core.decisions.models import ClinicalTrial, Decision, DecisionOption
from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from netjourney.core.search import search_records
from tests.core.old_records import head_user_version
from tests.core.sample_records import counts_of

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "record-0005_journey.sqlite"
JOURNEY_TABLES = (
    "treatments",
    "doses",
    "measurements",
    "scans",
    "diary_entries",
    "symptom_ratings",
    "treatments_section_links",
    "scans_section_links",
)
DECISION_TABLES = ("decisions", "decision_options", "second_opinions", "clinical_trials")


@pytest.fixture
def old_record(tmp_path: Path) -> Path:
    copy = tmp_path / "journey.sqlite"
    shutil.copyfile(FIXTURE, copy)
    return copy


def rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with database.plain_sqlite(path) as connection:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in JOURNEY_TABLES
        }


def test_the_fixture_is_a_0005_record_without_decision_tables(old_record: Path) -> None:
    with database.plain_sqlite(old_record) as connection:
        assert database.read_marks(connection) == (database.APPLICATION_ID, "0005_journey")
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_schema")}
    assert tables.isdisjoint(DECISION_TABLES)
    assert all(rows(old_record).values())  # every journey table holds something to keep


def test_every_record_survives_the_upgrade(old_record: Path, guide: Guide) -> None:
    before = rows(old_record)

    record = JourneyRecord.open(old_record, guide)
    try:
        counts = record.counts()
        hits = sorted((h.kind, h.key) for h in search_records(record, "buttock"))
    finally:
        record.close()

    assert counts == counts_of(
        care_team_members=3,
        questions=4,
        appointments=2,
        notes=3,
        treatments=2,
        doses=2,
        measurements=1,
        scans=1,
        diary_entries=1,
        symptom_ratings=2,
    )
    assert hits == [("dose", "1"), ("dose", "2")]
    assert rows(old_record) == before
    with database.plain_sqlite(old_record) as connection:
        assert database.read_marks(connection)[1] == database.head_revision()
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("PRAGMA user_version").fetchone()[0] == head_user_version()
    assert list(database.backup_folder(old_record).iterdir())  # a copy before the upgrade


def test_the_upgraded_record_takes_a_decision_and_a_trial(old_record: Path, guide: Guide) -> None:
    record = JourneyRecord.open(old_record, guide)
    try:
        decision = repository.add(record, Decision(question="Lanreotide or watch?"))
        option = repository.add(record, DecisionOption(decision_id=decision.id, name="Watch"))
        repository.change(record, Decision, decision.id, chosen_option_id=option.id, member_ids=[1])
        repository.add(
            record, ClinicalTrial(registry_id="NCT01234567", interested_on=date(2026, 1, 5))
        )
        hits = [(h.kind, h.key) for h in search_records(record, "lanreotide")]
    finally:
        record.close()

    assert ("decision", "1") in hits and ("treatment", "2") in hits
