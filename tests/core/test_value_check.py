"""Issue 17 item 5: values another program left behind are found by check and shown flagged.

SQLite's integrity checks call a note dated 'garbage' or a question whose status is
'weird' healthy; `check` must name them, and the exports and pages must show such
rows instead of failing on them.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from netjourney.cli import main
from netjourney.core import database
from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from tests.core.sample_records import add_sample_records
from tests.export.records import pdf_text


def _write_raw(path: Path, *statements: str) -> None:
    """As another tool could: with the file's CHECK constraints switched off."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA ignore_check_constraints = 1")
        for statement in statements:
            connection.execute(statement)
        connection.commit()


@pytest.fixture
def spoiled(record_path: Path, guide: Guide) -> Path:
    record = JourneyRecord.open(record_path, guide)
    add_sample_records(record)
    record.close()
    _write_raw(
        record_path,
        "UPDATE notes SET created_at = 'garbage' WHERE id = (SELECT min(id) FROM notes)",
        "UPDATE questions SET status = 'weird' WHERE id = (SELECT min(id) FROM questions)",
        "UPDATE questions SET status = 'answered', answered_on = 'soon'"
        " WHERE id = (SELECT max(id) FROM questions WHERE chosen)",
    )
    return record_path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    printed = capsys.readouterr()
    return code, printed.out, printed.err


def test_check_names_each_bad_value_and_fails(
    spoiled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_raw(
        spoiled,
        "UPDATE care_team_members SET name = X'00ff' WHERE id = 1",
        "UPDATE questions SET chosen = 7 WHERE id = (SELECT max(id) FROM questions)",
        "UPDATE questions SET answered_on = 'soon' WHERE id = (SELECT max(id) FROM questions)",
    )

    code, out, _ = _run(capsys, "--db", str(spoiled), "check")

    assert code == 1
    assert "notes row 1, created_at: 'garbage' is not a time" in out
    assert "status: 'weird' is not one of to_ask, asked, answered, not_needed" in out
    assert "name: b'\\x00\\xff' is not text" in out
    assert "chosen: 7 is not one of 0, 1" in out
    assert "answered_on: 'soon' is not a date" in out
    assert "healthy" not in out


def test_a_healthy_record_has_no_bad_values(
    record_path: Path, guide: Guide, capsys: pytest.CaptureFixture[str]
) -> None:
    record = JourneyRecord.open(record_path, guide)
    add_sample_records(record)
    record.close()

    code, out, _ = _run(capsys, "--db", str(record_path), "check")

    assert code == 0, out
    assert "value" not in out.replace("value checks", "").replace(database.head_revision(), "")


def test_exports_keep_and_flag_the_bad_values(
    spoiled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "record.json"
    pdf = tmp_path / "journey.pdf"

    json_code, _, json_err = _run(capsys, "--db", str(spoiled), "export-json", str(document))
    pdf_code, _, pdf_err = _run(
        capsys, "--db", str(spoiled), "export-pdf", "--include-private", str(pdf)
    )

    assert (json_code, json_err, pdf_code, pdf_err) == (0, "", 0, "")
    exported = json.loads(document.read_text())
    assert "garbage" in [note["created_at"] for note in exported["notes"]]
    assert "weird" in [question["status"] for question in exported["questions"]]
    assert "soon" in [question["answered_on"] for question in exported["questions"]]
    text = pdf_text(pdf.read_bytes())
    assert "Unknown status 'weird'" in text
    assert "Written [unreadable date: netjourney check names it]" in text
    assert "Answered on [unreadable date: netjourney check names it]" in text


def test_appointments_lists_a_bad_start_flagged(
    spoiled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_raw(spoiled, "UPDATE appointments SET starts_at = 'someday' WHERE id = 1")

    code, out, err = _run(capsys, "--db", str(spoiled), "appointments")

    assert (code, err) == (0, "")
    [line] = [line for line in out.splitlines() if line.split()[0] == "1"]
    assert line.startswith("1  [unreadable date: netjourney check names it]")
