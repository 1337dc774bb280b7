"""Redo of choosing a question from the guide brings back the very record undo took away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem
from pytestqt.qtbot import QtBot

from netjourney.core import repository
from netjourney.core.models import Question
from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def _choose(window: MainWindow, qtbot: QtBot, library_id: str) -> QStandardItem:
    """Ctrl+5 to Questions, click the guide's question, Return adds it."""
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    library = window.pages["questions"].library  # type: ignore[attr-defined]
    item: QStandardItem = library.items[library_id]
    spot = library.visualRect(item.index()).center()
    qtbot.mouseClick(library.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.keyClick(library, Qt.Key.Key_Return)
    return item


def test_redo_of_a_question_from_the_guide_is_the_same_record(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    own = repository.add(record, Question(text="Can my daughter come along?"))
    first = record.guide.question_groups[0].questions[0]
    item = _choose(window, qtbot, first.id)
    (chosen,) = [q for q in repository.all_of(record, Question) if q.library_id == first.id]

    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert [q.id for q in repository.all_of(record, Question)] == [own.id]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Z, CTRL_SHIFT)

    (back,) = [q for q in repository.all_of(record, Question) if q.library_id == first.id]
    assert (back.id, back.created_at, back.section_ids) == (
        chosen.id,
        chosen.created_at,
        chosen.section_ids,
    )
    assert item.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_a_guide_question_the_record_held_unticked_is_ticked_and_unticked(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    first = record.guide.question_groups[0].questions[0]
    held = repository.add(record, Question(text=first.text, library_id=first.id, chosen=False))
    _choose(window, qtbot, first.id)
    assert [(q.id, q.chosen) for q in repository.all_of(record, Question)] == [(held.id, True)]

    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert [(q.id, q.chosen) for q in repository.all_of(record, Question)] == [(held.id, False)]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Z, CTRL_SHIFT)
    assert [(q.id, q.chosen) for q in repository.all_of(record, Question)] == [(held.id, True)]
