"""`netjourney check` reports on a record without ever changing it."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from netjourney.cli import main
from netjourney.core import database
from netjourney.core.guide import Guide
from netjourney.core.models import Note
from netjourney.core.record import JourneyRecord
from tests.core.old_records import head_user_version
from tests.core.sample_records import add_sample_records


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Run the command; return its exit code and everything it printed."""
    before = sha256(path)
    code = main(["--db", str(path), "check"])
    assert sha256(path) == before, "check must never change the file"
    printed = capsys.readouterr()
    return code, printed.out + printed.err


@pytest.fixture
def populated(record_path: Path, guide: Guide) -> Path:
    """A closed record with enough notes to fill many pages, kept in one file (no -wal)."""
    record = JourneyRecord.open(record_path, guide)
    add_sample_records(record)
    with record.writing() as session:
        session.add_all(Note(title=f"Day {day}", body="tired " * 300) for day in range(60))
    record.close()
    with closing(sqlite3.connect(record_path)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
    return record_path


def test_a_healthy_record_passes(populated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, printed = check(populated, capsys)

    assert code == 0
    version = f"Schema version: {head_user_version()} ({database.head_revision()})"
    assert version in printed
    assert "notes: 62" in printed
    assert "The record is healthy" in printed


def test_a_healthy_record_in_wal_mode_passes(
    record: JourneyRecord, capsys: pytest.CaptureFixture[str]
) -> None:
    add_sample_records(record)
    record.close()

    assert check(record.path, capsys)[0] == 0


def overwrite_half_a_page(path: Path, table: str) -> None:
    """Random bytes over the first half of the table's root b-tree page."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        root = connection.execute(
            "SELECT rootpage FROM sqlite_schema WHERE name = ?", (table,)
        ).fetchone()[0]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(random.Random(root).randbytes(page_size // 2))


@pytest.mark.parametrize("table", ["notes", "notes_section_links"])
def test_random_bytes_in_a_page_are_reported(
    populated: Path, table: str, capsys: pytest.CaptureFixture[str]
) -> None:
    overwrite_half_a_page(populated, table)

    code, printed = check(populated, capsys)

    assert code != 0
    assert "damaged" in printed and "Restore a backup" in printed
    assert "healthy" not in printed


def test_a_truncated_record_is_reported(
    populated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with populated.open("r+b") as file:
        file.truncate(populated.stat().st_size // 2)

    code, printed = check(populated, capsys)

    assert code != 0
    assert "damaged" in printed and "healthy" not in printed


def test_a_link_to_a_missing_record_is_reported(
    populated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with closing(sqlite3.connect(populated)) as connection:  # foreign keys are off here
        connection.execute("DELETE FROM notes WHERE id = 1")
        connection.commit()

    code, printed = check(populated, capsys)

    assert code != 0
    assert "links point at records that do not exist" in printed


def test_a_missing_file_is_reported_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.sqlite"

    assert main(["--db", str(missing), "check"]) != 0

    assert f"There is no record at {missing}" in capsys.readouterr().out
    assert not missing.exists()


def test_a_path_under_a_plain_file_says_the_parent_is_not_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = tmp_path / "plain"
    plain.write_text("not a folder")

    assert main(["--db", str(plain / "x.sqlite"), "check"]) != 0

    printed = capsys.readouterr().out
    assert f"{plain} is a file, not a folder" in printed
    assert "There is no" not in printed
    assert plain.read_text() == "not a folder"
