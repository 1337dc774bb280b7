"""Build records for the export tests, and read exported PDFs back."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pypdf

from netjourney.core.models import Appointment, CareTeamMember, Note, Question, QuestionStatus
from netjourney.core.record import JourneyRecord

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
_FOOTER = re.compile(r"NET Journey · |page \d+ of \d+$")

HOSTILE_TEXTS = (
    "R&D",
    "<tag>",
    "<b>",
    "&lt;",
    "&#65; &amp; &unknown;",
    '<img src="/etc/passwd"/>',
    'it\'s "quoted" & <i>slanted',
    "Crème brûlée à l'hôpital, señor Müller",
    "Καρκινοειδής όγκος του πνεύμονα",
    "Карциноидная опухоль лёгкого",
)


def add(record: JourneyRecord, obj: Any, section_ids: list[str] | None = None) -> Any:
    obj.section_ids = section_ids or []
    with record.writing() as session:
        session.add(obj)
    return obj


def member(
    record: JourneyRecord,
    name: str = "Dr. Ann Lee",
    role: str = "medical-oncologist",
    **fields: Any,
) -> CareTeamMember:
    sections = fields.pop("section_ids", None)
    return add(record, CareTeamMember(role=role, name=name, **fields), sections)


def question(record: JourneyRecord, text: str = "What comes next?", **fields: Any) -> Question:
    sections = fields.pop("section_ids", None)
    fields.setdefault("chosen", True)
    return add(record, Question(text=text, **fields), sections)


def appointment(
    record: JourneyRecord, starts_at: datetime, zone: str = "America/New_York", **fields: Any
) -> Appointment:
    sections = fields.pop("section_ids", None)
    fields.setdefault("ends_at", starts_at + timedelta(hours=1))
    return add(record, Appointment(starts_at=starts_at, time_zone=zone, **fields), sections)


def note(record: JourneyRecord, title: str = "A note", body: str = "", **fields: Any) -> Note:
    sections = fields.pop("section_ids", None)
    fields.setdefault("created_at", NOW - timedelta(days=3))
    fields.setdefault("updated_at", fields["created_at"])
    return add(record, Note(title=title, body=body, **fields), sections)


def realistic_record(record: JourneyRecord, now: datetime = NOW) -> None:
    """About a year of care: a team, chosen and own questions, visits and notes."""
    guide = record.guide
    zone = ZoneInfo("America/Chicago")
    team = [
        member(
            record,
            f"Dr. Person {i}",
            role.id,
            practice=f"Clinic {i}, Main Street {i}",
            phone=f"555-01{i:02d}",
            after_hours=f"Call 555-02{i:02d}, any time",
            email=f"person{i}@example.org",
            section_ids=["care-team"],
        )
        for i, role in enumerate(guide.roles)
    ]
    library = [q for g in guide.question_groups for q in g.questions]
    questions = [
        question(
            record,
            q.text,
            library_id=q.id,
            section_ids=[q.section_id],
            status=QuestionStatus.ANSWERED if i % 2 else QuestionStatus.TO_ASK,
            answer="The team said this depends on the scan results. " * 3 if i % 2 else "",
            answered_by="Dr. Person 1" if i % 2 else "",
            answered_on=date(2026, 3, 1) + timedelta(days=i) if i % 2 else None,
        )
        for i, q in enumerate(library)
    ]
    questions += [
        question(
            record,
            f"My own question number {i}: how will this affect my work?",
            section_ids=["getting-through"],
        )
        for i in range(15)
    ]
    for i in range(30):
        start = (now + timedelta(days=14 * (i - 20))).astimezone(zone).replace(hour=9, minute=30)
        with record.writing() as session:
            visit = Appointment(
                starts_at=start,
                ends_at=start + timedelta(minutes=45),
                time_zone=zone.key,
                member_id=team[i % len(team)].id,
                location="Riverside Cancer Center, 3rd floor",
                purpose=f"Visit {i}: check-up and scan review",
                what_to_bring="Medicine list",
                outcome="Stable; next scan in three months." if start < now else "",
            )
            visit.section_ids = ["treatment-overview"]
            visit.planned_questions = [session.merge(q) for q in questions[i % 20 : i % 20 + 4]]
            session.add(visit)
    for i in range(40):
        written = now - timedelta(days=9 * i)
        note(
            record,
            f"Week {i}",
            "How the week went, what helped and what did not.\n" * 6,
            private=i % 5 == 0,
            created_at=written,
            updated_at=written,
            section_ids=["getting-through", "making-decisions"][: 1 + i % 2],
        )


def pdf_reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def pdf_lines(data: bytes, footers: bool = False) -> list[str]:
    """Every line of text, page after page; without the page footers unless asked."""
    lines = [line for page in pdf_reader(data).pages for line in page.extract_text().splitlines()]
    return lines if footers else [line for line in lines if not _FOOTER.match(line)]


def pdf_text(data: bytes) -> str:
    """The text with each run of white space as one space (line wrapping is not typing)."""
    return " ".join(" ".join(pdf_lines(data)).split())


def squashed(text: str) -> str:
    """Without any white space: for words the layout had to break across lines."""
    return "".join(text.split())
