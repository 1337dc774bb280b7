"""The tables of the journey over time: treatments and their doses, test results,
scans, and the symptom diary.

Dates here are local calendar days (`date`, no time zone): a dose is given "on
12 March" wherever the user was, so a move across time zones or a summer-time
change never shifts a day. Appointments keep an aware time; these never do.

The file itself refuses what can never be right (CHECK constraints, written out
again in migration 0005_journey); core/journey/rules.py says the same in words
for the API and JSON import, and checks what needs two rows (a dose before its
treatment started).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from netjourney.core.journey.choices import RepeatUnit, ScanKind, TreatmentKind, ValueQualifier
from netjourney.core.models import Base, CareTeamMember, LinkedToGuide, choice_column


class Treatment(LinkedToGuide, Base):
    """A treatment had or being had; a repeating one has a schedule.

    Schedule: every `repeat_every` `repeat_unit` (e.g. 28 days), or on the
    `planned_dates` (ISO days separated by spaces), or none (a one-off).
    """

    __tablename__ = "treatments"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[TreatmentKind] = mapped_column(choice_column(TreatmentKind, "treatment_kind"))
    name: Mapped[str] = mapped_column(Text, default="")
    dose: Mapped[str] = mapped_column(Text, default="")
    how_given: Mapped[str] = mapped_column(Text, default="")
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("care_team_members.id", ondelete="SET NULL"), index=True
    )
    location: Mapped[str] = mapped_column(Text, default="")
    started_on: Mapped[date | None]
    stopped_on: Mapped[date | None]
    why_stopped: Mapped[str] = mapped_column(Text, default="")
    repeat_every: Mapped[int | None]
    repeat_unit: Mapped[RepeatUnit | None] = mapped_column(choice_column(RepeatUnit, "repeat_unit"))
    planned_dates: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    member: Mapped[CareTeamMember | None] = relationship(lazy="selectin")

    __table_args__ = (
        CheckConstraint(
            "stopped_on IS NULL OR started_on IS NULL OR stopped_on >= started_on",
            name="stops_after_start",
        ),
        CheckConstraint(
            "(repeat_every IS NULL) = (repeat_unit IS NULL) "
            "AND (repeat_every IS NULL OR repeat_every BETWEEN 1 AND 3650)",
            name="repeat_every_positive",
        ),
    )


class Dose(LinkedToGuide, Base):
    """One dose given of a treatment: when, where, and notes (e.g. the injection site)."""

    __tablename__ = "doses"

    id: Mapped[int] = mapped_column(primary_key=True)
    treatment_id: Mapped[int] = mapped_column(
        ForeignKey("treatments.id", ondelete="CASCADE"), index=True
    )
    given_on: Mapped[date] = mapped_column(index=True)
    location: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class Measurement(LinkedToGuide, Base):
    """A test result copied from a lab report, with the lab's range as printed.

    The app never judges a value: `range_low`/`range_high` are the user's copy of
    the printed range, used only to draw the band. A value the lab could only bound
    ("<0.5", ">1000") keeps its number in `value` and the sign in `value_qualifier`
    (added by migration 0006_value_qualifier; a JSON file from before it may leave it out).
    """

    __tablename__ = "measurements"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure: Mapped[str] = mapped_column(Text)
    value: Mapped[float] = mapped_column(Float)
    value_qualifier: Mapped[ValueQualifier | None] = mapped_column(
        choice_column(ValueQualifier, "value_qualifier", length=2), info={"json_optional": True}
    )
    unit: Mapped[str] = mapped_column(Text, default="")
    reference_range: Mapped[str] = mapped_column(Text, default="")
    range_low: Mapped[float | None] = mapped_column(Float)
    range_high: Mapped[float | None] = mapped_column(Float)
    lab: Mapped[str] = mapped_column(Text, default="")
    measured_on: Mapped[date] = mapped_column(index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    next_planned_on: Mapped[date | None]  # when this test is next planned

    __table_args__ = (
        CheckConstraint(
            "range_low IS NULL OR range_high IS NULL OR range_low <= range_high",
            name="range_in_order",
        ),
    )


class Scan(LinkedToGuide, Base):
    __tablename__ = "scans"

    id: Mapped[int] = mapped_column(primary_key=True)
    scanned_on: Mapped[date] = mapped_column(index=True)
    kind: Mapped[ScanKind] = mapped_column(choice_column(ScanKind, "scan_kind"))
    location: Mapped[str] = mapped_column(Text, default="")
    report: Mapped[str] = mapped_column(Text, default="")
    next_planned_on: Mapped[date | None]


class DiaryEntry(LinkedToGuide, Base):
    """One day of the symptom diary: a note and a rating per symptom."""

    __tablename__ = "diary_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(unique=True)
    note: Mapped[str] = mapped_column(Text, default="")

    ratings: Mapped[list[SymptomRating]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="selectin",
        order_by="SymptomRating.id",
    )


class SymptomRating(LinkedToGuide, Base):
    """A symptom on a diary day: rated 0-10, or counted (e.g. 4 flushes)."""

    __tablename__ = "symptom_ratings"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("diary_entries.id", ondelete="CASCADE"))
    symptom: Mapped[str] = mapped_column(String(80))
    rating: Mapped[int | None]
    count: Mapped[int | None]

    __table_args__ = (
        UniqueConstraint("entry_id", "symptom", name="uq_symptom_ratings_entry_symptom"),
        CheckConstraint("rating IS NULL OR rating BETWEEN 0 AND 10", name="rating_0_to_10"),
        CheckConstraint("count IS NULL OR count >= 0", name="count_not_negative"),
        CheckConstraint("(rating IS NULL) <> (count IS NULL)", name="rated_or_counted"),
    )
