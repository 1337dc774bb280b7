"""The anchor for the journey PDF: the same strings as bare reportlab paragraphs.

Usage: python bench/bare_pdf.py STRINGS.json OUT.pdf [FONT.ttf]

A SimpleDocTemplate of one Paragraph per string, in reportlab's own sample style: what
reportlab itself costs for the text, with none of the journey's headings, tables or page
furniture. In its built-in Helvetica by default; given a TrueType font, embedded in that
(the journey embeds DejaVu Sans so that non-Latin text prints), to tell the font's share
of the cost from the layout's.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate


def body_style(font_file: str | None) -> ParagraphStyle:
    style = ParagraphStyle("bare", parent=getSampleStyleSheet()["BodyText"])
    if font_file is not None:
        pdfmetrics.registerFont(TTFont("BareFont", font_file))
        style.fontName = "BareFont"
    return style


def main() -> int:
    strings = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    style = body_style(sys.argv[3] if len(sys.argv) > 3 else None)
    SimpleDocTemplate(sys.argv[2]).build([Paragraph(escape(text), style) for text in strings])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
