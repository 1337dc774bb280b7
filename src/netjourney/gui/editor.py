"""A record editor whose fields save themselves as the user types (no Save button)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from netjourney.core import repository
from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from netjourney.core.stored_values import StoredChoice, choice_label
from netjourney.gui.actions import Actions, EditRecord
from netjourney.gui.date_formats import show_dates_as_lists_do
from netjourney.gui.idle_work import user_moved
from netjourney.gui.long_text import show_plain_text, wrap_anywhere_after_long_pastes
from netjourney.gui.section_tags import SectionTags

UNKNOWN_CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1  # marks a flagged entry choose() added
LONGEST_LINE = 2**31 - 1  # QLineEdit's largest maximum length
SAVE_DELAY_MS = 600  # a pause in typing long enough to save without saving every key


class Field:
    """One widget bound to one attribute of the record being edited."""

    def __init__(
        self, name: str, widget: QWidget, read: Callable[[], Any], write: Callable[[Any], None]
    ) -> None:
        self.name, self.widget, self.read, self.write = name, widget, read, write


def fill_checklist(view: QListView, items: list[tuple[str, Any]]) -> None:
    """Replace a checklist's items (text, value), all unchecked; the list shows six to ten."""
    model = view.model()
    assert isinstance(model, QStandardItemModel)
    model.blockSignals(True)  # filling it is not an edit
    try:
        model.clear()
        for text, value in items:
            item = QStandardItem(text)
            item.setData(value, Qt.ItemDataRole.UserRole)
            item.setCheckable(True)
            item.setEditable(False)
            model.appendRow(item)
    finally:
        model.blockSignals(False)
    row_height = view.sizeHintForRow(0) if items else view.fontMetrics().lineSpacing() + 6
    view.setMinimumHeight(row_height * min(6, max(len(items), 2)) + 8)
    view.setMaximumHeight(row_height * 10 + 8)
    view.reset()


class RecordEditor(QWidget):
    """Edits one record of `model`; each save is an `EditRecord` action (gui/actions.py)."""

    section_opened = Signal(str)  # a guide section's id: the user clicked its tag

    def __init__(
        self, record: JourneyRecord, model: type[Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.record = record
        self.model = model
        self.record_id: int | None = None
        self._fields: list[Field] = []
        self._choices: dict[QComboBox, list[tuple[str, Any]]] = {}  # as set_choices last set
        self._pending: set[str] = set()
        self._loading = False
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        # Saves are actions: undoable, and a refused one is told in the window's bar.
        # The page gives its own; an editor on its own keeps its undo steps to itself.
        self.record_actions = Actions(record, QUndoStack(self), self)
        self.kind = "record"
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)  # fields stay together at the top, however tall the pane
        self._layout = layout
        self._form_built = False
        self.setEnabled(False)

    # -- building the form -------------------------------------------------
    def build_form(self) -> None:
        """Hook: add the fields (add_line, add_text...). Called by ensure_form, not with
        the page: the form is hidden until a record is chosen, and building it was about
        a fifth of a list page's first show. An editor whose page adds rows among its
        fields builds them in its __init__ instead."""

    def ensure_form(self) -> None:
        """Build the form if not yet built: when a record is first shown, or once the
        page has been drawn (RecordPage), so the first record chosen opens as fast as
        the next."""
        if not self._form_built:
            self._form_built = True
            self.build_form()

    def _add(self, label: str, field: Field) -> Field:
        field.widget.setAccessibleName(label.rstrip(":"))
        self.form.addRow(label, field.widget)
        self._fields.append(field)
        return field

    def add_line(self, label: str, name: str) -> QLineEdit:
        line = QLineEdit()
        line.setMaxLength(LONGEST_LINE)  # Qt's default, 32,767, cut longer titles on edit

        def show(value: str | None) -> None:
            line.setText(value or "")
            line.setCursorPosition(0)  # a title too long for the field shows its beginning

        self._add(label, Field(name, line, line.text, show))
        line.textEdited.connect(lambda _text: self.changed(name))
        line.editingFinished.connect(self.flush)
        return line

    def add_text(self, label: str, name: str, lines: int = 4) -> QPlainTextEdit:
        text = QPlainTextEdit()
        text.setTabChangesFocus(True)
        height = text.fontMetrics().lineSpacing() * lines + 12
        text.setMinimumHeight(height)
        if lines <= 5:  # short fields stay short; long ones take the room there is
            text.setMaximumHeight(height)
        self._add(
            label, Field(name, text, text.toPlainText, lambda v: show_plain_text(text, v or ""))
        )
        text.textChanged.connect(lambda: self.changed(name))
        wrap_anywhere_after_long_pastes(text)
        return text

    def add_check(self, label: str, name: str, text: str) -> QCheckBox:
        box = QCheckBox(text)
        self._add(label, Field(name, box, box.isChecked, lambda v: box.setChecked(bool(v))))
        box.toggled.connect(lambda _on: self.changed(name, at_once=True))
        return box

    def add_choice(self, label: str, name: str, choices: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        for text, value in choices:
            combo.addItem(text, value)
        self._add(
            label,
            Field(
                name,
                combo,
                combo.currentData,
                lambda v: choose(combo, v),
            ),
        )
        combo.activated.connect(lambda _i: self.changed(name, at_once=True))
        return combo

    def let_fields_grow(self) -> None:
        """Give the pane's spare height to the long text fields instead of empty space."""
        self._layout.setStretchFactor(self.form, 1)
        self._layout.setStretch(self._layout.count() - 1, 0)  # the stretch under the form

    def set_choices(self, combo: QComboBox, choices: list[tuple[str, Any]], none_text: str) -> None:
        """Replace a combo's entries; the first, meaning 'none', holds None. Entries as they
        were are kept: Notes offers every visit each time a note opens, and refilling 600
        of them took as long as the rest of opening it."""
        entries = [(none_text, None), *choices]
        if self._choices.get(combo) == entries and combo.count() == len(entries):
            return
        self._choices[combo] = entries
        combo.clear()
        for text, value in entries:
            combo.addItem(text, value)

    def add_optional_date(self, label: str, name: str) -> QDateEdit:
        """A date that may be unset: the 'Not set' entry is the minimum date."""
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setMinimumDate(QDate(1900, 1, 1))
        edit.setSpecialValueText("Not set")
        show_dates_as_lists_do(edit)

        def read() -> Any:
            chosen = edit.date()
            return None if chosen == edit.minimumDate() else chosen.toPython()

        def write(value: Any) -> None:
            edit.setDate(QDate(value) if value else edit.minimumDate())

        self._add(label, Field(name, edit, read, write))
        edit.dateChanged.connect(lambda _d: self.changed(name, at_once=True))
        return edit

    def add_sections(self, guide: Guide) -> SectionTags:
        """The record's guide sections, as tags at the top of the form (gui/section_tags.py)."""
        tags = SectionTags(guide)
        self._fields.append(Field("section_ids", tags, tags.section_ids, tags.set_section_ids))
        self._layout.insertWidget(0, tags)
        tags.changed.connect(lambda: self.changed("section_ids", at_once=True))
        tags.open_requested.connect(self.section_opened)
        return tags

    def add_checklist(self, label: str, name: str) -> QListView:
        """A list of checkable items (fill_checklist gives them); the field is the list of
        the checked items' values, in the list's order."""
        model = QStandardItemModel(self)
        view = QListView()
        view.setModel(model)
        view.setWordWrap(True)

        def read() -> list[Any]:
            items = (model.item(row) for row in range(model.rowCount()))
            return [
                i.data(Qt.ItemDataRole.UserRole)
                for i in items
                if i.checkState() == Qt.CheckState.Checked
            ]

        def write(values: list[Any]) -> None:
            for row in range(model.rowCount()):
                item = model.item(row)
                linked = item.data(Qt.ItemDataRole.UserRole) in (values or [])
                item.setCheckState(Qt.CheckState.Checked if linked else Qt.CheckState.Unchecked)

        self._add(label, Field(name, view, read, write))
        model.itemChanged.connect(lambda _item: self.changed(name, at_once=True))
        return view

    # -- loading and saving ------------------------------------------------
    def load(self, record_id: int | None) -> bool:
        """Show a record, after saving any pending edit of the one shown. If that edit
        cannot be saved, it stays in the form, and False says the record was not changed."""
        user_moved()
        if not self.flush():
            return False
        # First, as it may raise (a record removed meanwhile): the form is then left as it was.
        obj = repository.get(self.record, self.model, record_id) if record_id else None
        self.ensure_form()
        self.prepare(record_id)
        self.record_id = record_id
        self.setEnabled(record_id is not None)
        self._loading = True
        try:
            for field in self._fields:
                field.write(getattr(obj, field.name) if obj else None)
            self.loaded(obj)
        finally:
            self._loading = False
        return True

    def prepare(self, record_id: int | None) -> None:
        """Hook: refresh what the fields offer (choices, a time zone) before a record is shown."""

    def show_stored(self) -> None:
        """After an undo or redo: show the stored values, rewriting only fields that differ
        (a field being typed in keeps its cursor)."""
        if self.record_id is None or self._pending:
            return
        obj = repository.get(self.record, self.model, self.record_id)
        self._show_values({f.name: getattr(obj, f.name) for f in self._fields})
        self._loading = True
        try:
            self.loaded(obj)
        finally:
            self._loading = False

    def focus_field(self, name: str) -> None:
        """Put the cursor in a field, its text selected, so typing replaces it."""
        self.ensure_form()
        for field in self._fields:
            if field.name == name:
                field.widget.setFocus(Qt.FocusReason.OtherFocusReason)
                if isinstance(field.widget, QLineEdit | QPlainTextEdit):
                    field.widget.selectAll()

    def loaded(self, obj: Any) -> None:
        """Hook for editors that show more than their fields."""

    def changed(self, name: str, at_once: bool = False) -> None:
        if self._loading or self.record_id is None:
            return
        self._pending.add(name)
        if at_once:
            self.flush()
        else:
            self._timer.start()

    def has_pending(self) -> bool:
        return bool(self._pending)

    def flush(self) -> bool:
        """Save pending edits now, as one undoable step. On failure the text stays in the
        form and the window's message bar says why."""
        self._timer.stop()
        if not self._pending or self.record_id is None:
            return True
        values = {f.name: f.read() for f in self._fields if f.name in self._pending}
        derived = self.derived_values(values)
        command = EditRecord(
            self.record_actions,
            self.model,
            self.record_id,
            f"the {self.kind}",
            {**values, **derived},
        )
        if not self.record_actions.push(command):
            return False  # the text stays in the form; the next pause or flush tries again
        self._pending.clear()
        self._show_values(derived)
        return True

    def _show_values(self, values: dict[str, Any]) -> None:
        self._loading = True
        try:
            for field in self._fields:
                if field.name in values and field.read() != values[field.name]:
                    field.write(values[field.name])
        finally:
            self._loading = False

    def derived_values(self, values: dict[str, Any]) -> dict[str, Any]:
        """Hook: further fields that follow from the edited ones."""
        return {}


def choose(combo: QComboBox, value: Any) -> None:
    """Select the entry holding `value`. A stored choice this version does not know gets
    an entry of its own, flagged, so the form never shows another choice in its place;
    it goes when another record is shown."""
    for index in reversed(range(combo.count())):
        if combo.itemData(index, UNKNOWN_CHOICE_ROLE) and combo.itemData(index) != value:
            combo.removeItem(index)
    if isinstance(value, StoredChoice) and not value.known and combo.findData(value) < 0:
        combo.addItem(choice_label({}, value, "choice"), value)
        combo.setItemData(combo.count() - 1, True, UNKNOWN_CHOICE_ROLE)
    combo.setCurrentIndex(max(0, combo.findData(value)))
