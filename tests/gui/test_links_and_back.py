"""A record's guide sections as tags, the "Link to…" picker, and Back and Forward, driven
only by keys and mouse clicks on the shown window."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from netjourney.core import repository
from netjourney.core.journey.models import DiaryEntry
from netjourney.core.journey.records import SymptomScore, save_diary_day
from netjourney.core.models import Note
from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import MainWindow
from netjourney.gui.pages.diary import DiaryPage
from netjourney.gui.pages.guide import GuidePage
from netjourney.gui.record_page import RecordPage
from netjourney.gui.section_tags import SectionPicker, SectionTag, SectionTags, wrapped
from tests.gui.menu_input import notes_by_ctrl_7

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _click_row_of(page: RecordPage, record_id: int, qtbot: QtBot) -> None:
    row = page.list_model.row_of(record_id)
    assert row is not None
    rect = page.table.visualRect(page.list_model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.editor.record_id == record_id


def _tags(page: RecordPage) -> SectionTags:
    tags = page.editor.findChild(SectionTags)
    assert isinstance(tags, SectionTags)
    return tags


def _shown_tag_ids(page: RecordPage) -> list[str]:
    return [tag.section_id for tag in _tags(page).tags() if tag.isVisible()]


def _guide(window: MainWindow) -> GuidePage:
    page = window.stack.currentWidget()
    assert isinstance(page, GuidePage), "the Guide page is shown"
    return page


def _two_notes(record: JourneyRecord) -> tuple[int, int]:
    first = repository.add(record, Note(title="Second opinion?"), ["second-opinion"]).id
    other = repository.add(record, Note(title="Shopping list")).id
    return first, other


def _note_shown(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot, linked: bool
) -> tuple[RecordPage, int]:
    """Notes open, the note linked to "second-opinion" (or the one linked to nothing) chosen."""
    with_link, without = _two_notes(record)
    notes = notes_by_ctrl_7(window, qtbot)
    chosen = with_link if linked else without
    _click_row_of(notes, chosen, qtbot)
    return notes, chosen


def test_a_tag_opens_its_section_and_back_and_forward_walk_there_and_back(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    linked, other = _two_notes(record)
    notes = notes_by_ctrl_7(window, qtbot)
    _click_row_of(notes, other, qtbot)
    _click_row_of(notes, linked, qtbot)
    assert _shown_tag_ids(notes) == ["second-opinion"]
    [tag] = _tags(notes).tags()
    assert tag.link.text() == "About: Getting a second opinion\u00a0›"

    qtbot.mouseClick(tag.link, Qt.MouseButton.LeftButton)
    assert _guide(window).current_id() == "second-opinion"

    qtbot.keyClick(window, Qt.Key.Key_Left, ALT)
    assert window.stack.currentWidget() is notes
    assert notes.selected_id() == linked and notes.editor.record_id == linked

    qtbot.keyClick(window, Qt.Key.Key_Right, ALT)
    assert _guide(window).current_id() == "second-opinion"


def _press_over(window: MainWindow, widget: QWidget, button: Qt.MouseButton) -> None:
    """Click as the system's mouse does: through the window, which hands the press to the
    widget under the pointer (QTest's widget form hands it to the widget directly)."""
    handle = window.windowHandle()
    assert handle is not None
    QTest.mouseClick(handle, button, pos=widget.mapTo(window, widget.rect().center()))


def test_the_mouse_back_and_forward_buttons_and_the_toolbar_go_too(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    notes, linked, guide = _tag_followed(window, record, qtbot)

    _press_over(window, guide.text.viewport(), Qt.MouseButton.BackButton)
    assert window.stack.currentWidget() is notes and notes.selected_id() == linked
    _press_over(window, notes.table.viewport(), Qt.MouseButton.ForwardButton)
    assert window.stack.currentWidget() is guide

    toolbar = window.navigation.toolbar
    back = toolbar.widgetForAction(window.navigation.back_action)
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is notes
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)  # before Notes: Home, the first page
    assert window.stack.currentWidget() is window.pages["home"]
    assert not back.isEnabled()


def test_a_record_listed_under_a_section_opens_on_its_page(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    notes, linked, guide = _tag_followed(window, record, qtbot)
    rect = guide.linked.visualRect(guide.linked_model.index(0, 0))
    qtbot.mouseClick(guide.linked.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(guide.linked, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is notes
    assert notes.selected_id() == linked


def _tag_followed(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> tuple[RecordPage, int, GuidePage]:
    """The linked note shown, then its tag clicked: the guide shows the section."""
    notes, linked = _note_shown(window, record, qtbot, linked=True)
    qtbot.mouseClick(_tags(notes).tags()[0].link, Qt.MouseButton.LeftButton)
    return notes, linked, _guide(window)


def _open_picker(page: RecordPage, qtbot: QtBot) -> SectionPicker:
    qtbot.mouseClick(_tags(page).link_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.editor.findChild(SectionPicker) is not None)
    picker = page.editor.findChild(SectionPicker)
    assert isinstance(picker, SectionPicker)
    qtbot.waitExposed(picker)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is picker.filter)  # typing goes there
    return picker


@pytest.mark.parametrize(
    ("typed", "key", "linked"),
    [
        ("trial", Qt.Key.Key_Return, ["clinical-trials"]),  # Enter links the one found
        ("stop", Qt.Key.Key_Escape, []),  # Escape closes, linking nothing
    ],
)
def test_link_to_filters_as_typed_then_enter_links_and_escape_does_not(
    window: MainWindow,
    record: JourneyRecord,
    qtbot: QtBot,
    typed: str,
    key: Qt.Key,
    linked: list[str],
) -> None:
    notes, other = _note_shown(window, record, qtbot, linked=False)
    picker = _open_picker(notes, qtbot)
    qtbot.keyClicks(picker.filter, typed)
    assert picker.proxy.rowCount() == 1  # one group left, holding what was typed
    qtbot.keyClick(picker.filter, key)
    qtbot.waitUntil(lambda: not picker.isVisible())
    assert _shown_tag_ids(notes) == linked
    assert repository.get(record, Note, other).section_ids == linked


def test_removing_a_tag_unlinks_it_and_ctrl_z_brings_it_back(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    notes, linked = _note_shown(window, record, qtbot, linked=True)
    qtbot.mouseClick(_tags(notes).tags()[0].remove, Qt.MouseButton.LeftButton)
    assert _shown_tag_ids(notes) == []
    assert repository.get(record, Note, linked).section_ids == []

    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: _shown_tag_ids(notes) == ["second-opinion"])
    assert repository.get(record, Note, linked).section_ids == ["second-opinion"]


def test_delete_on_a_focused_tag_removes_it(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    notes, linked = _note_shown(window, record, qtbot, linked=True)
    tag = _tags(notes).tags()[0]
    tag.link.setFocus()
    qtbot.keyClick(tag.link, Qt.Key.Key_Delete)
    assert repository.get(record, Note, linked).section_ids == []
    assert QApplication.focusWidget() is _tags(notes).link_button


def test_a_long_title_wraps_between_words_and_never_beyond_the_width() -> None:
    def advance(text: str) -> int:
        return len(text)  # one unit a character: easy to check

    shown = wrapped("About: Questions: what to expect during\u00a0treatment", 20, advance)
    assert shown.split("\n") == ["About: Questions:", "what to expect", "during\u00a0treatment"]
    assert wrapped("About: Clinical trials ›", 40, advance) == "About: Clinical trials ›"
    assert wrapped("Unbreakablewordlongerthanthewidth", 5, advance).count("\n") == 0


def test_a_diary_day_links_to_a_section_and_its_tag_leads_there_and_back(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    with record.writing() as session:
        entry_id = save_diary_day(session, date.today(), "Tired", [SymptomScore("fatigue", 6)]).id
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_9, CTRL)  # Symptom diary
    diary = window.stack.currentWidget()
    assert isinstance(diary, DiaryPage) and diary.tags.isEnabled()
    qtbot.mouseClick(diary.tags.link_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    qtbot.keyClicks(QApplication.focusWidget(), "help getting")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(diary.tags.tags()) == 1)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the picker closed
    assert repository.get(record, DiaryEntry, entry_id).section_ids == ["getting-through"]

    qtbot.mouseClick(diary.tags.tags()[0].link, Qt.MouseButton.LeftButton)
    assert _guide(window).current_id() == "getting-through"
    qtbot.keyClick(window, Qt.Key.Key_Left, ALT)
    assert window.stack.currentWidget() is diary and diary.current_item() == str(entry_id)


def test_the_tags_of_the_note_left_are_gone_from_view_at_once(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    """Until Qt deletes them (when the event loop next turns), old tags must not be drawn
    or laid out: opening notes one after another piled them up under the new ones."""
    notes, linked = _note_shown(window, record, qtbot, linked=True)
    other = next(n.id for n in repository.all_of(record, Note) if n.id != linked)
    notes.editor.load(other)  # as a click on its row does, without turning the event loop
    drawn = [tag for tag in _tags(notes).findChildren(SectionTag) if tag.isVisible()]
    assert drawn == []
