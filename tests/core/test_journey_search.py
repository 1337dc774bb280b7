"""The journey's records are found by search and listed under the guide sections they link to."""

from __future__ import annotations

from datetime import date

from netjourney.core.dates import short_date
from netjourney.core.links import records_linked_to
from netjourney.core.record import JourneyRecord
from netjourney.core.registry import kind_named
from netjourney.core.search import search_records
from tests.core.journey_records import add_journey_records


def test_search_finds_each_kind_by_its_own_words(record: JourneyRecord) -> None:
    add_journey_records(record)

    found = {
        word: [(hit.kind, hit.title) for hit in search_records(record, word)]
        for word in ("somatuline", "chromogranin", "liver spots", "injection site", "nurse")
    }

    assert found == {
        "somatuline": [("treatment", "Lanreotide (Somatuline)")],
        "chromogranin": [("measurement", "Chromogranin A")] * 2,
        "liver spots": [("scan", "Nothing new; the liver spots look the same")],
        "injection site": [("diary_entry", "2026-01-06")],
        "nurse": [("dose", "2026-02-02")],
    }


def test_a_guide_section_lists_the_journey_records_linked_to_it(record: JourneyRecord) -> None:
    add_journey_records(record)

    linked = records_linked_to(record, "getting-through")
    scans = records_linked_to(record, "type-and-extent")

    assert [(r.kind, r.title) for r in linked] == [("treatment", "Lanreotide (Somatuline)")]
    assert [(r.kind, r.title) for r in scans] == [
        ("scan", f"{short_date(date(2026, 1, 20))} Somatostatin receptor PET")
    ]
    assert kind_named("treatment").page == "treatments"
