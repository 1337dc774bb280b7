"""The window driven by the keyboard and mouse alone: shortcuts and menus reach every page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from netjourney.gui.main_window import PAGES, MainWindow


def _active(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitActive(window)


def test_ctrl_1_to_7_open_each_page(window: MainWindow, qtbot: QtBot) -> None:
    _active(window, qtbot)
    for number, (key, title) in reversed(list(enumerate(PAGES, start=1))):
        qtbot.keyClick(
            window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
        )
        assert window.stack.currentWidget() is window.pages[key]
        assert window.nav.currentItem().text() == title


def _go_menu(window: MainWindow) -> QMenu:
    action = next(a for a in window.menuBar().actions() if a.text() == "&Go")
    menu = action.menu()
    assert isinstance(menu, QMenu)
    return menu


def test_every_go_menu_item_opens_its_page_from_the_keyboard(
    window: MainWindow, qtbot: QtBot
) -> None:
    _active(window, qtbot)
    menu = _go_menu(window)
    for row, (key, _title) in reversed(list(enumerate(PAGES))):
        qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # Alt+G: Go
        qtbot.waitUntil(menu.isVisible)
        for _ in range(row):
            qtbot.keyClick(menu, Qt.Key.Key_Down)
        qtbot.keyClick(menu, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not menu.isVisible())
        assert window.stack.currentWidget() is window.pages[key]


def test_every_go_menu_item_opens_its_page_with_the_mouse(window: MainWindow, qtbot: QtBot) -> None:
    _active(window, qtbot)
    bar = window.menuBar()
    menu = _go_menu(window)
    go_rect = bar.actionGeometry(menu.menuAction())
    for key, title in reversed(PAGES):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=go_rect.center())
        qtbot.waitUntil(menu.isVisible)
        item = next(a for a in menu.actions() if a.text() == title)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(item).center())
        qtbot.waitUntil(lambda: not menu.isVisible())
        QApplication.processEvents()
        assert window.stack.currentWidget() is window.pages[key]
