"""At 200% text in a 1024x768 window, the marker chart and the question library keep a
usable height (they had a sliver), the window does not grow, and the cards stay whole."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from netjourney.core.record import JourneyRecord
from netjourney.demo.small import fill_demo
from netjourney.gui.main_window import MainWindow
from netjourney.gui.pages.measurements import CHART_LEAST_LINES, MeasurementsPage
from netjourney.gui.pages.questions import LIBRARY_LEAST_LINES, QuestionsPage
from netjourney.gui.record_page import RecordPage
from tests.gui.menu_input import click_page

CTRL = Qt.KeyboardModifier.ControlModifier


def _at_200_percent(qtbot: QtBot, window: MainWindow, record: JourneyRecord, title: str) -> QWidget:
    """The page opened at 100% text by a click, then ten steps of View > Larger text."""
    fill_demo(record, datetime.now(UTC))
    window.resize(1024, 768)
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)  # shortcuts reach only the active window
    qtbot.keyClick(window, Qt.Key.Key_0, CTRL)
    page = click_page(window, qtbot, title)
    for _step in range(10):
        qtbot.keyClick(window, Qt.Key.Key_Plus, CTRL)
    qtbot.wait(50)  # the panes are arranged once the page is laid out
    return page


def _lines(widget: QWidget) -> float:
    return widget.height() / widget.fontMetrics().lineSpacing()


def _cards_whole(qtbot: QtBot, page: RecordPage) -> bool:
    assert page.cards is not None
    cards = page.cards
    qtbot.waitUntil(lambda: cards.settled)  # rows out of view are sized when Qt is idle
    model = page.table.model()
    texts = (page.cards.delegate.card_texts(model.index(r, 0)) for r in range(model.rowCount()))
    return all(drawn == words for card in texts for words, drawn in card)


@pytest.mark.parametrize(
    ("title", "part", "least_lines"),
    [
        ("Tests & markers", "chart", CHART_LEAST_LINES),
        ("Questions", "library", LIBRARY_LEAST_LINES),
    ],
)
def test_the_chart_and_the_library_keep_their_lines(
    qtbot: QtBot, window: MainWindow, record: JourneyRecord, title: str, part: str, least_lines: int
) -> None:
    page = _at_200_percent(qtbot, window, record, title)
    assert isinstance(page, (MeasurementsPage, QuestionsPage))

    assert _lines(getattr(page, part)) >= least_lines
    assert window.size().toTuple() == (1024, 768)
    assert _cards_whole(qtbot, page)


def test_the_questions_filters_show_their_words(
    qtbot: QtBot, window: MainWindow, record: JourneyRecord
) -> None:
    page = _at_200_percent(qtbot, window, record, "Questions")
    assert isinstance(page, QuestionsPage)

    boxes = (page.status_filter, page.group_filter)
    assert all(box.width() >= box.sizeHint().width() for box in boxes)  # "All groups" whole
