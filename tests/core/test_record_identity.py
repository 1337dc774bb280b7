"""Issue 17.12: each record has its own identity, so calendar UIDs are unique per record
and stable per appointment; an older record gets one when it is upgraded.

A copy of the file (a backup, a restore) is the same record and keeps its identity, so a
calendar imported from the copy updates the same events: that is intended.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import icalendar
import pytest

from netjourney.cli import main
from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from tests.core.journey_records import add_journey_records
from tests.core.old_records import table_rows
from tests.core.test_schema_0004 import FIXTURE
from tests.export import records
from tests.export.records import NOW


def identity_of(path: Path, guide: Guide) -> str:
    record = JourneyRecord.open(path, guide, read_only=True)
    try:
        return record.identity()
    finally:
        record.close()


def uids(path: Path, tmp_path: Path) -> list[str]:
    calendar = tmp_path / f"{path.stem}.ics"
    assert main(["--db", str(path), "export-ics", str(calendar)]) == 0
    return [
        str(event["uid"]) for event in icalendar.Calendar.from_ical(calendar.read_bytes()).events
    ]


def record_with_appointment_1(path: Path, guide: Guide) -> Path:
    record = JourneyRecord.open(path, guide)
    records.appointment(record, NOW.replace(year=2099) + timedelta(days=1))
    record.close()
    return path


def test_a_new_record_has_a_random_identity(tmp_path: Path, guide: Guide) -> None:
    first = record_with_appointment_1(tmp_path / "one.sqlite", guide)
    second = record_with_appointment_1(tmp_path / "two.sqlite", guide)

    identities = {identity_of(first, guide), identity_of(second, guide)}

    assert len(identities) == 2
    assert all(uuid.UUID(identity).version == 4 for identity in identities)


def test_appointment_1_of_two_records_has_two_uids_each_stable(
    tmp_path: Path, guide: Guide
) -> None:
    first = record_with_appointment_1(tmp_path / "one.sqlite", guide)
    second = record_with_appointment_1(tmp_path / "two.sqlite", guide)

    [first_uid] = uids(first, tmp_path)
    [second_uid] = uids(second, tmp_path)

    assert first_uid == f"appointment-1.{identity_of(first, guide)}@netjourney.local"
    assert second_uid == f"appointment-1.{identity_of(second, guide)}@netjourney.local"
    assert first_uid != second_uid
    assert uids(first, tmp_path) == [first_uid]  # exported again: the same event


def test_an_older_record_gets_an_identity_on_upgrade_and_keeps_every_record(
    tmp_path: Path, guide: Guide
) -> None:
    old = tmp_path / "journey.sqlite"
    shutil.copyfile(FIXTURE, old)
    before = table_rows(old)

    identity = identity_of(old, guide)

    assert uuid.UUID(identity).version == 4
    assert table_rows(old) == before
    assert identity_of(old, guide) == identity  # drawn once, kept


def test_a_backup_and_its_restore_keep_the_identity_an_import_does_not(
    tmp_path: Path, guide: Guide
) -> None:
    original = record_with_appointment_1(tmp_path / "journey.sqlite", guide)
    copy, restored = tmp_path / "copy.sqlite", tmp_path / "restored.sqlite"
    exported, imported = tmp_path / "record.json", tmp_path / "imported.sqlite"

    assert main(["--db", str(original), "backup", str(copy)]) == 0
    assert main(["--db", str(restored), "restore", str(copy)]) == 0
    assert main(["--db", str(original), "export-json", str(exported)]) == 0
    assert main(["--db", str(imported), "import-json", str(exported)]) == 0

    identity = identity_of(original, guide)
    assert identity_of(copy, guide) == identity_of(restored, guide) == identity
    assert identity_of(imported, guide) not in ("", identity)


def test_dose_events_carry_the_identity_too(tmp_path: Path, guide: Guide) -> None:
    path = record_with_appointment_1(tmp_path / "journey.sqlite", guide)
    record = JourneyRecord.open(path, guide)
    add_journey_records(record)
    record.close()

    found = uids(path, tmp_path)

    assert any(uid.startswith("treatment-") for uid in found) and len(set(found)) == len(found)
    assert all(uid.endswith(f".{identity_of(path, guide)}@netjourney.local") for uid in found)


def test_a_removed_identity_is_reported_and_the_calendar_still_written(
    tmp_path: Path, guide: Guide, capsys: pytest.CaptureFixture[str]
) -> None:
    path = record_with_appointment_1(tmp_path / "journey.sqlite", guide)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("DELETE FROM record_identity")
        connection.commit()

    assert uids(path, tmp_path) == ["appointment-1@netjourney.local"]
    assert main(["--db", str(path), "check"]) == 1
    assert "lost its identity" in capsys.readouterr().out
