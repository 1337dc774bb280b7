"""`netjourney demo`: a realistic sample journey, so a newcomer sees the app working."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from netjourney.core.creation import writing_into_empty
from netjourney.core.models import Appointment, CareTeamMember, Note, Question, QuestionStatus
from netjourney.core.record import JourneyRecord
from netjourney.demo.decisions import insert_decision_story
from netjourney.demo.journey import JourneySize, insert_rows, journey_rows

DEMO_ZONE = "America/Chicago"
SMALL_JOURNEY = JourneySize(doses=5, measurements=7, scans=2, diary_days=90)

_TEAM = (
    (
        "thoracic-surgeon",
        "Dr. Maria Alvarez",
        "Lakeside Chest Surgery",
        "555-0142",
        "Hospital operator 555-0100, ask for thoracic surgery on call",
        ["resectable", "care-team"],
    ),
    (
        "medical-oncologist",
        "Dr. Samuel Okafor",
        "Riverside Cancer Center",
        "555-0178",
        "Oncology triage line 555-0199 (24 hours)",
        ["treatment-types", "care-team"],
    ),
    ("pulmonologist", "Dr. Hannah Lee", "Riverside Lung Clinic", "555-0131", "", ["care-team"]),
    (
        "nurse",
        "Grace Kim, RN (nurse navigator)",
        "Riverside Cancer Center",
        "555-0177",
        "Leave a message; calls returned the next morning",
        ["getting-through"],
    ),
    (
        "social-worker",
        "Tom Becker",
        "Riverside Support Services",
        "555-0188",
        "",
        ["questions-support", "getting-through"],
    ),
)

_CHOSEN = (
    (
        "choosing-options",
        QuestionStatus.ANSWERED,
        "Surgery first (a lobectomy); no other treatment expected if the lymph nodes are clear.",
        "Dr. Alvarez",
        -20,
    ),
    (
        "choosing-recommendation",
        QuestionStatus.ANSWERED,
        "The tumor looks typical and small, so removing it is the best chance of a cure.",
        "Dr. Alvarez",
        -20,
    ),
    ("choosing-second-opinion", QuestionStatus.ASKED, "", "", None),
    ("during-prepare", QuestionStatus.TO_ASK, "", "", None),
    ("during-length-and-place", QuestionStatus.TO_ASK, "", "", None),
    ("side-effects-risks", QuestionStatus.TO_ASK, "", "", None),
    (
        "side-effects-after-hours",
        QuestionStatus.ANSWERED,
        "Call the oncology triage line at 555-0199 any time.",
        "Grace Kim, RN",
        -6,
    ),
    ("support-transport", QuestionStatus.TO_ASK, "", "", None),
)

_OWN_QUESTIONS = (
    ("How long will I be in the hospital after surgery?", ["resectable"]),
    ("When can I drive again after the operation?", ["questions-during"]),
    ("Will I need scans after surgery, and how often?", ["recurrent"]),
)

_NOTES = (
    (
        "What the biopsy showed",
        "Typical carcinoid, about 2 cm, in the right lower lobe. "
        "The CT did not show spread. Dr. Okafor said this is a low-grade tumor.",
        False,
        ["type-and-extent"],
        -25,
    ),
    (
        "Surgery consult",
        "Dr. Alvarez explained the operation and that nearby lymph nodes are "
        "usually taken out too. Ask about breathing exercises before surgery.",
        False,
        ["resectable"],
        -20,
    ),
    (
        "Feelings this week",
        "Tired and worried. Talking with Tom helped. I want to keep walking every day.",
        True,
        ["getting-through"],
        -9,
    ),
    (
        "Second opinion",
        "The nurse navigator can send my scans to the NET center. "
        "The specialist can work with Dr. Okafor here.",
        False,
        ["second-opinion"],
        -5,
    ),
)


def _at(today: date, days: int, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(today + timedelta(days=days), time(hour, minute), ZoneInfo(DEMO_ZONE))


# A demo only fills an empty record: it never mixes with the user's own.
NOT_EMPTY = "the demo only fills an empty record. Use --db with a new file name."


def fill_demo(record: JourneyRecord, now: datetime) -> dict[str, int]:
    """Fill an empty record with a sample journey; refuse a record that holds data."""
    today = now.astimezone(ZoneInfo(DEMO_ZONE)).date()
    with writing_into_empty(record, NOT_EMPTY) as session:
        members = [_member(*spec) for spec in _TEAM]
        questions = [_chosen(record, today, *spec) for spec in _CHOSEN]
        questions += [_own(text, sections) for text, sections in _OWN_QUESTIONS]
        appointments = _appointments(today, members, questions)
        session.add_all([*members, *questions, *appointments])
        session.flush()
        session.add_all(_notes(today, members, appointments))
        # A few months of lanreotide, prescribed by Dr. Okafor, with markers and a diary.
        story = journey_rows(random.Random(28), today, SMALL_JOURNEY, prescriber_id=members[1].id)
        for model, rows in story.items():
            insert_rows(session, model, rows)
        # Which treatment after surgery, a second opinion, a trial declined.
        surgeon, oncologist, consult = members[0].id, members[1].id, appointments[1]
        insert_decision_story(
            session, consult.starts_at.date(), surgeon, oncologist, appointment_id=consult.id
        )
    return record.counts()


def _member(
    role: str, name: str, practice: str, phone: str, after_hours: str, sections: list[str]
) -> CareTeamMember:
    email = name.split(",")[0].replace("Dr. ", "").lower().replace(" ", ".") + "@example.org"
    member = CareTeamMember(
        role=role, name=name, practice=practice, phone=phone, after_hours=after_hours, email=email
    )
    member.section_ids = sections
    return member


def _chosen(
    record: JourneyRecord,
    today: date,
    library_id: str,
    status: QuestionStatus,
    answer: str,
    answered_by: str,
    answered_days: int | None,
) -> Question:
    library_question = record.guide.library_question(library_id)
    question = Question(
        text=library_question.text,
        library_id=library_id,
        chosen=True,
        status=status,
        answer=answer,
        answered_by=answered_by,
        answered_on=today + timedelta(days=answered_days) if answered_days is not None else None,
    )
    question.section_ids = [library_question.section_id]
    return question


def _own(text: str, sections: list[str]) -> Question:
    question = Question(text=text, chosen=True)
    question.section_ids = sections
    return question


def _appointments(
    today: date, members: list[CareTeamMember], questions: list[Question]
) -> list[Appointment]:
    surgeon, oncologist, pulmonologist, nurse, _social = members

    def visit(
        days: int,
        hour: int,
        member: CareTeamMember,
        purpose: str,
        where: str,
        bring: str,
        outcome: str,
        planned: list[Question],
        sections: list[str],
    ) -> Appointment:
        appointment = Appointment(
            starts_at=_at(today, days, hour),
            ends_at=_at(today, days, hour + 1),
            time_zone=DEMO_ZONE,
            member=member,
            location=where,
            purpose=purpose,
            what_to_bring=bring,
            outcome=outcome,
            planned_questions=planned,
        )
        appointment.section_ids = sections
        return appointment

    return [
        visit(
            -25,
            9,
            oncologist,
            "Biopsy results",
            "Riverside Cancer Center, 3rd floor",
            "Insurance card, list of medicines",
            "Typical lung NET. Referred to surgery.",
            [],
            ["type-and-extent"],
        ),
        visit(
            -20,
            14,
            surgeon,
            "Surgery consultation",
            "Lakeside Chest Surgery, Suite 210",
            "CT scan disc, questions list",
            "Lobectomy planned; lymph nodes to be removed.",
            questions[:2],
            ["resectable"],
        ),
        visit(
            6,
            10,
            pulmonologist,
            "Breathing tests before surgery",
            "Riverside Lung Clinic",
            "Inhalers, comfortable clothes",
            "",
            [questions[3], questions[8]],
            ["resectable"],
        ),
        visit(
            13,
            8,
            surgeon,
            "Pre-surgery visit",
            "Lakeside Chest Surgery, Suite 210",
            "Medicine list, someone to drive me",
            "",
            [questions[3], questions[4], questions[5], questions[9]],
            ["resectable"],
        ),
        visit(
            40,
            11,
            nurse,
            "Check-in with the nurse navigator",
            "Phone call",
            "",
            "",
            [questions[7]],
            ["getting-through"],
        ),
    ]


def _notes(
    today: date, members: list[CareTeamMember], appointments: list[Appointment]
) -> list[Note]:
    notes = []
    for (title, body, private, sections, days), about in zip(
        _NOTES, [appointments[0], appointments[1], None, None], strict=True
    ):
        note = Note(
            title=title,
            body=body,
            private=private,
            created_at=_at(today, days, 18),
            updated_at=_at(today, days, 18),
            appointment_id=about.id if about else None,
            member_id=members[3].id if title == "Second opinion" else None,
        )
        note.section_ids = sections
        notes.append(note)
    return notes
