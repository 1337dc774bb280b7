"""Doses due and planned scans in the calendar file, read back with icalendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from netjourney.cli import main
from netjourney.core.journey.choices import TreatmentKind
from netjourney.core.journey.models import Treatment
from netjourney.core.journey.records import add_treatment
from netjourney.core.models import Appointment
from netjourney.core.record import JourneyRecord
from netjourney.export.ics import export_calendar
from tests.core.journey_records import add_journey_records

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def events_of(path: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["summary"]): e for e in calendar.events}


def test_doses_recur_and_planned_scans_are_all_day_events_with_alarms(
    record: JourneyRecord, tmp_path: Path
) -> None:
    add_journey_records(record)
    with record.writing() as session:
        add_treatment(
            session,
            Treatment(
                kind=TreatmentKind.CHEMOTHERAPY,
                name="Capecitabine cycles",
                planned_dates="2026-02-10 2026-03-10 2026-04-07",
                stopped_on=date(2026, 6, 1),
            ),
        )
        session.add(
            Appointment(
                starts_at=NOW + timedelta(days=3), time_zone="Europe/Paris", purpose="Results"
            )
        )
    out = tmp_path / "journey.ics"

    counts = export_calendar(record, out, now=NOW, alarm_hours=24)

    events = events_of(out)
    assert str(counts) == (
        "1 upcoming appointment, 2 treatments with doses due, 1 planned scan or test"
    )
    lanreotide = events["Dose due: Lanreotide (Somatuline)"]
    assert lanreotide.start == date(2026, 3, 2)  # the last dose 2 Feb + 28 days
    assert lanreotide["rrule"].to_ical() == b"FREQ=WEEKLY;INTERVAL=4"
    [alarm] = lanreotide.walk("VALARM")
    assert alarm["trigger"].dt == timedelta(hours=-24)
    every_event = icalendar.Calendar.from_ical(out.read_bytes()).events
    chemo = [e.start for e in every_event if "Capecitabine" in str(e["summary"])]
    # No dose logged yet: 10 February is overdue and stays in, as it does in `upcoming`.
    assert sorted(chemo) == [date(2026, 2, 10), date(2026, 3, 10), date(2026, 4, 7)]
    assert events["Results"].walk("VALARM")[0]["trigger"].dt == timedelta(hours=-24)
    scan = events["Scan planned: Somatostatin receptor PET"]
    assert scan.start == date(2026, 4, 20)
    assert "Lobectomy" not in out.read_text()  # a one-off, long done: nothing due


def test_the_command_takes_an_alarm_and_refuses_a_bad_one(
    record: JourneyRecord, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with record.writing() as session:
        add_treatment(
            session,
            Treatment(
                kind=TreatmentKind.SOMATOSTATIN_ANALOG,
                name="Octreotide LAR",
                started_on=date.today() + timedelta(days=3),
                repeat_every=4,
                repeat_unit="weeks",
            ),
        )
    path = record.path
    record.close()
    out = tmp_path / "c.ics"

    assert main(["export-ics", "--db", str(path), "--alarm-hours", "12", str(out)]) == 0
    with pytest.raises(SystemExit):
        main(["export-ics", "--db", str(path), "--alarm-hours", "soon", str(out)])

    printed = capsys.readouterr()
    assert f"Wrote 0 upcoming appointments, 1 treatment with doses due to {out}" in printed.out
    assert "'soon' is not a number of hours" in printed.err
    [event] = icalendar.Calendar.from_ical(out.read_bytes()).events
    assert event.start == date.today() + timedelta(days=3)
    assert event.walk("VALARM")[0]["trigger"].dt == timedelta(hours=-12)
