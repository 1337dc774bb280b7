"""What every PDF shares: the embedded font, user text made safe, styles and page furniture.

Every user string reaches reportlab through `markup()` or `paragraphs()`: they
escape it for reportlab's paragraph markup (so `<b>`, `&lt;` or `<img src=...>`
print exactly as typed and never act as markup) and turn each character the
embedded font cannot draw into PLACEHOLDER, a visible replacement character,
instead of letting it vanish. The embedded font, DejaVu Sans, covers Latin
(with accents), Greek and Cyrillic among others; CJK scripts and emoji print as
the placeholder (see drawable_characters for emoji).

Only the pdf_* modules import this module (and so reportlab), and only the
export commands import those, so the app starts without loading reportlab.
"""

from __future__ import annotations

import gc
import io
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from itertools import count
from typing import Any
from weakref import WeakKeyDictionary
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaFrag

from netjourney.core import paths
from netjourney.core.dates import clock, long_date
from netjourney.export.content import PageCallback, Paper

FONT = "NetJourneySans"
BOLD_FONT = "NetJourneySans-Bold"
OBLIQUE_FONT = "NetJourneySans-Oblique"
FOOTER_BASELINE = 24.0
FOOTER_SIZE = 8.5
HEADER_SIZE = 9.0
SMALLEST_HEADER_SIZE = 8.0
HEADER_FROM_TOP = 24.0  # the header's baseline, in points from the top edge of the page
PLACEHOLDER = "\ufffd"
"""Printed for a character the embedded font lacks (CJK, emoji, control characters...)."""

PAGE_SIZES = {Paper.A4: A4, Paper.LETTER: LETTER}
INK = colors.HexColor("#1B1B1B")
ACCENT = colors.HexColor("#1F4E5F")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#B8B8B8")
SHADE = colors.HexColor("#EEF3F5")

_LAST_WELL_MAPPED = 0xFFFF
_QUOTES = {'"': "&quot;", "'": "&#39;"}
_LINE_END = re.compile(r"\r\n|\r|\n")


@cache
def drawable_characters() -> frozenset[int]:
    """Embed DejaVu Sans and return the code points all three of its faces can draw.

    Only the Basic Multilingual Plane counts: reportlab writes the text map of a
    character beyond U+FFFF (most emoji) wrongly, so copying it from the PDF would
    give a different character; the placeholder is honest instead.
    """
    folder = paths.resources_dir() / "fonts"
    files = {
        FONT: "DejaVuSans.ttf",
        BOLD_FONT: "DejaVuSans-Bold.ttf",
        OBLIQUE_FONT: "DejaVuSans-Oblique.ttf",
    }
    fonts = [EmbeddedFont(name, str(folder / file)) for name, file in files.items()]
    for font in fonts:
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=BOLD_FONT, italic=OBLIQUE_FONT, boldItalic=BOLD_FONT
    )
    common = frozenset.intersection(*(frozenset(f.face.charToGlyph) for f in fonts))
    return frozenset(c for c in common if c <= _LAST_WELL_MAPPED and not _breaks_or_controls(c))


class EmbeddedFont(TTFont):
    """A TrueType font as reportlab's TTFont, with its two costs per word and per line cut.

    reportlab measures every word of every paragraph (two million times for a five-year
    journey) and maps each character of every printed line to its code in the font's
    subsets one by one in Python; together they were about a quarter of the journey PDF's
    time. Here a word's width is remembered, and a line whose characters all have a code
    in the first subset (almost every line of a document in a European script) is
    mapped at C speed. The widths and the codes are reportlab's own, so the PDF is the
    same byte for byte; anything else is left to reportlab.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self._widths: dict[tuple[str, float], float] = {}
        self._first_subsets: WeakKeyDictionary[Any, _FirstSubset] = WeakKeyDictionary()

    def stringWidth(  # noqa: N802 (reportlab's name)
        self, text: str, size: float, encoding: str = "utf8"
    ) -> float:
        key = (text, size)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) >= _MOST_WIDTHS_KEPT:
                self._widths.clear()
            width = self._widths[key] = super().stringWidth(text, size, encoding)
        return width

    def splitString(  # noqa: N802 (reportlab's name)
        self, text: str | bytes, doc: Any, encoding: str = "utf-8"
    ) -> list[tuple[int, bytes]]:
        known = self._first_subsets.get(doc)
        if known is not None and isinstance(text, str) and known.characters.issuperset(text):
            return [(0, text.translate(known.codes).encode("latin-1"))] if text else []
        split = super().splitString(text, doc, encoding)
        assignments = self.state[doc].assignments  # type: ignore[attr-defined]
        if known is None or known.assigned != len(assignments):
            self._first_subsets[doc] = _FirstSubset.of(assignments)
        return split


_MOST_WIDTHS_KEPT = 100_000
"""Words kept with their widths (about 18 MB at most): the five-year demo has 7,000 words
and sizes; the cache starts again when full rather than grow with every new word."""


@dataclass(frozen=True)
class _FirstSubset:
    """The characters that have a code in a document's first subset of a font, and their
    codes, when `assigned` characters had codes in all. A character keeps its code for
    the whole document, so an older _FirstSubset is still right for the ones it knows."""

    characters: frozenset[str]
    codes: dict[int, int]
    assigned: int

    @staticmethod
    def of(assignments: dict[int, int]) -> _FirstSubset:
        codes = {character: code for character, code in assignments.items() if code < 256}
        if 32 in codes:  # reportlab prints a no-break space as a space
            codes[0xA0] = codes[32]
        return _FirstSubset(frozenset(map(chr, codes)), codes, len(assignments))


def _breaks_or_controls(code: int) -> bool:
    """Control characters and the line and paragraph separators: reportlab would take
    them for spaces or line ends, so they print as the placeholder, as in the editor."""
    return unicodedata.category(chr(code)) in ("Cc", "Zl", "Zp")


def printable(text: str) -> str:
    """The text with every character the font cannot draw replaced by PLACEHOLDER."""
    drawable = drawable_characters()
    if text.isascii() and text.isprintable():  # the font draws all of printable ASCII
        return text
    if drawable.issuperset(map(ord, text)):  # the usual case, checked at C speed
        return text
    return "".join(c if ord(c) in drawable else PLACEHOLDER for c in text)


def lines_of(text: str) -> list[str]:
    """The text's lines, ended only by what the editors end a line with (\\n, \\r\\n, \\r).

    str.splitlines also ends lines at \\v, \\f, \\x1c-\\x1e, \\x85, U+2028 and U+2029: those
    print as the placeholder instead, as the other characters the font cannot draw.
    """
    return _LINE_END.split(text)


def markup(text: str) -> str:
    """User text as paragraph markup that prints exactly as typed, line breaks kept."""
    return "<br/>".join(
        escape(printable(line.replace("\t", " ")), _QUOTES) for line in lines_of(text)
    )


class TextParagraph(Paragraph):
    """A paragraph that breaks its lines once for each width it is given in a row.

    A table asks each of its cells for its size again every time it is split over a page,
    and once more when a heading before it must keep with it: the diary's table of 1,082
    days had its 3,246 cells laid out four times each. The lines depend only on the width
    (the paragraph's text and style never change), so the first answer is kept, while
    reportlab keeps the lines (it drops them when it moves the paragraph whole to the next
    page instead of splitting it).
    """

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        wrapped = self._wrapped
        if wrapped is None or wrapped[0] != availWidth or not hasattr(self, "blPara"):
            wrapped = self._wrapped = (availWidth, super().wrap(availWidth, availHeight))
        return wrapped[1]


def text_paragraph(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """User text as a paragraph that prints exactly as typed, as `Paragraph(markup(text))`.

    Text on one line skips reportlab's markup parser (three quarters of the time of making a
    paragraph; a journey makes some 40,000): its one fragment is the style's own, as the
    parser would make it, holding the text as the parser would clean it. A text with `&`,
    `<` or a quote, which the parser would cut into several fragments, is one fragment here:
    it prints the same, and reportlab lays out a paragraph of one fragment faster.
    """
    if _LINE_END.search(text):
        return TextParagraph(markup(text), style, bulletText=bullet)
    shown = _cleaned(printable(text.replace("\t", " ")))
    if not shown:
        return TextParagraph("", style, bulletText=bullet)
    fragment = _style_fragment(style).clone(text=shown, link=[], us_lines=[])
    return TextParagraph(shown, style, bulletText=bullet, frags=[fragment])


def _cleaned(line: str) -> str:
    """The line as reportlab's parser cleans a paragraph's text: its words, one space
    apart. reportlab's own cleaning keeps a no-break space inside a word; for a line
    without one it is this one split, a quarter of the time of making the paragraph."""
    return cleanBlockQuotedText(line) if "\xa0" in line else " ".join(line.split())


@cache
def _style_fragment(style: ParagraphStyle) -> ParaFrag:
    """The fragment reportlab's parser makes for plain text in the style."""
    fragment: ParaFrag = Paragraph("x", style).frags[0]
    return fragment


def paragraphs(text: str, style: ParagraphStyle) -> list[Paragraph]:
    """One paragraph per non-empty line, long lines cut in pieces (see `pieces`)."""
    found: list[Paragraph] = []
    for line in lines_of(text):
        if line.strip():
            found += _pieces_as_paragraphs(line, style)
    return found


def _pieces_as_paragraphs(line: str, style: ParagraphStyle) -> list[Paragraph]:
    parts = pieces(line)
    if len(parts) == 1:
        return [text_paragraph(line, style)]
    joined = ParagraphStyle(f"{style.name}-piece", parent=style, spaceAfter=0)
    return [
        text_paragraph(part, style if number == len(parts) else joined)
        for number, part in enumerate(parts, start=1)
    ]


LONGEST_PIECE = 2000
"""Characters reportlab lays out as one paragraph. It re-lays the rest of a paragraph
each time it splits one across pages, so one long paragraph costs the square of its
length (100,000 characters took 2.5 s, 1,000,000 took ten minutes); in pieces shorter
than a page the cost grows with the length."""


def pieces(line: str, longest: int = LONGEST_PIECE) -> list[str]:
    """The line cut into pieces of at most `longest` characters, each cut after a sentence
    if one ends in the piece's second half, else after a space, else (a very long word)
    wherever the limit falls; joined again, the pieces are the line."""
    found: list[str] = []
    start = 0
    while len(line) - start > longest:
        window = line[start + longest // 2 : start + longest]
        cut = _last_sentence_end(window)
        if cut is None:
            space = window.rfind(" ")
            cut = space + 1 if space >= 0 else len(window)
        end = start + longest // 2 + cut
        found.append(line[start:end])
        start = end
    found.append(line[start:])
    return found


def _last_sentence_end(window: str) -> int | None:
    ends = [window.rfind(mark) for mark in (". ", "! ", "? ")]
    best = max(ends)
    return best + 2 if best >= 0 else None


def cell_markup(text: str, style: ParagraphStyle, width: float) -> str:
    """Markup for a narrow table cell: a word wider than the cell (an e-mail or web
    address, mostly) is broken into lines at sensible points (`address_lines`) rather
    than wherever reportlab's long-word splitting runs out of room."""
    lines = []
    for line in (printable(line.replace("\t", " ")) for line in lines_of(text)):
        words = [
            "<br/>".join(escape(piece, _QUOTES) for piece in address_lines(word, style, width))
            for word in line.split(" ")
        ]
        lines.append(" ".join(words))
    return "<br/>".join(lines)


_BREAK_BEFORE = re.compile(r"(?=[./@?#&=~_+-])(?<![./@?#&=~_+-])|(?<=//)|(?<=:)(?!/)")
"""Where an address may break: before a dot, slash, @ and the like (so the new line
starts with the mark, as style guides ask), after '//' and after a ':' (as in 'mailto:')."""


def address_lines(word: str, style: ParagraphStyle, width: float) -> list[str]:
    """The word as lines no wider than `width`, broken at `_BREAK_BEFORE` where it can be,
    else between characters; a word that fits is one line."""

    def fits(text: str) -> bool:
        return pdfmetrics.stringWidth(text, style.fontName, style.fontSize) <= width

    if fits(word):
        return [word]
    lines: list[str] = []
    current = ""
    for piece in _pieces_that_fit(_BREAK_BEFORE.split(word), fits):
        if current and not fits(current + piece):
            lines.append(current)
            current = ""
        current += piece
    return [*lines, current] if current else lines


def _pieces_that_fit(pieces: list[str], fits: Callable[[str], bool]) -> Iterator[str]:
    """Each piece, itself cut between characters when even it alone is too wide."""
    for piece in pieces:
        while piece and not fits(piece):
            cut = next((n for n in range(len(piece), 0, -1) if fits(piece[:n])), 1)
            yield piece[:cut]
            piece = piece[cut:]
        if piece:
            yield piece


def labelled(label: str, value: str, style: ParagraphStyle) -> list[Paragraph]:
    """'Label: value' with the label in bold; both are escaped. A long value follows its
    label in pieces, as `paragraphs` lays out a note."""
    if len(value) <= LONGEST_PIECE:
        return [Paragraph(f"<b>{markup(label)}:</b> {markup(value)}", style)]
    label_style = ParagraphStyle(f"{style.name}-label", parent=style, spaceAfter=0)
    return [Paragraph(f"<b>{markup(label)}:</b>", label_style), *paragraphs(value, style)]


def heading(text: str, style: ParagraphStyle, outline_level: int | None = None) -> Paragraph:
    """A heading; with an outline level it also becomes a PDF bookmark."""
    paragraph = text_paragraph(text, style)
    if outline_level is not None:
        paragraph.outline_entry = (printable(text), outline_level)  # type: ignore[attr-defined]
    return paragraph


def long_heading(text: str, style: ParagraphStyle) -> list[Paragraph]:
    """A heading of the user's (a note's title, a question), laid out in pieces when it is
    very long, as `paragraphs` lays out a note: the first piece keeps with the next."""
    parts = [piece for line in lines_of(text) for piece in pieces(line)]
    if len(parts) == 1:
        return [heading(text, style)]
    rest = ParagraphStyle(f"{style.name}-rest", parent=style, spaceBefore=0, keepWithNext=False)
    return [text_paragraph(parts[0], style), *(text_paragraph(p, rest) for p in parts[1:])]


def cell_chunks(text: str, style: ParagraphStyle, width: float) -> list[list[Flowable]]:
    """A table cell's text as paragraphs (one per line, a long line in pieces), grouped
    into chunks of at most LONGEST_PIECE characters: see `rows_in_chunks`."""
    chunks: list[list[Flowable]] = [[]]
    size = 0
    for line in lines_of(text):
        for piece in pieces(line):
            if chunks[-1] and size + len(piece) > LONGEST_PIECE:
                chunks.append([])
                size = 0
            chunks[-1].append(Paragraph(cell_markup(piece, style, width), style))
            size += len(piece)
    return chunks


def rows_in_chunks(cells: Sequence[list[list[Flowable]]]) -> list[list[Cell]]:
    """One record's table row, as several rows when a cell is very long: row n holds the
    n-th chunk of each cell. reportlab lays a tall row out again for each page it splits
    over, so one cell of a million characters took minutes; short rows split cheaply."""
    count = max(len(chunks) for chunks in cells)
    return [[chunks[n] if n < len(chunks) else [] for chunks in cells] for n in range(count)]


ROOM_TO_START_AN_ENTRY = 96  # points: an entry's heading, its date line and a few lines of text


def item(flowables: list[Flowable]) -> list[Flowable]:
    """One entry: it starts on a new page unless there is room for its start.

    A page-break test is cheap; keep-with-next on the entry's opening lines made
    reportlab lay each entry out twice, and an entry ending in a keep-with-next
    line chained into the next one.
    """
    for flowable in flowables:
        flowable.keepWithNext = False
    return [CondPageBreak(ROOM_TO_START_AN_ENTRY), *flowables] if flowables else flowables


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    meta: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_note: ParagraphStyle
    cell_head: ParagraphStyle


@cache
def styles() -> Styles:
    drawable_characters()  # the styles name the embedded font, so register it first
    body = ParagraphStyle(
        "body",
        fontName=FONT,
        bulletFontName=FONT,
        fontSize=11,
        leading=15,
        textColor=INK,
        spaceAfter=4,
        splitLongWords=True,
    )

    def derived(name: str, **changes: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **changes)

    return Styles(
        title=derived(
            "title", fontName=BOLD_FONT, fontSize=28, leading=34, textColor=ACCENT, spaceAfter=12
        ),
        subtitle=derived("subtitle", fontSize=14, leading=19, spaceAfter=6),
        h1=derived(
            "h1",
            fontName=BOLD_FONT,
            fontSize=18,
            leading=23,
            textColor=ACCENT,
            spaceBefore=16,
            spaceAfter=8,
            keepWithNext=True,
        ),
        h2=derived(
            "h2",
            fontName=BOLD_FONT,
            fontSize=13.5,
            leading=18,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=True,
        ),
        h3=derived(
            "h3",
            fontName=BOLD_FONT,
            fontSize=11.5,
            leading=15,
            spaceBefore=6,
            spaceAfter=2,
            keepWithNext=True,
        ),
        body=body,
        small=derived("small", fontSize=9, leading=12, textColor=MUTED),
        meta=derived("meta", fontSize=9, leading=12, textColor=MUTED, keepWithNext=True),
        bullet=derived("bullet", leftIndent=14, bulletIndent=2, spaceAfter=2),
        cell=derived("cell", fontSize=9.5, leading=12.5, spaceAfter=0),
        cell_note=derived("cell_note", fontSize=9, leading=12, spaceAfter=0, textColor=MUTED),
        cell_head=derived(
            "cell_head",
            fontName=BOLD_FONT,
            fontSize=9.5,
            leading=12.5,
            spaceAfter=0,
            textColor=colors.white,
        ),
    )


def time_span(start: datetime, end: datetime | None) -> str:
    """'9:00 AM – 10:00 AM, America/Chicago (CDT)' (clock and dates as core.dates writes
    them), in the times' own zone."""
    span = clock(start)
    if end is not None:
        span += (
            f" – {clock(end)}"
            if end.date() == start.date()
            else (f" – {long_date(end.date())}, {clock(end)}")
        )
    return f"{span}, {start.tzinfo} ({start.tzname()})"


Cell = Flowable | list[Flowable]
CELL_PADDING = 12.0  # reportlab's default 6 points on each side of a table cell
CELL_FONT = ("FONTNAME", (0, 0), (-1, -1), FONT)
"""Cells hold paragraphs, but a table still sets its cells' font: else it names Helvetica."""


def table(rows: Sequence[Sequence[Cell]], widths: Sequence[float], header: bool = False) -> Table:
    """A table that splits between rows and, for a very tall row, inside it."""
    commands: list[tuple[Any, ...]] = [
        CELL_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, SHADE]),
        ]
    return Table(
        list(map(list, rows)),
        colWidths=list(widths),
        style=TableStyle(commands),
        repeatRows=1 if header else 0,
        splitByRow=1,
        splitInRow=1,
        hAlign="LEFT",
    )


def boxed(flowables: list[Flowable], width: float) -> Table:
    """A shaded box around the flowables (for the guide's caution)."""
    box = Table(
        [[flowables]],
        colWidths=[width],
        splitInRow=1,
        style=TableStyle(
            [
                CELL_FONT,
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("BOX", (0, 0), (-1, -1), 0.75, ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        ),
    )
    return box


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    pages: int


class _NumberedCanvas(Canvas):
    """Holds every page until the end, so each can say 'page X of Y'."""

    def __init__(
        self, *args: Any, footer: str, margin: float, header: str = "", **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._header = header
        self._margin = margin
        self._page_width = float(kwargs["pagesize"][0])
        self._page_height = float(kwargs["pagesize"][1])
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._held_pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # as reportlab's own page-count recipe

    def save(self) -> None:
        total = len(self._held_pages)
        widest = f"page {total} of {total}"
        room = self._page_width - 2 * self._margin - self.stringWidth(widest, FONT, FOOTER_SIZE)
        footer = _shortened(self._footer, room - 24)
        for state in self._held_pages:
            self.__dict__.update(state)
            self._draw_footer(footer, f"page {self.getPageNumber()} of {total}")
            if self._header:
                self._draw_header()
            super().showPage()
        super().save()

    def _draw_footer(self, footer: str, page_text: str) -> None:
        self.setFont(FONT, FOOTER_SIZE)
        self.setFillColor(MUTED)
        self.drawString(self._margin, FOOTER_BASELINE, footer)
        self.drawRightString(self._page_width - self._margin, FOOTER_BASELINE, page_text)

    def _draw_header(self) -> None:
        """A line above the text on every page (who the document is about), in bold: a
        size smaller when it is wide (`header_fits` says whether it fits at all)."""
        room = self._page_width - 2 * self._margin
        size = HEADER_SIZE
        if pdfmetrics.stringWidth(self._header, BOLD_FONT, size) > room:
            size = SMALLEST_HEADER_SIZE
        self.setFont(BOLD_FONT, size)
        self.setFillColor(INK)
        self.drawString(self._margin, self._page_height - HEADER_FROM_TOP, self._header)


def _shortened(text: str, room: float) -> str:
    """The text, cut with an ellipsis if it is wider than the room."""
    if pdfmetrics.stringWidth(text, FONT, FOOTER_SIZE) <= room:
        return text
    text = text[:200]
    while text and pdfmetrics.stringWidth(text + "…", FONT, FOOTER_SIZE) > room:
        text = text[:-1]
    return text + "…"


class _Document(BaseDocTemplate):
    """One frame per page; headings with an outline entry become bookmarks."""

    def __init__(
        self,
        buffer: io.BytesIO,
        paper: Paper,
        title: str,
        margin: float,
        on_page: PageCallback | None,
    ) -> None:
        super().__init__(
            buffer,
            pagesize=PAGE_SIZES[paper],
            title=title,
            creator="NET Journey",
            leftMargin=margin,
            rightMargin=margin,
            topMargin=margin,
            bottomMargin=max(margin, 40),
            initialFontName=FONT,  # else each page names reportlab's Helvetica, never used
        )
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._on_page = on_page
        self._outline_keys = count()

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's name)
        entry = getattr(flowable, "outline_entry", None)
        if entry is not None:
            title, level = entry
            key = f"outline-{next(self._outline_keys)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)

    def afterPage(self) -> None:  # noqa: N802 (reportlab's name)
        if self._on_page is not None:
            self._on_page(self.page)


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while a long document is built.

    A five-year journey holds some 30,000 records and 50,000 paragraphs alive until the
    end; each full collection walked all of them again, a fifth of the export's time.
    Nothing they hold is garbage before the end, so pausing it costs little memory (about
    12 MB more at the peak); it runs again as before once the PDF is made.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def content_width(paper: Paper, margin: float) -> float:
    return float(PAGE_SIZES[paper][0]) - 2 * margin


def render_pdf(
    story: list[Flowable],
    *,
    title: str,
    paper: Paper,
    margin: float,
    on_page: PageCallback | None = None,
    header: str = "",
) -> RenderedPdf:
    """Lay out the story into PDF bytes with page numbers, outline and title metadata;
    `header` (one line that must fit the page's width) is printed at the top of each page."""
    styles()
    buffer = io.BytesIO()
    document = _Document(buffer, paper, printable(title), margin, on_page)
    footer = printable(f"NET Journey · {title}")
    document.build(story, canvasmaker=_canvas_maker(footer, margin, printable(header)))
    return RenderedPdf(buffer.getvalue(), document.page)


def header_fits(header: str, paper: Paper, margin: float) -> bool:
    """Whether the header line fits the page's width at its smallest size."""
    drawable_characters()  # registers the fonts it is measured in
    width = pdfmetrics.stringWidth(printable(header), BOLD_FONT, SMALLEST_HEADER_SIZE)
    return width <= content_width(paper, margin)


def _canvas_maker(footer: str, margin: float, header: str = "") -> Callable[..., Canvas]:
    def make(*args: Any, **kwargs: Any) -> Canvas:
        return _NumberedCanvas(*args, footer=footer, margin=margin, header=header, **kwargs)

    return make
