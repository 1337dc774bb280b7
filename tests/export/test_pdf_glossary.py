"""The journey PDF's glossary page: the words its guide sections use, read back with pypdf."""

from __future__ import annotations

from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from netjourney.export.content import JourneyOptions, Paper
from netjourney.export.parts import Part
from netjourney.export.pdf_glossary import GLOSSARY_HEADING, SOURCES_HEADING
from netjourney.export.pdf_journey import build_journey_pdf
from tests.export import records
from tests.export.records import NOW, pdf_text, squashed


def build(record: JourneyRecord, **options: object) -> str:
    options.setdefault("paper", Paper.A4)
    return pdf_text(build_journey_pdf(record, JourneyOptions(**options), now=NOW).data)  # type: ignore[arg-type]


def meaning(guide: Guide, term_id: str) -> str:
    return next(entry.meaning for entry in guide.glossary if entry.id == term_id)


def test_the_glossary_explains_the_words_of_the_printed_sections(
    record: JourneyRecord, guide: Guide
) -> None:
    records.note(record, "Octreotide every 4 weeks", section_ids=["unresectable"])

    text = squashed(build(record))

    assert squashed(GLOSSARY_HEADING) in text
    for term_id in ("carcinoid-syndrome", "somatostatin-analog", "embolization", "ablation"):
        assert squashed(meaning(guide, term_id)) in text
    assert squashed(meaning(guide, "hospice")) not in text  # not a word of that section


def test_the_glossary_page_credits_the_articles_sources(
    record: JourneyRecord, guide: Guide
) -> None:
    records.note(record, "Surgery date", section_ids=["resectable"])

    text = squashed(build(record))

    assert squashed(SOURCES_HEADING) in text
    for credit in (*guide.source.references, guide.source.review, guide.source.adapted_note):
        assert squashed(credit) in text


def test_no_glossary_without_guide_sections(record: JourneyRecord) -> None:
    records.note(record, "Not linked to the guide")

    assert squashed(GLOSSARY_HEADING) not in squashed(build(record))
    assert squashed(GLOSSARY_HEADING) not in squashed(
        build(record, parts=frozenset(set(Part) - {Part.GUIDE}))
    )
