"""Decisions: the question, the options considered (each as the user heard it, and who
suggested it), the user's priorities, the choice with its date and reason, and later how
it went; where it was discussed (visits, people) and the guide sections it is about."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from netjourney.core.appointments import appointment_choices
from netjourney.core.decisions.listings import decisions_listing, option_title, options_listing
from netjourney.core.decisions.models import Decision, DecisionOption
from netjourney.core.models import CareTeamMember
from netjourney.core.record import JourneyRecord
from netjourney.core.repository import all_of, get
from netjourney.gui.actions import Actions, AddRecord, RemoveRecord
from netjourney.gui.editor import fill_checklist
from netjourney.gui.list_model import ListingModel
from netjourney.gui.pages.journey_editor import JourneyEditor, rows_table
from netjourney.gui.record_page import RecordPage
from netjourney.gui.welcome import BlankWhenNothingChosen

OPTIONS_ROW = 3  # after the question, what matters most and when it came up


class DecisionEditor(JourneyEditor):
    def __init__(self, record: JourneyRecord) -> None:
        super().__init__(record, Decision)
        self.add_text("The question:", "question", lines=2).setPlaceholderText(
            "e.g. Which treatment after surgery?"
        )
        self.add_text("What matters most to me:", "priorities", lines=3)
        self.add_optional_date("It came up on:", "raised_on")
        self.choice = self.add_choice("My choice:", "chosen_option_id", [])
        self.add_optional_date("Decided on:", "decided_on")
        self.add_text("Why:", "reason", lines=3)
        self.add_text("How it went (later):", "how_it_went", lines=3)
        self.appointments = self.add_checklist("Discussed at:", "appointment_ids")
        self.members = self.add_checklist("Discussed with:", "member_ids")
        self.add_sections(record.guide)

    def prepare(self, record_id: int | None) -> None:
        """The options, visits and people to choose from change as the user edits."""
        self._fill_options(record_id)
        people = all_of(self.record, CareTeamMember, CareTeamMember.name)
        fill_checklist(self.appointments, appointment_choices(self.record))
        fill_checklist(self.members, [(p.name, p.id) for p in people])

    def _fill_options(self, record_id: int | None) -> None:
        options = get(self.record, Decision, record_id).options if record_id else []
        self.set_choices(
            self.choice, [(option_title(o.name), o.id) for o in options], "Not decided yet"
        )

    def options_changed(self) -> None:
        """An option was added, renamed or removed: offer the options as they are now."""
        if self.record_id is None:
            return
        self.flush()
        chosen = self.choice.currentData()
        self._fill_options(self.record_id)
        self.choice.setCurrentIndex(max(0, self.choice.findData(chosen)))
        self.show_stored()


class OptionEditor(JourneyEditor):
    def __init__(self, record: JourneyRecord) -> None:
        super().__init__(record, DecisionOption)
        self.add_line("Option:", "name").setPlaceholderText("e.g. Watch with scans")
        self.add_text("What it aims to do:", "aims", lines=2)
        self.add_text("Benefits, as I heard them:", "benefits", lines=2)
        self.add_text("Risks, as I heard them:", "risks", lines=2)
        self.member = self.add_choice("Suggested by (care team):", "member_id", [])
        self.add_line("Or suggested by:", "suggested_by")

    def prepare(self, record_id: int | None) -> None:
        people = all_of(self.record, CareTeamMember, CareTeamMember.name)
        self.set_choices(self.member, [(p.name, p.id) for p in people], "Nobody from my team")


class OptionsPanel(QGroupBox):
    """The chosen decision's options: the list, adding and removing, and the one chosen."""

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__("Options considered", parent)
        self.record_actions = actions
        self.decision_id: int | None = None
        self.model = ListingModel(actions.record, options_listing(), self)
        self.table = rows_table(self.model, "Options considered")
        row = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(row * 3)
        self.table.setMaximumHeight(row * 6)  # the option's form below stays in view
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        remove = QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.editor = OptionEditor(actions.record)
        self.editor.record_actions, self.editor.kind = actions, "option"
        self.hint = QLabel(wordWrap=True)
        self.add_button = QPushButton("Add an &option")
        self.add_button.clicked.connect(self.add_option)
        self.remove_button = QPushButton("Remove option")
        self.remove_button.clicked.connect(self.remove_selected)
        self._lay_out()
        self.show_decision(None)

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(BlankWhenNothingChosen(self.editor, "option"))

    def show_decision(self, decision_id: int | None) -> None:
        if not self.editor.flush():
            return  # the option being typed stays; the bar says why
        self.decision_id = decision_id
        for widget in (self.add_button, self.remove_button, self.table):
            widget.setEnabled(decision_id is not None)
        self.model.set_conditions([DecisionOption.decision_id == (decision_id or -1)])
        self.editor.load(None)
        self._update_hint()

    def _update_hint(self) -> None:
        if self.decision_id is None:
            self.hint.setText("Choose a decision to see and add the options you considered.")
        elif self.model.total() == 0:
            self.hint.setText("No options yet: add each one you heard about, with who said it.")
        else:
            self.hint.setText("Choose an option to see or change it; pick your choice below.")

    def _show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.editor.load(self.model.id_at(rows[0].row()) if rows else None)

    def add_option(self) -> None:
        if self.decision_id is None:
            return
        option = DecisionOption(decision_id=self.decision_id, name="")
        command = AddRecord(self.record_actions, "option", option)
        if self.record_actions.push(command):
            self.select(option.id)
            self.editor.focus_field("name")

    def select(self, option_id: int) -> None:
        row = self.model.row_of(option_id)
        if row is not None:
            self.table.selectRow(row)

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not self.editor.flush():
            return
        label = f"option “{self.model.index(rows[0].row(), 0).data()}”"
        self.record_actions.push(
            RemoveRecord(
                self.record_actions, DecisionOption, self.model.id_at(rows[0].row()), label
            ),
            done=f"Deleted the {label}.",
            offer_undo=True,
        )

    def reload(self) -> None:
        """Read the options again, the one being edited still selected."""
        shown = self.editor.record_id
        self.model.reload()
        self._update_hint()
        if shown is not None:
            self.select(shown)

    def option_changed(self, option_id: int | None) -> None:
        """Show an option's add, edit, removal or undo in the list and the form."""
        if option_id is not None and option_id == self.editor.record_id:
            self.model.refresh_row(option_id)
            self.editor.show_stored()
            return
        if option_id is None:
            self.model.reload()
            self._update_hint()
        else:
            self.editor.load(option_id)  # so reload() selects it
            self.reload()


class DecisionsPage(RecordPage):
    title = "Decisions"
    kind = "decision"
    stretch_column = 0  # the question: dates and the choice's name stay whole
    main_field = "question"
    default_section_ids = ("making-decisions",)

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        self.options = OptionsPanel(actions)
        self.decision_editor = DecisionEditor(actions.record)
        super().__init__(actions, decisions_listing(), self.decision_editor, parent)
        # In the editor's scrolling pane, after the question: at large text it scrolls
        # with the decision rather than being squeezed under the list.
        self.decision_editor.form.insertRow(OPTIONS_ROW, self.options)
        self.table.selectionModel().selectionChanged.connect(self._show_options)
        actions.record_changed.connect(self._option_changed)

    def new_record(self) -> Decision:
        return Decision(question="", raised_on=date.today())

    def _show_options(self) -> None:
        self.options.show_decision(self.editor.record_id)

    def open_child(self, key: str) -> None:
        """An option of the decision just opened (from a search, the guide or Back)."""
        self.options.select(int(key))

    def current_child(self) -> str:
        chosen = self.options.editor.record_id
        return "" if chosen is None else str(chosen)

    def _option_changed(self, model: type[Any], record_id: int | None) -> None:
        if model is DecisionOption:
            self.options.option_changed(record_id)
            self.decision_editor.options_changed()
            self.list_model.reload()  # the choice's name is shown in the list
            if self.editor.record_id is not None:
                self._select_quietly(self.editor.record_id)
        elif model is Decision and self.options.decision_id != self.editor.record_id:
            self._show_options()
        elif model is Decision:
            self.options.reload()  # the choice is marked in the options' list

    def refresh(self) -> None:
        super().refresh()
        self.options.show_decision(self.editor.record_id)

    def flush(self) -> bool:
        return self.options.editor.flush() and super().flush()
