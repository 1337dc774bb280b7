"""Reaching the window's pages and dialogs the way a user does: through the menus, by keyboard,
or a click in the page list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from netjourney.gui.backups_window import BackupsWindow
from netjourney.gui.main_window import MainWindow
from netjourney.gui.record_page import RecordPage


def open_backups_from_the_file_menu(window: MainWindow, qtbot: QtBot) -> BackupsWindow:
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    qtbot.waitUntil(file_menu.isVisible)
    qtbot.keyClick(file_menu, Qt.Key.Key_B)  # &Backups…
    qtbot.waitUntil(lambda: window.findChild(BackupsWindow) is not None)
    dialog = window.findChild(BackupsWindow)
    assert isinstance(dialog, BackupsWindow)
    qtbot.waitExposed(dialog)
    return dialog


def notes_by_ctrl_7(window: MainWindow, qtbot: QtBot) -> RecordPage:
    """The window made active, then Ctrl+7: the Notes page."""
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    assert isinstance(page, RecordPage) and page.kind == "note"
    return page


def click_page(window: MainWindow, qtbot: QtBot, title: str) -> QWidget:
    """A click on the page's name in the page list: the page then shown."""
    item = window.nav.findItems(title, Qt.MatchFlag.MatchExactly)[0]
    rect = window.nav.visualItemRect(item)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return window.stack.currentWidget()
