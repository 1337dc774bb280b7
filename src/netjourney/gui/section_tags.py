"""A record's guide sections as tags at the top of its editor ("About: Getting a second
opinion ›"): a click opens the section, × (or Delete, or the context menu) unlinks it, and
"Link to…" opens a picker that lists the sections by group and filters as the user types.

The tags only say what changed; the editor saves the new list as one undoable action.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import (
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from netjourney.core.guide import Guide
from netjourney.gui.flow_layout import FlowLayout
from netjourney.gui.window_keys import return_keys_to_owner

SECTION_ROLE = Qt.ItemDataRole.UserRole + 1  # a section's id; groups have none


class SectionTag(QFrame):
    """One linked section: its title opens it, × unlinks it."""

    open_requested = Signal(str)
    remove_requested = Signal(str)

    def __init__(self, section_id: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section_id = section_id
        self.full_text = f"About: {title}\u00a0›"  # the arrow never alone on a line
        self.setObjectName("sectionTag")
        self.link = QToolButton()
        self.link.setText(self.full_text)
        self.link.setMinimumWidth(self.fontMetrics().averageCharWidth() * 8)  # then it wraps
        self.link.setAutoRaise(True)
        self.link.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.link.setAccessibleName(f"Open the guide section {title}")
        self.link.setToolTip("Open this section of the guide. Delete removes the link.")
        self.link.clicked.connect(lambda: self.open_requested.emit(section_id))
        self.remove = QToolButton()
        self.remove.setText("×")
        self.remove.setAutoRaise(True)
        self.remove.setAccessibleName(f"Remove the link to {title}")
        self.remove.setToolTip("Remove this link (Ctrl+Z brings it back)")
        self.remove.clicked.connect(lambda: self.remove_requested.emit(section_id))
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.link, self._ask_removal)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.link.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.link.customContextMenuRequested.connect(self._menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.link)
        layout.addWidget(self.remove)
        self.setStyleSheet(
            "#sectionTag { border: 1px solid palette(mid); border-radius: 6px;"
            " background: palette(alternate-base); }"
        )

    def fit(self, width: int) -> None:
        """Break the title between words when the tag is wider than `width`: at large text a
        long title is shown whole on two lines, never cut, never scrolled to."""
        metrics = self.link.fontMetrics()
        padding = metrics.averageCharWidth() * 2 + 12
        room = width - self.remove.sizeHint().width() - padding
        text = wrapped(self.full_text, room, metrics.horizontalAdvance)
        if text != self.link.text():
            self.link.setText(text)

    def _ask_removal(self) -> None:
        self.remove_requested.emit(self.section_id)

    def _menu(self) -> None:
        menu = QMenu(self)
        menu.addAction("Open in the guide", lambda: self.open_requested.emit(self.section_id))
        menu.addAction("Remove this link", self._ask_removal)
        menu.popup(self.link.mapToGlobal(self.link.rect().bottomLeft()))


class SectionTags(QWidget):
    """The linked sections, in the guide's order, then the "Link to…" button."""

    changed = Signal()  # the user linked or unlinked a section
    open_requested = Signal(str)  # a section id

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guide = guide
        self._linked: list[str] = []
        self._tags: list[SectionTag] = []
        self.link_button = QPushButton("&Link to…")
        self.link_button.setAccessibleName("Link to a guide section")
        self.link_button.setToolTip("Link this record to a section of the guide")
        self.link_button.clicked.connect(self.pick)
        self.flow = FlowLayout(self)
        self.flow.addWidget(self.link_button)
        self.setAccessibleName("Guide sections this is about")

    def section_ids(self) -> list[str]:
        return list(self._linked)

    def set_section_ids(self, section_ids: list[str] | None) -> None:
        wanted = set(section_ids or ())
        self._linked = [s for s in self.guide.section_ids if s in wanted]
        self._show_tags()

    def tags(self) -> list[SectionTag]:
        return list(self._tags)

    def link(self, section_id: str) -> None:
        if section_id not in self._linked:
            self.set_section_ids([*self._linked, section_id])
            self.changed.emit()

    def unlink(self, section_id: str) -> None:
        if section_id in self._linked:
            at = self._linked.index(section_id)
            self.set_section_ids([s for s in self._linked if s != section_id])
            self.changed.emit()
            self._focus_after_removal(at)

    def pick(self) -> None:
        picker = SectionPicker(self.guide, set(self._linked), self)
        picker.chosen.connect(self.link)
        picker.finished.connect(picker.deleteLater)
        picker.open()
        picker.activateWindow()  # typing goes to it at once, on every platform

    def _show_tags(self) -> None:
        for tag in self._tags:
            self.flow.removeWidget(tag)
            tag.hide()  # at once: until deleted it would still be drawn, and laid out
            tag.deleteLater()
        self.flow.removeWidget(self.link_button)
        self._tags = []
        for section_id in self._linked:
            tag = SectionTag(section_id, self.guide.section(section_id).title, self)
            tag.open_requested.connect(self.open_requested)
            tag.remove_requested.connect(self.unlink)
            self.flow.addWidget(tag)
            tag.fit(self.width())
            tag.show()  # at once: a layout shows a new child only once events are processed
            self._tags.append(tag)
        self.flow.addWidget(self.link_button)  # last, after the tags
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        for tag in self._tags:
            tag.fit(event.size().width())
        super().resizeEvent(event)

    def _focus_after_removal(self, at: int) -> None:
        """Keyboard users stay where they were: on the next tag, or on "Link to…"."""
        if self._tags:
            self._tags[min(at, len(self._tags) - 1)].link.setFocus()
        else:
            self.link_button.setFocus()


class SectionPicker(QDialog):
    """The guide's sections by group; typing filters them, Enter or a double-click links
    the chosen one, Escape closes."""

    chosen = Signal(str)

    def __init__(self, guide: Guide, linked: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Link to a guide section")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Type to find a section")
        self.filter.setAccessibleName("Find a section")
        self.filter.setClearButtonEnabled(True)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(sections_by_group(guide, linked, self))
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setAutoAcceptChildRows(True)  # a group's name shows all its sections
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Guide sections")
        self.tree.setWordWrap(True)
        self.tree.doubleClicked.connect(self._double_clicked)
        self.filter.textChanged.connect(self._filter)
        self.filter.installEventFilter(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Link")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Which part of the guide is this about?"))
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        width = self.fontMetrics().averageCharWidth() * 60
        self.resize(width, self.fontMetrics().lineSpacing() * 24)
        self._filter("")
        self.filter.setFocus()  # typing starts the search at once

    def chosen_id(self) -> str:
        current = self.tree.currentIndex()
        return str(current.data(SECTION_ROLE) or "") if current.isValid() else ""

    def accept(self) -> None:
        """Link the chosen section; on a group heading (or nothing), stay open."""
        section_id = self.chosen_id()
        if not section_id:
            QApplication.beep()
            return
        self.chosen.emit(section_id)
        super().accept()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        super().hideEvent(event)
        return_keys_to_owner(self)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.data(SECTION_ROLE):
            self.accept()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.tree.expandAll()
        first = self._first_section()
        if first.isValid():
            self.tree.setCurrentIndex(first)

    def _first_section(self) -> QModelIndex:
        for row in range(self.proxy.rowCount()):
            group = self.proxy.index(row, 0)
            if self.proxy.rowCount(group):
                return self.proxy.index(0, 0, group)
        return QModelIndex()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Up and Down in the filter move through the sections, so the hands stay put."""
        if (
            watched is self.filter
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            QApplication.sendEvent(self.tree, event)
            return True
        return super().eventFilter(watched, event)


def wrapped(text: str, width: int, advance: Callable[[str], int]) -> str:
    """`text` in lines no wider than `width` (as `advance` measures), broken between words;
    a single word wider than that keeps its own line."""
    lines: list[str] = []
    for word in text.split(" "):  # at spaces only: a no-break space keeps its words together
        if lines and advance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


def sections_by_group(guide: Guide, linked: set[str], parent: QObject) -> QStandardItemModel:
    """Groups as headings, their sections (not yet linked) beneath them."""
    model = QStandardItemModel(parent)
    for group in guide.section_groups:
        heading = QStandardItem(group.title)
        heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        for section_id in group.section_ids:
            if section_id not in linked:
                item = QStandardItem(guide.section(section_id).title)
                item.setData(section_id, SECTION_ROLE)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                heading.appendRow(item)
        if heading.rowCount():
            model.appendRow(heading)
    return model
