"""Decisions, options, second opinions and trials go through JSON and back; bad trial
ids and impossible dates are refused whole, naming the field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from netjourney.core.record import JourneyRecord
from netjourney.export.json_io import import_json, record_to_document
from tests.core.decision_records import add_decision_records
from tests.core.journey_records import add_journey_records
from tests.core.sample_records import add_sample_records
from tests.export.test_json_journey import _set, assert_refused
from tests.export.test_json_roundtrip import export_import_export

DECISION_LISTS = ("decisions", "decision_options", "second_opinions", "clinical_trials")


def _fill(record: JourneyRecord) -> None:
    add_sample_records(record)
    add_journey_records(record, member_id=1)
    add_decision_records(record, member_id=1, appointment_id=1)


@pytest.fixture
def decisions_document(record: JourneyRecord) -> dict[str, Any]:
    _fill(record)
    return record_to_document(record)


def test_a_record_of_every_kind_round_trips_exactly(record: JourneyRecord, tmp_path: Path) -> None:
    _fill(record)

    first, second = export_import_export(record, tmp_path)

    assert first == second
    document = json.loads(first)
    assert [len(document[name]) for name in DECISION_LISTS] == [1, 2, 1, 1]
    assert document["decisions"][0] | {"how_it_went": ""} == {
        "id": 1,
        "question": "Which treatment after surgery?",
        "priorities": "Keep working; few side effects",
        "raised_on": "2026-02-01",
        "decided_on": "2026-03-02",
        "chosen_option_id": 1,
        "reason": "The team said the benefit of more treatment is unclear",
        "how_it_went": "",
        "appointment_ids": [1],
        "member_ids": [1],
        "section_ids": ["making-decisions", "resectable"],
    }
    assert document["clinical_trials"][0]["outcome"] == "declined"
    assert document["second_opinions"][0]["sent_slides"] is True


def test_a_file_from_before_decisions_imports(record: JourneyRecord, tmp_path: Path) -> None:
    other = JourneyRecord.open(tmp_path / "other.sqlite", record.guide)
    try:
        add_sample_records(other)
        document = record_to_document(other)
    finally:
        other.close()
    for name in DECISION_LISTS:
        del document[name]
    source = tmp_path / "old.json"
    source.write_text(json.dumps(document), encoding="utf-8")

    counts = import_json(record, source)

    assert counts["notes"] == 2 and counts["decisions"] == 0


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        (
            "clinical_trials.0.registry_id",
            "NCT1234567",
            r"at clinical_trials\[0\]\.registry_id: 'NCT1234567' has 7 digits after NCT; "
            r"it needs 8",
        ),
        (
            "clinical_trials.0.registry_id",
            "see my notes",
            r"at clinical_trials\[0\]\.registry_id: 'see my notes' is not a trial registry id",
        ),
        (
            "clinical_trials.0.asked_doctor_on",
            "2026-01-01",
            r"at clinical_trials\[0\]\.asked_doctor_on: 2026-01-01 is before the step before "
            r"it, “interested” \(2026-02-05\)",
        ),
        (
            "clinical_trials.0.outcome_on",
            "2026-02-06",
            r"at clinical_trials\[0\]\.outcome_on: 2026-02-06 is before the step before it, "
            r"“asked my doctor” \(2026-02-10\)",
        ),
        (
            "clinical_trials.0.outcome_on",
            None,
            r"at clinical_trials\[0\]\.outcome_on: an outcome needs its date",
        ),
        (
            "clinical_trials.0.outcome",
            "cured",
            r"at clinical_trials\[0\]\.outcome: input should be 'enrolled'",
        ),
        (
            "decisions.0.decided_on",
            "2026-01-31",
            r"at decisions\[0\]\.decided_on: 2026-01-31 is before the question came up "
            r"\(2026-02-01\)",
        ),
        (
            "decisions.0.decided_on",
            "2026-02-30",
            r"at decisions\[0\]\.decided_on: input should be a valid date",
        ),
        (
            "decision_options.1.decision_id",
            7,
            r"at decision_options\[1\]\.decision_id: refers to 7, which is not in the file",
        ),
        (
            "decisions.0.chosen_option_id",
            9,
            r"at decisions\[0\]\.chosen_option_id: refers to 9, which is not in the file",
        ),
        (
            "decisions.0.appointment_ids",
            [5],
            r"at decisions\[0\]\.appointment_ids\[0\]: no appointment 5",
        ),
        (
            "second_opinions.0.given_on",
            "2026-02-02",
            r"at second_opinions\[0\]\.given_on: 2026-02-02 is before it was asked for",
        ),
        (
            "second_opinions.0.sent_scans",
            "yes",
            r"at second_opinions\[0\]\.sent_scans: must be true or false",
        ),
    ],
)
def test_bad_values_are_refused_with_the_field_and_nothing_is_written(
    decisions_document: dict[str, Any],
    tmp_path: Path,
    record: JourneyRecord,
    where: str,
    value: Any,
    message: str,
) -> None:
    _set(decisions_document, where, value)
    assert_refused(decisions_document, tmp_path, record, message)


def test_a_choice_from_another_decisions_options_is_refused(
    decisions_document: dict[str, Any], tmp_path: Path, record: JourneyRecord
) -> None:
    other = dict(decisions_document["decisions"][0], id=2, chosen_option_id=None)
    decisions_document["decisions"].append(other)
    decisions_document["decision_options"][1]["decision_id"] = 2  # option 2 is now the other's
    decisions_document["decisions"][0]["chosen_option_id"] = 2

    assert_refused(
        decisions_document,
        tmp_path,
        record,
        r"at decisions\[0\]\.chosen_option_id: the choice must be one of this decision's",
    )


def test_an_option_without_a_decision_is_refused(
    decisions_document: dict[str, Any], tmp_path: Path, record: JourneyRecord
) -> None:
    del decisions_document["decision_options"][0]["decision_id"]

    assert_refused(
        decisions_document, tmp_path, record, r"at decision_options\[0\]\.decision_id: missing"
    )
