"""text_paragraph: user text laid out as reportlab's parser would, without the parser."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from netjourney.export.pdf_common import (
    PLACEHOLDER,
    drawable_characters,
    markup,
    printable,
    styles,
    text_paragraph,
)
from tests.export.records import HOSTILE_TEXTS

WIDTH = 120.0  # points: a narrow column, so that the texts below break into lines

LONG_SENTENCE = (
    "A plain sentence that is long enough to be broken over several lines of the column."
)
TEXTS = (
    *HOSTILE_TEXTS,
    LONG_SENTENCE,
    "  spaces   around and\tbetween  ",
    "no\u00a0break\u00a0spaces stay together",
    "\u2003em\u2003spaces,\u3000ideographic\u3000and\u202fnarrow\u202fones\u2009",
    "a stray \x07 bell and 中文",
    "Averylongwordwithoutanyspacethatmustbesplitacrosslinesbyreportlab",
)


def fragment_fields(paragraph: Paragraph) -> list[dict[str, object]]:
    return [{k: v for k, v in f.__dict__.items() if k != "text"} for f in paragraph.frags]


def lines_at(paragraph: Paragraph, width: float) -> list[str]:
    """The text of each line the paragraph is broken into at the width."""
    paragraph.wrap(width, 1000)
    lines = paragraph.blPara.lines
    if paragraph.blPara.kind == 0:
        return [" ".join(words) for _, words in lines]
    return ["".join(w.text for w in line.words).strip() for line in lines]


@pytest.mark.parametrize("text", TEXTS)
def test_a_line_of_text_is_what_the_parser_makes_of_its_markup(text: str) -> None:
    for style in (styles().body, styles().meta, styles().cell, styles().h2):
        parsed = Paragraph(markup(text), style)
        fast = text_paragraph(text, style)
        assert len(fast.frags) == 1
        assert fragment_fields(fast) == fragment_fields(parsed)[:1]
        assert fast.frags[0].text == "".join(f.text for f in parsed.frags)
        assert lines_at(fast, WIDTH) == lines_at(parsed, WIDTH)


def test_it_prints_a_placeholder_for_what_the_font_cannot_draw() -> None:
    assert text_paragraph("a 中 b", styles().body).frags[0].text == f"a {PLACEHOLDER} b"


def test_a_bullet_is_kept() -> None:
    assert text_paragraph("Ask about scans", styles().bullet, bullet="•").bulletText == "•"


@pytest.mark.parametrize("text", ["", "   ", "two\nlines", "two\r\nlines\rand three"])
def test_empty_or_several_lines_are_left_to_the_parser(text: str) -> None:
    parsed = Paragraph(markup(text), styles().body)
    fast = text_paragraph(text, styles().body)
    assert [f.__dict__ for f in fast.frags] == [f.__dict__ for f in parsed.frags]


def test_printable_ascii_is_all_drawn_and_ascii_controls_are_not() -> None:
    """printable() passes printable ASCII through without looking at each character."""
    ascii_printable = "".join(map(chr, range(0x20, 0x7F)))
    assert drawable_characters().issuperset(map(ord, ascii_printable))
    assert printable(ascii_printable) == ascii_printable
    controls = "".join(map(chr, [*range(0x20), 0x7F]))
    assert printable(f"a{controls}b") == f"a{PLACEHOLDER * len(controls)}b"


def test_a_paragraph_asked_again_has_its_size_and_lines_at_each_width() -> None:
    text = LONG_SENTENCE
    fast = text_paragraph(text, styles().body)
    for width in (WIDTH, WIDTH, 2 * WIDTH, WIDTH):
        assert fast.wrap(width, 1000) == Paragraph(markup(text), styles().body).wrap(width, 1000)
        assert lines_at(fast, width) == lines_at(Paragraph(markup(text), styles().body), width)


def test_a_paragraph_moved_whole_to_the_next_page_is_laid_out_again() -> None:
    """reportlab drops a paragraph's lines when too little room is left to split it."""
    fast = text_paragraph(LONG_SENTENCE, styles().body)
    size = fast.wrap(WIDTH, 1000)
    assert fast.split(WIDTH, styles().body.leading) == []  # room for one line: no orphan
    assert fast.wrap(WIDTH, 1000) == size
    assert len(fast.blPara.lines) > 1
