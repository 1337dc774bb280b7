"""The journey PDF's parts for decisions, second opinions and clinical trials, in the
family PDF's prose: a heading per record, then its facts in the user's own words.

None of these records is private; they are written as kept. With a date range, a
record shows when any of its days falls in it, or it has no day at all.
pdf_journey asks `decision_parts` once for these parts' builders.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from reportlab.platypus import Flowable, Paragraph
from sqlalchemy import select

from netjourney.core.dates import day_of, long_date
from netjourney.core.decisions import rules
from netjourney.core.decisions.listings import (
    decision_title,
    option_suggested_by,
    option_title,
    second_opinion_title,
    sent_text,
    trial_title,
)
from netjourney.core.decisions.models import ClinicalTrial, Decision, SecondOpinion
from netjourney.core.decisions.records import trial_history
from netjourney.core.models import Appointment
from netjourney.core.record import JourneyRecord
from netjourney.export.content import JourneyOptions
from netjourney.export.parts import Part
from netjourney.export.pdf_common import Styles, heading, item, labelled, markup
from netjourney.export.pdf_journey_records import Builder


@dataclass(frozen=True)
class _Records:
    decisions: list[Decision]
    opinions: list[SecondOpinion]
    trials: list[ClinicalTrial]


def decision_parts(
    record: JourneyRecord, options: JourneyOptions, styles: Styles
) -> dict[Part, Builder]:
    """The builders of the decisions, second opinions and trials parts."""
    parts = _Parts(_load(record, options), styles)
    return {
        Part.DECISIONS: parts.decisions,
        Part.SECOND_OPINIONS: parts.opinions,
        Part.TRIALS: parts.trials,
    }


def _load(record: JourneyRecord, options: JourneyOptions) -> _Records:
    def kept(days: Iterable[date | None]) -> bool:
        dated = [day for day in days if day is not None]
        return not dated or any(options.covers(day) for day in dated)

    with record.reading() as session:
        decisions = session.scalars(select(Decision).order_by(Decision.raised_on, Decision.id))
        opinions = session.scalars(
            select(SecondOpinion).order_by(SecondOpinion.asked_on, SecondOpinion.id)
        )
        trials = session.scalars(
            select(ClinicalTrial).order_by(ClinicalTrial.interested_on, ClinicalTrial.id)
        )
        return _Records(
            decisions=[d for d in decisions if kept((d.raised_on, d.decided_on))],
            opinions=[o for o in opinions if kept((o.asked_on, o.given_on))],
            trials=[t for t in trials if kept(s.on for s in trial_history(t))],
        )


def _when(*dated: tuple[str, date | None]) -> str:
    """'Came up on 11 November 2026, decided on 30 November 2026'."""
    return ", ".join(f"{what} {long_date(day, weekday=False)}" for what, day in dated if day)


def _visit(appointment: Appointment) -> str:
    """'Surgery consultation, Wednesday, November 11, 2026': the visit on its own day."""
    local = appointment.starts_at.astimezone(ZoneInfo(appointment.time_zone))
    return ", ".join(p for p in (appointment.purpose.strip(), day_of(local)) if p)


class _Parts:
    def __init__(self, records: _Records, styles: Styles) -> None:
        self.records = records
        self.styles = styles

    def _nothing(self, text: str) -> list[Flowable]:
        return [Paragraph(text, self.styles.body)]

    def _facts(self, facts: Iterable[tuple[str, str]]) -> list[Flowable]:
        return [
            p
            for label, value in facts
            if value.strip()
            for p in labelled(label, value, self.styles.body)
        ]

    def _opening(self, title: str, when: str) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [heading(title, s.h2)]
        if when:
            story.append(Paragraph(markup(when[:1].upper() + when[1:] + "."), s.meta))
        return story

    # ----- decisions ----------------------------------------------------------------

    def decisions(self) -> list[Flowable]:
        if not self.records.decisions:
            return self._nothing("No decisions in this copy.")
        return [f for decision in self.records.decisions for f in self._decision(decision)]

    def _decision(self, decision: Decision) -> list[Flowable]:
        s = self.styles
        chosen = next((o for o in decision.options if o.id == decision.chosen_option_id), None)
        story = self._opening(
            decision_title(decision.question),
            _when(("came up on", decision.raised_on), ("decided on", decision.decided_on)),
        )
        story += self._facts([("What matters most to me", decision.priorities)])
        if decision.options:
            story.append(heading(f"Options considered ({len(decision.options)})", s.h3))
        for option in decision.options:
            name = option_title(option.name) + (" (my choice)" if option is chosen else "")
            story.append(Paragraph(f"<b>{markup(name)}</b>", s.body))
            story += self._facts(
                [
                    ("What it aims to do", option.aims),
                    ("Benefits, as I heard them", option.benefits),
                    ("Risks, as I heard them", option.risks),
                    ("Suggested by", option_suggested_by(option)),
                ]
            )
        story += self._facts(
            [
                ("My choice", option_title(chosen.name) if chosen else "Not decided yet"),
                ("Why", decision.reason),
                ("How it went", decision.how_it_went),
                (
                    "Discussed at",
                    "; ".join(_visit(a) for a in decision.appointments),
                ),
                ("Discussed with", ", ".join(m.name for m in decision.members)),
            ]
        )
        return item(story)

    # ----- second opinions ----------------------------------------------------------

    def opinions(self) -> list[Flowable]:
        if not self.records.opinions:
            return self._nothing("No second opinions in this copy.")
        return [f for opinion in self.records.opinions for f in self._opinion(opinion)]

    def _opinion(self, opinion: SecondOpinion) -> list[Flowable]:
        story = self._opening(
            second_opinion_title(opinion.person, opinion.center),
            _when(("asked for on", opinion.asked_on), ("given on", opinion.given_on)),
        )
        story += self._facts(
            [
                ("Records sent", sent_text(opinion)),
                ("What they said", opinion.what_they_said),
                ("Compared with the first opinion", opinion.compared_with_first),
            ]
        )
        return item(story)

    # ----- trials -------------------------------------------------------------------

    def trials(self) -> list[Flowable]:
        if not self.records.trials:
            return self._nothing("No clinical trials in this copy.")
        return [f for trial in self.records.trials for f in self._trial(trial)]

    def _trial(self, trial: ClinicalTrial) -> list[Flowable]:
        registry = rules.registry_of(trial.registry_id)
        steps = "; ".join(
            f"{step.label.lower()} on {long_date(step.on, weekday=False)}"
            for step in trial_history(trial)
        )
        story: list[Flowable] = [
            heading(trial_title(trial.registry_id, trial.title), self.styles.h2)
        ]
        story += self._facts(
            [
                ("Registry", f"{trial.registry_id} ({registry})" if registry else ""),
                ("Site", trial.site),
                ("Contact", trial.contact),
                ("Why it interests me", trial.why_interested),
                ("Where it stands", steps[:1].upper() + steps[1:]),
                ("Notes", trial.notes),
            ]
        )
        return item(story)
