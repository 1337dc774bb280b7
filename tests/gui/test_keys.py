"""The window driven by the keyboard and mouse alone: shortcuts and menus reach every page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMenu, QPlainTextEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from netjourney.core import repository
from netjourney.core.models import CareRole, CareTeamMember, Note, Question
from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import PAGES, MainWindow
from netjourney.gui.page_spec import page_shortcut
from netjourney.gui.record_page import RecordPage
from tests.gui.menu_input import open_backups_from_the_file_menu


def _active(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitActive(window)


def _open_with_ctrl(window: MainWindow, qtbot: QtBot, key: str) -> QWidget:
    """Open a page by its Ctrl+number, as a user would."""
    _active(window, qtbot)
    number = [k for k, _title in PAGES].index(key) + 1
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
    return window.pages[key]


def _notes_with_first_row_clicked(window: MainWindow, qtbot: QtBot) -> RecordPage:
    page = _open_with_ctrl(window, qtbot, "notes")
    assert isinstance(page, RecordPage)
    page.refresh()
    rect = page.table.visualRect(page.table.model().index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return page


def _typed_into_new_field(qtbot: QtBot, text: str) -> QPlainTextEdit:
    field = QApplication.focusWidget()
    assert isinstance(field, QPlainTextEdit)
    assert field.toPlainText() == "" and field.placeholderText()
    qtbot.keyClicks(field, text)
    return field


def test_ctrl_1_to_9_and_the_letter_keys_open_each_page(window: MainWindow, qtbot: QtBot) -> None:
    _active(window, qtbot)
    for key, title in reversed(PAGES):
        QTest.keySequence(window, QKeySequence(page_shortcut(key)))
        assert window.stack.currentWidget() is window.pages[key]
        assert window.nav.currentItem().text() == title


def _go_menu(window: MainWindow) -> QMenu:
    action = next(a for a in window.menuBar().actions() if a.text() == "&Go")
    menu = action.menu()
    assert isinstance(menu, QMenu)
    return menu


def test_every_go_menu_item_opens_its_page_from_the_keyboard(
    window: MainWindow, qtbot: QtBot
) -> None:
    _active(window, qtbot)
    menu = _go_menu(window)
    for row, (key, _title) in reversed(list(enumerate(PAGES))):
        qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # Alt+G: Go
        qtbot.waitUntil(menu.isVisible)
        for _ in range(row):
            qtbot.keyClick(menu, Qt.Key.Key_Down)
        qtbot.keyClick(menu, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not menu.isVisible())
        assert window.stack.currentWidget() is window.pages[key]


def test_every_go_menu_item_opens_its_page_with_the_mouse(window: MainWindow, qtbot: QtBot) -> None:
    _active(window, qtbot)
    bar = window.menuBar()
    menu = _go_menu(window)
    go_rect = bar.actionGeometry(menu.menuAction())
    for key, title in reversed(PAGES):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=go_rect.center())
        qtbot.waitUntil(menu.isVisible)
        item = next(a for a in menu.actions() if a.text() == title)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(item).center())
        qtbot.waitUntil(lambda: not menu.isVisible())
        QApplication.processEvents()
        assert window.stack.currentWidget() is window.pages[key]


def test_tab_leaves_a_table_without_changing_the_selected_row(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    for title in ("First", "Second", "Third"):
        repository.add(record, Note(title=title))
    page = _notes_with_first_row_clicked(window, qtbot)
    table = page.table
    chosen = page.selected_id()
    assert QApplication.focusWidget() is table and chosen is not None
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table
    assert page.selected_id() == chosen


def test_my_own_question_starts_empty_and_keeps_exactly_what_was_typed(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    page = _open_with_ctrl(window, qtbot, "questions")
    assert isinstance(page, RecordPage)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    field = _typed_into_new_field(qtbot, "Can I travel after surgery?")
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # leaving the field; the pause saves it
    qtbot.waitUntil(
        lambda: (
            [q.text for q in repository.all_of(record, Question)] == ["Can I travel after surgery?"]
        )
    )
    assert page.list_model.index(0, 0).data() == "Can I travel after surgery?"


def test_a_question_about_a_guide_section_starts_empty_too(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    guide = _open_with_ctrl(window, qtbot, "guide")
    button = next(b for b in guide.findChildren(QPushButton) if "question" in b.text().lower())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    _typed_into_new_field(qtbot, "Is surgery right for me?")
    window.flush_all()
    [question] = repository.all_of(record, Question)
    assert question.text == "Is surgery right for me?"
    assert question.section_ids == [guide.current_id()]


def test_a_role_this_guide_lacks_is_shown_on_the_pages_without_an_error(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    with record.writing() as session:  # a role an older guide had: the record keeps it
        session.add(CareRole(id="radiation-oncologist-2030"))
    repository.add(record, CareTeamMember(name="Dr. Roe", role="radiation-oncologist-2030"))
    appointments = _open_with_ctrl(window, qtbot, "appointments")
    assert isinstance(appointments, RecordPage)
    qtbot.mouseClick(appointments.add_button, Qt.MouseButton.LeftButton)
    member = next(f.widget for f in appointments.editor._fields if f.name == "member_id")
    assert isinstance(member, QComboBox)
    offered = [member.itemText(i) for i in range(member.count())]
    assert "Dr. Roe (radiation-oncologist-2030)" in offered
    team = _open_with_ctrl(window, qtbot, "team")
    assert isinstance(team, RecordPage)
    team.show_record(repository.all_of(record, CareTeamMember)[0].id)
    role = next(f.widget for f in team.editor._fields if f.name == "role")
    assert isinstance(role, QComboBox)
    assert role.currentText() == "radiation-oncologist-2030"


def test_tab_leaves_the_backups_table_for_its_buttons(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    from netjourney.core import backups

    backups.back_up_now(record.path)
    backups.back_up_now(record.path)
    dialog = open_backups_from_the_file_menu(window, qtbot)
    table = dialog.table
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.focusWidget() is table  # the dialog's focus (offscreen, it is not active)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is not table
    assert dialog.selected() is dialog.backups[0]
    dialog.close()


def test_delete_in_a_tick_box_of_the_form_removes_no_record(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    repository.add(record, Note(title="Keep"))
    page = _notes_with_first_row_clicked(window, qtbot)
    table = page.table
    private = next(f.widget for f in page.editor._fields if f.name == "private")
    private.setFocus()
    qtbot.keyClick(private, Qt.Key.Key_Delete)
    assert [n.title for n in repository.all_of(record, Note)] == ["Keep"]
    for _ in range(30):  # Shift+Tab back to the list, as a user would
        if QApplication.focusWidget() is table:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is table
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert repository.all_of(record, Note) == []
