"""The journey PDF's parts for treatments, test results, scans and the symptom diary.

Text and tables only (charts: export/pdf_journey_charts.py). Values are shown as
copied, each with the lab's range as printed; the PDF, like the app, judges none.
pdf_journey asks `journey_record_parts` once for these parts' builders.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.platypus import CondPageBreak, Flowable, Paragraph
from sqlalchemy import Select
from sqlalchemy.orm import selectinload

from netjourney.core.dates import long_date
from netjourney.core.journey.charts import marks_of, numbers_by_symptom, reading_of
from netjourney.core.journey.choices import scan_kind_label, treatment_kind_label, treatment_title
from netjourney.core.journey.listings import rating_text, value_text
from netjourney.core.journey.models import (
    DiaryEntry,
    Dose,
    Measurement,
    Scan,
    SymptomRating,
    Treatment,
)
from netjourney.core.journey.schedule import Schedule, next_due, schedule_text
from netjourney.core.record import JourneyRecord
from netjourney.export.content import JourneyOptions, unlinked
from netjourney.export.parts import Part
from netjourney.export.pdf_common import (
    ROOM_TO_START_AN_ENTRY,
    Styles,
    heading,
    item,
    labelled,
    markup,
    paragraphs,
    table,
    text_paragraph,
)
from netjourney.export.pdf_journey_charts import diary_flowables, measure_chart_flowables

Builder = Callable[[], list[Flowable]]


@dataclass(frozen=True)
class _Records:
    """The journey's records in the PDF's date range, read in one unit of work."""

    treatments: list[Treatment]
    doses: dict[int, list[Dose]]  # by treatment id, in date order
    last_doses: dict[int, date]  # the last dose ever given, for the next due day
    measurements: list[Measurement]
    scans: list[Scan]
    diary: list[DiaryEntry]


def journey_record_parts(
    record: JourneyRecord, options: JourneyOptions, styles: Styles, width: float, now: datetime
) -> dict[Part, Builder]:
    """The builders of the treatments, tests, scans and diary parts."""
    parts = _Parts(_load(record, options), styles, width, now.astimezone().date())
    return {
        Part.TREATMENTS: parts.treatments,
        Part.TESTS: parts.tests,
        Part.SCANS: parts.scans,
        Part.DIARY: parts.diary,
    }


def _load(record: JourneyRecord, options: JourneyOptions) -> _Records:
    with record.reading() as session:
        doses = list(session.scalars(unlinked(Dose).order_by(Dose.given_on, Dose.id)))
        by_treatment: dict[int, list[Dose]] = {}
        last: dict[int, date] = {}
        for dose in doses:
            last[dose.treatment_id] = dose.given_on
            if options.covers(dose.given_on):
                by_treatment.setdefault(dose.treatment_id, []).append(dose)
        return _Records(
            treatments=list(
                session.scalars(unlinked(Treatment).order_by(Treatment.started_on, Treatment.id))
            ),
            doses=by_treatment,
            last_doses=last,
            measurements=[
                m
                for m in session.scalars(
                    unlinked(Measurement).order_by(
                        Measurement.measure, Measurement.measured_on, Measurement.id
                    )
                )
                if options.covers(m.measured_on)
            ],
            scans=[
                s
                for s in session.scalars(unlinked(Scan).order_by(Scan.scanned_on, Scan.id))
                if options.covers(s.scanned_on)
            ],
            diary=[
                e
                for e in session.scalars(_diary_unlinked().order_by(DiaryEntry.day))
                if options.covers(e.day)
            ],
        )


def _diary_unlinked() -> Select[DiaryEntry]:
    """Without the guide links, which these parts never print: reading the diary's 9,000
    ratings' links took half the time of loading the parts."""
    return unlinked(DiaryEntry).options(
        selectinload(DiaryEntry.ratings).raiseload(SymptomRating.section_links)
    )


class _Parts:
    def __init__(self, records: _Records, styles: Styles, width: float, today: date) -> None:
        self.records = records
        self.styles = styles
        self.width = width
        self.today = today

    def _nothing(self, text: str) -> list[Flowable]:
        return [Paragraph(text, self.styles.body)]

    # ----- treatments ---------------------------------------------------------------

    def treatments(self) -> list[Flowable]:
        if not self.records.treatments:
            return self._nothing("No treatments have been added yet.")
        story: list[Flowable] = []
        for treatment in self.records.treatments:
            story += self._treatment(treatment)
        return story

    def _treatment(self, treatment: Treatment) -> list[Flowable]:
        s = self.styles
        schedule = Schedule.of(treatment)
        due = next_due(
            schedule,
            treatment.started_on,
            treatment.stopped_on,
            self.records.last_doses.get(treatment.id),
            self.today,
        )
        facts = [
            ("Dose", treatment.dose),
            ("How it is given", treatment.how_given),
            ("Prescribed by", treatment.member.name if treatment.member else ""),
            ("Where", treatment.location),
            ("Started", _day(treatment.started_on)),
            ("Stopped", _day(treatment.stopped_on)),
            ("Why it stopped", treatment.why_stopped),
            ("Schedule", schedule_text(schedule)),
            ("Next dose due", _day(due) if schedule.repeats else ""),
        ]
        story: list[Flowable] = [
            heading(treatment_title(treatment.name, treatment.kind), s.h2),
            text_paragraph(treatment_kind_label(treatment.kind), s.meta),
            *(p for label, value in facts if value.strip() for p in labelled(label, value, s.body)),
            *paragraphs(treatment.notes, s.body),
        ]
        doses = self.records.doses.get(treatment.id, [])
        if doses:
            story.append(heading(f"Doses given ({len(doses)})", s.h3))
            story.append(
                self._table(
                    ("Date", "Where", "Notes"),
                    (0.3, 0.3, 0.4),
                    [(long_date(d.given_on), d.location, d.notes) for d in doses],
                )
            )
        return item(story)

    # ----- tests ------------------------------------------------------------------

    def tests(self) -> list[Flowable]:
        if not self.records.measurements:
            return self._nothing("No test results in this copy.")
        by_measure: dict[str, list[Measurement]] = {}
        for measurement in self.records.measurements:
            by_measure.setdefault(measurement.measure, []).append(measurement)
        story: list[Flowable] = [
            Paragraph(
                "Each value as copied from the lab report, with the lab's own range as printed.",
                self.styles.meta,
            )
        ]
        for measure, results in by_measure.items():
            story += [
                CondPageBreak(ROOM_TO_START_AN_ENTRY),
                heading(measure, self.styles.h2),
                self._table(
                    ("Date", "Value", "Lab's range", "Lab", "Notes"),
                    (0.24, 0.16, 0.2, 0.16, 0.24),
                    [
                        (
                            long_date(m.measured_on, weekday=False),
                            value_text(m.value, m.unit, m.value_qualifier),
                            m.reference_range,
                            m.lab,
                            m.notes,
                        )
                        for m in results
                    ],
                ),
                *measure_chart_flowables(measure, map(reading_of, results), self.width),
            ]
        return story

    # ----- scans ------------------------------------------------------------------

    def scans(self) -> list[Flowable]:
        if not self.records.scans:
            return self._nothing("No scans in this copy.")
        rows = [
            (
                long_date(scan.scanned_on, weekday=False),
                scan_kind_label(scan.kind),
                scan.location,
                scan.report
                + (
                    f" Next scan planned: {long_date(scan.next_planned_on, weekday=False)}."
                    if scan.next_planned_on
                    else ""
                ),
            )
            for scan in self.records.scans
        ]
        return [
            self._table(
                ("Date", "Kind", "Where", "What the report said"), (0.2, 0.2, 0.2, 0.4), rows
            )
        ]

    # ----- diary ------------------------------------------------------------------

    def diary(self) -> list[Flowable]:
        entries = self.records.diary
        if not entries:
            return self._nothing("No diary days in this copy.")
        s = self.styles
        first, last = entries[0].day, entries[-1].day
        story: list[Flowable] = [
            Paragraph(
                markup(
                    f"{len(entries)} days written from {long_date(first, weekday=False)} "
                    f"to {long_date(last, weekday=False)}."
                ),
                s.meta,
            ),
            self._table(
                (
                    "Symptom",
                    "Days noted",
                    "Rated 0-10: average, highest",
                    "Counted: total, most in a day",
                ),
                (0.25, 0.15, 0.3, 0.3),
                _symptom_rows(entries),
            ),
        ]
        written = [e for e in entries if e.note.strip()]
        if written:
            story.append(heading("What the diary says", s.h3))
            story.append(
                self._table(
                    ("Day", "Symptoms", "Note"),
                    (0.22, 0.38, 0.4),
                    [
                        (
                            long_date(e.day, weekday=False),
                            ", ".join(
                                f"{r.symptom} {rating_text(r.rating, r.count)}" for r in e.ratings
                            ),
                            e.note,
                        )
                        for e in written
                    ],
                )
            )
        return [*story, *diary_flowables(marks_of(entries), self.width)]

    def _table(
        self, titles: tuple[str, ...], shares: tuple[float, ...], rows: Sequence[Sequence[str]]
    ) -> Flowable:
        s = self.styles
        header = [text_paragraph(title, s.cell_head) for title in titles]
        body = [[text_paragraph(text, s.cell) for text in row] for row in rows]
        return table([header, *body], [self.width * share for share in shares], header=True)


def _day(day: date | None) -> str:
    return long_date(day, weekday=False) if day else ""


def _symptom_rows(entries: list[DiaryEntry]) -> list[tuple[str, str, str, str]]:
    """Per symptom, in the order first noted: how often, and the user's own numbers."""
    return [
        (
            symptom,
            str(len(rated) + len(counted)),
            f"{sum(rated) / len(rated):.1f}, {max(rated)}" if rated else "",
            f"{sum(counted)}, {max(counted)}" if counted else "",
        )
        for symptom, (rated, counted) in numbers_by_symptom(entries).items()
    ]
