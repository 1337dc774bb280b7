"""The window's keys work wherever the user is: after a dialog closes, and in a field.

Ctrl+Z in a text field with nothing of its own to undo undoes the window's last step.

A text field takes Ctrl+Z (and Ctrl+Y) for itself even when it has no typing to take
back, so after "Add note", or after the search dialog closed with the cursor back in
a field, the keys did nothing at all. With this filter they reach Edit > Undo then.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit)


class UndoFallsThrough(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # The keys go to the field that has the focus, so only that field is watched: a
            # filter on the whole application ran for every event of every widget, some
            # 20 ms of each page's first show (the fields are many and built page by page).
            app.focusChanged.connect(self._watch_focused_field)

    def _watch_focused_field(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, TEXT_FIELDS) and new.window() is self.window:
            new.installEventFilter(self)  # a field watched already is watched once

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Refusing the field's claim on the keys (returning True) lets the shortcut run."""
        if (
            not isinstance(event, QKeyEvent)
            or event.type() != QEvent.Type.ShortcutOverride
            or not isinstance(watched, QWidget)
            or watched.window() is not self.window
        ):
            return False
        if event.matches(QKeySequence.StandardKey.Undo):
            return not field_can_step(watched, undo=True)
        if event.matches(QKeySequence.StandardKey.Redo):
            return not field_can_step(watched, undo=False)
        return False


def return_keys_to_owner(dialog: QWidget) -> None:
    """Call as a dialog hides: its window is activated again, so its shortcuts (Ctrl+Z,
    Alt+Left) work at once. Not every platform does this itself when a dialog closes."""
    owner = dialog.parentWidget()
    if owner is not None:
        owner.window().activateWindow()


def field_can_step(widget: QWidget, undo: bool) -> bool:
    """Whether a text field has typing of its own to undo (or redo); other widgets keep
    their keys as they are."""
    if isinstance(widget, QLineEdit):
        return widget.isUndoAvailable() if undo else widget.isRedoAvailable()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        document = widget.document()
        return document.isUndoAvailable() if undo else document.isRedoAvailable()
    return True
