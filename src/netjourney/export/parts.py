"""The parts of the journey PDF, apart from the content they hold: the command line lists
them in its help, and importing export/content.py (SQLAlchemy, the models) for that would
slow every start."""

from __future__ import annotations

import enum


class Part(enum.StrEnum):
    """The parts of the journey PDF a user can include or leave out."""

    SITUATION = "situation"
    CARE_TEAM = "care-team"
    UPCOMING = "upcoming"
    PAST = "past"
    TREATMENTS = "treatments"
    TESTS = "tests"
    SCANS = "scans"
    DIARY = "diary"
    DECISIONS = "decisions"
    SECOND_OPINIONS = "second-opinions"
    TRIALS = "trials"
    QUESTIONS = "questions"
    NOTES = "notes"
    GUIDE = "guide"

    @property
    def heading(self) -> str:
        return _PART_HEADINGS[self]


_PART_HEADINGS = {
    Part.SITUATION: "My situation",
    Part.CARE_TEAM: "Care team",
    Part.UPCOMING: "Upcoming appointments",
    Part.PAST: "Past appointments",
    Part.TREATMENTS: "Treatments",
    Part.TESTS: "Test results",
    Part.SCANS: "Scans",
    Part.DIARY: "Symptom diary",
    Part.DECISIONS: "Decisions",
    Part.SECOND_OPINIONS: "Second opinions",
    Part.TRIALS: "Clinical trials",
    Part.QUESTIONS: "Questions and answers",
    Part.NOTES: "Notes",
    Part.GUIDE: "From the treatment guide",
}
