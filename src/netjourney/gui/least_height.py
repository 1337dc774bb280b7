"""A widget's least height in lines of text, kept as the text size changes.

A least height in pixels that suits 100% text leaves a chart or a list a sliver at 200%;
one in lines grows with the text (View > Larger text applies at once, so it is kept).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFrame, QWidget


class LinesTall(QObject):
    def __init__(self, widget: QWidget, lines: int) -> None:
        super().__init__(widget)
        self.widget = widget
        self.lines = lines
        widget.installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FontChange:
            self.fit()
        return False

    def fit(self) -> None:
        frame = 2 * self.widget.frameWidth() if isinstance(self.widget, QFrame) else 0
        self.widget.setMinimumHeight(self.widget.fontMetrics().lineSpacing() * self.lines + frame)


def keep_lines_tall(widget: QWidget, lines: int) -> LinesTall:
    """Never less than `lines` lines of the widget's text high, at any text size."""
    return LinesTall(widget, lines)
