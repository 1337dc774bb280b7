"""Issue 16.1: every command reaches exactly the file it was given, whatever its name holds.

SQLite reads a `file:` name as a URI: an unquoted `#` or `?` cut the path short (and
opened, or created, a different file), and a `%` was read as an escape.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.files.run import succeeds

ODD = "-Patient #1 ?x=1&y %41 %zz 'O\"Brien' Ünïcødé 日本"


def test_every_command_works_on_exactly_the_record_named(tmp_path: Path) -> None:
    folder = tmp_path / ODD
    folder.mkdir()
    record = folder / f"{ODD}.sqlite"
    other = tmp_path / "-Patient #2 ?" / "journey #2.sqlite"
    db, db_other = f"--db={record}", f"--db={other}"

    succeeds(db, "demo")
    succeeds(db, "--exit-after-start")
    assert "The record is healthy" in succeeds(db, "check")
    exported = tmp_path / "out #1 ?%.json"
    succeeds(db, "export-json", str(exported))
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["notes"], "the demo's notes must be in the export"
    other.parent.mkdir()
    succeeds(db_other, "import-json", str(exported))
    succeeds(db, "situation", "--set", "stage=IIIA")
    succeeds(db, "export-pdf", str(tmp_path / "journey #1 ?.pdf"))
    first_appointment = document["appointments"][0]["id"]
    succeeds(db, "visit-sheet", str(first_appointment), str(tmp_path / "sheet #1.pdf"))
    succeeds(db, "export-ics", str(tmp_path / "cal #1 %.ics"))
    succeeds(db, "backup", str(tmp_path / "copy #1 ?.sqlite"))
    succeeds(db, "restore", str(tmp_path / "copy #1 ?.sqlite"))
    listed = succeeds(db, "backups")
    assert "Before a restore" in listed and str(folder) in listed

    # Relative paths with a leading "-", from inside the folder.
    assert "The record is healthy" in succeeds(f"--db={ODD}.sqlite", "check", cwd=folder)

    # The second record holds the import, and nothing was written but the files named.
    exported_other = tmp_path / "out #2.json"
    succeeds(db_other, "export-json", str(exported_other))
    assert json.loads(exported_other.read_text())["notes"] == document["notes"]
    outputs = {"out #1 ?%.json", "out #2.json", "journey #1 ?.pdf", "sheet #1.pdf"}
    outputs |= {"cal #1 %.ics", "copy #1 ?.sqlite"}
    assert {p.name for p in tmp_path.iterdir() if p.is_file()} == outputs
    assert {p.name for p in tmp_path.iterdir() if p.is_dir()} == {ODD, other.parent.name}


@pytest.mark.parametrize("name", ["Patient #1", "what?", "100%", "%41"])
def test_two_records_whose_names_differ_after_a_special_character_stay_apart(
    tmp_path: Path, name: str
) -> None:
    first = tmp_path / name / "journey.sqlite"
    second = tmp_path / f"{name}2" / "journey.sqlite"
    first.parent.mkdir()
    second.parent.mkdir()

    succeeds(f"--db={first}", "demo")
    out = tmp_path / "second.json"
    succeeds(f"--db={second}", "--exit-after-start")
    succeeds(f"--db={second}", "export-json", str(out))

    assert json.loads(out.read_text())["notes"] == []
    assert sorted(p.name for p in first.parent.iterdir()) == ["journey.sqlite"]
