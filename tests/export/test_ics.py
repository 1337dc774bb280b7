"""The calendar file, parsed back with the icalendar library as a calendar program would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from netjourney.core.record import JourneyRecord
from netjourney.export.ics import export_ics
from tests.export import records
from tests.export.records import HOSTILE_TEXTS, NOW

PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")


def exported(record: JourneyRecord, tmp_path: Path) -> icalendar.Calendar:
    destination = tmp_path / "appointments.ics"
    export_ics(record, destination, now=NOW)
    return icalendar.Calendar.from_ical(destination.read_bytes())


def only_event(calendar: icalendar.Calendar) -> icalendar.Event:
    [event] = calendar.events
    return event


def test_each_event_keeps_its_own_time_zone(record: JourneyRecord, tmp_path: Path) -> None:
    paris_start = datetime(2027, 3, 28, 10, 0, tzinfo=PARIS)  # the day Paris goes to summer time
    new_york_start = datetime(2026, 11, 1, 9, 30, tzinfo=NEW_YORK)  # the day New York goes back
    records.appointment(record, paris_start, "Europe/Paris", purpose="Second opinion")
    records.appointment(
        record,
        new_york_start,
        "America/New_York",
        purpose="Scan",
        ends_at=new_york_start + timedelta(minutes=45),
    )

    calendar = exported(record, tmp_path)

    events = {str(e["summary"]): e for e in calendar.events}
    paris = events["Second opinion"]
    assert paris.start == paris_start and paris.start.utcoffset() == timedelta(hours=2)
    assert paris.start.tzinfo.key == "Europe/Paris"  # type: ignore[union-attr]
    assert paris["dtstart"].params["TZID"] == "Europe/Paris"
    new_york = events["Scan"]
    assert new_york.start.tzinfo.key == "America/New_York"  # type: ignore[union-attr]
    assert new_york.start.utcoffset() == timedelta(hours=-5)
    assert new_york.end - new_york.start == timedelta(minutes=45)
    assert {tz.tz_name for tz in calendar.timezones} == {"Europe/Paris", "America/New_York"}


def test_an_appointment_across_a_dst_change_keeps_its_wall_clock_times(
    record: JourneyRecord,
    tmp_path: Path,
) -> None:
    start = datetime(2026, 10, 25, 1, 30, tzinfo=PARIS)  # the night Paris leaves summer time
    end = datetime(2026, 10, 25, 4, 0, tzinfo=PARIS)
    records.appointment(record, start, "Europe/Paris", ends_at=end, purpose="Overnight study")

    event = only_event(exported(record, tmp_path))

    assert (event.start.hour, event.start.minute, event.end.hour) == (1, 30, 4)
    assert event.end.astimezone(UTC) - event.start.astimezone(UTC) == timedelta(hours=3.5)
    assert event.end.astimezone(UTC) == end.astimezone(UTC)


def test_only_upcoming_appointments_are_exported(record: JourneyRecord, tmp_path: Path) -> None:
    records.appointment(record, NOW - timedelta(days=1), purpose="Yesterday")
    records.appointment(record, NOW + timedelta(days=1), purpose="Tomorrow")

    calendar = exported(record, tmp_path)

    assert [str(e["summary"]) for e in calendar.events] == ["Tomorrow"]


def test_place_people_and_planned_questions_are_in_the_event(
    record: JourneyRecord, tmp_path: Path
) -> None:
    first = records.question(record, "Will I need more scans?")
    second = records.question(record, "How long is the recovery?")
    surgeon = records.member(record, "Dr. Maria Alvarez", "thoracic-surgeon")
    visit = records.appointment(
        record,
        NOW + timedelta(days=3),
        purpose="Pre-surgery visit",
        location="Lakeside Chest Surgery, Suite 210",
        what_to_bring="Medicine list",
        member_id=surgeon.id,
        with_whom="and her nurse",
        planned_questions=[first, second],
    )

    event = only_event(exported(record, tmp_path))

    assert str(event["summary"]) == (
        "Pre-surgery visit with Dr. Maria Alvarez (Thoracic surgeon), and her nurse"
    )
    assert str(event["location"]) == "Lakeside Chest Surgery, Suite 210"
    assert str(event["description"]) == (
        "What to bring: Medicine list\n\nQuestions to ask:\n"
        "1. Will I need more scans?\n2. How long is the recovery?"
    )
    assert str(event["uid"]) == f"appointment-{visit.id}.{record.identity()}@netjourney.local"
    assert event.DTSTAMP == NOW


def test_text_with_special_characters_round_trips(record: JourneyRecord, tmp_path: Path) -> None:
    hostile = "; ".join(HOSTILE_TEXTS) + ", back\\slash\nnew line"
    records.appointment(record, NOW + timedelta(days=1), purpose=hostile, location=hostile)

    event = only_event(exported(record, tmp_path))

    assert str(event["summary"]) == hostile
    assert str(event["location"]) == hostile


def test_the_uid_is_stable_between_exports(record: JourneyRecord, tmp_path: Path) -> None:
    records.appointment(record, NOW + timedelta(days=1))

    first = only_event(exported(record, tmp_path))
    second = only_event(exported(record, tmp_path))

    assert first["uid"] == second["uid"]


def test_no_upcoming_appointments_gives_a_valid_empty_calendar(
    record: JourneyRecord, tmp_path: Path
) -> None:
    destination = tmp_path / "appointments.ics"

    count = export_ics(record, destination, now=NOW)

    assert count == 0
    calendar = icalendar.Calendar.from_ical(destination.read_bytes())
    assert calendar.events == [] and str(calendar["version"]) == "2.0"
    assert destination.stat().st_mode & 0o777 == 0o600
    assert [c.name for c in calendar.subcomponents] == ["VTIMEZONE"]  # RFC 5545: one at least


def test_a_time_zone_block_describes_the_zone_far_past_the_last_appointment(
    record: JourneyRecord, tmp_path: Path
) -> None:
    records.appointment(record, NOW + timedelta(days=3), zone="America/Chicago")

    calendar = exported(record, tmp_path)

    [zone] = calendar.timezones
    assert str(zone["tzid"]) == "America/Chicago"
    daylight_starts = [
        line
        for line in zone.to_ical().decode().replace("\r\n ", "").splitlines()
        if line.startswith("RDATE")
    ]
    assert any("21000314T030000" in line for line in daylight_starts)  # DST starts in 2100


def test_the_summary_does_not_repeat_a_role_the_name_already_says(
    record: JourneyRecord, tmp_path: Path
) -> None:
    nurse = records.member(record, "Grace Kim, RN (nurse navigator)", "nurse")
    records.appointment(record, NOW + timedelta(days=3), purpose="Check-in", member_id=nurse.id)

    event = only_event(exported(record, tmp_path))

    assert str(event["summary"]) == "Check-in with Grace Kim, RN (nurse navigator)"
