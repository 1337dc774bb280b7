"""A sheet to take to one visit: when, with whom, where, and the questions with room to write."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Table,
    TableStyle,
)

from netjourney.core import repository
from netjourney.core.dates import day_of
from netjourney.core.errors import InvalidInputError
from netjourney.core.guide import Guide
from netjourney.core.models import Appointment
from netjourney.core.people import with_whom
from netjourney.core.record import JourneyRecord
from netjourney.export.atomic import write_atomically
from netjourney.export.content import Paper, default_paper, local_end, local_start
from netjourney.export.pdf_common import (
    CELL_FONT,
    RULE,
    RenderedPdf,
    heading,
    labelled,
    markup,
    render_pdf,
    styles,
    time_span,
)

MARGIN = 40.0
LINE_SPACING = 20.0  # about 7 mm between ruled lines: room for handwriting
ONE_PAGE_ANSWER_LINES = (4, 3, 2, 1)
"""Lines under each question, most first; the sheet takes the most that fit on one page."""
OVERFLOW_ANSWER_LINES = 3
"""When even one line each does not fit on one page, the sheet runs on with this many."""
NOTE_LINES_AT_LEAST = 3


def export_visit_sheet(
    record: JourneyRecord, appointment_id: int, destination: Path, paper: Paper | None = None
) -> int:
    """Write the visit sheet to `destination` atomically; return its number of pages."""
    rendered = build_visit_sheet(record, appointment_id, paper)
    write_atomically(destination, rendered.data)
    return rendered.pages


def build_visit_sheet(
    record: JourneyRecord, appointment_id: int, paper: Paper | None = None
) -> RenderedPdf:
    try:
        appointment = repository.get(record, Appointment, appointment_id)
    except InvalidInputError:  # its message guesses "removed"; a typo is as likely
        raise InvalidInputError(
            f"No appointment has the number {appointment_id}. "
            "netjourney appointments lists them with their numbers."
        ) from None
    paper = paper or default_paper()
    title = f"Visit sheet, {day_of(local_start(appointment))}"

    def render(answer_lines: int) -> RenderedPdf:
        story = _story(record.guide, appointment, answer_lines)
        return render_pdf(story, title=title, paper=paper, margin=MARGIN)

    for answer_lines in ONE_PAGE_ANSWER_LINES:
        rendered = render(answer_lines)
        if rendered.pages == 1:
            return rendered
    return render(OVERFLOW_ANSWER_LINES)


class RuledLines(Flowable):
    """Lines to write on by hand; `fill` stretches them to the bottom of the page."""

    def __init__(self, count: int, fill: bool = False) -> None:
        super().__init__()
        self.count = count
        self.fill = fill

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        count = max(self.count, int(availHeight // LINE_SPACING)) if self.fill else self.count
        self.width, self.height = availWidth, count * LINE_SPACING
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.6)
        for index in range(1, round(self.height / LINE_SPACING) + 1):
            y = self.height - index * LINE_SPACING
            self.canv.line(0, y, self.width, y)


def _story(guide: Guide, appointment: Appointment, answer_lines: int) -> list[Flowable]:
    s = styles()
    start = local_start(appointment)
    question_style = ParagraphStyle(
        "question", parent=s.h3, fontSize=10.5, leading=13.5, spaceBefore=4, spaceAfter=0
    )
    story: list[Flowable] = [
        heading(f"Visit on {day_of(start)}", s.h1, outline_level=0),
        Paragraph(markup(time_span(start, local_end(appointment))), s.subtitle),
        _facts(guide, appointment),
        heading("Questions to ask", s.h2, outline_level=0),
    ]
    if not appointment.planned_questions:
        story.append(Paragraph("No questions are planned for this visit yet.", s.body))
    for number, question in enumerate(appointment.planned_questions, start=1):
        story.append(
            KeepTogether(
                [
                    Paragraph(f"{number}. {markup(question.text)}", question_style),
                    RuledLines(answer_lines),
                ]
            )
        )
    # The notes lines take whatever room is left, so their heading must not be kept
    # together with them (that would always push both to a new page); CondPageBreak
    # keeps the heading from being stranded alone at the foot of a page instead.
    notes_heading = ParagraphStyle("notes-heading", parent=s.h2, keepWithNext=False)
    story += [
        CondPageBreak(notes_heading.leading * 2 + NOTE_LINES_AT_LEAST * LINE_SPACING),
        heading("Notes", notes_heading, outline_level=0),
        RuledLines(NOTE_LINES_AT_LEAST, fill=True),
    ]
    return story


def _facts(guide: Guide, appointment: Appointment) -> Table:
    """The filled-in facts two to a row, to leave the page for writing."""
    s = styles()
    phone = appointment.member.phone if appointment.member else ""
    facts = [
        ("With", with_whom(guide, appointment)),
        ("Where", appointment.location),
        ("Phone", phone),
        ("Purpose", appointment.purpose),
        ("What to bring", appointment.what_to_bring),
    ]
    cells: list[list[Paragraph] | str] = [
        labelled(label, value, s.body) for label, value in facts if value.strip()
    ]
    cells += [""] * (len(cells) % 2)
    rows = [cells[index : index + 2] for index in range(0, len(cells), 2)] or [["", ""]]
    return Table(
        rows,
        colWidths=["50%", "50%"],
        splitByRow=1,
        splitInRow=1,
        hAlign="LEFT",
        style=TableStyle(
            [
                CELL_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        ),
    )
