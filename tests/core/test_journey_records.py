"""The journey's records refuse what can never be right: in the API, and in the file."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from netjourney.core import repository
from netjourney.core.dates import short_date
from netjourney.core.errors import InvalidInputError
from netjourney.core.journey.choices import RepeatUnit, TreatmentKind
from netjourney.core.journey.models import DiaryEntry, Measurement, SymptomRating, Treatment
from netjourney.core.journey.records import (
    SymptomScore,
    add_measurement,
    add_treatment,
    ask_about_diary_day,
    log_dose,
    save_diary_day,
    tracked_symptoms,
)
from netjourney.core.models import Question, QuestionStatus
from netjourney.core.record import JourneyRecord
from netjourney.export.json_io import record_to_document

START = date(2026, 1, 5)


def lanreotide(record: JourneyRecord) -> int:
    with record.writing() as session:
        return add_treatment(
            session,
            Treatment(
                kind=TreatmentKind.SOMATOSTATIN_ANALOG,
                name="Lanreotide",
                started_on=START,
                repeat_every=28,
                repeat_unit=RepeatUnit.DAYS,
            ),
        ).id


def test_a_dose_before_its_treatment_started_is_refused_and_nothing_kept(
    record: JourneyRecord,
) -> None:
    treatment_id = lanreotide(record)

    with (
        pytest.raises(
            InvalidInputError,
            match=rf"given_on: {short_date(date(2026, 1, 4))} is before the treatment",
        ),
        record.writing() as session,
    ):
        log_dose(session, treatment_id, date(2026, 1, 4))

    assert record.counts()["doses"] == 0


@pytest.mark.parametrize(
    ("score", "message"),
    [
        (SymptomScore("flushing", rating=11), r"flushing rating: must be from 0 to 10, not 11"),
        (SymptomScore("diarrhea", count=-1), r"diarrhea count: cannot be negative \(-1\)"),
        (SymptomScore("pain"), r"pain: give either a rating or a count"),
        (SymptomScore("pain", rating=2, count=2), r"pain: give either a rating or a count"),
    ],
)
def test_bad_diary_scores_are_refused(
    record: JourneyRecord, score: SymptomScore, message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message), record.writing() as session:
        save_diary_day(session, START, "a bad day", [SymptomScore("tiredness", 3), score])

    assert record.counts()["diary_entries"] == record.counts()["symptom_ratings"] == 0


def test_a_diary_day_is_replaced_not_doubled_and_own_symptoms_are_tracked(
    record: JourneyRecord,
) -> None:
    with record.writing() as session:
        save_diary_day(session, START, "first", [SymptomScore("flushing", rating=4)])
    with record.writing() as session:
        save_diary_day(
            session,
            START,
            "second thoughts",
            [SymptomScore("flushing", rating=6), SymptomScore("itchy skin", count=3)],
        )
    with record.reading() as session:
        entries = session.query(DiaryEntry).all()
        shown = [(r.symptom, r.rating, r.count) for r in entries[0].ratings]
        tracked = tracked_symptoms(session)

    assert [e.note for e in entries] == ["second thoughts"]
    assert shown == [("flushing", 6, None), ("itchy skin", None, 3)]
    assert tracked == ["flushing", "diarrhea", "wheezing", "tiredness", "pain", "itchy skin"]


def test_a_range_upside_down_and_a_stop_before_the_start_are_refused(
    record: JourneyRecord,
) -> None:
    with (
        pytest.raises(InvalidInputError, match=r"range_high: the low end \(40\) is above"),
        record.writing() as session,
    ):
        add_measurement(
            session,
            Measurement(
                measure="Chromogranin A",
                value=80,
                measured_on=START,
                range_low=40,
                range_high=10,
            ),
        )
    with (
        pytest.raises(
            InvalidInputError,
            match=rf"stopped_on: {short_date(date(2025, 12, 1))} is before the start",
        ),
        record.writing() as session,
    ):
        add_treatment(
            session,
            Treatment(kind="surgery", started_on=START, stopped_on=date(2025, 12, 1)),
        )
    assert record.counts()["measurements"] == record.counts()["treatments"] == 0


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO treatments (kind, name, dose, how_given, location, why_stopped, "
        "planned_dates, notes) VALUES ('homeopathy', '', '', '', '', '', '', '')",
        "INSERT INTO treatments (kind, name, dose, how_given, location, why_stopped, "
        "planned_dates, notes, repeat_every, repeat_unit) "
        "VALUES ('other', '', '', '', '', '', '', '', 0, 'days')",
        "INSERT INTO symptom_ratings (entry_id, symptom, rating) VALUES (1, 'pain', 11)",
        "INSERT INTO symptom_ratings (entry_id, symptom, count) VALUES (1, 'pain', -2)",
        "INSERT INTO scans (scanned_on, kind, location, report) VALUES "
        "('2026-01-01', 'x-ray-vision', '', '')",
    ],
)
def test_the_file_itself_refuses_bad_values(record: JourneyRecord, statement: str) -> None:
    with record.writing() as session:
        session.add(DiaryEntry(day=START))

    with (
        pytest.raises(InvalidInputError, match="does not fit the record"),
        record.writing() as session,
    ):
        session.execute(text(statement))

    with record.reading() as session:
        assert session.query(SymptomRating).count() == 0
    assert record.counts()["treatments"] == record.counts()["scans"] == 0


def test_any_write_is_checked_not_only_the_api(record: JourneyRecord) -> None:
    """The window's editor sets fields on the model; the same rules refuse them."""
    treatment_id = lanreotide(record)
    with record.writing() as session:
        log_dose(session, treatment_id, START)

    too_late = pytest.raises(
        InvalidInputError, match=rf"started_on: {short_date(date(2026, 1, 10))} is after the first"
    )
    with too_late, record.writing() as session:
        treatment = session.get(Treatment, treatment_id)
        assert treatment is not None
        treatment.started_on = date(2026, 1, 10)
    too_high = pytest.raises(InvalidInputError, match=r"pain rating: must be from 0 to 10, not 12")
    with too_high, record.writing() as session:
        entry = DiaryEntry(day=START)
        entry.ratings = [SymptomRating(symptom="pain", rating=12)]
        session.add(entry)

    with record.reading() as session:
        kept = session.get(Treatment, treatment_id)
    assert kept is not None and kept.started_on == START
    assert record.counts()["diary_entries"] == 0


def test_undoing_the_delete_of_a_treatment_or_a_diary_day_brings_back_what_went_with_it(
    record: JourneyRecord,
) -> None:
    treatment_id = lanreotide(record)
    with record.writing() as session:
        log_dose(session, treatment_id, START, notes="left buttock")
        log_dose(session, treatment_id, date(2026, 2, 2), notes="right buttock")
        entry = save_diary_day(session, START, "sore", [SymptomScore("pain", rating=4)])
        entry_id = entry.id
    before = record_to_document(record)

    taken = [
        repository.delete(record, Treatment, treatment_id),
        repository.delete(record, DiaryEntry, entry_id),
    ]
    assert record.counts()["doses"] == record.counts()["symptom_ratings"] == 0
    for snapshot in taken:
        assert snapshot is not None
        repository.restore(record, snapshot)

    assert record_to_document(record) == before


def test_a_diary_day_becomes_a_question_to_ask_in_the_users_own_words(
    record: JourneyRecord,
) -> None:
    with record.writing() as session:
        entry = save_diary_day(
            session,
            START,
            "Sore at the injection site",
            [SymptomScore("pain", rating=4), SymptomScore("diarrhea", count=2)],
        )
        asked = ask_about_diary_day(session, entry.id)

    with record.reading() as session:
        question = session.get(Question, asked.id)
    assert question is not None and question.status == QuestionStatus.TO_ASK
    assert question.text == (
        f"My diary for {short_date(date(2026, 1, 5))}: pain 4/10, diarrhea 2 times. "
        '"Sore at the injection site" '
        "What should I know about this?"
    )
    assert question.section_ids == ["questions-side-effects"]
