"""RELIABILITY 11: the data folder 0700; the record, its -wal/-shm, backups and exports 0600.

All under the umask most systems start programs with (022), so that nothing passes only
because the tests' own umask is strict. The record and its sidecars are checked in
tests/core/test_paths.py, the PDF export in tests/export/test_pdf_journey.py.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from netjourney.cli import main
from netjourney.core import backups, database
from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from netjourney.core.recovery import examine_at_start, restore_backup
from netjourney.export.json_io import export_json

pytestmark = pytest.mark.usefixtures("permissive_umask")


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_backups_and_their_folder_are_private(record: JourneyRecord, record_path: Path) -> None:
    automatic = backups.back_up_now(record_path)
    chosen = backups.back_up_to(record_path, record_path.parent / "new folder" / "copy.sqlite")

    assert mode_of(automatic.path.parent) == 0o700
    assert [mode_of(automatic.path), mode_of(chosen.path)] == [0o600, 0o600]
    assert mode_of(chosen.path.parent) == 0o700


def test_a_loosened_backup_folder_is_made_private_again(
    record: JourneyRecord, record_path: Path
) -> None:
    folder = backups.back_up_now(record_path).path.parent
    folder.chmod(0o755)

    backups.back_up_now(record_path)

    assert mode_of(folder) == 0o700


def test_a_restored_record_and_the_one_it_replaced_are_private(
    sample_record_path: Path, tmp_path: Path
) -> None:
    copy = backups.back_up_to(sample_record_path, tmp_path / "copy.sqlite")

    restored = restore_backup(copy.path, sample_record_path)

    assert restored.set_aside is not None
    assert [mode_of(sample_record_path), mode_of(restored.set_aside)] == [0o600, 0o600]


def test_a_damaged_record_kept_aside_stays_private(sample_record_path: Path) -> None:
    sample_record_path.write_bytes(b"")

    found = examine_at_start(sample_record_path)

    assert found is not None and mode_of(found.kept_at) == 0o600


def test_a_json_export_is_private(record: JourneyRecord, tmp_path: Path) -> None:
    destination = tmp_path / "journey.json"

    export_json(record, destination)

    assert mode_of(destination) == 0o600


def test_the_command_line_makes_new_folders_private(
    sample_record_path: Path, tmp_path: Path, guide: Guide
) -> None:
    destination = tmp_path / "made by the app" / "copy.sqlite"

    assert main(["--db", str(sample_record_path), "backup", str(destination)]) == 0

    assert mode_of(destination.parent) == 0o700 and mode_of(destination) == 0o600
    assert database.integrity_problems(destination) == []
