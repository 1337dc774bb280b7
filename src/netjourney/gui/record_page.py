"""A page of one kind of record: a sortable list, an editor beside it; every change is an
action (gui/actions.py), so it can be undone and its failure is told, never lost."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from netjourney.core.listing import Listing, ListQuery
from netjourney.gui.actions import Actions, AddRecord, RemoveRecord
from netjourney.gui.editor import RecordEditor
from netjourney.gui.list_model import ListingModel
from netjourney.gui.opening import after_next_paint
from netjourney.gui.panes import stack_when_narrow
from netjourney.gui.row_delegate import show_as_cards
from netjourney.gui.welcome import BlankWhenNothingChosen, explain_when_empty

FORM_AFTER_PAINT_MS = 50  # the hidden form is built this long after the list is first drawn


class RecordPage(QWidget):
    """Subclasses give the listing, the editor and how to make a new record."""

    title = ""
    kind = "record"  # "note", "question", ... for messages and the undo menu
    kind_plural = ""
    stretch_column = 0  # the column that takes the room left; the others fit their text
    main_field = ""  # the field a new record's typing goes to
    default_section_ids: tuple[str, ...] = ()  # where a new record is linked at first
    navigate_requested = Signal(str, str)  # page key, item key: a tag opens its section

    def __init__(
        self,
        actions: Actions,
        listing: Listing,
        editor: RecordEditor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.record_actions = actions
        self.record = actions.record
        self.model = editor.model
        self.editor = editor
        editor.record_actions, editor.kind = actions, self.kind
        editor.section_opened.connect(
            lambda section_id: self.navigate_requested.emit("guide", section_id)
        )
        self.new_section_ids = list(self.default_section_ids)
        self.list_model = ListingModel(self.record, listing, self, self.list_query(listing))
        self.table = self._make_table()
        self.cards = show_as_cards(self.table, self.kind)
        self.empty_hint = explain_when_empty(self.table, self.kind, self.add_new)
        self.add_button = QPushButton(f"&Add {self.kind}")
        self.add_button.clicked.connect(self.add_new)
        self.remove_button = QPushButton("&Remove")
        self.remove_button.setToolTip(
            f"Remove the selected {self.kind} (Delete). Ctrl+Z undoes it."
        )
        self.remove_button.clicked.connect(self.remove_selected)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)  # never from a field or a box
        self.count_label = QLabel()
        actions.record_changed.connect(self._record_changed)
        self._lay_out()
        self._update_count()
        # Not in the first frame (the pane says how to choose a record): built once the
        # list is drawn, before the user can choose one.
        self._form_later = QTimer(self, singleShot=True, interval=FORM_AFTER_PAINT_MS)
        self._form_later.timeout.connect(editor.ensure_form)
        after_next_paint(self.table.viewport(), self._form_later.start)

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.list_model)
        query = self.list_model.query
        order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
        table.horizontalHeader().setSortIndicator(query.sort_column, order)
        table.setSortingEnabled(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move rows
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.stretch_column, QHeaderView.ResizeMode.Stretch)
        header.setMaximumSectionSize(180)
        header.setResizeContentsPrecision(0)  # fit the rows in view, not every row loaded
        table.setAccessibleName(f"{self.title} list")
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return table

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        for widget in self.filters():
            left_layout.addWidget(widget)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(buttons)
        for widget in self.beneath_list():
            left_layout.addWidget(widget)
        scroll = QScrollArea()
        scroll.setWidget(BlankWhenNothingChosen(self.editor, self.kind))
        scroll.setAccessibleName(f"The chosen {self.kind}")
        scroll.setWidgetResizable(True)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.panes = stack_when_narrow(splitter)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{self.title}</h2>")
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)

    def list_query(self, listing: Listing) -> ListQuery:
        """Hook: the list's first query (a page with a filter starts with it applied, so
        the rows are loaded once, not once unfiltered and again filtered)."""
        return ListQuery.default(listing)

    def filters(self) -> list[QWidget]:
        """Hook: widgets shown above the list."""
        return []

    def beneath_list(self) -> list[QWidget]:
        """Hook: widgets shown under the list and its buttons (a chart of its values)."""
        return []

    def new_record(self) -> Any:
        raise NotImplementedError

    # -- actions -------------------------------------------------------------
    def add_new(self) -> None:
        command = AddRecord(self.record_actions, self.kind, self.new_record(), self.new_section_ids)
        if self.record_actions.push(command):
            self.new_section_ids = list(self.default_section_ids)
            self.editor.focus_field(self.main_field)

    def add_about_section(self, section_id: str) -> None:
        """Add a record already linked to a guide section (from the Guide page)."""
        self.new_section_ids = [section_id]
        self.add_new()

    def remove_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is None or not self.editor.flush():  # an unsaved edit: the bar says why
            return
        row = self.list_model.row_of(record_id)
        shown = self.list_model.index(row, 0).data() if row is not None else ""
        label = f"{self.kind} “{shown}”" if shown else f"empty {self.kind}"
        self.record_actions.push(
            RemoveRecord(self.record_actions, self.model, record_id, label),
            done=f"Deleted the {label}.",
            offer_undo=True,
        )

    def _record_changed(self, model: type[Any], record_id: int | None) -> None:
        """Show a change made by an action, an undo or a redo."""
        if model is not self.model:
            return
        if record_id is not None and record_id == self.editor.record_id:
            self.list_model.refresh_row(record_id)
            self.editor.show_stored()
        else:
            self.after_change(record_id)

    def after_change(self, select_id: int | None) -> None:
        self.list_model.reload()
        self._update_count()
        if select_id is not None:
            self.show_record(select_id)
        else:
            self.editor.load(None)

    # -- selection -----------------------------------------------------------
    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.list_model.id_at(rows[0].row()) if rows else None

    def show_record(self, record_id: int) -> None:
        row = self.list_model.row_of(record_id)
        if row is None:
            self.editor.load(record_id)  # hidden by a filter: still show it
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.list_model.index(row, 0))

    def open_item(self, key: str) -> None:
        if key:
            self.show_record(int(key))

    def open_child(self, key: str) -> None:
        """Choose a record shown inside the open one (see RecordKind.parent_column); a page
        whose records hold none has nothing to choose."""

    def current_item(self) -> str:
        return "" if self.editor.record_id is None else str(self.editor.record_id)

    def current_child(self) -> str:
        """The record chosen inside the open one ("" for none): Back chooses it again."""
        return ""

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        chosen = self.selected_id()
        if chosen == self.editor.record_id:
            return
        if not self.editor.load(chosen):  # the edit could not be saved: stay on it
            self._select_quietly(self.editor.record_id)

    def _select_quietly(self, record_id: int | None) -> None:
        row = self.list_model.row_of(record_id) if record_id is not None else None
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            if row is None:
                selection.clearSelection()
            else:
                self.table.selectRow(row)
        finally:
            selection.blockSignals(False)

    def refresh(self) -> None:
        """Called when the page is shown: other pages may have changed the record."""
        selected = self.selected_id()
        self.list_model.reload()
        self._update_count()
        if selected is not None:
            self.show_record(selected)

    def flush(self) -> bool:
        return self.editor.flush()

    def _update_count(self) -> None:
        total = self.list_model.total()
        self.count_label.setText(f"{total} {self.kind if total == 1 else self.plural}")

    @property
    def plural(self) -> str:
        return self.kind_plural or f"{self.kind}s"
