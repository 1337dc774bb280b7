"""The window's chart: the core's definition, drawn through SVG by QtSvg, band and all."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from netjourney.core.dates import short_date
from netjourney.core.journey.charts import BAND_COLOUR, Reading, measure_charts
from netjourney.gui.chart_view import ChartView


def test_two_units_show_two_drawn_charts_the_notice_and_the_band(qtbot: QtBot) -> None:
    start = date(2026, 1, 5)
    readings = [Reading(start + timedelta(days=28 * n), 50 + n, "ng/mL", 0, 95) for n in range(5)]
    readings.append(Reading(date(2026, 8, 1), 4.2, "nmol/L"))
    chart_set = measure_charts("Chromogranin A", readings)
    view = ChartView("Chromogranin A chart")
    qtbot.addWidget(view)

    view.show_charts(chart_set.charts, chart_set.notice)
    view.resize(700, 800)
    view.show()
    qtbot.waitExposed(view)
    # Named and described at once; drawn just after the first paint.
    qtbot.waitUntil(lambda: all(chart.drawn for chart in view.charts))

    assert view.notice.isVisible() and "never drawn on one axis" in view.notice.text()
    assert [c.accessibleName() for c in view.charts] == [
        "Chart: Chromogranin A (ng/mL)",
        "Chart: Chromogranin A (nmol/L)",
    ]
    assert f"5 values from {short_date(date(2026, 1, 5))}" in view.charts[0].accessibleDescription()
    assert all(chart.renderer().isValid() for chart in view.charts)
    assert band_pixels(view.charts[0]) > 1000  # the band is painted
    assert band_pixels(view.charts[1]) == 0  # no range was copied for the nmol/L value


def band_pixels(widget: QWidget) -> int:
    """Pixels of the band's colour (SVG keeps colours to a whole percent: near enough)."""
    image, band = widget.grab().toImage(), QColor(BAND_COLOUR)
    near = 0
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            pixel = image.pixelColor(x, y)
            channels = zip(pixel.getRgb()[:3], band.getRgb()[:3], strict=True)
            near += all(abs(a - b) <= 4 for a, b in channels)
    return near


def test_a_chart_is_described_at_once_and_drawn_after_it_is_first_shown(qtbot: QtBot) -> None:
    readings = [Reading(date(2026, 1, 5) + timedelta(days=28 * n), 50 + n) for n in range(3)]
    view = ChartView("5-HIAA chart")
    qtbot.addWidget(view)

    view.show_charts(measure_charts("5-HIAA", readings).charts)
    [chart] = view.charts
    assert not chart.drawn and "3 values" in chart.accessibleDescription()

    view.show()
    qtbot.waitUntil(lambda: chart.drawn)
    assert chart.renderer().isValid()
