"""The journey's records go through JSON and back; bad values are refused whole."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netjourney.core.dates import short_date
from netjourney.core.errors import InvalidInputError
from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from netjourney.export.json_io import import_json, record_to_document
from tests.core.decision_records import add_decision_records
from tests.core.journey_records import add_journey_records
from tests.core.sample_records import add_sample_records
from tests.export.test_json_fuzz import (
    assert_imported_whole_or_refused,
    empty_record,
    mutated_texts,
)
from tests.export.test_json_roundtrip import export_import_export

__all__ = ["empty_record"]  # the fuzz test's module fixture, used here too


@pytest.fixture
def journey_document(record: JourneyRecord) -> dict[str, Any]:
    add_sample_records(record)
    add_journey_records(record, member_id=1)
    return record_to_document(record)


def test_a_record_of_every_kind_round_trips_exactly(record: JourneyRecord, tmp_path: Path) -> None:
    add_sample_records(record)
    add_journey_records(record, member_id=1)

    first, second = export_import_export(record, tmp_path)

    assert first == second
    document = json.loads(first)
    lists = ("treatments", "doses", "measurements", "scans", "diary", "symptom_ratings")
    assert [len(document[name]) for name in lists] == [2, 2, 2, 1, 2, 4]
    assert document["treatments"][1]["repeat_every"] == 28
    assert document["treatments"][1]["section_ids"] == ["treatment-types", "getting-through"]
    assert document["doses"][0] | {"id": 0} == {
        "id": 0,
        "treatment_id": 2,
        "given_on": "2026-01-05",
        "location": "Infusion clinic",
        "notes": "left buttock",
        "section_ids": [],
    }
    assert document["measurements"][1]["value"] == 142.5
    assert document["symptom_ratings"][2]["count"] == 2


def test_a_file_from_before_the_journey_imports(record: JourneyRecord, tmp_path: Path) -> None:
    other = JourneyRecord.open(tmp_path / "other.sqlite", record.guide)
    try:
        add_sample_records(other)
        document = record_to_document(other)
    finally:
        other.close()
    for name in ("treatments", "doses", "measurements", "scans", "diary", "symptom_ratings"):
        del document[name]
    source = tmp_path / "old.json"
    source.write_text(json.dumps(document), encoding="utf-8")

    counts = import_json(record, source)

    assert counts["notes"] == 2 and counts["treatments"] == 0


def test_a_bound_value_round_trips_and_an_older_file_may_leave_the_bound_out(
    journey_document: dict[str, Any], tmp_path: Path, guide: Guide
) -> None:
    journey_document["measurements"][0] |= {"value": 0.5, "value_qualifier": "<"}
    del journey_document["measurements"][1]["value_qualifier"]  # as written before 0006
    source = tmp_path / "bounds.json"
    source.write_text(json.dumps(journey_document), encoding="utf-8")
    target = JourneyRecord.open(tmp_path / "target.sqlite", guide)
    try:
        import_json(target, source)
        again = record_to_document(target)
    finally:
        target.close()

    assert [(m["value"], m["value_qualifier"]) for m in again["measurements"]] == [
        (0.5, "<"),
        (142.5, None),
    ]


def _set(document: dict[str, Any], where: str, value: Any) -> None:
    *steps, last = where.split(".")
    target: Any = document
    for step in steps:
        target = target[int(step) if step.isdigit() else step]
    target[int(last) if last.isdigit() else last] = value


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        (
            "symptom_ratings.2.count",
            -3,
            r"at symptom_ratings\[2\]\.count: cannot be negative \(-3\)",
        ),
        (
            "symptom_ratings.0.rating",
            11,
            r"at symptom_ratings\[0\]\.rating: must be from 0 to 10, not 11",
        ),
        ("treatments.0.kind", "homeopathy", r"at treatments\[0\]\.kind: input should be 'surgery'"),
        ("scans.0.kind", "x-ray", r"at scans\[0\]\.kind: input should be 'ct'"),
        (
            "doses.0.given_on",
            "2025-12-24",
            rf"at doses\[0\]\.given_on: {short_date(date(2025, 12, 24))} is before the treatment "
            rf"started \({short_date(date(2026, 1, 5))}\)",
        ),
        ("measurements.0.range_low", 500.0, r"at measurements\[0\]\.range_high: the low end"),
        ("treatments.1.repeat_every", 0, r"at treatments\[1\]\.repeat_every: must be from 1"),
        (
            "treatments.1.planned_dates",
            "2026-02-30",
            r"at treatments\[1\]\.planned_dates: '2026-02-30' is not a date",
        ),
        ("symptom_ratings.0.count", 2, r"at symptom_ratings\[0\]\.count: give either a rating"),
        ("measurements.0.value", "high", r"at measurements\[0\]\.value: input should be a"),
        (
            "measurements.1.value_qualifier",
            "≤",
            r"at measurements\[1\]\.value_qualifier: input should be '<', '<=', '>' or '>='",
        ),
    ],
)
def test_bad_values_are_refused_with_the_field_and_nothing_is_written(
    journey_document: dict[str, Any],
    tmp_path: Path,
    record: JourneyRecord,
    where: str,
    value: Any,
    message: str,
) -> None:
    _set(journey_document, where, value)
    assert_refused(journey_document, tmp_path, record, message)


def assert_refused(
    document: dict[str, Any], tmp_path: Path, record: JourneyRecord, message: str
) -> None:
    """Importing the document into a new record fails with `message`; nothing is kept."""
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    empty = JourneyRecord.open(tmp_path / "empty.sqlite", record.guide)
    try:
        with pytest.raises(InvalidInputError, match=message) as refusal:
            import_json(empty, source)
        assert empty.is_empty()
    finally:
        empty.close()
    assert str(refusal.value).endswith("Nothing was imported.")


@pytest.fixture(scope="module")
def every_kind_document(tmp_path_factory: pytest.TempPathFactory, guide: Guide) -> dict[str, Any]:
    record = JourneyRecord.open(tmp_path_factory.mktemp("kinds") / "kinds.sqlite", guide)
    try:
        add_sample_records(record)
        add_journey_records(record, member_id=1)
        add_decision_records(record, member_id=1, appointment_id=1)  # fuzzed too
        return record_to_document(record)
    finally:
        record.close()


@settings(
    max_examples=60,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_a_fuzzed_journey_document_imports_whole_or_refuses_in_one_line(
    every_kind_document: dict[str, Any],
    empty_record: JourneyRecord,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    data: st.DataObject,
) -> None:
    source = tmp_path / "fuzzed.json"
    text = data.draw(mutated_texts(every_kind_document))
    source.write_text(text, encoding="utf-8", errors="replace")
    assert_imported_whole_or_refused(empty_record, source, capsys)
