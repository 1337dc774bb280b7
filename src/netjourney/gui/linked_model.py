"""A Qt list model over the user's records linked to one guide section."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from netjourney.core.links import LinkedRecord
from netjourney.core.registry import kind_named

# Search hits that are not records: (label, page).
_GUIDE_HITS = {"section": ("Guide", "guide"), "library": ("Guide question", "questions")}
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # (page, record id as text): what opens the record

AnyIndex = QModelIndex | QPersistentModelIndex


def kind_label(kind: str) -> str:
    """'Note', 'Person', 'Guide'...: what goes before a title in a list of mixed kinds."""
    return _GUIDE_HITS[kind][0] if kind in _GUIDE_HITS else kind_named(kind).label


def page_of_kind(kind: str) -> str:
    """The id of the window page that opens this kind."""
    return _GUIDE_HITS[kind][1] if kind in _GUIDE_HITS else kind_named(kind).page


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
            return f"{kind_label(linked.kind)}: {linked.title}"
        if role == KEY_ROLE:
            return page_of_kind(linked.kind), str(linked.id)
        return None
