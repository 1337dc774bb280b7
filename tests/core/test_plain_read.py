"""Home and `netjourney upcoming` read without SQLAlchemy (core/plain_read.py) give exactly
what the open record gives, fall back on a record they cannot trust, and never fail on
values another program wrote."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from netjourney.cli import main
from netjourney.core import database, paths
from netjourney.core.guide import Guide
from netjourney.core.home import home_summary, quick_home_summary
from netjourney.core.journey.upcoming import quick_upcoming, upcoming
from netjourney.core.migrations.head import HEAD_REVISION, HEAD_USER_VERSION
from netjourney.core.questions import OPEN_STATUSES
from netjourney.core.record import JourneyRecord
from netjourney.core.schema_check import expected_schema
from netjourney.demo.large import fill_large_demo
from netjourney.demo.small import fill_demo
from tests.core.old_records import head_user_version
from tests.core.test_value_check import BLOB, STAND_IN, TEXT_NOT_UTF8, _write_raw
from tests.reliability.test_tampered_values import TAMPERINGS

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TODAY = NOW.date()
DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(autouse=True)
def kept_schema() -> None:
    """The schema kept in the user's cache, as the first start leaves it."""
    expected_schema.cache_clear()
    expected_schema(database.head_revision())


def same_both_ways(path: Path, guide: Guide, now: datetime = NOW, days: int = 60) -> None:
    """The plain read of the file and the open record give the same summary and list."""
    quick_home = quick_home_summary(path, now)
    quick_list = quick_upcoming(path, now.date(), days)
    record = JourneyRecord.open(path, guide, read_only=True)
    try:
        assert quick_home == home_summary(record, now)
        assert quick_list == upcoming(record, now.date(), days)
    finally:
        record.close()
    assert quick_home is not None and quick_list is not None  # read plainly, not skipped


def test_the_head_revision_is_kept_in_step_with_the_migrations() -> None:
    assert database.head_revision() == HEAD_REVISION
    assert head_user_version() == HEAD_USER_VERSION
    assert {status.value for status in OPEN_STATUSES} == {"to_ask", "asked"}


def test_the_demo_record_reads_the_same_without_sqlalchemy(
    record: JourneyRecord, guide: Guide
) -> None:
    fill_demo(record, NOW)
    record.close()
    summary = quick_home_summary(record.path, NOW)
    assert summary is not None and summary.next_appointment is not None
    assert summary.open_question_count > 0 and summary.latest_notes and summary.whats_next
    for days_on in (0, 3, 20, 45, 120):  # the visits and doses come and go
        same_both_ways(record.path, guide, NOW + timedelta(days=days_on))


@pytest.mark.slow
def test_a_five_year_record_reads_the_same_without_sqlalchemy(
    record: JourneyRecord, guide: Guide
) -> None:
    fill_large_demo(record, NOW, scale=0.2)
    record.close()
    for days_on in (-400, -30, 0, 1, 29, 200):
        same_both_ways(record.path, guide, NOW + timedelta(days=days_on), days=90)


def test_a_record_of_an_older_schema_is_left_to_the_full_opening(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old.sqlite"
    shutil.copy(DATA / "record-0005_journey.sqlite", old)

    assert quick_upcoming(old, TODAY) is None
    assert quick_home_summary(old, NOW) is None
    assert main(["--db", str(old), "upcoming", "--days", "3660"]) == 0  # upgraded, then read
    assert capsys.readouterr().err == ""
    assert quick_upcoming(old, TODAY) is not None  # up to date now


@pytest.mark.parametrize(
    "unusable",
    [
        "missing",
        "not a database",
        "another program's database",
        "a newer schema",
        "an extra trigger",
    ],
)
def test_a_file_only_the_full_opening_can_judge_is_not_read_plainly(
    record: JourneyRecord, tmp_path: Path, unusable: str
) -> None:
    fill_demo(record, NOW)
    record.close()
    path = record.path
    if unusable == "missing":
        path = tmp_path / "nothing here.sqlite"
    elif unusable == "not a database":
        path.write_bytes(b"just some words" * 100)
    elif unusable == "another program's database":
        _write_raw(path, "PRAGMA application_id = 42")
    elif unusable == "a newer schema":
        _write_raw(
            path, "PRAGMA user_version = 99", "UPDATE alembic_version SET version_num = '0099_x'"
        )
    else:
        _write_raw(path, "CREATE TRIGGER t AFTER INSERT ON notes BEGIN DELETE FROM notes; END")

    assert quick_home_summary(path, NOW) is None
    assert quick_upcoming(path, TODAY) is None
    assert path.exists() == (unusable != "missing")  # nothing was created


TEXT_TAMPERINGS = {
    "a BLOB as a visit's purpose": f"UPDATE appointments SET purpose = {BLOB}",
    "bytes not UTF-8 as a name": f"UPDATE care_team_members SET name = {TEXT_NOT_UTF8}",
    "a number as a note's title": "UPDATE notes SET title = 42",
    "a BLOB as a planned question": f"UPDATE questions SET text = {BLOB}",
    "a number as a time zone": "UPDATE appointments SET time_zone = 7",
    "a visit's time that is none": "UPDATE appointments SET starts_at = '2026-99-99 xx'",
    "a BLOB as a treatment's name": f"UPDATE treatments SET name = {BLOB}",
    "a BLOB as a measure": f"UPDATE measurements SET measure = {BLOB}",
    "a number as a role": "UPDATE care_team_members SET role = 3",
}


@pytest.mark.parametrize(
    "statement",
    [*TEXT_TAMPERINGS.values(), *(statement for statement, _column in TAMPERINGS.values())],
    ids=[*TEXT_TAMPERINGS, *TAMPERINGS],
)
def test_values_another_program_wrote_read_the_same_flagged_without_failing(
    record: JourneyRecord, guide: Guide, statement: str
) -> None:
    fill_demo(record, NOW)
    record.close()
    _write_raw(record.path, statement)
    for days_on in (0, 20):
        same_both_ways(record.path, guide, NOW + timedelta(days=days_on))


def test_reading_leaves_nothing_beside_the_record(record: JourneyRecord) -> None:
    fill_demo(record, NOW)
    record.close()
    assert quick_upcoming(record.path, TODAY) is not None
    assert sorted(p.name for p in record.path.parent.iterdir()) == [record.path.name]


def test_unreadable_text_is_shown_as_the_models_show_it(record: JourneyRecord) -> None:
    fill_demo(record, NOW)
    record.close()
    _write_raw(record.path, f"UPDATE notes SET title = {BLOB}")
    summary = quick_home_summary(record.path, NOW)
    assert summary is not None
    assert {note.title for note in summary.latest_notes} == {STAND_IN}


def test_upcoming_prints_the_same_list_read_either_way(
    record: JourneyRecord, capsys: pytest.CaptureFixture[str]
) -> None:
    fill_demo(record, datetime.now(UTC))
    record.close()
    assert main(["--db", str(record.path), "upcoming", "--days", "90"]) == 0
    printed = capsys.readouterr().out
    expected_schema.cache_clear()
    shutil.rmtree(paths.cache_folder() / "schemas")
    assert quick_upcoming(record.path, date.today(), 90) is None  # no schema kept: full opening
    assert main(["--db", str(record.path), "upcoming", "--days", "90"]) == 0
    assert capsys.readouterr().out == printed
    assert "Dose due" in printed and "Appointment" in printed


def test_upcoming_imports_neither_sqlalchemy_nor_babel_nor_json(record: JourneyRecord) -> None:
    fill_demo(record, datetime.now(UTC))
    record.close()
    watcher = (
        "import sys\n"
        "from netjourney.cli import main\n"
        f"code = main(['--db', {str(record.path)!r}, 'upcoming'])\n"
        # json (the kept schema and date words) and shutil (every command's parser) cost
        # upcoming a tenth of its time
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('sqlalchemy', 'pydantic', 'alembic', 'babel', 'platformdirs', 'json', 'shutil'))\n"
        "print(code, heavy, 'netjourney.core.models' in sys.modules)\n"
    )
    for _start in range(2):  # the first may find the region's date words with Babel
        result = subprocess.run(
            [sys.executable, "-c", watcher], capture_output=True, text=True, timeout=120, check=True
        )
    assert result.stdout.splitlines()[-1] == "0 [] False"
    assert "Dose due" in result.stdout
