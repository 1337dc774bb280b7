"""My situation in the record file, in the JSON export and on the command line."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from netjourney.cli import main
from netjourney.core import database
from netjourney.core.errors import InvalidInputError
from netjourney.core.guide import Guide
from netjourney.core.models import Question, QuestionStatus
from netjourney.core.questions import choose_from_library
from netjourney.core.record import JourneyRecord
from netjourney.core.situation import Situation
from netjourney.core.situation_store import (
    add_suggested_questions,
    load_situation,
    save_situation,
)
from netjourney.export.json_io import export_json, import_json, record_to_document
from tests.core.old_records import head_user_version

OLD_RECORD = Path(__file__).resolve().parents[1] / "data" / "record-0001_initial.sqlite"
KNOWN = Situation(
    tumor_type="atypical",
    stage="IIIA",
    removable="yes",
    lymph_nodes="yes",
    recurrence="none",
    thinking_of_stopping="no",
)


def test_a_new_record_knows_nothing_yet(record: JourneyRecord) -> None:
    assert load_situation(record) == Situation()


def test_saved_answers_are_there_after_reopening(record_path: Path, guide: Guide) -> None:
    first = JourneyRecord.open(record_path, guide)
    save_situation(first, KNOWN)
    save_situation(first, KNOWN.with_answer("bone_pain", "no"))
    first.close()

    again = JourneyRecord.open(record_path, guide)
    try:
        assert load_situation(again) == KNOWN.with_answer("bone_pain", "no")
    finally:
        again.close()
    with database.plain_sqlite(record_path) as connection:
        assert connection.execute("SELECT id, stage, bone_pain FROM situation").fetchall() == [
            (1, "IIIA", "no")
        ]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE situation SET stage = 'V'",
        "UPDATE situation SET recurrence = 'unknown'",
        "INSERT INTO situation (id) VALUES (2)",
    ],
)
def test_the_file_itself_refuses_a_value_or_row_the_app_does_not_know(
    record: JourneyRecord, statement: str
) -> None:
    save_situation(record, KNOWN)

    with sqlite3.connect(record.path) as connection, pytest.raises(sqlite3.IntegrityError):
        connection.execute(statement)
    connection.close()

    assert load_situation(record) == KNOWN


def test_a_record_from_release_0001_gains_an_empty_situation(tmp_path: Path, guide: Guide) -> None:
    copy = tmp_path / "journey.sqlite"
    shutil.copyfile(OLD_RECORD, copy)

    record = JourneyRecord.open(copy, guide)
    try:
        assert load_situation(record) == Situation()
        save_situation(record, KNOWN)
        assert load_situation(record) == KNOWN
    finally:
        record.close()
    with database.plain_sqlite(copy) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == head_user_version()
        assert database.read_marks(connection)[1] == database.head_revision()


ChosenQuestion = tuple[str | None, str, QuestionStatus, list[str]]


def chosen_questions(record: JourneyRecord) -> list[ChosenQuestion]:
    with record.reading() as session:
        rows = session.scalars(select(Question).where(Question.chosen).order_by(Question.id))
        return [(q.library_id, q.text, q.status, q.section_ids) for q in rows]


def test_suggested_questions_are_added_once_with_their_text_and_section(
    record: JourneyRecord, guide: Guide
) -> None:
    added = add_suggested_questions(record, ["choosing-goal", "support-transport", "choosing-goal"])
    again = add_suggested_questions(record, ["support-transport", "during-diet"])

    assert (added, again) == (["choosing-goal", "support-transport"], ["during-diet"])
    assert chosen_questions(record) == [
        (
            "choosing-goal",
            guide.library_question("choosing-goal").text,
            QuestionStatus.TO_ASK,
            ["questions-choosing"],
        ),
        (
            "support-transport",
            guide.library_question("support-transport").text,
            QuestionStatus.TO_ASK,
            ["questions-support"],
        ),
        (
            "during-diet",
            guide.library_question("during-diet").text,
            QuestionStatus.TO_ASK,
            ["questions-during"],
        ),
    ]


def test_a_question_set_aside_is_chosen_again_not_copied(record: JourneyRecord) -> None:
    set_aside = choose_from_library(record, "choosing-goal")
    with record.writing() as session:
        session.get(Question, set_aside.id).chosen = False  # type: ignore[union-attr]

    assert add_suggested_questions(record, ["choosing-goal"]) == ["choosing-goal"]
    assert [q[0] for q in chosen_questions(record)] == ["choosing-goal"]
    assert record.counts()["questions"] == 1


def test_an_unknown_suggested_question_adds_nothing(record: JourneyRecord) -> None:
    with pytest.raises(KeyError, match="no library question with id 'made-up'"):
        add_suggested_questions(record, ["choosing-goal", "made-up"])

    assert record.counts()["questions"] == 0


def test_the_export_always_holds_the_situation(record: JourneyRecord) -> None:
    assert record_to_document(record)["situation"] == dict.fromkeys(Situation().answers())

    save_situation(record, KNOWN)

    assert record_to_document(record)["situation"]["stage"] == "IIIA"


def test_export_import_export_keeps_the_situation(record: JourneyRecord, tmp_path: Path) -> None:
    save_situation(record, KNOWN)
    add_suggested_questions(record, ["choosing-goal", "side-effects-risks"])
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    export_json(record, first)

    copy = JourneyRecord.open(tmp_path / "copy.sqlite", record.guide)
    try:
        import_json(copy, first)
        export_json(copy, second)
        assert load_situation(copy) == KNOWN
    finally:
        copy.close()

    assert first.read_bytes() == second.read_bytes()


def import_with_situation(record: JourneyRecord, tmp_path: Path, situation: object) -> None:
    document = record_to_document(record)
    document["situation"] = situation
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    import_json(record, source)


@pytest.mark.parametrize(
    "situation, message",
    [
        ({**KNOWN.answers(), "stage": "V"}, "situation.stage: 'V' is not one of"),
        ({**KNOWN.answers(), "mood": "good"}, "situation.mood: is not an answer"),
        (
            {k: v for k, v in KNOWN.answers().items() if k != "spread"},
            "situation.spread: is missing",
        ),
        (["IIIA"], "situation: must be an object of answers"),
    ],
)
def test_an_import_with_a_bad_situation_is_refused_naming_the_field(
    record: JourneyRecord, tmp_path: Path, situation: object, message: str
) -> None:
    with pytest.raises(InvalidInputError, match=f"not valid at {message}.*Nothing was imported"):
        import_with_situation(record, tmp_path, situation)

    assert load_situation(record) == Situation()


def test_an_export_from_before_my_situation_imports_and_answers_are_content(
    record: JourneyRecord, tmp_path: Path
) -> None:
    document = record_to_document(record)
    del document["situation"]
    source = tmp_path / "old.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    import_json(record, source)
    assert load_situation(record) == Situation()
    save_situation(record, KNOWN)

    # Answers are content (issue 16.6): an import never replaces them silently.
    with pytest.raises(InvalidInputError, match="already holds records"):
        import_json(record, source)

    assert load_situation(record) == KNOWN


def test_the_command_line_records_answers_and_prints_the_path(
    record_path: Path, guide: Guide, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(record_path)]

    assert main(["situation", *db, "--set", "stage=IIIA", "--set", "tumor_type=atypical"]) == 0
    printed = capsys.readouterr().out
    assert main(["situation", *db]) == 0

    assert capsys.readouterr().out == printed  # the answers were kept
    assert "What stage is it? Stage IIIA" in printed
    assert "Stage IIIA can go either way" in printed
    assert "Can surgery take out all of the tumor?" in printed
    assert guide.source.caution[:60] in " ".join(printed.split())


def test_a_wrong_answer_on_the_command_line_saves_nothing(
    record_path: Path, guide: Guide, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(record_path)]

    code = main(["situation", *db, "--set", "stage=I", "--set", "stage=V"])

    assert code == 1
    error = capsys.readouterr().err
    assert "Cannot record 'stage=V'" in error and "Nothing was saved" in error
    record = JourneyRecord.open(record_path, guide)
    try:
        assert load_situation(record) == Situation()
    finally:
        record.close()
