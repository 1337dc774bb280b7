"""Appointments: upcoming and past, and planning questions for a visit."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Literal

from sqlalchemy import ColumnElement, select

from netjourney.core.dates import reading_locale
from netjourney.core.listing import appointment_title
from netjourney.core.models import Appointment, Question
from netjourney.core.questions import OPEN_STATUSES
from netjourney.core.record import JourneyRecord


def appointment_choices(record: JourneyRecord) -> list[tuple[str, int]]:
    """Every appointment as (title, id) in time order, reading only what a title needs."""
    a = Appointment
    locale = reading_locale()  # once, not for each of hundreds of visits
    with record.reading() as session:
        rows = session.execute(
            select(a.id, a.starts_at, a.time_zone, a.purpose).order_by(a.starts_at, a.id)
        )
        return [
            (appointment_title(r.starts_at, r.time_zone, r.purpose, locale), r.id) for r in rows
        ]


def upcoming(record: JourneyRecord, now: datetime, limit: int | None = None) -> list[Appointment]:
    with record.reading() as session:
        query = (
            select(Appointment)
            .where(Appointment.starts_at >= now)
            .order_by(Appointment.starts_at)
            .limit(limit)
        )
        return list(session.scalars(query))


When = Literal["upcoming", "past", "all"]


def when_conditions(which: When, now: datetime) -> list[ColumnElement[bool]]:
    """The Appointments list's filter: visits still to come, those gone by, or all."""
    if which == "upcoming":
        return [Appointment.starts_at >= now]
    if which == "past":
        return [Appointment.starts_at < now]
    return []


def plan_questions(record: JourneyRecord, appointment_id: int, question_ids: Iterable[int]) -> None:
    """Set which questions the user means to ask at this appointment, in the given order."""
    wanted = list(dict.fromkeys(question_ids))
    with record.writing() as session:
        appointment = session.get(Appointment, appointment_id)
        if appointment is None:
            return
        questions = {
            q.id: q for q in session.scalars(select(Question).where(Question.id.in_(wanted)))
        }
        appointment.planned_questions = [questions[i] for i in wanted if i in questions]


def next_after(record: JourneyRecord, appointment_id: int) -> Appointment | None:
    with record.reading() as session:
        current = session.get(Appointment, appointment_id)
        if current is None:
            return None
        query = (
            select(Appointment)
            .where(Appointment.starts_at > current.starts_at)
            .order_by(Appointment.starts_at)
            .limit(1)
        )
        return session.scalars(query).first()


def carry_over_unanswered(record: JourneyRecord, appointment_id: int) -> Appointment | None:
    """Plan this visit's still-open questions for the next visit; return that visit."""
    following = next_after(record, appointment_id)
    if following is None:
        return None
    with record.writing() as session:
        current = session.get(Appointment, appointment_id)
        target = session.get(Appointment, following.id)
        assert current is not None and target is not None
        for question in current.planned_questions:
            if question.status in OPEN_STATUSES and question not in target.planned_questions:
                target.planned_questions.append(question)
    return following
