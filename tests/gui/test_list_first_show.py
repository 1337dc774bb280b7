"""A list page's first show does the work of its first frame only: the form beside the
list is built once the list is drawn, and laid out when a record is first chosen."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from netjourney.core import repository
from netjourney.core.guide import load_guide
from netjourney.core.models import Appointment, CareTeamMember, Note, Question
from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import MainWindow
from netjourney.gui.pages.appointments import AppointmentEditor
from netjourney.gui.pages.questions import QuestionsPage
from netjourney.gui.record_page import RecordPage
from tests.gui.fresh_process import printed_by_fresh_process
from tests.gui.menu_input import click_page


def _fill(record: JourneyRecord) -> None:
    soon = datetime.now(UTC) + timedelta(days=3)
    repository.add(record, CareTeamMember(name="Ann Lind", role="nurse"))
    repository.add(record, Question(text="When is the next scan?", chosen=True))
    repository.add(
        record, Appointment(starts_at=soon, time_zone="Europe/Lisbon", purpose="Scan review")
    )
    repository.add(record, Note(title="About fatigue", body="Tired after lunch."))


def _click_first_row(qtbot: QtBot, page: RecordPage) -> None:
    first = page.table.visualRect(page.list_model.index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=first.center())


def test_the_form_is_built_after_the_list_is_drawn_and_laid_out_when_chosen(
    qtbot: QtBot, window: MainWindow, record: JourneyRecord
) -> None:
    """Each first show of a list built every field of a form nobody could see yet, and,
    the form being in its pane's stack, measured them all."""
    _fill(record)
    for title in ("Care team", "Questions", "Appointments", "Notes", "Treatments"):
        page = click_page(window, qtbot, title)
        assert isinstance(page, RecordPage)
        editor = page.editor
        if title != "Treatments":  # its page puts the doses among the fields it builds
            assert editor.findChildren(QLineEdit) == [], title
            qtbot.waitUntil(lambda e=editor: e.findChildren(QLineEdit) != [])  # once drawn
        assert not editor.isVisible()
        assert not editor.testAttribute(Qt.WidgetAttribute.WA_LaidOut), title
        if page.list_model.rowCount() == 0:
            continue
        _click_first_row(qtbot, page)
        assert editor.isVisible(), title
        assert editor.testAttribute(Qt.WidgetAttribute.WA_LaidOut), title
        assert editor.record_id == page.list_model.id_at(0)
        assert all(field.widget.isVisible() for field in editor._fields), title


def test_a_visit_shows_its_own_time_zone_once_chosen(
    qtbot: QtBot, window: MainWindow, record: JourneyRecord
) -> None:
    _fill(record)
    page = click_page(window, qtbot, "Appointments")
    assert isinstance(page, RecordPage) and isinstance(page.editor, AppointmentEditor)
    _click_first_row(qtbot, page)
    assert page.editor.zone.currentText() == "Europe/Lisbon"
    assert page.editor.zone.count() > 300
    assert page.editor.zone.findText("UTC") >= 0


# In a fresh process: in this one, earlier tests have imported the export code long ago.
SHOW_APPOINTMENTS = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from netjourney.core.guide import load_guide
from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import MainWindow

app = QApplication([])
record = JourneyRecord.open(Path(sys.argv[1]), load_guide())
window = MainWindow(record)
window.show()
window.show_page("appointments")
app.processEvents()
print("imported" if "netjourney.gui.export_dialog" in sys.modules else "not imported")
record.close()
"""


def test_showing_appointments_leaves_the_visit_sheet_code_for_its_first_click(
    tmp_path: Path,
) -> None:
    path = tmp_path / "journey.sqlite"
    record = JourneyRecord.open(path, load_guide())
    _fill(record)
    record.close()
    assert printed_by_fresh_process(SHOW_APPOINTMENTS, path) == "not imported"


def test_returning_to_questions_leaves_the_guides_questions_as_they_were(
    qtbot: QtBot, window: MainWindow, record: JourneyRecord
) -> None:
    """Each change to a guide question's item has the tree measure its rows again: a visit
    rewrote every item's tick and tip though none had changed."""
    library_id = record.guide.question_groups[0].questions[0].id
    page = click_page(window, qtbot, "Questions")
    assert isinstance(page, QuestionsPage)
    page.choose_from_library(library_id)
    changed: list[int] = []
    page.library.model().dataChanged.connect(lambda first, _last, _roles: changed.append(first))
    click_page(window, qtbot, "Notes")
    click_page(window, qtbot, "Questions")
    assert changed == []
    item = page.library.items[library_id]
    assert item.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert item.toolTip() == "Already in your questions"
