"""Text-first list rows: the main words of a row wrap onto more lines, never cut short.

A list page's first column shows each row as a small card: the main words (a question,
a note's title and first line, a person's name and role, an appointment's time, what
for, with whom and where) wrap to as many lines as they need, and a status shows as a
small badge. The other columns are secondary: when the card would get narrower than
CARD_MIN_CHARS characters they give way, the least wanted first.

Painting and the test of what is shown share one routine (`placed_lines`), so a test
can compare the words drawn with the words in the model.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
    QWidget,
)

from netjourney.core.words import bounded
from netjourney.gui.list_model import ListingModel

AnyIndex = QModelIndex | QPersistentModelIndex

PADDING = 6  # around a card's text, in pixels
LINE_GAP = 2  # between a card's lines
CARD_MIN_CHARS = 40  # secondary columns give way before the card gets narrower than this
SECONDARY_MAX_CHARS = 22  # a secondary column never takes more than this
ROWS_PER_BATCH = 40  # rows sized per turn of the event loop, out of view
# Rows out of view are sized shortly after the list is drawn (a timer firing at once ran
# before the first paint), or at the latest after a while (a list out of view is not drawn).
SIZE_REST_AFTER_PAINT_MS = 50
SIZE_REST_AT_LATEST_MS = 200
LAYOUTS_KEPT = 1000  # wrapped card lines kept for painting: a few screenfuls


@dataclass(frozen=True)
class CardLine:
    """One line of a card: the cells of some columns, joined, each with its lead-in."""

    columns: tuple[int, ...]
    lead_ins: tuple[str, ...] = ()
    bold: bool = False

    def text(self, index: QModelIndex) -> str:
        parts = []
        for number, column in enumerate(self.columns):
            value = index.siblingAtColumn(column).data() or ""
            if value:
                lead_in = self.lead_ins[number] if number < len(self.lead_ins) else ""
                parts.append(lead_in + value)
        return " · ".join(parts)


@dataclass(frozen=True)
class Card:
    lines: tuple[CardLine, ...]
    badge: int | None = None  # the column shown as a badge (a status)
    secondary: tuple[int, ...] = ()  # columns shown beside the card when there is room

    def spoken(self, index: QModelIndex) -> str:
        """The whole card in words, badge included, for a screen reader: 'When can I drive
        again? Status: Asked.'"""
        said = [line.text(index) for line in self.lines]
        if self.badge is not None and (value := index.siblingAtColumn(self.badge).data()):
            model = index.model()
            assert isinstance(model, ListingModel)  # only a listing's rows are spoken
            header = model.column_title(self.badge)  # hidden, so its header is silent
            said.append(f"{header}: {value}" if header else str(value))
        sentences = [text if text[-1] in ".?!" else f"{text}." for text in said if text]
        return " ".join(sentences)

    def hidden_columns(self, column_count: int) -> set[int]:
        """Columns the card already shows, or that nobody needs beside it."""
        return {c for c in range(1, column_count) if c not in self.secondary}


# By the page's kind of record; the columns are those of core.listing's listings.
CARDS = {
    "question": Card((CardLine((0,)),), badge=1, secondary=(4, 3, 2)),
    "note": Card((CardLine((0,), bold=True), CardLine((3,))), badge=2, secondary=(1,)),
    "person": Card((CardLine((0,), bold=True), CardLine((1, 3))), secondary=(2, 4)),
    "appointment": Card(
        (
            CardLine((0,), bold=True),
            CardLine((2,)),
            CardLine((1, 3), ("with ", "at ")),
        )
    ),
    "decision": Card(
        (CardLine((0,), bold=True), CardLine((3, 2), ("My choice: ", "decided "))), secondary=(1,)
    ),
    "second opinion": Card(
        (CardLine((0,), bold=True), CardLine((3,), ("Sent: ",))), secondary=(1, 2)
    ),
    "clinical trial": Card((CardLine((0,), bold=True), CardLine((1,))), badge=2),
    "treatment": Card(
        (
            CardLine((0,), bold=True),
            CardLine((1, 2, 6)),
            CardLine((3, 4), ("Started ", "stopped ")),
            CardLine((7,)),
        ),
        secondary=(5,),
    ),
    "dose": Card((CardLine((0, 2), bold=True), CardLine((3,)))),
    "scan": Card(
        (
            CardLine((0, 1), bold=True),
            CardLine((2,), ("at ",)),
            CardLine((4,), ("Next scan planned: ",)),
        )
    ),
    "test result": Card(
        (CardLine((1, 2), bold=True), CardLine((0, 4)), CardLine((3,), ("Lab's range: ",)))
    ),
    "diary day": Card((CardLine((0,), bold=True), CardLine((1,)), CardLine((2,)))),
}


@dataclass
class PlacedText:
    """A card line laid out in its rect: the lines of text that fit, and those that did not."""

    layout: QTextLayout
    words: str  # the line's words in the model
    text: str  # as laid out: the words, or the start of very long ones (core/words.bounded)
    origin: QPointF
    fitted: int  # how many of the layout's lines lie inside the card

    def shown_text(self) -> str:
        if self.fitted == 0:
            return ""
        last = self.layout.lineAt(self.fitted - 1)
        return self.text[: last.textStart() + last.textLength()]


def wrapped(text: str, font: QFont, width: float) -> QTextLayout:
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 1.0))
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout


class RowDelegate(QStyledItemDelegate):
    """Draws column 0 as a card; other columns as usual, on one line."""

    def __init__(self, view: QTableView, card: Card) -> None:
        super().__init__(view)
        self.view = view
        self.card = card
        # Each line is wrapped once: sizing a row lays its lines out, and painting it (on
        # every hover and scroll) would lay them out again at the same width and font.
        self._wrapped: dict[tuple[str, int, str], QTextLayout] = {}

    # -- what goes where ---------------------------------------------------------
    def _badge_text(self, index: QModelIndex) -> str:
        if self.card.badge is None:
            return ""
        return str(index.siblingAtColumn(self.card.badge).data() or "")

    @staticmethod
    def _badge_font(font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.85)
        return small

    def _badge_size(self, text: str, font: QFont) -> QSize:
        if not text:
            return QSize(0, 0)
        metrics = QFontMetrics(self._badge_font(font))
        return QSize(metrics.horizontalAdvance(text) + 14, metrics.height() + 4)

    def placed_lines(self, index: QModelIndex, rect: QRect, font: QFont) -> list[PlacedText]:
        """Each card line wrapped to the card's width, placed top to bottom within `rect`."""
        badge = self._badge_size(self._badge_text(index), font)
        inner = rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        width = inner.width() - (badge.width() + PADDING if badge.width() else 0)
        y = float(inner.top())
        placed = []
        for line in self.card.lines:
            words = line.text(index)
            if not words:
                continue
            text = bounded(words)  # a million characters would take seconds to lay out
            layout = self._wrapped_line(text, font, line.bold, width)
            fitted = sum(
                1
                for n in range(layout.lineCount())
                if y + layout.lineAt(n).rect().bottom() <= inner.bottom() + 1
            )
            placed.append(PlacedText(layout, words, text, QPointF(inner.left(), y), fitted))
            y += layout.boundingRect().height() + LINE_GAP
        return placed

    def _wrapped_line(self, text: str, font: QFont, bold: bool, width: int) -> QTextLayout:
        line_font = QFont(font)
        line_font.setBold(bold)
        key = (text, width, line_font.key())
        layout = self._wrapped.get(key)
        if layout is None:
            if len(self._wrapped) >= LAYOUTS_KEPT:
                self._wrapped.clear()
            layout = self._wrapped[key] = wrapped(text, line_font, width)
        return layout

    def card_texts(self, index: QModelIndex) -> list[tuple[str, str]]:
        """(the line's words in the model, the words drawn) per line, as the view shows them."""
        rect = self.view.visualRect(index)
        return [(p.words, p.shown_text()) for p in self.placed_lines(index, rect, self.view.font())]

    def card_height(self, index: QModelIndex, width: int, font: QFont) -> int:
        """The height the card needs at this width, laid out as `paint` lays it out."""
        tall = QRect(0, 0, width, 1 << 20)
        placed = self.placed_lines(index, tall, font)
        height = sum(p.layout.boundingRect().height() + LINE_GAP for p in placed)
        badge = self._badge_size(self._badge_text(index), font).height()
        return int(max(height, badge)) + 2 * PADDING + 1

    # -- Qt ------------------------------------------------------------------------
    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        if index.column() != 0:
            return super().sizeHint(option, index)
        assert isinstance(index, QModelIndex)  # what views pass
        width = self.card_width()
        return QSize(width, self.card_height(index, width, option.font))

    def card_width(self) -> int:
        """The card column's width as it will be painted: what the other columns leave.

        Worked out rather than read, because the header stretches the card column only
        later, after columns were hidden or shown. The grid line takes a pixel.
        """
        view = self.view
        others = sum(
            view.columnWidth(c)
            for c in range(1, view.model().columnCount())
            if not view.isColumnHidden(c)
        )
        return view.viewport().width() - others - (1 if view.showGrid() else 0)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        if index.column() != 0:
            super().paint(painter, option, index)
            return
        assert isinstance(index, QModelIndex)  # what views pass
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        style = self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, self.view)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(option.palette.color(role))
        for placed in self.placed_lines(index, option.rect, option.font):
            for number in range(placed.fitted):
                placed.layout.lineAt(number).draw(painter, placed.origin)
        self._paint_badge(painter, option, index)
        painter.restore()

    def _paint_badge(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex
    ) -> None:
        text = self._badge_text(index)
        if not text:
            return
        size = self._badge_size(text, option.font)
        inner = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        box = QRectF(inner.right() - size.width(), inner.top(), size.width(), size.height())
        palette = option.palette
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(badge_colour(palette))
        painter.drawRoundedRect(box, size.height() / 2, size.height() / 2)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.setFont(self._badge_font(option.font))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def badge_colour(palette: QPalette) -> QColor:
    """A quiet fill that stands out from the row in light and dark schemes."""
    base = palette.color(QPalette.ColorRole.Base)
    return base.darker(112) if base.lightness() > 128 else base.lighter(160)


class TextFirstList(QObject):
    """Keeps a table's cards whole: hides secondary columns that leave no room, fits row heights.

    Row heights are set here, once per change of width, text size or rows, rather than by
    the header asking every row on every layout: that keeps a first show fast.
    """

    def __init__(self, table: QTableView, card: Card) -> None:
        super().__init__(table)
        self.table = table
        self.card = card
        self.delegate = RowDelegate(table, card)
        self._fitted_for: tuple[object, ...] = ()
        self._unsized: list[int] = []
        self._later = QTimer(self, singleShot=True, interval=0)
        self._later.timeout.connect(self._size_more)
        table.setItemDelegate(self.delegate)
        # Always there, so its coming does not narrow the cards and make them fit again.
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        table.setWordWrap(False)  # secondary cells stay on one line and give way
        header = table.horizontalHeader()
        for column in range(header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMaximumSectionSize(1 << 16)  # widths are set here, not capped by the page
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for column in card.hidden_columns(header.count()):
            table.setColumnHidden(column, True)
        self._silence_hidden_headers()
        model = table.model()
        if isinstance(model, ListingModel):
            model.spoken_row = card.spoken
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
            signal.connect(self._rows_changed)
        table.installEventFilter(self)
        table.viewport().installEventFilter(self)  # a scroll bar coming or going

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show):
            # A widget being shown gets the resize it missed while hidden just before its
            # Show, and its size can still change in between: its Show fits it (sizing
            # the rows at a stale width first cost a first show a second sizing).
            if isinstance(watched, QWidget) and watched.isVisible():
                self.fit()
        elif kind == QEvent.Type.Paint and self._unsized and self._later.remainingTime() > 0:
            self._later.start(SIZE_REST_AFTER_PAINT_MS)  # once the rows in view are on screen
        return False

    def _rows_changed(self) -> None:
        self._fitted_for = ()
        self.fit()

    def fit(self) -> None:
        """Show the secondary columns there is room for, then size rows to their cards.

        The rows in view (and a screenful more) are sized at once, the rest a batch at a
        time when Qt is idle after the list is drawn: a first show then costs a screenful
        of rows, not 200 (a timer started here fired before the first paint).
        """
        table = self.table
        key = (table.viewport().width(), table.font().key(), table.model().rowCount())
        if not table.isVisible() or key == self._fitted_for:
            return
        self._fitted_for = key
        self._fit_columns()
        # Room for two cards of three lines, whatever else shares the pane.
        lines = table.fontMetrics().lineSpacing() * 3 + 2 * PADDING
        table.setMinimumHeight(table.horizontalHeader().height() + 2 * lines)
        first = max(table.rowAt(0), 0)
        rows = list(range(first, table.model().rowCount())) + list(range(first))
        self._unsized = self._size_rows(rows, until_height=2 * table.viewport().height())
        if self._unsized:  # once drawn; at the latest after a while (a list out of view)
            self._later.start(SIZE_REST_AT_LATEST_MS)

    @property
    def settled(self) -> bool:
        """Every loaded row has the height of its card."""
        return not self._unsized

    def _size_more(self) -> None:
        self._unsized = self._size_rows(self._unsized, until_count=ROWS_PER_BATCH)
        if self._unsized:
            self._later.start(0)

    def _size_rows(
        self, rows: list[int], until_height: int = 1 << 30, until_count: int = 1 << 30
    ) -> list[int]:
        """Size rows in order until enough height or rows are done; return those left."""
        width = self.delegate.card_width()
        header = self.table.verticalHeader()
        model = self.table.model()
        font = self.table.font()
        done_height = 0
        for number, row in enumerate(rows):
            if done_height >= until_height or number >= until_count:
                return rows[number:]
            height = self.delegate.card_height(model.index(row, 0), width, font)
            if header.sectionSize(row) != height:
                header.resizeSection(row, height)
            done_height += height
        return []

    def _fit_columns(self) -> None:
        table = self.table
        model = table.model()
        if isinstance(model, ListingModel):
            model.silence_headers(frozenset())  # measured with their words
        metrics = table.fontMetrics()
        widest = max(metrics.averageCharWidth() * SECONDARY_MAX_CHARS, 60)
        room = table.viewport().width() - metrics.averageCharWidth() * CARD_MIN_CHARS
        for column in self.card.secondary:
            wanted = min(widest, self._content_width(column, metrics))
            fits = 0 < wanted <= room
            table.setColumnHidden(column, not fits)
            if fits:
                table.setColumnWidth(column, wanted)
                room -= wanted
            else:
                room = -1  # a less wanted column never shows while a more wanted one is hidden
        self._silence_hidden_headers()

    def _silence_hidden_headers(self) -> None:
        """A screen reader hears only the headers of the columns on screen."""
        model = self.table.model()
        if isinstance(model, ListingModel):
            hidden = (c for c in range(model.columnCount()) if self.table.isColumnHidden(c))
            model.silence_headers(frozenset(hidden))

    def _content_width(self, column: int, metrics: QFontMetrics) -> int:
        """The widest of the header and the first rows' cells (they share one format)."""
        model = self.table.model()
        cells = (model.index(row, column).data() or "" for row in range(min(model.rowCount(), 50)))
        header = self.table.horizontalHeader().sectionSizeHint(column)
        slack = 2 * PADDING + metrics.averageCharWidth() * 2  # the style's margins, and some
        return max([header, *(metrics.horizontalAdvance(cell) + slack for cell in cells)])


def show_as_cards(table: QTableView, kind: str) -> TextFirstList | None:
    """The hook list pages call: cards for the kinds of record that have one."""
    card = CARDS.get(kind)
    return TextFirstList(table, card) if card else None


class WrappedTreeDelegate(QStyledItemDelegate):
    """Tree rows as tall as their wrapped text at the column's width.

    Qt wraps a tree item's text when painting it but sizes the row for one line, so
    the rest was cut off with '…'. Here the row asks for the height the words need.
    """

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        assert isinstance(index, QModelIndex)  # what views pass
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        width = self.tree.columnWidth(0) - self._indent(index)
        item.rect = QRect(0, 0, max(width, 1), 1 << 16)
        style = self.tree.style()
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, self.tree)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.tree) + 1
        bounds = QRect(0, 0, max(text_rect.width() - 2 * margin, 1), 1 << 16)
        wrap = int(Qt.TextFlag.TextWordWrap)  # with TextWrapAnywhere, Qt breaks inside words
        needed = item.fontMetrics.boundingRect(bounds, wrap, item.text).height()
        single = super().sizeHint(option, index)
        return QSize(width, max(single.height(), needed + 4))

    def _indent(self, index: QModelIndex) -> int:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        decorated = 1 if self.tree.rootIsDecorated() else 0
        return self.tree.indentation() * (depth + decorated)


class WrappedTree(QObject):
    """Lays a tree's rows out again when its width or text size changes."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self.tree = tree
        tree.setItemDelegate(WrappedTreeDelegate(tree))
        tree.setWordWrap(True)
        tree.setUniformRowHeights(False)
        tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._width = -1
        tree.viewport().installEventFilter(self)
        tree.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        # As with cards (TextFirstList.eventFilter): a resize that reaches a widget still
        # hidden is stale by its Show, which lays the rows out once, at the shown width.
        resized = kind in (QEvent.Type.Resize, QEvent.Type.Show) and (
            isinstance(watched, QWidget) and watched.isVisible()
        )
        if kind == QEvent.Type.FontChange or (
            resized and self.tree.viewport().width() != self._width
        ):
            self._width = self.tree.viewport().width()
            self.tree.doItemsLayout()
        return False


def wrap_tree_rows(tree: QTreeView) -> WrappedTree:
    """The hook tree views call: rows wrap instead of cutting their words short."""
    return WrappedTree(tree)
