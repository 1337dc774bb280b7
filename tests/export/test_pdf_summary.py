"""The clinical summary for a new doctor, read back with pypdf: at most two pages, every
part there and exact, no private note, the patient's name and birth date on every page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from netjourney.core.errors import InvalidInputError
from netjourney.core.guide import Guide
from netjourney.core.journey.charts import day_text
from netjourney.core.journey.choices import ScanKind, TreatmentKind
from netjourney.core.journey.listings import value_text
from netjourney.core.journey.models import DiaryEntry, Dose, Measurement, Scan, Treatment
from netjourney.core.journey.records import (
    SymptomScore,
    add_measurement,
    add_treatment,
    save_diary_day,
)
from netjourney.core.models import CareTeamMember, Note
from netjourney.core.record import JourneyRecord
from netjourney.core.situation_store import record_answers
from netjourney.demo.large import fill_large_demo
from netjourney.demo.small import fill_demo
from netjourney.export.content import Paper
from netjourney.export.pdf_summary import SEE_RECORD, build_summary, shortened
from netjourney.export.summary_content import (
    LONGEST_NAME,
    QuestionsFor,
    SummaryOptions,
    select_summary,
    symptom_lines,
)
from tests.export import records
from tests.export.records import HOSTILE_TEXTS, pdf_reader, pdf_text, squashed

pytestmark = pytest.mark.usefixtures("british_dates")  # the dates below are spelled out

NOW = datetime(2026, 12, 1, 15, tzinfo=UTC)
NAME = "Maria Pérez-Okonkwo"
BORN = date(1958, 3, 2)
OPTIONS = {"patient_name": NAME, "birth_date": BORN}


def _demo(
    tmp_path_factory: pytest.TempPathFactory, guide: Guide, size: str
) -> Iterator[JourneyRecord]:
    record = JourneyRecord.open(tmp_path_factory.mktemp(size) / "demo.sqlite", guide)
    (fill_large_demo if size == "large" else fill_demo)(record, NOW)
    record_answers(record, ["tumor_type=atypical", "stage=IIIA", "spread=few", "lymph_nodes=yes"])
    yield record
    record.close()


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory: pytest.TempPathFactory, guide: Guide) -> Iterator[JourneyRecord]:
    yield from _demo(tmp_path_factory, guide, "small")


@pytest.fixture(scope="module")
def large_demo(tmp_path_factory: pytest.TempPathFactory, guide: Guide) -> Iterator[JourneyRecord]:
    yield from _demo(tmp_path_factory, guide, "large")


def page_texts(data: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in pdf_reader(data).pages]


def expected_facts(record: JourneyRecord, options: SummaryOptions) -> list[str]:
    """The exact texts the summary must show, read from the record by other means."""
    content = select_summary(record, options, NOW)
    facts = [f"{f.label} {f.value}" for f in content.tumor]
    with record.reading() as session:
        for treatment in session.scalars(select(Treatment)):
            last = session.scalars(
                select(Dose).where(Dose.treatment_id == treatment.id).order_by(Dose.given_on.desc())
            ).first()
            facts += [treatment.name, treatment.dose]
            if last is not None:
                facts.append(f"{day_text(last.given_on)}, {last.location}")
        for measure in session.scalars(select(Measurement.measure).distinct()):
            latest = session.scalars(
                select(Measurement)
                .where(Measurement.measure == measure)
                .order_by(Measurement.measured_on.desc())
                .limit(2)
            )
            for m in latest:
                facts.append(
                    f"{day_text(m.measured_on)} {value_text(m.value, m.unit)} "
                    f"{m.reference_range} {m.lab}"
                )
        scan = session.scalars(select(Scan).order_by(Scan.scanned_on.desc())).first()
        assert scan is not None
        facts.append(f"{day_text(scan.scanned_on)}")
        facts.append(scan.report)
        window = (NOW.astimezone().date() - timedelta(days=29), NOW.astimezone().date())
        entries = session.scalars(select(DiaryEntry).where(DiaryEntry.day.between(*window)))
        for line in symptom_lines(entries):
            average = line.rating_average if line.rating_average is not None else line.count_average
            highest = line.rating_highest if line.rating_highest is not None else line.count_total
            facts.append(f"{line.symptom} {line.days_noted} {average:.1f} ({highest})")
    facts += [f"{n}. {q}" for n, q in enumerate(content.questions[:3], start=1)]
    return facts


def assert_every_page_names_the_patient(data: bytes) -> None:
    for text in page_texts(data):
        assert f"Patient: {NAME} · Date of birth: 2 Mar 1958" in text


def assert_no_private_note(record: JourneyRecord, text: str) -> None:
    with record.reading() as session:
        private = list(session.scalars(select(Note).where(Note.private)))
    assert private
    for note in private:
        assert note.body not in text
        if len(note.title) > 12:
            assert note.title not in text


@pytest.mark.parametrize("paper", list(Paper))
def test_the_small_demo_fits_two_pages_with_every_part_exact(
    small_demo: JourneyRecord, paper: Paper
) -> None:
    options = SummaryOptions(**OPTIONS, paper=paper)  # type: ignore[arg-type]

    rendered = build_summary(small_demo, options, NOW)

    assert rendered.pages <= 2 and len(pdf_reader(rendered.data).pages) == rendered.pages
    text = pdf_text(rendered.data)
    for fact in expected_facts(small_demo, options):
        assert fact in text, fact
    with small_demo.reading() as session:
        for member in session.scalars(select(CareTeamMember)):
            for detail in (member.name, member.phone, member.after_hours):
                assert detail in text, detail
            assert member.email in squashed(text)  # an address may break at its dot
    assert "Questions the patient wants to ask at the visit on 7 Dec 2026" in text
    assert_no_private_note(small_demo, text)
    assert_every_page_names_the_patient(rendered.data)


def test_the_five_year_record_shrinks_to_two_pages_and_says_what_it_left_out(
    large_demo: JourneyRecord,
) -> None:
    options = SummaryOptions(**OPTIONS, questions=QuestionsFor.OPEN)  # type: ignore[arg-type]

    rendered = build_summary(large_demo, options, NOW)

    assert rendered.pages == 2
    text = pdf_text(rendered.data)
    for fact in expected_facts(large_demo, options):
        assert fact in text, fact
    with large_demo.reading() as session:
        scans = session.scalar(select(func.count()).select_from(Scan))
        members = session.scalar(select(func.count()).select_from(CareTeamMember))
    assert scans is not None and members is not None
    shown_scans = text.count("Riverside Imaging")
    assert f"… and {scans - shown_scans} earlier scans, {SEE_RECORD}." in text
    assert f"more people in the care team, {SEE_RECORD}." in text
    assert "earlier values since" in text and "more open questions" in text
    assert members > 12
    assert_no_private_note(large_demo, text)
    assert_every_page_names_the_patient(rendered.data)


def test_an_empty_record_gives_one_page_that_says_what_is_missing(
    record: JourneyRecord,
) -> None:
    rendered = build_summary(record, SummaryOptions(paper=Paper.A4), NOW)

    assert rendered.pages == 1
    text = pdf_text(rendered.data)
    assert (
        "Not recorded yet: the tumor (My situation); treatments; test results; scans; "
        "symptom diary days in the last 30 days; care team; open questions."
    ) in text
    for nothing in (
        "Type Not recorded Stage Not recorded Spread Not recorded",
        "No treatments recorded.",
        "No test results recorded.",
        "No scans recorded.",
        "No diary days written from 2 Nov 2026 to 1 Dec 2026.",
        "No one has been added to the care team.",
        "No open questions.",
    ):
        assert nothing in text
    assert "Patient:" not in text  # no name was given: no header line


def test_a_crowded_record_with_hostile_and_endless_text_still_fits_two_pages(
    record: JourneyRecord,
) -> None:
    words = " ".join(f"word{n}" for n in range(6000))
    with record.writing() as session:
        for number in range(25):
            add_treatment(
                session,
                Treatment(
                    kind=TreatmentKind.OTHER,
                    name=f"{HOSTILE_TEXTS[number % len(HOSTILE_TEXTS)]} drug {number}",
                    dose=words if number == 0 else "5 mg",
                    started_on=date(2020, 1, 1) + timedelta(days=number),
                    stopped_on=None if number < 3 else date(2021, 1, 1) + timedelta(days=number),
                ),
            )
        for number in range(12):
            for day in range(20):
                add_measurement(
                    session,
                    Measurement(
                        measure=f"Marker {number} {HOSTILE_TEXTS[number % len(HOSTILE_TEXTS)]}",
                        value=day + 0.5,
                        unit="µg/L",
                        reference_range="<b>0-9</b>",
                        lab="Lab & Co",
                        measured_on=date(2025, 1, 1) + timedelta(days=14 * day),
                    ),
                )
        for number in range(30):
            session.add(
                Scan(
                    scanned_on=date(2024, 1, 1) + timedelta(days=30 * number),
                    kind=ScanKind.CT,
                    location="Imaging",
                    report=words,
                )
            )
    for number in range(40):
        records.member(record, f"Dr. {number} {HOSTILE_TEXTS[number % 10]}", practice=words)
    long_question = records.question(record, "Why " + "a" * 3000 + " end?")
    records.question(record, words)
    for text in HOSTILE_TEXTS:
        records.question(record, text)
    records.note(record, "Secret title text", "A private body nobody else reads", private=True)

    rendered = build_summary(
        record,
        SummaryOptions(
            patient_name="<b>Ann & Bob</b>", birth_date=BORN, questions=QuestionsFor.OPEN
        ),
        NOW,
    )

    assert rendered.pages <= 2
    text = pdf_text(rendered.data)
    assert "Patient: <b>Ann & Bob</b> · Date of birth: 2 Mar 1958" in page_texts(rendered.data)[-1]
    assert f"[shortened; {SEE_RECORD}]" in text
    assert f"[cut inside a word; {SEE_RECORD}]" in text
    assert "A private body" not in text and "Secret title" not in text
    assert "<b>0-9</b>" in text and "Lab & Co" in text
    assert long_question.text not in text
    assert "more treatments" in text and f"Also recorded, {SEE_RECORD}: Marker" in text


def test_a_text_is_cut_after_a_whole_word_and_says_so() -> None:
    assert shortened("short enough", 40) == "short enough"
    assert (
        shortened("one two  three\nfour five", 13) == f"one two three … [shortened; {SEE_RECORD}]"
    )
    assert shortened("x" * 50, 10) == f"{'x' * 10}… [cut inside a word; {SEE_RECORD}]"


def test_a_visit_in_another_zone_is_named_by_its_own_day(
    record: JourneyRecord,
) -> None:
    visit = records.appointment(
        record,
        datetime(2026, 12, 9, 23, 30, tzinfo=UTC),
        "Asia/Tokyo",
        planned_questions=[records.question(record, "Is the scan due?")],
    )

    text = pdf_text(build_summary(record, SummaryOptions(appointment_id=visit.id), NOW).data)

    assert "Questions the patient wants to ask at the visit on 10 Dec 2026" in text
    assert "1. Is the scan due?" in text


def test_the_longest_name_fits_the_header_and_a_wider_one_is_refused(
    record: JourneyRecord,
) -> None:
    longest = " ".join(["Maria Guadalupe"] * 4)[:LONGEST_NAME]
    text = pdf_text(
        build_summary(record, SummaryOptions(patient_name=longest, birth_date=BORN), NOW).data
    )
    assert f"Patient: {longest} · Date of birth: 2 Mar 1958" in text

    with pytest.raises(InvalidInputError, match="too wide to print in one line"):
        build_summary(record, SummaryOptions(patient_name="W" * LONGEST_NAME), NOW)


def test_endless_current_treatments_symptoms_and_names_still_fit_two_pages(
    record: JourneyRecord,
) -> None:
    today = NOW.astimezone().date()
    with record.writing() as session:
        for number in range(60):
            add_treatment(
                session,
                Treatment(kind=TreatmentKind.OTHER, name=f"Current {number}", dose="1 tablet"),
            )
        add_measurement(
            session,
            Measurement(
                measure="Marker " + "with a very long name " * 200,
                value=3.0,
                unit="unit " * 300,
                measured_on=today,
            ),
        )
        save_diary_day(
            session, today, "", [SymptomScore(f"symptom {n}", rating=n % 11) for n in range(80)]
        )
    records.appointment(
        record,
        NOW + timedelta(days=2),
        with_whom="my daughter and " * 300,
        planned_questions=[records.question(record, "Is it all right?")],
    )

    rendered = build_summary(record, SummaryOptions(), NOW)

    assert rendered.pages <= 2
    text = pdf_text(rendered.data)
    assert "Current 0" in text and "more treatments, see the full record." in text
    assert "symptom 0 1 0.0 (0)" in text and "more symptoms, see the full record." in text
    assert "Marker with a very long name" in text and "1. Is it all right?" in text
