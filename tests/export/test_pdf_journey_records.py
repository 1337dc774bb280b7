"""The journey PDF's treatments, test results, scans and diary, read back with pypdf."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from netjourney.cli import main
from netjourney.core.record import JourneyRecord
from netjourney.demo.small import fill_demo
from netjourney.export.content import JourneyOptions, Paper
from netjourney.export.parts import Part
from netjourney.export.pdf_journey import build_journey_pdf
from tests.core.journey_records import add_journey_records
from tests.core.sample_records import add_sample_records
from tests.export.records import pdf_reader, pdf_text

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
JOURNEY_PARTS = frozenset({Part.TREATMENTS, Part.TESTS, Part.SCANS, Part.DIARY})


def build(record: JourneyRecord, **options: object) -> bytes:
    options.setdefault("paper", Paper.A4)
    options.setdefault("parts", JOURNEY_PARTS)
    return build_journey_pdf(record, JourneyOptions(**options), now=NOW).data  # type: ignore[arg-type]


def test_the_new_parts_print_their_text_exactly(record: JourneyRecord) -> None:
    add_sample_records(record)
    add_journey_records(record, member_id=2)

    text = pdf_text(build(record))

    for expected in (
        "Treatments Lobectomy Surgery Started: March 1, 2025 Stopped: March 1, 2025 "
        "Why it stopped: A one-off operation",
        "Lanreotide (Somatuline) Somatostatin analog Dose: 120 mg "
        "How it is given: Deep injection under the skin Prescribed by: Łucja Nowak "
        "Where: Infusion clinic Started: January 5, 2026 Schedule: Every 28 days "
        "Next dose due: March 2, 2026 Doses given (2) Date Where Notes "
        "Monday, January 5, 2026 Infusion clinic left buttock "
        "Monday, February 2, 2026 Home nurse right buttock",
        "Test results Each value as copied from the lab report, with the lab's own range as "
        "printed. Chromogranin A Date Value Lab's range Lab Notes "
        "January 2, 2026 180 ng/mL < 100 ng/mL City Lab "
        "February 28, 2026 142.5 ng/mL < 100 ng/mL City Lab",
        "Scans Date Kind Where What the report said January 20, 2026 "
        "Somatostatin receptor PET University Hospital Nothing new; the liver spots look the "
        "same Next scan planned: April 20, 2026.",
        "Symptom diary 2 days written from January 6, 2026 to January 7, 2026.",
        "flushing 1 3.0, 3",
        "pain 1 4.0, 4",
        "diarrhea 1 2, 2",
        "itchy skin 1 1.0, 1",
        "What the diary says Day Symptoms Note January 6, 2026 flushing 3/10, pain 4/10 "
        "Sore at the injection site January 7, 2026 diarrhea 2 times, itchy skin 1/10 Better",
    ):
        assert expected in text
    assert "normal" not in text.lower()  # values are never judged


def test_a_part_with_nothing_says_so(record: JourneyRecord) -> None:
    text = pdf_text(build(record))

    assert "No treatments have been added yet." in text
    assert "No test results in this copy." in text
    assert "No scans in this copy." in text
    assert "No diary days in this copy." in text


def test_the_date_range_keeps_only_its_doses_results_and_days(record: JourneyRecord) -> None:
    add_journey_records(record)

    text = pdf_text(build(record, date_from=date(2026, 2, 1), date_to=date(2026, 2, 28)))

    assert "Doses given (1)" in text and "February 2, 2026 Home nurse" in text
    assert "January 5, 2026 Infusion clinic" not in text
    assert "142.5 ng/mL" in text and "180 ng/mL" not in text
    assert "No scans in this copy." in text and "No diary days in this copy." in text


def test_three_months_of_the_small_demo_fit_in_a_few_pages(record: JourneyRecord) -> None:
    fill_demo(record, NOW)

    data = build(
        record,
        parts=frozenset(Part),
        date_from=date(2025, 12, 1),
        date_to=date(2026, 3, 1),
    )

    pages = len(pdf_reader(data).pages)
    # 12 before the guide's glossary and its sources joined the PDF; 14 before the
    # decisions, second opinions and trials
    assert pages <= 15, pages
    assert "Lanreotide (Somatuline)" in pdf_text(data)


def test_parts_names_the_new_parts_on_the_command_line(
    record: JourneyRecord, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_journey_records(record)
    path = record.path
    record.close()
    out = tmp_path / "journey.pdf"

    code = main(["export-pdf", "--db", str(path), "--parts", "treatments", "diary", "--", str(out)])

    assert code == 0
    text = pdf_text(out.read_bytes())
    assert "Lanreotide (Somatuline)" in text and "Symptom diary" in text
    assert "Test results" not in text and "Care team" not in text
