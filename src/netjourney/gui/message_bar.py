"""One place in the window where every outcome is told: problems, and what was done
(with Undo). It never blocks, and screen readers are told each message."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

DONE_SHOWN_MS = 8000  # long enough to read "Deleted …" and reach Undo


class MessageBar(QFrame):
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Message")
        self.text = QLabel(wordWrap=True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.undo_button = QPushButton("Undo")
        self.undo_button.setAccessibleName("Undo")
        self.undo_button.clicked.connect(self._undo)
        close = QPushButton("Dismiss")
        close.setAccessibleName("Dismiss the message")
        close.clicked.connect(self.hide)
        self._timer = QTimer(self, singleShot=True, interval=DONE_SHOWN_MS)
        self._timer.timeout.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(close)
        self.hide()

    def show_problem(self, message: str) -> None:
        """A problem stays until dismissed or replaced: it says what was kept."""
        self._show(message, problem=True, undo=False)
        self._timer.stop()

    def show_done(self, message: str, undo: bool = False) -> None:
        """What was done, for a few seconds, with Undo where it can be undone."""
        self._show(message, problem=False, undo=undo)
        self._timer.start()

    def _show(self, message: str, problem: bool, undo: bool) -> None:
        self.text.setText(message)
        self.setProperty("problem", problem)
        self.setStyleSheet(
            "MessageBar { background: #fdecea; border: 1px solid #b00020; }"
            if problem
            else "MessageBar { background: palette(alternate-base); }"
        )
        self.undo_button.setVisible(undo)
        self.setAccessibleDescription(message)
        self.show()
        # Screen readers announce an alert without moving the user's focus. Imported here:
        # its many enums cost the window's first paint a tenth of a bare window.
        from PySide6.QtGui import QAccessible, QAccessibleEvent

        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def _undo(self) -> None:
        self.hide()
        self.undo_requested.emit()
