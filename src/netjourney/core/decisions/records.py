"""Every write of a decision, option, second opinion or trial is checked, whatever the
path (API, editor, undo), and refused with InvalidInputError("field: problem") before
the file's own CHECK would refuse it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from netjourney.core.dates import short_date
from netjourney.core.decisions import rules
from netjourney.core.decisions.models import (
    ClinicalTrial,
    Decision,
    DecisionOption,
    SecondOpinion,
)
from netjourney.core.errors import InvalidInputError
from netjourney.core.journey.records import _refuse  # the same wording of a refusal


def check_decision(session: Session, decision: Decision) -> None:
    _refuse(
        "decided_on",
        rules.order_problem(decision.raised_on, decision.decided_on, "the question came up"),
    )
    if decision.chosen_option_id is not None:
        belongs_to = session.scalar(
            select(DecisionOption.decision_id).where(DecisionOption.id == decision.chosen_option_id)
        )
        _refuse("chosen_option_id", chosen_option_problem(belongs_to, decision.id))


def chosen_option_problem(option_decision_id: int | None, decision_id: int | None) -> str | None:
    """The choice must be one of the decision's own options."""
    if option_decision_id is None or option_decision_id != decision_id:
        return "the choice must be one of this decision's options"
    return None


def check_option(session: Session, option: DecisionOption) -> None:
    if option.decision_id is None or session.get(Decision, option.decision_id) is None:
        raise InvalidInputError(
            f"decision_id: an option belongs to a decision; no decision {option.decision_id}"
        )


def check_second_opinion(opinion: SecondOpinion) -> None:
    _refuse("given_on", rules.order_problem(opinion.asked_on, opinion.given_on, "it was asked for"))


def check_trial(trial: ClinicalTrial) -> None:
    _refuse("registry_id", rules.registry_id_problem(trial.registry_id or ""))
    steps = trial_steps_dates(trial)
    for step in rules.TRIAL_STEPS[1:]:
        _refuse(step, rules.step_order_problem(steps, step))
    _refuse("outcome_on", rules.outcome_problem(trial.outcome, trial.outcome_on))


def trial_steps_dates(trial: ClinicalTrial) -> dict[str, date | None]:
    return {step: getattr(trial, step) for step in rules.TRIAL_STEPS}


@dataclass(frozen=True)
class TrialStep:
    label: str  # "Asked my doctor", "Declined"
    on: date


def trial_history(trial: ClinicalTrial) -> list[TrialStep]:
    """The steps reached, in order, each with its day."""
    steps = [
        TrialStep(label, getattr(trial, step))
        for step, label in rules.STEP_LABELS.items()
        if getattr(trial, step) is not None
    ]
    if trial.outcome is not None and trial.outcome_on is not None:
        steps.append(
            TrialStep(
                rules.outcome_label(trial.outcome),
                trial.outcome_on,
            )
        )
    return steps


def trial_status(trial: ClinicalTrial) -> str:
    """Where it stands now: its last step, e.g. 'Declined on 2026-03-02'."""
    history = trial_history(trial)
    if not history:
        return "No step dated yet"
    return f"{history[-1].label} on {short_date(history[-1].on)}"


@event.listens_for(Session, "before_flush")
def _refuse_bad_values(session: Session, flush_context: Any, instances: Any) -> None:
    with session.no_autoflush:
        for changed in (*session.new, *session.dirty):
            if isinstance(changed, Decision):
                check_decision(session, changed)
            elif isinstance(changed, DecisionOption):
                check_option(session, changed)
            elif isinstance(changed, SecondOpinion):
                check_second_opinion(changed)
            elif isinstance(changed, ClinicalTrial):
                check_trial(changed)
