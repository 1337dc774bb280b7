"""A record's schema must be exactly the one our migrations make: nothing extra, nothing altered.

A crafted copy could carry its own trigger (say, one that empties the care team on the
next note) or view, and SQLite would run it on our connections. So every record is
compared, before it is opened, checked or restored, with the schema the migrations
build for its revision in a scratch in-memory database. The reference is derived at
run time, so a new migration needs no list kept by hand, and cached per revision.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from functools import cache
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.pool import StaticPool

# (type, name) -> the statement that made it, normalized
Schema = dict[tuple[str, str], str]

_SCHEMA_ROWS = (
    "SELECT type, name, sql FROM sqlite_schema "
    "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name"
)
_QUOTES = re.compile(r"[\"'`\[\]]")
_SPACES = re.compile(r"\s+")


def schema_of(connection: sqlite3.Connection) -> Schema:
    """Every table, index, trigger and view of a database, with its normalized SQL."""
    return {(kind, name): _normalized(sql) for kind, name, sql in connection.execute(_SCHEMA_ROWS)}


def schema_differences(connection: sqlite3.Connection, revision: str) -> list[str]:
    """What differs from the schema our migrations make at `revision`; empty when none."""
    expected = expected_schema(revision)
    actual = schema_of(connection)
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
    """The schema the migrations make, up to `revision`, in a scratch in-memory database."""
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

    from netjourney.core.database import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


def _returning(connection: sqlite3.Connection) -> Callable[[], sqlite3.Connection]:
    return lambda: connection


def _normalized(sql: str | None) -> str:
    """Ignore what SQLite versions may write differently: quoting, spacing, letter case."""
    return _SPACES.sub(" ", _QUOTES.sub("", sql or "")).strip().lower()
