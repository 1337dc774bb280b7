"""Every stored value against its column's type and choices, for `netjourney check`.

SQLite keeps whatever it is given: another program, an old bug, or a file edited by
hand can leave a note dated 'garbage' or a question whose status is 'weird', which
SQLite's integrity checks call healthy. This scan reads each table of the models once
and names every value its column cannot hold: wrong storage class, an unreadable date
or time, a choice outside the column's list, a missing required value.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Boolean, Column, Date, Enum, Float, Integer, String, Table, Text

from netjourney.core.dates import time_zone_problem
from netjourney.core.journey.rules import planned_dates_problem
from netjourney.core.models import (
    Base,
    StoredDate,
    StoredFloat,
    StoredInteger,
    StoredText,
    UTCDateTime,
)
from netjourney.core.stored_values import parse_stored_time

MOST_PROBLEMS_NAMED = 50
"""A file with thousands of bad values gets the first ones and a count, not a flood."""


@dataclass(frozen=True)
class BadValue:
    table: str
    row_id: object
    column: str
    value: object
    problem: str

    def __str__(self) -> str:
        shown = repr(self.value)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        return f"{self.table} row {self.row_id}, {self.column}: {shown} {self.problem}"


Rule = Callable[[object], str | None]
"""Says what is wrong with a stored, non-NULL value, or None when it is fine."""


class NotUtf8(bytes):
    """Stored as TEXT, but bytes that are not UTF-8 (the app reads them with U+FFFD)."""


def _text_or_flagged(stored: bytes) -> str | NotUtf8:
    try:
        return stored.decode("utf-8")
    except UnicodeDecodeError:
        return NotUtf8(stored)


def bad_values(connection: sqlite3.Connection) -> Iterator[BadValue]:
    """Each value of the models' tables its column cannot hold, table by table."""
    present = {row[0] for row in connection.execute("SELECT name FROM sqlite_schema")}
    reading_text, connection.text_factory = connection.text_factory, _text_or_flagged
    try:
        for table in Base.metadata.sorted_tables:
            if table.name in present:
                yield from _bad_values_in(connection, table)
    finally:
        connection.text_factory = reading_text


def value_problems(connection: sqlite3.Connection) -> list[str]:
    """The bad values as report lines, with advice; empty when every value fits."""
    found = list(bad_values(connection))
    if not found:
        return []
    lines = [f"value: {bad}" for bad in found[:MOST_PROBLEMS_NAMED]]
    if len(found) > MOST_PROBLEMS_NAMED:
        lines.append(f"... and {len(found) - MOST_PROBLEMS_NAMED} more bad values.")
    lines.append(
        f"{len(found)} stored value(s) are not what their column holds (another program "
        "or an old version may have written them). NET Journey shows such rows flagged: "
        "correct them in the app, or restore a backup from before."
    )
    return lines


def _bad_values_in(connection: sqlite3.Connection, table: Table) -> Iterator[BadValue]:
    columns = [column for column in table.columns if column.name in _stored(connection, table)]
    rules = [(column, _rule_for(column)) for column in columns]
    key = next(iter(table.primary_key.columns)).name
    names = ", ".join(f'"{column.name}"' for column in columns)
    for row in connection.execute(f'SELECT "{key}", {names} FROM "{table.name}"'):
        for (column, rule), value in zip(rules, row[1:], strict=True):
            problem = _problem(column, rule, value)
            if problem is not None:
                yield BadValue(table.name, row[0], column.name, value, problem)


def _stored(connection: sqlite3.Connection, table: Table) -> set[str]:
    """The table's columns as the file has them (an older schema may lack some)."""
    return {row[1] for row in connection.execute(f'PRAGMA table_info("{table.name}")')}


def _problem(column: Column[object], rule: Rule, value: object) -> str | None:
    if value is None:
        return None if column.nullable else "is missing (the column must have a value)"
    if isinstance(value, NotUtf8):
        return "is text whose bytes are not UTF-8"
    return rule(value)


def _rule_for(column: Column[object]) -> Rule:
    of_type = _type_rule(column)
    of_format = _FORMAT_RULES.get((column.table.name, column.name))
    if of_format is None:
        return of_type

    def rule(value: object) -> str | None:
        problem = of_type(value)
        return of_format(value) if problem is None and isinstance(value, str) else problem

    return rule


def _planned_dates_rule(value: str) -> str | None:
    problem = planned_dates_problem(value)
    return None if problem is None else f"holds {problem}"


def _time_zone_rule(value: str) -> str | None:
    return None if time_zone_problem(value) is None else "is not a time zone this computer knows"


_FORMAT_RULES: dict[tuple[str, str], Callable[[str], str | None]] = {
    ("treatments", "planned_dates"): _planned_dates_rule,
    ("appointments", "time_zone"): _time_zone_rule,
}
"""Text columns whose text has a form of its own, checked once it is text."""


def _type_rule(column: Column[object]) -> Rule:
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return _parsed_by(parse_stored_time, "a time that can be shown")
    if isinstance(kind, Enum):
        return _one_of(tuple(kind.enums))
    if isinstance(kind, Date | StoredDate):
        return _parsed_by(date.fromisoformat, "a date")
    if isinstance(kind, Boolean):
        return _one_of((0, 1))
    if isinstance(kind, Integer | StoredInteger):
        return _of_class(int, "a whole number")
    if isinstance(kind, Float | StoredFloat):
        return _is_number
    if isinstance(kind, String | Text | StoredText):
        return _of_class(str, "text")
    raise TypeError(f"no value rule for {column.table.name}.{column.name} ({kind!r})")


def _is_number(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "is not a number"
    # SQLite keeps infinity (another program can write 9e999); no result is infinite.
    return None if math.isfinite(value) else "is not a finite number"


def _of_class(kind: type, name: str) -> Rule:
    def rule(value: object) -> str | None:
        return None if type(value) is kind else f"is not {name}"

    return rule


def _one_of(choices: tuple[object, ...]) -> Rule:
    def rule(value: object) -> str | None:
        return None if value in choices else f"is not one of {', '.join(map(str, choices))}"

    return rule


def _parsed_by(parse: Callable[[str], object], name: str) -> Rule:
    def rule(value: object) -> str | None:
        if not isinstance(value, str):
            return f"is not {name}"
        try:
            parse(value)
        except ValueError:
            return f"is not {name}"
        return None

    return rule
