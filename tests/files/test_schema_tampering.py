"""Issue 16.3: a copy whose schema is not exactly ours is refused by restore, check and open,
naming what was added or changed, so that nothing in it ever runs."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from netjourney.core.errors import AlteredSchemaError
from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from netjourney.core.schema_check import expected_schema
from tests.files.run import fails_clearly, netjourney, succeeds

TAMPERING = {
    "trigger": (
        "CREATE TRIGGER wipe AFTER INSERT ON notes BEGIN DELETE FROM care_team_members; END",
        "trigger 'wipe'",
    ),
    "view": ("CREATE VIEW everyone AS SELECT name FROM care_team_members", "view 'everyone'"),
    "extra table": ("CREATE TABLE payload (x)", "table 'payload'"),
    "dropped index": ("DROP INDEX ix_notes_updated_at", "index 'ix_notes_updated_at' is missing"),
    "altered column": (
        "ALTER TABLE care_team_members ADD COLUMN hidden TEXT DEFAULT 'x'",
        "table 'care_team_members' was altered",
    ),
}


@pytest.fixture(scope="module")
def good_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("source")
    succeeds(f"--db={folder / 'journey.sqlite'}", "demo")
    succeeds(f"--db={folder / 'journey.sqlite'}", "backup", str(folder / "copy.sqlite"))
    return folder / "copy.sqlite"


def tampered(good_copy: Path, folder: Path, statement: str) -> Path:
    copy = folder / "crafted.sqlite"
    copy.write_bytes(good_copy.read_bytes())
    with closing(sqlite3.connect(copy, isolation_level=None)) as connection:
        connection.execute(statement)
    return copy


@pytest.mark.parametrize("kind", sorted(TAMPERING))
def test_restore_refuses_each_kind_of_tampering_by_name(
    good_copy: Path, tmp_path: Path, kind: str
) -> None:
    statement, named = TAMPERING[kind]
    crafted = tampered(good_copy, tmp_path, statement)
    record = tmp_path / "journey.sqlite"
    succeeds(f"--db={record}", "demo")
    record_bytes = record.read_bytes()

    message = fails_clearly(f"--db={record}", "restore", str(crafted))

    assert "changed outside NET Journey" in message and named in message
    assert record.read_bytes() == record_bytes
    assert not (tmp_path / "journey.sqlite-backups").exists()


def test_check_and_opening_refuse_a_crafted_trigger(
    good_copy: Path, tmp_path: Path, guide: Guide
) -> None:
    statement, named = TAMPERING["trigger"]
    crafted = tampered(good_copy, tmp_path, statement)
    crafted_bytes = crafted.read_bytes()

    checked = netjourney(f"--db={crafted}", "check")
    assert checked.returncode == 1 and named in checked.stdout
    assert named in fails_clearly(f"--db={crafted}", "--exit-after-start")
    assert named in fails_clearly(f"--db={crafted}", "export-json", str(tmp_path / "out.json"))
    with pytest.raises(AlteredSchemaError, match="wipe"):
        JourneyRecord.open(crafted, guide)
    assert crafted.read_bytes() == crafted_bytes  # not moved aside, not changed


def test_the_reference_schema_comes_from_the_migrations(guide: Guide, tmp_path: Path) -> None:
    record = JourneyRecord.open(tmp_path / "journey.sqlite", guide)
    record.close()
    with closing(sqlite3.connect(record.path)) as connection:
        made = {row[0] for row in connection.execute("SELECT name FROM sqlite_schema")}
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]

    reference = {name for _, name in expected_schema(revision)}

    assert reference == {n for n in made if not n.startswith("sqlite_")}
    assert {"notes_fts_update", "ix_notes_updated_at", "situation"} <= reference
