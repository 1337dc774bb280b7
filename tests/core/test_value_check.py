"""Issue 17 item 5: values another program left behind are found by check and shown flagged.

SQLite's integrity checks call a note dated 'garbage' or a question whose status is
'weird' healthy; `check` must name them, and the exports and pages must show such
rows instead of failing on them.
"""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from netjourney.cli import main
from netjourney.core import database
from netjourney.core.dates import short_date
from netjourney.core.guide import Guide
from netjourney.core.models import Base, StoredText, readable_text
from netjourney.core.record import JourneyRecord
from netjourney.core.stored_values import UNREADABLE_TEXT
from tests.core.journey_records import add_journey_records
from tests.core.sample_records import add_sample_records
from tests.export.records import pdf_text


def _write_raw(path: Path, *statements: str) -> None:
    """As another tool could: with the file's CHECK constraints switched off."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA ignore_check_constraints = 1")
        for statement in statements:
            connection.execute(statement)
        connection.commit()


NOT_UTF8 = b"\xff\x00\xfe"
STAND_IN = UNREADABLE_TEXT.format("3 bytes")


BLOB = f"X'{NOT_UTF8.hex()}'"
TEXT_NOT_UTF8 = "CAST(X'ff41' AS TEXT)"


def blob_every_text(path: Path, stored: str = BLOB) -> list[str]:
    """Store `stored` (SQL: by default a BLOB of bytes that are not UTF-8) in every text
    column of each table's first row, as another tool could; return the 'table.column'
    names changed. Links and ids are left alone: a BLOB there is a broken link, which
    check reports as damage."""
    blobbed = []
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA ignore_check_constraints = 1")
        for table in Base.metadata.sorted_tables:
            key = next(iter(table.primary_key.columns)).name
            columns = [
                column.name
                for column in table.columns
                if isinstance(column.type, StoredText)
                and not (column.primary_key or column.foreign_keys)
            ]
            if not columns or table.name.endswith("_section_links"):
                continue
            changed = connection.execute(
                f'UPDATE "{table.name}" SET {", ".join(f"{name} = {stored}" for name in columns)} '
                f'WHERE "{key}" = (SELECT min("{key}") FROM "{table.name}")'
            ).rowcount
            blobbed += [f"{table.name}.{name}" for name in columns] if changed else []
        connection.commit()
    return blobbed


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
    assert "weird (not a status this version knows: netjourney check names it)" in text
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


def test_a_blob_in_text_is_read_as_its_words_or_a_stand_in() -> None:
    assert readable_text("Dr. Ünal".encode()) == "Dr. Ünal"
    assert readable_text(NOT_UTF8) == STAND_IN
    assert readable_text(b"\xff") == UNREADABLE_TEXT.format("1 byte")
    assert readable_text(42) == "42"


@pytest.fixture
def with_journey(spoiled: Path, guide: Guide) -> Path:
    """The spoiled record with a row of every journey kind too."""
    record = JourneyRecord.open(spoiled, guide)
    add_journey_records(record)
    record.close()
    return spoiled


@pytest.mark.parametrize(
    ("stored", "problem"),
    [(BLOB, "is not text"), (TEXT_NOT_UTF8, "is text whose bytes are not UTF-8")],
    ids=["blob", "text not utf-8"],
)
def test_check_names_a_blob_or_bad_text_in_every_text_column(
    with_journey: Path, capsys: pytest.CaptureFixture[str], stored: str, problem: str
) -> None:
    spoiled = with_journey
    blobbed = blob_every_text(spoiled, stored)
    assert "treatments.planned_dates" in blobbed and "notes.title" in blobbed

    code, out, err = _run(capsys, "--db", str(spoiled), "check")

    assert code == 1 and "did not pass the check" in err
    assert f"{len(blobbed) + 3} stored value(s) are not what their column holds" in out
    assert re.search(f"notes row 1, title: b'.*' {problem}", out), out


EVERY_READING_COMMAND = [
    ["export-json", "OUT.json"],
    ["export-json", "-"],
    ["export-pdf", "--include-private", "OUT.pdf"],
    ["export-ics", "OUT.ics"],
    ["visit-sheet", "1", "OUT.pdf"],
    ["appointments"],
    ["upcoming", "--days", "3660"],
    ["situation"],
    ["backups"],
]


@pytest.mark.parametrize(
    ("stored", "shown"), [(BLOB, STAND_IN), (TEXT_NOT_UTF8, "\ufffdA")], ids=["blob", "not utf-8"]
)
@pytest.mark.parametrize("command", EVERY_READING_COMMAND, ids=" ".join)
def test_every_command_shows_a_blob_or_bad_text_instead_of_failing(
    with_journey: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    stored: str,
    shown: str,
) -> None:
    spoiled = with_journey
    blob_every_text(spoiled, stored)
    out_file = tmp_path / f"out{Path(command[-1]).suffix}"
    argv = [str(out_file) if word.startswith("OUT") else word for word in command]

    code, out, err = _run(capsys, "--db", str(spoiled), *argv)

    assert code == 0
    assert err == ("" if command[-1] != "-" else err.splitlines()[0] + "\n")  # says where
    if out_file.suffix == ".json" or command[-1] == "-":
        exported = out_file.read_text() if out_file.suffix == ".json" else out
        assert shown in [note["title"] for note in json.loads(exported)["notes"]]
    if out_file.suffix == ".pdf":
        assert shown in pdf_text(out_file.read_bytes()).replace("\n", " ")


def test_planned_dates_that_are_not_dates_are_named_and_the_rest_kept(
    with_journey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_raw(
        with_journey,
        "UPDATE treatments SET repeat_every = NULL, repeat_unit = NULL,"
        " stopped_on = NULL, planned_dates = 'garbage 2030-03-01'"
        " WHERE id = (SELECT max(id) FROM treatments)",
    )
    calendar = tmp_path / "o.ics"

    check_code, checked, _ = _run(capsys, "--db", str(with_journey), "check")
    upcoming_code, upcoming, upcoming_err = _run(
        capsys, "--db", str(with_journey), "upcoming", "--days", "3660"
    )
    ics_code, _, ics_err = _run(capsys, "--db", str(with_journey), "export-ics", str(calendar))

    assert check_code == 1
    assert "planned_dates: 'garbage 2030-03-01' holds 'garbage' is not a date" in checked
    assert (upcoming_code, upcoming_err, ics_code, ics_err) == (0, "", 0, "")
    assert short_date(date(2030, 3, 1), weekday=True) in upcoming and "Dose due" in upcoming
    assert "DTSTART;VALUE=DATE:20300301" in calendar.read_text()


def test_a_time_zone_this_computer_does_not_know_is_named_and_shown_in_utc(
    spoiled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_raw(spoiled, "UPDATE appointments SET time_zone = 'America'")  # a folder of zones

    check_code, checked, _ = _run(capsys, "--db", str(spoiled), "check")
    results = [
        _run(capsys, "--db", str(spoiled), *command)
        for command in (
            ["appointments"],
            ["upcoming", "--days", "3660"],
            ["export-ics", str(tmp_path / "o.ics")],
            ["export-pdf", str(tmp_path / "o.pdf")],
            ["visit-sheet", "1", str(tmp_path / "v.pdf")],
        )
    ]

    assert check_code == 1
    assert "time_zone: 'America' is not a time zone this computer knows" in checked
    assert [(code, err) for code, _, err in results] == [(0, "")] * len(results)
    assert " UTC  " in results[0][1]


def test_times_at_the_ends_of_the_calendar_and_a_dose_in_9999_are_shown_not_fatal(
    with_journey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_raw(
        with_journey,
        "UPDATE appointments SET starts_at = '0001-01-01 00:00:00.000000' WHERE id = 1",
        "UPDATE notes SET updated_at = '9999-12-31 23:59:59.999999' WHERE id = 2",
        "UPDATE doses SET given_on = '9999-12-31' WHERE id = (SELECT max(id) FROM doses)",
    )

    check_code, checked, _ = _run(capsys, "--db", str(with_journey), "check")
    results = [
        _run(capsys, "--db", str(with_journey), *command)
        for command in (
            ["appointments"],
            ["upcoming", "--days", "3660"],
            ["export-ics", str(tmp_path / "o.ics")],
            ["export-pdf", "--include-private", str(tmp_path / "o.pdf")],
            ["visit-sheet", "1", str(tmp_path / "v.pdf")],
            ["export-json", str(tmp_path / "o.json")],
        )
    ]

    assert check_code == 1
    assert "starts_at: '0001-01-01 00:00:00.000000' is not a time that can be shown" in checked
    assert "updated_at: '9999-12-31 23:59:59.999999' is not a time that can be shown" in checked
    assert [(code, err) for code, _, err in results] == [(0, "")] * len(results)
    assert "1  [unreadable date" in results[0][1]
    exported = json.loads((tmp_path / "o.json").read_text())
    assert "0001-01-01 00:00:00.000000" in [a["starts_at"] for a in exported["appointments"]]


def test_check_names_an_infinite_or_textual_test_value(
    with_journey: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_raw(
        with_journey,
        "UPDATE measurements SET value = 9e999 WHERE id = (SELECT min(id) FROM measurements)",
        "UPDATE measurements SET value = 'lots' WHERE id = (SELECT max(id) FROM measurements)",
    )

    code, out, _ = _run(capsys, "--db", str(with_journey), "check")

    assert code == 1
    assert "value: inf is not a finite number" in out
    assert "value: 'lots' is not a number" in out
