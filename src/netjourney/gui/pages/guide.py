"""The guide: its sections in our words, and the user's records linked to each."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QStringListModel, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from netjourney.core.guide import Guide, Section
from netjourney.core.links import records_linked_to
from netjourney.core.record import JourneyRecord
from netjourney.gui.linked_model import KEY_ROLE, LinkedRecordsModel


def section_html(guide: Guide, section: Section) -> str:
    facts = "".join(f"<li>{escape(f)}</li>" for f in section.key_facts)
    glossary = "".join(
        f"<dt><b>{escape(g.term)}</b></dt><dd>{escape(g.meaning)}</dd>" for g in section.glossary
    )
    source = guide.source
    return (
        f"<h1>{escape(section.title)}</h1><p>{escape(section.summary)}</p>"
        + (f"<h3>Key facts</h3><ul>{facts}</ul>" if facts else "")
        + (f"<h3>Words you may hear</h3><dl>{glossary}</dl>" if glossary else "")
        + f"<p><small>From “{escape(source.title)}”, {escape(source.publisher)}, "
        f"revised {source.revised:%B} {source.revised.day}, {source.revised.year}. "
        f"{escape(source.caution)}</small></p>"
    )


class GuidePage(QWidget):
    navigate_requested = Signal(str, str)
    add_requested = Signal(str, str)  # page ("notes" or "questions"), section id

    def __init__(self, record: JourneyRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        guide = record.guide
        self.sections = QListView()
        self.sections.setModel(QStringListModel([s.title for s in guide.sections], self))
        self.sections.setAccessibleName("Guide sections")
        self.sections.setWordWrap(True)
        self.sections.setSpacing(2)
        self.sections.selectionModel().currentChanged.connect(self._section_changed)
        self.text = QTextBrowser()
        self.text.setAccessibleName("Guide section text")
        self.linked_model = LinkedRecordsModel(self)
        self.linked = QListView()
        self.linked.setModel(self.linked_model)
        self.linked.setUniformItemSizes(True)  # lay out thousands of rows without measuring each
        self.linked.setAccessibleName("My records about this section")
        self.linked.activated.connect(self._open_linked)
        self.linked.setMaximumHeight(self.fontMetrics().lineSpacing() * 9)
        add_note = QPushButton("Add a &note about this")
        add_note.clicked.connect(lambda: self.add_requested.emit("notes", self.current_id()))
        add_question = QPushButton("Add a &question about this")
        add_question.clicked.connect(
            lambda: self.add_requested.emit("questions", self.current_id())
        )
        self._lay_out(add_note, add_question)
        self.show_section(guide.sections[0].id)

    def _lay_out(self, *buttons: QPushButton) -> None:
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.text, 1)
        right_layout.addWidget(QLabel("<b>My records about this section</b> (Enter opens one)"))
        right_layout.addWidget(self.linked)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        right_layout.addLayout(row)
        splitter = QSplitter()
        splitter.addWidget(self.sections)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Guide</h2>"))
        layout.addWidget(splitter, 1)

    def current_id(self) -> str:
        return self.record.guide.sections[max(0, self.sections.currentIndex().row())].id

    def show_section(self, section_id: str) -> None:
        """Select the section; _section_changed shows it (unless it was already shown)."""
        index = self.sections.model().index(self.record.guide.section_ids.index(section_id), 0)
        if index == self.sections.currentIndex():
            self._show(section_id)
        else:
            self.sections.setCurrentIndex(index)

    def _section_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show(self.record.guide.sections[current.row()].id)

    def _show(self, section_id: str) -> None:
        self.text.setHtml(section_html(self.record.guide, self.record.guide.section(section_id)))
        self.linked_model.set_records(records_linked_to(self.record, section_id))

    def _open_linked(self, index: QModelIndex) -> None:
        page, key = index.data(KEY_ROLE)
        self.navigate_requested.emit(page, key)

    def open_item(self, key: str) -> None:
        if key:
            self.show_section(key)

    def flush(self) -> bool:
        return True  # nothing is edited here

    def refresh(self) -> None:
        self._show(self.current_id())
