"""A record of every journey kind, for the JSON, search and PDF tests."""

from __future__ import annotations

from datetime import date

from netjourney.core.journey.choices import RepeatUnit, ScanKind, TreatmentKind
from netjourney.core.journey.models import Measurement, Scan, Treatment
from netjourney.core.journey.records import (
    SymptomScore,
    add_measurement,
    add_treatment,
    log_dose,
    save_diary_day,
)
from netjourney.core.record import JourneyRecord

LANREOTIDE_START = date(2026, 1, 5)


def add_journey_records(record: JourneyRecord, member_id: int | None = None) -> None:
    """Two treatments (one every 28 days with two doses), two marker values, a scan,
    and two diary days with a counted own symptom."""
    with record.writing() as session:
        surgery = add_treatment(
            session,
            Treatment(
                kind=TreatmentKind.SURGERY,
                name="Lobectomy",
                started_on=date(2025, 3, 1),
                stopped_on=date(2025, 3, 1),
                why_stopped="A one-off operation",
            ),
        )
        lanreotide = add_treatment(
            session,
            Treatment(
                kind=TreatmentKind.SOMATOSTATIN_ANALOG,
                name="Lanreotide (Somatuline)",
                dose="120 mg",
                how_given="Deep injection under the skin",
                member_id=member_id,
                location="Infusion clinic",
                started_on=LANREOTIDE_START,
                repeat_every=28,
                repeat_unit=RepeatUnit.DAYS,
                section_ids=["treatment-types", "getting-through"],
            ),
        )
        assert surgery.id != lanreotide.id
        log_dose(session, lanreotide.id, LANREOTIDE_START, "Infusion clinic", "left buttock")
        log_dose(session, lanreotide.id, date(2026, 2, 2), "Home nurse", "right buttock")
        for measured_on, value in ((date(2026, 1, 2), 180.0), (date(2026, 2, 28), 142.5)):
            add_measurement(
                session,
                Measurement(
                    measure="Chromogranin A",
                    value=value,
                    unit="ng/mL",
                    reference_range="< 100 ng/mL",
                    range_high=100.0,
                    lab="City Lab",
                    measured_on=measured_on,
                ),
            )
        session.add(
            Scan(
                scanned_on=date(2026, 1, 20),
                kind=ScanKind.SOMATOSTATIN_PET,
                location="University Hospital",
                report="Nothing new; the liver spots look the same",
                next_planned_on=date(2026, 4, 20),
                section_ids=["type-and-extent"],
            )
        )
        save_diary_day(
            session,
            date(2026, 1, 6),
            "Sore at the injection site",
            [SymptomScore("flushing", rating=3), SymptomScore("pain", rating=4)],
        )
        save_diary_day(
            session,
            date(2026, 1, 7),
            "Better",
            [SymptomScore("diarrhea", count=2), SymptomScore("itchy skin", rating=1)],
        )
