"""What goes into the clinical summary for a new doctor: the facts, chosen and ordered.

Qt-free and reportlab-free: the command line, the window and the tests share it, and
export/pdf_summary.py lays it out on at most two pages (cutting the long lists there,
latest first, and saying how many it left out). Every list here is ordered most
relevant first, so the layout can keep the first N.

Notes are never part of the summary: no private (or other) note text can reach it.
The app records and shows: values are as copied, each beside the lab's own range;
nothing is called normal or abnormal.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from netjourney.core.errors import InvalidInputError
from netjourney.core.guide import Guide
from netjourney.core.journey.charts import (
    Reading,
    measure_names,
    numbers_by_symptom,
    readings_of,
    unit_key,
)
from netjourney.core.journey.choices import scan_kind_label, treatment_kind_label
from netjourney.core.journey.listings import day_text
from netjourney.core.journey.models import (
    DiaryEntry,
    Dose,
    Scan,
    Treatment,
)
from netjourney.core.journey.schedule import Schedule, next_due, schedule_text
from netjourney.core.models import Appointment, CareTeamMember, Question, utc_now
from netjourney.core.people import role_title, with_whom
from netjourney.core.questions import OPEN_STATUSES
from netjourney.core.record import JourneyRecord
from netjourney.core.situation import answer
from netjourney.core.situation_store import stored_situation
from netjourney.export.content import Paper, default_paper, local_start

SYMPTOM_DAYS = 30
LONGEST_NAME = 60  # characters: the name is printed in one line at the top of each page
EARLIEST_BIRTH_YEAR = 1900

# My situation's answers a doctor reads, with a short label each; the first three are
# always shown ("Not recorded" when unknown), the others only when the patient knows them.
# Whether the patient is thinking of stopping treatment is theirs to raise, so it is left out.
TUMOR_LABELS = {
    "tumor_type": "Type",
    "stage": "Stage",
    "spread": "Spread",
    "lymph_nodes": "Nearby lymph nodes involved",
    "removable": "Surgery can remove all of it",
    "healthy_for_surgery": "Healthy enough for surgery",
    "recurrence": "Came back after treatment",
    "carcinoid_syndrome": "Carcinoid syndrome",
    "somatostatin_pet": "Seen on somatostatin receptor PET",
    "liver_symptoms": "Liver spread causing symptoms",
    "bone_pain": "Bone pain",
}
ALWAYS_SHOWN = ("tumor_type", "stage", "spread")
NOT_RECORDED = "Not recorded"


class QuestionsFor(enum.StrEnum):
    """Whose questions the summary lists, unless an appointment is named."""

    NEXT = "next"  # the open questions planned for the next appointment
    OPEN = "open"  # every open question


@dataclass(frozen=True)
class SummaryOptions:
    patient_name: str = ""
    birth_date: date | None = None
    questions: QuestionsFor = QuestionsFor.NEXT
    appointment_id: int | None = None  # its open questions, in place of `questions`
    paper: Paper = field(default_factory=default_paper)

    def __post_init__(self) -> None:
        if len(self.patient_name.strip()) > LONGEST_NAME:
            raise InvalidInputError(
                f"The name is {len(self.patient_name.strip())} characters long; the summary "
                f"prints it at the top of each page in at most {LONGEST_NAME}. Shorten it."
            )
        if self.birth_date is not None and not (
            date(EARLIEST_BIRTH_YEAR, 1, 1) <= self.birth_date <= date.today()
        ):
            raise InvalidInputError(
                f"{self.birth_date.isoformat()} cannot be a date of birth: give a day between "
                f"{EARLIEST_BIRTH_YEAR}-01-01 and today, as YYYY-MM-DD."
            )


@dataclass(frozen=True)
class TumorFact:
    label: str
    value: str


@dataclass(frozen=True)
class TreatmentLine:
    name: str
    kind: str
    dose: str  # the dose and how it is given, as typed
    schedule: str
    started: date | None
    stopped: date | None
    why_stopped: str
    last_dose: date | None
    last_dose_where: str
    next_due: date | None
    current: bool


@dataclass(frozen=True)
class MarkerHistory:
    """One measure's values in the unit of its latest result (others are never mixed in)."""

    measure: str
    readings: tuple[Reading, ...]  # oldest first
    other_units: tuple[str, ...] = ()  # units of earlier results left out of this history

    @property
    def latest_first(self) -> list[Reading]:
        return list(reversed(self.readings))


@dataclass(frozen=True)
class ScanLine:
    day: date
    kind: str
    where: str
    report: str


@dataclass(frozen=True)
class SymptomLine:
    """One symptom over the diary's last days, in the patient's own numbers."""

    symptom: str
    days_noted: int
    rating_average: float | None = None  # 0-10, over the days it was rated
    rating_highest: int | None = None
    count_average: float | None = None  # times a day, over the days it was counted
    count_total: int | None = None


@dataclass(frozen=True)
class TeamLine:
    name: str
    role: str
    role_rank: int  # the guide's order of roles, to list the chosen people in
    practice: str
    phone: str
    after_hours: str
    email: str


@dataclass(frozen=True)
class SummaryContent:
    made_on: date
    tumor: tuple[TumorFact, ...]
    treatments: tuple[TreatmentLine, ...]  # current ones first, then the latest stopped
    markers: tuple[MarkerHistory, ...]  # the most recently measured first
    scans: tuple[ScanLine, ...]  # latest first
    next_scan: date | None
    symptoms: tuple[SymptomLine, ...]
    diary_days: int  # days written in the symptom window
    symptom_window: tuple[date, date]
    last_diary_day: date | None
    team: tuple[TeamLine, ...]  # the people most involved first
    questions_heading: str
    questions: tuple[str, ...]

    @property
    def tumor_recorded(self) -> bool:
        return any(fact.value != NOT_RECORDED for fact in self.tumor)

    @property
    def missing(self) -> list[str]:
        """The parts with nothing recorded, in the summary's words."""
        present = {
            "the tumor (My situation)": self.tumor_recorded,
            "treatments": bool(self.treatments),
            "test results": bool(self.markers),
            "scans": bool(self.scans),
            f"symptom diary days in the last {SYMPTOM_DAYS} days": bool(self.diary_days),
            "care team": bool(self.team),
            "open questions": bool(self.questions),
        }
        return [name for name, there in present.items() if not there]


def select_summary(
    record: JourneyRecord, options: SummaryOptions, now: datetime | None = None
) -> SummaryContent:
    """Read what the summary shows, in one unit of work."""
    now = now or utc_now()
    today = now.astimezone().date()
    with record.reading() as session:
        heading, questions = _questions(session, record.guide, options, now)
        treatments = _treatments(session, today)
        window = (today - timedelta(days=SYMPTOM_DAYS - 1), today)
        entries = list(session.scalars(select(DiaryEntry).where(DiaryEntry.day.between(*window))))
        return SummaryContent(
            made_on=today,
            tumor=_tumor(session),
            treatments=treatments,
            markers=_markers(session),
            scans=_scans(session),
            next_scan=_next_scan(session, today),
            symptoms=symptom_lines(entries),
            diary_days=len(entries),
            symptom_window=window,
            last_diary_day=session.scalar(select(DiaryEntry.day).order_by(DiaryEntry.day.desc())),
            team=_team(session, record.guide, options.appointment_id, now),
            questions_heading=heading,
            questions=questions,
        )


def _tumor(session: Session) -> tuple[TumorFact, ...]:
    situation = stored_situation(session)
    facts = []
    for name, label in TUMOR_LABELS.items():
        value = situation.value(name)
        if value is not None:
            facts.append(TumorFact(label, answer(name).label(value)))
        elif name in ALWAYS_SHOWN:
            facts.append(TumorFact(label, NOT_RECORDED))
    return tuple(facts)


def _treatments(session: Session, today: date) -> tuple[TreatmentLine, ...]:
    last_doses: dict[int, Dose] = {}
    for dose in session.scalars(select(Dose).order_by(Dose.given_on, Dose.id)):
        last_doses[dose.treatment_id] = dose
    lines = [
        _treatment_line(t, last_doses.get(t.id), today) for t in session.scalars(select(Treatment))
    ]
    current = sorted((t for t in lines if t.current), key=lambda t: t.started or date.min)
    stopped = sorted(
        (t for t in lines if not t.current), key=lambda t: t.stopped or date.min, reverse=True
    )
    return (*current, *stopped)


def _treatment_line(treatment: Treatment, last: Dose | None, today: date) -> TreatmentLine:
    schedule = Schedule.of(treatment)
    last_day = last.given_on if last else None
    due = next_due(schedule, treatment.started_on, treatment.stopped_on, last_day, today)
    kind = treatment_kind_label(treatment.kind)
    return TreatmentLine(
        name=treatment.name or kind,
        kind=kind,
        dose=", ".join(text for text in (treatment.dose, treatment.how_given) if text.strip()),
        schedule=schedule_text(schedule),
        started=treatment.started_on,
        stopped=treatment.stopped_on,
        why_stopped=treatment.why_stopped,
        last_dose=last_day,
        last_dose_where=last.location if last else "",
        next_due=due if schedule.repeats else None,
        current=treatment.stopped_on is None or treatment.stopped_on > today,
    )


def _markers(session: Session) -> tuple[MarkerHistory, ...]:
    return tuple(
        marker_history(name, readings_of(session, name)) for name, _ in measure_names(session)
    )


def marker_history(measure: str, readings: Sequence[Reading]) -> MarkerHistory:
    """The measure's values in its latest result's unit; the other units only named."""
    unit = unit_key(readings[-1].unit)
    kept = tuple(r for r in readings if unit_key(r.unit) == unit)
    others = {unit_key(r.unit): r.unit.strip() or "no unit" for r in readings}
    others.pop(unit, None)
    return MarkerHistory(measure, kept, tuple(others.values()))


def _scans(session: Session) -> tuple[ScanLine, ...]:
    scans = session.scalars(select(Scan).order_by(Scan.scanned_on.desc(), Scan.id.desc()))
    return tuple(
        ScanLine(s.scanned_on, scan_kind_label(s.kind), s.location, s.report) for s in scans
    )


def _next_scan(session: Session, today: date) -> date | None:
    return session.scalar(
        select(Scan.next_planned_on)
        .where(Scan.next_planned_on >= today)
        .order_by(Scan.next_planned_on)
    )


def symptom_lines(entries: Iterable[DiaryEntry]) -> tuple[SymptomLine, ...]:
    """Per symptom, in the order first written: the days noted, the ratings' average and
    highest, the counts' average a day (over the days counted) and total."""
    by_day = sorted(entries, key=lambda e: e.day)
    return tuple(
        SymptomLine(
            symptom,
            len(rated) + len(counted),
            _average(rated),
            max(rated) if rated else None,
            _average(counted),
            sum(counted) if counted else None,
        )
        for symptom, (rated, counted) in numbers_by_symptom(by_day).items()
    )


def _average(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def _team(
    session: Session, guide: Guide, appointment_id: int | None, now: datetime
) -> tuple[TeamLine, ...]:
    """The care team, the people most involved first: the person of the chosen visit,
    the prescribers of current treatments, those of the next visits, then of the latest."""
    members = {m.id: m for m in session.scalars(select(CareTeamMember))}
    involved: list[int | None] = []
    if appointment_id is not None:
        involved.append(
            session.scalar(select(Appointment.member_id).where(Appointment.id == appointment_id))
        )
    involved += session.scalars(
        select(Treatment.member_id).where(
            (Treatment.stopped_on.is_(None)) | (Treatment.stopped_on > now.astimezone().date())
        )
    )
    visits = session.execute(
        select(Appointment.member_id, Appointment.starts_at).where(
            Appointment.member_id.is_not(None)
        )
    ).all()
    upcoming = sorted((v for v in visits if v.starts_at >= now), key=lambda v: v.starts_at)
    past = sorted((v for v in visits if v.starts_at < now), key=lambda v: v.starts_at, reverse=True)
    involved += [v.member_id for v in (*upcoming, *past)]
    rank = {role_id: index for index, role_id in enumerate(guide.role_ids)}
    others = sorted(
        members.values(), key=lambda m: (rank.get(m.role, len(rank)), m.name.casefold())
    )
    order = dict.fromkeys([*(i for i in involved if i in members), *(m.id for m in others)])
    return tuple(_team_line(guide, members[i], rank) for i in order)


def _team_line(guide: Guide, member: CareTeamMember, rank: dict[str, int]) -> TeamLine:
    return TeamLine(
        member.name,
        role_title(guide, member.role),
        rank.get(member.role, len(rank)),
        member.practice,
        member.phone,
        member.after_hours,
        member.email,
    )


def _questions(
    session: Session, guide: Guide, options: SummaryOptions, now: datetime
) -> tuple[str, tuple[str, ...]]:
    """The heading of the questions part and the open questions it lists."""
    if options.appointment_id is not None:
        visit = session.get(Appointment, options.appointment_id)
        if visit is None:
            raise InvalidInputError(
                f"No appointment has the number {options.appointment_id}. "
                "netjourney appointments lists them with their numbers."
            )
        return _visit_questions(guide, visit)
    heading = "Questions the patient wants to ask (all still open)"
    if options.questions is QuestionsFor.NEXT:
        visit = session.scalars(
            select(Appointment).where(Appointment.starts_at >= now).order_by(Appointment.starts_at)
        ).first()
        if visit is None:
            heading = "Questions the patient wants to ask (no visit is planned; all still open)"
        else:
            visit_heading, planned = _visit_questions(guide, visit)
            if planned:
                return visit_heading, planned
            heading = (
                "Questions the patient wants to ask (none is planned for the next visit, on "
                f"{day_text(local_start(visit))}; all still open)"
            )
    open_ones = session.scalars(
        select(Question)
        .where(Question.chosen, Question.status.in_(OPEN_STATUSES))
        .order_by(Question.id)
    )
    return heading, tuple(q.text for q in open_ones)


def _visit_questions(guide: Guide, visit: Appointment) -> tuple[str, tuple[str, ...]]:
    who = with_whom(guide, visit)
    heading = f"Questions the patient wants to ask at the visit on {day_text(local_start(visit))}"
    heading += f" with {who}" if who else ""
    return heading, tuple(
        q.text for q in visit.planned_questions if q.chosen and q.status in OPEN_STATUSES
    )


def upcoming_visits(record: JourneyRecord, now: datetime | None = None) -> list[tuple[int, str]]:
    """The appointments still to come, soonest first, as (number, 'date, with whom') for
    a choice of whose questions the summary lists."""
    now = now or utc_now()
    with record.reading() as session:
        visits = session.scalars(
            select(Appointment).where(Appointment.starts_at >= now).order_by(Appointment.starts_at)
        )
        return [(v.id, _visit_label(record.guide, v)) for v in visits]


def _visit_label(guide: Guide, visit: Appointment) -> str:
    who = with_whom(guide, visit)
    return f"{day_text(local_start(visit))}, {who}" if who else day_text(local_start(visit))
