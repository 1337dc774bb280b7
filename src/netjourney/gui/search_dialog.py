"""Search (Ctrl+F) across the user's records and the guide; Enter opens a result."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from netjourney.core.record import JourneyRecord
from netjourney.core.search import SearchHit, search_everything
from netjourney.gui.linked_model import kind_label, page_of_kind


class SearchDialog(QDialog):
    open_requested = Signal(str, str)  # page, key

    def __init__(self, record: JourneyRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.hits: list[SearchHit] = []
        self.setWindowTitle("Search")
        self.query = QLineEdit(placeholderText="Type words to find in your records and the guide")
        self.query.setAccessibleName("Search for")
        self.query.setClearButtonEnabled(True)
        self.results_model = QStringListModel(self)
        self.results = QListView()
        self.results.setModel(self.results_model)
        self.results.setAccessibleName("Search results")
        self.results.setWordWrap(True)
        self.results.activated.connect(self._open)
        self.summary = QLabel()
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self._open_first)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self.resize(640, 480)

    def run_search(self) -> None:
        self.hits = search_everything(self.record, self.query.text())
        self.results_model.setStringList(
            [
                f"{kind_label(h.kind)}: {h.title}"
                + (f" — {h.snippet}" if h.snippet != h.title else "")
                for h in self.hits
            ]
        )
        text = self.query.text().strip()
        self.summary.setText(f"{len(self.hits)} found" if text else "")

    def _open_first(self) -> None:
        self._timer.stop()
        self.run_search()
        if self.hits:
            self._open(self.results_model.index(0, 0))

    def _open(self, index: QModelIndex) -> None:
        hit = self.hits[index.row()]
        self.open_requested.emit(page_of_kind(hit.kind), hit.key if hit.kind != "library" else "")
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Down from the search box moves into the results."""
        if event.key() == Qt.Key.Key_Down and self.query.hasFocus() and self.hits:
            self.results.setFocus()
            self.results.setCurrentIndex(self.results_model.index(0, 0))
            return
        super().keyPressEvent(event)
