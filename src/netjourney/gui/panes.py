"""List and editor side by side while there is room; one above the other at large text.

Side by side at 200% text in a 1024-pixel window, the editor got a sliver and the
words in it ran off its right edge. Below SIDE_BY_SIDE_CHARS average characters of
width, the panes stack instead, the list above the editor.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QScrollArea, QSplitter, QStyle

SIDE_BY_SIDE_CHARS = 100
LIST_SHARE = {Qt.Orientation.Horizontal: 0.6, Qt.Orientation.Vertical: 0.55}


class StackWhenNarrow(QObject):
    def __init__(self, splitter: QSplitter) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        splitter.setChildrenCollapsible(False)
        # Shared once by proportion even if it stays side by side: left to Qt, a page
        # first shown after others split by size hints, and a wide chart starved the editor.
        self._shared = False
        splitter.installEventFilter(self)
        editor_pane = splitter.widget(1)
        content = editor_pane.widget() if isinstance(editor_pane, QScrollArea) else None
        if content is not None:
            content.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.FontChange,
            QEvent.Type.Show,
            QEvent.Type.LayoutRequest,  # the editor got a record, or lost it
        ):
            self.arrange()
        return False

    def wanted(self) -> Qt.Orientation:
        characters = self.splitter.width() / max(self.splitter.fontMetrics().averageCharWidth(), 1)
        narrow = characters < SIDE_BY_SIDE_CHARS
        return Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal

    def arrange(self) -> None:
        """Side by side, the editor is never narrower than its fields need (up to 60%)."""
        orientation = self.wanted()
        editor_pane = self.splitter.widget(1)
        if editor_pane is None:
            return
        side_by_side = orientation == Qt.Orientation.Horizontal
        needed = min(self._editor_width(), int(self.splitter.width() * 0.6)) if side_by_side else 0
        if editor_pane.minimumWidth() != needed:
            editor_pane.setMinimumWidth(needed)
        if self.splitter.orientation() == orientation and self._shared:
            return
        self._shared = True
        self.splitter.setOrientation(orientation)
        total = 10_000  # proportions: the splitter scales them to its size
        share = int(total * LIST_SHARE[orientation])
        self.splitter.setSizes([share, total - share])

    def _editor_width(self) -> int:
        pane = self.splitter.widget(1)
        content = pane.widget() if isinstance(pane, QScrollArea) else pane
        if pane is None or content is None:
            return 0
        scroll_bar = pane.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return max(content.sizeHint().width(), content.minimumSizeHint().width()) + scroll_bar + 8


def stack_when_narrow(splitter: QSplitter) -> StackWhenNarrow:
    """The hook pages with a list and an editor call on their splitter."""
    return StackWhenNarrow(splitter)
