"""Charts of the journey: units never share an axis, the lab's range is drawn as a band,
and the diary's ratings and counts stay apart. Read back from the SVG the window shows."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from netjourney.core.dates import short_date
from netjourney.core.journey.charts import (
    BAND_COLOUR,
    Band,
    Reading,
    SymptomMark,
    date_ticks,
    diary_charts,
    diary_charts_of,
    diary_has_charts,
    measure_charts,
    reference_bands,
    svg_of,
    value_range,
)
from netjourney.core.journey.records import SymptomScore, save_diary_day
from netjourney.core.record import JourneyRecord

SVG = "{http://www.w3.org/2000/svg}"


def monthly(count: int, value: float = 50.0, **fields: object) -> list[Reading]:
    start = date(2024, 1, 15)
    return [
        Reading(start + timedelta(days=30 * n), value + n, **fields)  # type: ignore[arg-type]
        for n in range(count)
    ]


def band_rects(svg: bytes) -> list[dict[str, float]]:
    """The rectangles filled with the band's colour, as the SVG reader would draw them."""
    red, green, blue = (int(BAND_COLOUR[i : i + 2], 16) * 100 // 255 for i in (1, 3, 5))
    fill = f"fill: rgb({red}%,{green}%,{blue}%)"
    return [
        {key: float(rect.attrib[key]) for key in ("x", "y", "width", "height")}
        for rect in ET.fromstring(svg).iter(f"{SVG}rect")
        if fill in rect.attrib.get("style", "")
    ]


def svg_texts(svg: bytes) -> list[str]:
    return [text.text or "" for text in ET.fromstring(svg).iter(f"{SVG}text")]


def test_values_in_two_units_get_two_charts_and_the_set_says_why() -> None:
    readings = monthly(3, unit="ng/mL") + monthly(2, value=5, unit="nmol/L")

    charts = measure_charts("Chromogranin A", readings)

    assert [c.y_label for c in charts.charts] == ["ng/mL", "nmol/L"]
    assert [len(c.values()) for c in charts.charts] == [3, 2]
    assert charts.charts[1].values() == [5.0, 6.0]  # no ng/mL value on the nmol/L axis
    assert "2 different units (ng/mL, nmol/L)" in charts.notice
    assert "never drawn on one axis" in charts.notice


def test_spellings_of_one_unit_share_a_chart_and_one_unit_needs_no_notice() -> None:
    readings = monthly(2, unit="ng/mL") + [Reading(date(2025, 1, 1), 70, "ng/ml ")]

    charts = measure_charts("Chromogranin A", readings)

    assert len(charts.charts) == 1 and charts.notice == ""
    assert charts.charts[0].title == "Chromogranin A (ng/mL)"


def test_a_value_without_a_unit_is_not_drawn_with_values_that_have_one() -> None:
    charts = measure_charts("5-HIAA", [*monthly(2, unit="mg/24h"), Reading(date(2025, 3, 1), 9)])

    assert [c.y_label for c in charts.charts] == ["mg/24h", ""]
    assert "no unit given" in charts.notice


def test_the_svg_holds_the_band_where_the_lab_range_is() -> None:
    chart = measure_charts("Chromogranin A", monthly(6, unit="ng/mL", low=0, high=95)).charts[0]

    svg = svg_of(chart)

    (band,) = band_rects(svg)
    low, high = value_range(chart)
    axis = re.search(rb'd="M 44,([\d.]+) L 44,([\d.]+) Z"', svg)  # the value axis, bottom to top
    assert axis is not None
    bottom, top = float(axis[1]), float(axis[2])
    assert band["y"] == bottom  # the range starts at 0, the axis' foot
    assert abs(band["height"] / (top - bottom) - (95 - low) / (high - low)) < 0.001
    assert "Chromogranin A (ng/mL)" in svg_texts(svg)
    assert "Shaded: the lab's reference range as printed, 0–95 ng/mL." in svg_texts(svg)
    assert b"fill: None" not in svg  # SVG readers would fill the line black


def test_a_range_that_changes_draws_a_band_per_range_each_to_its_own_height() -> None:
    readings = monthly(3, unit="ng/mL", low=0, high=95) + [
        Reading(date(2024, 5, 1) + timedelta(days=30 * n), 60, "ng/mL", 0, 100) for n in range(3)
    ]

    bands = reference_bands(readings)
    rects = band_rects(svg_of(measure_charts("CgA", readings).charts[0]))

    assert [(b.low, b.high) for b in bands] == [(0, 95), (0, 100)]
    assert bands[0].end == bands[1].start == date(2024, 5, 1)
    assert len(rects) == 2
    assert abs(rects[0]["height"] / rects[1]["height"] - 0.95) < 0.01  # both start at 0


def test_a_range_with_one_end_reaches_the_edge_and_no_range_draws_no_band() -> None:
    only_high = measure_charts("CgA", monthly(3, unit="ng/mL", high=95)).charts[0]
    none = measure_charts("CgA", monthly(3, unit="ng/mL")).charts[0]

    assert only_high.bands == (Band(date(2024, 1, 15), date.max, None, 95),)
    assert "below 95 ng/mL" in only_high.caption
    assert len(band_rects(svg_of(only_high))) == 1
    assert band_rects(svg_of(none)) == []
    assert "No reference range was copied" in none.caption


def test_the_axis_shows_the_whole_range_even_when_every_value_is_inside_it() -> None:
    chart = measure_charts("CgA", monthly(3, value=40, unit="ng/mL", low=0, high=95)).charts[0]

    low, high = value_range(chart)

    assert low == 0 and high > 95


def test_date_ticks_are_years_over_long_spans_and_months_over_short_ones() -> None:
    assert date_ticks(date(2021, 3, 5), date(2026, 2, 1)) == [
        date(year, 1, 1) for year in range(2022, 2027)
    ]
    months = date_ticks(date(2026, 1, 10), date(2026, 6, 20))
    assert months[0] == date(2026, 2, 1) and months[-1] <= date(2026, 6, 1)
    assert all(tick.day == 1 for tick in months) and len(months) <= 6


def test_diary_ratings_and_counts_are_never_on_one_axis() -> None:
    start = date(2026, 3, 2)
    marks = [SymptomMark(start + timedelta(days=n), "flushing", rating=n % 11) for n in range(14)]
    marks += [SymptomMark(start + timedelta(days=n), "diarrhea", count=3) for n in range(14)]

    rated, counted = diary_charts(marks)

    assert rated.y_range == (0, 10) and [s.name for s in rated.series] == ["flushing"]
    assert [s.name for s in counted.series] == ["diarrhea"] and counted.y_label == "times a day"
    assert len(rated.series[0].points) == 14  # two weeks: every day shown


def test_a_long_diary_is_drawn_as_averages() -> None:
    start = date(2026, 1, 5)  # a Monday
    marks = [SymptomMark(start + timedelta(days=n), "pain", rating=n % 2 * 10) for n in range(200)]

    (chart,) = diary_charts(marks)

    assert "weekly average" in chart.title
    assert chart.series[0].points[0] == (start, round((0 + 10 + 0 + 10 + 0 + 10 + 0) / 7, 2))
    assert "weekly average" not in diary_charts(marks[:30])[0].title


def test_a_single_day_is_described_and_drawn_and_no_readings_make_no_chart() -> None:
    (chart,) = diary_charts([SymptomMark(date(2026, 1, 1), "pain", rating=0)])[:1]

    day = short_date(date(2026, 1, 1))
    assert f"1 value from {day} to {day}" in chart.description()
    assert re.search(rb"<svg", svg_of(chart))
    assert measure_charts("CgA", []).charts == ()


@pytest.mark.parametrize(
    ("days", "period", "first_point"),
    [
        (30, "by day", date(2025, 1, 1)),
        (400, "weekly average", date(2024, 12, 30)),  # that week's Monday
        (800, "monthly average", date(2025, 1, 1)),
    ],
)
def test_the_diary_averaged_in_the_record_draws_what_the_plain_data_draws(
    record: JourneyRecord, days: int, period: str, first_point: date
) -> None:
    start = date(2025, 1, 1)
    marks = [
        SymptomMark(start + timedelta(days=n), symptom, rating=(n * 7 + i) % 11)
        for n in range(days)
        for i, symptom in enumerate(("flushing", "pain"))
    ] + [SymptomMark(start + timedelta(days=n), "diarrhea", count=n % 5) for n in range(0, days, 3)]
    with record.writing() as session:
        for day in sorted({m.day for m in marks}):
            scores = [SymptomScore(m.symptom, m.rating, m.count) for m in marks if m.day == day]
            save_diary_day(session, day, "", scores)

    with record.reading() as session:
        from_record = diary_charts_of(session)

    assert from_record == diary_charts(marks)  # same periods, averages and order
    assert period in from_record[0].title
    assert from_record[0].series[0].points[0][0] == first_point


def test_the_quick_look_finds_a_diary_chart_exactly_when_there_is_one(
    record: JourneyRecord,
) -> None:
    def both() -> tuple[bool, bool]:
        with record.reading() as session:
            return diary_has_charts(session), bool(diary_charts_of(session))

    assert both() == (False, False)  # nothing written
    with record.writing() as session:
        save_diary_day(session, date(2025, 3, 1), "Only a note.", [])
    assert both() == (False, False)  # a day with no symptom rated or counted
    with record.writing() as session:
        save_diary_day(session, date(2025, 3, 2), "", [SymptomScore("flushing", count=2)])
    assert both() == (True, True)
    with record.writing() as session:  # the only marked day is not a readable day
        session.execute(text("UPDATE diary_entries SET day = 'x' WHERE note = ''"))
    assert both() == (False, False)


def test_a_value_printed_as_a_bound_is_drawn_at_its_number_marked_and_said() -> None:
    readings = [
        *monthly(3, value=20, unit="ng/mL"),
        Reading(date(2024, 6, 1), 0.5, "ng/mL", qualifier="<"),
        Reading(date(2024, 7, 1), 1000, "ng/mL", qualifier=">="),
    ]

    [chart] = measure_charts("Chromogranin A", readings).charts
    svg = svg_of(chart)

    assert chart.values()[-2:] == [0.5, 1000]  # at the bound: no value left out
    assert [(day.month, q.symbol) for day, _value, q in chart.bounds()] == [(6, "<"), (7, "≥")]
    description = chart.description()
    assert "5 values" in description and "lowest <0.5 ng/mL, highest ≥1000 ng/mL" in description
    assert "Open triangles: values printed as a bound" in description
    assert any(text.startswith("Open triangles") for text in svg_texts(svg))
    triangles = [
        p
        for p in ET.fromstring(svg).iter(f"{SVG}polygon")
        if "fill: rgb(100%" in p.get("style", "")
    ]
    assert len(triangles) == 2


def test_drawing_without_reportlabs_attribute_checks_draws_the_same_chart() -> None:
    from reportlab import rl_config
    from reportlab.graphics import renderSVG

    from netjourney.core.journey.charts import draw

    [chart] = measure_charts("Chromogranin A", monthly(12, unit="ng/mL", low=0, high=95)).charts
    draw(chart)  # the library loaded (it turns the checks off once)
    drawn = {}
    for checking in (1, 0):
        rl_config.shapeChecking = checking
        drawn[checking] = renderSVG.drawToString(draw(chart))
    assert drawn[1] == drawn[0]
