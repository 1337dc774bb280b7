"""The demos' treatment story: lanreotide every 28 days, markers, scans and a diary."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select

from netjourney.core.checks import check_record
from netjourney.core.journey.models import Dose, Measurement
from netjourney.core.journey.upcoming import upcoming
from netjourney.core.record import JourneyRecord
from netjourney.demo.journey import JourneySize, journey_rows
from netjourney.demo.large import FULL_SIZE
from netjourney.demo.small import fill_demo

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
TODAY = date(2026, 3, 1)


def test_five_years_hold_65_doses_60_markers_30_scans_and_1800_diary_days() -> None:
    size = JourneySize(
        FULL_SIZE["doses"], FULL_SIZE["measurements"], FULL_SIZE["scans"], FULL_SIZE["diary_days"]
    )
    rows = {
        model.__tablename__: r
        for model, r in journey_rows(random.Random(1), TODAY, size, 2).items()
    }

    given = [row["given_on"] for row in rows["doses"]]
    gaps = {(b - a).days for a, b in zip(given, given[1:], strict=False)}
    assert len(given) == 65 and gaps <= {28, 29, 30, 31} and 28 in gaps
    assert 5 * 365 - 40 <= (TODAY - given[0]).days <= 5 * 365 + 60  # about five years
    assert given[-1] < TODAY
    assert rows["treatments"][0]["started_on"] == given[0]
    assert len(rows["measurements"]) == 60
    assert {row["measure"] for row in rows["measurements"]} == {
        "Chromogranin A",
        "5-HIAA (24-hour urine)",
    }
    assert len(rows["scans"]) == 30
    days = [row["day"] for row in rows["diary_entries"]]
    assert len(set(days)) == 1800 and days[-1] == TODAY


def test_the_small_demo_has_months_of_lanreotide_with_markers_and_a_diary(
    record: JourneyRecord, tmp_path: Path
) -> None:
    counts = fill_demo(record, NOW)
    with record.reading() as session:
        doses = session.scalars(select(Dose.given_on).order_by(Dose.given_on)).all()
        measures = set(session.scalars(select(Measurement.measure)))
    items = upcoming(record, TODAY, days=40)
    record.close()

    assert counts["doses"] == 5 and (doses[-1] - doses[0]).days >= 4 * 28
    assert measures == {"Chromogranin A", "5-HIAA (24-hour urine)"}
    assert counts["diary_entries"] == 90
    assert [i.kind for i in items].count("Dose due") == 1
    assert check_record(record.path).healthy
