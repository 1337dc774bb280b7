"""What the clinical summary selects from the record (export/summary_content.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from netjourney.core.errors import InvalidInputError
from netjourney.core.journey.charts import Reading
from netjourney.core.journey.choices import RepeatUnit, TreatmentKind
from netjourney.core.journey.models import DiaryEntry, Measurement, SymptomRating, Treatment
from netjourney.core.journey.records import (
    SymptomScore,
    add_measurement,
    add_treatment,
    log_dose,
    save_diary_day,
)
from netjourney.core.models import QuestionStatus
from netjourney.core.record import JourneyRecord
from netjourney.core.situation_store import record_answers
from netjourney.export.summary_content import (
    NOT_RECORDED,
    QuestionsFor,
    SummaryOptions,
    marker_history,
    select_summary,
    symptom_lines,
    upcoming_visits,
)
from tests.core.journey_records import add_journey_records
from tests.export import records

pytestmark = pytest.mark.usefixtures("british_dates")  # the dates below are spelled out

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
TODAY = NOW.astimezone().date()


def test_the_tumor_shows_type_stage_and_spread_always_and_other_answers_when_known(
    record: JourneyRecord,
) -> None:
    record_answers(record, ["tumor_type=atypical", "lymph_nodes=yes", "thinking_of_stopping=yes"])

    tumor = select_summary(record, SummaryOptions(), NOW).tumor

    assert [(f.label, f.value) for f in tumor] == [
        ("Type", "Atypical (intermediate grade)"),
        ("Stage", NOT_RECORDED),
        ("Spread", NOT_RECORDED),
        ("Nearby lymph nodes involved", "Yes"),
    ]


def test_current_treatments_come_first_with_their_last_dose_and_next_due_day(
    record: JourneyRecord,
) -> None:
    add_journey_records(record)
    with record.writing() as session:
        add_treatment(
            session,
            Treatment(
                kind=TreatmentKind.CHEMOTHERAPY,
                name="Capecitabine",
                dose="1000 mg",
                started_on=date(2025, 6, 1),
                stopped_on=date(2025, 9, 1),
                why_stopped="Side effects",
            ),
        )
        planned_stop = add_treatment(
            session,
            Treatment(
                kind=TreatmentKind.OTHER,
                name="Vitamin D",
                started_on=date(2026, 2, 1),
                stopped_on=TODAY + timedelta(days=30),
                repeat_every=1,
                repeat_unit=RepeatUnit.DAYS,
            ),
        )
        log_dose(session, planned_stop.id, date(2026, 2, 27), "Home")

    lines = select_summary(record, SummaryOptions(), NOW).treatments

    assert [(t.name, t.current) for t in lines] == [
        ("Lanreotide (Somatuline)", True),
        ("Vitamin D", True),
        ("Capecitabine", False),  # the latest stopped first
        ("Lobectomy", False),
    ]
    lanreotide = lines[0]
    assert lanreotide.dose == "120 mg, Deep injection under the skin"
    assert lanreotide.schedule == "Every 28 days"
    assert (lanreotide.last_dose, lanreotide.last_dose_where) == (date(2026, 2, 2), "Home nurse")
    assert lanreotide.next_due == date(2026, 3, 2)
    assert lines[1].next_due == date(2026, 2, 28)
    assert (lines[2].stopped, lines[2].why_stopped) == (date(2025, 9, 1), "Side effects")


def test_a_marker_keeps_its_latest_unit_and_names_the_others() -> None:
    readings = [
        Reading(date(2025, 1, 1), 5.0, "nmol/L"),
        Reading(date(2025, 6, 1), 140.0, "ng/mL"),
        Reading(date(2025, 9, 1), 120.0, "ng/ml"),  # the same unit, spelt otherwise
    ]

    history = marker_history("Chromogranin A", readings)

    assert [r.value for r in history.readings] == [140.0, 120.0]
    assert [r.value for r in history.latest_first] == [120.0, 140.0]
    assert history.other_units == ("nmol/L",)


def test_markers_are_listed_the_most_recently_measured_first(record: JourneyRecord) -> None:
    with record.writing() as session:
        for measure, day in (("5-HIAA", date(2026, 1, 1)), ("Chromogranin A", date(2026, 2, 1))):
            add_measurement(
                session, Measurement(measure=measure, value=1.0, unit="u", measured_on=day)
            )

    markers = select_summary(record, SummaryOptions(), NOW).markers

    assert [m.measure for m in markers] == ["Chromogranin A", "5-HIAA"]


def test_symptoms_are_averaged_over_the_last_30_days_only(record: JourneyRecord) -> None:
    with record.writing() as session:
        save_diary_day(session, TODAY - timedelta(days=30), "", [SymptomScore("pain", rating=10)])
        save_diary_day(
            session,
            TODAY - timedelta(days=29),
            "",
            [SymptomScore("pain", rating=2), SymptomScore("diarrhea", count=3)],
        )
        save_diary_day(
            session,
            TODAY,
            "",
            [SymptomScore("pain", rating=5), SymptomScore("diarrhea", count=4)],
        )

    content = select_summary(record, SummaryOptions(), NOW)

    assert content.diary_days == 2
    assert content.symptom_window == (TODAY - timedelta(days=29), TODAY)
    pain, diarrhea = content.symptoms
    assert (pain.symptom, pain.days_noted, pain.rating_average, pain.rating_highest) == (
        "pain",
        2,
        3.5,
        5,
    )
    assert (diarrhea.count_average, diarrhea.count_total, diarrhea.rating_average) == (
        3.5,
        7,
        None,
    )


def test_symptom_lines_keep_the_order_first_written() -> None:
    first = DiaryEntry(day=date(2026, 1, 2))
    second = DiaryEntry(day=date(2026, 1, 1))
    with_marks = [(first, ["wheezing"]), (second, ["pain", "wheezing"])]
    for entry, names in with_marks:
        entry.ratings = [SymptomRating(symptom=name, rating=1) for name in names]

    assert [s.symptom for s in symptom_lines([first, second])] == ["pain", "wheezing"]


def test_the_care_team_lists_the_people_most_involved_first(record: JourneyRecord) -> None:
    social = records.member(record, "Tom Becker", "social-worker")
    past = records.member(record, "Dr. Past", "pulmonologist")
    soon = records.member(record, "Dr. Soon", "thoracic-surgeon")
    prescriber = records.member(record, "Dr. Prescriber", "medical-oncologist")
    chosen = records.member(record, "Grace Kim", "nurse")
    add_journey_records(record, member_id=prescriber.id)
    records.appointment(record, NOW - timedelta(days=5), member_id=past.id)
    records.appointment(record, NOW + timedelta(days=5), member_id=soon.id)
    visit = records.appointment(record, NOW + timedelta(days=50), member_id=chosen.id)

    team = select_summary(record, SummaryOptions(appointment_id=visit.id), NOW).team

    assert [m.name for m in team] == [
        chosen.name,
        prescriber.name,
        soon.name,
        past.name,
        social.name,
    ]
    assert team[0].role == "Nurse"


def test_the_next_visits_open_questions_are_listed_by_default(record: JourneyRecord) -> None:
    surgeon = records.member(record, "Dr. Maria Alvarez", "thoracic-surgeon")
    to_ask = records.question(record, "Will I need oxygen at home?")
    answered = records.question(record, "Answered already?", status=QuestionStatus.ANSWERED)
    elsewhere = records.question(record, "For another visit?")
    records.appointment(
        record,
        datetime(2026, 3, 9, 14, tzinfo=UTC),
        member_id=surgeon.id,
        planned_questions=[to_ask, answered],
    )
    records.appointment(record, NOW + timedelta(days=30), planned_questions=[elsewhere])
    records.appointment(record, NOW - timedelta(days=3), planned_questions=[elsewhere])

    content = select_summary(record, SummaryOptions(), NOW)

    assert content.questions == ("Will I need oxygen at home?",)
    assert content.questions_heading == (
        "Questions the patient wants to ask at the visit on 9 Mar 2026 "
        "with Dr. Maria Alvarez (Thoracic surgeon)"
    )
    every_open = select_summary(record, SummaryOptions(questions=QuestionsFor.OPEN), NOW)
    assert every_open.questions == ("Will I need oxygen at home?", "For another visit?")


def test_with_nothing_planned_for_the_next_visit_every_open_question_is_listed(
    record: JourneyRecord,
) -> None:
    records.question(record, "An open question?")
    records.question(record, "Not chosen any more?", chosen=False)
    records.appointment(record, datetime(2026, 3, 9, 14, tzinfo=UTC))

    content = select_summary(record, SummaryOptions(), NOW)

    assert content.questions == ("An open question?",)
    assert "none is planned for the next visit, on 9 Mar 2026" in content.questions_heading


def test_a_chosen_appointment_lists_its_own_questions(record: JourneyRecord) -> None:
    past = records.appointment(
        record, NOW - timedelta(days=40), planned_questions=[records.question(record, "Why?")]
    )
    records.appointment(
        record, NOW + timedelta(days=1), planned_questions=[records.question(record, "When?")]
    )

    content = select_summary(record, SummaryOptions(appointment_id=past.id), NOW)

    assert content.questions == ("Why?",)
    with pytest.raises(InvalidInputError, match="No appointment has the number 99"):
        select_summary(record, SummaryOptions(appointment_id=99), NOW)


def test_an_empty_record_says_every_part_is_missing(record: JourneyRecord) -> None:
    content = select_summary(record, SummaryOptions(), NOW)

    assert content.missing == [
        "the tumor (My situation)",
        "treatments",
        "test results",
        "scans",
        "symptom diary days in the last 30 days",
        "care team",
        "open questions",
    ]


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"patient_name": "x" * 61}, "Shorten it"),
        ({"birth_date": date.today() + timedelta(days=1)}, "cannot be a date of birth"),
        ({"birth_date": date(1899, 12, 31)}, "between 1900-01-01 and today"),
    ],
)
def test_impossible_names_and_birth_dates_are_refused(
    fields: dict[str, object], problem: str
) -> None:
    with pytest.raises(InvalidInputError, match=problem):
        SummaryOptions(**fields)  # type: ignore[arg-type]


def test_upcoming_visits_are_offered_soonest_first_with_whom(record: JourneyRecord) -> None:
    lee = records.member(record, "Dr. Hannah Lee", "pulmonologist")
    later = records.appointment(record, datetime(2026, 4, 2, 15, tzinfo=UTC), with_whom="Lab")
    sooner = records.appointment(record, datetime(2026, 3, 9, 15, tzinfo=UTC), member_id=lee.id)
    records.appointment(record, NOW - timedelta(days=1))

    assert upcoming_visits(record, NOW) == [
        (sooner.id, "9 Mar 2026, Dr. Hannah Lee (Pulmonologist)"),
        (later.id, "2 Apr 2026, Lab"),
    ]
