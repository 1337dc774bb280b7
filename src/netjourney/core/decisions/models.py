"""The tables of decisions, their options, second opinions and clinical trials.

Dates are local calendar days, as in the journey. The file itself refuses what can
never be right (CHECK constraints, written out again in migration 0008_decisions);
core/decisions/rules.py says the same in words, first.

A decision's choice is one of its own options (`chosen_option_id`). The options
point back at their decision, so the two tables refer to each other: the choice's
foreign key is checked at commit (DEFERRABLE), which lets undo put a decision and its
options back in one unit of work, and it is marked use_alter so SQLAlchemy can order
the tables (SQLite still writes it inside CREATE TABLE).
"""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, object_session, relationship

from netjourney.core.models import Appointment, Base, CareTeamMember, LinkedToGuide, choice_column
from netjourney.core.stored_values import StoredChoice

RecordT = TypeVar("RecordT")


class TrialOutcome(StoredChoice):
    """Where a trial ended up for the user: the last step of its history."""

    ENROLLED = "enrolled"
    NOT_ELIGIBLE = "not_eligible"
    DECLINED = "declined"
    CLOSED = "closed"


decision_appointments = Table(
    "decision_appointments",
    Base.metadata,
    Column("decision_id", ForeignKey("decisions.id", ondelete="CASCADE"), primary_key=True),
    Column("appointment_id", ForeignKey("appointments.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_decision_appointments_appointment_id", "appointment_id"),
)
decision_members = Table(
    "decision_members",
    Base.metadata,
    Column("decision_id", ForeignKey("decisions.id", ondelete="CASCADE"), primary_key=True),
    Column("member_id", ForeignKey("care_team_members.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_decision_members_member_id", "member_id"),
)


class Decision(LinkedToGuide, Base):
    """A question to decide ("which treatment after surgery") and how it was decided."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    question: Mapped[str] = mapped_column(Text, default="")
    priorities: Mapped[str] = mapped_column(Text, default="")  # what matters most, in own words
    raised_on: Mapped[date | None]  # when the question came up
    decided_on: Mapped[date | None]
    chosen_option_id: Mapped[int | None] = mapped_column(
        ForeignKey(
            "decision_options.id",
            ondelete="SET NULL",
            use_alter=True,
            deferrable=True,
            initially="DEFERRED",
            name="fk_decisions_chosen_option_id",
        ),
        index=True,
    )
    reason: Mapped[str] = mapped_column(Text, default="")
    how_it_went: Mapped[str] = mapped_column(Text, default="")

    options: Mapped[list[DecisionOption]] = relationship(
        lazy="selectin",
        order_by="DecisionOption.id",
        foreign_keys="DecisionOption.decision_id",
        viewonly=True,  # options are records of their own: added, edited and undone alone
    )
    appointments: Mapped[list[Appointment]] = relationship(
        secondary=decision_appointments, lazy="selectin", order_by=Appointment.starts_at
    )
    members: Mapped[list[CareTeamMember]] = relationship(
        secondary=decision_members, lazy="selectin", order_by=CareTeamMember.name
    )

    __table_args__ = (
        CheckConstraint(
            "decided_on IS NULL OR raised_on IS NULL OR decided_on >= raised_on",
            name="decided_after_raised",
        ),
    )

    # The editor sets these like any field; the lists follow (in the caller's session).
    @property
    def appointment_ids(self) -> list[int]:
        return [appointment.id for appointment in self.appointments]

    @appointment_ids.setter
    def appointment_ids(self, wanted: list[int]) -> None:
        self.appointments = _each(self, Appointment, wanted)

    @property
    def member_ids(self) -> list[int]:
        return [member.id for member in self.members]

    @member_ids.setter
    def member_ids(self, wanted: list[int]) -> None:
        self.members = _each(self, CareTeamMember, wanted)


def _each(owner: object, model: type[RecordT], ids: list[int]) -> list[RecordT]:
    session = object_session(owner)
    if session is None:
        raise ValueError("links to other records are set on a stored decision")
    found = [session.get(model, record_id) for record_id in dict.fromkeys(ids)]
    return [f for f in found if f is not None]  # one removed meanwhile: no longer linked


class DecisionOption(LinkedToGuide, Base):
    """One option considered for a decision, as the user heard it."""

    __tablename__ = "decision_options"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("decisions.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(Text, default="")
    aims: Mapped[str] = mapped_column(Text, default="")  # what it aims to do
    benefits: Mapped[str] = mapped_column(Text, default="")
    risks: Mapped[str] = mapped_column(Text, default="")
    member_id: Mapped[int | None] = mapped_column(  # who suggested it, from the care team
        ForeignKey("care_team_members.id", ondelete="SET NULL"), index=True
    )
    suggested_by: Mapped[str] = mapped_column(Text, default="")  # or someone else

    member: Mapped[CareTeamMember | None] = relationship(lazy="selectin")


class SecondOpinion(LinkedToGuide, Base):
    """A second opinion asked for: who, where, when, what was sent, what they said."""

    __tablename__ = "second_opinions"

    id: Mapped[int] = mapped_column(primary_key=True)
    person: Mapped[str] = mapped_column(Text, default="")
    center: Mapped[str] = mapped_column(Text, default="")
    asked_on: Mapped[date | None]
    given_on: Mapped[date | None]  # when they gave their opinion
    sent_reports: Mapped[bool] = mapped_column(Boolean, default=False)
    sent_scans: Mapped[bool] = mapped_column(Boolean, default=False)
    sent_slides: Mapped[bool] = mapped_column(Boolean, default=False)  # pathology slides
    sent_other: Mapped[str] = mapped_column(Text, default="")  # anything else sent, in words
    what_they_said: Mapped[str] = mapped_column(Text, default="")
    compared_with_first: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint(
            "given_on IS NULL OR asked_on IS NULL OR given_on >= asked_on",
            name="given_after_asked",
        ),
    )


class ClinicalTrial(LinkedToGuide, Base):
    """A trial the user looked into, and the dated steps of where it stands.

    The steps are columns, not rows: interested, asked my doctor, screening, then one
    outcome. Each is reached on a day; a step may be skipped, never dated before the
    one it follows.
    """

    __tablename__ = "clinical_trials"

    id: Mapped[int] = mapped_column(primary_key=True)
    registry_id: Mapped[str] = mapped_column(Text, default="")  # e.g. NCT01234567
    title: Mapped[str] = mapped_column(Text, default="")
    site: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    why_interested: Mapped[str] = mapped_column(Text, default="")
    interested_on: Mapped[date | None]
    asked_doctor_on: Mapped[date | None]
    screening_on: Mapped[date | None]
    outcome: Mapped[TrialOutcome | None] = mapped_column(
        choice_column(TrialOutcome, "trial_outcome")
    )
    outcome_on: Mapped[date | None]
    notes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint("(outcome IS NULL) = (outcome_on IS NULL)", name="outcome_dated"),
        CheckConstraint(
            "asked_doctor_on >= COALESCE(interested_on, asked_doctor_on) "
            "AND screening_on >= COALESCE(asked_doctor_on, interested_on, screening_on) "
            "AND outcome_on >= COALESCE(screening_on, asked_doctor_on, interested_on, outcome_on)",
            name="steps_in_order",
        ),
    )
