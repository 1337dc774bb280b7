"""Search (Ctrl+F) across the user's records and the guide; Enter or double-click opens one.

Each result shows what it is and when (Note · 3 Dec 2026), its title, and a snippet
cut between words, with the words the user typed in bold.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QHideEvent,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from netjourney.core.record import JourneyRecord
from netjourney.core.search import SearchHit, search_everything
from netjourney.core.search_results import ResultView, describe, matched_spans
from netjourney.gui.window_keys import return_keys_to_owner

VIEW_ROLE = Qt.ItemDataRole.UserRole + 1
PADDING = 6

AnyIndex = QModelIndex | QPersistentModelIndex


def in_bold(text: str, query: str) -> str:
    """The text as HTML, the words that match the query in bold."""
    parts, last = [], 0
    for start, end in matched_spans(text, query):
        parts += [escape(text[last:start]), f"<b>{escape(text[start:end])}</b>"]
        last = end
    return "".join(parts) + escape(text[last:])


def result_html(view: ResultView, query: str, muted: str) -> str:
    heading = view.kind_label + (f" · {view.when}" if view.when else "")
    html = (
        f'<div style="color: {muted}; font-size: small">{escape(heading)}</div>'
        f'<div style="font-size: large">{in_bold(view.title, query)}</div>'
    )
    return html + (f"<div>{in_bold(view.snippet, query)}</div>" if view.snippet else "")


def plain_text(view: ResultView) -> str:
    """What a screen reader says, and what tests read: 'Note: title · date — snippet'."""
    text = f"{view.kind_label}: {view.title}"
    text += f" · {view.when}" if view.when else ""
    return text + (f" — {view.snippet}" if view.snippet else "")


class ResultsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.views: list[ResultView] = []
        self.query = ""

    def show(self, views: list[ResultView], query: str) -> None:
        self.beginResetModel()
        self.views, self.query = views, query
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.views)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        view = self.views[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return plain_text(view)
        if role == VIEW_ROLE:
            return view
        return None

    def stringList(self) -> list[str]:
        return [plain_text(view) for view in self.views]


class ResultDelegate(QStyledItemDelegate):
    """Draws a result as rich text that wraps to the list's width."""

    def _document(self, option: QStyleOptionViewItem, index: AnyIndex) -> QTextDocument:
        model = index.model()
        assert isinstance(model, ResultsModel)
        muted = option.palette.color(QPalette.ColorRole.PlaceholderText).name()
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(PADDING)
        document.setHtml(result_html(index.data(VIEW_ROLE), model.query, muted))
        document.setTextWidth(max(option.rect.width(), 100))
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        view = self.parent()
        assert isinstance(view, QListView)
        sized = QStyleOptionViewItem(option)
        sized.rect.setWidth(view.viewport().width() - 2)
        document = self._document(sized, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        style = item.widget.style() if item.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        document = self._document(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        document.documentLayout().draw(painter, context)
        painter.restore()


class SearchDialog(QDialog):
    open_requested = Signal(str, str)  # the hit's kind and key (see MainWindow.open_found)

    def __init__(self, record: JourneyRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.hits: list[SearchHit] = []
        self.setWindowTitle("Search")
        self.query = QLineEdit(placeholderText="Type words to find in your records and the guide")
        self.query.setAccessibleName("Search for")
        self.query.setClearButtonEnabled(True)
        self.results_model = ResultsModel(self)
        self.results = QListView()
        self.results.setModel(self.results_model)
        self.results.setItemDelegate(ResultDelegate(self.results))
        self.results.setAccessibleName("Search results")
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.activated.connect(self._open)
        self.results.doubleClicked.connect(self._open_once)
        self.summary = QLabel()
        self.summary.setAccessibleName("How many were found")
        hint = QLabel("Enter opens the first result; ↓ moves into the list, Enter opens one.")
        hint.setWordWrap(True)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self._open_first)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(hint)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self.resize(720, 560)

    def run_search(self) -> None:
        text = self.query.text()
        self.hits = search_everything(self.record, text)
        self.results_model.show(describe(self.record, self.hits, text), text)
        found = len(self.hits)
        self.summary.setText(f"{found} found" if text.strip() else "")

    def _open_first(self) -> None:
        self._timer.stop()
        self.run_search()
        if self.hits:
            self._open(self.results_model.index(0, 0))

    def _open_once(self, index: QModelIndex) -> None:
        """Double-click opens the record where the style does not already treat it as
        activation (the dialog hides on the first, so a second call finds it hidden)."""
        if self.isVisible():
            self._open(index)

    def _open(self, index: QModelIndex) -> None:
        hit = self.hits[index.row()]
        self.open_requested.emit(hit.kind, hit.key)
        self.hide()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        super().hideEvent(event)
        return_keys_to_owner(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Down from the search box moves into the results."""
        if event.key() == Qt.Key.Key_Down and self.query.hasFocus() and self.hits:
            self.results.setFocus()
            self.results.setCurrentIndex(self.results_model.index(0, 0))
            return
        super().keyPressEvent(event)
