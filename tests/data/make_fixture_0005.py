"""Build record-0005_journey.sqlite: the 0004 fixture's records plus a journey over time
(a treatment and its doses, test results, a scan, diary days), at schema 0005_journey.

The last schema before a test value could carry a bound ("<0.5",
0006_value_qualifier); tests/core/test_schema_0005.py checks that every record and
link survives that upgrade. Rows are plain SQL, as 0005_journey stored them (dates as
ISO text). Run this again only to rebuild that file (from the repository root):

    python tests/data/make_fixture_0005.py
"""

from __future__ import annotations

from pathlib import Path

from tests.data.make_fixture_0001 import build_schema, insert_records
from tests.data.make_fixture_0004 import rows_0004

REVISION = "0005_journey"
FIXTURE = Path(__file__).resolve().parent / f"record-{REVISION}.sqlite"

# Columns as 0005_journey made them, in order.
JOURNEY_ROWS: dict[str, list[tuple[object, ...]]] = {
    # id, kind, name, dose, how_given, member_id, location, started_on, stopped_on,
    # why_stopped, repeat_every, repeat_unit, planned_dates, notes
    "treatments": [
        (
            1,
            "somatostatin_analog",
            "Lanreotide (Somatuline)",
            "120 mg",
            "deep injection",
            1,
            "Infusion suite",
            "2026-01-05",
            None,
            "",
            28,
            "days",
            "",
            "every four weeks",
        ),
        (
            2,
            "surgery",
            "Lobectomy",
            "",
            "",
            2,
            "City Hospital",
            "2025-11-02",
            "2025-11-02",
            "",
            None,
            None,
            "",
            "",
        ),
    ],
    # id, treatment_id, given_on, location, notes
    "doses": [
        (1, 1, "2026-01-05", "Infusion suite", "left buttock"),
        (2, 1, "2026-02-02", "Infusion suite", "right buttock"),
        (3, 1, "2026-03-03", "Home nurse", "left buttock, a little sore"),
    ],
    # id, measure, value, unit, reference_range, range_low, range_high, lab, measured_on,
    # notes, next_planned_on
    "measurements": [
        (
            1,
            "Chromogranin A",
            120.0,
            "ng/mL",
            "< 95 ng/mL",
            None,
            95.0,
            "City Lab",
            "2026-01-03",
            "before the first injection",
            "2026-04-01",
        ),
        (
            2,
            "Chromogranin A",
            88.5,
            "ng/mL",
            "< 95 ng/mL",
            None,
            95.0,
            "City Lab",
            "2026-03-01",
            "",
            None,
        ),
        (
            3,
            "5-HIAA",
            4.2,
            "mg/24h",
            "2-9 mg/24h",
            2.0,
            9.0,
            "Urine lab",
            "2026-02-10",
            "24-hour urine",
            None,
        ),
    ],
    # id, scanned_on, kind, location, report, next_planned_on
    "scans": [
        (
            1,
            "2026-02-20",
            "somatostatin_pet",
            "Nuclear medicine",
            "No new spots seen",
            "2026-08-20",
        ),
    ],
    # id, day, note
    "diary_entries": [
        (1, "2026-03-03", "Injection day; tired in the evening"),
        (2, "2026-03-04", ""),
    ],
    # id, entry_id, symptom, rating, count
    "symptom_ratings": [
        (1, 1, "tiredness", 6, None),
        (2, 1, "flushing", None, 3),
        (3, 2, "tiredness", 3, None),
    ],
    # id, owner_id, section_id
    "treatments_section_links": [(1, 1, "treatment-types"), (2, 2, "resectable")],
    "doses_section_links": [(1, 3, "getting-through")],
    "measurements_section_links": [(1, 1, "treatment-types")],
    "scans_section_links": [(1, 1, "type-and-extent")],
    "diary_entries_section_links": [(1, 1, "questions-side-effects")],
    "symptom_ratings_section_links": [(1, 2, "getting-through")],
}


def main() -> None:
    partial = FIXTURE.with_name(FIXTURE.name + ".partial")
    partial.unlink(missing_ok=True)
    build_schema(partial, REVISION)
    insert_records(partial, rows_0004() | JOURNEY_ROWS)
    partial.replace(FIXTURE)
    print(f"Wrote {FIXTURE}")


if __name__ == "__main__":
    main()
