"""The journey PDF, read back with pypdf: what a family member would see in it."""

from __future__ import annotations

import gc
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from netjourney.core.errors import InvalidInputError
from netjourney.core.guide import Guide
from netjourney.core.models import QuestionStatus
from netjourney.core.record import JourneyRecord
from netjourney.export.content import (
    JourneyOptions,
    Paper,
    default_paper,
    load_snapshot,
    select_journey,
)
from netjourney.export.parts import Part
from netjourney.export.pdf_common import PLACEHOLDER, address_lines, styles
from netjourney.export.pdf_journey import build_journey_pdf, export_journey_pdf
from tests.export import records
from tests.export.records import HOSTILE_TEXTS, NOW, pdf_lines, pdf_reader, pdf_text, squashed


def build(record: JourneyRecord, **options: object) -> bytes:
    options.setdefault("paper", Paper.A4)
    return build_journey_pdf(record, JourneyOptions(**options), now=NOW).data  # type: ignore[arg-type]


def test_each_record_prints_its_text(record: JourneyRecord) -> None:
    records.member(
        record,
        "Dr. Ann Lee",
        practice="Lakeside Clinic",
        phone="555-0142",
        after_hours="Operator 555-0100",
        email="ann@example.org",
    )
    asked = records.question(
        record,
        "Will I need more scans?",
        status=QuestionStatus.ANSWERED,
        answer="Yes, every six months.",
        answered_by="Dr. Lee",
    )
    records.appointment(
        record,
        NOW + timedelta(days=7),
        purpose="Pre-surgery visit",
        location="Suite 210",
        what_to_bring="Medicine list",
        planned_questions=[asked],
    )
    records.appointment(
        record,
        NOW - timedelta(days=7),
        purpose="Biopsy results",
        outcome="Typical lung NET, referred to surgery.",
    )
    records.note(record, "What the biopsy showed", "About 2 cm.\nNo spread on the CT.")

    text = pdf_text(build(record, patient_name="Maria Pérez"))

    for expected in (
        "Maria Pérez",
        "Dr. Ann Lee",
        "Lakeside Clinic",
        "555-0142",
        "Operator 555-0100",
        "ann@example.org",
        "Medical oncologist",
        "Will I need more scans?",
        "Yes, every six months.",
        "by Dr. Lee",
        "Pre-surgery visit",
        "Suite 210",
        "Medicine list",
        "Biopsy results",
        "Typical lung NET, referred to surgery.",
        "What the biopsy showed",
        "About 2 cm.",
        "No spread on the CT.",
    ):
        assert expected in text, expected


def test_cover_has_the_date_and_the_guides_caution(record: JourneyRecord, guide: Guide) -> None:
    text = pdf_text(build(record))

    assert "Made on Friday, May 1, 2026" in text
    assert " ".join(guide.source.caution.split()) in text


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS)
def test_hostile_text_prints_exactly_as_typed(record: JourneyRecord, hostile: str) -> None:
    records.member(record, hostile, practice=hostile)
    records.question(record, hostile, answer=hostile, status=QuestionStatus.ANSWERED)
    records.appointment(record, NOW + timedelta(days=1), purpose=hostile, location=hostile)
    records.note(record, hostile, f"{hostile}\nsecond line {hostile}")

    data = build(record, patient_name=hostile)
    lines = pdf_lines(data)

    assert lines.count(hostile) >= 3  # patient name, question, note title
    assert f"Where: {hostile}" in lines
    assert f"second line {hostile}" in lines
    assert all("/XObject" not in page["/Resources"] for page in pdf_reader(data).pages)


def test_long_words_huge_notes_long_cells_and_many_rows_do_not_break(
    record: JourneyRecord,
) -> None:
    long_word = "Pneumonoultramicroscopic" * 209  # about 5,000 characters, no space
    for number in range(150):
        records.member(record, f"Member {number}", practice=long_word if number == 0 else "")
    records.question(record, long_word)
    records.note(record, "Spaced", "word " * 6_000)
    records.note(record, "Unspaced", "y" * 30_000)

    data = build(record)

    text = squashed(pdf_text(data))
    assert long_word in text
    assert "y" * 30_000 in text
    assert "Member149" in text
    assert len(pdf_reader(data).pages) > 10


def test_characters_the_font_lacks_print_as_a_visible_placeholder(record: JourneyRecord) -> None:
    records.note(record, "Scripts", "漢字 and 😀 beside\x00ok")

    lines = pdf_lines(build(record))

    assert f"{PLACEHOLDER}{PLACEHOLDER} and {PLACEHOLDER} beside{PLACEHOLDER}ok" in lines


def test_private_notes_are_left_out_unless_asked_for(record: JourneyRecord) -> None:
    records.note(record, "Shared thoughts", "for the family")
    records.note(record, "Only mine", "a private worry", private=True)

    family_copy = pdf_text(build(record))
    own_copy = pdf_text(build(record, include_private=True))

    assert "Shared thoughts" in family_copy
    assert "Only mine" not in family_copy and "a private worry" not in family_copy
    assert "Private notes are left out of this copy." in family_copy
    assert "Only mine" in own_copy and "a private worry" in own_copy
    assert "This copy includes private notes." in own_copy


def test_a_date_range_limits_appointments_and_notes(record: JourneyRecord) -> None:
    for day, label in ((3, "March"), (4, "April"), (5, "May")):
        moment = datetime(2026, day, 15, 15, 0, tzinfo=NOW.tzinfo)
        records.appointment(record, moment, purpose=f"{label} visit")
        records.note(record, f"{label} note", created_at=moment, updated_at=moment)

    text = pdf_text(build(record, date_from=date(2026, 4, 1), date_to=date(2026, 4, 30)))

    assert "April visit" in text and "April note" in text
    for left_out in ("March visit", "March note", "May visit", "May note"):
        assert left_out not in text
    assert "from Wednesday, April 1, 2026 up to Thursday, April 30, 2026 only" in text


def test_a_reversed_date_range_is_refused_with_advice() -> None:
    with pytest.raises(InvalidInputError, match="swap the two dates"):
        JourneyOptions(date_from=date(2026, 5, 2), date_to=date(2026, 5, 1))


def test_only_the_chosen_parts_are_included(record: JourneyRecord) -> None:
    records.member(record, "Dr. Team Member")
    records.note(record, "A note title")

    data = build(record, parts=frozenset({Part.CARE_TEAM}))

    text = pdf_text(data)
    assert "Dr. Team Member" in text
    assert "A note title" not in text
    assert [o.title for o in pdf_reader(data).outline] == [
        "Lung NET treatment journey",
        "Care team",
    ]


def test_questions_follow_the_guides_groups_then_my_own(
    record: JourneyRecord, guide: Guide
) -> None:
    first_group, last_group = guide.question_groups[0], guide.question_groups[-1]
    records.question(record, "My very own question")
    for library_question in (
        last_group.questions[0],
        first_group.questions[1],
        first_group.questions[0],
    ):
        records.question(record, library_question.text, library_id=library_question.id)
    records.question(record, "Not chosen", chosen=False)

    text = pdf_text(build(record))

    in_order = [
        first_group.title,
        first_group.questions[0].text,
        first_group.questions[1].text,
        last_group.title,
        last_group.questions[0].text,
        "My own questions",
        "My very own question",
    ]
    positions = [text.index(part) for part in in_order]
    assert positions == sorted(positions)
    assert "Not chosen" not in text


def test_guide_sections_linked_from_included_records_close_the_document(
    record: JourneyRecord,
    guide: Guide,
) -> None:
    records.note(record, "Shared", section_ids=["second-opinion"])
    records.note(record, "Private", private=True, section_ids=["clinical-trials"])

    data = build(record)

    text = pdf_text(data)
    second_opinion = guide.section("second-opinion")
    assert text.rindex(second_opinion.title) > text.index("From the treatment guide")
    assert " ".join(second_opinion.summary.split()) in text
    assert " ".join(second_opinion.key_facts[0].split()) in text
    assert guide.source.url in squashed(text)
    # The section, not the words: "Clinical trials" is also the heading of the trials part.
    assert " ".join(guide.section("clinical-trials").summary.split()) not in text
    guide_entry = next(
        o
        for o in pdf_reader(data).outline
        if not isinstance(o, list) and o.title == "From the treatment guide"
    )
    assert guide_entry is not None


def test_each_record_brings_the_guide_sections_it_links_to_and_no_other_kinds(
    record: JourneyRecord, guide: Guide
) -> None:
    # Each of these is the first of its kind, so all have the same id.
    records.member(record, section_ids=["care-team"])
    records.question(record, section_ids=["questions-choosing"])
    records.appointment(record, NOW + timedelta(days=2), section_ids=["resectable"])
    records.note(record, "Private", private=True, section_ids=["recurrent"])

    selection = select_journey(load_snapshot(record), guide, JourneyOptions(), NOW)

    assert selection.section_ids == ["resectable", "care-team", "questions-choosing"]


def test_situation_blocks_follow_the_cover_when_given(record: JourneyRecord) -> None:
    records.member(record, "Dr. Team Member")
    blocks = (("Where I am", ["Typical NET, stage I <resectable>."]),)

    with_blocks = pdf_text(build(record, situation_blocks=blocks))
    without = pdf_text(build(record))

    assert with_blocks.index("My situation") < with_blocks.index("Dr. Team Member")
    assert "Typical NET, stage I <resectable>." in with_blocks
    assert "My situation" not in without


def test_pages_say_page_x_of_y_and_the_title_is_set(record: JourneyRecord) -> None:
    for number in range(40):
        records.note(record, f"Note {number}", "A line of text.\n" * 12)

    reader = pdf_reader(build(record, patient_name="Maria Pérez"))

    total = len(reader.pages)
    assert total > 2
    for number, page in enumerate(reader.pages, start=1):
        assert f"page {number} of {total}" in page.extract_text()
    assert reader.metadata.title == "Lung NET treatment journey: Maria Pérez"


@pytest.mark.parametrize("paper, width", [(Paper.A4, 595), (Paper.LETTER, 612)])
def test_paper_size_is_honoured(record: JourneyRecord, paper: Paper, width: int) -> None:
    page = pdf_reader(build(record, paper=paper)).pages[0]

    assert round(float(page.mediabox.width)) == width


def test_export_writes_a_private_file(record: JourneyRecord, tmp_path: Path) -> None:
    destination = tmp_path / "journey.pdf"

    pages = export_journey_pdf(record, destination, JourneyOptions(), now=NOW)

    assert pages == len(pdf_reader(destination.read_bytes()).pages)
    assert destination.stat().st_mode & 0o777 == 0o600


def test_a_failed_build_leaves_the_old_file_and_no_leftovers(
    record: JourneyRecord, tmp_path: Path
) -> None:
    destination = tmp_path / "journey.pdf"
    destination.write_bytes(b"the old export")

    def stop(_page: int) -> None:
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        export_journey_pdf(record, destination, JourneyOptions(), now=NOW, on_page=stop)

    assert destination.read_bytes() == b"the old export"
    assert sorted(p.name for p in tmp_path.iterdir() if "journey.pdf" in p.name) == ["journey.pdf"]


def test_the_cycle_collector_runs_again_after_a_build_even_a_failed_one(
    record: JourneyRecord,
) -> None:
    """The build pauses it (see without_cycle_collection); the app must not stay without it."""

    def stop(page: int) -> None:
        assert not gc.isenabled()
        raise RuntimeError("stopped")

    build_journey_pdf(record, JourneyOptions(), now=NOW)
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        build_journey_pdf(record, JourneyOptions(), now=NOW, on_page=stop)
    assert gc.isenabled()


@pytest.mark.parametrize(
    "environ, paper",
    [
        ({"LANG": "en_US.UTF-8"}, Paper.LETTER),
        ({"LANG": "de_DE.UTF-8", "LC_PAPER": "en_CA.UTF-8"}, Paper.LETTER),
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, Paper.A4),
        ({"LANG": "C.UTF-8"}, Paper.A4),
    ],
)
def test_the_default_paper_follows_the_locale(environ: dict[str, str], paper: Paper) -> None:
    assert default_paper(environ) is paper


def test_control_and_separator_characters_print_as_the_placeholder_not_line_breaks(
    record: JourneyRecord,
) -> None:
    breakers = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
    records.note(record, "Odd characters", f"before{breakers}after")
    records.appointment(record, NOW + timedelta(days=2), location=f"Room{breakers}12")

    lines = pdf_lines(build(record))

    assert f"before{PLACEHOLDER * len(breakers)}after" in lines
    assert f"Where: Room{PLACEHOLDER * len(breakers)}12" in lines


def test_only_the_embedded_fonts_are_named(record: JourneyRecord) -> None:
    records.realistic_record(record)

    reader = pdf_reader(build(record))

    fonts = {
        font.get_object()["/BaseFont"]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("DejaVuSans" in font for font in fonts), fonts


def test_long_addresses_in_the_care_team_break_at_sensible_points(record: JourneyRecord) -> None:
    email = "maria.alvarez-gonzalez@lakeside-chest-surgery.example.org"
    web = "https://www.city-hospital.example.net/patients/forms?id=42"
    records.member(record, "Dr. Maria Alvarez", email=email)
    records.member(record, "Dr. Zoe Ivanova", practice=web)

    text = pdf_text(build(record, parts=frozenset({Part.CARE_TEAM})))

    words = text.split()
    for address in (email, web):
        pieces = [w for w in words if w and w in address and len(w) > 3]
        assert "".join(pieces) == address, pieces
        assert all(p[0] in "./@?-" for p in pieces[1:]), pieces  # each line starts at a mark


def test_address_lines_fit_and_fall_back_to_characters() -> None:
    style = styles().cell
    assert address_lines("ann@example.org", style, 200) == ["ann@example.org"]
    lines = address_lines("a.b" * 40, style, 60)
    assert "".join(lines) == "a.b" * 40
    assert all(line.startswith(".") for line in lines[1:])
    unbroken = address_lines("x" * 80, style, 60)
    assert "".join(unbroken) == "x" * 80 and len(unbroken) > 1
    widths = [pdfmetrics.stringWidth(line, style.fontName, style.fontSize) for line in lines]
    assert max(widths) <= 60
