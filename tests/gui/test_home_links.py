"""Issue 11 item 7: Home's "N questions still to ask" opens the Questions list with those N."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from netjourney.core.record import JourneyRecord
from netjourney.demo.small import fill_demo
from netjourney.gui.main_window import MainWindow
from netjourney.gui.record_page import RecordPage


def click_link(qtbot: QtBot, label: QLabel, words: str) -> None:
    """Click in the middle of the first occurrence of `words`, laid out as the label lays it out."""
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    document.setHtml(label.text())
    area = label.contentsRect()
    document.setTextWidth(area.width())
    origin_layout = document.documentLayout()
    assert origin_layout.documentSize().height() > 0  # lays the text out
    found = document.find(words)
    assert not found.isNull(), words
    middle = (found.selectionStart() + found.selectionEnd()) // 2
    block = document.findBlock(middle)
    layout = block.layout()
    line = layout.lineForTextPosition(middle - block.position())
    assert line.isValid()
    origin = origin_layout.blockBoundingRect(block).topLeft()
    x = origin.x() + line.cursorToX(middle - block.position())[0]
    y = origin.y() + line.y() + line.height() / 2
    qtbot.mouseClick(
        label, Qt.MouseButton.LeftButton, pos=QPoint(area.left() + int(x), area.top() + int(y))
    )


def test_the_open_questions_link_opens_exactly_those_questions(
    qtbot: QtBot, window: MainWindow, record: JourneyRecord
) -> None:
    fill_demo(record, datetime.now(UTC))
    home = window.show_page("home")
    home.refresh()  # type: ignore[attr-defined]
    body = home.body  # type: ignore[attr-defined]
    count = int(re.search(r"(\d+) questions? still to ask", body.text()).group(1))  # type: ignore[union-attr]
    assert record.counts()["questions"] > count > 0
    click_link(qtbot, body, "still to ask")
    page = window.stack.currentWidget()
    assert page is window.pages["questions"] and isinstance(page, RecordPage)
    assert page.list_model.total() == count
    assert page.count_label.text() == f"{count} questions"


def _home_with_demo(qtbot: QtBot, window: MainWindow, record: JourneyRecord) -> QLabel:
    fill_demo(record, datetime.now(UTC))
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    home = window.stack.currentWidget()
    home.refresh()  # type: ignore[attr-defined]
    body = home.body  # type: ignore[attr-defined]
    assert isinstance(body, QLabel)
    return body


def test_homes_links_are_reached_with_tab_and_opened_with_enter(
    qtbot: QtBot, window: MainWindow, record: JourneyRecord
) -> None:
    """Keyboard only: Tab from the page list to Home's first link, then Enter."""
    body = _home_with_demo(qtbot, window, record)
    home_item = window.nav.visualItemRect(window.nav.item(0)).center()
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=home_item)
    for _press in range(3):  # the scrolling page, the summary (its words said), its first link
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is body
    assert body.selectedText() == "Appointment: Breathing tests before surgery"
    qtbot.keyClick(body, Qt.Key.Key_Return)

    assert window.stack.currentWidget() is window.pages["appointments"]  # What's next, first


def test_a_screen_reader_gets_homes_words_not_only_a_name(
    qtbot: QtBot, window: MainWindow, record: JourneyRecord
) -> None:
    """Qt names a label by its words unless it is given a name: Home's summary was named
    "Summary of what is next", and that was all a screen reader said of it."""
    body = _home_with_demo(qtbot, window, record)
    said = QAccessible.queryAccessibleInterface(body).text(QAccessible.Text.Name)
    assert "What's next" in said and "Next appointment" in said
    assert "Breathing tests before surgery" in said  # the first appointment's purpose
