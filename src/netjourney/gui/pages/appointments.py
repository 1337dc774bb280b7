"""Appointments: upcoming and past, planned questions, answers and outcome in one place."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from netjourney.core import appointments, questions, repository
from netjourney.core.dates import short_date, zone_or_utc
from netjourney.core.listing import Listing, ListQuery, appointments_listing
from netjourney.core.models import Appointment, CareTeamMember, Question
from netjourney.core.people import role_title
from netjourney.core.record import JourneyRecord
from netjourney.gui.actions import Actions, Change, ChangeByRule
from netjourney.gui.date_formats import show_dates_as_lists_do
from netjourney.gui.editor import Field, RecordEditor
from netjourney.gui.record_page import RecordPage
from netjourney.gui.zones import zone_in_words

AnyIndex = QModelIndex | QPersistentModelIndex


@cache
def zone_names() -> list[str]:
    """Every time zone the computer knows, sorted; read once: it walks the zone files."""
    return sorted(available_timezones())


def system_time_zone() -> str:
    name = bytes(QDateTime.currentDateTime().timeZone().id().data()).decode()
    return name if name in zone_names() else "UTC"


class AppointmentEditor(RecordEditor):
    def __init__(self, record: JourneyRecord) -> None:
        super().__init__(record, Appointment)

    def build_form(self) -> None:
        self.zone = QComboBox(editable=False)
        self.zone.addItems(zone_names())
        self.starts = self._add_time("Starts:", "starts_at")
        self.ends = self._add_time("Ends:", "ends_at")
        self._add_zone()
        self.member = self.add_choice("With (care team):", "member_id", [])
        self.add_line("Or with someone else:", "with_whom")
        self.add_line("Where:", "location")
        self.add_line("Purpose:", "purpose")
        self.add_text("What to bring:", "what_to_bring", lines=2)
        self.planned = PlannedQuestions(self)
        self.record_actions.record_changed.connect(self.planned.question_changed)
        self.form.addRow("Questions to ask:", self.planned)
        self.add_text("Outcome (after the visit):", "outcome", lines=4)
        self.add_sections(self.record.guide)
        self.form.addRow("Visit sheet:", self._visit_sheet_buttons())

    def _visit_sheet_buttons(self) -> QWidget:
        """A one-page sheet to take along: the plan, with room to write the answers."""
        save = QPushButton("&Save as PDF…")
        save.clicked.connect(lambda: self._visit_sheet(printed=False))
        print_ = QPushButton("P&rint…")
        print_.clicked.connect(lambda: self._visit_sheet(printed=True))
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(save)
        layout.addWidget(print_)
        layout.addStretch(1)
        return row

    def _visit_sheet(self, printed: bool) -> None:
        # Imported at the first click, not while the page is first shown (about 15 ms).
        from netjourney.gui.export_dialog import print_visit_sheet, save_visit_sheet

        make = print_visit_sheet if printed else save_visit_sheet
        if self.flush() and self.record_id is not None:
            make(self.record, self.record_id, self)  # runs in the background, owned by self

    def _add_time(self, label: str, name: str) -> QDateTimeEdit:
        edit = QDateTimeEdit(calendarPopup=True)
        show_dates_as_lists_do(edit, weekday=True, with_time=True)

        def read() -> datetime:
            day, clock = edit.date(), edit.time()
            naive = datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())
            return naive.replace(tzinfo=ZoneInfo(self.zone.currentText() or "UTC"))

        def write(value: datetime | None) -> None:
            shown = value.astimezone(ZoneInfo(self.zone.currentText())) if value else None
            edit.setDateTime(
                QDateTime(
                    QDate(shown.year, shown.month, shown.day), QTime(shown.hour, shown.minute)
                )
                if shown
                else QDateTime.currentDateTime()
            )

        self._add(label, Field(name, edit, read, write))
        edit.dateTimeChanged.connect(lambda _t: self.changed(name))
        edit.editingFinished.connect(self.flush)
        return edit

    def _add_zone(self) -> None:
        def write(value: str | None) -> None:
            self.zone.setCurrentText(value or system_time_zone())

        self._add("Time zone:", Field("time_zone", self.zone, self.zone.currentText, write))
        words = QLabel(wordWrap=True)
        self.form.addRow("", words)
        self.zone.currentTextChanged.connect(lambda name: words.setText(zone_in_words(name)))
        # The clock time the user typed stays; it now means that time in the new zone.
        self.zone.activated.connect(lambda _i: self._zone_changed())

    def _zone_changed(self) -> None:
        for name in ("time_zone", "starts_at", "ends_at"):
            self.changed(name)
        self.flush()

    def prepare(self, record_id: int | None) -> None:
        people = repository.all_of(self.record, CareTeamMember, CareTeamMember.name)
        self.set_choices(
            self.member,
            [(f"{p.name} ({role_title(self.record.guide, p.role)})", p.id) for p in people],
            "Nobody from my care team",
        )
        if record_id is not None:  # the zone first, so times are shown in it
            self.zone.setCurrentText(repository.get(self.record, Appointment, record_id).time_zone)

    def loaded(self, obj: Any) -> None:
        self.planned.show_appointment(obj)

    def derived_values(self, values: dict[str, Any]) -> dict[str, Any]:
        """Keep the end after the start: an hour later unless the user set it later."""
        start, end = self.starts.dateTime(), self.ends.dateTime()
        if ("starts_at" in values or "ends_at" in values) and end < start:
            return {
                "ends_at": values.get("starts_at", self._field_value("starts_at"))
                + timedelta(hours=1)
            }
        return {}

    def _field_value(self, name: str) -> Any:
        return next(f.read() for f in self._fields if f.name == name)


class PlannedQuestionsModel(QAbstractTableModel):
    """The questions planned for one visit; the Answer column is written in place."""

    HEADERS = ("Question", "Status", "Answer")

    def __init__(self, editor: RecordEditor) -> None:
        super().__init__()
        self.editor = editor  # its actions answer the questions
        self.appointment: Appointment | None = None
        self.rows: list[Question] = []
        self.unsaved: dict[int, str] = {}  # question id: an answer the record refused, kept

    def show_appointment(self, appointment: Appointment | None) -> None:
        self.beginResetModel()
        self.appointment = appointment
        self.rows = list(appointment.planned_questions) if appointment else []
        self.unsaved = {q: text for q, text in self.unsaved.items() if q in self.question_ids()}
        self.endResetModel()

    def question_ids(self) -> list[int]:
        return [q.id for q in self.rows]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        question = self.rows[index.row()]
        unsaved = self.unsaved.get(question.id)
        if unsaved is not None and index.column() == 2:
            return f"Not saved yet: {unsaved}" if role == Qt.ItemDataRole.ToolTipRole else unsaved
        return (question.text, question.status.label, question.answer)[index.column()]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == 2 else flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != 2 or self.appointment is None:
            return False
        question_id, answer, visit_id = self.rows[index.row()].id, str(value), self.appointment.id
        answered = self.editor.record_actions.push(
            ChangeByRule(
                self.editor.record_actions,
                "answer a question",
                Question,
                question_id,
                lambda record: questions.answer_question(record, question_id, answer, visit_id),
                ("answer", "status", "answered_on", "answered_by"),
            )
        )
        if answered:
            self.unsaved.pop(question_id, None)
        else:  # kept in the table, so the words are not lost; saving again retries
            self.unsaved[question_id] = answer
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 2))
        return answered

    def reload_question(self, question_id: int) -> None:
        """Show a question's stored values (after an answer, its undo or redo)."""
        for number, question in enumerate(self.rows):
            if question.id == question_id:
                self.rows[number] = repository.get(self.editor.record, Question, question_id)
                self.dataChanged.emit(self.index(number, 0), self.index(number, 2))


class PlannedQuestions(QWidget):
    """Plan questions for a visit, answer them after it, carry open ones forward."""

    def __init__(self, editor: RecordEditor) -> None:
        super().__init__()
        self.editor = editor
        self.record = editor.record
        self.model = PlannedQuestionsModel(editor)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Questions planned for this visit")
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        # A few rows: each as tall as its wrapped question, never cut short.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        plan = QPushButton("&Choose questions…")
        plan.clicked.connect(self.choose)
        self.carry = QPushButton("Carry unanswered to next visit")
        self.carry.clicked.connect(self.carry_over)
        self.message = QLabel(wordWrap=True)
        buttons = QHBoxLayout()
        buttons.addWidget(plan)
        buttons.addWidget(self.carry)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def show_appointment(self, appointment: Appointment | None) -> None:
        self.model.show_appointment(appointment)
        self.message.clear()

    def choose(self) -> None:
        appointment = self.model.appointment
        if appointment is None:
            return
        planned = [q.id for q in appointment.planned_questions]
        offered = questions.open_questions(self.record)
        offered += [q for q in appointment.planned_questions if q.id not in {o.id for o in offered}]
        dialog = ChooseQuestionsDialog(offered, planned, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            chosen = dialog.chosen_ids()
            self._plan(
                "plan the questions for a visit",
                appointment.id,
                lambda record: appointments.plan_questions(record, appointment.id, chosen),
                lambda record: appointments.plan_questions(record, appointment.id, planned),
            )

    def carry_over(self) -> None:
        appointment = self.model.appointment
        if appointment is None:
            return
        following = appointments.next_after(self.record, appointment.id)
        if following is None:
            self.message.setText("There is no later visit yet. Add one, then try again.")
            return
        planned_there = [q.id for q in following.planned_questions]
        if self._plan(
            "carry open questions to the next visit",
            appointment.id,
            lambda record: appointments.carry_over_unanswered(record, appointment.id),
            lambda record: appointments.plan_questions(record, following.id, planned_there),
        ):
            self.message.setText(
                f"Open questions added to the visit of "
                f"{short_date(following.starts_at.astimezone(zone_or_utc(following.time_zone)))}."
            )

    def _plan(
        self,
        text: str,
        appointment_id: int,
        do: Callable[[JourneyRecord], object],
        undo: Callable[[JourneyRecord], object],
    ) -> bool:
        actions = self.editor.record_actions
        return actions.push(Change(actions, text, Appointment, appointment_id, do, undo))

    def question_changed(self, model: type[Any], record_id: int | None) -> None:
        if model is Question and record_id is not None:
            self.model.reload_question(record_id)


class ChooseQuestionsDialog(QDialog):
    """Tick the open questions to ask at this visit."""

    def __init__(self, offered: list[Question], planned: list[int], parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Questions to ask at this visit")
        self.model = QStandardItemModel(self)
        for question in offered:
            item = QStandardItem(question.text)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(
                Qt.CheckState.Checked if question.id in planned else Qt.CheckState.Unchecked
            )
            item.setData(question.id, Qt.ItemDataRole.UserRole)
            self.model.appendRow(item)
        view = QListView()
        view.setModel(self.model)
        view.setWordWrap(True)
        view.setAccessibleName("Open questions")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Your questions not answered yet:"))
        layout.addWidget(view)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def chosen_ids(self) -> list[int]:
        items = (self.model.item(row) for row in range(self.model.rowCount()))
        return [
            i.data(Qt.ItemDataRole.UserRole)
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        ]


class AppointmentsPage(RecordPage):
    title = "Appointments"
    kind = "appointment"
    stretch_column = 3  # the place: dates, names and purposes must stay whole
    main_field = "purpose"

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        self.when_filter = QComboBox()
        self.when_filter.setAccessibleName("Show upcoming or past appointments")
        for text, value in (("Upcoming", "upcoming"), ("Past", "past"), ("All", "all")):
            self.when_filter.addItem(text, value)
        super().__init__(actions, appointments_listing(), AppointmentEditor(actions.record), parent)
        self.when_filter.currentIndexChanged.connect(self._apply_filter)

    def filters(self) -> list[QWidget]:
        return [self.when_filter]

    def list_query(self, listing: Listing) -> ListQuery:
        query = ListQuery.default(listing)
        self._filter_when(query)
        return query

    def _filter_when(self, query: ListQuery) -> None:
        which = self.when_filter.currentData()
        query.descending = which == "past"  # most recent past visit first
        query.conditions = tuple(appointments.when_conditions(which, datetime.now(UTC)))

    def _apply_filter(self) -> None:
        self._filter_when(self.list_model.query)
        self.list_model.reload()
        self._update_count()

    def new_record(self) -> Appointment:
        zone = ZoneInfo(system_time_zone())
        tomorrow = datetime.now(zone).replace(hour=9, minute=0, second=0, microsecond=0)
        tomorrow += timedelta(days=1)
        return Appointment(
            starts_at=tomorrow,
            ends_at=tomorrow + timedelta(hours=1),
            time_zone=zone.key,
            purpose="New appointment",
        )
