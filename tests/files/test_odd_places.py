"""Issue 17 items 2, 8, 9 and 10: --db naming odd places, a missing record, a read-only
disk, and where a backup goes."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.files.run import fails_clearly, netjourney, succeeds

EVERY_COMMAND = [
    ("check",),
    ("backups",),
    ("backup", "COPY"),
    ("restore", "COPY"),
    ("export-json", "OUT"),
    ("import-json", "OUT"),
    ("export-pdf", "OUT"),
    ("export-ics", "OUT"),
    ("visit-sheet", "1", "OUT"),
    ("situation",),
    ("demo",),
    ("--exit-after-start",),
]


def _command(words: tuple[str, ...], tmp_path: Path) -> list[str]:
    replace = {"COPY": str(tmp_path / "copy.sqlite"), "OUT": str(tmp_path / "out.file")}
    return [replace.get(word, word) for word in words]


def _places(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "a folder"
    folder.mkdir()
    plain = tmp_path / "letter.txt"
    plain.write_text("Dear doctor")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    return {"folder": folder, "under a file": plain / "journey.sqlite", "fifo": fifo}


@pytest.fixture(scope="module")
def copy_to_restore(tmp_path_factory: pytest.TempPathFactory) -> Path:
    record = tmp_path_factory.mktemp("source") / "journey.sqlite"
    succeeds(f"--db={record}", "demo")
    succeeds(f"--db={record}", "export-json", str(record.with_name("out.file")))
    succeeds(f"--db={record}", "backup", str(record.with_name("copy.sqlite")))
    return record.parent


@pytest.mark.parametrize("words", EVERY_COMMAND, ids=lambda words: words[0])
def test_db_naming_a_folder_a_path_under_a_file_or_a_fifo_is_refused_clearly(
    tmp_path: Path, copy_to_restore: Path, words: tuple[str, ...]
) -> None:
    for name in ("copy.sqlite", "out.file"):
        (tmp_path / name).write_bytes((copy_to_restore / name).read_bytes())
    expected = {
        "folder": "is a folder, not a record file",
        "under a file": "is a file, not a folder",
        "fifo": "is not a regular file",
    }
    for kind, place in _places(tmp_path).items():
        if words[0] == "check":  # check reports what it found on stdout
            result = netjourney(f"--db={place}", "check", timeout=30)
            assert result.returncode == 1 and "Traceback" not in result.stderr
            assert f"PROBLEM: {place} " in result.stdout, result.stdout
            assert expected[kind] in result.stdout, (kind, result.stdout)
            assert "did not pass the check" in result.stderr
            continue
        message = fails_clearly(f"--db={place}", *_command(words, tmp_path), timeout=30)
        assert expected[kind] in message, (kind, message)
    assert stat.S_ISFIFO((tmp_path / "pipe").stat().st_mode)
    assert (tmp_path / "letter.txt").read_text() == "Dear doctor"
    assert list((tmp_path / "a folder").iterdir()) == []


READ_ONLY_COMMANDS = [
    ("check",),
    ("export-json", "OUT"),
    ("export-pdf", "OUT"),
    ("export-ics", "OUT"),
    ("visit-sheet", "1", "OUT"),
    ("situation",),
    ("backup", "COPY"),
    ("upcoming",),
    ("appointments",),
]


@pytest.mark.parametrize("words", READ_ONLY_COMMANDS, ids=lambda words: words[0])
def test_a_command_that_only_reads_refuses_a_missing_record_and_creates_nothing(
    tmp_path: Path, words: tuple[str, ...]
) -> None:
    missing = tmp_path / "records" / "mistyped.sqlite"
    missing.parent.mkdir()

    result = netjourney(f"--db={missing}", *_command(words, tmp_path))

    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{missing}" in result.stderr + result.stdout
    assert list(tmp_path.rglob("*")) == [missing.parent]


def test_a_failed_import_into_a_new_file_leaves_no_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 1, "care_team": [{"name": 5}]}')
    record = tmp_path / "new.sqlite"

    fails_clearly(f"--db={record}", "import-json", str(bad))

    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


def test_a_refused_answer_for_a_new_record_leaves_no_file(tmp_path: Path) -> None:
    record = tmp_path / "new.sqlite"

    assert "Nothing was saved" in fails_clearly(f"--db={record}", "situation", "--set", "x=1")

    assert list(tmp_path.iterdir()) == []
    succeeds(f"--db={record}", "situation", "--set", "stage=IIIA")
    assert "The record is healthy" in succeeds(f"--db={record}", "check")


def test_read_only_commands_work_on_a_record_on_a_read_only_disk(
    tmp_path: Path, make_read_only: Callable[[Path], None]
) -> None:
    stick = tmp_path / "usb stick"
    stick.mkdir()
    record = stick / "journey.sqlite"
    succeeds(f"--db={record}", "demo")
    before = sorted(p.name for p in stick.iterdir())
    record_bytes = record.read_bytes()
    make_read_only(stick)

    assert "The record is healthy" in succeeds(f"--db={record}", "check")
    for words in READ_ONLY_COMMANDS[1:]:
        succeeds(f"--db={record}", *_command(words, tmp_path))
    assert "Backed up" in succeeds(f"--db={record}", "backup", str(tmp_path / "copy2.sqlite"))
    succeeds(f"--db={tmp_path / 'restored.sqlite'}", "restore", str(record))
    assert "cannot write" in fails_clearly(f"--db={record}", "situation", "--set", "stage=IIIA")

    assert sorted(p.name for p in stick.iterdir()) == before
    assert record.read_bytes() == record_bytes


def test_backup_to_a_name_ending_in_a_slash_makes_a_folder(tmp_path: Path) -> None:
    record = tmp_path / "journey.sqlite"
    succeeds(f"--db={record}", "demo")

    succeeds(f"--db={record}", "backup", str(tmp_path / "nodir") + "/")

    copies = list((tmp_path / "nodir").iterdir())
    assert len(copies) == 1 and copies[0].name.startswith("journey-")
    assert stat.S_IMODE((tmp_path / "nodir").stat().st_mode) == 0o700


def test_backup_onto_an_existing_file_is_refused_unless_forced(tmp_path: Path) -> None:
    record = tmp_path / "journey.sqlite"
    succeeds(f"--db={record}", "demo")
    existing = tmp_path / "keep.sqlite"
    existing.write_text("my other file")

    message = fails_clearly(f"--db={record}", "backup", str(existing))

    assert "already exists" in message and "--force" in message
    assert existing.read_text() == "my other file"
    succeeds(f"--db={record}", "backup", "--force", str(existing))
    assert "The record is healthy" in succeeds(f"--db={existing}", "check")
    assert "is the record itself" in fails_clearly(
        f"--db={record}", "backup", "--force", str(record)
    )


def test_an_existing_data_folder_with_loose_permissions_is_tightened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("NETJOURNEY_DB", raising=False)
    data_folder = tmp_path / "NETJourney"
    data_folder.mkdir()
    data_folder.chmod(0o755)

    succeeds("demo")

    assert (data_folder / "journey.sqlite").exists()
    assert stat.S_IMODE(data_folder.stat().st_mode) == 0o700
