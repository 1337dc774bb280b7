"""The anchor for start-up: a bare PySide6 window with a table view, gone after its first paint.

It pays what any PySide6 table app pays (the interpreter, Qt, a QApplication, one window
painted once) and nothing of NET Journey; bench/run.py compares the app's start with it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


class QuitAfterPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    table = QTableView()
    table.setModel(QStandardItemModel(0, 4, table))
    window.setCentralWidget(table)
    window.resize(1200, 800)
    window.installEventFilter(QuitAfterPaint(window))
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
