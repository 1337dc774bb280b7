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

import os
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
_QUOTES = ('"', "'", "`", "[", "]")


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
        replace_atomically(kept, lambda file: file.write_text(_schema_text(schema), "utf-8"))
    return schema


def kept_schema(revision: str) -> Schema | None:
    """The schema at `revision` as kept in the user's cache by an earlier start; None when
    none is kept (or the kept one is damaged): only expected_schema builds one."""
    with suppress(OSError, ValueError):
        return _schema_from_text(_kept_schema_file(revision).read_text(encoding="utf-8"))
    return None


def _kept_schema_file(revision: str) -> Path:
    return paths.cache_folder() / "schemas" / f"{revision}-{migrations_fingerprint()}.txt"


@cache
def migrations_fingerprint() -> str:
    """Changes with any migration's source (and with SQLite, which stores what it is given).

    A CRC, not a cryptographic hash: it notices a changed file for the cache's sake (the
    kept schema is no defence: a record is still compared statement by statement), and
    zlib is loaded at every start while hashlib would add to `netjourney upcoming`."""
    check = zlib.crc32(sqlite3.sqlite_version.encode())
    for name, source in _migration_sources():
        check = zlib.crc32(name.encode() + b"\0", check)
        with open(source, "rb") as file:
            check = zlib.crc32(file.read(), check)
    return f"{check:08x}"


def _migration_sources() -> list[tuple[str, str]]:
    """Every .py file under MIGRATIONS_DIR, as its name there ('versions/0001_initial.py')
    and its path, by name: os.walk rather than Path.rglob, which took three times longer."""
    root = str(MIGRATIONS_DIR)
    sources = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        for file in files:
            if file.endswith(".py"):
                path = os.path.join(folder, file)
                sources.append((path[len(root) + 1 :].replace(os.sep, "/"), path))
    return sorted(sources)


def _schema_text(schema: Schema) -> str:
    """The number of statements, then one line for each: its type, name and normalized SQL
    between tabs (normalized SQL holds neither tab nor line break, nor do our names). Plain
    text, not JSON: importing json would cost `netjourney upcoming` more than reading this."""
    lines = [f"{kind}\t{name}\t{sql}\n" for (kind, name), sql in sorted(schema.items())]
    return f"{len(lines)}\n" + "".join(lines)


def _schema_from_text(text: str) -> Schema:
    """Raises ValueError unless `text` is what _schema_text wrote: a damaged file must not
    pass for a schema (an empty or a shortened one would refuse every record)."""
    count, *lines, end = text.split("\n")
    rows = [line.split("\t") for line in lines]
    if end or not lines or int(count) != len(rows) or any(len(row) != 3 for row in rows):
        raise ValueError("not a kept schema")
    return {(kind, name): sql for kind, name, sql in rows}


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
    # str methods, not regular expressions: ten times faster, and every start checks; and
    # replace, not translate, which looked up every character (three times as long)
    text = sql or ""
    for quote in _QUOTES:
        text = text.replace(quote, "")
    return " ".join(text.split()).lower()
