"""Every change the window makes goes one way: it can be undone, and when the record
refuses it the window says so in its message bar and keeps what the user typed.

The record is made to refuse for real: another program holds its write lock.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
)
from pytestqt.qtbot import QtBot

from netjourney.core import backups, database, repository
from netjourney.core.appointments import plan_questions
from netjourney.core.models import Appointment, Note, Question, QuestionStatus
from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import MainWindow
from netjourney.gui.pages.appointments import AppointmentEditor, PlannedQuestions
from netjourney.gui.record_page import RecordPage
from tests.gui.menu_input import open_backups_from_the_file_menu

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def lock(record: JourneyRecord, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Another program's write lock on the record, and a short wait before giving up."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    record.engine.dispose()  # connections made from now on wait 50 ms, not 5 s

    @contextmanager
    def held() -> Iterator[None]:
        other = sqlite3.connect(record.path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()

    return held


def _notes_page(window: MainWindow, qtbot: QtBot) -> RecordPage:
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_7, CTRL)
    page = window.pages["notes"]
    assert isinstance(page, RecordPage)
    return page


def _click_row(qtbot: QtBot, table: QTableView, title: str) -> None:
    model = table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == title)
    rect = table.visualRect(model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _first_visit_planned(window: MainWindow, qtbot: QtBot) -> PlannedQuestions:
    """Appointments (Ctrl+6), the first visit clicked: its planned questions."""
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_6, CTRL)
    page = window.pages["appointments"]
    assert isinstance(page, RecordPage) and isinstance(page.editor, AppointmentEditor)
    _click_row(qtbot, page.table, page.list_model.index(0, 0).data())
    return page.editor.planned


def _title_field(page: RecordPage) -> QLineEdit:
    field = next(f.widget for f in page.editor._fields if f.name == "title")
    assert isinstance(field, QLineEdit)
    return field


def _bar_text(window: MainWindow) -> str:
    assert window.messages.isVisible()
    assert window.messages.accessibleDescription() == window.messages.text.text()
    return window.messages.text.text()


def test_a_refused_save_keeps_the_text_and_the_record_when_another_is_chosen(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot, lock: object
) -> None:
    repository.add(record, Note(title="First"))
    repository.add(record, Note(title="Second"))
    page = _notes_page(window, qtbot)
    page.refresh()
    _click_row(qtbot, page.table, "First")
    first_id = page.editor.record_id
    title = _title_field(page)
    with lock():  # type: ignore[operator]
        title.selectAll()
        qtbot.keyClicks(title, "Typed while busy")
        qtbot.keyClick(title, Qt.Key.Key_Return)
        assert "busy" in _bar_text(window) and "still in the form" in _bar_text(window)
        _click_row(qtbot, page.table, "Second")
        assert page.editor.record_id == first_id  # the edit was not dropped for the other
        assert title.text() == "Typed while busy"
        assert page.selected_id() == first_id
        assert "busy" in _bar_text(window)
        assert repository.get(record, Note, first_id).title == "First"
    _click_row(qtbot, page.table, "Second")  # the lock is gone: saved, then moved on
    assert repository.get(record, Note, first_id).title == "Typed while busy"
    assert title.text() == "Second"


def test_a_refused_delete_changes_nothing_and_leaves_no_undo_step(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot, lock: object
) -> None:
    repository.add(record, Note(title="Keep me"))
    page = _notes_page(window, qtbot)
    page.refresh()
    _click_row(qtbot, page.table, "Keep me")
    steps = window.undo_stack.count()
    with lock():  # type: ignore[operator]
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
        assert "Could not delete" in _bar_text(window) and "busy" in _bar_text(window)
    assert window.undo_stack.count() == steps
    assert [n.title for n in repository.all_of(record, Note)] == ["Keep me"]
    assert page.list_model.rowCount() == 1


def test_delete_shows_undo_in_the_bar_and_undo_brings_the_record_back(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    repository.add(record, Note(title="About fatigue"), ["recurrent"])
    page = _notes_page(window, qtbot)
    page.refresh()
    _click_row(qtbot, page.table, "About fatigue")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert repository.all_of(record, Note) == []
    assert _bar_text(window) == "Deleted the note “About fatigue”."
    assert window.messages.undo_button.isVisible()
    qtbot.mouseClick(window.messages.undo_button, Qt.MouseButton.LeftButton)
    [back] = repository.all_of(record, Note)
    assert (back.title, back.section_ids) == ("About fatigue", ["recurrent"])
    assert page.list_model.index(0, 0).data() == "About fatigue"
    assert _bar_text(window) == "Undone: delete the note “About fatigue”."


def test_adds_and_edits_are_undone_and_redone_with_the_keyboard(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    page = _notes_page(window, qtbot)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    title = _title_field(page)
    assert QApplication.focusWidget() is title
    qtbot.keyClicks(title, "Scan results")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    [note] = repository.all_of(record, Note)
    assert note.title == "Scan results"
    page.table.setFocus()  # Ctrl+Z in a text field undoes its typing; here, the record's
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)
    assert repository.get(record, Note, note.id).title == "New note"
    assert title.text() == "New note"
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert repository.get(record, Note, note.id).title == "Scan results"
    assert title.text() == "Scan results"
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)
    assert repository.all_of(record, Note) == []  # the add is undone too
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert [n.title for n in repository.all_of(record, Note)] == ["New note"]
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert any(a.text() == "&Redo edit the note" for a in edit_menu.actions())


def test_an_answer_refused_at_a_visit_stays_in_the_table_and_is_saved_later(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot, lock: object
) -> None:
    visit = repository.add(
        record,
        Appointment(
            starts_at=datetime.now(UTC) + timedelta(days=2), time_zone="UTC", purpose="Review"
        ),
    )
    question = repository.add(record, Question(text="Is it growing?"))
    plan_questions(record, visit.id, [question.id])
    table = _first_visit_planned(window, qtbot).table
    cell = table.model().index(0, 2)

    def answer(text: str) -> None:
        table.setFocus()
        table.setCurrentIndex(cell)
        qtbot.keyClick(table, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit)
        editor.selectAll()
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # the table commits it a moment later
        qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)

    with lock():  # type: ignore[operator]
        answer("No, it is stable.")
        assert "Could not answer a question" in _bar_text(window)
        assert cell.data() == "No, it is stable."  # the words stay where they were typed
        assert repository.get(record, Question, question.id).answer == ""
    answer("No, it is stable.")
    stored = repository.get(record, Question, question.id)
    assert (stored.answer, stored.status) == ("No, it is stable.", QuestionStatus.ANSWERED)
    assert cell.data() == "No, it is stable."


def _restore_through_the_menus(window: MainWindow, qtbot: QtBot, backup: Path) -> None:
    dialog = open_backups_from_the_file_menu(window, qtbot)
    row = next(i for i, b in enumerate(dialog.backups) if b.path == backup)
    rect = dialog.table.visualRect(dialog.table.model().index(row, 0))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox) is not None)
    question = dialog.findChild(QMessageBox)
    confirm = next(b for b in question.findChildren(QPushButton) if b.text() == "Restore")
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    dialog.close()


def test_a_failed_restore_says_so_and_the_record_is_as_it_was(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    repository.add(record, Note(title="Today's note"))
    backup = backups.back_up_now(record.path)
    backup.path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)  # damaged since
    _restore_through_the_menus(window, qtbot, backup.path)
    text = _bar_text(window)
    assert "Could not restore the backup" in text and "damaged" in text
    assert "Restored" not in text
    assert [n.title for n in repository.all_of(window.record, Note)] == ["Today's note"]
    assert window.undo_stack.count() == 0


def test_a_restore_is_undone_with_ctrl_z(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    repository.add(record, Note(title="Before the backup"))
    backup = backups.back_up_now(record.path)
    repository.add(record, Note(title="After the backup"))
    _restore_through_the_menus(window, qtbot, backup.path)
    assert _bar_text(window) == f"Restored the backup {backup.path.name}."
    assert [n.title for n in repository.all_of(window.record, Note)] == ["Before the backup"]
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    titles = sorted(n.title for n in repository.all_of(window.record, Note))
    assert titles == ["After the backup", "Before the backup"]
    notes = _notes_page(window, qtbot)
    assert notes.list_model.rowCount() == 2


def test_undo_from_another_page_shows_the_page_it_changed(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    repository.add(record, Note(title="Blood tests"))
    page = _notes_page(window, qtbot)
    page.refresh()
    _click_row(qtbot, page.table, "Blood tests")
    title = _title_field(page)
    title.selectAll()
    qtbot.keyClicks(title, "Blood tests in May")
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)  # Home; leaving the page saves the title
    assert window.stack.currentWidget() is window.pages["home"]
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert window.stack.currentWidget() is page
    assert title.text() == "Blood tests"
    assert [n.title for n in repository.all_of(record, Note)] == ["Blood tests"]
    assert _bar_text(window) == "Undone: edit the note."


def test_a_question_chosen_from_the_guide_is_undone_with_its_tick(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    page = window.pages["questions"]
    library = page.library  # type: ignore[attr-defined]
    first = record.guide.question_groups[0].questions[0]
    item = library.items[first.id]
    rect = library.visualRect(item.index())
    qtbot.mouseClick(library.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(library, Qt.Key.Key_Return)
    assert [q.library_id for q in repository.all_of(record, Question)] == [first.id]
    assert item.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert _bar_text(window) == "Added to your questions."
    qtbot.keyClick(library, Qt.Key.Key_Z, CTRL)
    assert repository.all_of(record, Question) == []
    assert item.data(Qt.ItemDataRole.CheckStateRole) != Qt.CheckState.Checked
    assert _bar_text(window) == "Undone: add a question from the guide."


def test_carrying_questions_to_the_next_visit_is_undone_with_ctrl_z(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    soon = datetime.now(UTC) + timedelta(days=3)
    first = repository.add(record, Appointment(starts_at=soon, time_zone="UTC", purpose="Scan"))
    later = repository.add(
        record, Appointment(starts_at=soon + timedelta(days=30), time_zone="UTC", purpose="Next")
    )
    waiting = repository.add(record, Question(text="When is the next scan?"))
    plan_questions(record, first.id, [waiting.id])
    planned = _first_visit_planned(window, qtbot)
    qtbot.mouseClick(planned.carry, Qt.MouseButton.LeftButton)
    assert [q.id for q in repository.get(record, Appointment, later.id).planned_questions] == [
        waiting.id
    ]
    planned.table.setFocus()
    qtbot.keyClick(planned.table, Qt.Key.Key_Z, CTRL)
    assert repository.get(record, Appointment, later.id).planned_questions == []
    assert _bar_text(window) == "Undone: carry open questions to the next visit."


def test_no_restore_while_an_edit_is_unsaved_so_the_text_is_not_lost(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot, lock: object
) -> None:
    repository.add(record, Note(title="Draft"))
    backup = backups.back_up_now(record.path)
    page = _notes_page(window, qtbot)
    page.refresh()
    _click_row(qtbot, page.table, "Draft")
    title = _title_field(page)
    with lock():  # type: ignore[operator]
        title.selectAll()
        qtbot.keyClicks(title, "Words not saved yet")
        _restore_through_the_menus(window, qtbot, backup.path)
        assert "was not restored: an edit is not saved yet" in _bar_text(window)
    assert window.pages["notes"] is page and title.text() == "Words not saved yet"
    assert window.undo_stack.count() == 0


def test_an_empty_new_question_deleted_is_named_as_such(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    page = window.pages["questions"]
    assert isinstance(page, RecordPage)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert repository.all_of(record, Question) == []
    assert _bar_text(window) == "Deleted the empty question."
