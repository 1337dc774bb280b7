"""netjourney export-summary, run as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from netjourney.cli import main
from netjourney.core.record import JourneyRecord
from tests.export import records
from tests.export.records import pdf_reader, pdf_text

pytestmark = pytest.mark.usefixtures("british_dates")  # the dates below are spelled out


def run(record: JourneyRecord, *args: str) -> int:
    return main(["--db", str(record.path), *args])


def test_the_summary_names_the_patient_and_the_chosen_visits_questions(
    record: JourneyRecord, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    soon = datetime.now(UTC) + timedelta(days=3)
    records.appointment(
        record, soon, planned_questions=[records.question(record, "Next visit's question?")]
    )
    later = records.appointment(
        record,
        soon + timedelta(days=30),
        planned_questions=[records.question(record, "Later visit's question?")],
    )
    out = tmp_path / "-Patient #1 ?x=1 %41 Ünïcødé" / "summary #1 ?%.pdf"  # an odd path
    out.parent.mkdir()

    code = run(
        record,
        "export-summary",
        str(out),
        "--patient-name",
        "Maria Pérez",
        "--birth-date",
        "1958-03-02",
        "--for-appointment",
        str(later.id),
    )

    assert code == 0
    text = pdf_text(out.read_bytes())
    assert "Patient: Maria Pérez · Date of birth: 2 Mar 1958" in text
    assert "1. Later visit's question?" in text and "Next visit's question?" not in text
    assert capsys.readouterr().out == f"Wrote the clinical summary (1 page) to {out}\n"
    assert out.stat().st_mode & 0o777 == 0o600


def test_every_open_question_can_be_listed(record: JourneyRecord, tmp_path: Path) -> None:
    records.appointment(
        record,
        datetime.now(UTC) + timedelta(days=3),
        planned_questions=[records.question(record, "Planned?")],
    )
    records.question(record, "Not planned yet?")
    out = tmp_path / "summary.pdf"

    assert run(record, "export-summary", str(out), "--questions", "open") == 0

    assert "1. Planned? 2. Not planned yet?" in pdf_text(out.read_bytes())


def test_a_dash_writes_the_pdf_to_standard_output(record: JourneyRecord, tmp_path: Path) -> None:
    here = tmp_path / "here"
    here.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "netjourney", "--db", str(record.path), "export-summary", "-"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=here,
        capture_output=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert len(pdf_reader(result.stdout).pages) == 1
    assert result.stderr.decode() == "Wrote the clinical summary (1 page) to -\n"
    assert list(here.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--birth-date", "02/03/1958"], "'02/03/1958' is not a date; write it as YYYY-MM-DD"),
        (["--birth-date", "2999-01-01"], "2999-01-01 cannot be a date of birth"),
        (["--for-appointment", "7"], "No appointment has the number 7"),
        (["--for-appointment", "0"], "'0' is not a record number"),
        (["--questions", "all"], "invalid choice: 'all'"),
        (["--questions", "open", "--for-appointment", "1"], "not allowed with argument"),
        (["--patient-name", "x" * 61], "Shorten it"),
    ],
)
def test_bad_choices_are_refused_in_one_line_and_nothing_is_written(
    record: JourneyRecord,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    out = tmp_path / "summary.pdf"

    try:
        code = run(record, "export-summary", str(out), *args)
    except SystemExit as refused:  # argparse refuses before the command runs
        code = int(refused.code or 0)

    assert code != 0
    error = capsys.readouterr().err
    assert message in error and len(error.strip().splitlines()) == 1
    assert not out.exists()
