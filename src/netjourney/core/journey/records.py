"""Adding and changing the journey's records, refusing what the rules refuse.

Each function works inside the caller's `record.writing()` session and raises
InvalidInputError naming the field ("rating: must be from 0 to 10, not 11")
before anything is written; the database's CHECKs stand behind them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from netjourney.core.dates import short_date
from netjourney.core.errors import InvalidInputError
from netjourney.core.journey import rules
from netjourney.core.journey.listings import rating_text
from netjourney.core.journey.models import (
    DiaryEntry,
    Dose,
    Measurement,
    SymptomRating,
    Treatment,
)
from netjourney.core.models import Question


def _refuse(field: str, problem: str | None) -> None:
    if problem is not None:
        raise InvalidInputError(f"{field}: {problem}")


def check_treatment(session: Session, treatment: Treatment) -> None:
    _refuse("stopped_on", rules.stop_problem(treatment.started_on, treatment.stopped_on))
    _refuse("repeat_every", rules.repeat_problem(treatment.repeat_every, treatment.repeat_unit))
    _refuse("planned_dates", rules.planned_dates_problem(treatment.planned_dates or ""))
    if treatment.id is not None and treatment.started_on is not None:
        first = session.scalar(
            select(func.min(Dose.given_on)).where(Dose.treatment_id == treatment.id)
        )
        if first is not None and first < treatment.started_on:
            _refuse(
                "started_on",
                f"{short_date(treatment.started_on)} is after the first dose ({short_date(first)})",
            )


def add_treatment(session: Session, treatment: Treatment) -> Treatment:
    session.add(treatment)
    session.flush()  # checked on the way in (see _refuse_bad_values)
    return treatment


def check_dose(session: Session, dose: Dose) -> None:
    treatment = session.get(Treatment, dose.treatment_id)
    if treatment is None:
        raise InvalidInputError(f"treatment_id: no treatment {dose.treatment_id}")
    _refuse("given_on", rules.dose_date_problem(dose.given_on, treatment.started_on))


def log_dose(
    session: Session, treatment_id: int, given_on: date, location: str = "", notes: str = ""
) -> Dose:
    """One dose given; refused before the treatment's start (a typing slip, usually)."""
    dose = Dose(treatment_id=treatment_id, given_on=given_on, location=location, notes=notes)
    session.add(dose)
    session.flush()
    return dose


def check_measurement(measurement: Measurement) -> None:
    _refuse("range_high", rules.range_problem(measurement.range_low, measurement.range_high))
    if not (measurement.measure or "").strip():
        raise InvalidInputError("measure: say what was measured")


def add_measurement(session: Session, measurement: Measurement) -> Measurement:
    session.add(measurement)
    session.flush()
    return measurement


@dataclass(frozen=True)
class SymptomScore:
    """A symptom on a day: a rating from 0 to 10, or a count."""

    symptom: str
    rating: int | None = None
    count: int | None = None

    def check(self) -> None:
        where = f"{self.symptom or '(no name)'}"
        if not self.symptom.strip():
            raise InvalidInputError("symptom: give the symptom a name")
        _refuse(f"{where} rating", rules.rating_problem(self.rating))
        _refuse(f"{where} count", rules.count_problem(self.count))
        _refuse(where, rules.rated_or_counted_problem(self.rating, self.count))


def save_diary_day(
    session: Session, day: date, note: str, scores: Sequence[SymptomScore]
) -> DiaryEntry:
    """The day's entry, made or replaced: its note and exactly these scores."""
    for score in scores:
        score.check()
    names = [score.symptom.strip() for score in scores]
    if len(set(names)) != len(names):
        raise InvalidInputError("symptoms: a symptom is listed twice for the day")
    entry = session.scalar(select(DiaryEntry).where(DiaryEntry.day == day))
    if entry is None:
        entry = DiaryEntry(day=day)
        session.add(entry)
    entry.note = note
    kept = {rating.symptom: rating for rating in entry.ratings}
    entry.ratings = [
        _scored(kept.get(name) or SymptomRating(symptom=name), score)
        for name, score in zip(names, scores, strict=True)
    ]
    session.flush()
    return entry


def _scored(rating: SymptomRating, score: SymptomScore) -> SymptomRating:
    rating.rating, rating.count = score.rating, score.count
    return rating


def tracked_symptoms(session: Session) -> list[str]:
    """The default symptoms, then the user's own in the order first recorded."""
    first_recorded = func.min(SymptomRating.id)
    own = session.scalars(
        select(SymptomRating.symptom).group_by(SymptomRating.symptom).order_by(first_recorded)
    )
    names = dict.fromkeys(rules.DIARY_DEFAULT_SYMPTOMS)
    names.update(dict.fromkeys(own))
    return list(names)


@event.listens_for(Session, "before_flush")
def _refuse_bad_values(session: Session, flush_context: Any, instances: Any) -> None:
    """Every write of these records is checked, whatever the path (API, editor, undo):
    the message names the field before the file's own CHECK would refuse it."""
    with session.no_autoflush:
        for changed in (*session.new, *session.dirty):
            if isinstance(changed, Treatment):
                check_treatment(session, changed)
            elif isinstance(changed, Dose):
                check_dose(session, changed)
            elif isinstance(changed, Measurement):
                check_measurement(changed)
            elif isinstance(changed, SymptomRating):
                SymptomScore(changed.symptom, changed.rating, changed.count).check()


DIARY_QUESTION_SECTION = "questions-side-effects"


def diary_question_text(entry: DiaryEntry) -> str:
    """e.g. 'My diary for Jan 6, 2026: pain 4/10, diarrhea 2 times. "Sore at the
    injection site" What should I know about this?': the user's own numbers and
    words, asked as a question; nothing read into them."""
    scores = ", ".join(f"{r.symptom} {rating_text(r.rating, r.count)}" for r in entry.ratings)
    text = f"My diary for {short_date(entry.day)}"
    text += f": {scores}." if scores else "."
    if entry.note.strip():
        text += f' "{entry.note.strip()}"'
    return f"{text} What should I know about this?"


def ask_about_diary_day(session: Session, entry_id: int) -> Question:
    """The diary day as a question to ask (one click on the diary page)."""
    entry = session.get(DiaryEntry, entry_id)
    if entry is None:
        raise InvalidInputError(f"entry_id: no diary day {entry_id}")
    question = Question(text=diary_question_text(entry), chosen=True)
    question.section_ids = [DIARY_QUESTION_SECTION]
    session.add(question)
    session.flush()
    return question
