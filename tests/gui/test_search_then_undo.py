"""After the search dialog closes, the window has the keys again: Ctrl+Z undoes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from netjourney.core import repository
from netjourney.core.models import Note
from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import MainWindow
from tests.gui.menu_input import notes_by_ctrl_7

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.mark.parametrize("closing_key", [Qt.Key.Key_Escape, Qt.Key.Key_Return])
def test_ctrl_z_works_after_the_search_dialog_closes(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot, closing_key: Qt.Key
) -> None:
    qtbot.mouseClick(notes_by_ctrl_7(window, qtbot).add_button, Qt.MouseButton.LeftButton)
    assert [n.title for n in repository.all_of(record, Note)] == ["New note"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, CTRL)
    dialog = window.search_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.query)
    qtbot.keyClicks(dialog.query, "new")
    qtbot.keyClick(dialog.query, closing_key)  # Escape closes; Enter opens the note
    qtbot.waitUntil(lambda: not dialog.isVisible())

    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    focus = QApplication.focusWidget()
    qtbot.keyClick(focus, Qt.Key.Key_Z, CTRL)
    assert repository.all_of(record, Note) == [], focus


def test_ctrl_z_in_a_field_with_nothing_to_undo_undoes_the_window_step(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    """Only the field with the keys is watched, not every widget: after "Add note" the
    cursor is in the new note's title, which has no typing to undo, so Ctrl+Z undoes the add."""
    page = notes_by_ctrl_7(window, qtbot)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert [n.title for n in repository.all_of(record, Note)] == ["New note"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert repository.all_of(record, Note) == []
