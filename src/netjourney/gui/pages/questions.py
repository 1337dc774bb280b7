"""Questions: the guide's library to choose from, the user's own, answers and status."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QTreeView,
    QWidget,
)

from netjourney.core import questions
from netjourney.core.guide import Guide
from netjourney.core.listing import questions_listing
from netjourney.core.models import CareTeamMember, Question, QuestionStatus
from netjourney.core.record import JourneyRecord
from netjourney.core.repository import all_of, change
from netjourney.gui.actions import Actions, RecordCommand
from netjourney.gui.editor import RecordEditor
from netjourney.gui.least_height import keep_lines_tall
from netjourney.gui.record_page import RecordPage
from netjourney.gui.row_delegate import wrap_tree_rows

LIBRARY_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class QuestionEditor(RecordEditor):
    def __init__(self, record: JourneyRecord) -> None:
        super().__init__(record, Question)

    def build_form(self) -> None:
        self.add_text("Question:", "text", lines=2).setPlaceholderText("Type your question here")
        self.status = self.add_choice("Status:", "status", [(s.label, s) for s in QuestionStatus])
        self.add_text("Answer:", "answer", lines=5)
        self.answered_by = self.add_line("Answered by:", "answered_by")
        self.add_optional_date("Answered on:", "answered_on")
        self.add_sections(self.record.guide)

    def loaded(self, obj: Any) -> None:
        names = [m.name for m in all_of(self.record, CareTeamMember, CareTeamMember.name)]
        self.answered_by.setCompleter(QCompleter(names, self.answered_by))

    def derived_values(self, values: dict[str, Any]) -> dict[str, Any]:
        """Writing an answer here, away from a visit, marks the question answered today."""
        if "answer" not in values:
            return {}
        return questions.answer_changes(
            self.status.currentData(), self.answered_by.text(), values["answer"], date.today()
        )


class QuestionsPage(RecordPage):
    title = "Questions"
    kind = "question"
    main_field = "text"

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        record = actions.record
        self.library = LibraryTree(record.guide, questions.chosen_library_ids(record))
        self.status_filter = QComboBox()
        self.group_filter = QComboBox()
        super().__init__(actions, questions_listing(record.guide), QuestionEditor(record), parent)
        self.add_button.setText("&Add my own question")
        self.library.choose_requested.connect(self.choose_from_library)
        self._build_filters(record.guide)

    def filters(self) -> list[QWidget]:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        # The heading shares the filters' row: at 200% text a row of its own was the library's.
        layout.addWidget(QLabel("<b>My questions</b>"))
        layout.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        layout.addWidget(QLabel("Show:"))
        for box in (self.status_filter, self.group_filter):  # they share what the row leaves
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(4)
            layout.addWidget(box, 1)
        return [self.library, row]

    def _build_filters(self, guide: Guide) -> None:
        self.status_filter.setAccessibleName("Filter by status")
        self.status_filter.addItem("Any status", None)
        self.status_filter.addItem("Still to ask or to hear back about", questions.OPEN_FILTER)
        for status in QuestionStatus:
            self.status_filter.addItem(status.label, status)
        self.group_filter.setAccessibleName("Filter by group")
        self.group_filter.addItem("All groups", None)
        for group in guide.question_groups:
            self.group_filter.addItem(group.title, group.section_id)
        self.group_filter.addItem("My own questions", questions.OWN_GROUP)
        self.status_filter.currentIndexChanged.connect(self._apply_filters)
        self.group_filter.currentIndexChanged.connect(self._apply_filters)

    def _apply_filters(self) -> None:
        self.list_model.set_conditions(
            questions.filter_conditions(
                self.record.guide, self.status_filter.currentData(), self.group_filter.currentData()
            )
        )
        self._update_count()

    def open_item(self, key: str) -> None:
        """A record's id opens it; a filter's name (Home's "still to ask") shows that list."""
        if key.isdigit() or not key:
            super().open_item(key)
        else:
            self.show_filtered(key)

    def show_filtered(self, name: str) -> None:
        """Show only the questions a link asked for (Home: the open ones), in every group."""
        self.group_filter.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(name)))

    def new_record(self) -> Question:
        return Question(text="", chosen=True)  # empty: what the user types is the question

    def choose_from_library(self, library_id: str) -> None:
        choice = ChooseFromLibrary(self.record_actions, library_id)
        self.record_actions.push(choice, done="Added to your questions.")
        if choice.question_id is not None:
            self.after_change(choice.question_id)

    def after_change(self, select_id: int | None) -> None:
        super().after_change(select_id)
        self.library.mark_chosen(questions.chosen_library_ids(self.record))

    def refresh(self) -> None:
        super().refresh()
        self.library.mark_chosen(questions.chosen_library_ids(self.record))


class ChooseFromLibrary(RecordCommand):
    """A guide question added to the user's; undo takes away the question it made (or
    unticks one the record held), redo brings back that same question, id and all."""

    def __init__(self, actions: Actions, library_id: str) -> None:
        super().__init__(actions, "add a question from the guide")
        self.library_id = library_id
        self.before = questions.library_choice(actions.record, library_id)
        self.question_id: int | None = None

    def apply(self) -> None:
        if not self.bring_back():
            self.question_id = questions.choose_from_library(self.record, self.library_id).id
            self.actions.record_changed.emit(Question, self.question_id)

    def revert(self) -> None:
        assert self.question_id is not None
        if self.before is None:
            self.take_away(Question, self.question_id)
        else:
            change(self.record, Question, self.question_id, chosen=self.before)
            self.actions.record_changed.emit(Question, self.question_id)


LIBRARY_LEAST_LINES = 6


class LibraryTree(QTreeView):
    """The guide's questions in their four groups; Enter or double-click adds one."""

    choose_requested = Signal(str)

    def __init__(self, guide: Guide, chosen: set[str]) -> None:
        super().__init__()
        self.items: dict[str, QStandardItem] = {}
        model = QStandardItemModel(self)
        model.setHorizontalHeaderLabels(["Questions from the guide (double-click to add)"])
        for group in guide.question_groups:
            group_item = QStandardItem(group.title)
            group_item.setEditable(False)
            for question in group.questions:
                item = QStandardItem(question.text)
                item.setEditable(False)
                item.setData(question.id, LIBRARY_ID_ROLE)
                _show_chosen(item, question.id in chosen)
                group_item.appendRow(item)
                self.items[question.id] = item
            model.appendRow(group_item)
        self.setModel(model)
        self.wrapping = wrap_tree_rows(self)
        self.setAccessibleName("Question library")
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(True)
        self.expandAll()
        # The header, a group and two questions of two lines at 200% text; my list keeps room.
        keep_lines_tall(self, LIBRARY_LEAST_LINES)
        self.activated.connect(self._activated)

    def _activated(self, index: QModelIndex) -> None:
        library_id = index.data(LIBRARY_ID_ROLE)
        if library_id:
            self.choose_requested.emit(library_id)

    def mark_chosen(self, chosen: set[str]) -> None:
        """Tick the questions now in the user's. Only those that changed are touched: each
        change has the tree measure its rows again (two a row, on every visit, were most
        of what the library cost the page)."""
        for library_id, item in self.items.items():
            ticked = item.data(Qt.ItemDataRole.CheckStateRole) is not None
            if ticked != (library_id in chosen):
                _show_chosen(item, library_id in chosen)


def _show_chosen(item: QStandardItem, chosen: bool) -> None:
    """A tick (not a box to click: adding is a double-click) and a tip saying what it means."""
    item.setData(Qt.CheckState.Checked if chosen else None, Qt.ItemDataRole.CheckStateRole)
    item.setToolTip(
        "Already in your questions"
        if chosen
        else "Double-click or press Enter to add to your questions"
    )
