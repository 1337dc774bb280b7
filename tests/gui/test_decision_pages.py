"""Decisions, second opinions and clinical trials through the window, as a user works
them: keys and clicks on the shown main window, then what is stored."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from netjourney.core import repository
from netjourney.core.decisions.models import ClinicalTrial, Decision, DecisionOption, SecondOpinion
from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import MainWindow
from netjourney.gui.pages.decisions import DecisionsPage
from netjourney.gui.pages.opinions import SecondOpinionsPage
from netjourney.gui.pages.trials import TrialsPage
from tests.gui.test_journey_pages import click_row, field, go_to, type_line


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def add_option(qtbot: QtBot, page: DecisionsPage, name: str) -> None:
    click(qtbot, page.options.add_button)
    type_line(qtbot, QApplication.focusWidget(), name)  # the new option's name has the cursor


def choose_by_keys(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Step through a closed combo with the arrow keys, as a keyboard user does."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentText() != text:
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"{text!r} is not offered"


def test_a_decision_with_two_options_and_the_choice_is_stored(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    page = go_to(window, qtbot, "decisions")
    assert isinstance(page, DecisionsPage)
    click(qtbot, page.add_button)
    question = QApplication.focusWidget()
    assert isinstance(question, QPlainTextEdit)
    qtbot.keyClicks(question, "Which treatment after surgery?")
    qtbot.keyClick(question, Qt.Key.Key_Tab)

    add_option(qtbot, page, "Watch with scans")
    add_option(qtbot, page, "Chemotherapy")
    choose_by_keys(qtbot, field(page.editor, "My choice"), "Watch with scans")
    window.flush_all()

    [decision] = repository.all_of(record, Decision)
    options = repository.all_of(record, DecisionOption)
    assert decision.question == "Which treatment after surgery?"
    assert [o.name for o in options] == ["Watch with scans", "Chemotherapy"]
    assert decision.chosen_option_id == options[0].id
    assert decision.section_ids == ["making-decisions"]
    assert page.list_model.index(0, 3).data() == "Watch with scans"
    assert page.options.model.index(0, 0).data() == "Watch with scans (my choice)"


def test_removing_the_chosen_option_clears_the_choice_and_ctrl_z_brings_it_back(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    page = go_to(window, qtbot, "decisions")
    assert isinstance(page, DecisionsPage)
    click(qtbot, page.add_button)
    add_option(qtbot, page, "Surgery")
    choose_by_keys(qtbot, field(page.editor, "My choice"), "Surgery")
    click_row(qtbot, page.options.table, 0)
    qtbot.keyClick(page.options.table, Qt.Key.Key_Delete)

    assert repository.all_of(record, DecisionOption) == []
    assert repository.get(record, Decision, 1).chosen_option_id is None
    assert field(page.editor, "My choice").currentText() == "Not decided yet"

    QTest.keySequence(window, QKeySequence.StandardKey.Undo)

    assert repository.get(record, Decision, 1).chosen_option_id == 1
    assert field(page.editor, "My choice").currentText() == "Surgery"


def test_a_trial_with_a_bad_id_is_refused_with_the_reason_and_nothing_is_stored(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    page = go_to(window, qtbot, "trials")
    assert isinstance(page, TrialsPage)
    click(qtbot, page.add_button)
    type_line(qtbot, QApplication.focusWidget(), "NCT123")

    assert window.messages.isVisible()
    message = window.messages.text.text()
    assert "'NCT123' has 3 digits after NCT; it needs 8" in message
    assert "still in the form" in message
    assert repository.get(record, ClinicalTrial, 1).registry_id == ""

    type_line(qtbot, field(page.editor, "Registry id"), "NCT01234567")

    trial = repository.get(record, ClinicalTrial, 1)
    assert (trial.registry_id, trial.section_ids) == ("NCT01234567", ["clinical-trials"])


def test_an_outcome_chosen_is_dated_today_and_shown_as_where_it_stands(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    page = go_to(window, qtbot, "trials")
    assert isinstance(page, TrialsPage)
    click(qtbot, page.add_button)
    choose_by_keys(qtbot, field(page.editor, "Outcome"), "Declined")

    trial = repository.get(record, ClinicalTrial, 1)
    assert trial.outcome == "declined" and trial.outcome_on == trial.interested_on
    assert page.list_model.index(0, 2).data().startswith("Declined ")
    assert "→ Declined" in field(page.editor, "Where the trial stands").text()


def test_records_sent_are_ticked_with_clicks(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    page = go_to(window, qtbot, "opinions")
    assert isinstance(page, SecondOpinionsPage)
    click(qtbot, page.add_button)
    type_line(qtbot, QApplication.focusWidget(), "Dr. Nair")
    for name in ("Sent: Reports", "Sent: Pathology slides"):
        box = field(page.editor, name)
        assert isinstance(box, QCheckBox)
        indicator = QPoint(box.height() // 2, box.height() // 2)  # the box's wide: its text ends
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=indicator)

    opinion = repository.get(record, SecondOpinion, 1)
    assert (opinion.person, opinion.sent_reports, opinion.sent_scans, opinion.sent_slides) == (
        "Dr. Nair",
        True,
        False,
        True,
    )
    assert page.list_model.index(0, 3).data() == "reports, pathology slides"
