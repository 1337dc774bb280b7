"""When the next dose is due: local calendar days, late doses, stopped treatments."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from netjourney.core.journey.choices import RepeatUnit, TreatmentKind
from netjourney.core.journey.models import Treatment
from netjourney.core.journey.records import add_treatment, log_dose
from netjourney.core.journey.schedule import Schedule, doses_due, next_due, occurrences
from netjourney.core.record import JourneyRecord

EVERY_28_DAYS = Schedule(28, RepeatUnit.DAYS)


def test_every_28_days_counts_calendar_days_across_month_ends_and_a_leap_day() -> None:
    due = occurrences(EVERY_28_DAYS, date(2027, 12, 30), date(2028, 4, 30))

    assert due == [
        date(2027, 12, 30),
        date(2028, 1, 27),
        date(2028, 2, 24),
        date(2028, 3, 23),  # across 29 February 2028
        date(2028, 4, 20),
    ]


def test_summer_time_and_a_flight_across_time_zones_do_not_move_a_due_day() -> None:
    # A dose given on the evening of 8 March in New York, the night summer time starts.
    given = datetime(2026, 3, 8, 21, 30, tzinfo=ZoneInfo("America/New_York")).date()
    due = next_due(EVERY_28_DAYS, date(2026, 1, 1), None, given, today=given)
    assert due == date(2026, 4, 5)

    # On 5 April the user is in Tokyo, already 5 April there while it is 4 April in
    # New York: the dose is due on their own day, not a day early or late.
    in_tokyo = datetime(2026, 4, 5, 9, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert in_tokyo.astimezone(ZoneInfo("America/New_York")).date() == date(2026, 4, 4)
    assert due == in_tokyo.date()
    # 28 days that are 671 hours long (summer time took one): counted in days, still 28.
    new_york = ZoneInfo("America/New_York")
    elapsed = datetime(2026, 4, 5, tzinfo=new_york).astimezone(UTC) - datetime(
        2026, 3, 8, tzinfo=new_york
    ).astimezone(UTC)
    assert elapsed / timedelta(hours=1) == 28 * 24 - 1


def test_a_late_dose_moves_the_next_due_date() -> None:
    on_time = next_due(EVERY_28_DAYS, date(2026, 1, 5), None, date(2026, 2, 2), date(2026, 2, 2))
    late = next_due(EVERY_28_DAYS, date(2026, 1, 5), None, date(2026, 2, 5), date(2026, 2, 5))

    assert on_time == date(2026, 3, 2)
    assert late == date(2026, 3, 5)


def test_the_first_dose_is_due_on_the_start_and_weeks_are_seven_days() -> None:
    every_4_weeks = Schedule(4, RepeatUnit.WEEKS)
    assert next_due(every_4_weeks, date(2026, 1, 5), None, None, date(2026, 1, 1)) == date(
        2026, 1, 5
    )
    assert next_due(every_4_weeks, None, None, date(2026, 1, 5), date(2026, 1, 6)) == date(
        2026, 2, 2
    )


def test_a_stopped_treatment_has_nothing_due() -> None:
    today = date(2026, 3, 10)
    stopped = next_due(EVERY_28_DAYS, date(2026, 1, 5), date(2026, 3, 1), date(2026, 2, 2), today)
    stops_before_next = next_due(
        EVERY_28_DAYS, date(2026, 1, 5), date(2026, 3, 20), date(2026, 3, 1), today
    )

    assert stopped is None
    assert stops_before_next is None  # next would be 29 March, after the planned stop


def test_given_dates_are_due_one_after_another() -> None:
    planned = Schedule(dates=(date(2026, 1, 10), date(2026, 2, 14), date(2026, 4, 1)))

    assert next_due(planned, None, None, None, date(2026, 1, 1)) == date(2026, 1, 10)
    assert next_due(planned, None, None, date(2026, 2, 15), date(2026, 2, 20)) == date(2026, 4, 1)
    assert next_due(planned, None, None, date(2026, 4, 1), date(2026, 4, 2)) is None


def test_an_overdue_dose_is_flagged_and_logging_it_moves_the_next(
    record: JourneyRecord,
) -> None:
    with record.writing() as session:
        treatment = add_treatment(
            session,
            Treatment(
                kind=TreatmentKind.SOMATOSTATIN_ANALOG,
                name="Lanreotide",
                started_on=date(2026, 1, 5),
                repeat_every=28,
                repeat_unit=RepeatUnit.DAYS,
            ),
        )
        add_treatment(session, Treatment(kind=TreatmentKind.SURGERY, name="Lobectomy"))
        log_dose(session, treatment.id, date(2026, 1, 5))
    today = date(2026, 2, 6)

    with record.plain_reading() as connection:
        before = doses_due(connection, today)
    with record.writing() as session:
        log_dose(session, treatment.id, today)
    with record.plain_reading() as connection:
        after = doses_due(connection, today)

    assert [(d.treatment, d.due_on, d.overdue) for d in before] == [
        ("Lanreotide", date(2026, 2, 2), True)
    ]
    assert [(d.due_on, d.overdue) for d in after] == [(date(2026, 3, 6), False)]


def test_the_treatments_list_says_the_schedule_and_when_the_next_dose_is_due(
    record: JourneyRecord,
) -> None:
    from netjourney.core.dates import short_date
    from netjourney.core.journey.listings import treatments_listing
    from netjourney.core.listing import ListQuery, fetch_rows

    today = date.today()
    with record.writing() as session:
        late, on_time = (
            add_treatment(
                session,
                Treatment(
                    kind=TreatmentKind.SOMATOSTATIN_ANALOG,
                    name=name,
                    started_on=today - timedelta(days=60),
                    repeat_every=every,
                    repeat_unit=unit,
                ),
            )
            for name, every, unit in (("Late", 28, RepeatUnit.DAYS), ("Kept", 4, RepeatUnit.WEEKS))
        )
        log_dose(session, late.id, today - timedelta(days=40))
        log_dose(session, on_time.id, today)
        add_treatment(session, Treatment(kind=TreatmentKind.SURGERY, name="Lobectomy"))

    listing = treatments_listing()
    rows = fetch_rows(record, ListQuery(listing, 0, descending=False), 0, 10)
    shown = {row.cells[0]: (row.cells[6], row.cells[7]) for row in rows}
    twelve_days_ago = short_date(today - timedelta(days=12), weekday=True)
    in_28_days = short_date(today + timedelta(days=28), weekday=True)
    assert shown == {
        "Kept": ("Every 4 weeks", f"Next dose due {in_28_days}"),
        "Late": ("Every 28 days", f"Overdue: next dose was due {twelve_days_ago}"),
        "Lobectomy": ("", ""),  # a one-off: nothing is due
    }
    assert [c.header for c in listing.columns[6:]] == ["Schedule", "Next dose"]
