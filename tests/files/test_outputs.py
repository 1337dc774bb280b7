"""Issue 16.2 and 17.10: where exports may go, and how they get there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.files.run import fails_clearly, netjourney, succeeds

EXPORTS = {
    "export-json": (),
    "export-pdf": (),
    "export-ics": (),
    "visit-sheet": ("1",),
    "export-summary": (),
}


@pytest.fixture(scope="module")
def demo_record(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("outputs") / "journey.sqlite"
    succeeds(f"--db={path}", "demo")
    succeeds(f"--db={path}", "backup", str(path.with_name("journey.sqlite-backups")) + "/")
    return path


@pytest.mark.parametrize("command", sorted(EXPORTS))
@pytest.mark.parametrize("target", ["record", "-wal", "-shm", "backup"])
def test_an_export_onto_the_record_its_companions_or_its_backups_is_refused(
    demo_record: Path, command: str, target: str
) -> None:
    backup = next(demo_record.with_name("journey.sqlite-backups").glob("*.sqlite"))
    out = {
        "record": demo_record,
        "-wal": demo_record.with_name("journey.sqlite-wal"),
        "-shm": demo_record.with_name("journey.sqlite-shm"),
        "backup": backup,
    }[target]
    record_before, backup_before = demo_record.read_bytes(), backup.read_bytes()

    message = fails_clearly(f"--db={demo_record}", command, *EXPORTS[command], str(out))

    assert "Will not write" in message and "Nothing was changed" in message
    assert demo_record.read_bytes() == record_before
    assert backup.read_bytes() == backup_before


def test_an_export_reached_through_another_name_of_the_record_is_refused(
    demo_record: Path, tmp_path: Path
) -> None:
    alias = tmp_path / "alias.pdf"
    alias.symlink_to(demo_record)

    assert "is the record itself" in fails_clearly(f"--db={demo_record}", "export-pdf", str(alias))


def test_an_export_to_a_symlink_writes_through_to_its_target(
    demo_record: Path, tmp_path: Path
) -> None:
    target = tmp_path / "shared" / "journey.json"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "latest.json"
    link.symlink_to(target)

    succeeds(f"--db={demo_record}", "export-json", str(link))

    assert link.is_symlink() and link.resolve() == target
    assert json.loads(target.read_text())["notes"]
    assert sorted(p.name for p in target.parent.iterdir()) == ["journey.json"]


def test_a_dash_means_standard_output(demo_record: Path, tmp_path: Path) -> None:
    result = netjourney(f"--db={demo_record}", "export-json", "-", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout[: result.stdout.rindex("}") + 1])["notes"]
    assert list(tmp_path.iterdir()) == []
