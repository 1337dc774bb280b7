"""The window's menus: every action has an entry, and the keys users expect."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from netjourney.gui.page_spec import PAGES, page_shortcut

if TYPE_CHECKING:
    from netjourney.gui.main_window import MainWindow


def make_action(
    parent: QObject,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
) -> QAction:
    action = QAction(text, parent)
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(shortcut)  # every binding: Redo is Ctrl+Y and Ctrl+Shift+Z
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    # triggered(bool) carries "checked": the slot takes no arguments, so drop it here.
    action.triggered.connect(lambda _checked=False: slot())
    return action


MENU_TITLES = ("&File", "&Edit", "&View", "&Go", "&Help")


class Menus(NamedTuple):
    file: QMenu
    edit: QMenu
    view: QMenu
    go: QMenu
    help: QMenu


def add_menus(window: MainWindow) -> Menus:
    """File, Edit, View, Go and Help in the menu bar, still empty: the first frame shows
    their titles only (greyed: every action waits for the record to open), so their
    entries are built after it (fill_menus)."""
    return Menus(*(window.menuBar().addMenu(title) for title in MENU_TITLES))


def fill_menus(window: MainWindow, menus: Menus) -> None:
    """Every action with its menu entry and usual keys."""
    action = partial(make_action, window)
    file_menu, edit_menu, view_menu, go_menu, help_menu = menus
    file_menu.addAction(action("Share with family: journey &PDF…", window.export_pdf, "Ctrl+E"))
    file_menu.addAction(
        action("&Print the journey…", window.export_pdf, QKeySequence.StandardKey.Print)
    )
    file_menu.addAction(action("Clinical &summary for a new doctor…", window.export_summary))
    file_menu.addAction(
        action("Upcoming appointments to a &calendar (.ics)…", window.export_calendar)
    )
    file_menu.addAction(action("Export everything as &JSON…", window.export_json))
    file_menu.addSeparator()
    file_menu.addAction(action("&Backups…", window.open_backups))
    file_menu.addSeparator()
    file_menu.addAction(action("&Quit", window.close, QKeySequence.StandardKey.Quit))
    edit_menu.addActions(_undo_actions(window))
    edit_menu.addSeparator()
    edit_menu.addAction(action("&Find…", window.open_search, QKeySequence.StandardKey.Find))
    view_menu.addAction(
        action("&Larger text", lambda: window.change_text_size(1), QKeySequence.StandardKey.ZoomIn)
    )
    view_menu.addAction(
        action(
            "&Smaller text", lambda: window.change_text_size(-1), QKeySequence.StandardKey.ZoomOut
        )
    )
    view_menu.addAction(action("&Normal text size", lambda: window.change_text_size(0), "Ctrl+0"))
    window.theme.add_menu(view_menu)
    for key, title in PAGES:
        go_menu.addAction(action(title, partial(window.show_page, key), page_shortcut(key)))
    go_menu.addSeparator()
    go_menu.addActions(window.navigation.actions())
    help_menu.addAction(action("&About NET Journey", window.about))


def _undo_actions(window: MainWindow) -> list[QAction]:
    """Undo and Redo named after the step they take back, like Qt's, but saving first."""
    undo = make_action(window, "&Undo", window.undo, QKeySequence.StandardKey.Undo)
    redo = make_action(window, "&Redo", window.redo, QKeySequence.StandardKey.Redo)
    stack = window.undo_stack
    for action, text, can, changed in (
        (undo, "&Undo", stack.canUndoChanged, stack.undoTextChanged),
        (redo, "&Redo", stack.canRedoChanged, stack.redoTextChanged),
    ):
        action.setEnabled(False)
        can.connect(action.setEnabled)
        changed.connect(partial(_name_step, action, text))
    return [undo, redo]


def _name_step(action: QAction, verb: str, step: str) -> None:
    action.setText(f"{verb} {step}" if step else verb)
