"""A screen reader hears the headers of the columns on screen, never those of hidden ones."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from netjourney.core.record import JourneyRecord
from netjourney.demo.small import fill_demo
from netjourney.gui.list_model import ListingModel
from netjourney.gui.main_window import MainWindow
from netjourney.gui.record_page import RecordPage


def _spoken_headers(table: QTableView) -> list[str]:
    """The column headers Qt's accessible table hands a screen reader, by name."""
    interface = QAccessible.queryAccessibleInterface(table)
    assert interface is not None
    children = (interface.child(number) for number in range(interface.childCount()))
    return [
        child.text(QAccessible.Text.Name)
        for child in children
        if child.role() == QAccessible.Role.ColumnHeader
        and child.text(QAccessible.Text.Name)
        and not child.state().invisible
    ]


def _shown_headers(table: QTableView) -> list[str]:
    model = table.model()
    assert isinstance(model, ListingModel)
    columns = range(model.columnCount())
    headers = [column.header for column in model.query.listing.columns]
    return [headers[c] for c in columns if not table.isColumnHidden(c)]


@pytest.fixture
def questions_table(qtbot: QtBot, window: MainWindow, record: JourneyRecord) -> QTableView:
    """The demo's questions, reached by Ctrl+5 in a window wide enough for some columns."""
    fill_demo(record, datetime.now(UTC))
    window.resize(1280, 800)
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)  # shortcuts reach only the active window
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    assert isinstance(page, RecordPage) and page.kind == "question"
    return page.table


def test_the_questions_list_speaks_only_the_headers_on_screen(questions_table: QTableView) -> None:
    table = questions_table
    hidden = [c for c in range(table.model().columnCount()) if table.isColumnHidden(c)]

    assert hidden  # the status (a badge on the card) and the group are never columns
    assert _spoken_headers(table) == _shown_headers(table)
    assert "Status" not in _spoken_headers(table)
    assert "Status: " in table.model().index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)


def test_a_column_that_gives_way_goes_quiet_and_speaks_again_when_back(
    qtbot: QtBot, window: MainWindow, questions_table: QTableView
) -> None:
    table = questions_table
    wide = _shown_headers(table)

    window.resize(700, 800)
    qtbot.waitUntil(lambda: _shown_headers(table) != wide)
    assert _spoken_headers(table) == _shown_headers(table)

    window.resize(1280, 800)
    qtbot.waitUntil(lambda: _shown_headers(table) == wide)
    assert _spoken_headers(table) == wide
