"""The window before its record is open: Home's headings say so, and every page and action waits.

app.py paints this first and opens the record right after (importing SQLAlchemy, the
models and the guide costs more than the whole bare window), so this module and what
the window imports before the record must stay light: PySide6 and the standard library.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

OPENING_TEXT = "Opening your record…"
# Home's headings (gui/pages/home.py), shown at once so the page does not jump when filled;
# plain words, no markup to escape (html.escape would import html.entities: 9 ms).
HOME_HEADINGS = ("What's next", "Next appointment", "Questions", "Latest notes")
HOME_BODY = "opening-home"  # its text's object name


def opening_home() -> QWidget:
    """Home as it looks until the record is open: its headings, each saying it is opening."""
    sections = "".join(f"<h2>{heading}</h2><p>{OPENING_TEXT}</p>" for heading in HOME_HEADINGS)
    body = QLabel(
        f'<div style="font-size: large"><h1>Welcome to NET Journey</h1>{sections}</div>',
        wordWrap=True,
    )
    body.setObjectName(HOME_BODY)
    body.setAccessibleName("Summary of what is next")
    body.setAccessibleDescription(OPENING_TEXT)
    # By name: Qt.AlignmentFlag would build the Qt namespace's hundred enums, a tenth of a
    # bare window, before the first paint.
    body.setProperty("alignment", "AlignTop|AlignLeft")
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(body)
    scroll.setAccessibleName("Home")
    page = QWidget()
    QVBoxLayout(page).addWidget(scroll)
    return page


def show_home_early(window: QMainWindow, html: str) -> QWidget:
    """Home's text read before the record opens (gui/app.py), shown in the opening Home
    while the pages and actions still wait; the text widget, to watch it paint."""
    body = window.findChild(QLabel, HOME_BODY)
    assert body is not None  # only a window still opening its record is given Home early
    body.setText(html)
    body.setAccessibleDescription("")
    return body


class HeldActions:
    """Every enabled menu action and shortcut of the window, disabled until release():
    nothing may ask for a record that is not open yet."""

    def __init__(self, window: QMainWindow, shown: Iterable[QAction]) -> None:
        """`shown` at once: those the first frame offers (the menus' titles, greyed); the
        others with hold(), after the paint: asking Qt for every action of the window
        costs that paint a hundredth of a bare window."""
        self._window = window
        self._held = [action for action in shown if action.isEnabled()]
        for action in self._held:
            action.setEnabled(False)

    def hold(self) -> None:
        """Every other action of the window, and those built since (the menus' entries)."""
        enabled = [action for action in self._window.findChildren(QAction) if action.isEnabled()]
        for action in enabled:
            action.setEnabled(False)
        self._held.extend(enabled)

    def release(self) -> None:
        for action in self._held:
            action.setEnabled(True)
        self._held.clear()


class _FirstPaint(QObject):
    """Watches the paints of a window, or (briefly) every paint in the application for a
    page: a page's own paint event may never come, when the children painting it cover it
    whole (a scroll area's viewport). A window always paints itself, under its children."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback = callback
        # Not the whole application's events for a window: a Python filter on them makes
        # PySide build its classes for every object painted, a third of a bare window.
        self.watched: QObject = widget if widget.isWindow() else _application()
        self.watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._paints_widget(watched):
            self.watched.removeEventFilter(self)  # once, not on every paint
            # After the paint has reached the screen: the event loop runs this next.
            QTimer.singleShot(0, self._callback)
        return False

    def _paints_widget(self, watched: QObject) -> bool:
        return isinstance(watched, QWidget) and (
            watched is self._widget or self._widget.isAncestorOf(watched)
        )


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` once, as soon as the event loop is free after `widget` (or a widget
    in it) first paints."""
    _FirstPaint(widget, callback)


class _NextPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._callback)  # dropped if the widget goes first
        return False


def after_next_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` once, just after `widget` itself is next painted (a timer started
    before the paint would run before it). For a widget that paints its own area, such as
    a list's viewport or a chart; a page covered by its children: after_first_paint."""
    _NextPaint(widget, callback)


def _application() -> QCoreApplication:
    application = QCoreApplication.instance()
    assert application is not None  # only a shown window is watched
    return application
