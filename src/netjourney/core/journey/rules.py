"""What a journey record may hold, in words: one place for the API and JSON import.

Each check returns what is wrong (a short phrase after the field's name) or None.
The database's CHECK constraints refuse the same values; these say why, first.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from netjourney.core.dates import short_date

DIARY_DEFAULT_SYMPTOMS = ("flushing", "diarrhea", "wheezing", "tiredness", "pain")
RATING_MAX = 10
REPEAT_MAX = 3650  # ten years: anything longer is a typing slip


def rating_problem(rating: int | None) -> str | None:
    if rating is not None and not 0 <= rating <= RATING_MAX:
        return f"must be from 0 to {RATING_MAX}, not {rating}"
    return None


def count_problem(count: int | None) -> str | None:
    if count is not None and count < 0:
        return f"cannot be negative ({count})"
    return None


def rated_or_counted_problem(rating: int | None, count: int | None) -> str | None:
    if (rating is None) == (count is None):
        return "give either a rating or a count"
    return None


def repeat_problem(every: int | None, unit: str | None) -> str | None:
    if (every is None) != (unit is None):
        return "needs both a number and days or weeks"
    if every is not None and not 1 <= every <= REPEAT_MAX:
        return f"must be from 1 to {REPEAT_MAX}, not {every}"
    return None


def stop_problem(started_on: date | None, stopped_on: date | None) -> str | None:
    if started_on and stopped_on and stopped_on < started_on:
        return f"{short_date(stopped_on)} is before the start ({short_date(started_on)})"
    return None


def dose_date_problem(given_on: date, started_on: date | None) -> str | None:
    if started_on is not None and given_on < started_on:
        return f"{short_date(given_on)} is before the treatment started ({short_date(started_on)})"
    return None


def range_problem(low: float | None, high: float | None) -> str | None:
    if low is not None and high is not None and low > high:
        return f"the low end ({low:g}) is above the high end ({high:g})"
    return None


def parse_planned_dates(text: str) -> list[date]:
    """'2026-01-05 2026-02-02' -> the days in order; ValueError names a bad one."""
    bad = next((word for word, day in _words_as_days(text) if day is None), None)
    if bad is not None:
        raise ValueError(f"{bad!r} is not a date like 2026-03-01")
    return readable_planned_dates(text)


def readable_planned_dates(text: str) -> list[date]:
    """The days a stored list holds, in order, leaving out words that are not days: another
    program may have written them, and a schedule shows what it can (check names them)."""
    return sorted({day for _, day in _words_as_days(text) if day is not None})


def _words_as_days(text: str) -> Iterator[tuple[str, date | None]]:
    for word in text.replace(",", " ").split():
        try:
            yield word, date.fromisoformat(word)
        except ValueError:
            yield word, None


def planned_dates_problem(text: str) -> str | None:
    try:
        parse_planned_dates(text)
    except ValueError as error:
        return str(error)
    return None
