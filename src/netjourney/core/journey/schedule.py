"""When the next dose of a repeating treatment is due.

Dates are local calendar days. A schedule of "every 28 days" counts days on the
calendar, not 28 x 24 hours: a dose on 30 January is next due on 27 February
in any year's month lengths, and a summer-time change or a flight to another
time zone never moves it. "Today" is the caller's local day
(`datetime.now(zone).date()` in the zone the user is in now), so a user who
crossed time zones sees a dose as due on the day of the place they are in.

The next dose follows the last dose given, not the plan: a dose given three days
late moves every later due date three days. With no dose yet, the first is due on
the start date. A stopped treatment has nothing due. A treatment on given dates
is due on the first planned date after its last dose.
"""

# No `from __future__ import annotations` here: typing.NamedTuple compiles each field's
# annotation kept as a string, which cost `netjourney upcoming` a few tenths of a millisecond.

import sqlite3
from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple, Protocol

from netjourney.core.dates import long_date, short_date
from netjourney.core.journey.choices import RepeatUnit, treatment_title
from netjourney.core.journey.rules import readable_planned_dates
from netjourney.core.plain_read import planned_treatments
from netjourney.core.stored_values import choice_label


class Scheduled(Protocol):
    """A treatment's schedule columns: the model's, or core/plain_read.py's plain row."""

    @property
    def repeat_every(self) -> int | None: ...
    @property
    def repeat_unit(self) -> RepeatUnit | None: ...
    @property
    def planned_dates(self) -> str: ...


class Schedule(NamedTuple):
    """Every `every` days or weeks, or on the `dates`; neither: a one-off."""

    every: int | None = None
    unit: RepeatUnit | None = None
    dates: tuple[date, ...] = ()

    @classmethod
    def of(cls, treatment: Scheduled) -> "Schedule":
        return cls(
            treatment.repeat_every,
            RepeatUnit(treatment.repeat_unit) if treatment.repeat_unit else None,
            tuple(readable_planned_dates(treatment.planned_dates or "")),
        )

    @property
    def interval(self) -> timedelta | None:
        """None without a repeat, or with a stored unit this version does not know."""
        if self.every is None or self.unit is None or not self.unit.known:
            return None
        return timedelta(days=self.every * (7 if self.unit == RepeatUnit.WEEKS else 1))

    @property
    def repeats(self) -> bool:
        return self.interval is not None or bool(self.dates)


def schedule_text(schedule: Schedule) -> str:
    """e.g. 'Every 28 days', 'Every 2 weeks', 'On 3 March 2026, 31 March 2026', or ''."""
    if schedule.every is not None and schedule.unit is not None and not schedule.unit.known:
        unit_text = choice_label({}, schedule.unit, "unit")
        return f"Every {schedule.every} {unit_text}; so no next due date"
    if schedule.every is not None and schedule.unit is not None:
        unit = "day" if schedule.unit == RepeatUnit.DAYS else "week"
        return f"Every {schedule.every} {unit}{'' if schedule.every == 1 else 's'}"
    if schedule.dates:
        return "On " + ", ".join(long_date(d, weekday=False) for d in schedule.dates)
    return ""


def next_due(
    schedule: Schedule,
    started_on: date | None,
    stopped_on: date | None,
    last_dose: date | None,
    today: date,
) -> date | None:
    """The day the next dose is due (maybe already past: overdue), or None."""
    if stopped_on is not None and stopped_on <= today:
        return None
    due = _next_on_schedule(schedule, started_on, last_dose)
    if due is None or (stopped_on is not None and due > stopped_on):
        return None
    return due


def _next_on_schedule(
    schedule: Schedule, started_on: date | None, last_dose: date | None
) -> date | None:
    if schedule.interval is not None:
        if last_dose is None:
            return started_on
        try:
            return last_dose + schedule.interval
        except OverflowError:  # a dose stored in the year 9999: no day comes after it
            return None
    return next((d for d in schedule.dates if last_dose is None or d > last_dose), None)


def next_dose_words(
    schedule: Schedule,
    started_on: date | None,
    stopped_on: date | None,
    last_dose: date | None,
    today: date,
) -> str:
    """A list row's plain words for the next dose: 'Overdue: due 3 Mar 2026', or ''."""
    due = next_due(schedule, started_on, stopped_on, last_dose, today)
    if due is None or not schedule.repeats:
        return ""
    day = short_date(due, weekday=True)
    return f"Overdue: next dose was due {day}" if due < today else f"Next dose due {day}"


def occurrences(schedule: Schedule, first: date, until: date) -> list[date]:
    """The due days from `first` up to `until` if every dose is given on time."""
    if schedule.interval is None:
        return [d for d in schedule.dates if first <= d <= until]
    days, day = [], first
    while day <= until:
        days.append(day)
        day += schedule.interval
    return days


class DoseDue(NamedTuple):
    treatment_id: int
    treatment: str  # its name, or its kind's words
    due_on: date
    overdue: bool  # due before today and not yet given
    with_whom: str  # the prescriber, when known
    location: str
    schedule: Schedule
    stopped_on: date | None  # a planned stop ends the recurring event


def doses_due(connection: sqlite3.Connection, today: date) -> list[DoseDue]:
    """The next dose of every repeating treatment still going, by due date (read from an
    open record with JourneyRecord.plain_reading, or from core/plain_read.opened_plainly)."""
    due: list[DoseDue] = []
    for treatment in planned_treatments(connection):
        schedule = Schedule.of(treatment)
        on = next_due(
            schedule, treatment.started_on, treatment.stopped_on, treatment.last_dose, today
        )
        if on is not None and schedule.repeats:
            due.append(
                DoseDue(
                    treatment.id,
                    treatment_title(treatment.name, treatment.kind),
                    on,
                    on < today,
                    treatment.prescriber,
                    treatment.location,
                    schedule,
                    treatment.stopped_on,
                )
            )
    return sorted(due, key=lambda d: (d.due_on, d.treatment_id))


def overdue(dues: Sequence[DoseDue]) -> list[DoseDue]:
    return [d for d in dues if d.overdue]
