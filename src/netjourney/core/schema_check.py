"""A record's schema must be exactly the one our migrations make: nothing extra, nothing altered.

A crafted copy could carry its own trigger (say, one that empties the care team on the
next note) or view, and SQLite would run it on our connections. So every record is
compared, before it is opened, checked or restored, with the schema the migrations
build for its revision in a scratch in-memory database. The reference is derived at
run time, so a new migration needs no list kept by hand, and cached per revision: in
this process, and in the user's cache folder under a fingerprint of the migrations'
source and SQLite's version, so that a start on an up-to-date record never imports
Alembic (which costs more than the whole window) nor runs a migration.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import Any

from netjourney.core import paths

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# (type, name) -> the statement that made it, normalized
Schema = dict[tuple[str, str], str]

_SCHEMA_ROWS = (
    "SELECT type, name, sql FROM sqlite_schema "
    "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name"
)
_NO_QUOTES = str.maketrans("", "", "\"'`[]")


def schema_of(connection: sqlite3.Connection) -> Schema:
    """Every table, index, trigger and view of a database, with its normalized SQL."""
    return {(kind, name): _normalized(sql) for kind, name, sql in connection.execute(_SCHEMA_ROWS)}


def schema_differences(connection: sqlite3.Connection, revision: str) -> list[str]:
    """What differs from the schema our migrations make at `revision`; empty when none."""
    return differences_from(expected_schema(revision), schema_of(connection))


def differences_from(expected: Schema, actual: Schema) -> list[str]:
    differences = [
        f"an extra {key[0]} {key[1]!r} that NET Journey never makes"
        for key in sorted(actual.keys() - expected.keys())
    ]
    differences += [
        f"the {key[0]} {key[1]!r} is missing" for key in sorted(expected.keys() - actual.keys())
    ]
    differences += [
        f"the {key[0]} {key[1]!r} was altered"
        for key in sorted(expected.keys() & actual.keys())
        if expected[key] != actual[key]
    ]
    return differences


@cache
def expected_schema(revision: str) -> Schema:
    """The schema the migrations make, up to `revision`: as these same migrations made it
    before, from the user's cache, or else built now and kept there."""
    found = kept_schema(revision)
    if found is not None:
        return found
    from netjourney.core.output_files import replace_atomically  # tempfile: not at every start

    schema = built_schema(revision)
    kept = _kept_schema_file(revision)
    with suppress(OSError):  # a read-only cache only costs the next start the time
        paths.make_private_folder(kept.parent)
        replace_atomically(kept, lambda file: file.write_text(_schema_json(schema), "utf-8"))
    return schema


def kept_schema(revision: str) -> Schema | None:
    """The schema at `revision` as kept in the user's cache by an earlier start; None when
    none is kept (or the kept one is damaged): only expected_schema builds one."""
    with suppress(OSError, ValueError):
        return _schema_from_json(_kept_schema_file(revision).read_text(encoding="utf-8"))
    return None


def _kept_schema_file(revision: str) -> Path:
    return paths.cache_folder() / "schemas" / f"{revision}-{migrations_fingerprint()}.json"


@cache
def migrations_fingerprint() -> str:
    """Changes with any migration's source (and with SQLite, which stores what it is given).

    A CRC, not a cryptographic hash: it notices a changed file for the cache's sake (the
    kept schema is no defence: a record is still compared statement by statement), and
    zlib is loaded at every start while hashlib would add to `netjourney upcoming`."""
    check = zlib.crc32(sqlite3.sqlite_version.encode())
    for source in sorted(MIGRATIONS_DIR.rglob("*.py")):
        check = zlib.crc32(source.relative_to(MIGRATIONS_DIR).as_posix().encode() + b"\0", check)
        check = zlib.crc32(source.read_bytes(), check)
    return f"{check:08x}"


def _schema_json(schema: Schema) -> str:
    return json.dumps([[kind, name, sql] for (kind, name), sql in sorted(schema.items())])


def _schema_from_json(text: str) -> Schema:
    """Raises ValueError unless `text` is what _schema_json wrote: a damaged file must not
    pass for a schema (an empty one would refuse every record)."""
    rows = json.loads(text)
    if not (isinstance(rows, list) and rows and all(map(_is_schema_row, rows))):
        raise ValueError("not a kept schema")
    return {(kind, name): sql for kind, name, sql in rows}


def _is_schema_row(row: object) -> bool:
    return isinstance(row, list) and len(row) == 3 and all(isinstance(cell, str) for cell in row)


def built_schema(revision: str) -> Schema:
    """The schema the migrations make, up to `revision`, in a scratch in-memory database."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    scratch = sqlite3.connect(":memory:", isolation_level=None)
    engine = create_engine("sqlite://", creator=_returning(scratch), poolclass=StaticPool)
    try:
        with engine.connect() as connection, connection.begin():
            run_migrations(connection, revision)
        return schema_of(scratch)
    finally:
        engine.dispose()  # closes the scratch database


def run_migrations(connection: Any, revision: str) -> None:
    """Upgrade the database on a SQLAlchemy connection to `revision` (inside its transaction)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


def _returning(connection: sqlite3.Connection) -> Callable[[], sqlite3.Connection]:
    return lambda: connection


def _normalized(sql: str | None) -> str:
    """Ignore what SQLite versions may write differently: quoting, spacing, letter case."""
    # str methods, not regular expressions: ten times faster, and every start checks
    return " ".join((sql or "").translate(_NO_QUOTES).split()).lower()
