"""Issue 15: the schema each revision must have is built by Alembic once, then kept in the
user's cache, so that a start on an up-to-date record never runs a migration."""

from __future__ import annotations

from pathlib import Path

import pytest

from netjourney.core import paths, schema_check
from netjourney.core.database import head_revision


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    schema_check.expected_schema.cache_clear()  # this process's copy, kept per revision
    return paths.cache_folder() / "schemas"


def test_the_schema_is_built_once_and_then_read_back_the_same(cache_home: Path) -> None:
    revision = head_revision()
    built = schema_check.expected_schema(revision)
    [kept] = cache_home.iterdir()
    assert kept.name == f"{revision}-{schema_check.migrations_fingerprint()}.txt"
    assert kept.stat().st_mode & 0o077 == 0  # the user's own

    schema_check.expected_schema.cache_clear()
    assert schema_check.expected_schema(revision) == built == schema_check.built_schema(revision)
    assert ("table", "notes") in built


def test_a_damaged_cache_file_is_built_again(cache_home: Path) -> None:
    revision = head_revision()
    built = schema_check.expected_schema(revision)
    [kept] = cache_home.iterdir()
    whole = kept.read_text(encoding="utf-8")
    shortened = whole[: whole.rindex("\n", 0, -1) + 1]  # its last statement lost
    damages = ("", "7", "1\ntable\tnotes\n", whole[:-1], shortened, whole.replace("\t", " ", 1))
    for damage in (*damages, "[[1, 2]", "{}", '[["table"]]'):
        kept.write_text(damage, encoding="utf-8")
        schema_check.expected_schema.cache_clear()
        assert schema_check.expected_schema(revision) == built, damage


def test_another_migration_source_is_another_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = schema_check.migrations_fingerprint()
    copy = tmp_path / "migrations"
    for source in schema_check.MIGRATIONS_DIR.rglob("*.py"):
        target = copy / source.relative_to(schema_check.MIGRATIONS_DIR)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    (copy / "versions" / "0099_more.py").write_text("# a new migration\n", encoding="utf-8")
    monkeypatch.setattr(schema_check, "MIGRATIONS_DIR", copy)
    schema_check.migrations_fingerprint.cache_clear()
    try:
        assert schema_check.migrations_fingerprint() != before
    finally:
        schema_check.migrations_fingerprint.cache_clear()
