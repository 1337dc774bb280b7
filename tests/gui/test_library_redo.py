"""Redo of choosing a question from the guide brings back the very record undo took away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from netjourney.core import repository
from netjourney.core.models import Question
from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def test_redo_of_a_question_from_the_guide_is_the_same_record(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    own = repository.add(record, Question(text="Can my daughter come along?"))
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    library = window.pages["questions"].library  # type: ignore[attr-defined]
    first = record.guide.question_groups[0].questions[0]
    item = library.items[first.id]
    qtbot.mouseClick(
        library.viewport(), Qt.MouseButton.LeftButton, pos=library.visualRect(item.index()).center()
    )
    qtbot.keyClick(library, Qt.Key.Key_Return)
    (chosen,) = [q for q in repository.all_of(record, Question) if q.library_id == first.id]

    qtbot.keyClick(library, Qt.Key.Key_Z, CTRL)
    assert [q.id for q in repository.all_of(record, Question)] == [own.id]
    qtbot.keyClick(library, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)

    (back,) = [q for q in repository.all_of(record, Question) if q.library_id == first.id]
    assert (back.id, back.created_at, back.section_ids) == (
        chosen.id,
        chosen.created_at,
        chosen.section_ids,
    )
    assert item.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
