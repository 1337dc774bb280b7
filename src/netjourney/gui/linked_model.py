"""A Qt list model over the user's records linked to one guide section."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from netjourney.core.links import LinkedRecord
from netjourney.core.search_results import hit_label

# (record kind, record id as text): what opens the record (see MainWindow.open_found)
KEY_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


class LinkedRecordsModel(QAbstractListModel):
    """One row per linked record, e.g. 'Note: After the scan'.

    Filled in one reset rather than item by item: a section of a long journey can
    have thousands of notes linked to it.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._linked: list[LinkedRecord] = []

    def set_records(self, linked: list[LinkedRecord]) -> None:
        self.beginResetModel()
        self._linked = linked
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._linked)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        linked = self._linked[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{hit_label(linked.kind)}: {linked.title}"
        if role == KEY_ROLE:
            return linked.kind, str(linked.id)
        return None
