"""Guards against a Qt binding that breaks long sessions (PySide6 6.12.0 did)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_calls_that_return_nothing_keep_none_alive(qtbot: QtBot) -> None:
    """6.12.0 dropped one reference to None per such call; Python then aborts mid-session."""
    item, label = QStandardItem("row"), QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(500):
        item.setEditable(False)
        label.setText("text")
    assert sys.getrefcount(None) >= before - 50  # a little churn, never a steady loss
