"""The page lists of decisions, options, second opinions and trials (see core/listing.py)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import aliased

from netjourney.core.dates import short_date
from netjourney.core.decisions.models import (
    ClinicalTrial,
    Decision,
    DecisionOption,
    SecondOpinion,
)
from netjourney.core.decisions.rules import STEP_LABELS, outcome_label
from netjourney.core.journey.listings import _day, _text  # the journey's cell formats
from netjourney.core.listing import ListColumn, Listing
from netjourney.core.models import CareTeamMember
from netjourney.core.words import with_whom_text

SENT_LABELS = {
    "sent_reports": "reports",
    "sent_scans": "scans",
    "sent_slides": "pathology slides",
}


def decision_title(question: str) -> str:
    return question or "(a decision without its question yet)"


def option_title(name: str) -> str:
    return name or "(an option without a name yet)"


def decisions_listing() -> Listing:
    d, o = Decision, aliased(DecisionOption)
    return Listing(
        select(
            d.id.label("id"), d.question, d.raised_on, d.decided_on, o.name.label("choice")
        ).outerjoin(o, d.chosen_option_id == o.id),
        (
            ListColumn("Decision", d.question, lambda r: decision_title(_text("question")(r))),
            ListColumn("Came up", d.raised_on, _day("raised_on")),
            ListColumn("Decided", d.decided_on, _day("decided_on")),
            ListColumn("My choice", o.name, _text("choice")),
        ),
        default_sort=1,
        default_descending=True,
    )


def options_listing() -> Listing:
    """A decision's options (the page filters on decision_id); the choice is marked."""
    o, d, m = DecisionOption, Decision, CareTeamMember
    chosen = (d.chosen_option_id == o.id).label("chosen")
    return Listing(
        select(
            o.id.label("id"), o.name, o.decision_id, m.name.label("member"), o.suggested_by, chosen
        )
        .join(d, o.decision_id == d.id)
        .outerjoin(m, o.member_id == m.id),
        (
            ListColumn("Option", o.id, option_cell),  # in the order they were added
            ListColumn(
                "Suggested by",
                func.coalesce(m.name, o.suggested_by),
                lambda r: with_whom_text(r.member, None, r.suggested_by),
            ),
        ),
        default_sort=0,
    )


def option_cell(row: Row[Any]) -> str:
    """The option's name, and whether it is the decision's choice."""
    name = option_title(" ".join((row.name or "").split()))
    return f"{name} (my choice)" if row.chosen else name


def option_suggested_by(option: DecisionOption) -> str:
    return with_whom_text(option.member.name if option.member else None, None, option.suggested_by)


def sent_text(row: Any) -> str:
    """The records sent, as ticked: 'reports, scans, pathology slides, a CD'."""
    sent = [words for name, words in SENT_LABELS.items() if getattr(row, name)]
    if (row.sent_other or "").strip():
        sent.append(" ".join(row.sent_other.split()))
    return ", ".join(sent)


def second_opinion_title(person: str, center: str) -> str:
    return ", ".join(p for p in (person.strip(), center.strip()) if p) or "(who not given yet)"


def second_opinions_listing() -> Listing:
    s = SecondOpinion
    return Listing(
        select(
            s.id.label("id"),
            s.person,
            s.center,
            s.asked_on,
            s.given_on,
            s.sent_reports,
            s.sent_scans,
            s.sent_slides,
            s.sent_other,
        ),
        (
            ListColumn("Who", s.person, lambda r: second_opinion_title(r.person, r.center)),
            ListColumn("Asked", s.asked_on, _day("asked_on")),
            ListColumn("Given", s.given_on, _day("given_on")),
            ListColumn("Records sent", s.sent_other, sent_text),
        ),
        default_sort=1,
        default_descending=True,
    )


def trial_title(registry_id: str, title: str) -> str:
    return (
        " — ".join(p for p in (registry_id, title.strip()) if p) or "(a trial without a name yet)"
    )


def status_text(row: Row[Any]) -> str:
    """The last step reached: 'Declined 2026-03-02'."""
    if row.outcome is not None:
        label = outcome_label(row.outcome)
        return f"{label} {short_date(row.outcome_on)}" if row.outcome_on else label
    for step in reversed(tuple(STEP_LABELS)):
        if getattr(row, step) is not None:
            return f"{STEP_LABELS[step]} {short_date(getattr(row, step))}"
    return ""


def trials_listing() -> Listing:
    t = ClinicalTrial
    latest = func.coalesce(t.outcome_on, t.screening_on, t.asked_doctor_on, t.interested_on)
    return Listing(
        select(
            t.id.label("id"),
            t.registry_id,
            t.title,
            t.site,
            t.interested_on,
            t.asked_doctor_on,
            t.screening_on,
            t.outcome,
            t.outcome_on,
        ),
        (
            ListColumn("Trial", t.title, lambda r: trial_title(r.registry_id, r.title)),
            ListColumn("Site", t.site, _text("site")),
            ListColumn("Where it stands", latest, status_text),
        ),
        default_sort=2,
        default_descending=True,
    )
