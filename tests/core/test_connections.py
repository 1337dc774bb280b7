"""Every connection the record makes is set up for durability and integrity."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from netjourney.core.record import JourneyRecord

SAFE_SETTINGS = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "secure_delete": 1}


def settings_of(cursor: Any) -> dict[str, Any]:
    return {name: cursor.execute(f"PRAGMA {name}").fetchone()[0] for name in SAFE_SETTINGS}


def test_every_pooled_connection_has_the_safe_settings(record: JourneyRecord) -> None:
    # Held at once, so the pool has to open a separate connection for each.
    held = [record.engine.raw_connection() for _ in range(4)]
    try:
        assert len({id(c.driver_connection) for c in held}) == 4
        for connection in held:
            cursor = connection.cursor()
            assert settings_of(cursor) == SAFE_SETTINGS
            assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    finally:
        for connection in held:
            connection.close()


def test_units_of_work_run_with_foreign_keys_on(record: JourneyRecord) -> None:
    with record.writing() as session:
        writing = session.execute(text("PRAGMA foreign_keys")).scalar()
    with record.reading() as session:
        reading = session.execute(text("PRAGMA foreign_keys")).scalar()

    assert (writing, reading) == (1, 1)
