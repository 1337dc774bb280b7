"""Upcoming appointments as an iCalendar file that calendar programs import.

Each event keeps the appointment's own time zone (a TZID with its VTIMEZONE),
so it shows at the right hour wherever the calendar is opened. An appointment
without an end time has no DTEND: RFC 5545 then reads it as starting and
ending at the same moment, which is truer than guessing a length.

Doses due, planned scans and planned tests are all-day events on their local
calendar day (a VALUE=DATE start: no time zone to shift them). A treatment
given every N days or weeks is one recurring event (an RRULE from its next due
day, ending at its stop date); one on given dates is an event per date. An alarm
(`alarm_hours`) fires that many hours before each event.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, Timezone

from netjourney import __version__
from netjourney.core.appointments import upcoming
from netjourney.core.guide import Guide
from netjourney.core.journey.schedule import DoseDue, doses_due
from netjourney.core.journey.upcoming import SCAN, TEST, UpcomingItem
from netjourney.core.journey.upcoming import upcoming as upcoming_items
from netjourney.core.models import Appointment, utc_now
from netjourney.core.people import with_whom
from netjourney.core.record import JourneyRecord
from netjourney.export.atomic import write_atomically
from netjourney.export.content import local_end, local_start

PRODUCT_ID = f"-//NET Journey//netjourney {__version__}//EN"
_ZONE_MARGIN = timedelta(days=366)
ZONES_DESCRIBED_UNTIL = date(2100, 12, 31)
"""Each time zone block lists its changes up to this day, not just up to the last
appointment: a calendar program uses it for the event however it is moved later."""
PLANNING_DAYS = 3660  # planned scans and tests up to ten years ahead


def export_ics(
    record: JourneyRecord,
    destination: Path,
    now: datetime | None = None,
    alarm_hours: float | None = None,
) -> int:
    """Write the calendar (see export_calendar); return how many appointments it holds."""
    return export_calendar(record, destination, now, alarm_hours).appointments


@dataclass(frozen=True)
class CalendarCounts:
    appointments: int
    doses: int  # treatments with doses due (a recurring one is one event)
    planned: int  # planned scans and tests

    def __str__(self) -> str:
        """e.g. '2 upcoming appointments, 1 treatment with doses due'"""
        parts = [_counted(self.appointments, "upcoming appointment", "upcoming appointments")]
        if self.doses:
            parts.append(
                _counted(self.doses, "treatment with doses due", "treatments with doses due")
            )
        if self.planned:
            parts.append(_counted(self.planned, "planned scan or test", "planned scans and tests"))
        return ", ".join(parts)


def _counted(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def export_calendar(
    record: JourneyRecord,
    destination: Path,
    now: datetime | None = None,
    alarm_hours: float | None = None,
) -> CalendarCounts:
    """Write appointments from `now` on, doses due and planned scans and tests, atomically."""
    now = now or utc_now()
    appointments = upcoming(record, now)
    today = now.astimezone().date()
    with record.plain_reading() as connection:
        dues = doses_due(connection, today)
    planned = [
        item for item in upcoming_items(record, today, PLANNING_DAYS) if item.kind in (SCAN, TEST)
    ]
    uid = _uid_maker(record.identity())
    calendar = _calendar(record.guide, appointments, now, uid)
    events = [*_dose_events(dues, now, uid), *(_planned_event(i, now, uid) for i in planned)]
    for event in events:
        calendar.add_component(_with_alarm(event, alarm_hours))
    if alarm_hours is not None:
        for event in calendar.events[: len(appointments)]:
            _with_alarm(event, alarm_hours)
    write_atomically(destination, bytes(calendar.to_ical()))
    return CalendarCounts(len(appointments), len(dues), len(planned))


UidMaker = Callable[[str], str]
"""An event's UID from its name within the record, e.g. 'appointment-3'."""


def _uid_maker(identity: str) -> UidMaker:
    """UIDs stable across exports, so importing again updates an event instead of doubling
    it, and unique to the record (its identity), so two records' appointment 3 stay two."""
    suffix = f".{identity}" if identity else ""
    return lambda name: f"{name}{suffix}@netjourney.local"


def appointment_uid(appointment: Appointment, uid: UidMaker) -> str:
    return uid(f"appointment-{appointment.id}")


def _calendar(
    guide: Guide, appointments: list[Appointment], stamp: datetime, uid: UidMaker
) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "NET Journey appointments")
    for appointment in appointments:
        calendar.add_component(_event(guide, appointment, stamp, uid))
    if appointments:
        first = min(local_start(a).date() for a in appointments) - _ZONE_MARGIN
        calendar.add_missing_timezones(first, ZONES_DESCRIBED_UNTIL)
    else:  # RFC 5545 wants at least one component: the zone, honest about no events
        calendar.add_component(Timezone.from_tzinfo(ZoneInfo("UTC")))
    return calendar


def _event(guide: Guide, appointment: Appointment, stamp: datetime, uid: UidMaker) -> Event:
    event = Event()
    event.add("uid", appointment_uid(appointment, uid))
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", local_start(appointment))
    end = local_end(appointment)
    if end is not None:
        event.add("dtend", end)
    event.add("summary", _summary(guide, appointment))
    if appointment.location.strip():
        event.add("location", appointment.location)
    description = _description(appointment)
    if description:
        event.add("description", description)
    return event


def _summary(guide: Guide, appointment: Appointment) -> str:
    people = with_whom(guide, appointment)
    purpose = appointment.purpose.strip() or "Appointment"
    return f"{purpose} with {people}" if people else purpose


def _description(appointment: Appointment) -> str:
    parts = []
    if appointment.what_to_bring.strip():
        parts.append(f"What to bring: {appointment.what_to_bring}")
    if appointment.planned_questions:
        numbered = [f"{n}. {q.text}" for n, q in enumerate(appointment.planned_questions, 1)]
        parts.append("Questions to ask:\n" + "\n".join(numbered))
    return "\n\n".join(parts)


def _all_day(uid: str, day: date, summary: str, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", day)  # a date: VALUE=DATE, the same day in every time zone
    event.add("summary", summary)
    return event


def _dose_events(dues: list[DoseDue], stamp: datetime, uid: UidMaker) -> list[Event]:
    events = []
    for due in dues:
        summary = f"Dose due: {due.treatment}"
        name = f"treatment-{due.treatment_id}"
        interval = due.schedule.interval
        if interval is None:  # given dates: one event per planned date still to come
            for day in (d for d in due.schedule.dates if d >= due.due_on):
                events.append(_all_day(uid(f"{name}-{day:%Y%m%d}"), day, summary, stamp))
            continue
        event = _all_day(uid(name), due.due_on, summary, stamp)
        rule: dict[str, object] = {"freq": "daily", "interval": interval.days}
        if interval.days % 7 == 0:
            rule = {"freq": "weekly", "interval": interval.days // 7}
        if due.stopped_on is not None:
            rule["until"] = due.stopped_on
        event.add("rrule", rule)
        if due.location.strip():
            event.add("location", due.location)
        if due.with_whom:
            event.add("description", f"Prescribed by {due.with_whom}")
        events.append(event)
    return events


def _planned_event(item: UpcomingItem, stamp: datetime, uid: UidMaker) -> Event:
    name = f"{item.record_kind}-{item.record_id}-next"
    event = _all_day(uid(name), item.on, f"{item.kind}: {item.what}", stamp)
    if item.with_whom:
        event.add("location", item.with_whom)
    return event


def _with_alarm(event: Event, hours: float | None) -> Event:
    if hours is not None:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", str(event["summary"]))
        alarm.add("trigger", timedelta(hours=-hours))
        event.add_component(alarm)
    return event
