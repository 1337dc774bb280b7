"""Treatments: what the user has had or is having, its schedule, and each dose given,
logged in one keystroke (Ctrl+D); when the next dose is due, and whether it is overdue."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from netjourney.core.dates import short_date
from netjourney.core.journey.choices import (
    TREATMENT_KIND_LABELS,
    RepeatUnit,
    TreatmentKind,
    treatment_title,
)
from netjourney.core.journey.listings import day_text, doses_listing, treatments_listing
from netjourney.core.journey.models import Dose, Treatment
from netjourney.core.journey.rules import REPEAT_MAX
from netjourney.core.journey.schedule import DoseDue, doses_due
from netjourney.core.journey.suggestions import suggestions
from netjourney.core.models import CareTeamMember
from netjourney.core.record import JourneyRecord
from netjourney.core.repository import all_of, get
from netjourney.gui.actions import Actions, AddRecord, RemoveRecord
from netjourney.gui.date_formats import show_dates_as_lists_do
from netjourney.gui.editor import Field, choose
from netjourney.gui.list_model import ListingModel
from netjourney.gui.pages.journey_editor import JourneyEditor, rows_table
from netjourney.gui.record_page import RecordPage
from netjourney.gui.row_delegate import show_as_cards

DOSES_ROW = 3  # after the treatment's kind, name and dose


class TreatmentEditor(JourneyEditor):
    def __init__(self, record: JourneyRecord) -> None:
        super().__init__(record, Treatment)
        kinds = [(TREATMENT_KIND_LABELS[kind], kind) for kind in TreatmentKind]
        self.add_choice("Kind:", "kind", kinds)
        self.add_suggested_line("Name:", "name", suggestions()["treatment_names"])
        self.add_line("Dose:", "dose").setPlaceholderText("e.g. 120 mg")
        self.add_line("How it is given:", "how_given").setPlaceholderText(
            "e.g. injection under the skin"
        )
        self.member = self.add_choice("Prescribed by:", "member_id", [])
        self.add_line("Where:", "location")
        self.add_optional_date("Started:", "started_on")
        self.add_optional_date("Stopped:", "stopped_on")
        self.add_line("Why it stopped:", "why_stopped")
        self.every, self.unit = self._add_repeat()
        self.add_line("Or on these dates:", "planned_dates").setPlaceholderText(
            "e.g. 2026-03-02 2026-03-30"
        )
        self.add_text("Notes:", "notes", lines=3)
        self.add_sections(record.guide)

    def _add_repeat(self) -> tuple[QSpinBox, QComboBox]:
        every = QSpinBox()
        every.setRange(0, REPEAT_MAX)
        every.setSpecialValueText("Does not repeat")
        every.setPrefix("every ")
        unit = QComboBox()
        unit.addItem("days", RepeatUnit.DAYS)
        unit.addItem("weeks", RepeatUnit.WEEKS)
        unit.setAccessibleName("Repeats in days or weeks")
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(every)
        layout.addWidget(unit)
        layout.addStretch(1)
        every.setAccessibleName("Repeats every")
        self.form.addRow("Repeats:", row)
        self._fields += [
            Field("repeat_every", every, lambda: every.value() or None, _spin(every)),
            Field("repeat_unit", unit, unit.currentData, lambda v: choose(unit, v)),
        ]
        every.valueChanged.connect(lambda _v: self.changed("repeat_every", at_once=True))
        unit.activated.connect(lambda _i: self.changed("repeat_unit", at_once=True))
        return every, unit

    def derived_values(self, values: dict[str, Any]) -> dict[str, Any]:
        """A number and its unit are saved together: both, or neither."""
        if "repeat_every" not in values and "repeat_unit" not in values:
            return {}
        every = self.every.value() or None
        return {"repeat_every": every, "repeat_unit": self.unit.currentData() if every else None}

    def prepare(self, record_id: int | None) -> None:
        people = all_of(self.record, CareTeamMember, CareTeamMember.name)
        self.set_choices(self.member, [(p.name, p.id) for p in people], "Not given")


def _spin(spin: QSpinBox) -> Any:
    return lambda value: spin.setValue(value or 0)


class DosePanel(QGroupBox):
    """The selected treatment's doses: when the next is due, logging one, those given."""

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__("Doses", parent)
        self.record_actions = actions
        self.treatment_id: int | None = None
        self.due = QLabel(wordWrap=True)  # no name of its own: a screen reader says its text
        self.given_on = QDateEdit(QDate.currentDate())
        self.given_on.setCalendarPopup(True)
        show_dates_as_lists_do(self.given_on)
        self.given_on.setAccessibleName("Dose given on")
        self.where = QLineEdit(placeholderText="Where (clinic, home)")
        self.where.setAccessibleName("Where the dose was given")
        self.notes = QLineEdit(placeholderText="Notes, e.g. injection site")
        self.notes.setAccessibleName("Dose notes")
        self.log_button = QPushButton()
        self.log_button.setToolTip("Log the dose (Ctrl+D)")
        self.log_button.clicked.connect(self.log_dose)
        self.given_on.dateChanged.connect(self._name_button)
        self.model = ListingModel(actions.record, doses_listing(), self)
        self.table = self._doses_table()
        self._lay_out()
        self._name_button()
        self.show_treatment(None)

    def _doses_table(self) -> QTableView:
        table = rows_table(self.model, "Doses given")
        # Cards: the day, where and the notes wrap; the treatment is the one chosen above.
        self.cards = show_as_cards(table, "dose")
        remove = QShortcut(QKeySequence.StandardKey.Delete, table, self.remove_selected)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        return table

    def _lay_out(self) -> None:
        when_row = QHBoxLayout()  # two short rows: the panel stays narrow at large text
        when_row.addWidget(self.given_on)
        when_row.addWidget(self.log_button)
        when_row.addStretch(1)
        what_row = QHBoxLayout()
        what_row.addWidget(self.where, 1)
        what_row.addWidget(self.notes, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.due)
        layout.addLayout(when_row)
        layout.addLayout(what_row)
        layout.addWidget(self.table, 1)

    def _name_button(self) -> None:
        day = chosen_day(self.given_on)
        when = "today" if day == date.today() else f"on {day_text(day)}"
        self.log_button.setText(f"&Log dose given {when}")

    def show_treatment(self, treatment_id: int | None) -> None:
        self.treatment_id = treatment_id
        for widget in (self.given_on, self.where, self.notes, self.log_button):
            widget.setEnabled(treatment_id is not None)
        self.model.set_conditions([Dose.treatment_id == (treatment_id or -1)])
        self._show_due()

    def _show_due(self) -> None:
        if self.treatment_id is None:
            self.due.setText("Choose a treatment to see and log its doses.")
            return
        today = date.today()
        with self.record_actions.record.plain_reading() as connection:
            dues = doses_due(connection, today)
        due = next((d for d in dues if d.treatment_id == self.treatment_id), None)
        self.due.setText(due_text(due, today, self.model.total()))

    def log_dose(self) -> None:
        if self.treatment_id is None:
            return
        given_on = chosen_day(self.given_on)
        dose = Dose(
            treatment_id=self.treatment_id,
            given_on=given_on,
            location=self.where.text().strip(),
            notes=self.notes.text().strip(),
        )
        treatment = get(self.record_actions.record, Treatment, self.treatment_id)
        name = treatment_title(treatment.name, treatment.kind)
        done = f"Logged a dose of {name} given on {day_text(given_on)}."
        command = AddRecord(self.record_actions, "dose", dose)  # the core refuses a bad day
        if self.record_actions.push(command, done, offer_undo=True):
            self.notes.clear()
            self.given_on.setDate(QDate.currentDate())

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        dose_id = self.model.id_at(rows[0].row())
        label = f"dose of {self.model.index(rows[0].row(), 0).data()}"
        self.record_actions.push(
            RemoveRecord(self.record_actions, Dose, dose_id, label),
            done=f"Deleted the {label}.",
            offer_undo=True,
        )

    def select(self, dose_id: int) -> None:
        row = self.model.row_of(dose_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def refresh(self) -> None:
        self.model.reload()
        self._show_due()


def chosen_day(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


def due_text(due: DoseDue | None, today: date, doses_given: int) -> str:
    """The next dose in plain words: when, and how late if it is late."""
    given = f"{doses_given} dose{'' if doses_given == 1 else 's'} logged."
    if due is None:
        return f"No dose is due: the treatment has no schedule, or has stopped. {given}"
    days = (due.due_on - today).days
    when = short_date(due.due_on, weekday=True)
    if days < 0:
        late = f"{-days} day{'' if days == -1 else 's'}"
        return f"<b>Overdue</b>: the next dose was due on {when}, {late} ago. {given}"
    soon = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
    return f"Next dose due: <b>{when}</b> ({soon}). {given}"


class TreatmentsPage(RecordPage):
    title = "Treatments"
    kind = "treatment"
    main_field = "name"

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        self.doses = DosePanel(actions)
        self.treatment_editor = TreatmentEditor(actions.record)
        super().__init__(actions, treatments_listing(), self.treatment_editor, parent)
        # In the editor's scrolling pane, after what the treatment is: at large text the
        # doses scroll with the treatment rather than squeezing the form to a sliver.
        self.treatment_editor.form.insertRow(DOSES_ROW, self.doses)
        log = QShortcut(QKeySequence("Ctrl+D"), self, self.doses.log_dose)
        log.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.selectionModel().selectionChanged.connect(self._show_doses)
        actions.record_changed.connect(self._record_changed_doses)

    def new_record(self) -> Treatment:
        return Treatment(kind=TreatmentKind.SOMATOSTATIN_ANALOG, name="", started_on=date.today())

    def _show_doses(self) -> None:
        self.doses.show_treatment(self.editor.record_id)

    def open_child(self, key: str) -> None:
        """A dose of the treatment just opened (from a search, the guide or Back)."""
        self.doses.select(int(key))

    def current_child(self) -> str:
        chosen = self.doses.selected_id()
        return "" if chosen is None else str(chosen)

    def _record_changed_doses(self, model: type[Any], _record_id: int | None) -> None:
        if model in (Dose, Treatment):
            self.doses.show_treatment(self.editor.record_id)

    def refresh(self) -> None:
        super().refresh()
        self.doses.show_treatment(self.editor.record_id)
