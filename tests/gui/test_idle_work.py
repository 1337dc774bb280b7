"""Idle work waits while the user opens pages and records, then runs once."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from netjourney.gui.idle_work import IdleWork, user_moved


def test_idle_work_is_put_off_while_the_user_moves_then_runs_once(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    runs: list[None] = []
    IdleWork(owner, 300, lambda: runs.append(None))
    for _ in range(4):  # 800 ms of moving about, never 300 ms quiet
        qtbot.wait(200)
        user_moved()
    assert runs == []
    qtbot.waitUntil(lambda: runs == [None], timeout=2000)
    user_moved()
    qtbot.wait(400)
    assert runs == [None]


def test_idle_work_of_a_closed_window_is_forgotten(qtbot: QtBot) -> None:
    owner = QWidget()
    IdleWork(owner, 10_000, lambda: None)
    owner.deleteLater()
    qtbot.wait(50)  # the event loop deletes it
    user_moved()  # no error from the deleted one
