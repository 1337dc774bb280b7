"""The visit sheet for one appointment, read back with pypdf."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from netjourney.core.errors import InvalidInputError
from netjourney.core.guide import Guide
from netjourney.core.models import Appointment
from netjourney.core.record import JourneyRecord
from netjourney.export.content import Paper
from netjourney.export.pdf_visit_sheet import build_visit_sheet, export_visit_sheet
from tests.export import records
from tests.export.records import HOSTILE_TEXTS, NOW, pdf_lines, pdf_reader, pdf_text


def visit_with_questions(
    record: JourneyRecord, guide: Guide, count: int, **fields: object
) -> Appointment:
    library = [q for g in guide.question_groups for q in g.questions]
    planned = [records.question(record, q.text, library_id=q.id) for q in library[:count]]
    planned += [
        records.question(record, f"My own question {n}?") for n in range(len(library), count)
    ]
    surgeon = records.member(record, "Dr. Maria Alvarez", "thoracic-surgeon", phone="555-0142")
    start = datetime(2026, 6, 9, 8, 30, tzinfo=ZoneInfo("Europe/Paris"))
    fields = {
        "location": "Lakeside Chest Surgery, Suite 210",
        "purpose": "Pre-surgery visit",
        "what_to_bring": "Medicine list, someone to drive me",
        **fields,
    }
    return records.appointment(
        record, start, "Europe/Paris", member_id=surgeon.id, planned_questions=planned, **fields
    )


def test_the_sheet_shows_when_who_where_and_what_to_bring(
    record: JourneyRecord, guide: Guide
) -> None:
    visit = visit_with_questions(record, guide, 2)

    data = build_visit_sheet(record, visit.id, Paper.A4).data

    lines = pdf_lines(data)
    assert "Visit on Tuesday, June 9, 2026" in lines
    assert "8:30 AM – 9:30 AM, Europe/Paris (CEST)" in lines
    text = pdf_text(data)
    for fact in (
        "With: Dr. Maria Alvarez (Thoracic surgeon)",
        "Phone: 555-0142",
        "Where: Lakeside Chest Surgery, Suite 210",
        "Purpose: Pre-surgery visit",
        "What to bring: Medicine list, someone to drive me",
    ):
        assert fact in text
    assert f"1. {guide.question_groups[0].questions[0].text}" in lines
    assert "Notes" in lines


@pytest.mark.parametrize("paper", list(Paper))
def test_ten_planned_questions_fit_on_one_page(
    record: JourneyRecord, guide: Guide, paper: Paper
) -> None:
    visit = visit_with_questions(record, guide, 10)

    rendered = build_visit_sheet(record, visit.id, paper)

    assert rendered.pages == len(pdf_reader(rendered.data).pages) == 1
    text = pdf_text(rendered.data)
    library = [q for g in guide.question_groups for q in g.questions]
    for number, question in enumerate(library[:10], start=1):
        assert f"{number}. {' '.join(question.text.split())}" in text


def test_many_questions_run_on_to_more_pages(record: JourneyRecord, guide: Guide) -> None:
    visit = visit_with_questions(record, guide, 25)

    rendered = build_visit_sheet(record, visit.id, Paper.LETTER)

    assert rendered.pages > 1
    assert "25. " in pdf_text(rendered.data)


def test_hostile_and_huge_text_prints_exactly(record: JourneyRecord, guide: Guide) -> None:
    hostile = " | ".join(HOSTILE_TEXTS)
    visit = visit_with_questions(record, guide, 0, with_whom=hostile, purpose="z" * 5_000)

    data = build_visit_sheet(record, visit.id, Paper.A4).data

    assert hostile in pdf_text(data)
    assert "z" * 5_000 in "".join(pdf_text(data).split())
    assert "No questions are planned for this visit yet." in pdf_text(data)


def test_an_unknown_appointment_is_refused(record: JourneyRecord, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="No appointment has the number 999"):
        export_visit_sheet(record, 999, tmp_path / "sheet.pdf")
    assert not (tmp_path / "sheet.pdf").exists()


def test_export_writes_a_private_file(record: JourneyRecord, guide: Guide, tmp_path: Path) -> None:
    visit = visit_with_questions(record, guide, 3)
    destination = tmp_path / "sheet.pdf"

    pages = export_visit_sheet(record, visit.id, destination, Paper.A4)

    assert pages == 1
    assert "Pre-surgery visit" in pdf_text(destination.read_bytes())
    assert destination.stat().st_mode & 0o777 == 0o600


def test_the_time_is_shown_in_the_appointments_own_zone(record: JourneyRecord) -> None:
    start = NOW + timedelta(days=2)  # 12:00 UTC is 8:00 AM in New York in May
    visit = records.appointment(record, start, "America/New_York", ends_at=None)

    lines = pdf_lines(build_visit_sheet(record, visit.id, Paper.A4).data)

    assert "8:00 AM, America/New_York (EDT)" in lines
