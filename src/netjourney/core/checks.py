"""`netjourney check`: look a record file over without ever writing to it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from netjourney.core.database import APPLICATION_ID, inspect_record, plain_sqlite
from netjourney.core.errors import RecordError
from netjourney.core.models import RECORD_TYPES


@dataclass
class CheckReport:
    path: Path
    schema_revision: str | None = None
    user_version: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        lines = [f"Record: {self.path}"]
        if self.schema_revision:
            lines.append(f"Schema version: {self.user_version} ({self.schema_revision})")
        lines += [f"{table}: {count}" for table, count in self.counts.items()]
        if self.healthy:
            lines.append("The record is healthy: integrity and link checks passed.")
        else:
            lines += [f"PROBLEM: {problem}" for problem in self.problems]
        return lines


def check_record(path: Path) -> CheckReport:
    """Run integrity_check and foreign_key_check on a read-only connection."""
    report = CheckReport(path)
    if not path.exists():
        report.problems.append(f"There is no file at {path}.")
        return report
    try:
        report.schema_revision = inspect_record(path)
        with plain_sqlite(path) as connection:
            _run_checks(connection, report)
    except RecordError as error:
        report.problems.append(str(error))
    except sqlite3.DatabaseError as error:
        report.problems.append(f"The record is damaged: {error}. Restore a backup.")
    return report


def _run_checks(connection: sqlite3.Connection, report: CheckReport) -> None:
    report.user_version = connection.execute("PRAGMA user_version").fetchone()[0]
    assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    if integrity != ["ok"]:
        report.problems += [f"integrity: {line}" for line in integrity[:20]]
    broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        report.problems.append(f"{len(broken)} links point at records that do not exist.")
    for model in RECORD_TYPES:
        table = model.__tablename__
        report.counts[table] = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
