"""What a decision, a second opinion or a trial may hold, in words: one place for the
API and JSON import. Each check returns what is wrong (a short phrase after the
field's name) or None; the file's CHECK constraints refuse the same values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from netjourney.core.decisions.models import TrialOutcome
from netjourney.core.stored_values import choice_label


@dataclass(frozen=True)
class RegistryForm:
    """How one trial registry writes its ids."""

    registry: str
    example: str
    pattern: re.Pattern[str]


# The registries a lung-NET patient is likely to meet, with the forms they print.
# ClinicalTrials.gov is the one most trials are listed in; the European ones cover
# trials run in the EU (EudraCT until 2023, then CTIS under the Clinical Trials
# Regulation); ISRCTN the UK; ANZCTR Australia and New Zealand; DRKS Germany.
REGISTRY_FORMS = (
    RegistryForm("ClinicalTrials.gov", "NCT01234567", re.compile(r"NCT\d{8}")),
    RegistryForm("EU CTIS", "2023-501234-12-00", re.compile(r"\d{4}-5\d{5}-\d{2}-\d{2}")),
    RegistryForm("EudraCT", "2015-001234-56", re.compile(r"\d{4}-\d{6}-\d{2}")),
    RegistryForm("ISRCTN", "ISRCTN12345678", re.compile(r"ISRCTN\d{8}")),
    RegistryForm("ANZCTR", "ACTRN12612000123456", re.compile(r"ACTRN\d{14}")),
    RegistryForm("DRKS", "DRKS00012345", re.compile(r"DRKS\d{8}")),
)


def registry_of(registry_id: str) -> str | None:
    """The registry whose form the id has (None: no known form)."""
    return next((f.registry for f in REGISTRY_FORMS if f.pattern.fullmatch(registry_id)), None)


def registry_id_problem(registry_id: str) -> str | None:
    """Empty is fine (a trial heard of before its number is known); else a known form."""
    if registry_id == "" or registry_of(registry_id) is not None:
        return None
    if registry_id != registry_id.strip():
        return f"{registry_id!r} has spaces around it"
    if registry_of(registry_id.upper()) is not None:
        return f"{registry_id!r} must be written in capitals: {registry_id.upper()}"
    digits = re.fullmatch(r"NCT(\d*)", registry_id.upper())
    if digits is not None:
        return f"{registry_id!r} has {len(digits.group(1))} digits after NCT; it needs 8"
    return f"{registry_id!r} is not a trial registry id like {_examples()}"


def _examples() -> str:
    return ", ".join(form.example for form in REGISTRY_FORMS)


def normal_registry_id(text: str) -> str:
    """The id as registries print it: no spaces around, capital letters (nct -> NCT)."""
    return text.strip().upper()


def order_problem(earlier: date | None, later: date | None, what: str) -> str | None:
    """A day that cannot come before another (decided before the question came up)."""
    if earlier is not None and later is not None and later < earlier:
        return f"{later.isoformat()} is before {what} ({earlier.isoformat()})"
    return None


TRIAL_STEPS = ("interested_on", "asked_doctor_on", "screening_on", "outcome_on")
STEP_LABELS = {
    "interested_on": "Interested",
    "asked_doctor_on": "Asked my doctor",
    "screening_on": "Screening",
}
OUTCOME_LABELS = {
    TrialOutcome.ENROLLED: "Enrolled",
    TrialOutcome.NOT_ELIGIBLE: "Not eligible",
    TrialOutcome.DECLINED: "Declined",
    TrialOutcome.CLOSED: "Closed",
}


def outcome_label(outcome: str) -> str:
    return choice_label(OUTCOME_LABELS, TrialOutcome(outcome), "trial outcome")


def step_order_problem(steps: dict[str, date | None], step: str) -> str | None:
    """A trial's step dated before the last step before it that has a date."""
    earlier = TRIAL_STEPS[: TRIAL_STEPS.index(step)]
    dated = [(name, steps[name]) for name in earlier if steps.get(name) is not None]
    if not dated:
        return None
    name, day = dated[-1]
    return order_problem(day, steps.get(step), f"the step before it, {_step_label(name)}")


def _step_label(step: str) -> str:
    return f"“{STEP_LABELS[step].lower()}”"


def outcome_problem(outcome: str | None, outcome_on: date | None) -> str | None:
    if (outcome is None) != (outcome_on is None):
        return "an outcome needs its date, and a date its outcome"
    return None
