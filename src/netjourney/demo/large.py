"""`netjourney demo --size large`: about five years of a journey, to measure the app against.

Every row goes in through bulk inserts in one transaction, with ids given up front (the
record is empty), so ten thousand notes take seconds. The text is built from word lists:
plausible and varied, with a few rare words (RARE_WORDS) that a search can look for.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert

from netjourney.core.creation import writing_into_empty
from netjourney.core.guide import QUESTION_SECTION_IDS, Guide
from netjourney.core.models import (
    Appointment,
    CareTeamMember,
    Note,
    Question,
    QuestionStatus,
    appointment_questions,
)
from netjourney.core.record import JourneyRecord
from netjourney.demo.decisions import insert_decision_story
from netjourney.demo.journey import JourneySize, insert_rows, journey_rows
from netjourney.demo.small import DEMO_ZONE, NOT_EMPTY

FULL_SIZE = {
    "members": 40,
    "appointments": 600,
    "questions": 400,
    "notes": 10_000,
    # the treatment story (demo/journey.py): lanreotide every 28 days for five years
    "doses": 65,
    "measurements": 60,
    "scans": 30,
    "diary_days": 1_800,
}
YEARS = 5
NOTE_LENGTH = (150, 1400)  # each note's aimed-at length; their mean comes out near 800
RARE_WORDS = ("everolimus", "quillwort", "marzipan")  # each in a handful of notes
COMMON_WORDS = ("tired", "scan")  # each in thousands of notes

_WORDS: dict[str, tuple[str, ...]] = {
    "person": (
        "the surgeon",
        "the oncologist",
        "the nurse navigator",
        "the pulmonologist",
        "Dr. Okafor",
        "Dr. Alvarez",
        "the dietitian",
        "the social worker",
    ),
    "test": (
        "CT scan",
        "PET scan",
        "blood test",
        "breathing test",
        "chromogranin A test",
        "bronchoscopy",
        "MRI",
        "somatostatin receptor scan",
    ),
    "finding": (
        "no change since the last one",
        "a small spot to watch",
        "clear lymph nodes",
        "slow growth",
        "nothing new",
        "a little less fluid",
    ),
    "feeling": ("tired", "worried", "calm", "hopeful", "low", "restless", "cheerful"),
    "when": ("in the morning", "after lunch", "at night", "all day", "over the weekend"),
    "coping": (
        "walking",
        "talking with family",
        "music",
        "breathing exercises",
        "a nap",
        "the support group",
    ),
    "plan": (
        "repeat the scan in six months",
        "talk about surgery",
        "wait and watch",
        "try a somatostatin analog",
        "see the dietitian",
        "get a second opinion",
    ),
    "topic": (
        "clinical trials",
        "the stage of the tumor",
        "lanreotide injections",
        "radiation",
        "hospice care",
        "second opinions",
        "side effects",
        "how often to scan",
        "carcinoid syndrome",
        "going back to work",
    ),
    "symptom": (
        "flushing",
        "diarrhea",
        "a cough",
        "shortness of breath",
        "nausea",
        "fatigue",
        "a sore spot where the injection went in",
    ),
    "medicine": (
        "octreotide",
        "lanreotide",
        "the pain medicine",
        "the inhaler",
        "the anti-nausea pills",
    ),
    "degree": ("mild", "worse than usual", "better", "about the same", "hard to bear"),
    "family": ("My daughter", "My husband", "My sister", "A friend", "My son"),
    "place": (
        "the clinic",
        "the pharmacy",
        "the insurance company",
        "the imaging center",
        "the lab",
    ),
    "errand": (
        "move the appointment",
        "ask for the results",
        "refill the prescription",
        "send the scans to the NET center",
        "pick up the forms",
    ),
    "activity": (
        "a walk by the river",
        "gardening",
        "cooking dinner",
        "reading in the sun",
        "a visit from the grandchildren",
        "a short bike ride",
    ),
}
_SENTENCES = (
    "Saw {person} today about the {test}.",
    "The {test} showed {finding}.",
    "Felt {feeling} {when}; {coping} helped a little.",
    "{person} said we should {plan} before the next visit.",
    "Ask about {topic} at the next appointment.",
    "Side effects this week: {symptom}, mostly {when}.",
    "Took {medicine} as planned; the {symptom} was {degree}.",
    "{family} came along and wrote down what {person} said.",
    "Need to call {place} to {errand}.",
    "Good day: {activity}, then {coping}.",
    "The nurse explained {topic} in plain words.",
    "Read the guide section on {topic} again and felt {feeling}.",
    "Energy was {degree} {when}.",
)
_NOTE_TITLES = (
    "After the {test}",
    "Visit with {person}",
    "A {feeling} day",
    "Thinking about {topic}",
    "Call to {place}",
    "About {symptom}",
    "Notes on {medicine}",
)
_OWN_QUESTIONS = (
    "Should we talk about {topic}?",
    "What will the {test} tell us?",
    "Could {medicine} make the {symptom} worse?",
    "When is the next {test} due?",
    "Is {symptom} a reason to call at night?",
    "Can {family} come to the {test}?",
)
_PURPOSES = (
    "Follow-up visit",
    "CT scan",
    "PET scan",
    "Blood tests",
    "Lanreotide injection",
    "Breathing tests",
    "Surgery consultation",
    "Second opinion",
    "Nutrition visit",
    "Support group",
    "Radiation planning",
)
_PRACTICES = (
    "Riverside Cancer Center",
    "Lakeside Chest Surgery",
    "Riverside Lung Clinic",
    "University NET Center",
    "Northside Imaging",
    "Hillcrest Radiation Oncology",
    "Community Support Services",
    "Westview Family Practice",
)
_FIRST_NAMES = (
    "Maria",
    "Samuel",
    "Hannah",
    "Grace",
    "Tom",
    "Priya",
    "Ahmed",
    "Li",
    "Olga",
    "James",
    "Fatima",
    "Carlos",
    "Emily",
    "Kenji",
    "Aisha",
    "Peter",
    "Rosa",
    "Noah",
)
_LAST_NAMES = (
    "Alvarez",
    "Okafor",
    "Lee",
    "Kim",
    "Becker",
    "Patel",
    "Haddad",
    "Chen",
    "Ivanova",
    "Murphy",
    "Rahman",
    "Silva",
    "Walsh",
    "Tanaka",
    "Bello",
    "Novak",
    "Garcia",
    "Cohen",
)
_DOCTOR_ROLES = ("thoracic-surgeon", "medical-oncologist", "pulmonologist", "radiation-oncologist")
_TREATMENT_SECTIONS = (
    "treatment-overview",
    "treatment-types",
    "type-and-extent",
    "resectable",
    "unresectable",
    "recurrent",
    "getting-through",
    "clinical-trials",
)


class _Picks:
    """`str.format_map` fills each {slot} with a random word from its list."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def __getitem__(self, slot: str) -> str:
        return self.rng.choice(_WORDS[slot])


@dataclass
class _Maker:
    """Builds the rows of every table from one seeded random source."""

    rng: random.Random
    guide: Guide
    now: datetime

    def text(self, template: str) -> str:
        filled = template.format_map(_Picks(self.rng))
        return filled[0].upper() + filled[1:]

    def sentences(self, count: int) -> str:
        return " ".join(self.text(self.rng.choice(_SENTENCES)) for _ in range(count))

    def body(self) -> str:
        aimed_at = self.rng.randint(*NOTE_LENGTH)
        parts: list[str] = []
        while sum(map(len, parts)) + len(parts) < aimed_at:
            parts.append(self.text(self.rng.choice(_SENTENCES)))
        return " ".join(parts)

    def moment(self, days_ahead: int = 0) -> datetime:
        """A random time within the five years before now (plus `days_ahead` after it)."""
        span = timedelta(days=365 * YEARS + days_ahead)
        return self.now - timedelta(days=365 * YEARS) + span * self.rng.random()

    def sections(self, first: str, others: Sequence[str]) -> list[str]:
        extra = self.rng.sample(list(others), self.rng.randint(0, 2))
        return list(dict.fromkeys([first, *extra]))


def fill_large_demo(
    record: JourneyRecord, now: datetime, seed: int = 2025, scale: float = 1.0
) -> dict[str, int]:
    """Fill an empty record with about five years of a journey (`scale` shrinks it for tests)."""
    size = {kind: max(1, round(count * scale)) for kind, count in FULL_SIZE.items()}
    maker = _Maker(random.Random(seed), record.guide, now)
    members = _members(maker, size["members"])
    questions = _questions(maker, size["questions"], members)
    appointments = _appointments(maker, size["appointments"], members)
    notes = _notes(maker, size["notes"], members, appointments)
    with writing_into_empty(record, NOT_EMPTY) as session:
        insert_rows(session, CareTeamMember, members)
        insert_rows(session, Question, questions)
        insert_rows(session, Appointment, appointments)
        insert_rows(session, Note, notes)
        planned = _planned_questions(maker, appointments, questions)
        if planned:  # an empty list would insert one row of defaults
            session.execute(insert(appointment_questions), planned)
        for model, rows in journey_rows(
            maker.rng,
            now.astimezone(ZoneInfo(DEMO_ZONE)).date(),
            JourneySize(size["doses"], size["measurements"], size["scans"], size["diary_days"]),
            prescriber_id=min(2, size["members"]),  # the medical oncologist when there is one
        ).items():
            insert_rows(session, model, rows)
        first_visit = min(appointments, key=lambda a: a["starts_at"])
        insert_decision_story(
            session,
            first_visit["starts_at"].date(),
            surgeon_id=1,
            oncologist_id=min(2, size["members"]),
            appointment_id=first_visit["id"],
        )
    return record.counts()


def _members(maker: _Maker, count: int) -> list[dict[str, Any]]:
    rng, roles = maker.rng, maker.guide.role_ids
    rows = []
    for number in range(1, count + 1):
        role = roles[(number - 1) % len(roles)]
        first, last = rng.choice(_FIRST_NAMES), rng.choice(_LAST_NAMES)
        name = f"Dr. {first} {last}" if role in _DOCTOR_ROLES else f"{first} {last}"
        rows.append(
            {
                "id": number,
                "role": role,
                "name": name,
                "practice": rng.choice(_PRACTICES),
                "phone": f"555-{rng.randint(100, 999):04d}",
                "after_hours": rng.choice(
                    ("", "Hospital operator 555-0100", "Triage line 555-0199")
                ),
                "email": f"{first}.{last}@example.org".lower(),
                "notes": maker.sentences(rng.randint(0, 2)),
                "sections": maker.sections("care-team", _TREATMENT_SECTIONS),
            }
        )
    return rows


def _questions(maker: _Maker, count: int, members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rng = maker.rng
    library = [q for group in maker.guide.question_groups for q in group.questions]
    chosen = library[: min(len(library), count // 4)]
    rows = []
    for number in range(1, count + 1):
        from_library = library[number - 1] if number <= len(chosen) else None
        asked_at = maker.moment()
        answered = rng.random() < 0.9
        rows.append(
            {
                "id": number,
                "chosen": True,
                "created_at": asked_at,
                "text": from_library.text
                if from_library
                else maker.text(rng.choice(_OWN_QUESTIONS)),
                "library_id": from_library.id if from_library else None,
                "status": QuestionStatus.ANSWERED
                if answered
                else rng.choice((QuestionStatus.TO_ASK, QuestionStatus.ASKED)),
                "answer": maker.sentences(rng.randint(1, 3)) if answered else "",
                "answered_by": rng.choice(members)["name"] if answered else "",
                "answered_on": _answer_day(maker, asked_at) if answered else None,
                "sections": maker.sections(
                    from_library.section_id if from_library else rng.choice(QUESTION_SECTION_IDS),
                    QUESTION_SECTION_IDS,
                ),
            }
        )
    return rows


def _answer_day(maker: _Maker, asked_at: datetime) -> date:
    answered_at = min(asked_at + timedelta(days=maker.rng.randint(0, 40)), maker.now)
    return answered_at.astimezone(ZoneInfo(DEMO_ZONE)).date()


def _appointments(maker: _Maker, count: int, members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rng, zone = maker.rng, ZoneInfo(DEMO_ZONE)
    starts = sorted(maker.moment(days_ahead=90) for _ in range(count))
    rows = []
    for number, start in enumerate(starts, start=1):
        local = start.astimezone(zone).replace(hour=rng.randint(8, 16), minute=rng.choice((0, 30)))
        member = rng.choice(members) if rng.random() < 0.8 else None
        rows.append(
            {
                "id": number,
                "starts_at": local,
                "time_zone": DEMO_ZONE,
                "ends_at": local + timedelta(minutes=rng.choice((30, 45, 60, 90))),
                "member_id": member["id"] if member else None,
                "with_whom": ""
                if member
                else rng.choice(("Lab", "Imaging desk", "Infusion nurse")),
                "location": f"{rng.choice(_PRACTICES)}, suite {rng.randint(100, 450)}",
                "purpose": rng.choice(_PURPOSES),
                "what_to_bring": rng.choice(("Insurance card", "Medicine list", "Scan disc", "")),
                "outcome": maker.sentences(rng.randint(1, 3)) if start < maker.now else "",
                "sections": maker.sections(rng.choice(_TREATMENT_SECTIONS), _TREATMENT_SECTIONS),
            }
        )
    return rows


def _notes(
    maker: _Maker, count: int, members: list[dict[str, Any]], appointments: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    rng = maker.rng
    rare: dict[int, list[str]] = {}
    for word in RARE_WORDS:
        for number in rng.sample(range(1, count + 1), min(count, 5)):
            rare.setdefault(number, []).append(word)
    rows = []
    for number in range(1, count + 1):
        written = maker.moment()
        body = maker.body() + "".join(
            f" Remember to ask about {word}." for word in rare.get(number, [])
        )
        rows.append(
            {
                "id": number,
                "title": maker.text(rng.choice(_NOTE_TITLES)),
                "body": body,
                "private": rng.random() < 0.1,
                "created_at": written,
                "updated_at": min(written + timedelta(hours=rng.randint(0, 72)), maker.now),
                "appointment_id": rng.choice(appointments)["id"] if rng.random() < 0.3 else None,
                "member_id": rng.choice(members)["id"] if rng.random() < 0.2 else None,
                "sections": maker.sections(
                    rng.choice(maker.guide.section_ids), maker.guide.section_ids
                ),
            }
        )
    return rows


def _planned_questions(
    maker: _Maker, appointments: list[dict[str, Any]], questions: list[dict[str, Any]]
) -> list[dict[str, int]]:
    """Up to three questions planned for each visit."""
    rng = maker.rng
    return [
        {"appointment_id": appointment["id"], "question_id": question["id"]}
        for appointment in appointments
        for question in rng.sample(questions, min(len(questions), rng.randint(0, 3)))
    ]
