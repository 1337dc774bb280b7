"""Symptom diary: a day's entry in seconds (each tracked symptom 0-10, a note), saved as
it is typed; the days so far and a chart over weeks and months; and a symptom turned
into a question for the next appointment in one click."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from netjourney.core import repository
from netjourney.core.appointments import plan_questions, upcoming
from netjourney.core.errors import InvalidInputError
from netjourney.core.journey.charts import diary_charts_of, diary_has_charts
from netjourney.core.journey.listings import day_text, diary_listing
from netjourney.core.journey.models import DiaryEntry, SymptomRating
from netjourney.core.journey.records import (
    SymptomScore,
    ask_about_diary_day,
    save_diary_day,
    tracked_symptoms,
)
from netjourney.core.listing import appointment_title
from netjourney.core.models import Question
from netjourney.core.record import JourneyRecord
from netjourney.gui.actions import Actions, EditRecord, RecordCommand
from netjourney.gui.chart_view import ChartsRead, ChartView
from netjourney.gui.date_formats import show_dates_as_lists_do
from netjourney.gui.editor import SAVE_DELAY_MS
from netjourney.gui.list_model import ListingModel
from netjourney.gui.pages.journey_editor import rows_table
from netjourney.gui.panes import stack_when_narrow
from netjourney.gui.row_delegate import show_as_cards
from netjourney.gui.section_tags import SectionTags

NOT_RATED = -1  # the spin box's lowest step, shown as "not rated"
NOTHING_TO_CHART = "No days rated yet."
DayState = tuple[str, list[SymptomScore]]  # a day's note and scores


@dataclass(frozen=True)
class StoredDay:
    """A day's entry as stored: what the form shows of it, and its guide sections."""

    entry_id: int
    state: DayState
    section_ids: list[str]


def stored_day(record: JourneyRecord, day: date) -> StoredDay | None:
    """The day's entry, read once (the form, its id and its links), or None when there is none."""
    with record.reading() as session:
        entry = session.scalar(select(DiaryEntry).where(DiaryEntry.day == day))
        if entry is None:
            return None
        scores = [SymptomScore(r.symptom, r.rating, r.count) for r in entry.ratings]
        return StoredDay(entry.id, (entry.note, scores), entry.section_ids)


def day_state(record: JourneyRecord, day: date) -> DayState | None:
    """The day's entry as stored, or None when there is none."""
    stored = stored_day(record, day)
    return None if stored is None else stored.state


class SaveDiaryDay(RecordCommand):
    """A day's entry as the form shows it; undo puts back what the day held (or nothing).
    Saves of one day in a row merge, so a typed note is one undo step."""

    MERGE_ID = 12

    def __init__(self, actions: Actions, day: date, after: DayState) -> None:
        super().__init__(actions, f"save the diary for {day_text(day)}")
        self.day, self.after = day, after
        self.before: DayState | None = None
        self.captured = False

    def apply(self) -> None:
        if not self.captured:
            self.before, self.captured = day_state(self.record, self.day), True
        if not self.bring_back():  # a first save redone: the same day, links and all
            self._set(self.after)

    def revert(self) -> None:
        if self.before is not None:
            self._set(self.before)
            return
        with self.record.reading() as session:  # the day's first save: the day goes
            entry_id = session.scalar(select(DiaryEntry.id).where(DiaryEntry.day == self.day))
        if entry_id is not None:
            self.take_away(DiaryEntry, entry_id)

    def _set(self, state: DayState) -> None:
        with self.record.writing() as session:
            save_diary_day(session, self.day, *state)
        self.actions.record_changed.emit(DiaryEntry, None)

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not (isinstance(other, SaveDiaryDay) and other.day == self.day):
            return False
        self.after = other.after
        return True


class AskAboutDiaryDay(RecordCommand):
    """A diary day as a question (worded in the core), planned for the next appointment
    if there is one; undo removes the question."""

    def __init__(self, actions: Actions, day: date) -> None:
        super().__init__(actions, f"make a question of the diary for {day_text(day)}")
        self.day = day
        self.question: Question | None = None
        self.visit = ""

    def apply(self) -> None:
        if self.bring_back():  # redone: the same question, planned where it was
            return
        with self.record.writing() as session:
            entry = session.scalar(select(DiaryEntry).where(DiaryEntry.day == self.day))
            if entry is None:
                raise InvalidInputError("nothing is written for that day yet.")
            self.question = ask_about_diary_day(session, entry.id)
        visits = upcoming(self.record, datetime.now(UTC), limit=1)
        if visits:
            planned = [q.id for q in visits[0].planned_questions]
            plan_questions(self.record, visits[0].id, [*planned, self.question.id])
            self.visit = appointment_title(
                visits[0].starts_at, visits[0].time_zone, visits[0].purpose
            )
        self.actions.record_changed.emit(Question, self.question.id)

    def revert(self) -> None:
        assert self.question is not None
        self.take_away(Question, self.question.id)


class DiaryPage(QWidget):
    navigate_requested = Signal(str, str)

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record_actions = actions
        self.record = actions.record
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        show_dates_as_lists_do(self.day, weekday=True)
        self.day.setAccessibleName("Diary day")
        self.day.dateChanged.connect(self._day_chosen)
        self.scores: dict[str, QSpinBox] = {}  # symptom -> its 0-10 rating
        self.counts: dict[str, QSpinBox] = {}  # symptom -> how many times (e.g. 4 flushes)
        self.symptom_form = QFormLayout()
        self.own_symptom = QLineEdit(placeholderText="A symptom of your own, e.g. itching")
        self.own_symptom.setAccessibleName("Add a symptom to track")
        self.own_symptom.returnPressed.connect(self._add_own_symptom)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText("Anything else about the day")
        self.note.setAccessibleName("Note for the day")
        self.note.setMaximumHeight(self.note.fontMetrics().lineSpacing() * 5 + 12)
        self.note.textChanged.connect(self._changed)
        self.ask_button = QPushButton("Make a &question\nfor the next appointment")
        self.ask_button.setToolTip("Adds the day's symptoms and note to your questions")
        self.ask_button.clicked.connect(self.make_question)
        self.model = ListingModel(self.record, diary_listing(), self)
        self.table = self._days_table()
        self.chart = ChartView("Chart of the diary")
        self.tags = SectionTags(self.record.guide)
        self.tags.changed.connect(self._links_changed)
        self.tags.open_requested.connect(
            lambda section_id: self.navigate_requested.emit("guide", section_id)
        )
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._pending = False
        self._loading = False
        self._shown_day = self.chosen_day()  # the day the form holds (until saved, if changed)
        self._shown_entry_id = ""  # its entry's, as last read ("" for a day not written yet)
        self._chosen_rating: tuple[date, int] | None = None  # opened from the guide: its day
        self._lay_out()
        actions.record_changed.connect(self._record_changed)
        self._set_symptoms()
        self._show_day()
        self._show_charts_once_painted()  # the days' list was loaded with its model, above

    # -- building --------------------------------------------------------------
    def _days_table(self) -> QTableView:
        table = rows_table(self.model, "Diary days")
        self.cards = show_as_cards(table, "diary day")  # the symptoms and note wrap, whole
        table.clicked.connect(lambda index: self.open_item(str(self.model.id_at(index.row()))))
        table.activated.connect(lambda index: self.open_item(str(self.model.id_at(index.row()))))
        return table

    def _lay_out(self) -> None:
        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.addWidget(self.tags)
        day_row = QFormLayout()
        day_row.addRow("Day:", self.day)
        form_layout.addLayout(day_row)
        form_layout.addWidget(
            QLabel(
                "How was each symptom, from 0 (none) to 10 (worst)? Or how many times?",
                wordWrap=True,
            )
        )
        form_layout.addLayout(self.symptom_form)
        form_layout.addWidget(self.own_symptom)
        form_layout.addWidget(QLabel("Note:"))
        form_layout.addWidget(self.note)
        form_layout.addWidget(self.ask_button)
        guide = QLabel(
            'The guide: <a href="guide:questions-side-effects">questions about side effects</a>'
            ' · <a href="guide:getting-through">help getting through treatment</a>'
        )
        # No name of its own: a screen reader says the links' words.
        guide.setWordWrap(True)
        guide.linkActivated.connect(self._link)
        form_layout.addWidget(guide)
        form_layout.addStretch(1)
        days = QWidget()
        days_layout = QVBoxLayout(days)
        days_layout.setContentsMargins(0, 0, 0, 0)
        days_layout.addWidget(self.table, 1)
        days_layout.addWidget(self.chart)
        # The day's form scrolls: at large text its rows keep their height instead of
        # being squeezed over each other (or making the window taller than the screen).
        self.form_pane = QScrollArea()
        self.form_pane.setWidget(form)
        self.form_pane.setWidgetResizable(True)
        self.form_pane.setAccessibleName("The chosen day")
        splitter = QSplitter()
        splitter.addWidget(days)
        splitter.addWidget(self.form_pane)
        # The days and their chart beside the day's form, as the list beside the editor on
        # every page; at large text one above the other (at 200% the form ran off its pane,
        # the count boxes out of sight).
        self.panes = stack_when_narrow(splitter)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Symptom diary</h2>"))
        layout.addWidget(splitter, 1)

    def _set_symptoms(self) -> None:
        """A rating box for each tracked symptom: the defaults and the user's own."""
        with self.record.reading() as session:
            names = tracked_symptoms(session)
        for name in names:
            if name not in self.scores:
                self._add_score_box(name)

    def _add_score_box(self, name: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(NOT_RATED, 10)
        box.setSpecialValueText("not rated")
        box.setSuffix(" / 10")
        box.setAccessibleName(f"{name.capitalize()}, 0 to 10")
        times = QSpinBox()
        times.setRange(NOT_RATED, 999)
        times.setSpecialValueText("or times")
        times.setSuffix(" times")
        times.setAccessibleName(f"{name.capitalize()}, times today")
        times.setToolTip("A count instead of a rating, e.g. 4 flushes")
        # A symptom is rated or counted: setting one clears the other.
        box.valueChanged.connect(lambda value: self._one_of(value, times))
        times.valueChanged.connect(lambda value: self._one_of(value, box))
        row = QHBoxLayout()
        row.addWidget(box)
        row.addWidget(times)
        row.addStretch(1)
        self.symptom_form.addRow(f"{name.capitalize()}:", row)
        self.scores[name], self.counts[name] = box, times
        return box

    def _one_of(self, value: int, other: QSpinBox) -> None:
        if value != NOT_RATED and not self._loading:
            other.setValue(NOT_RATED)
        self._changed()

    def _add_own_symptom(self) -> None:
        name = " ".join(self.own_symptom.text().split())
        if not name:
            return
        known = {n.casefold(): box for n, box in self.scores.items()}
        box = known.get(name.casefold()) or self._add_score_box(name)
        self.own_symptom.clear()
        box.setFocus()
        box.selectAll()

    # -- the day's entry -------------------------------------------------------
    def chosen_day(self) -> date:
        chosen = self.day.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def _day_chosen(self) -> None:
        self.flush_day(self._shown_day)
        self._show_day()

    def _show_day(self) -> None:
        self._shown_day = self.chosen_day()
        day = stored_day(self.record, self._shown_day)
        note, scores = ("", []) if day is None else day.state
        by_symptom = {score.symptom: score for score in scores}
        for name in by_symptom:
            if name not in self.scores:
                self._add_score_box(name)
        self._loading = True
        try:
            for name, box in self.scores.items():
                score = by_symptom.get(name, SymptomScore(name))
                box.setValue(NOT_RATED if score.rating is None else score.rating)
                self.counts[name].setValue(NOT_RATED if score.count is None else score.count)
            if self.note.toPlainText() != note:
                self.note.setPlainText(note)
            self._show_links(day)
        finally:
            self._loading = False

    def _show_links(self, stored: StoredDay | None) -> None:
        """The day's guide sections; a day not written yet has none to link. Called on every
        change to the diary, so the entry id kept here is the stored one."""
        self._shown_entry_id = "" if stored is None else str(stored.entry_id)
        self.tags.set_section_ids([] if stored is None else stored.section_ids)
        self.tags.setEnabled(stored is not None)

    def _links_changed(self) -> None:
        """A tag added or removed: saved as one undoable step, like any field."""
        entry_id = self.current_item()
        if not entry_id or not self.flush():
            return
        label = f"the diary for {day_text(self._shown_day)}"
        links = {"section_ids": self.tags.section_ids()}
        self.record_actions.push(
            EditRecord(self.record_actions, DiaryEntry, int(entry_id), label, links)
        )

    def _state(self) -> DayState:
        scores = []
        for name, box in self.scores.items():
            rating, count = box.value(), self.counts[name].value()
            if rating != NOT_RATED:
                scores.append(SymptomScore(name, rating=rating))
            elif count != NOT_RATED:
                scores.append(SymptomScore(name, count=count))
        return self.note.toPlainText(), scores

    def _changed(self) -> None:
        if self._loading:
            return
        self._pending = True
        self._timer.start()

    def flush(self) -> bool:
        return self.flush_day(self._shown_day)

    def flush_day(self, day: date) -> bool:
        """Save the form as the entry of `day` (the one it shows), as one undoable step."""
        self._timer.stop()
        if not self._pending:
            return True
        command = SaveDiaryDay(self.record_actions, day, self._state())
        if not self.record_actions.push(command):
            return False  # the form keeps what was typed; the bar says why
        self._pending = False
        return True

    # -- the days so far -------------------------------------------------------
    def _show_days(self) -> None:
        self.model.reload()
        self._show_charts()

    def _show_charts(self) -> None:
        self.chart.show_charts(*self._read_charts())

    def _show_charts_once_painted(self) -> None:
        """Five years of days, averaged for the chart, took as long to read as the rest of
        the page took to show: the charts are read once the page is painted (a chart is
        drawn then anyway; shown again, the page keeps its charts until then), unless a
        quick look finds nothing to chart."""
        with self.record.reading() as session:
            anything = diary_has_charts(session)
        if anything:
            self.chart.show_charts_once_painted(self._read_charts)
        else:
            self.chart.show_charts((), NOTHING_TO_CHART)

    def _read_charts(self) -> ChartsRead:
        with self.record.reading() as session:
            charts = diary_charts_of(session)
        return charts, "" if charts else NOTHING_TO_CHART

    def _record_changed(self, model: type[object], _record_id: int | None) -> None:
        if model is DiaryEntry:
            self._show_days()
            if not self._pending:
                self._show_day()
            else:  # the form's own save: a day saved for the first time can now be linked
                self._show_links(stored_day(self.record, self._shown_day))

    def make_question(self) -> None:
        if not self.flush():
            return
        command = AskAboutDiaryDay(self.record_actions, self._shown_day)
        if self.record_actions.push(command) and command.question is not None:
            where = f", to ask at {command.visit}" if command.visit else ""
            text = command.question.text
            self.record_actions.done.emit(f"Added a question{where}: “{text}”", True)

    # -- the page --------------------------------------------------------------
    def refresh(self) -> None:
        self._set_symptoms()
        if not self._pending:
            self._show_day()
        self.model.reload()
        self._show_charts_once_painted()

    def open_item(self, key: str) -> None:
        """Show a diary day (by its entry's id)."""
        if not key:
            return
        entry = repository.get(self.record, DiaryEntry, int(key))
        self.day.setDate(QDate(entry.day.year, entry.day.month, entry.day.day))

    def open_child(self, key: str) -> None:
        """A symptom rating of the day just opened: the keyboard goes to its box."""
        rating = repository.get(self.record, SymptomRating, int(key))
        boxes = self.scores if rating.count is None else self.counts
        box = boxes.get(rating.symptom)
        if box is not None:
            self._chosen_rating = (self._shown_day, rating.id)
            self.form_pane.ensureWidgetVisible(box)
            box.setFocus()

    def current_child(self) -> str:
        """The rating opened on this day ("" once another day is shown): Back chooses it."""
        chosen = self._chosen_rating
        return str(chosen[1]) if chosen is not None and chosen[0] == self._shown_day else ""

    def current_item(self) -> str:
        """The shown day's entry id ("" for a day not written yet): Back returns to it."""
        return self._shown_entry_id

    def _link(self, link: str) -> None:
        page, _, key = link.partition(":")
        self.navigate_requested.emit(page, key)
