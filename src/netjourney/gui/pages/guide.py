"""The guide: its sections in our words, and the user's records linked to each."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from netjourney.core.dates import long_date
from netjourney.core.guide import GlossaryEntry, Guide, Section, Source, term_spans
from netjourney.core.links import records_linked_to
from netjourney.core.record import JourneyRecord
from netjourney.gui.flow_layout import FlowLayout
from netjourney.gui.linked_model import KEY_ROLE, LinkedRecordsModel


def section_html(guide: Guide, section: Section) -> str:
    """The section as rich text: each glossary word links to its meaning, shown on hover."""
    seen: set[str] = set()
    summary = _with_terms(section.summary, section.glossary, seen)
    facts = "".join(f"<li>{_with_terms(f, section.glossary, seen)}</li>" for f in section.key_facts)
    words = "".join(
        f'<dt><a name="term-{g.id}"></a><b>{escape(g.term)}</b></dt><dd>{escape(g.meaning)}</dd>'
        for g in section.glossary
    )
    return (
        f"<h2>{escape(section.title)}</h2><p>{summary}</p>"  # h1 filled the pane at large text
        + (f"<h3>Key facts</h3><ul>{facts}</ul>" if facts else "")
        + (f"<h3>Words used here</h3><dl>{words}</dl>" if words else "")
        + (_about_the_article(guide.source) if section.id == "about-this-guide" else "")
        + _footer(guide.source)
    )


def _with_terms(text: str, entries: tuple[GlossaryEntry, ...], seen: set[str]) -> str:
    """Escaped text whose glossary words are links to their entry, titled with the meaning."""
    parts, at = [], 0
    for start, end, entry in term_spans(entries, text, seen):
        parts.append(escape(text[at:start]))
        parts.append(
            f'<a href="#term-{entry.id}" title="{escape(entry.meaning)}">'
            f"{escape(text[start:end])}</a>"
        )
        at = end
    parts.append(escape(text[at:]))
    return "".join(parts)


def _about_the_article(source: Source) -> str:
    references = "".join(f"<li>{escape(r)}</li>" for r in source.references)
    companions = "".join(f"<li>{escape(c.about)}</li>" for c in source.companions)
    return (
        f"<h3>The article's own sources</h3><ul>{references}</ul>"
        f"<h3>Other ACS articles it points to</h3><ul>{companions}</ul>"
    )


def _footer(source: Source) -> str:
    revised = long_date(source.revised, weekday=False)
    lines = (
        f"From “{source.title}”, {source.publisher}, revised {revised}: {source.url}",
        source.review,
        source.adapted_note,
        source.caution,
    )
    return "<hr><p><small>" + "<br>".join(escape(line) for line in lines) + "</small></p>"


SECTION_LIST_CHARS = 18  # room for "Questions: side effects" to wrap between words


class GuidePage(QWidget):
    record_requested = Signal(str, str)  # record kind, record id: a linked record opens
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
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.selectionModel().currentChanged.connect(self._section_changed)
        self.text = QTextBrowser()
        self.text.setAccessibleName("Guide section text")
        self.linked_model = LinkedRecordsModel(self)
        self.linked = QListView()
        self.linked.setModel(self.linked_model)
        self.linked.setUniformItemSizes(True)  # lay out thousands of rows without measuring each
        self.linked.setAccessibleName("My records about this section")
        self.linked.activated.connect(self._open_linked)
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
        heading = QLabel("<b>My records about this section</b> (Enter opens one)", wordWrap=True)
        right_layout.addWidget(heading)
        right_layout.addWidget(self.linked)
        row = FlowLayout()  # the buttons wrap at large text rather than widen the window
        for button in buttons:
            row.addWidget(button)
        right_layout.addLayout(row)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)  # the list never shrinks to nothing
        splitter.addWidget(self.sections)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Guide</h2>"))
        layout.addWidget(splitter, 1)
        self._fit_to_text_size()

    def _fit_to_text_size(self) -> None:
        """At large text the section list keeps room for its titles' words (wrapped, never
        cut), and the list of records stays a few lines high, leaving the rest to the text."""
        metrics = self.fontMetrics()
        self.sections.setMinimumWidth(metrics.averageCharWidth() * SECTION_LIST_CHARS)
        self.linked.setMaximumHeight(metrics.lineSpacing() * 5)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FontChange:  # View > Larger text, at once
            self._fit_to_text_size()
        if event.type() == QEvent.Type.PaletteChange:
            # Links are coloured as the text is set: set it again once every widget of
            # the page has the new colours.
            QTimer.singleShot(0, self, lambda: self._show_text(self.current_id()))
        super().changeEvent(event)

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
        self._show_text(section_id)
        self.linked_model.set_records(records_linked_to(self.record, section_id))

    def _show_text(self, section_id: str) -> None:
        self.text.setHtml(section_html(self.record.guide, self.record.guide.section(section_id)))

    def _open_linked(self, index: QModelIndex) -> None:
        self.record_requested.emit(*index.data(KEY_ROLE))

    def open_item(self, key: str) -> None:
        if key:
            self.show_section(key)

    def current_item(self) -> str:
        return self.current_id()

    def open_child(self, key: str) -> None:
        """A section holds no records of its own to choose."""

    def current_child(self) -> str:
        return ""

    def flush(self) -> bool:
        return True  # nothing is edited here

    def refresh(self) -> None:
        self._show(self.current_id())
