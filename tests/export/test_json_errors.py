"""A bad JSON document is refused whole, and the message points at the bad field."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from netjourney.cli import main
from netjourney.core.errors import InvalidInputError
from netjourney.core.record import JourneyRecord
from netjourney.export.json_io import import_json as import_document
from netjourney.export.json_io import record_to_document
from tests.core.sample_records import counts_of


def test_the_good_document_imports(
    good_document: dict[str, Any], record: JourneyRecord, tmp_path: Path
) -> None:
    source = tmp_path / "good.json"
    source.write_text(json.dumps(good_document), encoding="utf-8")

    counts = import_document(record, source)

    assert counts == counts_of(care_team_members=2, questions=3, appointments=2, notes=2)
    assert record_to_document(record) == good_document


Change = Callable[[dict[str, Any]], Any]


def _step(step: str) -> str | int:
    return int(step) if step.isdigit() else step


def _parent(document: dict[str, Any], path: str) -> tuple[Any, str | int]:
    """The container holding the field at `path` (e.g. "notes.0.private"), and its key."""
    *steps, last = path.split(".")
    target: Any = document
    for step in steps:
        target = target[_step(step)]
    return target, _step(last)


def setter(path: str, value: Any) -> Change:
    def change(document: dict[str, Any]) -> None:
        parent, key = _parent(document, path)
        parent[key] = value

    return change


def remover(path: str) -> Change:
    def change(document: dict[str, Any]) -> None:
        parent, key = _parent(document, path)
        del parent[key]

    return change


BAD_DOCUMENTS: dict[str, tuple[Change, str]] = {
    "wrong format": (setter("format", "someone-elses-app"), "format"),
    "unsupported version": (setter("version", 99), "version"),
    "missing list": (remover("notes"), "notes"),
    "missing field": (remover("care_team.0.name"), "care_team[0].name"),
    "text not a string": (setter("questions.1.answer", 42), "questions[1].answer"),
    "flag not a boolean": (setter("notes.0.private", "yes"), "notes[0].private"),
    "number not a boolean": (setter("questions.0.chosen", 1), "questions[0].chosen"),
    "id not a number": (setter("care_team.0.id", "1"), "care_team[0].id"),
    "id true": (setter("questions.2.id", True), "questions[2].id"),
    "id too large for SQLite": (setter("notes.1.id", 2**64), "notes[1].id"),
    "row not an object": (setter("appointments.1", "tomorrow"), "appointments[1]"),
    "links not a list": (setter("notes.0.section_ids", "resectable"), "notes[0].section_ids"),
    "unknown section": (
        setter("questions.1.section_ids.0", "no-such-section"),
        "questions[1].section_ids[0]",
    ),
    "unknown role": (setter("care_team.1.role", "astrologer"), "care_team[1].role"),
    "unknown status": (setter("questions.0.status", "maybe"), "questions[0].status"),
    "dangling member": (setter("appointments.0.member_id", 999), "appointments[0].member_id"),
    "dangling member of a note": (setter("notes.1.member_id", 999), "notes[1].member_id"),
    "dangling appointment": (setter("notes.0.appointment_id", 7), "notes[0].appointment_id"),
    "dangling planned question": (
        setter("appointments.0.planned_question_ids.1", 99),
        "appointments[0].planned_question_ids[1]",
    ),
    "planned question twice": (
        setter("appointments.0.planned_question_ids", [1, 1]),
        "appointments[0].planned_question_ids[1]",
    ),
    "planned question not a number": (
        setter("appointments.0.planned_question_ids", [[1]]),
        "appointments[0].planned_question_ids[0]",
    ),
    "unknown time zone": (
        setter("appointments.1.time_zone", "Mars/Olympus_Mons"),
        "appointments[1].time_zone",
    ),
    "time zone that is a path": (
        setter("appointments.1.time_zone", "../../etc/passwd"),
        "appointments[1].time_zone",
    ),
    "end before start": (
        setter("appointments.0.ends_at", "2025-02-03T13:59:59+00:00"),
        "appointments[0].ends_at",
    ),
    "time without offset": (
        setter("notes.0.created_at", "2025-02-03T10:00:00"),
        "notes[0].created_at",
    ),
    "time not a time": (
        setter("questions.0.created_at", "last Tuesday"),
        "questions[0].created_at",
    ),
    "time beyond what can be stored": (
        setter("appointments.1.starts_at", "0001-01-01T00:00:00+05:00"),
        "appointments[1].starts_at",
    ),
    "date not a date": (
        setter("questions.0.answered_on", "2025-02-30"),
        "questions[0].answered_on",
    ),
    "time zone that is a folder": (
        setter("appointments.1.time_zone", "America"),
        "appointments[1].time_zone",
    ),
    "time zone of 5,000 characters": (
        setter("appointments.1.time_zone", "Europe/" + "x" * 5000),
        "appointments[1].time_zone",
    ),
    "version true": (setter("version", True), "version"),
    "version 1.0": (setter("version", 1.0), "version"),
    "version as text": (setter("version", "1"), "version"),
    "unknown library question": (
        setter("questions.0.library_id", "no-such-question"),
        "questions[0].library_id",
    ),
    "duplicate member id": (setter("care_team.1.id", 1), "care_team[1].id"),
    "duplicate note id": (setter("notes.1.id", 1), "notes[1].id"),
}


@pytest.mark.parametrize("bad", BAD_DOCUMENTS.values(), ids=BAD_DOCUMENTS.keys())
def test_a_bad_document_is_refused_naming_the_field(
    good_document: dict[str, Any],
    record: JourneyRecord,
    tmp_path: Path,
    bad: tuple[Change, str],
) -> None:
    change, field_path = bad
    document = json.loads(json.dumps(good_document))  # a deep copy
    change(document)
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(document), encoding="utf-8")

    with pytest.raises(InvalidInputError) as raised:
        import_document(record, source)

    assert f"The JSON file is not valid at {field_path}: " in str(raised.value)
    assert "Nothing was imported" in str(raised.value)
    assert record.is_empty()


@pytest.mark.parametrize("content", [b"", b"{not json", b"\xff\xfe\x00garbage", b"[]"])
def test_a_file_that_is_not_a_document_is_refused(
    content: bytes, record: JourneyRecord, tmp_path: Path
) -> None:
    source = tmp_path / "bad.json"
    source.write_bytes(content)

    with pytest.raises(InvalidInputError, match="not a NET Journey|cannot be read as"):
        import_document(record, source)

    assert record.is_empty()


def test_a_missing_file_is_refused(record: JourneyRecord, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="cannot be read"):
        import_document(record, tmp_path / "nowhere.json")

    assert record.is_empty()


def _note_title(title_json: str) -> Callable[[str], str]:
    """The good document's text with the first note's title replaced by raw JSON."""

    def change(text: str) -> str:
        document = json.loads(text)
        document["notes"][0]["title"] = "PLACEHOLDER"
        return json.dumps(document).replace('"PLACEHOLDER"', title_json)

    return change


RAW_DOCUMENTS: dict[str, Callable[[str], str]] = {
    "nested 100,000 deep": lambda text: (
        text[:-1] + ', "deep": ' + "[" * 100_000 + "]" * 100_000 + "}"
    ),
    "a lone surrogate in a text": _note_title('"before \\ud800 after"'),
    "a lone low surrogate": _note_title('"\\udc00"'),
    "a 5,000-digit integer": lambda text: text.replace('"id": 1,', '"id": ' + "9" * 5000 + ",", 1),
}


@pytest.mark.parametrize("make", RAW_DOCUMENTS.values(), ids=RAW_DOCUMENTS.keys())
def test_hostile_json_is_refused_in_one_line_by_the_command(
    good_document: dict[str, Any],
    tmp_path: Path,
    make: Callable[[str], str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 17 item 3: each of these once ended in a traceback."""
    source = tmp_path / "hostile.json"
    source.write_text(make(json.dumps(good_document)), encoding="utf-8")
    target = tmp_path / "target.sqlite"

    assert main(["--db", str(target), "import-json", str(source)]) == 1

    printed = capsys.readouterr()
    assert printed.err.count("\n") == 1 and "Traceback" not in printed.err
    assert "cannot be read as a NET Journey JSON file" in printed.err
    assert not target.exists()  # a refused import into a new file leaves no file at all
