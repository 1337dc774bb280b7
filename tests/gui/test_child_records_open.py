"""An option, a dose or a symptom rating found by search or listed under a guide section
opens the decision, treatment or diary day it belongs to, on that page, with itself chosen
inside it: keys and clicks on the shown window. The ids are arranged so that a child's own
id names another parent (a dose's id is the other treatment's), as in any real record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from netjourney.core.decisions.models import Decision, DecisionOption
from netjourney.core.journey.models import DiaryEntry, Dose, SymptomRating
from netjourney.core.record import JourneyRecord
from netjourney.core.registry import RecordKind, kind_of
from netjourney.gui.main_window import MainWindow
from netjourney.gui.pages.decisions import DecisionsPage
from netjourney.gui.pages.diary import DiaryPage
from netjourney.gui.pages.guide import GuidePage
from netjourney.gui.pages.treatments import TreatmentsPage
from netjourney.gui.record_page import RecordPage
from tests.core.decision_records import add_decision_records
from tests.core.journey_records import add_journey_records
from tests.gui.test_journey_pages import go_to

SECTION = "getting-through"


@pytest.fixture
def filled_window(window: MainWindow, record: JourneyRecord, qtbot: QtBot) -> MainWindow:
    """Treatments 1 and 2 (doses 1 and 2 are the second's); decisions 1 and 2 (options 1
    and 2 are the second's); diary days 1 and 2 (ratings 1 and 2 are the first's)."""
    with record.writing() as session:
        session.add(Decision(question="Should I join the trial?", raised_on=date(2026, 1, 9)))
    add_journey_records(record)
    add_decision_records(record)
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def _text_of(page: RecordPage, name: str) -> str:
    widget = next(f.widget for f in page.editor._fields if f.name == name)
    assert isinstance(widget, QLineEdit | QPlainTextEdit)
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


def _chosen_dose(page: QWidget) -> int | None:
    assert isinstance(page, TreatmentsPage)
    rows = page.doses.table.selectionModel().selectedRows()
    return page.doses.model.id_at(rows[0].row()) if rows else None


def _chosen_option(page: QWidget) -> int | None:
    assert isinstance(page, DecisionsPage)
    return page.options.editor.record_id


def _chosen_rating(page: QWidget) -> int | None:
    """The rating whose box has the keyboard: the symptom's, on the day shown."""
    assert isinstance(page, DiaryPage)
    focus = QApplication.focusWidget()
    boxes = {**{b: s for s, b in page.scores.items()}, **{b: s for s, b in page.counts.items()}}
    if focus not in boxes:
        return None
    with page.record.reading() as session:
        return session.scalar(
            select(SymptomRating.id)
            .join(DiaryEntry)
            .where(SymptomRating.symptom == boxes[focus], DiaryEntry.day == page.chosen_day())
        )


@dataclass(frozen=True)
class Child:
    model: type[Dose | DecisionOption | SymptomRating]
    child_id: int
    page: str
    parent_id: int
    shown: Callable[[QWidget], str]  # what the page shows of the parent
    parent_shown: str
    chosen: Callable[[QWidget], int | None]  # the child chosen inside


def _question(page: QWidget) -> str:
    assert isinstance(page, DecisionsPage)
    return _text_of(page, "question")


def _treatment_name(page: QWidget) -> str:
    assert isinstance(page, TreatmentsPage)
    return _text_of(page, "name")


def _diary_day(page: QWidget) -> str:
    assert isinstance(page, DiaryPage)
    return page.chosen_day().isoformat()


OPTION = Child(
    DecisionOption, 1, "decisions", 2, _question, "Which treatment after surgery?", _chosen_option
)
DOSE = Child(Dose, 1, "treatments", 2, _treatment_name, "Lanreotide (Somatuline)", _chosen_dose)
RATING = Child(SymptomRating, 2, "diary", 1, _diary_day, "2026-01-06", _chosen_rating)


def _assert_opened(window: MainWindow, child: Child) -> None:
    page = window.stack.currentWidget()
    assert page is window.pages[child.page]
    assert window.specs[child.page].current_item() == str(child.parent_id)
    assert child.shown(page) == child.parent_shown
    assert child.chosen(page) == child.child_id


@pytest.mark.parametrize(
    ("words", "child"),
    [("worry between", OPTION), ("left buttock", DOSE)],
    ids=["option", "dose"],
)
def test_enter_on_a_found_child_opens_its_parent_with_it_chosen(
    filled_window: MainWindow, record: JourneyRecord, qtbot: QtBot, words: str, child: Child
) -> None:
    qtbot.keyClick(filled_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = filled_window.search_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.query)
    qtbot.keyClicks(dialog.query, words)
    qtbot.waitUntil(lambda: dialog.results_model.rowCount() > 0)
    first = dialog.hits[0]
    assert (first.kind, first.key) == (_kind(child).name, str(child.child_id))

    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: not dialog.isVisible())
    _assert_opened(filled_window, child)


def _kind(child: Child) -> RecordKind:
    kind = kind_of(child.model)
    assert kind is not None
    return kind


def _click_row(qtbot: QtBot, view: QListView, row: int) -> None:
    index = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


@pytest.mark.parametrize("child", [OPTION, DOSE, RATING], ids=["option", "dose", "rating"])
def test_a_child_listed_under_a_section_opens_its_parent_with_it_chosen(
    filled_window: MainWindow, record: JourneyRecord, qtbot: QtBot, child: Child
) -> None:
    _open_from_its_section(filled_window, record, qtbot, child)

    _assert_opened(filled_window, child)


@pytest.mark.parametrize("child", [OPTION, DOSE, RATING], ids=["option", "dose", "rating"])
def test_back_and_forward_return_to_the_child_chosen_in_its_parent(
    filled_window: MainWindow, record: JourneyRecord, qtbot: QtBot, child: Child
) -> None:
    window = filled_window
    _open_from_its_section(window, record, qtbot, child)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # Home
    assert window.stack.currentWidget() is window.pages["home"]

    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # Back
    _assert_opened(window, child)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # the guide
    assert window.stack.currentWidget() is window.pages["guide"]
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # Forward
    _assert_opened(window, child)


def _open_from_its_section(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot, child: Child
) -> None:
    """The child linked to a section, then opened from the section's list: a click, Enter."""
    with record.writing() as session:
        linked = session.get(child.model, child.child_id)
        assert linked is not None
        linked.section_ids = [SECTION]
    guide = go_to(window, qtbot, "guide")
    assert isinstance(guide, GuidePage)
    _click_row(qtbot, guide.sections, record.guide.section_ids.index(SECTION))
    assert guide.current_id() == SECTION
    listed = guide.linked_model
    label = f"{_kind(child).label}: "  # the only one of its kind linked here
    [row] = [r for r in range(listed.rowCount()) if listed.index(r, 0).data().startswith(label)]

    _click_row(qtbot, guide.linked, row)
    qtbot.keyClick(guide.linked, Qt.Key.Key_Return)
