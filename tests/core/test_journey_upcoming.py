"""What's next, in date order: appointments, doses due, scans and tests planned."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from netjourney.cli import main
from netjourney.core.dates import clock, short_date
from netjourney.core.journey.models import Measurement, Scan
from netjourney.core.journey.records import add_measurement
from netjourney.core.journey.upcoming import upcoming
from netjourney.core.models import Appointment, CareTeamMember
from netjourney.core.record import JourneyRecord
from tests.core.journey_records import add_journey_records

TODAY = date(2026, 3, 1)


def fill(record: JourneyRecord) -> None:
    with record.writing() as session:
        oncologist = CareTeamMember(role="medical-oncologist", name="Dr. Okafor")
        session.add(oncologist)
        session.flush()
        # 23:30 on 9 March in Los Angeles is already 10 March in UTC: listed on the 9th.
        session.add(
            Appointment(
                starts_at=datetime(2026, 3, 9, 23, 30, tzinfo=ZoneInfo("America/Los_Angeles")),
                time_zone="America/Los_Angeles",
                purpose="Results of the PET scan",
                member_id=oncologist.id,
                with_whom="my daughter",
            )
        )
        session.add(
            Appointment(
                starts_at=datetime(2026, 2, 1, 9, 0, tzinfo=UTC),
                time_zone="UTC",
                purpose="Long past",
            )
        )
    add_journey_records(record, member_id=1)
    with record.writing() as session:
        add_measurement(
            session,
            Measurement(
                measure="5-HIAA (24-hour urine)",
                value=12,
                unit="mg/24 h",
                reference_range="2-9 mg/24 h",
                lab="City Lab",
                measured_on=date(2026, 2, 20),
                next_planned_on=date(2026, 3, 20),
            ),
        )


def test_everything_due_is_listed_by_day_with_whom(record: JourneyRecord) -> None:
    fill(record)

    items = upcoming(record, TODAY, days=60)

    shown = [(i.on, i.kind, i.what, i.with_whom, i.at, i.overdue) for i in items]
    assert shown == [
        # last dose 2 Feb: due 2 March; lanreotide prescribed by member 1 (Dr. Okafor)
        (date(2026, 3, 2), "Dose due", "Lanreotide (Somatuline)", "Dr. Okafor", "", False),
        (
            date(2026, 3, 9),
            "Appointment",
            "Results of the PET scan",
            "Dr. Okafor, my daughter",
            clock(datetime(2026, 3, 9, 23, 30)),
            False,
        ),
        (date(2026, 3, 20), "Test planned", "5-HIAA (24-hour urine)", "City Lab", "", False),
        (
            date(2026, 4, 20),
            "Scan planned",
            "Somatostatin receptor PET",
            "University Hospital",
            "",
            False,
        ),
    ]


def test_an_overdue_dose_stays_listed_and_flagged_and_days_limit_the_rest(
    record: JourneyRecord,
) -> None:
    fill(record)

    items = upcoming(record, date(2026, 3, 12), days=3)

    assert [(i.on, i.kind, i.overdue) for i in items] == [(date(2026, 3, 2), "Dose due", True)]


def test_the_command_prints_date_kind_what_and_with_whom(
    record: JourneyRecord, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(record)  # its doses are long overdue by the machine's today
    soon = datetime.now(UTC) + timedelta(days=2)
    with record.writing() as session:
        session.add(
            Appointment(
                starts_at=soon, time_zone="UTC", purpose="Scan results", with_whom="Dr. Lee"
            )
        )
        session.add(Scan(scanned_on=date.today(), kind="ct", next_planned_on=soon.date()))
    path = record.path
    record.close()

    assert main(["upcoming", "--db", str(path), "--days", "5"]) == 0

    lines = capsys.readouterr().out.splitlines()
    day = short_date(soon, weekday=True)
    assert lines == [
        lines[0],
        f"{day} {'':>8}  Scan planned          CT",  # a day's untimed items first
        f"{day} {clock(soon):>8}  Appointment           Scan results — Dr. Lee",
    ]
    assert "Dose due (overdue)    Lanreotide (Somatuline) — Dr. Okafor" in lines[0]


def test_the_command_refuses_a_bad_number_of_days(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["upcoming", "--db", str(tmp_path / "r.sqlite"), "--days", "-4"])
    assert "'-4' is not a number of days" in capsys.readouterr().err


def test_upcoming_imports_neither_reportlab_nor_qt() -> None:
    import subprocess
    import sys

    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, netjourney.cli, netjourney.core.journey.upcoming;"
            "print(sorted(m for m in sys.modules if m.startswith(('reportlab', 'PySide6'))))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert loaded.stdout.strip() == "[]"
