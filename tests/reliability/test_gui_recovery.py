"""The GUI side of recovery: the damaged-file message at start and the Backups window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from netjourney.core import backups
from netjourney.core.dates import short_date_time
from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from netjourney.core.recovery import StartChoice, examine_at_start
from netjourney.gui.backups_window import BackupsWindow
from netjourney.gui.damaged_file import DamagedFileDialog, handle_damage_at_start
from tests.reliability.test_backups import corrupt_the_notes_table

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def button_texts(box: QMessageBox) -> list[str]:
    return [button.text() for button in box.buttons()]


def click_in_modal(text: str) -> None:
    """Once the modal dialog is up, click its button labelled `text`."""

    def click() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, click)
            return
        next(b for b in modal.findChildren(QPushButton) if b.text() == text).click()

    QTimer.singleShot(0, click)


@pytest.fixture
def damaged_with_backup(sample_record_path: Path) -> Path:
    backups.backup_if_due(sample_record_path, NOON - timedelta(hours=1))
    sample_record_path.write_bytes(b"")
    return sample_record_path


def test_the_message_says_what_happened_and_offers_the_three_ways_on(
    damaged_with_backup: Path, qtbot: QtBot
) -> None:
    found = examine_at_start(damaged_with_backup, NOON)
    assert found is not None

    dialog = DamagedFileDialog(found)
    qtbot.addWidget(dialog)

    assert set(button_texts(dialog)) == {"Restore this backup", "Start a new record", "Quit"}
    assert dialog.defaultButton().text() == "Restore this backup"
    shown = dialog.text() + " " + dialog.informativeText()
    assert "could not read your record" in shown and str(found.kept_at) in shown
    assert "Nothing was written over it" in shown and "newest good backup" in shown
    assert dialog.choice() is StartChoice.QUIT  # closing the window is not a choice to go on


def test_without_a_backup_restoring_is_not_offered(sample_record_path: Path, qtbot: QtBot) -> None:
    sample_record_path.write_bytes(b"")
    found = examine_at_start(sample_record_path, NOON)
    assert found is not None

    dialog = DamagedFileDialog(found)
    qtbot.addWidget(dialog)

    assert set(button_texts(dialog)) == {"Start a new record", "Quit"}


@pytest.mark.parametrize(
    ("answer", "goes_on", "notes_after"),
    [("Restore this backup", True, 2), ("Start a new record", True, 0), ("Quit", False, None)],
)
def test_the_answer_is_carried_out(
    damaged_with_backup: Path,
    guide: Guide,
    qapp: QApplication,
    answer: str,
    goes_on: bool,
    notes_after: int | None,
) -> None:
    click_in_modal(answer)

    assert handle_damage_at_start(damaged_with_backup) is goes_on

    assert list(damaged_with_backup.parent.glob("journey.sqlite.damaged-*"))
    if notes_after is None:
        assert not damaged_with_backup.exists()
        return
    record = JourneyRecord.open(damaged_with_backup, guide)
    assert record.counts()["notes"] == notes_after
    record.close()


def test_without_anyone_to_ask_the_app_says_so_and_quits(
    damaged_with_backup: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert handle_damage_at_start(damaged_with_backup, interactive=False) is False

    assert "could not read your record" in capsys.readouterr().err


def test_a_healthy_record_goes_straight_on(sample_record_path: Path) -> None:
    assert handle_damage_at_start(sample_record_path) is True


@pytest.fixture
def window(sample_record_path: Path, qtbot: QtBot) -> BackupsWindow:
    backups.backup_if_due(sample_record_path, NOON - timedelta(days=1))
    backups.backup_if_due(sample_record_path, NOON)
    shown = BackupsWindow(sample_record_path)
    qtbot.addWidget(shown)
    return shown


def table_rows(window: BackupsWindow) -> list[list[str]]:
    table = window.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_the_window_lists_backups_newest_first_with_dates_and_counts(
    window: BackupsWindow,
) -> None:
    rows = table_rows(window)

    held = "2 care-team members, 3 questions, 2 appointments, 2 notes"  # no journey kinds
    assert [row[2:] for row in rows] == [["Automatic", held]] * 2
    assert [row[0] for row in rows] == ["2", "1"]  # numbered in the order they were taken
    newest_local = NOON.astimezone()
    assert rows[0][1] == short_date_time(newest_local)  # as the PDFs and the CLI write it
    assert not window.restore_button.isEnabled()  # nothing chosen yet


def test_the_window_says_backups_keep_deleted_text(window: BackupsWindow) -> None:
    texts = " ".join(label.text() for label in window.findChildren(type(window.status)))

    assert "still hold notes you have since deleted" in texts


def test_back_up_now_adds_a_checked_copy(window: BackupsWindow) -> None:
    window.back_up_button.click()

    assert len(table_rows(window)) == 3
    assert "Backed up and checked" in window.status.text()


def test_back_up_now_on_a_damaged_record_says_why_not(
    window: BackupsWindow, sample_record_path: Path
) -> None:
    corrupt_the_notes_table(sample_record_path)

    window.back_up_button.click()

    assert "No backup was taken" in window.status.text()
    assert len(table_rows(window)) == 2


@pytest.mark.parametrize(("answer", "emitted"), [("Restore", True), ("Cancel", False)])
def test_restoring_asks_first_then_asks_the_main_window_to_do_it(
    window: BackupsWindow,
    qtbot: QtBot,
    answer: str,
    emitted: bool,
    sample_record_path: Path,
) -> None:
    requests: list[Path] = []
    window.restore_requested.connect(requests.append)
    window.table.selectRow(1)
    assert window.restore_button.isEnabled()

    window.restore_button.click()
    question = window.findChild(QMessageBox)
    assert question is not None and "Before a restore" in question.text()
    click: Callable[[], None] = next(b for b in question.buttons() if b.text() == answer).click
    click()

    assert requests == ([backups.list_backups(sample_record_path)[1].path] if emitted else [])
