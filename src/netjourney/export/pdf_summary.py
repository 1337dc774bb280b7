"""The clinical summary for a new doctor: at most two dense pages of compact tables.

What goes in is chosen by export/summary_content.py; this module lays it out. The page
count is a promise: the summary is laid out with generous limits first, then with
tighter ones (fewer values per marker, fewer scans, people and questions, shorter free
text), until it fits on two pages. Every list left short says how many it left out
("and 12 earlier, see the full record"), and a text cut short says so; a word is cut
only when it alone is longer than the room, and then that is said too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cache
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from netjourney.core.errors import InvalidInputError
from netjourney.core.journey.charts import Reading, measure_charts, range_text
from netjourney.core.journey.listings import day_text, value_text
from netjourney.core.record import JourneyRecord
from netjourney.export.atomic import write_atomically
from netjourney.export.content import PageCallback
from netjourney.export.pdf_common import (
    ACCENT,
    BOLD_FONT,
    CELL_FONT,
    MUTED,
    RULE,
    SHADE,
    Cell,
    RenderedPdf,
    boxed,
    cell_markup,
    content_width,
    header_fits,
    markup,
    printable,
    render_pdf,
    styles,
    table,
)
from netjourney.export.pdf_journey_charts import vector_chart
from netjourney.export.summary_content import (
    SYMPTOM_DAYS,
    MarkerHistory,
    SummaryContent,
    SummaryOptions,
    SymptomLine,
    TeamLine,
    TreatmentLine,
    select_summary,
)

TITLE = "Clinical summary"
MARGIN = 36.0
MOST_PAGES = 2
CHART_HEIGHT = 120.0  # points: a small trend chart, two to a row
CHART_TITLE_SIZE = 9.0  # points: core.journey.charts.draw's title on a narrow chart
MARKERS_PER_ROW = 2
ROOM_TO_START_A_PART = 60.0  # points: a heading and two or three rows
SEE_RECORD = "see the full record"


@dataclass(frozen=True)
class Limits:
    """How much of each list and text the summary shows at one level of shrinking."""

    values_per_marker: int
    markers: int
    treatments: int  # the current ones first
    scans: int
    symptoms: int
    team: int
    questions: int
    text: int  # characters of a free-text cell (a scan report, a practice, a question)


LEVELS = (
    Limits(5, 6, 12, 4, 12, 12, 30, 400),
    Limits(5, 6, 12, 4, 12, 12, 15, 400),
    Limits(4, 4, 8, 3, 10, 10, 10, 240),
    Limits(3, 4, 6, 3, 8, 8, 8, 160),
    Limits(3, 2, 4, 2, 6, 6, 6, 120),
    Limits(2, 2, 3, 1, 4, 4, 4, 80),
    Limits(1, 2, 3, 1, 3, 3, 3, 60),
)


def export_summary(
    record: JourneyRecord,
    destination: Path,
    options: SummaryOptions | None = None,
    now: datetime | None = None,
    on_page: PageCallback | None = None,
) -> int:
    """Write the summary to `destination` atomically; return its number of pages."""
    rendered = build_summary(record, options, now, on_page)
    write_atomically(destination, rendered.data)
    return rendered.pages


def build_summary(
    record: JourneyRecord,
    options: SummaryOptions | None = None,
    now: datetime | None = None,
    on_page: PageCallback | None = None,
) -> RenderedPdf:
    """The summary laid out at the first level of LEVELS that fits MOST_PAGES; `on_page`
    hears of each page laid out (and may raise to stop)."""
    options = options or SummaryOptions()
    header = patient_line(options)
    if not header_fits(header, options.paper, MARGIN):
        raise InvalidInputError(
            "The name is too wide to print in one line at the top of each page; "
            "shorten it (initials for the given names, for example)."
        )
    content = select_summary(record, options, now)
    width = content_width(options.paper, MARGIN)

    def render(limits: Limits) -> RenderedPdf:
        return render_pdf(
            _SummaryStory(content, limits, width).flowables(),
            title=f"{TITLE} for a new doctor",
            paper=options.paper,
            margin=MARGIN,
            header=header,
            on_page=on_page,
        )

    rendered = render(LEVELS[0])
    for limits in LEVELS[1:]:
        if rendered.pages <= MOST_PAGES:
            break
        rendered = render(limits)
    return rendered


def patient_line(options: SummaryOptions) -> str:
    """'Patient: Maria Pérez · Date of birth: 2 Mar 1958', or '' when neither was given."""
    parts = []
    if options.patient_name.strip():
        parts.append(f"Patient: {' '.join(options.patient_name.split())}")
    if options.birth_date is not None:
        parts.append(f"Date of birth: {day_text(options.birth_date)}")
    return " · ".join(parts)


def shortened(text: str, limit: int) -> str:
    """The text (one line) cut to about `limit` characters after a whole word, saying so;
    a single word longer than the limit is cut inside and that is said instead."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    space = text.rfind(" ", 0, limit + 1)
    if space > limit // 2:
        return f"{text[:space]} … [shortened; {SEE_RECORD}]"
    return f"{text[:limit]}… [cut inside a word; {SEE_RECORD}]"


def more_text(count: int, what: str) -> str:
    return f"… and {count} {what}, {SEE_RECORD}."


@dataclass(frozen=True)
class _Styles:
    title: ParagraphStyle
    note: ParagraphStyle
    heading: ParagraphStyle
    cell: ParagraphStyle
    cell_muted: ParagraphStyle
    cell_head: ParagraphStyle
    question: ParagraphStyle


@cache
def _styles() -> _Styles:
    """Small but readable: 8 points at the least, as dense as a clinic letter."""
    body = styles().body
    cell = ParagraphStyle("s-cell", parent=body, fontSize=8, leading=9.6, spaceAfter=0)
    return _Styles(
        title=ParagraphStyle(
            "s-title", parent=body, fontName=BOLD_FONT, fontSize=14, leading=17, textColor=ACCENT
        ),
        note=ParagraphStyle("s-note", parent=cell, textColor=MUTED, spaceAfter=1),
        heading=ParagraphStyle(
            "s-heading",
            parent=body,
            fontName=BOLD_FONT,
            fontSize=10,
            leading=12,
            textColor=ACCENT,
            spaceBefore=7,
            spaceAfter=2,
        ),
        cell=cell,
        cell_muted=ParagraphStyle("s-cell-muted", parent=cell, textColor=MUTED),
        cell_head=ParagraphStyle(
            "s-cell-head", parent=cell, fontName=BOLD_FONT, textColor=styles().cell_head.textColor
        ),
        question=ParagraphStyle(
            "s-question",
            parent=cell,
            fontSize=8.5,
            bulletFontSize=8.5,
            leading=10.5,
            leftIndent=14,
            spaceAfter=1.5,
        ),
    )


_CELL_PADDING = 6.0  # points: 3 on each side
_COMPACT = TableStyle(
    [
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING / 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING / 2),
    ]
)


class _SummaryStory:
    """Builds the flowables, one method per part, within one level's limits."""

    def __init__(self, content: SummaryContent, limits: Limits, width: float) -> None:
        self.content = content
        self.limits = limits
        self.width = width
        self.s = _styles()

    def flowables(self) -> list[Flowable]:
        return [
            *self._title(),
            *self._part("Tumor, as the patient recorded it (My situation)", self._tumor()),
            *self._part("Treatments and medicines", self._treatments()),
            *self._part("Tumor markers and other tests", self._markers()),
            *self._part("Latest scans", self._scans()),
            *self._part(
                f"Symptoms in the last {SYMPTOM_DAYS} days (the patient's diary)", self._symptoms()
            ),
            *self._part("Care team", self._team()),
            *self._part(self.content.questions_heading, self._questions()),
        ]

    def _part(self, title: str, body: list[Flowable]) -> list[Flowable]:
        """A part starts on the next page only when not even its heading and a few lines
        fit: its table may then run on, its header row repeated (no room is left blank)."""
        return [
            CondPageBreak(ROOM_TO_START_A_PART),
            Paragraph(markup(shortened(title, self.limits.text)), self.s.heading),
            *body,
        ]

    def _title(self) -> list[Flowable]:
        c = self.content
        story: list[Flowable] = [
            Paragraph(TITLE, self.s.title),
            Paragraph(
                markup(
                    f"Made on {day_text(c.made_on)} from the patient's own record (NET Journey). "
                    "Everything is as the patient recorded it or copied it from reports: "
                    "nothing here is interpreted. Private notes are never included."
                ),
                self.s.note,
            ),
        ]
        if c.missing:
            text = "Not recorded yet: " + "; ".join(c.missing) + "."
            story += [Spacer(0, 3), boxed([Paragraph(markup(text), self.s.cell)], self.width)]
        return story

    def _nothing(self, text: str) -> list[Flowable]:
        return [Paragraph(markup(text), self.s.cell_muted)]

    def _more(self, count: int, what: str) -> list[Flowable]:
        return self._nothing(more_text(count, what)) if count > 0 else []

    def _table(
        self,
        titles: Sequence[str],
        shares: Sequence[float],
        rows: Sequence[Sequence[Cell | str]],
        width: float | None = None,
    ) -> Table:
        """A compact table with a header row; plain strings become escaped cells."""
        widths = [(width or self.width) * share for share in shares]
        header = [Paragraph(markup(title), self.s.cell_head) for title in titles]
        body = [
            [self._cell(value, w) for value, w in zip(row, widths, strict=True)] for row in rows
        ]
        shown = table([header, *body], widths, header=True)
        shown.setStyle(_COMPACT)
        return shown

    def _cell(self, value: Cell | str, width: float) -> Cell:
        """A string as a cell's paragraph: shortened to the level's limit, and an address
        too wide for the column broken at a dot or @ rather than anywhere."""
        if not isinstance(value, str):
            return value
        text = shortened(value, self.limits.text)
        return Paragraph(cell_markup(text, self.s.cell, width - _CELL_PADDING), self.s.cell)

    # ----- tumor ------------------------------------------------------------------

    def _tumor(self) -> list[Flowable]:
        facts = self.content.tumor
        cells: list[Cell] = []
        for fact in facts:
            cells += [
                Paragraph(f"<b>{markup(fact.label)}</b>", self.s.cell),
                Paragraph(markup(fact.value), self.s.cell),
            ]
        per_row = 6  # three label and value pairs
        cells += [""] * (-len(cells) % per_row)  # type: ignore[list-item]
        rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
        pair = self.width / 3
        grid = Table(
            rows,
            colWidths=[pair * 0.45, pair * 0.55] * 3,
            hAlign="LEFT",
            style=TableStyle(
                [
                    CELL_FONT,
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                    *[("BACKGROUND", (col, 0), (col, -1), SHADE) for col in (0, 2, 4)],
                ]
            ),
        )
        grid.setStyle(_COMPACT)
        return [grid]

    # ----- treatments ---------------------------------------------------------------

    def _treatments(self) -> list[Flowable]:
        lines = self.content.treatments
        if not lines:
            return self._nothing("No treatments recorded.")
        shown = lines[: self.limits.treatments]
        titles = (
            *("Treatment", "Dose, how given", "Schedule", "Started", "Stopped"),
            *("Last dose given", "Next due"),
        )
        rows = [self._treatment_row(t) for t in shown]
        return [
            self._table(titles, (0.2, 0.19, 0.1, 0.1, 0.15, 0.16, 0.1), rows),
            *self._more(len(lines) - len(shown), "more treatments"),
        ]

    def _treatment_row(self, line: TreatmentLine) -> list[Cell | str]:
        name: list[Flowable] = [
            Paragraph(f"<b>{markup(shortened(line.name, self.limits.text))}</b>", self.s.cell),
            Paragraph(markup(line.kind), self.s.cell_muted),
        ]
        if line.stopped is None:
            stopped = "Ongoing"
        elif line.current:
            stopped = f"Planned to stop {day_text(line.stopped)}"
        else:
            why = f" ({line.why_stopped.strip()})" if line.why_stopped.strip() else ""
            stopped = f"{day_text(line.stopped)}{why}"
        last = ""
        if line.last_dose is not None:
            where = f", {line.last_dose_where.strip()}" if line.last_dose_where.strip() else ""
            last = f"{day_text(line.last_dose)}{where}"
        return [
            name,
            line.dose,
            line.schedule,
            _day(line.started),
            stopped,
            last,
            _day(line.next_due),
        ]

    # ----- markers ----------------------------------------------------------------

    def _markers(self) -> list[Flowable]:
        markers = self.content.markers
        if not markers:
            return self._nothing("No test results recorded.")
        shown = markers[: self.limits.markers]
        cell_width = self.width / MARKERS_PER_ROW
        cells: list[Cell] = [self._marker(m, cell_width - 8) for m in shown]
        cells += [""] * (-len(cells) % MARKERS_PER_ROW)  # type: ignore[list-item]
        rows = [cells[i : i + MARKERS_PER_ROW] for i in range(0, len(cells), MARKERS_PER_ROW)]
        grid = Table(
            rows,
            colWidths=[cell_width] * MARKERS_PER_ROW,
            hAlign="LEFT",
            style=TableStyle(
                [
                    CELL_FONT,
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            ),
        )
        story: list[Flowable] = [
            Paragraph(
                "Values as copied from each lab report, latest first, beside the lab's own "
                "range as printed. Each chart shows every value of the measure in its latest "
                "unit; the shaded band is the range the lab printed.",
                self.s.note,
            ),
            grid,
        ]
        left_out = markers[len(shown) :]
        if left_out:
            names = ", ".join(m.measure for m in left_out)
            story += self._nothing(
                shortened(f"Also recorded, {SEE_RECORD}: {names}.", self.limits.text)
            )
        return story

    def _marker(self, marker: MarkerHistory, width: float) -> list[Flowable]:
        (chart, *_) = measure_charts(marker.measure, marker.readings).charts
        small = replace(chart, caption="")  # the table beside it names the printed range
        story: list[Flowable] = []
        if stringWidth(printable(chart.title), BOLD_FONT, CHART_TITLE_SIZE) > width:
            # A drawing's text does not wrap: a title too wide for it goes above, as a cell.
            title = shortened(chart.title, self.limits.text)
            story.append(Paragraph(f"<b>{markup(title)}</b>", self.s.cell))
            nameless = tuple(replace(series, name="") for series in small.series)
            small = replace(small, title="", series=nameless)  # no legend repeating it
        latest = marker.latest_first[: self.limits.values_per_marker]
        rows = [_reading_row(r) for r in latest]
        story += [
            vector_chart(small, width, CHART_HEIGHT),
            self._table(
                ("Date", "Value", "Lab's range (as printed)", "Lab"),
                (0.24, 0.24, 0.28, 0.24),
                rows,
                width,
            ),
        ]
        earlier = len(marker.readings) - len(latest)
        if earlier:
            first = day_text(marker.readings[0].day)
            story += self._more(earlier, f"earlier values since {first}")
        if marker.other_units:
            units = ", ".join(marker.other_units)
            also = f"Also reported in {units}: not charted or listed here."
            story += self._nothing(shortened(also, self.limits.text))
        return story

    # ----- scans ------------------------------------------------------------------

    def _scans(self) -> list[Flowable]:
        scans = self.content.scans
        story: list[Flowable] = []
        if not scans:
            story += self._nothing("No scans recorded.")
        else:
            shown = scans[: self.limits.scans]
            rows = [(day_text(s.day), s.kind, s.where, s.report) for s in shown]
            titles = ("Date", "Kind", "Where", "What the report said (as the patient wrote it)")
            story += [self._table(titles, (0.11, 0.17, 0.2, 0.52), rows)]
            story += self._more(len(scans) - len(shown), "earlier scans")
        if self.content.next_scan is not None:
            story += self._nothing(f"Next scan planned: {day_text(self.content.next_scan)}.")
        return story

    # ----- symptoms ---------------------------------------------------------------

    def _symptoms(self) -> list[Flowable]:
        c = self.content
        first, last = c.symptom_window
        if not c.diary_days:
            since = (
                f" The last diary day is {day_text(c.last_diary_day)}." if c.last_diary_day else ""
            )
            return self._nothing(
                f"No diary days written from {day_text(first)} to {day_text(last)}.{since}"
            )
        intro = (
            f"{c.diary_days} of {SYMPTOM_DAYS} days written, {day_text(first)} to "
            f"{day_text(last)}. Rated symptoms: the average of the 0–10 ratings over the days "
            "rated, and the highest. Counted symptoms: times a day, averaged over the days "
            "counted, and the total for the period."
        )
        shown = c.symptoms[: self.limits.symptoms]
        titles = (
            *("Symptom", "Days noted", "Rated 0–10: average (highest)"),
            "Counted: average a day (total)",
        )
        return [
            Paragraph(markup(intro), self.s.note),
            self._table(titles, (0.31, 0.15, 0.27, 0.27), [_symptom_row(s) for s in shown]),
            *self._more(len(c.symptoms) - len(shown), "more symptoms"),
        ]

    # ----- team -------------------------------------------------------------------

    def _team(self) -> list[Flowable]:
        team = self.content.team
        if not team:
            return self._nothing("No one has been added to the care team.")
        shown = sorted(team[: self.limits.team], key=lambda m: m.role_rank)
        titles = ("Name", "Role", "Practice", "Phone", "After hours", "Email")
        rows = [_team_row(member) for member in shown]
        return [
            self._table(titles, (0.18, 0.13, 0.18, 0.1, 0.21, 0.2), rows),
            *self._more(len(team) - len(shown), "more people in the care team"),
        ]

    # ----- questions --------------------------------------------------------------

    def _questions(self) -> list[Flowable]:
        questions = self.content.questions
        if not questions:
            return self._nothing("No open questions.")
        shown = questions[: self.limits.questions]
        story: list[Flowable] = [
            Paragraph(
                markup(shortened(text, self.limits.text * 2)),
                self.s.question,
                bulletText=f"{number}.",
            )
            for number, text in enumerate(shown, start=1)
        ]
        return story + self._more(len(questions) - len(shown), "more open questions")


def _day(day: date | None) -> str:
    return day_text(day) if day else ""


def _reading_row(reading: Reading) -> list[Cell | str]:
    printed = reading.printed_range
    if not printed and (reading.low is not None or reading.high is not None):
        printed = range_text(reading.low, reading.high, reading.unit)
    return [day_text(reading.day), value_text(reading.value, reading.unit), printed, reading.lab]


def _symptom_row(line: SymptomLine) -> list[Cell | str]:
    rated = counted = ""
    if line.rating_average is not None:
        rated = f"{line.rating_average:.1f} ({line.rating_highest})"
    if line.count_average is not None:
        counted = f"{line.count_average:.1f} ({line.count_total})"
    return [line.symptom, str(line.days_noted), rated, counted]


def _team_row(member: TeamLine) -> list[Cell | str]:
    return [
        member.name,
        member.role,
        member.practice,
        member.phone,
        member.after_hours,
        member.email,
    ]
