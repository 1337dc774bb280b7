"""Charts in the PDF: the core's chart definitions drawn by reportlab as vector graphics,
each followed by the table of its values (the chart is a view, the numbers are the record)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from netjourney.core.journey.charts import (
    Fonts,
    LineChart,
    Reading,
    Series,
    SymptomMark,
    diary_charts,
    draw,
    measure_charts,
    range_text,
)
from netjourney.core.journey.listings import day_text, value_text
from netjourney.export.pdf_common import (
    BOLD_FONT,
    FONT,
    heading,
    markup,
    printable,
    styles,
    table,
    text_paragraph,
)

PDF_CHART_HEIGHT = 150.0  # points: lower than on screen, so a few months fit a few pages


def measure_flowables(measure: str, readings: Iterable[Reading], width: float) -> list[Flowable]:
    """A measure's heading, its chart per unit (and why there are several), its values."""
    readings = sorted(readings, key=lambda r: r.day)
    return [
        heading(measure, styles().h3),
        *measure_chart_flowables(measure, readings, width),
        values_table(readings, width),
    ]


def measure_chart_flowables(
    measure: str, readings: Iterable[Reading], width: float
) -> list[Flowable]:
    """A chart per unit, and the notice that says why there are several."""
    chart_set = measure_charts(measure, readings)
    flowables: list[Flowable] = []
    if chart_set.notice:
        flowables.append(Paragraph(markup(chart_set.notice), styles().body))
    for chart in chart_set.charts:
        flowables += [vector_chart(chart, width), Spacer(0, 6)]
    return flowables


def values_table(readings: list[Reading], width: float) -> Flowable:
    style = styles()
    head = ["Date", "Value", "Reference range (as printed)", "Lab"]
    rows = [[text_paragraph(text, style.cell_head) for text in head]]
    for reading in readings:
        printed = reading.printed_range
        if not printed and (reading.low is not None or reading.high is not None):
            printed = range_text(reading.low, reading.high, reading.unit)
        cells = (
            day_text(reading.day),
            value_text(reading.value, reading.unit, reading.qualifier),
            printed,
        )
        rows.append([text_paragraph(text, style.cell) for text in (*cells, reading.lab)])
    return table(rows, [width * share for share in (0.2, 0.25, 0.3, 0.25)], header=True)


def diary_flowables(marks: Iterable[SymptomMark], width: float) -> list[Flowable]:
    """The diary's charts: ratings on one, counts on another, side by side."""
    charts = diary_charts(marks)
    if len(charts) < 2:
        return [vector_chart(chart, width) for chart in charts]
    half = width / 2
    row = [vector_chart(chart, half - 6) for chart in charts]
    return [Table([row], colWidths=[half, half], hAlign="LEFT")]


def vector_chart(chart: LineChart, width: float, height: float = PDF_CHART_HEIGHT) -> Flowable:
    """The chart in the PDF's own embedded fonts; text they cannot draw shows as a mark."""
    styles()  # registers the fonts
    shown = replace(
        chart,
        title=printable(chart.title),
        caption=printable(chart.caption),
        series=tuple(Series(printable(s.name), s.points) for s in chart.series),
    )
    return draw(shown, width, height, Fonts(FONT, BOLD_FONT))
