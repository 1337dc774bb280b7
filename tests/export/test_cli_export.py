"""The export-pdf, visit-sheet and export-ics commands, run as a user would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from netjourney.cli import main
from netjourney.core.record import JourneyRecord
from tests.export import records
from tests.export.records import pdf_reader, pdf_text


def run(record: JourneyRecord, *args: str) -> int:
    return main(["--db", str(record.path), *args])


def test_export_pdf_leaves_private_notes_out_by_default(
    record: JourneyRecord,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    records.note(record, "Shared note")
    records.note(record, "My own worry", private=True)
    out = tmp_path / "journey.pdf"

    assert run(record, "export-pdf", str(out), "--name", "Maria Pérez") == 0

    text = pdf_text(out.read_bytes())
    assert "Maria Pérez" in text and "Shared note" in text
    assert "My own worry" not in text
    assert f"without private notes) to {out}" in capsys.readouterr().out


def test_export_pdf_takes_private_notes_dates_and_parts(
    record: JourneyRecord, tmp_path: Path
) -> None:
    records.note(
        record, "Worry in April", private=True, created_at=datetime(2026, 4, 10, 12, tzinfo=UTC)
    )
    records.note(record, "Old note", created_at=datetime(2025, 1, 10, 12, tzinfo=UTC))
    records.member(record, "Dr. Left Out")
    out = tmp_path / "journey.pdf"

    code = run(
        record,
        "export-pdf",
        str(out),
        "--include-private",
        "--from",
        "2026-04-01",
        "--to",
        "2026-04-30",
        "--parts",
        "notes",
        "upcoming",
    )

    assert code == 0
    text = pdf_text(out.read_bytes())
    assert "Worry in April" in text
    assert "Old note" not in text and "Dr. Left Out" not in text
    assert [o.title for o in pdf_reader(out.read_bytes()).outline][1:] == [
        "Upcoming appointments",
        "Notes",
    ]


def test_a_malformed_date_is_refused_with_the_expected_form(
    record: JourneyRecord,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(record, "export-pdf", str(tmp_path / "j.pdf"), "--from", "1/4/2026")

    assert stopped.value.code == 2
    assert "'1/4/2026' is not a date; write it as YYYY-MM-DD" in capsys.readouterr().err


def test_a_reversed_range_says_what_to_do(
    record: JourneyRecord, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "j.pdf"

    code = run(record, "export-pdf", str(out), "--from", "2026-05-02", "--to", "2026-05-01")

    assert code == 1
    assert "swap the two dates" in capsys.readouterr().err
    assert not out.exists()


def test_visit_sheet_writes_one_page(
    record: JourneyRecord, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    visit = records.appointment(
        record, datetime(2026, 6, 9, 12, tzinfo=UTC), purpose="Pre-surgery visit"
    )
    out = tmp_path / "sheet.pdf"

    assert run(record, "visit-sheet", str(visit.id), str(out)) == 0

    assert "Pre-surgery visit" in pdf_text(out.read_bytes())
    assert f"Wrote the visit sheet (1 page) to {out}" in capsys.readouterr().out


def test_visit_sheet_of_an_unknown_appointment_fails_clearly(
    record: JourneyRecord,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run(record, "visit-sheet", "42", str(tmp_path / "sheet.pdf")) == 1

    assert "No appointment has the number 42" in capsys.readouterr().err


def test_export_ics_writes_the_upcoming_appointments(
    record: JourneyRecord,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    soon = datetime.now(UTC) + timedelta(days=2)
    records.appointment(record, soon, "Europe/Paris", purpose="Scan")
    records.appointment(record, soon - timedelta(days=30), purpose="Long ago")
    out = tmp_path / "visits.ics"

    assert run(record, "export-ics", str(out)) == 0

    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    assert [str(e["summary"]) for e in calendar.events] == ["Scan"]
    assert f"Wrote 1 upcoming appointment to {out}" in capsys.readouterr().out


def _without_root_override() -> list[str]:
    """A prefix that makes root obey file permissions, as an ordinary user does."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot bind")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX folder permissions")
@pytest.mark.parametrize("command", [["export-pdf"], ["export-ics"]])
def test_a_read_only_folder_keeps_the_old_file(
    record: JourneyRecord, tmp_path: Path, command: list[str]
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    out = folder / "export"
    out.write_bytes(b"the previous export")
    folder.chmod(0o555)
    try:
        result = subprocess.run(
            [
                *_without_root_override(),
                sys.executable,
                "-m",
                "netjourney",
                "--db",
                str(record.path),
                *command,
                str(out),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        folder.chmod(0o755)

    assert result.returncode == 1
    assert f"Could not write {out}" in result.stderr
    assert "Nothing was changed there" in result.stderr
    assert out.read_bytes() == b"the previous export"
    assert [p.name for p in folder.iterdir()] == ["export"]


def test_the_command_line_starts_without_loading_reportlab() -> None:
    probe = "import sys, netjourney.cli; print(sorted(m for m in sys.modules if 'reportlab' in m))"

    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60
    )

    assert result.stdout.strip() == "[]", result.stderr
