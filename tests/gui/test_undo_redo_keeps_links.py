"""A step that made a record, undone then redone, brings back that very record: its id,
its guide links, what belonged to it. Undone, its words are erased like any deleted
record's. Keys and clicks on the shown window only."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from netjourney.core.journey.models import DiaryEntry
from netjourney.core.models import Appointment, Question
from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import MainWindow
from netjourney.gui.pages.diary import DiaryPage
from tests.reliability.conftest import raw_bytes
from tests.reliability.test_privacy import MARKER

CTRL = Qt.KeyboardModifier.ControlModifier


def _diary_days(record: JourneyRecord) -> list[tuple[int, list[str]]]:
    with record.reading() as session:
        return [(e.id, e.section_ids) for e in session.scalars(select(DiaryEntry))]


def _todays_diary(window: MainWindow, qtbot: QtBot) -> DiaryPage:
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_9, CTRL)  # Symptom diary, today's empty day
    diary = window.stack.currentWidget()
    assert isinstance(diary, DiaryPage) and diary.chosen_day() == date.today()
    return diary


def _rate(qtbot: QtBot, box: QSpinBox, rating: str) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    qtbot.keyClick(box, Qt.Key.Key_A, CTRL)  # over "not rated"
    qtbot.keyClicks(box, rating)
    qtbot.keyClick(box, Qt.Key.Key_Tab)


def _steps(window: MainWindow, qtbot: QtBot, key: Qt.Key, count: int) -> None:
    for _step in range(count):
        qtbot.keyClick(window, key, CTRL)


def test_a_new_diary_day_undone_and_redone_keeps_its_id_and_links(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    diary = _todays_diary(window, qtbot)
    _rate(qtbot, diary.scores["flushing"], "5")
    qtbot.waitUntil(diary.tags.isEnabled)  # first saved: it can be linked at once
    qtbot.mouseClick(diary.tags.link_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    qtbot.keyClicks(QApplication.focusWidget(), "help getting")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the picker closed
    [(day_id, links)] = _diary_days(record)
    assert links == ["getting-through"]

    _steps(window, qtbot, Qt.Key.Key_Z, 2)  # the link, then the day's first save
    assert _diary_days(record) == []
    _steps(window, qtbot, Qt.Key.Key_Y, 2)

    assert _diary_days(record) == [(day_id, ["getting-through"])]
    assert [tag.section_id for tag in diary.tags.tags()] == ["getting-through"]
    assert diary.scores["flushing"].value() == 5


def test_an_undone_first_save_of_a_day_leaves_no_words_behind(
    window: MainWindow, record: JourneyRecord, record_path: Path, qtbot: QtBot
) -> None:
    diary = _todays_diary(window, qtbot)
    qtbot.mouseClick(diary.note, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(diary.note, f"Felt {MARKER} all day")
    qtbot.waitUntil(lambda: len(_diary_days(record)) == 1)  # saved after a pause
    assert MARKER.encode() in raw_bytes(record_path)

    qtbot.keyClick(diary.note, Qt.Key.Key_Tab)  # Ctrl+Z now undoes the save, not the typing
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)

    assert _diary_days(record) == []
    assert MARKER.encode() not in raw_bytes(record_path)  # erased, as every delete is


def test_a_diary_question_undone_and_redone_is_the_same_question_planned_again(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    soon = datetime.now(UTC) + timedelta(days=3)
    visit = Appointment(starts_at=soon, time_zone="Europe/London", purpose="Visit")
    with record.writing() as session:
        session.add(visit)
    diary = _todays_diary(window, qtbot)
    _rate(qtbot, diary.scores["pain"], "4")
    qtbot.mouseClick(diary.ask_button, Qt.MouseButton.LeftButton)
    [(asked, planned)] = _questions(record)
    assert planned == [visit.id]

    _steps(window, qtbot, Qt.Key.Key_Z, 1)
    assert _questions(record) == []
    _steps(window, qtbot, Qt.Key.Key_Y, 1)

    assert _questions(record) == [(asked, [visit.id])]


def _questions(record: JourneyRecord) -> list[tuple[int, list[int]]]:
    """Each question's id and the visits it is planned for."""
    with record.reading() as session:
        visits = list(session.scalars(select(Appointment)))
        return [
            (q.id, [v.id for v in visits if q in v.planned_questions])
            for q in session.scalars(select(Question))
        ]
