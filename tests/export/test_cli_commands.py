"""Issue 17 items 6 and 11: finding an appointment's number, --parts in the README's order,
My situation's answers in --help, and clear one-line refusals."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from netjourney.cli import main
from netjourney.core.record import JourneyRecord
from netjourney.core.situation import ANSWERS
from tests.export import records
from tests.export.records import NOW, pdf_reader


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as stop:  # argparse's refusals and --help
        code = int(stop.code or 0)
    printed = capsys.readouterr()
    return code, printed.out, printed.err


def test_appointments_lists_each_with_its_number_date_time_whom_and_where(
    record: JourneyRecord, capsys: pytest.CaptureFixture[str]
) -> None:
    doctor = records.member(record, "Dr. Ann Lee", role="pulmonologist")
    later = records.appointment(
        record, NOW + timedelta(days=9), member=doctor, location="Suite 210"
    )
    sooner = records.appointment(record, NOW + timedelta(days=2), with_whom="the nurse")
    record.close()

    code, out, err = run(capsys, "--db", str(record.path), "appointments")

    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split()[0] == str(sooner.id)
    assert "the nurse" in lines[0] and "(where not set)" in lines[0]
    assert lines[1].split()[0] == str(later.id)
    assert "Sun, May 10, 2026, 8:00 AM EDT" in lines[1]
    assert "Dr. Ann Lee (Pulmonologist)" in lines[1]
    assert "Suite 210" in lines[1]


def test_appointments_says_when_there_are_none(
    record: JourneyRecord, capsys: pytest.CaptureFixture[str]
) -> None:
    record.close()
    assert run(capsys, "--db", str(record.path), "appointments")[1] == (
        "There are no appointments in this record yet.\n"
    )


@pytest.mark.parametrize("number", ["99999999999999999999", "0", "-3", "abc", "1e3"])
def test_visit_sheet_refuses_what_cannot_be_a_number_in_one_line(
    record: JourneyRecord, capsys: pytest.CaptureFixture[str], tmp_path: Path, number: str
) -> None:
    record.close()
    out = tmp_path / "sheet.pdf"

    code, _, err = run(capsys, "--db", str(record.path), "visit-sheet", "--", number, str(out))

    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "is not a record number; netjourney appointments lists them" in err
    assert not out.exists()


def test_visit_sheet_of_a_number_no_appointment_has_does_not_guess_it_was_removed(
    record: JourneyRecord, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    record.close()

    code, _, err = run(capsys, "--db", str(record.path), "visit-sheet", "99", str(tmp_path / "s"))

    assert code == 1
    assert "No appointment has the number 99" in err
    assert "removed" not in err


@pytest.mark.parametrize(
    "arguments",
    [
        ["--parts", "care-team", "upcoming", "OUT"],  # the README's order
        ["--parts", "care-team,upcoming", "OUT"],
        ["OUT", "--parts", "care-team", "upcoming"],
    ],
    ids=["readme-order", "comma-list", "out-first"],
)
def test_export_pdf_parts_in_any_order(
    record: JourneyRecord,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    arguments: list[str],
) -> None:
    records.member(record, "Dr. Ann Lee")
    record.close()
    out = tmp_path / "journey.pdf"
    arguments = [str(out) if a == "OUT" else a for a in arguments]

    code, _, err = run(capsys, "--db", str(record.path), "export-pdf", *arguments)

    assert (code, err) == (0, "")
    outline = [o.title for o in pdf_reader(out.read_bytes()).outline]
    assert outline[1:] == ["Care team", "Upcoming appointments"]


def test_an_unknown_part_is_refused_naming_the_parts(
    record: JourneyRecord, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    record.close()
    out = tmp_path / "journey.pdf"

    code, _, err = run(
        capsys, "--db", str(record.path), "export-pdf", "--parts", "team", "notes", str(out)
    )

    assert code == 1
    assert err == (
        "netjourney: 'team' is not a part of the journey PDF; the parts are situation, "
        "care-team, upcoming, past, treatments, tests, scans, diary, decisions, second-opinions, "
        "trials, questions, notes, guide\n"
    )
    assert not out.exists()


def test_situation_help_lists_every_answer_and_its_values(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "situation", "--help")

    assert code == 0
    for answer in ANSWERS:
        line = next(line for line in out.splitlines() if line.split()[:1] == [answer.name])
        assert line.split(None, 1)[1] == ", ".join([*answer.values, "unknown"])


def test_a_wrong_answer_is_explained_without_python_lists(
    record: JourneyRecord, capsys: pytest.CaptureFixture[str]
) -> None:
    record.close()

    _, _, wrong_value = run(capsys, "--db", str(record.path), "situation", "--set", "stage=V")
    _, _, wrong_name = run(capsys, "--db", str(record.path), "situation", "--set", "stag=IV")

    assert "'V' is not one of I, II, IIIA, IIIB, IIIC, IV, unknown." in wrong_value
    assert "the answers are tumor_type, stage, removable," in wrong_name
    assert "[" not in wrong_value + wrong_name
