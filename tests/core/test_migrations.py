"""Building a record from nothing, and refusing files this version must not touch."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from netjourney.core import database, schema_check, sqlite_file
from netjourney.core.errors import (
    DamagedRecordError,
    NewerRecordError,
    NotARecordError,
    RecordError,
)
from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from tests.core.old_records import head_user_version


def read_marks(path: Path) -> tuple[int, str | None, int]:
    with database.plain_sqlite(path) as connection:
        application_id, revision = database.read_marks(connection)
        user_version = connection.execute("PRAGMA user_version").fetchone()[0]
    return application_id, revision, user_version


def test_a_new_file_is_built_by_alembic_to_the_head(record_path: Path, guide: Guide) -> None:
    JourneyRecord.open(record_path, guide).close()

    assert read_marks(record_path) == (
        sqlite_file.APPLICATION_ID,
        database.head_revision(),
        head_user_version(),
    )
    assert not database.backup_folder(record_path).exists()  # nothing to back up


def test_the_new_file_holds_the_guide_vocabulary(record_path: Path, guide: Guide) -> None:
    JourneyRecord.open(record_path, guide).close()

    with database.plain_sqlite(record_path) as connection:
        sections = {row[0] for row in connection.execute("SELECT id FROM guide_sections")}
        roles = {row[0] for row in connection.execute("SELECT id FROM care_roles")}
    assert (sections, roles) == (set(guide.section_ids), set(guide.role_ids))


def script_directory() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(schema_check.MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config)


def test_revision_order_is_the_order_alembic_walks() -> None:
    walked = [script.revision for script in script_directory().walk_revisions("base", "heads")]

    assert database.schema_revisions() == walked[::-1]
    assert script_directory().get_heads() == [database.head_revision()]


def test_every_migration_file_is_named_after_its_revision() -> None:
    scripts = list(script_directory().walk_revisions("base", "heads"))
    files = sorted((schema_check.MIGRATIONS_DIR / "versions").glob("*.py"))

    assert all(Path(script.path).stem == script.revision for script in scripts)
    assert sorted(f.stem for f in files) == sorted(s.revision for s in scripts)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_refused_untouched(path: Path, guide: Guide, error: type[RecordError]) -> str:
    """Opening must fail with `error`, leave the bytes as they were and make no new file.

    A reader of a WAL file needs a -shm and an (empty) -wal: only those may appear.
    """
    before = sha256(path)
    neighbours = set(path.parent.iterdir())

    with pytest.raises(error) as raised:
        JourneyRecord.open(path, guide)

    assert sha256(path) == before
    new_files = {p.name for p in set(path.parent.iterdir()) - neighbours}
    assert new_files <= {path.name + "-shm", path.name + "-wal"}
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert str(path) in str(raised.value)
    return str(raised.value)


def test_a_record_from_a_newer_version_is_refused(record_path: Path, guide: Guide) -> None:
    JourneyRecord.open(record_path, guide).close()
    with sqlite3.connect(record_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9001_from_the_future'")
    connection.close()

    message = assert_refused_untouched(record_path, guide, NewerRecordError)

    assert "newer version" in message and "9001_from_the_future" in message


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path, guide: Guide) -> None:
    foreign = tmp_path / "addresses.sqlite"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE people (name TEXT)")
        connection.execute("INSERT INTO people VALUES ('Ada')")
    connection.close()

    message = assert_refused_untouched(foreign, guide, NotARecordError)

    assert "not a NET Journey record" in message


def test_a_record_that_lost_its_schema_version_is_refused(record_path: Path, guide: Guide) -> None:
    JourneyRecord.open(record_path, guide).close()
    with sqlite3.connect(record_path) as connection:
        connection.execute("DELETE FROM alembic_version")
    connection.close()

    assert_refused_untouched(record_path, guide, DamagedRecordError)


def zero_bytes(path: Path) -> None:
    path.write_bytes(b"")


def random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(8192))


def sqlite_magic_then_garbage(path: Path) -> None:
    path.write_bytes(database.SQLITE_MAGIC + random.Random(8).randbytes(4096 - 16))


@pytest.mark.parametrize("damage", [zero_bytes, random_bytes, sqlite_magic_then_garbage])
def test_a_file_that_is_not_a_database_is_refused(
    record_path: Path, guide: Guide, damage: Callable[[Path], None]
) -> None:
    damage(record_path)

    message = assert_refused_untouched(record_path, guide, DamagedRecordError)

    assert "backup" in message  # it says what to do
