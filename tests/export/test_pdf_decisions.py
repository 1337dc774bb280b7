"""The journey PDF's decisions, second opinions and trials, read back with pypdf."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from netjourney.cli import main
from netjourney.core.decisions.models import SecondOpinion
from netjourney.core.record import JourneyRecord
from netjourney.demo.small import fill_demo
from netjourney.export.content import JourneyOptions, Paper
from netjourney.export.parts import Part
from netjourney.export.pdf_journey import build_journey_pdf
from tests.core.decision_records import add_decision_records
from tests.core.sample_records import add_sample_records
from tests.export.records import pdf_text

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
DECISION_PARTS = frozenset({Part.DECISIONS, Part.SECOND_OPINIONS, Part.TRIALS})


def build(record: JourneyRecord, **options: object) -> str:
    options.setdefault("paper", Paper.A4)
    options.setdefault("parts", DECISION_PARTS)
    return pdf_text(build_journey_pdf(record, JourneyOptions(**options), now=NOW).data)  # type: ignore[arg-type]


def test_each_part_prints_its_records_exactly_in_prose(record: JourneyRecord) -> None:
    add_sample_records(record)
    add_decision_records(record, member_id=2, appointment_id=1)

    text = build(record)

    for expected in (
        "In this document • Decisions • Second opinions • Clinical trials",
        "Decisions Which treatment after surgery? Came up on February 1, 2026, decided on "
        "March 2, 2026. What matters most to me: Keep working; few side effects "
        "Options considered (2) Watch with scans (my choice) What it aims to do: Find any "
        "return early Benefits, as I heard them: No side effects Risks, as I heard them: "
        "Worry between scans Suggested by: Łucja Nowak Chemotherapy and radiation What it "
        "aims to do: Lower the chance of return Benefits, as I heard them: Benefit unclear "
        "Risks, as I heard them: Tiredness, nausea Suggested by: Dr. Park at the NET center "
        "My choice: Watch with scans Why: The team said the benefit of more treatment is "
        'unclear How it went: Dr. <b>Ünal</b> & "Smith" &lt; �',  # the emoji: shown as �
        "Discussed at: Surgery planning, Monday, February 3, 2025 Discussed with: Łucja Nowak",
        "Second opinions Dr. Park, Regional NET Center Asked for on February 3, 2026, given on "
        "February 20, 2026. Records sent: reports, scans, pathology slides, CD of the PET scan "
        "What they said: Agrees: watch with scans every 6 months Compared with the first "
        "opinion: Same as my surgeon's advice",
        "Clinical trials NCT01234567 — Lanreotide after surgery for lung NETs Registry: "
        "NCT01234567 (ClinicalTrials.gov) Site: Regional NET Center Contact: "
        "trials@example.org Why it interests me: Might lower the chance of return Where it "
        "stands: Interested on February 5, 2026; asked my doctor on February 10, 2026; "
        "declined on February 24, 2026 Notes: Too far to travel every month",
    ):
        assert expected in text
    assert "After the visit" not in text  # the private note linked to the same sections


def test_empty_parts_say_so(record: JourneyRecord) -> None:
    text = build(record)

    for sentence in (
        "No decisions in this copy.",
        "No second opinions in this copy.",
        "No clinical trials in this copy.",
    ):
        assert sentence in text


def test_a_date_range_keeps_records_with_a_day_in_it_or_none(record: JourneyRecord) -> None:
    add_decision_records(record)
    with record.writing() as session:
        session.add(SecondOpinion(person="Dr. Undated"))

    text = build(record, date_from=date(2026, 2, 21), date_to=date(2026, 2, 28))

    assert "No decisions in this copy." in text  # raised Feb 1, decided Mar 2: none inside
    assert "Dr. Undated" in text and "Dr. Park" not in text  # asked Feb 3, given Feb 20
    assert "declined on February 24, 2026" in text


def test_the_demo_through_the_command_line_without_its_private_note(
    record: JourneyRecord, tmp_path: Path
) -> None:
    fill_demo(record, NOW)
    out = tmp_path / "family.pdf"

    code = main(
        [
            "--db",
            str(record.path),
            "export-pdf",
            str(out),
            "--parts",
            "decisions,second-opinions,trials",
        ]
    )

    text = pdf_text(out.read_bytes())
    assert code == 0
    assert "Watch with regular scans (my choice)" in text
    assert "Records sent: reports, scans, pathology slides, CD of the CT scan" in text
    assert "asked my doctor on November 11, 2026; declined on November 19, 2026" in text
    assert "Tired and worried" not in text  # the demo's private note
    assert "Symptom diary" not in text  # only the parts asked for
