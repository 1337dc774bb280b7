"""A page of one kind of record: a sortable list, an editor beside it, add and remove with undo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
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

from netjourney.core import repository
from netjourney.core.errors import RecordError
from netjourney.core.listing import Listing
from netjourney.core.record import JourneyRecord
from netjourney.gui.editor import RecordEditor
from netjourney.gui.list_model import ListingModel
from netjourney.gui.panes import stack_when_narrow
from netjourney.gui.row_delegate import show_as_cards
from netjourney.gui.welcome import BlankWhenNothingChosen, explain_when_empty


class RemoveRecord(QUndoCommand):
    """Removing a record; undo puts it back with its links."""

    def __init__(self, page: RecordPage, record_id: int, label: str) -> None:
        super().__init__(f"Remove {label}")
        self.page, self.record_id = page, record_id
        self.removed: repository.Removed | None = None

    def redo(self) -> None:
        self.removed = repository.delete(self.page.record, self.page.model, self.record_id)
        self.page.after_change(None)

    def undo(self) -> None:
        if self.removed is not None:
            repository.restore(self.page.record, self.removed)
        self.page.after_change(self.record_id)


class RecordPage(QWidget):
    """Subclasses give the listing, the editor and how to make a new record."""

    title = ""
    kind = "record"  # "note", "question", ... for messages and the undo menu
    kind_plural = ""
    stretch_column = 0  # the column that takes the room left; the others fit their text
    status_message = Signal(str)

    def __init__(
        self,
        record: JourneyRecord,
        undo_stack: QUndoStack,
        listing: Listing,
        editor: RecordEditor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.record = record
        self.model = editor.model
        self.undo_stack = undo_stack
        self.editor = editor
        self.new_section_ids: list[str] = []
        self.list_model = ListingModel(record, listing, self)
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
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected)
        self.count_label = QLabel()
        editor.saved.connect(self.list_model.refresh_row)
        self._lay_out()
        self._update_count()

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

    def filters(self) -> list[QWidget]:
        """Hook: widgets shown above the list."""
        return []

    def new_record(self) -> Any:
        raise NotImplementedError

    # -- actions -------------------------------------------------------------
    def add_new(self) -> None:
        try:
            created = repository.add(self.record, self.new_record(), self.new_section_ids)
        except RecordError as error:
            self.status_message.emit(str(error))
            return
        self.new_section_ids = []
        self.after_change(created.id)
        self.editor.setFocus()
        self.editor.focusNextChild()

    def add_about_section(self, section_id: str) -> None:
        """Add a record already linked to a guide section (from the Guide page)."""
        self.new_section_ids = [section_id]
        self.add_new()

    def remove_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is None:
            return
        self.editor.flush()
        row = self.list_model.row_of(record_id)
        label = self.list_model.index(row, 0).data() if row is not None else self.kind
        self.undo_stack.push(RemoveRecord(self, record_id, f'{self.kind} "{label}"'))
        self.status_message.emit(f"Removed {self.kind}. Press Ctrl+Z to undo.")

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

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.editor.load(self.selected_id())

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
