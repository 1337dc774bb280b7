"""The four kinds of this package, registered with core/registry.py (which imports this
module after its own kinds, so the order of JSON lists and counts stays stable).

Options come before decisions: a decision's choice is checked against the option it
names (that option must be one of the decision's own), and JSON import checks an
item against items of kinds registered before it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netjourney.core.decisions import listings, records, rules
from netjourney.core.decisions.models import ClinicalTrial, Decision, DecisionOption, SecondOpinion
from netjourney.core.guide import Guide
from netjourney.core.registry import FieldCheck, RecordKind, register


def _step_check(step: str) -> FieldCheck:
    def check(value: Any, item: Mapping[str, Any], guide: Guide) -> str | None:
        return rules.step_order_problem(dict(item), step)

    return check


OPTION = register(
    RecordKind(
        name="decision_option",
        model=DecisionOption,
        noun="option",
        plural="options",
        label="Option",
        page="decisions",
        json_name="decision_options",
        json_optional=True,
        search_columns=("name", "aims", "benefits", "risks", "suggested_by"),
        search_title="name",
        title_columns=("name",),
        title=lambda row: listings.option_title(row.name),
        listing=lambda guide: listings.options_listing(),
        parent_column="decision_id",
    )
)
DECISION = register(
    RecordKind(
        name="decision",
        model=Decision,
        noun="decision",
        plural="decisions",
        label="Decision",
        page="decisions",
        json_name="decisions",
        json_optional=True,
        search_columns=("question", "priorities", "reason", "how_it_went"),
        search_title="question",
        title_columns=("question",),
        title=lambda row: listings.decision_title(row.question),
        listing=lambda guide: listings.decisions_listing(),
        json_id_lists={"appointment_ids": "appointments", "member_ids": "members"},
        json_checks={
            "decided_on": lambda v, item, g: rules.order_problem(
                item["raised_on"], v, "the question came up"
            ),
        },
        json_reference_checks={
            "chosen_option_id": (
                "chosen_option_id",
                lambda item, option: records.chosen_option_problem(
                    option["decision_id"], item["id"]
                ),
            ),
        },
    )
)
SECOND_OPINION = register(
    RecordKind(
        name="second_opinion",
        model=SecondOpinion,
        noun="second opinion",
        plural="second opinions",
        label="Second opinion",
        page="opinions",
        json_name="second_opinions",
        json_optional=True,
        search_columns=("person", "center", "sent_other", "what_they_said", "compared_with_first"),
        search_title="person",
        title_columns=("person", "center"),
        title=lambda row: listings.second_opinion_title(row.person, row.center),
        listing=lambda guide: listings.second_opinions_listing(),
        json_checks={
            "given_on": lambda v, item, g: rules.order_problem(
                item["asked_on"], v, "it was asked for"
            ),
        },
    )
)
TRIAL = register(
    RecordKind(
        name="clinical_trial",
        model=ClinicalTrial,
        noun="clinical trial",
        plural="clinical trials",
        label="Trial",
        page="trials",
        json_name="clinical_trials",
        json_optional=True,
        search_columns=("registry_id", "title", "site", "contact", "why_interested", "notes"),
        search_title="title",
        title_columns=("registry_id", "title"),
        title=lambda row: listings.trial_title(row.registry_id, row.title),
        listing=lambda guide: listings.trials_listing(),
        json_checks={
            "registry_id": lambda v, item, g: rules.registry_id_problem(v),
            **{step: _step_check(step) for step in rules.TRIAL_STEPS[1:-1]},
            "outcome_on": lambda v, item, g: (
                rules.step_order_problem(dict(item), "outcome_on")
                or rules.outcome_problem(item["outcome"], v)
            ),
        },
    )
)
