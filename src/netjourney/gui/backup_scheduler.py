"""Automatic backups while the app runs: at start, every few minutes, and at close.

`backups.backup_if_due` decides whether one is due (at most one per 30 minutes);
the copy and its check run off the GUI thread so the window never stalls.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from netjourney.core import backups
from netjourney.core.errors import RecordError

CHECK_EVERY_MS = 5 * 60 * 1000
FIRST_CHECK_AFTER_MS = 20 * 1000  # not during start-up: the user is waiting for the window


class BackupScheduler(QObject):
    problem = Signal(str)  # a message for the status bar

    def __init__(self, record_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.record_path = record_path
        self._timer = QTimer(self, interval=CHECK_EVERY_MS)
        self._timer.timeout.connect(self.back_up_in_background)
        QTimer.singleShot(FIRST_CHECK_AFTER_MS, self, self.back_up_in_background)
        self._timer.start()

    def back_up_in_background(self) -> None:
        QThreadPool.globalInstance().start(self.back_up_if_due)

    def back_up_if_due(self) -> None:
        try:
            backups.backup_if_due(self.record_path)
        except RecordError as error:
            self.problem.emit(f"Automatic backup failed: {error}")

    def stop(self) -> None:
        self._timer.stop()
        QThreadPool.globalInstance().waitForDone()
