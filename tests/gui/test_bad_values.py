"""Issue 17 item 5 in the window: pages show rows with bad stored values, flagged."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import MainWindow
from netjourney.gui.record_page import RecordPage
from tests.core.sample_records import add_sample_records
from tests.core.test_value_check import _write_raw


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
            assert all("Unknown status 'weird'" in row for row in rows)
        first = page.table.visualRect(page.table.model().index(0, 0))
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
        assert page.editor.record_id is not None  # the row opened in the editor
    window.record.close()
