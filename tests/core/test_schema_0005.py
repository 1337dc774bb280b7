"""A record saved at 0005_journey opens at today's schema and keeps every record.

tests/data/record-0005_journey.sqlite was made by tests/data/make_fixture_0005.py:
the 0004 fixture's records plus a treatment with doses, test results, a scan and
diary days, each linked to the guide.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from netjourney.core import database, repository, sqlite_file
from netjourney.core.decisions.models import ClinicalTrial, Decision, DecisionOption
from netjourney.core.guide import Guide
from netjourney.core.journey.choices import ValueQualifier
from netjourney.core.journey.listings import measurements_listing
from netjourney.core.journey.models import Measurement
from netjourney.core.links import records_linked_to
from netjourney.core.listing import ListQuery, fetch_rows
from netjourney.core.record import JourneyRecord
from netjourney.core.search import search_records
from tests.core.old_records import head_user_version, table_rows
from tests.data.make_fixture_0005 import JOURNEY_ROWS

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "record-0005_journey.sqlite"
MEASUREMENT_COLUMNS_0005 = (
    "id, measure, value, unit, reference_range, range_low, range_high, lab, measured_on, "
    "notes, next_planned_on"
)


@pytest.fixture
def old_record(tmp_path: Path) -> Path:
    copy = tmp_path / "journey.sqlite"
    shutil.copyfile(FIXTURE, copy)
    return copy


def journey_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every journey row and link, in the columns 0005_journey had."""
    with database.plain_sqlite(path) as connection:
        return {
            table: connection.execute(
                f"SELECT {MEASUREMENT_COLUMNS_0005 if table == 'measurements' else '*'} "
                f"FROM {table} ORDER BY id"
            ).fetchall()
            for table in JOURNEY_ROWS
        }


def test_the_fixture_is_a_0005_record_with_journey_rows(old_record: Path) -> None:
    with database.plain_sqlite(old_record) as connection:
        assert database.read_marks(connection) == (sqlite_file.APPLICATION_ID, "0005_journey")
        columns = [row[1] for row in connection.execute("PRAGMA table_info(measurements)")]
    assert "value_qualifier" not in columns
    assert journey_rows(old_record) == JOURNEY_ROWS


def test_every_record_and_link_survives_the_upgrade(old_record: Path, guide: Guide) -> None:
    before, journey_before = table_rows(old_record), journey_rows(old_record)

    record = JourneyRecord.open(old_record, guide)
    try:
        counts = record.counts()
        found = {(h.kind, h.key) for h in search_records(record, "buttock")}
        linked = {(r.kind, r.id) for r in records_linked_to(record, "getting-through")}
    finally:
        record.close()

    assert (counts["treatments"], counts["doses"], counts["measurements"]) == (2, 3, 3)
    assert (counts["scans"], counts["diary_entries"], counts["symptom_ratings"]) == (1, 2, 3)
    assert found == {("dose", "1"), ("dose", "2"), ("dose", "3")}
    assert {("dose", 3), ("symptom_rating", 2)} <= linked
    with database.plain_sqlite(old_record) as connection:
        assert database.read_marks(connection)[1] == database.head_revision()
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        qualifiers = connection.execute("SELECT value_qualifier FROM measurements").fetchall()
    assert qualifiers == [(None,)] * 3  # every old value stays a plain value
    assert table_rows(old_record) == before
    assert journey_rows(old_record) == journey_before


def test_an_upgraded_value_takes_a_bound_and_search_still_follows_it(
    old_record: Path, guide: Guide
) -> None:
    record = JourneyRecord.open(old_record, guide)
    try:
        with record.writing() as session:
            value = session.get_one(Measurement, 3)
            value.value, value.value_qualifier = 2.0, ValueQualifier.LESS
            value.notes = "below what the lab can count"
        query = ListQuery(measurements_listing(), sort_column=0, descending=False)
        shown = [row.cells[2] for row in fetch_rows(record, query, 0, 10)]
        hits = search_records(record, "count")
    finally:
        record.close()

    assert shown == ["120 ng/mL", "<2 mg/24h", "88.5 ng/mL"]
    assert [(h.kind, h.key) for h in hits] == [("measurement", "3")]


def test_the_upgraded_record_takes_a_decision_and_a_trial(old_record: Path, guide: Guide) -> None:
    with database.plain_sqlite(old_record) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_schema")}
    assert "decisions" not in tables and "clinical_trials" not in tables

    record = JourneyRecord.open(old_record, guide)
    try:
        decision = repository.add(record, Decision(question="Lanreotide or watch?"))
        option = repository.add(record, DecisionOption(decision_id=decision.id, name="Watch"))
        repository.change(record, Decision, decision.id, chosen_option_id=option.id, member_ids=[1])
        repository.add(
            record, ClinicalTrial(registry_id="NCT01234567", interested_on=date(2026, 1, 5))
        )
        hits = {(h.kind, h.key) for h in search_records(record, "lanreotide")}
    finally:
        record.close()

    assert ("decision", "1") in hits and ("treatment", "1") in hits
    with database.plain_sqlite(old_record) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == head_user_version()
    assert list(database.backup_folder(old_record).iterdir())  # a copy before the upgrade
