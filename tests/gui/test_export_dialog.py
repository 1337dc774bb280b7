"""The sharing dialog and helpers, driven as a user would, with the PDFs read back."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import QDate, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from netjourney.core.record import JourneyRecord
from netjourney.export.parts import Part
from netjourney.gui.export_dialog import (
    ExportRunner,
    ExportTask,
    JourneyExportDialog,
    print_visit_sheet,
    save_calendar,
    save_visit_sheet,
)
from tests.export import records
from tests.export.records import pdf_reader, pdf_text


class SaveDialogAnswers:
    """Stands in for the user at the native save dialog, which offscreen Qt cannot show."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answers: list[str] = []
        self.asked: list[str] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._answer)

    def _answer(
        self, _parent: QWidget, caption: str, _start: str, file_filter: str
    ) -> tuple[str, str]:
        self.asked.append(caption)
        return self.answers.pop(0), file_filter


class OpenedUrls(QObject):
    """Receives the URLs the app asks the system to open (Qt's own handler hook)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def save_dialog(monkeypatch: pytest.MonkeyPatch) -> SaveDialogAnswers:
    return SaveDialogAnswers(monkeypatch)


@pytest.fixture
def opened_files() -> Iterator[OpenedUrls]:
    handler = OpenedUrls()
    QDesktopServices.setUrlHandler("file", handler, "open")
    yield handler
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def dialog(qtbot: QtBot, record: JourneyRecord) -> JourneyExportDialog:
    records.member(record, "Dr. Maria Alvarez", "thoracic-surgeon")
    records.note(
        record, "Shared note", "for the family", created_at=datetime(2026, 4, 10, 12, tzinfo=UTC)
    )
    records.note(
        record,
        "Worry in April",
        "only mine",
        private=True,
        created_at=datetime(2026, 4, 12, 12, tzinfo=UTC),
    )
    records.note(record, "Old note", created_at=datetime(2025, 1, 10, 12, tzinfo=UTC))
    shown = JourneyExportDialog(record)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def save(qtbot: QtBot, dialog: JourneyExportDialog) -> str:
    with qtbot.waitSignal(dialog.runner.succeeded, timeout=30_000) as finished:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return str(finished.args[0])


def test_the_default_choices_leave_private_notes_out(
    qtbot: QtBot,
    dialog: JourneyExportDialog,
    save_dialog: SaveDialogAnswers,
    tmp_path: Path,
) -> None:
    save_dialog.answers.append(str(tmp_path / "for-family"))

    message = save(qtbot, dialog)

    written = tmp_path / "for-family.pdf"
    assert message.startswith("Saved ") and message.endswith(f"to {written}")
    text = pdf_text(written.read_bytes())
    assert "Dr. Maria Alvarez" in text and "Shared note" in text and "Old note" in text
    assert "Worry in April" not in text
    assert written.stat().st_mode & 0o777 == 0o600
    assert dialog.result() == JourneyExportDialog.DialogCode.Accepted


def test_the_choices_shape_the_pdf(
    qtbot: QtBot, dialog: JourneyExportDialog, save_dialog: SaveDialogAnswers, tmp_path: Path
) -> None:
    qtbot.keyClicks(dialog.patient_name, "Maria <b>")
    dialog.patient_name.insert(" Pérez")  # QTest can only type ASCII keys
    dialog.include_private.setChecked(True)
    dialog.dates.setChecked(True)
    dialog.date_from.setDate(QDate(2026, 4, 1))
    dialog.date_to.setDate(QDate(2026, 4, 30))
    dialog.parts[Part.CARE_TEAM].setChecked(False)
    save_dialog.answers.append(str(tmp_path / "journey.pdf"))

    save(qtbot, dialog)

    data = (tmp_path / "journey.pdf").read_bytes()
    text = pdf_text(data)
    assert "Maria <b> Pérez" in text
    assert "Worry in April" in text and "Shared note" in text
    assert "Old note" not in text and "Dr. Maria Alvarez" not in text
    assert "Care team" not in [o.title for o in pdf_reader(data).outline]


def test_my_situation_is_offered_only_when_there_is_one(
    qtbot: QtBot, record: JourneyRecord
) -> None:
    without = JourneyExportDialog(record)
    with_blocks = JourneyExportDialog(record, situation_blocks=[("Stage", ["IIIA"])])
    qtbot.addWidget(without)
    qtbot.addWidget(with_blocks)

    assert not without.parts[Part.SITUATION].isEnabled()
    assert Part.SITUATION not in without.options().parts
    assert with_blocks.options().situation_blocks == (("Stage", ["IIIA"]),)
    assert Part.SITUATION in with_blocks.options().parts


def test_a_reversed_date_range_is_explained_and_nothing_runs(
    qtbot: QtBot,
    dialog: JourneyExportDialog,
    save_dialog: SaveDialogAnswers,
) -> None:
    dialog.dates.setChecked(True)
    dialog.date_from.setDate(QDate(2026, 5, 2))
    dialog.date_to.setDate(QDate(2026, 5, 1))

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.error_box is not None
    assert "swap the two dates" in dialog.error_box.text()
    assert save_dialog.asked == []


def test_a_failed_write_says_what_to_do(
    qtbot: QtBot, dialog: JourneyExportDialog, save_dialog: SaveDialogAnswers, tmp_path: Path
) -> None:
    save_dialog.answers.append(str(tmp_path / "no-such-folder" / "journey.pdf"))

    with qtbot.waitSignal(dialog.runner.ended, timeout=30_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    box = dialog.runner.error_box
    assert box is not None and box.isVisible()
    assert "check the folder exists, is writable and has free space" in box.text()
    assert dialog.isVisible()  # the choices stay, to try again


def test_cancel_stops_the_export_and_writes_nothing(
    qtbot: QtBot,
    dialog: JourneyExportDialog,
    record: JourneyRecord,
    save_dialog: SaveDialogAnswers,
    tmp_path: Path,
) -> None:
    for number in range(30):
        records.note(record, f"Long note {number}", "A line of the note.\n" * 60)
    destination = tmp_path / "journey.pdf"
    destination.write_bytes(b"an earlier export")
    save_dialog.answers.append(str(destination))
    succeeded: list[str] = []
    dialog.runner.succeeded.connect(succeeded.append)

    with qtbot.waitSignal(dialog.runner.ended, timeout=30_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        dialog.runner.cancel()

    assert succeeded == []
    assert destination.read_bytes() == b"an earlier export"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".pdf"] == ["journey.pdf"]


def test_print_hands_a_private_pdf_to_the_viewer(
    qtbot: QtBot, dialog: JourneyExportDialog, opened_files: OpenedUrls
) -> None:
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: len(opened_files.urls) == 1, timeout=30_000)
    printed = Path(opened_files.urls[0].toLocalFile())
    assert "Shared note" in pdf_text(printed.read_bytes())
    assert printed.stat().st_mode & 0o777 == 0o600
    assert printed.parent.stat().st_mode & 0o777 == 0o700


def test_visit_sheet_can_be_saved_and_printed(
    qtbot: QtBot,
    record: JourneyRecord,
    save_dialog: SaveDialogAnswers,
    opened_files: OpenedUrls,
    tmp_path: Path,
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    visit = records.appointment(
        record, datetime.now(UTC) + timedelta(days=3), purpose="Pre-surgery visit"
    )
    save_dialog.answers.append(str(tmp_path / "sheet.pdf"))

    runner = save_visit_sheet(record, visit.id, parent)
    assert runner is not None
    qtbot.waitSignal(runner.succeeded, timeout=30_000).wait()
    print_visit_sheet(record, visit.id, parent)
    qtbot.waitUntil(lambda: len(opened_files.urls) == 1, timeout=30_000)

    saved = (tmp_path / "sheet.pdf").read_bytes()
    assert len(pdf_reader(saved).pages) == 1 and "Pre-surgery visit" in pdf_text(saved)
    printed = Path(opened_files.urls[0].toLocalFile()).read_bytes()
    assert "Pre-surgery visit" in pdf_text(printed)


def test_calendar_file_is_saved(
    qtbot: QtBot, record: JourneyRecord, save_dialog: SaveDialogAnswers, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    records.appointment(
        record, datetime.now(UTC) + timedelta(days=3), "Europe/Paris", purpose="Scan"
    )
    save_dialog.answers.append(str(tmp_path / "visits"))

    runner = save_calendar(record, parent)
    assert runner is not None
    with qtbot.waitSignal(runner.succeeded, timeout=30_000) as finished:
        pass

    assert finished.args == [f"Saved 1 upcoming appointment to {tmp_path / 'visits.ics'}"]
    calendar = icalendar.Calendar.from_ical((tmp_path / "visits.ics").read_bytes())
    assert [str(e["summary"]) for e in calendar.events] == ["Scan"]


def test_cancelling_the_save_dialog_exports_nothing(
    qtbot: QtBot, record: JourneyRecord, save_dialog: SaveDialogAnswers
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    save_dialog.answers.append("")

    assert save_calendar(record, parent) is None


def test_the_dialog_module_loads_reportlab_only_when_exporting() -> None:
    probe = (
        "import sys, netjourney.gui.export_dialog; "
        "print(sorted(m for m in sys.modules if 'reportlab' in m))"
    )

    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
    )

    assert result.stdout.strip() == "[]", result.stderr


def test_an_unexpected_failure_still_reaches_the_user(qtbot: QtBot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = ExportRunner(parent)

    def broken(_on_page: object) -> int:
        raise ValueError("a bug")

    with qtbot.waitSignal(runner.ended, timeout=30_000):
        runner.start(ExportTask("the journey PDF", tmp_path / "j.pdf", broken, str))

    assert runner.error_box is not None
    assert runner.error_box.text().startswith(
        f"The journey PDF could not be made (a bug). Nothing was written to {tmp_path / 'j.pdf'}."
    )


# -- issue 11 item 5: Enter saves; after saving, Open and Show in folder -------------------


@pytest.mark.parametrize("answer", ["Show in folder", "Open"])
def test_enter_saves_then_the_file_can_be_opened_or_shown_in_its_folder(
    qtbot: QtBot,
    dialog: JourneyExportDialog,
    save_dialog: SaveDialogAnswers,
    opened_files: OpenedUrls,
    tmp_path: Path,
    answer: str,
) -> None:
    from netjourney.gui.export_dialog import SavedNotice

    target = tmp_path / "for-anna.pdf"
    save_dialog.answers.append(str(target))
    assert dialog.save_button.isDefault()
    with qtbot.waitSignal(dialog.runner.succeeded, timeout=30_000):
        qtbot.keyClick(dialog.patient_name, Qt.Key.Key_Return)
    assert save_dialog.asked == ["Save the journey PDF"]
    assert pdf_reader(target.read_bytes()).pages
    notice = dialog.runner.notice
    assert isinstance(notice, SavedNotice) and notice.isVisible()
    assert notice.defaultButton() is notice.open_button
    if answer == "Open":
        qtbot.keyClick(notice, Qt.Key.Key_Return)  # Open is the default
        assert opened_files.urls == [QUrl.fromLocalFile(str(target))]
    else:
        qtbot.mouseClick(notice.folder_button, Qt.MouseButton.LeftButton)
        assert opened_files.urls == [QUrl.fromLocalFile(str(tmp_path))]
