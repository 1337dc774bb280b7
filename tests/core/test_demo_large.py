"""The large demo: five years of a journey, here shrunk to 2% so the tests stay quick."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from netjourney.cli import main
from netjourney.core.checks import check_record
from netjourney.core.errors import InvalidInputError
from netjourney.core.guide import Guide
from netjourney.core.models import Note, Question, QuestionStatus
from netjourney.core.record import JourneyRecord
from netjourney.core.registry import kinds
from netjourney.core.search import search_records
from netjourney.demo.large import RARE_WORDS, fill_large_demo
from tests.core.sample_records import counts_of

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
SCALE = 0.02


@pytest.fixture
def filled(record: JourneyRecord) -> JourneyRecord:
    fill_large_demo(record, NOW, scale=SCALE)
    return record


def test_it_makes_each_kind_of_record_in_proportion(filled: JourneyRecord) -> None:
    counts = filled.counts()
    assert counts == counts_of(
        care_team_members=1,
        questions=8,
        appointments=12,
        notes=200,
        treatments=1,
        doses=1,
        measurements=1,
        scans=1,
        diary_entries=36,
        symptom_ratings=counts["symptom_ratings"],
        decisions=1,
        decision_options=2,
        second_opinions=1,
        clinical_trials=1,
    )
    assert 5 * 36 <= counts["symptom_ratings"] <= 6 * 36  # the five defaults, some own


def test_every_record_is_linked_to_a_guide_section(filled: JourneyRecord) -> None:
    with filled.reading() as session:
        linked_sections = set()
        for kind in kinds():
            model = kind.model
            unlinked = session.scalar(
                select(func.count()).select_from(model).where(~model.section_links.any())
            )
            assert unlinked == 0, kind.table_name
            linked_sections |= set(session.scalars(select(model.link_model.section_id)))
    assert linked_sections <= set(filled.guide.section_ids)


def test_notes_average_about_800_characters_and_questions_carry_answers(
    filled: JourneyRecord,
) -> None:
    with filled.reading() as session:
        average = session.scalar(select(func.avg(func.length(Note.body))))
        answered = session.scalars(
            select(Question).where(Question.status == QuestionStatus.ANSWERED)
        ).all()
    assert 650 <= average <= 950
    assert answered and all(q.answer and q.answered_by and q.answered_on for q in answered)


def test_the_rare_words_are_found_by_search(filled: JourneyRecord) -> None:
    for word in RARE_WORDS:
        hits = search_records(filled, word)
        assert hits and all(hit.kind == "note" for hit in hits), word


def test_the_same_seed_makes_the_same_journey(tmp_path: Path, guide: Guide) -> None:
    bodies = []
    for name in ("one.sqlite", "two.sqlite"):
        record = JourneyRecord.open(tmp_path / name, guide)
        fill_large_demo(record, NOW, seed=7, scale=SCALE)
        with record.reading() as session:
            bodies.append(session.scalars(select(Note.body).order_by(Note.id)).all())
        record.close()
    assert bodies[0] == bodies[1]


def test_the_filled_record_passes_check(filled: JourneyRecord) -> None:
    filled.close()
    report = check_record(filled.path)
    assert report.healthy, report.problems
    assert report.counts["notes"] == 200


def test_a_record_that_holds_data_is_refused_and_kept(filled: JourneyRecord) -> None:
    before = filled.counts()
    with pytest.raises(InvalidInputError, match="already holds records"):
        fill_large_demo(filled, NOW, scale=SCALE)
    assert filled.counts() == before


def test_the_command_makes_the_full_size_record(
    record_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(record_path), "demo", "--size", "large"]) == 0
    printed = capsys.readouterr().out
    assert "10,000 notes" in printed
    assert "1 treatment, 65 doses, 60 test results, 30 scans, 1,800 diary days" in printed
