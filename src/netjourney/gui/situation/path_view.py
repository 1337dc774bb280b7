"""The path, laid out: what to ask, options, things to know, sections to read, people, questions."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from netjourney.core.guide import LibraryQuestion, Section
from netjourney.core.situation import PathItem, SituationPath

ADD_TEXT = "Add to my questions"
ADDED_TEXT = "In my questions"


class PathView(QWidget):
    """Shows one SituationPath; rebuilt whole on each change (the path is short)."""

    section_requested = Signal(str)
    question_add_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_buttons: dict[str, QPushButton] = {}
        self.section_buttons: dict[str, QPushButton] = {}
        self.content = QWidget(self)
        self.rows = QVBoxLayout(self.content)
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.outer.addWidget(self.content)

    def show_path(self, path: SituationPath, chosen_question_ids: set[str]) -> None:
        self._start_afresh()
        self._cited_list("First, find out", path.asks)
        self._cited_list(
            "Treatment options the guide names for situations like yours", path.options
        )
        self._cited_list("Good to know", path.notes)
        self._heading("Guide sections to read, in this order")
        for number, section in enumerate(path.sections, 1):
            button = self._section_button(number, section)
            self.rows.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self._heading("Who is usually on the care team")
        roles = ", ".join(role.title for role in path.roles) + "."
        self.rows.addWidget(_wrapped(roles, self.content))
        self._heading("Questions worth asking")
        for question in path.questions:
            self.rows.addLayout(self._question_row(question, question.id in chosen_question_ids))
        self.rows.addStretch(1)

    def mark_chosen(self, library_id: str) -> None:
        button = self.add_buttons[library_id]
        button.setText(ADDED_TEXT)
        button.setEnabled(False)
        # A screen reader says what is shown: added, not "Add to my questions" (dimmed).
        button.setAccessibleName(button.accessibleName().replace(ADD_TEXT, ADDED_TEXT, 1))

    def _start_afresh(self) -> None:
        """Put an empty content widget in place of the old one, which goes at once.
        What it holds is made inside it: a widget made on its own and moved in later pays
        again for the page's font and style (a third of building the path)."""
        self.add_buttons.clear()
        self.section_buttons.clear()
        old = self.content
        self.content = QWidget(self)
        self.rows = QVBoxLayout(self.content)
        self.rows.setSpacing(8)
        self.outer.replaceWidget(old, self.content)
        old.setParent(None)
        old.deleteLater()

    def _heading(self, text: str) -> None:
        heading = heading_label(text, "large", self.content)
        heading.setContentsMargins(0, 10, 0, 0)
        self.rows.addWidget(heading)

    def _cited_list(self, heading: str, items: tuple[PathItem, ...]) -> None:
        if not items:
            return
        self._heading(heading)
        for item in items:
            self.rows.addWidget(self._cited_label(item))

    def _cited_label(self, item: PathItem) -> QLabel:
        label = _wrapped(
            f"• {escape(item.text)} "
            f'<a href="{escape(item.section_id)}">'
            f"(Guide: {escape(item.section_title)})</a>",
            self.content,
        )
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        label.setAccessibleName(f"{item.text} From the guide section {item.section_title}.")
        label.linkActivated.connect(self.section_requested.emit)
        return label

    def _section_button(self, number: int, section: Section) -> QPushButton:
        button = WrappingButton(f"{number}. {section.title}", self.content)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setAccessibleName(f"Open the guide section {section.title}")
        button.clicked.connect(lambda: self.section_requested.emit(section.id))
        self.section_buttons[section.id] = button
        return button

    def _question_row(self, question: LibraryQuestion, chosen: bool) -> QVBoxLayout:
        """The question over its button: beside it, the button would squeeze the words."""
        row = QVBoxLayout()
        row.setSpacing(2)
        row.addWidget(_wrapped(escape(question.text), self.content))
        button = QPushButton(ADD_TEXT, self.content)
        button.setAccessibleName(f"Add to my questions: {question.text}")
        button.clicked.connect(lambda: self.question_add_requested.emit(question.id))
        self.add_buttons[question.id] = button
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        if chosen:
            self.mark_chosen(question.id)
        return row


class HeightsByWidth:
    """A wrapping widget's heights, by width and text, as measured: Qt's layouts ask
    again and again, at a few widths in turn. Forgotten when the widget's font or style
    changes (larger text, another scheme), which its changeEvent passes on here."""

    FORGETTING = (QEvent.Type.FontChange, QEvent.Type.StyleChange)

    def __init__(self) -> None:
        self._heights: dict[tuple[int, str], int] = {}

    def height(self, width: int, text: str, measure: Callable[[int], int]) -> int:
        height = self._heights.get((width, text))
        if height is None:
            height = self._heights[width, text] = measure(width)
        return height

    def changed(self, event: QEvent) -> None:
        if event.type() in self.FORGETTING:
            self._heights.clear()


class WrappingLabel(QLabel):
    """A label whose words wrap, remembering its height at each width: it laid its words
    out afresh at each question (a fifth of showing the page, most of it for the path's
    rich text)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent, wordWrap=True)
        self._heights = HeightsByWidth()

    def heightForWidth(self, width: int) -> int:
        return self._heights.height(width, self.text(), super().heightForWidth)

    def changeEvent(self, event: QEvent) -> None:
        self._heights.changed(event)
        super().changeEvent(event)


class WrappingButton(QPushButton):
    """A push button whose words wrap onto more lines when the pane is narrow."""

    PADDING = 8

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._heights = HeightsByWidth()
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)  # may shrink: it wraps
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _text_size(self, width: int) -> QSize:
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
        bounds = QRect(0, 0, max(width - 2 * self.PADDING, 1), 1 << 20)
        return self.fontMetrics().boundingRect(bounds, flags, self.text()).size()

    def sizeHint(self) -> QSize:
        one_line = self.fontMetrics().horizontalAdvance(self.text()) + 2 * self.PADDING + 4
        return QSize(one_line, self.heightForWidth(one_line))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 12, super().minimumSizeHint().height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._heights.height(width, self.text(), self._text_height)

    def _text_height(self, width: int) -> int:
        return self._text_size(width).height() + 2 * self.PADDING

    def changeEvent(self, event: QEvent) -> None:
        self._heights.changed(event)
        super().changeEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        inner = self.rect().adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        painter.drawText(inner, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft, self.text())


def heading_label(text: str, size: str, parent: QWidget | None = None) -> QLabel:
    """Bold text in a CSS size keyword, relative to the page's font so it follows text size."""
    label = WrappingLabel(
        f'<span style="font-size: {size}; font-weight: bold">{escape(text)}</span>', parent
    )
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAccessibleName(text)
    return label


def _wrapped(text: str, parent: QWidget) -> QLabel:
    label = WrappingLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label
