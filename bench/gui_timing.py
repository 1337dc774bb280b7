"""What the GUI children of bench/run.py share: the main window on a record, and a paint clock."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from netjourney.core.guide import load_guide
from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import MainWindow


class PaintWatcher(QObject):
    """Notes whether the window has started a paint since the last reset.

    Qt paints a window's widgets in one pass, when the window gets an UpdateRequest: the
    pass that follows an action paints everything the action changed, and returns once all
    of it is painted. Watching the window's own events keeps the clock's cost out of the
    figure: a Python filter on the whole application (as before 2026-12-01) saw every event
    of every widget, thousands for a page built, and added 15-35 ms to a page's first show
    that the app, which has no such filter, never pays."""

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.window = window
        window.installEventFilter(self)
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest:
            self.painted = True
        return False


class TimedWindow:
    """The app's main window on a record, shown and painted once, ready to time."""

    def __init__(self, record_path: Path) -> None:
        self.app = QApplication([])
        self.record = JourneyRecord.open(record_path, load_guide())
        self.window = MainWindow(self.record)
        self.watcher = PaintWatcher(self.window)
        self.window.show()
        self.wait_for_paint()

    def wait_for_paint(self) -> None:
        while not self.watcher.painted:
            self.app.processEvents()

    def milliseconds_until_painted(self, action: Callable[[], object]) -> float:
        """From calling `action` until the window has painted what it changed."""
        return self.milliseconds_until_painted_and(action)[0]

    def milliseconds_until_painted_and(
        self, action: Callable[[], object], done: Callable[[], bool] = lambda: True
    ) -> tuple[float, float, float]:
        """From calling `action` until the window has painted what it changed, the CPU
        time this process spent on that (what it costs when other programs share the CPU),
        and until `done()` holds after that (work left for after the paint, e.g. a chart)."""
        self.watcher.painted = False
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        self.wait_for_paint()
        painted = (time.perf_counter() - start) * 1000
        cpu = (time.process_time() - start_cpu) * 1000
        while not done():
            self.app.processEvents()
        return painted, cpu, (time.perf_counter() - start) * 1000

    def settle(self, seconds: float = 0.3) -> None:
        """Handle events for a while, as the window does between a user's clicks: work a
        page leaves for after its first paint (drawing a chart) is not charged to the next."""
        until = time.perf_counter() + seconds
        while time.perf_counter() < until:
            self.app.processEvents()
            time.sleep(0.005)

    def close(self) -> None:
        """Leave without closing the window: closing is not measured, and may ask questions."""
        self.window.removeEventFilter(self.watcher)
        self.record.close()
