"""The window's chart: the core's definition, drawn through SVG by QtSvg, band and all."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from netjourney.cli import main
from netjourney.core.dates import short_date
from netjourney.core.guide import Guide
from netjourney.core.journey.charts import LineChart, Reading, measure_charts
from netjourney.core.record import JourneyRecord
from netjourney.gui.chart_view import ChartView, chart_colours
from netjourney.gui.main_window import MainWindow
from netjourney.gui.pages.measurements import MeasurementsPage
from netjourney.gui.theme import SCHEME_SETTING, Scheme, install_theme
from tests.gui.test_theme import _active, _choose_from_view_menu

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def system_colours_after() -> object:
    yield None
    install_theme().choose(Scheme.SYSTEM)


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
    image, band = widget.grab().toImage(), QColor(chart_colours(widget.palette()).band)
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


def test_charts_read_once_painted_are_read_then_and_only_if_still_wanted(
    qtbot: QtBot,
) -> None:
    readings = [Reading(date(2026, 1, 5) + timedelta(days=28 * n), 50 + n) for n in range(3)]
    reads: list[str] = []

    def read(name: str) -> tuple[tuple[LineChart, ...], str]:
        reads.append(name)
        return measure_charts(name, readings).charts, ""

    view = ChartView("Chart")
    qtbot.addWidget(view)
    view.show_charts_once_painted(lambda: read("5-HIAA"))
    assert reads == [] and view.charts == [] and not view.drawn
    view.show()
    qtbot.waitUntil(lambda: view.drawn)
    assert reads == ["5-HIAA"]
    assert [c.accessibleName() for c in view.charts] == ["Chart: 5-HIAA"]

    view.show_charts_once_painted(lambda: read("Chromogranin A"))
    view.show_charts((), "Nothing to draw.")  # newer charts, before the view was painted
    qtbot.wait(50)
    assert reads == ["5-HIAA"] and view.drawn and view.notice.text() == "Nothing to draw."


@pytest.mark.parametrize(("letter", "scheme"), [(Qt.Key.Key_D, "dark"), (Qt.Key.Key_L, "light")])
def test_a_chart_follows_the_colours_chosen_in_the_view_menu(
    qtbot: QtBot, record_path: Path, guide: Guide, letter: Qt.Key, scheme: str
) -> None:
    assert main(["--db", str(record_path), "demo"]) == 0
    window = MainWindow(JourneyRecord.open(record_path, guide))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _active(window)
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL_SHIFT)  # Tests & markers, its chart drawn
    page = window.stack.currentWidget()
    assert isinstance(page, MeasurementsPage)
    qtbot.waitUntil(lambda: bool(page.chart.charts) and page.chart.charts[0].drawn)

    _choose_from_view_menu(qtbot, window, letter)  # after the chart was drawn
    assert QSettings().value(SCHEME_SETTING) == scheme
    chart = page.chart.charts[0]
    background = QApplication.palette().color(QPalette.ColorRole.Base)
    qtbot.waitUntil(lambda: chart.palette().color(QPalette.ColorRole.Base) == background)
    palette = chart.palette()
    counts = Counter(_pixels(chart))
    assert _near(QColor(counts.most_common(1)[0][0]), background)  # drawn on the window's own base
    text = palette.color(QPalette.ColorRole.Text)
    assert sum(n for rgb, n in counts.items() if _near(QColor(rgb), text)) > 200  # title, axes
    band = QColor(chart_colours(palette).band)
    assert sum(n for rgb, n in counts.items() if _near(QColor(rgb), band)) > 1000
    assert _contrast(band, background) > 1.15  # the band is seen on the background
    window.flush_all()
    window.record.close()


def _pixels(widget: QWidget) -> list[str]:
    image = widget.grab().toImage()
    return [
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    ]


def _near(colour: QColor, wanted: QColor) -> bool:
    channels = ((colour.red(), wanted.red()), (colour.green(), wanted.green()))
    channels += ((colour.blue(), wanted.blue()),)
    return all(abs(a - b) <= 6 for a, b in channels)


def _contrast(one: QColor, other: QColor) -> float:
    """WCAG's contrast ratio of two colours."""
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue
