"""Issue 17 item 5 in the window: pages show rows with bad stored values, flagged."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import MainWindow
from netjourney.gui.record_page import RecordPage
from tests.core.journey_records import add_journey_records
from tests.core.sample_records import add_sample_records
from tests.core.test_value_check import STAND_IN, _write_raw, blob_every_text


def _shown_rows(page: RecordPage) -> list[list[str]]:
    model = page.table.model()
    return [
        [str(model.index(row, column).data()) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_questions_and_notes_pages_open_with_bad_values(
    qtbot: QtBot, record_path: Path, guide: Guide
) -> None:
    record = JourneyRecord.open(record_path, guide)
    add_sample_records(record)
    record.close()
    _write_raw(
        record_path,
        "UPDATE notes SET created_at = 'garbage', updated_at = 'later'",
        "UPDATE questions SET status = 'weird', answered_on = 'soon'",
    )
    window = MainWindow(JourneyRecord.open(record_path, guide))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    for title in ("Questions", "Notes"):
        item = window.nav.findItems(title, Qt.MatchFlag.MatchExactly)[0]
        rect = window.nav.visualItemRect(item)
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        page = window.stack.currentWidget()
        assert isinstance(page, RecordPage)
        rows = _shown_rows(page)
        assert rows, title
        if title == "Questions":
            flagged = "weird (not a status this version knows: netjourney check names it)"
            assert all(flagged in row for row in rows)
        first = page.table.visualRect(page.table.model().index(0, 0))
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
        assert page.editor.record_id is not None  # the row opened in the editor
    window.record.close()


def test_every_page_opens_and_shows_a_blob_in_text(
    qtbot: QtBot, record_path: Path, guide: Guide
) -> None:
    record = JourneyRecord.open(record_path, guide)
    add_sample_records(record)
    add_journey_records(record)
    record.close()
    assert "notes.title" in blob_every_text(record_path)
    window = MainWindow(JourneyRecord.open(record_path, guide))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    shown_stand_in = []
    for row in range(window.nav.count()):
        rect = window.nav.visualItemRect(window.nav.item(row))
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        page = window.stack.currentWidget()
        window.grab()  # painted, with every delegate and chart
        if isinstance(page, RecordPage) and page.table.model().rowCount():
            first = page.table.visualRect(page.table.model().index(0, 0))
            qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
            window.grab()
            if any(STAND_IN in cell for row_cells in _shown_rows(page) for cell in row_cells):
                shown_stand_in.append(window.nav.item(row).text())
    assert "Notes" in shown_stand_in and "Care team" in shown_stand_in, shown_stand_in
    window.record.close()
