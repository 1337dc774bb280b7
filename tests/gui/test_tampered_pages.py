"""Issue 17 in the window: every page opens on a record holding choices this version does
not know and numbers that are none, shows those rows flagged, and opens them in the editor."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from netjourney.cli import main
from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import MainWindow
from netjourney.gui.pages.diary import DiaryPage
from netjourney.gui.record_page import RecordPage
from tests.core.test_value_check import _write_raw
from tests.gui.menu_input import click_page
from tests.gui.test_bad_values import _shown_rows
from tests.reliability.test_tampered_values import TAMPERINGS

FLAGGED = (
    "magic (not a kind of treatment this version knows: netjourney check names it)",
    "xray (not a kind of scan this version knows",
    "[unreadable number 'lots': netjourney check names it]",
    ", ~ (not a sign this version knows: netjourney check names it)",
    "[unreadable date: netjourney check names it]",
)


@pytest.fixture
def tampered_window(qtbot: QtBot, record_path: Path, guide: Guide) -> MainWindow:
    assert main(["--db", str(record_path), "demo"]) == 0
    _write_raw(
        record_path, *[s for name, (s, _c) in TAMPERINGS.items() if name != "infinite value"]
    )
    window = MainWindow(JourneyRecord.open(record_path, guide))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_every_page_opens_and_shows_tampered_rows_flagged(
    qtbot: QtBot, tampered_window: MainWindow
) -> None:
    window, shown = tampered_window, []
    for row in range(window.nav.count()):
        rect = window.nav.visualItemRect(window.nav.item(row))
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        page = window.stack.currentWidget()
        qtbot.wait(50)  # charts are drawn after the page shows
        window.grab()
        if isinstance(page, RecordPage) and page.table.model().rowCount():
            shown += [cell for cells in _shown_rows(page) for cell in cells]
            first = page.table.visualRect(page.table.model().index(0, 0))
            qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
            assert page.editor.record_id is not None
            window.grab()
    for flagged in FLAGGED:
        assert any(flagged in cell for cell in shown), flagged
    window.record.close()


def test_the_editor_shows_an_unknown_kind_as_itself(
    qtbot: QtBot, tampered_window: MainWindow
) -> None:
    window = tampered_window
    page = click_page(window, qtbot, "Treatments")
    assert isinstance(page, RecordPage)
    first = page.table.visualRect(page.table.model().index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
    shown = [combo.currentText() for combo in page.editor.findChildren(QComboBox)]
    assert "magic (not a choice this version knows: netjourney check names it)" in shown
    assert "fortnights (not a choice this version knows: netjourney check names it)" in shown

    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)  # a new treatment's form
    qtbot.waitUntil(lambda: page.list_model.rowCount() == 2)
    offered = [
        combo.itemText(i)
        for combo in page.editor.findChildren(QComboBox)
        for i in range(combo.count())
    ]
    assert [text for text in offered if "not a choice this version knows" in text] == []
    window.record.close()


def test_the_diary_list_shows_a_rating_stored_as_text_flagged(
    qtbot: QtBot, tampered_window: MainWindow
) -> None:
    window = tampered_window
    page = click_page(window, qtbot, "Symptom diary")
    assert isinstance(page, DiaryPage)
    model = page.table.model()
    shown = [
        str(model.index(row, column).data())
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]
    assert any("flushing [unreadable rating: netjourney check names it]" in s for s in shown)
    assert not [cell for cell in shown if "bad/10" in cell]  # stored text is never a rating
    window.record.close()
