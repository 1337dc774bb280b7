"""The journey PDF a family member reads: the record in plain pages, with its guide sections."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Spacer

from netjourney.core.dates import day_of, long_date
from netjourney.core.guide import Guide, Section
from netjourney.core.models import (
    Appointment,
    CareTeamMember,
    Note,
    Question,
    QuestionStatus,
    utc_now,
)
from netjourney.core.people import role_title, with_whom
from netjourney.core.record import JourneyRecord
from netjourney.export.atomic import write_atomically
from netjourney.export.content import (
    JourneyOptions,
    JourneySelection,
    PageCallback,
    load_snapshot,
    local_end,
    local_start,
    select_journey,
)
from netjourney.export.parts import Part
from netjourney.export.pdf_common import (
    CELL_PADDING,
    ROOM_TO_START_AN_ENTRY,
    Cell,
    RenderedPdf,
    boxed,
    cell_chunks,
    content_width,
    heading,
    item,
    labelled,
    long_heading,
    markup,
    paragraphs,
    render_pdf,
    rows_in_chunks,
    styles,
    table,
    text_paragraph,
    time_span,
    without_cycle_collection,
)
from netjourney.export.pdf_decisions import decision_parts
from netjourney.export.pdf_glossary import glossary_flowables
from netjourney.export.pdf_journey_records import journey_record_parts

MARGIN = 54.0
TITLE = "Lung NET treatment journey"
_TEAM_COLUMNS = (
    ("Name and role", 0.23),
    ("Practice", 0.2),
    ("Phone", 0.14),
    ("After hours", 0.21),
    ("Email", 0.22),
)


def export_journey_pdf(
    record: JourneyRecord,
    destination: Path,
    options: JourneyOptions | None = None,
    now: datetime | None = None,
    on_page: PageCallback | None = None,
) -> int:
    """Write the journey PDF to `destination` atomically; return its number of pages."""
    rendered = build_journey_pdf(record, options, now, on_page)
    write_atomically(destination, rendered.data)
    return rendered.pages


def build_journey_pdf(
    record: JourneyRecord,
    options: JourneyOptions | None = None,
    now: datetime | None = None,
    on_page: PageCallback | None = None,
) -> RenderedPdf:
    options = options or JourneyOptions()
    now = now or utc_now()
    with without_cycle_collection():
        selection = select_journey(load_snapshot(record), record.guide, options, now)
        story = _JourneyStory(record.guide, options, selection, now)
        story.builders |= journey_record_parts(record, options, story.styles, story.width, now)
        story.builders |= decision_parts(record, options, story.styles)
        return render_pdf(
            story.flowables(),
            title=journey_title(options),
            paper=options.paper,
            margin=MARGIN,
            on_page=on_page,
        )


def journey_title(options: JourneyOptions) -> str:
    name = options.patient_name.strip()
    return f"{TITLE}: {name}" if name else TITLE


class _JourneyStory:
    """Builds the flowables, one method per part of the document."""

    def __init__(
        self, guide: Guide, options: JourneyOptions, selection: JourneySelection, now: datetime
    ) -> None:
        self.guide = guide
        self.options = options
        self.selection = selection
        self.now = now
        self.styles = styles()
        self.width = content_width(options.paper, MARGIN)
        self.builders: dict[Part, Callable[[], list[Flowable]]] = {
            Part.SITUATION: self._situation,
            Part.CARE_TEAM: self._care_team,
            Part.UPCOMING: lambda: self._appointments(self.selection.upcoming, upcoming=True),
            Part.PAST: lambda: self._appointments(self.selection.past, upcoming=False),
            Part.QUESTIONS: self._questions,
            Part.NOTES: self._notes,
            Part.GUIDE: self._guide_sections,
        }

    def flowables(self) -> list[Flowable]:
        story = self._cover()
        for part in self._shown_parts():
            story += [CondPageBreak(140), heading(part.heading, self.styles.h1, outline_level=0)]
            story += self.builders[part]()
        return story

    def _shown_parts(self) -> list[Part]:
        return [
            part
            for part in Part
            if part in self.options.parts
            and (part is not Part.SITUATION or self.options.situation_blocks)
        ]

    def _cover(self) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [Spacer(0, 60), heading(TITLE, s.title, outline_level=0)]
        if self.options.patient_name.strip():
            story.append(Paragraph(markup(self.options.patient_name), s.subtitle))
        story.append(Paragraph(f"Made on {long_date(self.now.astimezone().date())}", s.body))
        story += [Paragraph(markup(line), s.body) for line in self._scope_lines()]
        story += [Spacer(0, 12), heading("In this document", s.h2)]
        story += [Paragraph(p.heading, s.bullet, bulletText="•") for p in self._shown_parts()]
        source = self.guide.source
        story += [
            Spacer(0, 18),
            boxed(
                [
                    heading("Please read", s.h3),
                    Paragraph(markup(source.caution), s.body),
                    Paragraph(
                        markup(
                            f"The guide in this document retells “{source.title}” "
                            f"({source.publisher}, revised {long_date(source.revised, False)}) "
                            "in plain words."
                        ),
                        s.small,
                    ),
                ],
                self.width,
            ),
            PageBreak(),
        ]
        return story

    def _scope_lines(self) -> list[str]:
        lines = []
        if Part.NOTES in self.options.parts:
            lines.append(
                "This copy includes private notes."
                if self.options.include_private
                else "Private notes are left out of this copy."
            )
        start, end = self.options.date_from, self.options.date_to
        if start or end:
            lines.append(
                "Appointments and notes "
                + (f"from {long_date(start)} " if start else "")
                + (f"up to {long_date(end)} " if end else "")
                + "only."
            )
        return lines

    def _situation(self) -> list[Flowable]:
        story: list[Flowable] = []
        for block_heading, block_paragraphs in self.options.situation_blocks:
            story.append(heading(block_heading, self.styles.h2))
            for text in block_paragraphs:
                story += paragraphs(text, self.styles.body)
        return story

    def _care_team(self) -> list[Flowable]:
        members = self.selection.members
        if not members:
            return [Paragraph("No one has been added to the care team yet.", self.styles.body)]
        s = self.styles
        header = [Paragraph(title, s.cell_head) for title, _ in _TEAM_COLUMNS]
        rows = [row for member in members for row in self._member_rows(member)]
        widths = [self.width * share for _, share in _TEAM_COLUMNS]
        return [table([header, *rows], widths, header=True)]

    def _member_rows(self, member: CareTeamMember) -> list[list[Cell]]:
        s = self.styles
        who: list[Flowable] = [
            Paragraph(f"<b>{markup(member.name)}</b>", s.cell),
            Paragraph(markup(role_title(self.guide, member.role)), s.cell_note),
        ]
        texts = (member.practice, member.phone, member.after_hours, member.email)
        room = [self.width * share - CELL_PADDING for _, share in _TEAM_COLUMNS[1:]]
        others = [cell_chunks(text, s.cell, width) for text, width in zip(texts, room, strict=True)]
        return rows_in_chunks([[who], *others])

    def _appointments(self, appointments: list[Appointment], upcoming: bool) -> list[Flowable]:
        if not appointments:
            kind = "upcoming" if upcoming else "past"
            return [Paragraph(f"No {kind} appointments in this copy.", self.styles.body)]
        story: list[Flowable] = []
        for appointment in appointments:
            story += self._appointment(appointment, upcoming)
        return story

    def _appointment(self, appointment: Appointment, upcoming: bool) -> list[Flowable]:
        s = self.styles
        start = local_start(appointment)
        story: list[Flowable] = [
            heading(day_of(start), s.h2),
            text_paragraph(time_span(start, local_end(appointment)), s.meta),
        ]
        facts = [
            ("With", with_whom(self.guide, appointment)),
            ("Where", appointment.location),
            ("Purpose", appointment.purpose),
        ]
        facts += (
            [("What to bring", appointment.what_to_bring)]
            if upcoming
            else [("Outcome", appointment.outcome)]
        )
        for label, value in facts:
            story += labelled(label, value, s.body) if value.strip() else []
        if upcoming and appointment.planned_questions:
            story.append(heading("Questions to ask", s.h3))
            story += [
                text_paragraph(q.text, s.bullet, bullet="•") for q in appointment.planned_questions
            ]
        return item(story)

    def _questions(self) -> list[Flowable]:
        groups = self.selection.question_groups
        if not groups:
            return [Paragraph("No questions have been chosen yet.", self.styles.body)]
        story: list[Flowable] = []
        for group in groups:
            # Room for the group's title and its first question, or both go to the next page.
            story += [
                CondPageBreak(ROOM_TO_START_AN_ENTRY + 40),
                heading(group.title, self.styles.h2),
            ]
            for question in group.questions:
                story += self._question(question)
        return story

    def _question(self, question: Question) -> list[Flowable]:
        s = self.styles
        return item(
            [
                *long_heading(question.text, s.h3),
                text_paragraph(_answer_status(question), s.meta),
                *paragraphs(question.answer, s.body),
            ]
        )

    def _notes(self) -> list[Flowable]:
        notes = self.selection.notes
        if not notes:
            return [Paragraph("No notes in this copy.", self.styles.body)]
        story: list[Flowable] = []
        for note in notes:
            story += item(
                [
                    *long_heading(note.title.strip() or "Untitled note", self.styles.h2),
                    text_paragraph(self._note_line(note), self.styles.meta),
                    *paragraphs(note.body, self.styles.body),
                ]
            )
        return story

    def _note_line(self, note: Note) -> str:
        details = [f"Written {day_of(note.created_at.astimezone())}"]
        about = self.selection.appointments_by_id.get(note.appointment_id or -1)
        if about is not None:
            details.append(f"about the appointment on {day_of(local_start(about))}")
        if note.private:
            details.append("private")
        return " · ".join(details)

    def _guide_sections(self) -> list[Flowable]:
        s = self.styles
        if not self.selection.section_ids:
            return [Paragraph("Nothing in this copy is linked to a part of the guide.", s.body)]
        story: list[Flowable] = [
            Paragraph("The entries above are linked to these parts of the treatment guide.", s.body)
        ]
        for section_id in self.selection.section_ids:
            story += self._guide_section(self.guide.section(section_id))
        return story + glossary_flowables(self.guide, self.selection.section_ids, s)

    def _guide_section(self, section: Section) -> list[Flowable]:
        s = self.styles
        source = self.guide.source
        story: list[Flowable] = [
            heading(section.title, s.h2, outline_level=1),
            Paragraph(markup(section.summary), s.body),
        ]
        story += [Paragraph(markup(fact), s.bullet, bulletText="•") for fact in section.key_facts]
        story.append(
            Paragraph(
                markup(
                    f"Source: “{source.title}”, {source.publisher}, revised "
                    f"{long_date(source.revised, False)}, {source.url}"
                ),
                s.small,
            )
        )
        return story


def _answer_status(question: Question) -> str:
    if question.status is not QuestionStatus.ANSWERED:
        return question.status.label
    by = f" by {question.answered_by}" if question.answered_by.strip() else ""
    on = f" on {day_of(question.answered_on)}" if question.answered_on else ""
    return f"Answered{on}{by}"
