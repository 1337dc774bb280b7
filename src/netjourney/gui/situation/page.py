"""My situation page: answers on the left, saved as they change; the path on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from netjourney.core.errors import RecordError
from netjourney.core.questions import chosen_library_ids
from netjourney.core.record import JourneyRecord
from netjourney.core.situation import load_rules
from netjourney.core.situation_store import add_suggested_questions, load_situation, save_situation
from netjourney.gui.situation.answers_form import AnswersForm
from netjourney.gui.situation.path_view import PathView, WrappingLabel, heading_label

TEXT_SCALE = 1.15  # long reading: a little larger than the rest of the app
ANSWERS_WIDTH = 380
INTRO = (
    "Choose what you know about the tumor. Leave anything you are not sure of as "
    "“Not known yet”: the path then tells you what to ask. Your answers are saved as you go."
)


class SituationPage(QWidget):
    section_requested = Signal(str)
    status_message = Signal(str)

    def __init__(self, record: JourneyRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._follow_text_size()
        # A page with a font of its own gets no word of Ctrl++ or Ctrl+0 (Qt tells only
        # windows), so it listens to the application's font itself.
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.fontChanged.connect(self._follow_text_size)
        self.record = record
        self.rules = load_rules(record.guide)
        self.situation = load_situation(record)
        self.unsaved = False
        self.form = AnswersForm()
        self.path_view = PathView()
        self.problem = QLabel(wordWrap=True)
        self.problem.setAccessibleName("Problem saving")
        self.problem.hide()
        self._lay_out()
        self.form.show_situation(self.situation)
        self.form.answer_changed.connect(self.change_answer)
        self.path_view.section_requested.connect(self.section_requested)
        self.path_view.question_add_requested.connect(self.add_question)
        self._show_path()

    def _lay_out(self) -> None:
        title = heading_label("My situation", "xx-large")
        caution = WrappingLabel(f"Please note: {self.record.guide.source.caution}")
        caution.setFrameShape(QFrame.Shape.StyledPanel)
        caution.setContentsMargins(8, 6, 8, 6)
        caution.setAccessibleName("Caution from the guide")
        intro = WrappingLabel(INTRO)
        # The words scroll with their pane: at large text, fixed ones would leave no room.
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(_scrolling("Your answers", intro, caution, self.problem, self.form))
        splitter.addWidget(_scrolling("Your path through the guide", self.path_view))
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([ANSWERS_WIDTH, 2 * ANSWERS_WIDTH])
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)

    def _follow_text_size(self, _font: QFont | None = None) -> None:
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * TEXT_SCALE)
        self.setFont(font)

    def change_answer(self, name: str, value: str) -> None:
        self.situation = self.situation.with_answer(name, value)
        self.unsaved = True
        self._show_path()
        self.flush()

    def flush(self) -> bool:
        """Save answers the record does not hold yet; if that fails, keep them and say so."""
        if not self.unsaved:
            return True
        try:
            save_situation(self.record, self.situation)
        except RecordError as error:
            self._report(f"Your answers are not saved yet: {error}")
            return False
        self.unsaved = False
        self.problem.hide()
        return True

    def refresh(self) -> None:
        """Show what the record holds now (after an import, or questions changed elsewhere)."""
        self.flush()
        if not self.unsaved:
            self.situation = load_situation(self.record)
            self.form.show_situation(self.situation)
        self._show_path()

    def open_item(self, key: str) -> None:
        """The page spec's hook (gui/page_spec.py): this page has one view."""

    def current_item(self) -> str:
        return ""

    def open_child(self, key: str) -> None:
        """The page spec's hook: nothing is shown inside this page's one view."""

    def current_child(self) -> str:
        return ""

    def add_question(self, library_id: str) -> None:
        try:
            add_suggested_questions(self.record, [library_id])
        except RecordError as error:
            self._report(f"The question was not added: {error}")
            return
        self.path_view.mark_chosen(library_id)
        text = self.record.guide.library_question(library_id).text
        self.status_message.emit(f"Added to your questions: {text}")

    def _show_path(self) -> None:
        try:
            chosen = chosen_library_ids(self.record)
        except RecordError as error:
            self._report(str(error))
            chosen = set()
        self.path_view.show_path(self.rules.path_for(self.situation), chosen)

    def _report(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()
        self.status_message.emit(message)


def _scrolling(heading: str, *contents: QWidget) -> QWidget:
    """The contents under a heading, scrolling together on their own."""
    column = QWidget()
    column_layout = QVBoxLayout(column)
    column_layout.setContentsMargins(0, 0, 8, 0)
    column_layout.addWidget(heading_label(heading, "x-large"))
    for content in contents:
        column_layout.addWidget(content)
    column_layout.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    # Text wraps to the pane's width; a sideways scroll bar would hide the ends of lines.
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(column)
    scroll.setAccessibleName(heading)
    return scroll
