"""A Qt table model over a core `Listing`: pages fetched on demand, sorted in SQL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from netjourney.core.listing import (
    Listing,
    ListQuery,
    ListRow,
    count_rows,
    fetch_one_row,
    fetch_rows,
)
from netjourney.core.record import JourneyRecord

ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 200

AnyIndex = QModelIndex | QPersistentModelIndex


class ListingModel(QAbstractTableModel):
    """Rows of one listing; only the pages the view scrolls to are ever loaded."""

    def __init__(
        self,
        record: JourneyRecord,
        listing: Listing,
        parent: Any = None,
        query: ListQuery | None = None,
    ) -> None:
        """The rows of `query` (by default, the listing's own order, unfiltered), loaded now."""
        super().__init__(parent)
        self._record = record
        self._query = query or ListQuery.default(listing)
        self._rows: list[ListRow] = []
        self._total = 0
        # What a screen reader says for a row's first cell when the row shows more than its
        # cells (a card with a status badge): set by gui/row_delegate.py.
        self.spoken_row: Callable[[QModelIndex], str] | None = None
        # Columns the view hides: their headers say nothing, because Qt's accessible table
        # still lists a header for every column of the model and a screen reader reads it.
        self._silent_headers: frozenset[int] = frozenset()
        self.reload()

    @property
    def query(self) -> ListQuery:
        return self._query

    def reload(self) -> None:
        """Fetch again from the first page (after an edit, a sort or a new filter)."""
        self.beginResetModel()
        self._total = count_rows(self._record, self._query)
        self._rows = fetch_rows(self._record, self._query, 0, PAGE_SIZE)
        self.endResetModel()

    def set_conditions(self, conditions: Any) -> None:
        self._query.conditions = tuple(conditions)
        self.reload()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._query.listing.columns)

    def total(self) -> int:
        return self._total

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        spoken = role == Qt.ItemDataRole.AccessibleTextRole
        if spoken and index.column() == 0 and self.spoken_row is not None:
            return self.spoken_row(self.index(index.row(), 0))
        if spoken or role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.cells[index.column()]
        if role == ID_ROLE:
            return row.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return None if section in self._silent_headers else self.column_title(section)

    def column_title(self, section: int) -> str:
        """The column's header words, whether or not the view shows the column."""
        return self._query.listing.columns[section].header

    def silence_headers(self, columns: frozenset[int]) -> None:
        """Say nothing for these columns' headers (the view hides them)."""
        if columns != self._silent_headers:
            self._silent_headers = columns
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        more = fetch_rows(self._record, self._query, len(self._rows), PAGE_SIZE)
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows += more
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self._query.sort_column, self._query.descending):
            return  # already in that order: a view turning sorting on asks for it once more
        self._query.sort_column = column
        self._query.descending = descending
        self.reload()

    def id_at(self, row: int) -> int:
        return self._rows[row].id

    def row_of(self, record_id: int) -> int | None:
        """The row showing this record, loading further pages until it is found."""
        start = 0
        while True:
            for number in range(start, len(self._rows)):
                if self._rows[number].id == record_id:
                    return number
            if not self.canFetchMore():
                return None
            start = len(self._rows)
            self.fetchMore()

    def refresh_row(self, record_id: int) -> None:
        """Show a record's new values in place, without reloading the whole list."""
        number = self.row_of(record_id)
        fresh = fetch_one_row(self._record, self._query, record_id)
        if number is None or fresh is None:
            self.reload()
            return
        self._rows[number] = fresh
        self.dataChanged.emit(self.index(number, 0), self.index(number, self.columnCount() - 1))
