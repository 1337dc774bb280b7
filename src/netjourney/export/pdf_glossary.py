"""The journey PDF's short glossary page: the words its guide sections use, and the credits."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from netjourney.core.guide import Guide
from netjourney.export.pdf_common import Styles, heading, item, markup

GLOSSARY_HEADING = "Words used in this guide"
SOURCES_HEADING = "The article's own sources"


def glossary_flowables(guide: Guide, section_ids: list[str], s: Styles) -> list[Flowable]:
    """A glossary of the words the printed sections use, then the article's own sources."""
    used = {entry.id for sid in section_ids for entry in guide.section(sid).glossary}
    entries = [entry for entry in guide.glossary if entry.id in used]
    if not entries:
        return []
    story: list[Flowable] = [CondPageBreak(200), heading(GLOSSARY_HEADING, s.h2, outline_level=1)]
    for entry in entries:
        story += item([Paragraph(f"<b>{markup(entry.term)}</b>: {markup(entry.meaning)}", s.body)])
    source = guide.source
    story.append(heading(SOURCES_HEADING, s.h3))
    story += [Paragraph(markup(r), s.small, bulletText="•") for r in source.references]
    story.append(Paragraph(markup(f"{source.review} {source.adapted_note}"), s.small))
    return story
