"""The clinical summary from the window: chosen in the export dialog by keyboard and mouse,
reached from the File menu, and read back with pypdf."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from netjourney.core.record import JourneyRecord
from netjourney.export.parts import Part
from netjourney.gui.export_dialog import Document, JourneyExportDialog
from netjourney.gui.main_window import MainWindow
from tests.export import records
from tests.export.records import pdf_reader, pdf_text
from tests.gui.test_export_dialog import OpenedUrls, SaveDialogAnswers, opened_files, save_dialog

pytestmark = pytest.mark.usefixtures("british_dates")  # the dates below are spelled out

__all__ = ["opened_files", "save_dialog"]  # fixtures: stand-ins for the save dialog and viewer


def two_visits(record: JourneyRecord) -> None:
    soon = datetime.now(UTC) + timedelta(days=3)
    lee = records.member(record, "Dr. Hannah Lee", "pulmonologist", phone="555-0131")
    records.appointment(
        record, soon, member_id=lee.id, planned_questions=[records.question(record, "Soon?")]
    )
    records.appointment(
        record,
        soon + timedelta(days=20),
        planned_questions=[records.question(record, "At the NET center?")],
    )
    records.note(record, "Only mine", "A private worry", private=True)


def test_the_summary_is_chosen_filled_in_and_saved_through_the_dialog(
    qtbot: QtBot, record: JourneyRecord, save_dialog: SaveDialogAnswers, tmp_path: Path
) -> None:
    two_visits(record)
    dialog = JourneyExportDialog(record)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.summary_choices.isVisible() and dialog.parts_box.isVisible()

    qtbot.keyClick(dialog.document, Qt.Key.Key_Down)  # the summary, below the journey
    qtbot.keyClicks(dialog.patient_name, "Maria Perez")
    qtbot.keyClicks(dialog.summary_choices.birth_date, "1958-03-02")
    questions = dialog.summary_choices.questions
    qtbot.keyClick(questions, Qt.Key.Key_End)  # the last visit listed: the later one
    save_dialog.answers.append(str(tmp_path / "for-the-net-center"))
    with qtbot.waitSignal(dialog.runner.succeeded, timeout=30_000) as finished:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.windowTitle() == "Clinical summary for a new doctor"
    assert not dialog.parts_box.isVisible() and not dialog.include_private.isVisible()
    assert save_dialog.asked == ["Save the clinical summary"]
    written = tmp_path / "for-the-net-center.pdf"
    assert finished.args == [f"Saved the clinical summary (1 page) to {written}"]
    data = written.read_bytes()
    text = pdf_text(data)
    assert len(pdf_reader(data).pages) == 1
    assert "Patient: Maria Perez · Date of birth: 2 Mar 1958" in text
    assert "1. At the NET center?" in text and "Soon?" not in text
    assert "Dr. Hannah Lee Pulmonologist" in text and "555-0131" in text
    assert "A private worry" not in text
    assert written.stat().st_mode & 0o777 == 0o600


def test_a_birth_date_that_is_none_is_explained_and_nothing_is_asked(
    qtbot: QtBot, record: JourneyRecord, save_dialog: SaveDialogAnswers
) -> None:
    dialog = JourneyExportDialog(record, document=Document.SUMMARY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.summary_choices.birth_date, "2/3/58")

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.error_box is not None
    assert "'2/3/58' is not a date of birth; write it as YYYY-MM-DD" in dialog.error_box.text()
    assert save_dialog.asked == []


def test_choosing_the_journey_again_makes_the_family_pdf(
    qtbot: QtBot, record: JourneyRecord, save_dialog: SaveDialogAnswers, tmp_path: Path
) -> None:
    two_visits(record)
    dialog = JourneyExportDialog(record, document=Document.SUMMARY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.document, Qt.Key.Key_Up)
    dialog.parts[Part.NOTES].setChecked(False)
    save_dialog.answers.append(str(tmp_path / "journey.pdf"))

    with qtbot.waitSignal(dialog.runner.succeeded, timeout=30_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert save_dialog.asked == ["Save the journey PDF"]
    assert "Clinical summary" not in pdf_text((tmp_path / "journey.pdf").read_bytes())


def test_the_file_menu_opens_the_dialog_with_the_summary_chosen(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    qtbot.waitUntil(file_menu.isVisible)
    qtbot.keyClick(file_menu, Qt.Key.Key_S)  # Clinical &summary for a new doctor…

    qtbot.waitUntil(lambda: window.findChild(JourneyExportDialog) is not None)
    dialog = window.findChild(JourneyExportDialog)
    assert isinstance(dialog, JourneyExportDialog)
    assert dialog.chosen_document() is Document.SUMMARY
    assert dialog.windowTitle() == "Clinical summary for a new doctor"
    qtbot.waitUntil(dialog.summary_choices.isVisible)


def test_tab_goes_from_the_document_choice_down_the_summarys_fields(
    qtbot: QtBot, record: JourneyRecord
) -> None:
    dialog = JourneyExportDialog(record, document=Document.SUMMARY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.document.setFocus()
    choices = dialog.summary_choices
    reached = []
    for _ in range(4):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        reached.append(dialog.focusWidget())

    assert reached == [dialog.patient_name, dialog.paper, choices.birth_date, choices.questions]


def test_print_hands_the_summary_to_the_viewer(
    qtbot: QtBot, record: JourneyRecord, opened_files: OpenedUrls
) -> None:
    two_visits(record)
    dialog = JourneyExportDialog(record, document=Document.SUMMARY)
    qtbot.addWidget(dialog)
    dialog.show()

    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: len(opened_files.urls) == 1, timeout=30_000)
    printed = Path(opened_files.urls[0].toLocalFile())
    assert printed.name.startswith("summary-")
    assert "1. Soon?" in pdf_text(printed.read_bytes())
    assert printed.stat().st_mode & 0o777 == 0o600
