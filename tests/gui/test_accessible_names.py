"""Every control a keyboard can reach has a name a screen reader would say sensibly."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from netjourney.core import repository
from netjourney.core.models import Question, QuestionStatus
from netjourney.core.record import JourneyRecord
from netjourney.demo.small import fill_demo
from netjourney.gui.export_dialog import JourneyExportDialog
from netjourney.gui.main_window import PAGES, MainWindow
from netjourney.gui.record_page import RecordPage


def _spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def _unnamed(root: QWidget) -> list[str]:
    """Focusable, shown widgets whose spoken name is empty or just a class name."""
    found = []
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy().value == 0 or not widget.isVisible():
            continue
        parent = widget.parentWidget()
        if (
            parent is not None
            and widget.focusProxy() is parent
            or (parent is not None and parent.focusProxy() is widget)
        ):
            continue  # spoken through the control it belongs to
        name = _spoken_name(widget).strip()
        if not name or name == type(widget).__name__ or re.fullmatch(r"Q[A-Z]\w+", name):
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found


def test_welcome_and_empty_pages(qtbot: QtBot, window: MainWindow) -> None:
    """An empty record: the welcome, each page with its empty-list hint and blank form."""
    assert _unnamed(window.stack.currentWidget()) == []
    for key, _title in PAGES:
        assert _unnamed(window.show_page(key)) == [], key


def test_pages_search_and_export_with_records(
    qtbot: QtBot, window: MainWindow, record: JourneyRecord
) -> None:
    fill_demo(record, datetime.now(UTC))
    for key, _title in PAGES:
        page = window.show_page(key)
        page.refresh()  # type: ignore[attr-defined]
        assert _unnamed(page) == [], key
    window.open_search()
    dialog = window.search_dialog
    assert dialog is not None
    dialog.query.setText("scan")
    dialog.run_search()
    assert _unnamed(dialog) == []
    dialog.hide()
    window.export_pdf()
    (export,) = window.findChildren(JourneyExportDialog)
    assert export.isVisible() and _unnamed(export) == []
    export.reject()


def test_a_card_row_is_read_whole_status_included(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    """A screen reader gets a question's row with its status, which the card shows only as
    a badge (its column is hidden)."""
    repository.add(record, Question(text="When can I drive again?", status=QuestionStatus.ASKED))
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["questions"]
    assert isinstance(page, RecordPage)

    first = page.table.model().index(0, 0)
    assert page.table.isColumnHidden(1)  # the status is a badge, not a cell to read
    assert (
        first.data(Qt.ItemDataRole.AccessibleTextRole) == "When can I drive again? Status: Asked."
    )
