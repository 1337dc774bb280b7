"""Upcoming appointments as an iCalendar file that calendar programs import.

Each event keeps the appointment's own time zone (a TZID with its VTIMEZONE),
so it shows at the right hour wherever the calendar is opened. An appointment
without an end time has no DTEND: RFC 5545 then reads it as starting and
ending at the same moment, which is truer than guessing a length.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone

from netjourney import __version__
from netjourney.core.appointments import upcoming
from netjourney.core.guide import Guide
from netjourney.core.models import Appointment, utc_now
from netjourney.core.record import JourneyRecord
from netjourney.export.atomic import write_atomically
from netjourney.export.content import local_end, local_start, with_whom

PRODUCT_ID = f"-//NET Journey//netjourney {__version__}//EN"
_ZONE_MARGIN = timedelta(days=366)
ZONES_DESCRIBED_UNTIL = date(2100, 12, 31)
"""Each time zone block lists its changes up to this day, not just up to the last
appointment: a calendar program uses it for the event however it is moved later."""


def export_ics(record: JourneyRecord, destination: Path, now: datetime | None = None) -> int:
    """Write the appointments from `now` on to `destination` atomically; return how many."""
    now = now or utc_now()
    appointments = upcoming(record, now)
    write_atomically(destination, calendar_bytes(record.guide, appointments, now))
    return len(appointments)


def appointment_uid(appointment: Appointment) -> str:
    """Stable across exports, so importing again updates an event instead of doubling it."""
    return f"appointment-{appointment.id}@netjourney.local"


def calendar_bytes(guide: Guide, appointments: list[Appointment], stamp: datetime) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "NET Journey appointments")
    for appointment in appointments:
        calendar.add_component(_event(guide, appointment, stamp))
    if appointments:
        first = min(local_start(a).date() for a in appointments) - _ZONE_MARGIN
        calendar.add_missing_timezones(first, ZONES_DESCRIBED_UNTIL)
    else:  # RFC 5545 wants at least one component: the zone, honest about no events
        calendar.add_component(Timezone.from_tzinfo(ZoneInfo("UTC")))
    return bytes(calendar.to_ical())


def _event(guide: Guide, appointment: Appointment, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", appointment_uid(appointment))
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
