"""The journey's pages through the window, as a user works them: keys and clicks on the
shown main window, then what is stored, and what Home, search and the charts' tables show."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from netjourney.core import repository
from netjourney.core.dates import short_date
from netjourney.core.journey.choices import RepeatUnit, TreatmentKind
from netjourney.core.journey.models import Dose, Treatment
from netjourney.core.record import JourneyRecord
from netjourney.gui.editor import RecordEditor
from netjourney.gui.main_window import MainWindow
from netjourney.gui.page_spec import page_shortcut
from netjourney.gui.pages.treatments import TreatmentsPage


def active(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitActive(window)


def go_to(window: MainWindow, qtbot: QtBot, key: str) -> QWidget:
    """Open a page with its Go-menu key, as a user would."""
    active(window, qtbot)
    QTest.keySequence(window, QKeySequence(page_shortcut(key)))
    assert window.stack.currentWidget() is window.pages[key]
    return window.pages[key]


def field(editor: RecordEditor, name: str) -> QWidget:
    found = next(w for w in editor.findChildren(QWidget) if w.accessibleName() == name)
    return found


def type_line(qtbot: QtBot, widget: QWidget, text: str) -> None:
    assert isinstance(widget, QLineEdit)
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def click_row(qtbot: QtBot, table: object, row: int) -> None:
    from PySide6.QtWidgets import QTableView

    assert isinstance(table, QTableView)
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_log_a_dose_with_ctrl_d_and_see_the_next_due_date(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    page = go_to(window, qtbot, "treatments")
    assert isinstance(page, TreatmentsPage)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    type_line(qtbot, QApplication.focusWidget(), "lanreotide (Somatuline)")
    every = field(page.editor, "Repeats every")
    every.setFocus()
    qtbot.keyClick(every, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(every, "28")
    qtbot.keyClick(every, Qt.Key.Key_Tab)
    started = field(page.editor, "Started")
    started.setDate(QDate.currentDate().addDays(-60))  # type: ignore[attr-defined]

    [treatment] = repository.all_of(record, Treatment)
    assert (treatment.name, treatment.repeat_every, treatment.repeat_unit) == (
        "lanreotide (Somatuline)",
        28,
        RepeatUnit.DAYS,
    )
    assert treatment.kind == TreatmentKind.SOMATOSTATIN_ANALOG
    # No dose yet: the first was due when it started, and that shows plainly.
    assert "Overdue" in page.doses.due.text() and "60 days ago" in page.doses.due.text()

    type_line(qtbot, page.doses.where, "Lakeside clinic")
    qtbot.keyClicks(page.doses.notes, "left hip")
    qtbot.keyClick(page.doses.notes, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)

    [dose] = repository.all_of(record, Dose)
    assert (dose.given_on, dose.location, dose.notes) == (
        date.today(),
        "Lakeside clinic",
        "left hip",
    )
    due_on = date.today() + timedelta(days=28)
    assert short_date(due_on, weekday=True) in page.doses.due.text()
    assert "in 28 days" in page.doses.due.text() and "1 dose logged" in page.doses.due.text()
    assert page.doses.model.index(0, 0).data() == short_date(date.today())
    assert "Logged a dose of lanreotide (Somatuline)" in window.messages.text.text()
    hits = search_with_ctrl_f(window, qtbot, "left hip")
    today = short_date(date.today())
    assert f"Dose: Lakeside clinic · {today} — left hip" in hits, hits


def test_add_a_marker_value_and_see_it_in_the_chart_table_and_chart(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    from netjourney.core.journey.models import Measurement
    from netjourney.gui.pages.measurements import MeasurementsPage

    repository.add(
        record,
        Measurement(
            measure="Chromogranin A",
            value=80,
            unit="ng/mL",
            reference_range="0-95",
            range_low=0,
            range_high=95,
            lab="City Lab",
            measured_on=date.today() - timedelta(days=90),
        ),
    )
    page = go_to(window, qtbot, "measurements")
    assert isinstance(page, MeasurementsPage)
    assert page.measure_filter.currentText() == "Chromogranin A (1)"
    assert [c.accessibleName() for c in page.chart.charts] == ["Chart: Chromogranin A (ng/mL)"]

    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    value = QApplication.focusWidget()
    assert value is field(page.editor, "Value")
    type_line(qtbot, value, "112.5")

    stored = sorted(repository.all_of(record, Measurement), key=lambda m: m.measured_on)
    assert [(m.value, m.unit, m.range_high, m.lab) for m in stored] == [
        (80, "ng/mL", 95, "City Lab"),
        (112.5, "ng/mL", 95, "City Lab"),  # unit, range and lab as last time
    ]
    table = page.list_model
    cells = [[table.index(r, c).data() for c in range(3)] for r in range(table.rowCount())]
    assert cells[0] == [short_date(date.today()), "Chromogranin A", "112.5 ng/mL"]
    assert page.measure_filter.currentText() == "Chromogranin A (2)"
    assert "2 values" in page.chart.charts[0].accessibleDescription()
    assert "highest 112.5 ng/mL" in page.chart.charts[0].accessibleDescription()
    hits = search_with_ctrl_f(window, qtbot, "chromogranin")
    earlier = date.today() - timedelta(days=90)
    assert hits == [  # each value told apart by its value and day
        f"Test: Chromogranin A 80 ng/mL · {short_date(earlier)}",
        f"Test: Chromogranin A 112.5 ng/mL · {short_date(date.today())}",
    ]


def test_a_value_printed_as_a_bound_is_kept_shown_and_marked_on_the_chart(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    from netjourney.core.journey.choices import ValueQualifier
    from netjourney.core.journey.models import Measurement

    page = go_to(window, qtbot, "measurements")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    type_line(qtbot, field(page.editor, "What was measured"), "5-HIAA")  # type: ignore[attr-defined]
    type_line(qtbot, field(page.editor, "Value"), "2")  # type: ignore[attr-defined]
    printed_as = field(page.editor, "Printed as")  # type: ignore[attr-defined]
    printed_as.setFocus()
    qtbot.keyClick(printed_as, Qt.Key.Key_Down)  # "<": the report said "<2"

    [stored] = repository.all_of(record, Measurement)
    assert (stored.value, stored.value_qualifier) == (2, ValueQualifier.LESS)
    table = page.list_model  # type: ignore[attr-defined]
    assert table.index(0, 2).data() == "<2"
    page.measure_filter.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClick(page.measure_filter, Qt.Key.Key_Down)  # type: ignore[attr-defined]
    description = page.chart.charts[0].accessibleDescription()  # type: ignore[attr-defined]
    assert "lowest <2, highest <2" in description and "Open triangles" in description


def search_with_ctrl_f(window: MainWindow, qtbot: QtBot, words: str) -> list[str]:
    """Ctrl+F, type, and wait for the results as they appear while typing."""
    active(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.query.selectAll()
    qtbot.keyClicks(dialog.query, words)
    qtbot.waitUntil(lambda: dialog.results_model.rowCount() > 0)
    results = dialog.results_model.stringList()
    dialog.close()
    return results


def spin_to(qtbot: QtBot, box: QWidget, value: int) -> None:
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, str(value))


def test_a_diary_day_in_seconds_then_a_question_for_the_next_visit(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    from netjourney.core.journey.models import DiaryEntry
    from netjourney.core.models import Appointment, Question
    from netjourney.gui.pages.diary import DiaryPage

    page = go_to(window, qtbot, "diary")
    assert isinstance(page, DiaryPage)
    assert list(page.scores) == ["flushing", "diarrhea", "wheezing", "tiredness", "pain"]
    spin_to(qtbot, page.scores["flushing"], 6)
    spin_to(qtbot, page.scores["diarrhea"], 2)
    spin_to(qtbot, page.counts["diarrhea"], 3)  # counted instead: the rating is cleared
    assert page.scores["diarrhea"].text() == "not rated"
    page.note.setFocus()
    qtbot.keyClicks(page.note, "Flushing after the evening walk")
    go_to(window, qtbot, "home")  # leaving the page saves what was typed

    [entry] = repository.all_of(record, DiaryEntry)
    assert entry.day == date.today() and entry.note == "Flushing after the evening walk"
    assert {(r.symptom, r.rating, r.count) for r in entry.ratings} == {
        ("flushing", 6, None),
        ("diarrhea", None, 3),
    }

    go_to(window, qtbot, "diary")
    assert page.model.index(0, 0).data() == short_date(date.today())
    assert "flushing 6/10" in page.model.index(0, 1).data()
    assert "diarrhea 3 times" in page.model.index(0, 1).data()
    rated, counted = page.chart.charts  # never one axis for a rating and a count
    assert "Symptoms rated 0–10" in rated.accessibleName()
    assert "1 value" in rated.accessibleDescription()
    assert "Symptoms counted" in counted.accessibleName()
    assert "highest 3 times a day" in counted.accessibleDescription()
    hits = search_with_ctrl_f(window, qtbot, "evening walk")
    today = short_date(date.today())
    assert hits == [f"Diary: Note of the day · {today} — Flushing after the evening walk"]

    visit = repository.add(
        record,
        Appointment(
            starts_at=datetime.now(UTC) + timedelta(days=5),
            time_zone="UTC",
            purpose="Follow-up visit",
        ),
    )
    go_to(window, qtbot, "diary")
    qtbot.mouseClick(page.ask_button, Qt.MouseButton.LeftButton)
    [question] = repository.all_of(record, Question)
    assert question.text == (
        f"My diary for {short_date(date.today())}: flushing 6/10, diarrhea 3 times. "
        '"Flushing after the evening walk" What should I know about this?'
    )
    assert question.section_ids == ["questions-side-effects"]
    planned = repository.get(record, Appointment, visit.id).planned_questions
    assert [q.id for q in planned] == [question.id]  # to ask at the next visit
    assert "to ask at" in window.messages.text.text()
    qtbot.mouseClick(window.messages.undo_button, Qt.MouseButton.LeftButton)  # Undo in the bar
    assert repository.all_of(record, Question) == []


def test_home_shows_whats_next_in_date_order_with_an_overdue_dose_plainly(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    from netjourney.core.journey.choices import ScanKind
    from netjourney.core.journey.models import Measurement, Scan

    today = date.today()
    repository.add(
        record,
        Treatment(
            kind=TreatmentKind.SOMATOSTATIN_ANALOG,
            name="lanreotide (Somatuline)",
            started_on=today - timedelta(days=40),
            repeat_every=28,
            repeat_unit=RepeatUnit.DAYS,
        ),
    )
    repository.add(
        record,
        Scan(
            scanned_on=today - timedelta(days=80),
            kind=ScanKind.SOMATOSTATIN_PET,
            next_planned_on=today + timedelta(days=20),
        ),
    )
    repository.add(
        record,
        Measurement(
            measure="Chromogranin A",
            value=80,
            measured_on=today - timedelta(days=10),
            next_planned_on=today + timedelta(days=5),
        ),
    )
    go_to(window, qtbot, "notes")  # Home was shown before these were added: come back to it
    home = go_to(window, qtbot, "home")
    text = home.body.text()  # type: ignore[attr-defined]

    items = [
        text.index(s)
        for s in ("Dose due: lanreotide", "Test planned: Chromogranin A", "Scan planned: ")
    ]
    assert items == sorted(items)  # in date order, the overdue dose first
    assert "<b>Overdue</b> since" in text

    page = go_to(window, qtbot, "treatments")
    assert isinstance(page, TreatmentsPage)
    click_row(qtbot, page.table, 0)
    qtbot.keyClick(page.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    text = go_to(window, qtbot, "home").body.text()  # type: ignore[attr-defined]
    assert "Overdue" not in text  # the dose given today: the next is 28 days on
    due_on = today + timedelta(days=28)
    assert f"{short_date(due_on, weekday=True)}</b> · " in text.split("Dose due: lanreotide")[0]


def test_a_dose_before_the_treatment_started_is_refused_and_says_why(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    started = date.today() - timedelta(days=10)
    repository.add(
        record, Treatment(kind=TreatmentKind.CHEMOTHERAPY, name="temozolomide", started_on=started)
    )
    page = go_to(window, qtbot, "treatments")
    assert isinstance(page, TreatmentsPage)
    click_row(qtbot, page.table, 0)
    page.doses.given_on.setFocus()
    qtbot.keyClick(page.doses.given_on, Qt.Key.Key_End)  # the year
    qtbot.keyClick(page.doses.given_on, Qt.Key.Key_Down)  # a year ago: a slip of the key
    too_early = page.doses.given_on.date().toPython()
    assert too_early < started  # type: ignore[operator]
    assert page.doses.log_button.text() == f"&Log dose given on {short_date(too_early)}"  # type: ignore[attr-defined]
    qtbot.mouseClick(page.doses.log_button, Qt.MouseButton.LeftButton)

    assert repository.all_of(record, Dose) == []
    message = window.messages.text.text()
    assert "Could not add a dose" in message and "before the treatment started" in message


def test_larger_text_redraws_the_charts_with_larger_text(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    from netjourney.core.journey.charts import HEIGHT
    from netjourney.core.journey.models import Measurement

    repository.add(record, Measurement(measure="5-HIAA", value=6, measured_on=date.today()))
    page = go_to(window, qtbot, "measurements")
    [chart] = page.chart.charts  # type: ignore[attr-defined]
    assert chart.drawn_height == HEIGHT
    for _ in range(5):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.ZoomIn))

    # the text takes more room: the drawing grows
    qtbot.waitUntil(lambda: chart.drawn_height > HEIGHT * 1.2)
    assert chart.sizeHint().height() > round(HEIGHT * 1.2 * 1.4)
