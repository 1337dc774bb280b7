"""EmbeddedFont: reportlab's widths and character codes, only found faster."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.ttfonts import TTFont

from netjourney.core import paths
from netjourney.export import pdf_common
from netjourney.export.pdf_common import EmbeddedFont

FONT_FILE = str(paths.resources_dir() / "fonts" / "DejaVuSans.ttf")
# ASCII, accents, Greek, Cyrillic, a no-break space, a CJK character the font lacks, and
# enough others that the first subset of 256 codes fills up and later ones are used.
ALPHABET = st.sampled_from(
    [chr(c) for c in range(32, 127)]
    + list("éèàüßñ\u00a0ΑβγδКлё中")
    + [chr(c) for c in range(0x0400, 0x0500)]
)


class Document:
    """Stands for a PDF document: fonts keep their codes per document."""


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(ALPHABET, max_size=40), max_size=40))
@example(["a b", "no\u00a0break", "Ж"])  # a no-break space prints as a space
def test_lines_get_the_codes_reportlab_gives_them(lines: list[str]) -> None:
    fast, plain = EmbeddedFont("Fast", FONT_FILE), TTFont("Plain", FONT_FILE)
    fast_doc, plain_doc = Document(), Document()
    for line in [*lines, *lines]:  # the second time, every character already has a code
        assert fast.splitString(line, fast_doc) == plain.splitString(line, plain_doc)


def test_a_document_of_its_own_starts_its_own_codes() -> None:
    fast, plain = EmbeddedFont("Fast", FONT_FILE), TTFont("Plain", FONT_FILE)
    first, plain_first = Document(), Document()
    assert fast.splitString("zebra", first) == plain.splitString("zebra", plain_first)
    second, plain_second = Document(), Document()
    assert fast.splitString("abz", second) == plain.splitString("abz", plain_second)
    assert fast.splitString("abz", first) == plain.splitString("abz", plain_first)


@given(st.text(ALPHABET, max_size=30), st.sampled_from([8.5, 9.5, 11.0, 13.5]))
def test_widths_are_reportlabs(word: str, size: float) -> None:
    fast, plain = EmbeddedFont("Fast", FONT_FILE), TTFont("Plain", FONT_FILE)
    assert fast.stringWidth(word, size) == plain.stringWidth(word, size)
    assert fast.stringWidth(word, size) == plain.stringWidth(word, size)  # remembered


def test_the_remembered_widths_stay_few(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_common, "_MOST_WIDTHS_KEPT", 10)
    fast, plain = EmbeddedFont("Fast", FONT_FILE), TTFont("Plain", FONT_FILE)
    for n in range(25):
        assert fast.stringWidth(f"word{n}", 11) == plain.stringWidth(f"word{n}", 11)
    assert len(fast._widths) <= 10
