"""Issue 16.5: when the open record is removed or replaced, saves fail loudly and the
unsaved text stays, instead of "succeeding" into a file nobody will ever see again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from netjourney.core import repository
from netjourney.core.errors import RecordMovedError
from netjourney.core.guide import Guide
from netjourney.core.models import Note
from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import MainWindow


@pytest.fixture
def record_in_folder(tmp_path: Path, guide: Guide) -> JourneyRecord:
    folder = tmp_path / "Patient folder"
    return JourneyRecord.open(folder / "journey.sqlite", guide)


def test_a_save_after_the_file_is_removed_raises_a_clear_error(
    record_in_folder: JourneyRecord,
) -> None:
    note = repository.add(record_in_folder, Note(title="First", body=""))
    shutil.rmtree(record_in_folder.path.parent)

    for _attempt in range(3):
        with pytest.raises(RecordMovedError, match="was removed.*not saved"):
            repository.change(record_in_folder, Note, note.id, title="Lost?")
    record_in_folder.close()


def test_a_save_after_the_file_is_replaced_raises_a_clear_error(
    record_in_folder: JourneyRecord, tmp_path: Path
) -> None:
    note = repository.add(record_in_folder, Note(title="First", body=""))
    path = record_in_folder.path
    shutil.copy(path, tmp_path / "other.sqlite")
    (tmp_path / "other.sqlite").replace(path)

    with pytest.raises(RecordMovedError, match="was replaced"):
        repository.change(record_in_folder, Note, note.id, title="Lost?")
    record_in_folder.close()


def test_the_window_says_the_edit_was_not_saved_and_keeps_the_text(
    qtbot: QtBot, record_in_folder: JourneyRecord
) -> None:
    window = MainWindow(record_in_folder)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("notes")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    shutil.rmtree(record_in_folder.path.parent)

    title = next(f.widget for f in page.editor._fields if f.widget.accessibleName() == "Title")
    assert isinstance(title, QLineEdit)
    title.selectAll()
    qtbot.keyClicks(title, "Words I must not lose")
    qtbot.keyClick(title, Qt.Key.Key_Return)

    told = window.messages.text.text()  # the window's one message bar
    assert window.messages.isVisible()
    assert "was removed" in told
    assert "not saved" in told
    assert title.text() == "Words I must not lose"

    # Closing asks before losing the edit that could not be saved.
    asked: list[str] = []

    def discard() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        shown = [box for box in boxes if box.isVisible()]
        if not shown:
            QTimer.singleShot(50, discard)
            return
        asked.append(shown[0].text())
        shown[0].button(QMessageBox.StandardButton.Discard).click()

    QTimer.singleShot(50, discard)
    window.close()
    assert asked and "could not be saved" in asked[0]
    record_in_folder.close()
