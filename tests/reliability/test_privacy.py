"""RELIABILITY 14 and 15: no network use anywhere; deleted text gone from the file and
its -wal once the delete is checkpointed, while older backups still hold it (and the
README says so)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from netjourney.cli import main
from netjourney.core import backups, database, repository
from netjourney.core.guide import Guide
from netjourney.core.models import Appointment, CareTeamMember, Note, Question
from netjourney.core.privacy import erase_deleted_text
from netjourney.core.record import JourneyRecord
from netjourney.core.recovery import examine_at_start, restore_backup
from netjourney.core.search import search_everything
from netjourney.export.ics import export_ics
from netjourney.export.json_io import export_json
from netjourney.export.pdf_journey import export_journey_pdf
from tests.core.sample_records import add_sample_records
from tests.reliability.children import forbid_network
from tests.reliability.conftest import raw_bytes, start_child

README = Path(__file__).resolve().parents[2] / "README.md"
MARKER = "qzvxenolith"  # a word found nowhere else in a record


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every way Python code reaches the network raises, and is written down."""
    return forbid_network(monkeypatch.setattr)


def test_the_core_paths_work_with_the_network_made_to_raise(
    no_network: list[str], tmp_path: Path, guide: Guide
) -> None:
    path = tmp_path / "data" / "journey.sqlite"
    record = JourneyRecord.open(path, guide)
    add_sample_records(record)
    note = repository.add(record, Note(title="Scan day", body="Bring the letter"), ["resectable"])
    found = [h.key for h in search_everything(record, "letter") if h.kind == "note"]
    assert found == [str(note.id)]
    repository.delete(record, Note, note.id)
    assert erase_deleted_text(record)
    export_json(record, tmp_path / "journey.json")
    export_journey_pdf(record, tmp_path / "journey.pdf")
    export_ics(record, tmp_path / "visits.ics", datetime(2025, 1, 1, tzinfo=UTC))
    backup = backups.back_up_now(record.path)
    record.close()
    assert examine_at_start(path) is None
    restore_backup(backup.path, path)
    db = ["--db", str(path)]
    codes = [
        main([*db, "check"]),
        main([*db, "backups"]),
        main([*db, "export-json", str(tmp_path / "again.json")]),
    ]

    assert no_network == []
    assert codes == [0, 0, 0]
    assert '"Plain note"' in (tmp_path / "again.json").read_text(encoding="utf-8")
    pdf_text = "".join(page.extract_text() for page in PdfReader(tmp_path / "journey.pdf").pages)
    assert "Plain note" in pdf_text
    assert "BEGIN:VEVENT" in (tmp_path / "visits.ics").read_text(encoding="utf-8")


def test_the_app_starts_and_paints_with_the_network_made_to_raise(tmp_path: Path) -> None:
    """In a process of its own: the whole app, Qt included, as a user starts it."""
    path = tmp_path / "journey.sqlite"
    child = start_child("app_without_network", path)
    output, _ = child.communicate(timeout=120)

    assert json.loads(output.splitlines()[-1]) == {"code": 0, "attempts": []}
    assert database.integrity_problems(path) == []


def member() -> CareTeamMember:
    return CareTeamMember(role="nurse", name=f"Nurse {MARKER}", notes=f"{MARKER} on Fridays")


def question() -> Question:
    return Question(text=f"Is {MARKER} safe with my pills?", answer=f"Ask about {MARKER}")


def appointment() -> Appointment:
    return Appointment(
        starts_at=datetime(2025, 5, 1, 9, tzinfo=UTC),
        time_zone="UTC",
        purpose=f"{MARKER} review",
        outcome=f"{MARKER} was fine",
    )


def note() -> Note:
    return Note(title=f"About {MARKER}", body=f"My worries about {MARKER}. " * 50)


@pytest.mark.parametrize("make", [member, question, appointment, note])
def test_deleted_text_is_gone_from_the_file_and_its_wal(
    record: JourneyRecord, record_path: Path, make: Callable[[], Any]
) -> None:
    add_sample_records(record)
    added = repository.add(record, make(), ["resectable", "second-opinion"])
    assert MARKER.encode() in raw_bytes(record_path)

    repository.delete(record, type(added), added.id)
    emptied = erase_deleted_text(record)

    assert emptied
    assert MARKER.encode() not in raw_bytes(record_path)
    assert record_path.with_name("journey.sqlite-wal").stat().st_size == 0
    assert database.integrity_problems(record_path) == []
    assert [h.title for h in search_everything(record, "plain") if h.kind == "note"] == [""]


def test_backups_keep_deleted_text_until_they_rotate_out_and_the_readme_says_so(
    record: JourneyRecord, record_path: Path
) -> None:
    added = repository.add(record, note())
    backup = backups.back_up_now(record_path)

    repository.delete(record, Note, added.id)
    erase_deleted_text(record)

    assert MARKER.encode() not in raw_bytes(record_path)
    assert MARKER.encode() in backup.path.read_bytes()
    data_section = README.read_text(encoding="utf-8").split("## Where your data lives")[1]
    data_section = data_section.split("\n## ")[0]
    assert "Backups taken before the delete" in data_section
    assert "still hold that text" in data_section
    assert "readable by you only" in data_section and "Who can read it" in data_section
