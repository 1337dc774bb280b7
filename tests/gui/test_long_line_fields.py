"""A title longer than its field shows its beginning when its record is chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from netjourney.core import repository
from netjourney.core.models import Note
from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import MainWindow
from netjourney.gui.record_page import RecordPage

CTRL = Qt.KeyboardModifier.ControlModifier
TITLE = "Questions for the NET center " + "about the scan and the next injection " * 8


def test_a_long_title_is_shown_from_its_start(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    repository.add(record, Note(title=TITLE))
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)
    page = window.pages["notes"]
    assert isinstance(page, RecordPage)
    rect = page.table.visualRect(page.table.model().index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    title = next(w for w in page.editor.findChildren(QLineEdit) if w.text() == TITLE)
    assert title.cursorPosition() == 0  # so the field shows 'Questions for the NET center…'
