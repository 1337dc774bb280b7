"""What goes into a shared document: the user's choices and the records they select.

Qt-free and reportlab-free, so the command line and the GUI can build the
choices without loading the PDF machinery.
"""

from __future__ import annotations

import enum
import locale
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import groupby
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, raiseload, selectinload

from netjourney.core.dates import locale_name, territory_of, zone_or_utc
from netjourney.core.errors import InvalidInputError
from netjourney.core.guide import Guide
from netjourney.core.models import Appointment, CareTeamMember, LinkedToGuide, Note, Question
from netjourney.core.record import JourneyRecord
from netjourney.export.parts import Part

OWN_QUESTIONS_TITLE = "My own questions"
# Countries whose printers hold US Letter paper; everywhere else uses A4.
_LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR"})

SituationBlock = tuple[str, Sequence[str]]
"""A heading and its paragraphs, as the "My situation" feature hands them over."""

PageCallback = Callable[[int], None]
"""Told the number of each finished page of a PDF; may raise to stop a long export."""


class Paper(enum.StrEnum):
    A4 = "a4"
    LETTER = "letter"


def default_paper(environ: Mapping[str, str] = os.environ) -> Paper:
    """Letter where the user's locale names a Letter country, A4 elsewhere.

    The POSIX variables are read first, as the C library would: Python's own
    locale lookup turns a plain "C.UTF-8" into "en_US".
    """
    name = locale_name(environ, "LC_PAPER") or locale.getlocale(locale.LC_CTYPE)[0] or ""
    return Paper.LETTER if territory_of(name) in _LETTER_TERRITORIES else Paper.A4


@dataclass(frozen=True)
class JourneyOptions:
    """The user's choices; the defaults suit a copy for a family member."""

    include_private: bool = False
    date_from: date | None = None
    date_to: date | None = None
    parts: frozenset[Part] = frozenset(Part)
    patient_name: str = ""
    situation_blocks: tuple[SituationBlock, ...] = ()
    paper: Paper = field(default_factory=default_paper)

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise InvalidInputError(
                f"The date range starts ({self.date_from}) after it ends ({self.date_to}); "
                "swap the two dates or leave one out."
            )

    def covers(self, day: date) -> bool:
        return (self.date_from is None or day >= self.date_from) and (
            self.date_to is None or day <= self.date_to
        )


SectionIds = dict[int, list[str]]
"""The guide sections linked to each record of a kind, by the record's id."""


@dataclass(frozen=True)
class Snapshot:
    """Every record, read in one unit of work and detached from it."""

    members: list[CareTeamMember]
    questions: list[Question]
    appointments: list[Appointment]
    notes: list[Note]
    section_ids: dict[type[LinkedToGuide], SectionIds]
    """Read as plain rows, not as the records' `section_links`: the five-year record's
    20,000 links of notes as objects took longer to read than the notes themselves."""

    def section_ids_of(self, record: LinkedToGuide) -> list[str]:
        return self.section_ids[type(record)].get(record.id, [])


def load_snapshot(record: JourneyRecord) -> Snapshot:
    with record.reading() as session:
        return Snapshot(
            members=list(session.scalars(unlinked(CareTeamMember).order_by(CareTeamMember.id))),
            questions=list(session.scalars(unlinked(Question).order_by(Question.id))),
            appointments=list(
                session.scalars(
                    unlinked(Appointment)
                    .options(
                        selectinload(Appointment.member).raiseload(CareTeamMember.section_links),
                        selectinload(Appointment.planned_questions).raiseload(
                            Question.section_links
                        ),
                    )
                    .order_by(Appointment.starts_at, Appointment.id)
                )
            ),
            notes=list(session.scalars(unlinked(Note).order_by(Note.created_at, Note.id))),
            section_ids={
                kind: _section_ids(session, kind)
                for kind in (CareTeamMember, Question, Appointment, Note)
            },
        )


Linked = TypeVar("Linked", bound=LinkedToGuide)


def unlinked(kind: type[Linked]) -> Select[Linked]:
    """The records of a kind without their `section_links`, which an export reads on its
    own (`Snapshot.section_ids`) or never prints."""
    return select(kind).options(raiseload(kind.section_links))


def _section_ids(session: Session, kind: type[LinkedToGuide]) -> SectionIds:
    link = kind.link_model
    found: SectionIds = {}
    for owner_id, section_id in session.execute(
        select(link.owner_id, link.section_id).order_by(link.id)
    ):
        found.setdefault(owner_id, []).append(section_id)
    return found


@dataclass(frozen=True)
class QuestionGroupContent:
    title: str
    questions: list[Question]


@dataclass(frozen=True)
class JourneySelection:
    """The records a journey PDF shows; a part left out selects nothing."""

    members: list[CareTeamMember]
    upcoming: list[Appointment]
    past: list[Appointment]
    question_groups: list[QuestionGroupContent]
    notes: list[Note]
    section_ids: list[str]
    appointments_by_id: dict[int, Appointment]


def select_journey(
    snapshot: Snapshot, guide: Guide, options: JourneyOptions, now: datetime
) -> JourneySelection:
    parts = options.parts
    dated = [a for a in snapshot.appointments if options.covers(local_start(a).date())]
    upcoming = [a for a in dated if a.starts_at >= now] if Part.UPCOMING in parts else []
    past = [a for a in dated if a.starts_at < now] if Part.PAST in parts else []
    members = sort_members(guide, snapshot.members) if Part.CARE_TEAM in parts else []
    groups = group_questions(guide, snapshot.questions) if Part.QUESTIONS in parts else []
    notes = (
        [
            n
            for n in snapshot.notes
            if (options.include_private or not n.private) and options.covers(note_day(n))
        ]
        if Part.NOTES in parts
        else []
    )
    questions = [q for g in groups for q in g.questions]
    return JourneySelection(
        members=members,
        upcoming=upcoming,
        past=past,
        question_groups=groups,
        notes=notes,
        section_ids=linked_section_ids(
            guide, snapshot, [*members, *upcoming, *past, *questions, *notes]
        ),
        appointments_by_id={a.id: a for a in snapshot.appointments},
    )


def sort_members(guide: Guide, members: Iterable[CareTeamMember]) -> list[CareTeamMember]:
    """In the guide's order of roles, then by name."""
    order = {role_id: index for index, role_id in enumerate(guide.role_ids)}
    return sorted(members, key=lambda m: (order.get(m.role, len(order)), m.name.casefold()))


def group_questions(guide: Guide, questions: Iterable[Question]) -> list[QuestionGroupContent]:
    """The chosen questions in the guide's groups and order, then the user's own questions."""
    place = {
        q.id: (group_index, index)
        for group_index, group in enumerate(guide.question_groups)
        for index, q in enumerate(group.questions)
    }
    own_place = (len(guide.question_groups), 0)

    def order(question: Question) -> tuple[int, int, int]:
        return (*place.get(question.library_id or "", own_place), question.id)

    titles = [g.title for g in guide.question_groups] + [OWN_QUESTIONS_TITLE]
    chosen = sorted((q for q in questions if q.chosen), key=order)
    return [
        QuestionGroupContent(titles[group_index], list(found))
        for group_index, found in groupby(chosen, key=lambda q: order(q)[0])
    ]


def linked_section_ids(
    guide: Guide, snapshot: Snapshot, records: Iterable[LinkedToGuide]
) -> list[str]:
    """The guide sections any of the records links to, in the guide's order."""
    linked = {s for r in records for s in snapshot.section_ids_of(r)}
    return [s for s in guide.section_ids if s in linked]


def appointment_zone(appointment: Appointment) -> ZoneInfo:
    """The appointment's own zone; UTC (and said so) if this computer does not know it."""
    return zone_or_utc(appointment.time_zone)


def local_start(appointment: Appointment) -> datetime:
    return appointment.starts_at.astimezone(appointment_zone(appointment))


def local_end(appointment: Appointment) -> datetime | None:
    if appointment.ends_at is None:
        return None
    return appointment.ends_at.astimezone(appointment_zone(appointment))


def note_day(note: Note) -> date:
    """The day the note was written, on this computer's clock."""
    return note.created_at.astimezone().date()
