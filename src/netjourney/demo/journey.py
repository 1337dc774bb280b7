"""The treatment story both demos tell: lanreotide every 28 days, its markers, scans
and a symptom diary. Rows as dicts with ids given up front and their guide links
under "sections", for bulk inserts (see large._insert); the small demo uses the same.

Values are made up and plausible; the demo, like the app, judges none of them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from netjourney.core.journey.choices import RepeatUnit, ScanKind, TreatmentKind
from netjourney.core.journey.models import (
    DiaryEntry,
    Dose,
    Measurement,
    Scan,
    SymptomRating,
    Treatment,
)
from netjourney.core.journey.rules import DIARY_DEFAULT_SYMPTOMS

Rows = dict[type[Any], list[dict[str, Any]]]
EVERY = 28
MARKERS = (
    # measure, unit, range as printed, low, high, typical value, spread
    ("Chromogranin A", "ng/mL", "< 100 ng/mL", None, 100.0, 140.0, 40.0),
    ("5-HIAA (24-hour urine)", "mg/24 h", "2-9 mg/24 h", 2.0, 9.0, 11.0, 4.0),
)
SITES = ("left buttock", "right buttock")
OWN_SYMPTOM = "itchy skin"


def insert_rows(session: Session, model: type[Any], rows: list[dict[str, Any]]) -> None:
    """Insert the rows, then their links to guide sections (kept aside under 'sections')."""
    links = [
        {"owner_id": row["id"], "section_id": section_id}
        for row in rows
        for section_id in row["sections"]
    ]
    session.execute(
        insert(model), [{k: v for k, v in row.items() if k != "sections"} for row in rows]
    )
    session.execute(insert(model.link_model), links)


@dataclass(frozen=True)
class JourneySize:
    doses: int
    measurements: int
    scans: int
    diary_days: int


def journey_rows(
    rng: random.Random, today: date, size: JourneySize, prescriber_id: int | None
) -> Rows:
    """Lanreotide every 28 days (now and then a few days late) up to a few days ago,
    and the markers, scans and diary around it."""
    given = _dose_days(rng, today - timedelta(days=rng.randint(3, 20)), size.doses)
    start = given[0]
    days = (today - start).days
    return {
        Treatment: _treatments(start, prescriber_id),
        Dose: _doses(given),
        Measurement: _measurements(rng, start, days, size.measurements, today),
        Scan: _scans(rng, start, days, size.scans, today),
        **_diary(rng, today, size.diary_days),
    }


def _treatments(start: date, prescriber_id: int | None) -> list[dict[str, Any]]:
    base = {
        "dose": "",
        "how_given": "",
        "member_id": prescriber_id,
        "location": "",
        "why_stopped": "",
        "repeat_every": None,
        "repeat_unit": None,
        "planned_dates": "",
        "notes": "",
    }
    return [
        base
        | {
            "id": 1,
            "kind": TreatmentKind.SOMATOSTATIN_ANALOG,
            "name": "Lanreotide (Somatuline)",
            "dose": "120 mg",
            "how_given": "Deep injection under the skin",
            "location": "Riverside Cancer Center, infusion suite",
            "started_on": start,
            "stopped_on": None,
            "repeat_every": EVERY,
            "repeat_unit": RepeatUnit.DAYS,
            "notes": "For the flushing and diarrhea (carcinoid syndrome).",
            "sections": ["treatment-types", "getting-through"],
        },
    ]


def _dose_days(rng: random.Random, last: date, count: int) -> list[date]:
    days = [last]
    while len(days) < count:
        late = rng.choice((0, 0, 0, 0, 1, 2, 3))
        days.append(days[-1] - timedelta(days=EVERY + late))
    return days[::-1]


def _doses(given: list[date]) -> list[dict[str, Any]]:
    return [
        {
            "id": number,
            "treatment_id": 1,
            "given_on": day,
            "location": "Infusion suite" if number % 3 else "At home (nurse visit)",
            "notes": SITES[number % 2],
            "sections": ["treatment-types"],
        }
        for number, day in enumerate(given, 1)
    ]


def _spread(start: date, days: int, count: int) -> list[date]:
    return [start + timedelta(days=days * (n + 1) // (count + 1)) for n in range(count)]


def _measurements(
    rng: random.Random, start: date, days: int, count: int, today: date
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for index, (measure, unit, printed, low, high, typical, spread) in enumerate(MARKERS):
        share = count // len(MARKERS) + (1 if index < count % len(MARKERS) else 0)
        for number, day in enumerate(_spread(start, days, share)):
            falling = typical * (1 - 0.4 * number / max(share, 1))
            rows.append(
                {
                    "id": len(rows) + 1,
                    "measure": measure,
                    "value": round(max(0.5, rng.gauss(falling, spread / 3)), 1),
                    "unit": unit,
                    "reference_range": printed,
                    "range_low": low,
                    "range_high": high,
                    "lab": "Riverside Lab",
                    "measured_on": day,
                    "notes": "",
                    "next_planned_on": today + timedelta(days=21 + 7 * index)
                    if number == share - 1
                    else None,
                    "sections": ["questions-during"],
                }
            )
    return rows


def _scans(
    rng: random.Random, start: date, days: int, count: int, today: date
) -> list[dict[str, Any]]:
    kinds = (ScanKind.CT, ScanKind.SOMATOSTATIN_PET, ScanKind.CT, ScanKind.MRI)
    reports = (
        "No change since the last scan.",
        "The spots in the liver look the same size.",
        "One lymph node slightly smaller.",
        "Nothing new seen.",
    )
    dates = _spread(start - timedelta(days=20), days + 20, count)
    return [
        {
            "id": number,
            "scanned_on": day,
            "kind": kinds[number % len(kinds)],
            "location": "Riverside Imaging",
            "report": rng.choice(reports),
            "next_planned_on": today + timedelta(days=35) if number == count else None,
            "sections": ["type-and-extent"],
        }
        for number, day in enumerate(dates, 1)
    ]


def _diary(rng: random.Random, today: date, count: int) -> Rows:
    entries: list[dict[str, Any]] = []
    ratings: list[dict[str, Any]] = []
    notes = ("", "", "Injection day; sore after.", "Walked 30 minutes.", "Bad night.")
    for number in range(1, count + 1):
        day = today - timedelta(days=count - number)
        entries.append(
            {"id": number, "day": day, "note": rng.choice(notes), "sections": ["getting-through"]}
        )
        for symptom in (*DIARY_DEFAULT_SYMPTOMS, OWN_SYMPTOM):
            if symptom == OWN_SYMPTOM and rng.random() < 0.7:
                continue
            counted = symptom == "diarrhea"  # times a day; the others rated 0-10
            score = rng.randint(0, 4) if counted else min(10, max(0, round(rng.gauss(3, 2))))
            ratings.append(
                {
                    "id": len(ratings) + 1,
                    "entry_id": number,
                    "symptom": symptom,
                    "rating": None if counted else score,
                    "count": score if counted else None,
                    "sections": ["questions-side-effects"],
                }
            )
    return {DiaryEntry: entries, SymptomRating: ratings}
