"""Issue 11 item 3 (first run): the welcome, empty lists that explain themselves, blank forms."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)
from pytestqt.qtbot import QtBot

from netjourney.core.record import JourneyRecord
from netjourney.demo.small import fill_demo
from netjourney.gui.main_window import MainWindow
from netjourney.gui.record_page import RecordPage
from netjourney.gui.welcome import WelcomePage


@pytest.fixture
def first_window(qtbot: QtBot, record: JourneyRecord) -> Iterator[MainWindow]:
    main = MainWindow(record)
    qtbot.addWidget(main)
    main.resize(1024, 768)
    main.show()
    main.activateWindow()
    assert QTest.qWaitForWindowActive(main)
    yield main
    main.flush_all()


def _welcome(window: MainWindow) -> WelcomePage:
    page = window.stack.currentWidget()
    assert isinstance(page, WelcomePage), type(page).__name__
    return page


def _click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_an_empty_record_opens_on_the_welcome(first_window: MainWindow) -> None:
    page = _welcome(first_window)
    words = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "lung neuroendocrine tumor" in words and "Nothing is sent anywhere" in words
    assert [box.step.title for box in page.boxes] == [
        "My situation",
        "The people treating you",
        "Questions for the next visit",
    ]
    assert QApplication.focusWidget() is page.boxes[0].go


def test_each_step_can_be_skipped_then_home(qtbot: QtBot, first_window: MainWindow) -> None:
    page = _welcome(first_window)
    for box in page.boxes:
        _click(qtbot, box.skip)
        assert box.state.text() == "Skipped"
    assert QApplication.focusWidget() is page.done_button
    qtbot.keyClick(page.done_button, Qt.Key.Key_Space)
    assert first_window.stack.currentWidget() is first_window.pages["home"]


def test_the_steps_open_their_pages(
    qtbot: QtBot, first_window: MainWindow, record: JourneyRecord
) -> None:
    page = _welcome(first_window)
    _click(qtbot, page.boxes[0].go)
    assert first_window.stack.currentWidget() is first_window.pages["situation"]
    first_window.welcome.show()
    _click(qtbot, page.boxes[1].go)
    team = first_window.stack.currentWidget()
    assert team is first_window.pages["team"] and isinstance(team, RecordPage)
    assert record.counts()["care_team_members"] == 1
    assert team.editor.isVisible()
    first_window.welcome.show()
    _click(qtbot, page.boxes[2].go)
    assert first_window.stack.currentWidget() is first_window.pages["questions"]


def test_a_record_with_something_in_it_opens_on_home_and_help_offers_the_welcome(
    qtbot: QtBot, record: JourneyRecord
) -> None:
    fill_demo(record, datetime.now(UTC))
    window = MainWindow(record)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    assert window.stack.currentWidget() is window.pages["home"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_G)
    qtbot.waitUntil(lambda: isinstance(window.stack.currentWidget(), WelcomePage))
    # The page list still works from the welcome: a click on Home leaves it.
    home_rect = window.nav.visualItemRect(window.nav.item(0))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=home_rect.center())
    assert window.stack.currentWidget() is window.pages["home"]


@pytest.mark.parametrize(
    ("key", "says", "button", "count_key"),
    [
        ("team", "people treating you", "Add a person", "care_team_members"),
        ("questions", "choose some from the guide", "Add my own question", "questions"),
        ("appointments", "when, where and with whom", "Add an appointment", "appointments"),
        ("notes", "in your own words", "Write a note", "notes"),
    ],
)
def test_an_empty_list_says_what_it_is_for_and_offers_its_action(
    qtbot: QtBot,
    first_window: MainWindow,
    record: JourneyRecord,
    key: str,
    says: str,
    button: str,
    count_key: str,
) -> None:
    page = first_window.show_page(key)
    assert isinstance(page, RecordPage) and page.empty_hint is not None
    hint = page.empty_hint
    assert hint.panel.isVisible() and says in hint.label.text()
    assert hint.button.text() == button
    _click(qtbot, hint.button)
    assert record.counts()[count_key] == 1
    assert not hint.panel.isVisible()


def _visible_texts(widget: QWidget) -> list[str]:
    texts = []
    for child in widget.findChildren(QWidget):
        if not child.isVisible():
            continue
        if isinstance(child, QLineEdit | QLabel):
            texts.append(child.text())
        elif isinstance(child, QComboBox):
            texts.append(child.currentText())
        elif isinstance(child, QDateTimeEdit):
            texts.append(child.text())
    return texts


@pytest.mark.parametrize("key", ["team", "questions", "appointments", "notes"])
def test_with_nothing_chosen_the_form_shows_no_stale_values(
    first_window: MainWindow, key: str
) -> None:
    page = first_window.show_page(key)
    assert isinstance(page, RecordPage)
    assert not page.editor.isVisible()
    texts = " ".join(_visible_texts(page))
    assert "2000" not in texts and "Abidjan" not in texts
    assert re.search(f"Choose an? {page.kind} in the list", texts)


def test_a_new_appointment_is_in_the_computers_time_zone_named_in_words(
    qtbot: QtBot, first_window: MainWindow
) -> None:
    from PySide6.QtCore import QTimeZone

    page = first_window.show_page("appointments")
    assert isinstance(page, RecordPage)
    _click(qtbot, page.add_button)
    system = QTimeZone.systemTimeZoneId().data().decode()
    texts = _visible_texts(page)
    assert system in texts
    words = QTimeZone(system.encode()).displayName(
        QTimeZone.TimeType.GenericTime, QTimeZone.NameType.LongName
    )
    assert any("the computer's time zone" in t and words.split()[0] in t for t in texts)
