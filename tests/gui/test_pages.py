"""Each page worked as a user would: add, edit, link, find it, remove it, undo."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from netjourney.core import repository
from netjourney.core.models import Appointment, CareTeamMember, Note, Question, QuestionStatus
from netjourney.core.record import JourneyRecord
from netjourney.gui.editor import RecordEditor
from netjourney.gui.main_window import PAGES, MainWindow
from netjourney.gui.record_page import RecordPage
from netjourney.gui.section_tags import SectionPicker, SectionTags


def _field(editor: RecordEditor, accessible_name: str) -> object:
    return next(f.widget for f in editor._fields if f.widget.accessibleName() == accessible_name)


def _type_line(qtbot: QtBot, editor: RecordEditor, name: str, text: str) -> None:
    line = _field(editor, name)
    assert isinstance(line, QLineEdit)
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def _type_text(qtbot: QtBot, editor: RecordEditor, name: str, text: str) -> None:
    box = _field(editor, name)
    assert isinstance(box, QPlainTextEdit)
    box.selectAll()
    qtbot.keyClicks(box, text)


def _link_section(qtbot: QtBot, editor: RecordEditor, title: str) -> None:
    """Through "Link to…": its picker, the title typed, Enter."""
    tags = editor.findChild(SectionTags)
    assert isinstance(tags, SectionTags)
    qtbot.mouseClick(tags.link_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    picker = QApplication.focusWidget().window()
    assert isinstance(picker, SectionPicker)
    qtbot.keyClicks(picker.filter, title)
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not picker.isVisible())
    assert any(title in tag.link.text() for tag in tags.tags())


def _linked_titles(window: MainWindow, section_id: str) -> list[str]:
    guide_page = window.show_page("guide")
    guide_page.show_section(section_id)
    model = guide_page.linked_model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _search(window: MainWindow, qtbot: QtBot, words: str) -> list[str]:
    window.open_search()
    dialog = window.search_dialog
    dialog.query.clear()
    qtbot.keyClicks(dialog.query, words)
    dialog.run_search()
    return dialog.results_model.stringList()


def test_every_page_can_be_reached_and_the_title_names_the_file(
    window: MainWindow, record: JourneyRecord
) -> None:
    assert str(record.path) in window.windowTitle()
    for number, (key, title) in enumerate(PAGES):
        window.nav.setCurrentRow(number)
        assert window.stack.currentWidget() is window.pages[key]
        assert window.nav.currentItem().text() == title


def test_care_team_add_edit_link_find_remove_undo(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    page = window.show_page("team")
    assert isinstance(page, RecordPage)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    editor = page.editor
    _type_line(qtbot, editor, "Name", "Dr. Zoe Ivanova")
    _type_line(qtbot, editor, "Nights, weekends, holidays", "Call 555-0199 after 5 pm")
    role = _field(editor, "Role")
    role.setCurrentIndex(role.findData("medical-oncologist"))
    role.activated.emit(role.currentIndex())
    _link_section(qtbot, editor, record.guide.section("care-team").title)
    assert "medicines" in editor.who_to_ask.text().lower()
    [member] = repository.all_of(record, CareTeamMember)
    assert (member.name, member.role, member.after_hours) == (
        "Dr. Zoe Ivanova",
        "medical-oncologist",
        "Call 555-0199 after 5 pm",
    )
    assert member.section_ids == ["care-team"]
    assert page.list_model.index(0, 0).data() == "Dr. Zoe Ivanova"
    assert "Person: Dr. Zoe Ivanova" in _linked_titles(window, "care-team")
    assert any("Ivanova" in hit for hit in _search(window, qtbot, "ivanova"))

    window.show_page("team")
    page.table.selectRow(0)
    page.remove_selected()
    assert repository.all_of(record, CareTeamMember) == []
    assert page.list_model.rowCount() == 0
    window.undo_stack.undo()
    [back] = repository.all_of(record, CareTeamMember)
    assert back.name == "Dr. Zoe Ivanova" and back.section_ids == ["care-team"]
    assert page.list_model.index(0, 0).data() == "Dr. Zoe Ivanova"


def test_notes_are_saved_as_typed_and_closing_keeps_the_last_words(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    page = window.show_page("notes")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    _type_line(qtbot, page.editor, "Title", "Scan results <b> & more")
    _type_text(qtbot, page.editor, "Note", "Stable on the CT. Next scan in six months.")
    _field(page.editor, "Private").setChecked(True)
    _link_section(qtbot, page.editor, record.guide.section("recurrent").title)
    window.close()  # the typing delay has not run out: closing must still save
    [note] = repository.all_of(record, Note)
    assert note.title == "Scan results <b> & more"
    assert note.body == "Stable on the CT. Next scan in six months."
    assert note.private is True and note.section_ids == ["recurrent"]


def test_a_note_added_from_the_guide_is_linked_and_shown_there(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    window.add_about_section("notes", "second-opinion")
    page = window.pages["notes"]
    _type_line(qtbot, page.editor, "Title", "Ask about the NET center")
    assert window.stack.currentWidget() is page
    assert "Note: Ask about the NET center" in _linked_titles(window, "second-opinion")
    hits = _search(window, qtbot, "NET center")
    assert hits and hits[0].startswith("Note: Ask about the NET center")


def test_questions_from_the_library_own_questions_answers_and_filters(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    page = window.show_page("questions")
    library_id = record.guide.question_groups[0].questions[0].id
    page.choose_from_library(library_id)
    page.choose_from_library(library_id)  # twice is still once
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    _type_text(qtbot, page.editor, "Question", "Can I travel in March?")
    _type_text(qtbot, page.editor, "Answer", "Yes, two weeks after surgery.")
    page.editor.flush()
    chosen = {q.text: q for q in repository.all_of(record, Question)}
    assert len(chosen) == 2
    own = chosen["Can I travel in March?"]
    assert own.status == QuestionStatus.ANSWERED and own.answered_on is not None
    assert (
        page.library.items[library_id].data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    )

    page.status_filter.setCurrentIndex(page.status_filter.findData(QuestionStatus.TO_ASK))
    shown = [page.list_model.index(r, 0).data() for r in range(page.list_model.rowCount())]
    assert shown == [record.guide.library_question(library_id).text]
    page.status_filter.setCurrentIndex(0)
    page.group_filter.setCurrentIndex(page.group_filter.findData("own"))
    assert page.list_model.rowCount() == 1
    assert page.list_model.index(0, 0).data() == "Can I travel in March?"


def test_appointment_plan_answer_in_place_and_carry_over(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    soon = datetime.now(UTC) + timedelta(days=3)
    first = repository.add(
        record, Appointment(starts_at=soon, time_zone="Europe/Paris", purpose="Scan review")
    )
    second = repository.add(
        record,
        Appointment(
            starts_at=soon + timedelta(days=30), time_zone="Europe/Paris", purpose="Follow-up"
        ),
    )
    asked = repository.add(record, Question(text="Is it growing?"))
    waiting = repository.add(record, Question(text="When is the next scan?"))
    from netjourney.core.appointments import plan_questions

    plan_questions(record, first.id, [asked.id, waiting.id])
    page = window.show_page("appointments")
    page.show_record(first.id)
    planned = page.editor.planned
    assert planned.model.rowCount() == 2
    planned.model.setData(planned.model.index(0, 2), "No, it is stable.")
    assert repository.get(record, Question, asked.id).status == QuestionStatus.ANSWERED
    qtbot.mouseClick(planned.carry, Qt.MouseButton.LeftButton)
    carried = repository.get(record, Appointment, second.id).planned_questions
    assert [q.text for q in carried] == ["When is the next scan?"]
    assert "added to the visit" in planned.message.text()


def test_home_shows_the_next_visit_and_open_questions(
    window: MainWindow, record: JourneyRecord
) -> None:
    from netjourney.demo.small import fill_demo

    fill_demo(record, datetime.now(UTC))
    home = window.show_page("home")
    home.refresh()
    text = home.body.text()
    assert "Breathing tests before surgery" in text
    assert "8 questions still to ask" in text
    assert "Second opinion" in text


def test_text_size_grows_shrinks_and_is_remembered(window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication

    normal = QApplication.font().pointSizeF()
    window.change_text_size(2)
    assert QApplication.font().pointSizeF() == pytest.approx(normal * 1.2)
    assert int(QSettings().value("text_size_steps")) == 2
    window.change_text_size(0)
    assert QApplication.font().pointSizeF() == pytest.approx(normal)


def test_every_input_on_every_page_has_an_accessible_name(window: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox, QComboBox, QTextEdit

    inputs = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)
    unnamed = []
    for key, _title in PAGES:
        page = window.show_page(key)
        for widget in page.findChildren(QWidget):  # parts of a named control are skipped
            if (
                isinstance(widget, inputs)
                and widget.isVisibleTo(page)
                and not widget.accessibleName()
                and not (
                    isinstance(widget.parent(), QComboBox | QAbstractSpinBox | QAbstractItemView)
                )
            ):
                unnamed.append(f"{key}: {type(widget).__name__}")
    assert unnamed == []


def test_a_search_result_opens_the_record(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    from netjourney.demo.small import fill_demo

    fill_demo(record, datetime.now(UTC))
    hits = _search(window, qtbot, "biopsy showed")
    assert hits[0].startswith("Note: What the biopsy showed")
    dialog = window.search_dialog
    dialog.results.activated.emit(dialog.results_model.index(0, 0))
    notes = window.pages["notes"]
    assert window.stack.currentWidget() is notes
    assert str(notes.editor.record_id) == dialog.hits[0].key
    assert _field(notes.editor, "Title").text() == "What the biopsy showed"


def test_a_removed_note_leaves_no_trace_in_the_file(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    page = window.show_page("notes")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    _type_text(qtbot, page.editor, "Note", "zanzibarquokka is my secret word")
    page.editor.flush()
    page.remove_selected()
    record.engine.dispose()  # as at close: nothing may stay in memory-only pages
    for path in (record.path, record.path.with_name(record.path.name + "-wal")):
        if path.exists():
            assert b"zanzibarquokka" not in path.read_bytes()


def test_restoring_a_backup_from_the_window_brings_back_the_record(
    window: MainWindow, record: JourneyRecord
) -> None:
    from netjourney.core import backups

    repository.add(record, Note(title="Before the backup"))
    backup = backups.back_up_now(record.path)
    repository.add(record, Note(title="After the backup"))
    window.show_page("notes")
    window.restore_backup(backup.path)
    titles = [n.title for n in repository.all_of(window.record, Note)]
    assert titles == ["Before the backup"]
    notes = window.show_page("notes")
    assert notes.list_model.rowCount() == 1
    assert notes.list_model.index(0, 0).data() == "Before the backup"
    kept = [b.counts for b in backups.list_backups(window.record.path)]
    assert any(counts and counts["notes"] == 2 for counts in kept)  # the replaced record is kept


def test_a_question_the_guide_no_longer_has_is_shown_flagged(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    """Issue 17 item 4: one bad row (from another tool or an older import) never makes
    the Questions page unopenable."""
    repository.add(record, Question(text="From an older guide", library_id="gone-from-guide"))

    window.nav.setCurrentRow([key for key, _ in PAGES].index("questions"))
    page = window.pages["questions"]

    assert window.stack.currentWidget() is page
    rows = [
        [page.list_model.index(r, c).data() for c in range(page.list_model.columnCount())]
        for r in range(page.list_model.rowCount())
    ]
    assert any(
        "From an older guide" in row and "Not in this guide (gone-from-guide)" in row
        for row in rows
    ), rows
