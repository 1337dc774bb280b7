"""The page lists of the journey's records (see core/listing.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Row, String, case, cast, func, literal, select
from sqlalchemy.sql.elements import ColumnElement

from netjourney.core.dates import short_date
from netjourney.core.journey.choices import (
    RepeatUnit,
    ValueQualifier,
    scan_kind_label,
    treatment_kind_label,
    treatment_title,
)
from netjourney.core.journey.models import (
    DiaryEntry,
    Dose,
    Measurement,
    Scan,
    SymptomRating,
    Treatment,
)
from netjourney.core.journey.rules import readable_planned_dates
from netjourney.core.listing import ListColumn, Listing
from netjourney.core.models import CareTeamMember
from netjourney.core.stored_values import choice_label


def _day(key: str) -> Any:
    return lambda row: short_date(getattr(row, key)) if getattr(row, key) else ""


def _text(key: str) -> Any:
    return lambda row: " ".join(str(getattr(row, key) or "").split())


def day_text(day: date) -> str:
    """'Mar 3, 2026' or '3 Mar 2026': a day in a title or a chart, as the region writes it
    (core/dates.py)."""
    return short_date(day)


def value_text(value: float, unit: str, qualifier: str | None = None) -> str:
    """A value as the user typed it, to its own precision: 120, 3.5 (never 120.0), with
    the lab's bound when it printed one: "<0.5 ng/mL", "≥1000 U/L". A stored sign this
    version does not know follows the value, flagged."""
    bound = ValueQualifier(qualifier) if qualifier else None
    if bound is not None and not bound.known:
        return f"{value:g} {unit}".strip() + ", " + choice_label({}, bound, "sign")
    return f"{bound.symbol if bound else ''}{value:g} {unit}".strip()


def treatments_listing() -> Listing:
    t, m = Treatment, CareTeamMember
    last_dose = select(func.max(Dose.given_on)).where(Dose.treatment_id == t.id).scalar_subquery()
    return Listing(
        select(
            t.id.label("id"),
            t.kind,
            t.name,
            t.dose,
            t.started_on,
            t.stopped_on,
            m.name.label("by"),
            t.repeat_every,
            t.repeat_unit,
            t.planned_dates,
            last_dose.label("last_dose"),
        ).outerjoin(m, t.member_id == m.id),
        (
            ListColumn("Treatment", t.name, lambda r: treatment_title(r.name, r.kind)),
            ListColumn("Kind", t.kind, lambda r: treatment_kind_label(r.kind)),
            ListColumn("Dose", t.dose, _text("dose")),
            ListColumn("Started", t.started_on, _day("started_on")),
            ListColumn("Stopped", t.stopped_on, _day("stopped_on")),
            ListColumn("Prescribed by", m.name, _text("by")),
            ListColumn("Schedule", t.repeat_every, _schedule_words),
            ListColumn("Next dose", last_dose, _next_dose_words),
        ),
        default_sort=3,
        default_descending=True,
    )


def _schedule_of(row: Row[Any]) -> Any:
    # Here, not at the top: schedule.py names treatments with treatment_title from here.
    from netjourney.core.journey.schedule import Schedule

    unit = RepeatUnit(row.repeat_unit) if row.repeat_unit else None
    return Schedule(row.repeat_every, unit, tuple(readable_planned_dates(row.planned_dates or "")))


def _schedule_words(row: Row[Any]) -> str:
    from netjourney.core.journey.schedule import schedule_text

    return schedule_text(_schedule_of(row))


def _next_dose_words(row: Row[Any]) -> str:
    """When the next dose is due, counted from today as the list is read."""
    from netjourney.core.journey.schedule import next_dose_words

    schedule = _schedule_of(row)
    return next_dose_words(schedule, row.started_on, row.stopped_on, row.last_dose, date.today())


def doses_listing() -> Listing:
    d, t = Dose, Treatment
    return Listing(
        select(d.id.label("id"), d.given_on, t.name, t.kind, d.location, d.notes).join(
            t, d.treatment_id == t.id
        ),
        (
            ListColumn("Given on", d.given_on, _day("given_on")),
            ListColumn("Treatment", t.name, lambda r: treatment_title(r.name, r.kind)),
            ListColumn("Where", d.location, _text("location")),
            ListColumn("Notes", d.notes, _text("notes")),
        ),
        default_descending=True,
    )


def measurements_listing() -> Listing:
    m = Measurement
    return Listing(
        select(
            m.id.label("id"),
            m.measured_on,
            m.measure,
            m.value,
            m.value_qualifier,
            m.unit,
            m.reference_range,
            m.lab,
        ),
        (
            ListColumn("Date", m.measured_on, _day("measured_on")),
            ListColumn("Measure", m.measure, _text("measure")),
            ListColumn("Value", m.value, lambda r: value_text(r.value, r.unit, r.value_qualifier)),
            ListColumn("Lab's range", m.reference_range, _text("reference_range")),
            ListColumn("Lab", m.lab, _text("lab")),
        ),
        default_descending=True,
    )


def scans_listing() -> Listing:
    s = Scan
    return Listing(
        select(s.id.label("id"), s.scanned_on, s.kind, s.location, s.report, s.next_planned_on),
        (
            ListColumn("Date", s.scanned_on, _day("scanned_on")),
            ListColumn("Kind", s.kind, lambda r: scan_kind_label(r.kind)),
            ListColumn("Where", s.location, _text("location")),
            ListColumn("Report", s.report, _text("report")),
            ListColumn("Next planned", s.next_planned_on, _day("next_planned_on")),
        ),
        default_descending=True,
    )


def diary_listing() -> Listing:
    e, r = DiaryEntry, SymptomRating
    ratings = (
        select(func.group_concat(r.symptom + " " + _rating_sql_text(), ", "))
        .where(r.entry_id == e.id)
        .scalar_subquery()
    )
    return Listing(
        select(e.id.label("id"), e.day, e.note, ratings.label("ratings")),
        (
            ListColumn("Day", e.day, _day("day")),
            ListColumn("Symptoms", ratings, _text("ratings")),
            ListColumn("Note", e.note, _text("note")),
        ),
        default_descending=True,
    )


def symptom_ratings_listing() -> Listing:
    e, r = DiaryEntry, SymptomRating
    return Listing(
        select(r.id.label("id"), e.day, r.symptom, r.rating, r.count.label("times")).join(
            e, r.entry_id == e.id
        ),
        (
            ListColumn("Day", e.day, _day("day")),
            ListColumn("Symptom", r.symptom, _text("symptom")),
            ListColumn("Rating", r.rating, lambda row: rating_text(row.rating, row.times)),
        ),
        default_descending=True,
    )


UNREADABLE_RATING = "[unreadable rating: netjourney check names it]"


def rating_text(rating: int | None, count: int | None) -> str:
    if rating is None and count is None:  # a stored one was not a whole number
        return UNREADABLE_RATING
    return f"{rating}/10" if rating is not None else f"{count} times"


def _rating_sql_text() -> ColumnElement[str]:
    """rating_text in SQL, for the diary list's one line per day: StoredInteger reads a
    stored value that is not a whole number ('bad') as none, so only integers count here."""
    r = SymptomRating
    return case(
        (func.typeof(r.rating) == "integer", cast(r.rating, String) + "/10"),
        (func.typeof(r.count) == "integer", cast(r.count, String) + " times"),
        else_=literal(UNREADABLE_RATING),
    )


def scan_kind_text(row: Row[Any]) -> str:
    return scan_kind_label(row.kind)


def scan_title(row: Row[Any]) -> str:
    """'Somatostatin receptor PET — 20 Jan 2026'."""
    return f"{scan_kind_text(row)} — {day_text(row.scanned_on)}"


def measurement_value_text(row: Row[Any]) -> str:
    """'Chromogranin A <0.5 ng/mL': what was measured and what the lab printed."""
    return f"{row.measure} {value_text(row.value, row.unit, row.value_qualifier)}"


def measurement_title(row: Row[Any]) -> str:
    """'Chromogranin A 120 ng/mL — 3 Mar 2026': one value told from the others."""
    return f"{measurement_value_text(row)} — {day_text(row.measured_on)}"


def dose_place_text(row: Row[Any]) -> str:
    """Where a dose was given ('Infusion clinic'), or 'Given' when no place was noted."""
    return " ".join(row.location.split()) or "Given"


def dose_title(row: Row[Any]) -> str:
    """'Dose given at Infusion clinic — 5 Jan 2026'."""
    where = f" at {row.location.strip()}" if row.location.strip() else ""
    return f"Dose given{where} — {day_text(row.given_on)}"


def diary_title(row: Row[Any]) -> str:
    """'Diary for 6 Jan 2026'."""
    return f"Diary for {day_text(row.day)}"
