"""`netjourney export-json` and `import-json` as a user runs them."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from netjourney.cli import main
from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from tests.core.sample_records import add_sample_records


@pytest.fixture
def filled_path(tmp_path: Path, guide: Guide) -> Path:
    path = tmp_path / "filled.sqlite"
    record = JourneyRecord.open(path, guide)
    add_sample_records(record)
    record.close()
    return path


def test_export_import_export_through_the_command_line(
    filled_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    copy = tmp_path / "copy.sqlite"

    assert main(["--db", str(filled_path), "export-json", str(first)]) == 0
    assert main(["--db", str(copy), "import-json", str(first)]) == 0
    assert main(["export-json", "--db", str(copy), str(second)]) == 0  # --db after the command

    assert first.read_bytes() == second.read_bytes()
    printed = capsys.readouterr().out
    counts = "2 care-team members, 3 questions, 2 appointments, 2 notes"
    assert f"Exported {counts} to {first}" in printed
    assert f"Imported {counts} into {copy}" in printed
    assert stat.S_IMODE(first.stat().st_mode) == 0o600


def test_an_import_error_exits_1_and_names_the_field(
    filled_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bad.json"
    main(["--db", str(filled_path), "export-json", str(source)])
    document = json.loads(source.read_text(encoding="utf-8"))
    document["notes"][0]["private"] = "yes"
    source.write_text(json.dumps(document), encoding="utf-8")
    target = tmp_path / "target.sqlite"
    capsys.readouterr()

    assert main(["--db", str(target), "import-json", str(source)]) == 1

    printed = capsys.readouterr()
    assert "notes[0].private: must be true or false" in printed.err
    assert "Traceback" not in printed.err and printed.out == ""
    assert not target.exists()  # a failed import into a new file leaves no file (17.8)


def test_importing_into_a_record_with_data_exits_1_and_changes_nothing(
    filled_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    main(["--db", str(filled_path), "export-json", str(before)])

    assert main(["--db", str(filled_path), "import-json", str(before)]) == 1

    assert "already holds records" in capsys.readouterr().err
    main(["--db", str(filled_path), "export-json", str(after)])
    assert after.read_bytes() == before.read_bytes()


def test_importing_a_missing_file_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", str(tmp_path / "r.sqlite"), "import-json", str(tmp_path / "nowhere.json")])

    assert code == 1
    assert "nowhere.json cannot be read" in capsys.readouterr().err


def test_exporting_into_a_missing_folder_exits_1_and_says_so(
    filled_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no-such-folder" / "out.json"

    assert main(["--db", str(filled_path), "export-json", str(out)]) == 1

    assert f"Could not write {out}" in capsys.readouterr().err
    assert not out.exists()
