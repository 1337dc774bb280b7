"""`netjourney check`: look a record file over without ever writing to it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from netjourney.core.database import inspect_record, integrity_problems, plain_sqlite
from netjourney.core.errors import RecordError
from netjourney.core.registry import kinds
from netjourney.core.value_check import value_problems


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
            lines.append("The record is healthy: integrity, link and value checks passed.")
        else:
            lines += [f"PROBLEM: {problem}" for problem in self.problems]
        return lines


def check_record(path: Path) -> CheckReport:
    """Run integrity_check and foreign_key_check on a read-only connection."""
    report = CheckReport(path)
    try:  # inspect_record also names a missing file, a folder, a FIFO or a file as parent
        report.schema_revision = inspect_record(path)
        _run_checks(path, report)
    except RecordError as error:
        report.problems.append(str(error))
    except sqlite3.DatabaseError as error:
        report.problems.append(f"The record is damaged: {error}. Restore a backup.")
    return report


def _run_checks(path: Path, report: CheckReport) -> None:
    problems = integrity_problems(path)
    if problems:
        report.problems += [f"integrity: {line}" for line in problems[:20]]
        report.problems.append("The record is damaged. Restore a backup (netjourney backups).")
        return
    with plain_sqlite(path) as connection:
        report.user_version = connection.execute("PRAGMA user_version").fetchone()[0]
        for kind in kinds():
            table = kind.table_name
            report.counts[table] = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        report.problems += value_problems(connection)
        report.problems += _identity_problems(connection)


def _identity_problems(connection: sqlite3.Connection) -> list[str]:
    """The record's identity row (migration 0007_record_identity), when it has the table."""
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'record_identity'"
    ).fetchone()
    if not has_table or connection.execute("SELECT count(*) FROM record_identity").fetchone()[0]:
        return []
    return [
        "The record has lost its identity (another program removed it), so its calendar "
        "events are no longer told apart from another record's. Restore a backup to get it back."
    ]
