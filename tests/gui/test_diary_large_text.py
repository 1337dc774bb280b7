"""The diary at 200% text in a 1024-pixel window: the day's form is never cut at its right
edge (its count boxes ran out of sight), whatever is shown; it scrolls down instead."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import MainWindow
from netjourney.gui.pages.diary import DiaryPage

CTRL = Qt.KeyboardModifier.ControlModifier


def test_at_200_percent_the_days_form_fits_its_width(qtbot: QtBot, record: JourneyRecord) -> None:
    window = MainWindow(record)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    qtbot.keyClick(window, Qt.Key.Key_0, CTRL)
    for _step in range(10):  # View > Larger text, ten times: 200%
        qtbot.keyClick(window, Qt.Key.Key_Plus, CTRL)
    qtbot.keyClick(window, Qt.Key.Key_9, CTRL)
    diary = window.stack.currentWidget()
    assert isinstance(diary, DiaryPage)
    qtbot.wait(50)  # the panes are arranged once the page is laid out

    pane = diary.form_pane
    shown = QRect(QPoint(0, 0), pane.viewport().size())
    boxes = [*diary.scores.values(), *diary.counts.values(), diary.day, diary.note]
    cut = [
        box.accessibleName()
        for box in boxes
        if not (
            shown.left() <= box.mapTo(pane.viewport(), QPoint(0, 0)).x()
            and box.mapTo(pane.viewport(), QPoint(box.width(), 0)).x() <= shown.right() + 1
        )
    ]
    assert cut == []
    assert pane.horizontalScrollBar().maximum() == 0
    window.flush_all()
