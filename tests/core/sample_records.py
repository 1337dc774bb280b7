"""A small record holding every record type, links and planned questions, for several tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from netjourney.core.models import Appointment, CareTeamMember, Note, Question, QuestionStatus
from netjourney.core.record import JourneyRecord
from netjourney.core.registry import kinds

HOSTILE_TEXT = 'Dr. <b>Ünal</b> & "Smith" \'s notes &lt; 😀 שָׁלוֹם 肺'
NEW_YORK_WINTER = timezone(timedelta(hours=-5))
KOLKATA = timezone(timedelta(hours=5, minutes=30))


def add_sample_records(record: JourneyRecord) -> None:
    """Two members, three questions, two appointments and two notes, linked to the guide."""
    with record.writing() as session:
        surgeon = CareTeamMember(
            role="thoracic-surgeon",
            name=HOSTILE_TEXT,
            practice="City Hospital",
            phone="+1 555 0100",
            after_hours="+1 555 0199",
            email="surgeon@example.org",
            notes="Operates on Tuesdays",
            section_ids=["resectable", "care-team"],
        )
        nurse = CareTeamMember(role="nurse", name="Łucja Nowak", section_ids=["getting-through"])
        asked = Question(
            text="Is my tumor typical or atypical?",
            library_id=None,
            chosen=True,
            status=QuestionStatus.ANSWERED,
            answer="Typical, low grade.",
            answered_by="Dr. Ünal",
            answered_on=date(2025, 1, 14),
            created_at=datetime(2025, 1, 2, 9, 30, tzinfo=KOLKATA),
            section_ids=["questions-choosing", "type-and-extent"],
        )
        to_ask = Question(text=HOSTILE_TEXT, chosen=True, section_ids=["questions-during"])
        dropped = Question(
            text="Not needed any more", chosen=False, status=QuestionStatus.NOT_NEEDED
        )
        visit = Appointment(
            starts_at=datetime(2025, 2, 3, 9, 0, tzinfo=NEW_YORK_WINTER),
            ends_at=datetime(2025, 2, 3, 10, 15, tzinfo=NEW_YORK_WINTER),
            time_zone="America/New_York",
            member=surgeon,
            with_whom="Dr. Ünal",
            location="Clinic B, 3rd floor",
            purpose="Surgery planning",
            what_to_bring="Scans",
            outcome=HOSTILE_TEXT,
            planned_questions=[asked, to_ask],
            section_ids=["resectable", "making-decisions"],
        )
        follow_up = Appointment(
            starts_at=datetime(2025, 3, 1, 14, 0, tzinfo=KOLKATA),
            time_zone="Asia/Kolkata",
            planned_questions=[dropped],
        )
        session.add_all([surgeon, nurse, asked, to_ask, dropped, visit, follow_up])
        session.flush()
        session.add_all(
            [
                Note(
                    title="After the visit",
                    body=HOSTILE_TEXT + "\n" * 3 + "x" * 5000,
                    private=True,
                    appointment_id=visit.id,
                    member_id=surgeon.id,
                    section_ids=["resectable", "second-opinion", "clinical-trials"],
                ),
                Note(title="", body="Plain note", member_id=nurse.id),
            ]
        )


def counts_of(**listed: int) -> dict[str, int]:
    """A record's counts per table: those listed, and none of every other kind."""
    return {kind.table_name: 0 for kind in kinds()} | listed
