"""Build record-0005_journey.sqlite: the 0004 fixture's records plus the journey's, at
schema 0005_journey.

The last schema before decisions, second opinions and trials (0008_decisions);
tests/core/test_schema_0005.py checks that every record and link survives that
upgrade. Run this again only to rebuild that file (from the repository root):

    python tests/data/make_fixture_0005.py
"""

from __future__ import annotations

from pathlib import Path

from tests.data.make_fixture_0001 import build_schema, insert_records
from tests.data.make_fixture_0004 import rows_0004

REVISION = "0005_journey"
FIXTURE = Path(__file__).resolve().parent / f"record-{REVISION}.sqlite"

# Written as 0005_journey's columns, in its order.
JOURNEY_ROWS: dict[str, list[tuple[object, ...]]] = {
    "treatments": [  # id, kind, name, dose, how_given, member_id, location, started_on,
        #              stopped_on, why_stopped, repeat_every, repeat_unit, planned_dates, notes
        (
            1,
            "surgery",
            "Lobectomy",
            "",
            "",
            1,
            "City Hospital",
            "2025-02-10",
            "2025-02-10",
            "",
            None,
            None,
            "",
            "Right lower lobe",
        ),
        (
            2,
            "somatostatin_analog",
            "Lanreotide",
            "120 mg",
            "injection",
            2,
            "Clinic B",
            "2025-06-02",
            None,
            "",
            28,
            "days",
            "",
            "",
        ),
    ],
    "doses": [  # id, treatment_id, given_on, location, notes
        (1, 2, "2025-06-02", "Clinic B", "left buttock"),
        (2, 2, "2025-06-30", "home", "right buttock"),
    ],
    "measurements": [  # id, measure, value, unit, reference_range, range_low, range_high,
        #                lab, measured_on, notes, next_planned_on
        (
            1,
            "Chromogranin A",
            120.0,
            "ng/mL",
            "< 100",
            None,
            100.0,
            "City Lab",
            "2025-05-20",
            "",
            "2025-08-20",
        ),
    ],
    "scans": [  # id, scanned_on, kind, location, report, next_planned_on
        (1, "2025-05-15", "somatostatin_pet", "NET center", "No new spots", "2025-11-15"),
    ],
    "diary_entries": [(1, "2025-07-01", "Flushing after coffee")],  # id, day, note
    "symptom_ratings": [  # id, entry_id, symptom, rating, count
        (1, 1, "flushing", None, 3),
        (2, 1, "tiredness", 4, None),
    ],
    "treatments_section_links": [(1, 1, "resectable"), (2, 2, "treatment-types")],
    "scans_section_links": [(1, 1, "unresectable")],
}


def rows_0005() -> dict[str, list[tuple[object, ...]]]:
    return rows_0004() | JOURNEY_ROWS


def main() -> None:
    partial = FIXTURE.with_name(FIXTURE.name + ".partial")
    partial.unlink(missing_ok=True)
    build_schema(partial, REVISION)
    insert_records(partial, rows_0005())
    partial.replace(FIXTURE)
    print(f"Wrote {FIXTURE}")


if __name__ == "__main__":
    main()
