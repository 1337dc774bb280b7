"""The journey's records are found by search and listed under the guide sections they link to."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from netjourney.core.dates import short_date
from netjourney.core.journey.models import DiaryEntry, Dose, Measurement, Scan
from netjourney.core.links import records_linked_to
from netjourney.core.record import JourneyRecord
from netjourney.core.registry import kind_named
from netjourney.core.search import search_records
from netjourney.core.search_results import describe
from tests.core.journey_records import add_journey_records

pytestmark = pytest.mark.usefixtures("british_dates")  # the dates below are spelled out


def test_search_finds_each_kind_by_its_own_words_each_hit_named_and_dated(
    record: JourneyRecord,
) -> None:
    add_journey_records(record)

    found = {
        word: [
            (view.kind_label, view.title, view.when, view.snippet)
            for view in describe(record, search_records(record, word), word)
        ]
        for word in ("somatuline", "chromogranin", "liver spots", "injection site", "nurse")
    }

    assert found == {
        "somatuline": [("Treatment", "Lanreotide (Somatuline)", "5 Jan 2026", "")],
        "chromogranin": [
            ("Test", "Chromogranin A 180 ng/mL", "2 Jan 2026", ""),
            ("Test", "Chromogranin A 142.5 ng/mL", "28 Feb 2026", ""),
        ],
        "liver spots": [
            (
                "Scan",
                "Somatostatin receptor PET",
                "20 Jan 2026",
                "Nothing new; the liver spots look the same",
            )
        ],
        "injection site": [
            ("Diary", "Note of the day", "6 Jan 2026", "Sore at the injection site")
        ],
        "nurse": [("Dose", "Home nurse", "2 Feb 2026", "")],
    }


def test_every_dose_value_scan_and_diary_day_is_told_apart_in_search(
    record: JourneyRecord,
) -> None:
    add_journey_records(record)
    with record.writing() as session:  # the same words on every record of a kind
        for model, words in ((Dose, "location"), (Measurement, "lab"), (Scan, "location")):
            for row in session.scalars(select(model)):
                setattr(row, words, "Lakeside")
        for entry in session.scalars(select(DiaryEntry)):
            entry.note = "Lakeside"

    views = describe(record, search_records(record, "lakeside"), "lakeside")

    shown = [(v.kind_label, v.title, v.when) for v in views]
    assert {label for label, _title, _when in shown} == {"Dose", "Test", "Scan", "Diary"}
    assert len(set(shown)) == len(shown), shown


def test_a_guide_section_lists_the_journey_records_linked_to_it(record: JourneyRecord) -> None:
    add_journey_records(record)

    linked = records_linked_to(record, "getting-through")
    scans = records_linked_to(record, "type-and-extent")

    assert [(r.kind, r.title) for r in linked] == [("treatment", "Lanreotide (Somatuline)")]
    assert [(r.kind, r.title) for r in scans] == [
        ("scan", f"Somatostatin receptor PET — {short_date(date(2026, 1, 20))}")
    ]
    assert kind_named("treatment").page == "treatments"
