"""Marker and diary charts in the PDF: drawn as vector graphics, each with its values' table."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from netjourney.core.dates import short_date
from netjourney.core.journey.charts import Reading, SymptomMark
from netjourney.core.record import JourneyRecord
from netjourney.demo.small import fill_demo
from netjourney.export.content import JourneyOptions
from netjourney.export.parts import Part
from netjourney.export.pdf_common import Paper, content_width, render_pdf
from netjourney.export.pdf_journey import build_journey_pdf
from netjourney.export.pdf_journey_charts import diary_flowables, measure_flowables
from tests.export.records import pdf_lines, pdf_reader, pdf_text

pytestmark = pytest.mark.usefixtures("british_dates")  # the dates below are spelled out

MARGIN = 54.0
NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


def readings() -> list[Reading]:
    start = date(2026, 1, 12)
    ng = [
        Reading(start + timedelta(days=28 * n), 80 + 10 * n, "ng/mL", 0, 95, "under 95", "City Lab")
        for n in range(4)
    ]
    return [*ng, Reading(date(2026, 6, 1), 3.1, "nmol/L", lab="Other Lab")]


def pdf_of(flowables: list) -> bytes:  # type: ignore[type-arg]
    return render_pdf(flowables, title="Charts", paper=Paper.A4, margin=MARGIN).data


def test_a_measure_prints_a_vector_chart_per_unit_and_every_value_in_its_table() -> None:
    width = content_width(Paper.A4, MARGIN)

    data = pdf_of(measure_flowables("Chromogranin A", readings(), width))

    lines, text = pdf_lines(data), pdf_text(data)
    assert "Chromogranin A (ng/mL)" in lines and "Chromogranin A (nmol/L)" in lines
    assert "Values in different units are never drawn on one axis" in text
    first = short_date(date(2026, 1, 12))
    assert f"{first} 80 ng/mL under 95 City Lab" in text  # the printed range, as copied
    assert f"{short_date(date(2026, 6, 1))} 3.1 nmol/L Other Lab" in text
    for page in pdf_reader(data).pages:  # drawn, not pasted in as a picture
        resources = page.get("/Resources") or {}
        assert "/XObject" not in resources


def test_the_diary_prints_its_rating_chart_with_a_legend() -> None:
    start = date(2026, 2, 2)
    marks = [SymptomMark(start + timedelta(days=n), "flushing", rating=n % 4) for n in range(30)]
    marks += [SymptomMark(start + timedelta(days=n), "tiredness", rating=5) for n in range(30)]

    lines = pdf_lines(pdf_of(diary_flowables(marks, content_width(Paper.A4, MARGIN))))

    assert "Symptoms rated 0–10, by day" in lines
    assert any("flushing" in line for line in lines) and any("tiredness" in line for line in lines)


def test_the_family_pdf_draws_each_measure_and_the_diary_beside_their_tables(
    record: JourneyRecord,
) -> None:
    fill_demo(record, NOW)
    options = JourneyOptions(paper=Paper.A4, parts=frozenset({Part.TESTS, Part.DIARY}))

    data = build_journey_pdf(record, options, now=NOW).data

    lines = pdf_lines(data)
    assert "Chromogranin A (ng/mL)" in lines  # the chart's title, drawn after its table
    assert any(line.startswith("Symptoms rated 0–10") for line in lines)
    assert any(line.startswith("Shaded: the lab's reference range as printed") for line in lines)


def test_a_value_printed_as_a_bound_prints_as_the_lab_printed_it_and_the_chart_says_so() -> None:
    bound = Reading(date(2026, 7, 1), 0.5, "ng/mL", 0, 95, "under 95", "City Lab", qualifier="<")
    width = content_width(Paper.A4, MARGIN)

    data = pdf_of(measure_flowables("Chromogranin A", [*readings()[:4], bound], width))

    text = pdf_text(data)
    assert "1 Jul 2026 <0.5 ng/mL under 95 City Lab" in text
    assert "Open triangles: a value printed as a bound (<, >), drawn at that number." in text
