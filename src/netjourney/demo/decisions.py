"""The choices both demos tell: which treatment after surgery (two options, one chosen),
a second opinion at a NET center, and a trial looked into then declined. Rows as dicts
for insert_rows, dated from the day surgery was first discussed.

Names and the trial are made up; NCT01234567 is the issue's own example of the form.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session

from netjourney.core.decisions.models import (
    ClinicalTrial,
    Decision,
    DecisionOption,
    SecondOpinion,
    TrialOutcome,
    decision_appointments,
    decision_members,
)
from netjourney.demo.journey import insert_rows


def insert_decision_story(
    session: Session,
    discussed_on: date,
    surgeon_id: int,
    oncologist_id: int,
    appointment_id: int | None,
) -> None:
    """The three stories, ids 1 up (an empty record's first); `discussed_on` is the visit
    where surgery, and what might follow it, was first talked about."""

    def day(offset: int) -> date:
        return discussed_on + timedelta(days=offset)

    insert_rows(session, Decision, [_decision(day(0), day(19))])
    insert_rows(session, DecisionOption, _options(oncologist_id))
    if appointment_id is not None:
        session.execute(
            insert(decision_appointments), [{"decision_id": 1, "appointment_id": appointment_id}]
        )
    session.execute(
        insert(decision_members),
        [{"decision_id": 1, "member_id": m} for m in dict.fromkeys((surgeon_id, oncologist_id))],
    )
    insert_rows(session, SecondOpinion, [_second_opinion(day(15), day(19))])
    insert_rows(session, ClinicalTrial, [_trial(day(-2), day(0), day(8))])


def _decision(raised_on: date, decided_on: date) -> dict[str, object]:
    return {
        "id": 1,
        "question": "Which treatment after surgery?",
        "priorities": "Keep walking every day. No treatment that may not help me. "
        "Be well enough for my granddaughter's wedding in June.",
        "raised_on": raised_on,
        "decided_on": decided_on,
        "chosen_option_id": 1,
        "reason": "Both doctors said extra treatment would only be talked about if the lymph "
        "nodes show spread. I will look at this again after the pathology report.",
        "how_it_went": "",
        "sections": ["making-decisions", "resectable"],
    }


def _options(oncologist_id: int) -> list[dict[str, object]]:
    watch = {
        "id": 1,
        "decision_id": 1,
        "name": "Watch with regular scans",
        "aims": "Find any return early, without more treatment now",
        "benefits": "No side effects. Dr. Okafor said most typical NETs are cured by surgery.",
        "risks": "Worry while waiting for each scan",
        "member_id": oncologist_id,
        "suggested_by": "",
        "sections": ["resectable"],
    }
    more = {
        "id": 2,
        "decision_id": 1,
        "name": "Add chemotherapy and radiation",
        "aims": "Lower the chance that the tumor comes back",
        "benefits": "Some experts add it when lymph nodes have tumor; "
        "how much it helps is not clear",
        "risks": "Tiredness, nausea, sore skin where the radiation goes",
        "member_id": None,
        "suggested_by": "Dr. Priya Nair, NET center (only if the nodes show spread)",
        "sections": ["treatment-types"],
    }
    return [watch, more]


def _second_opinion(asked_on: date, given_on: date) -> dict[str, object]:
    return {
        "id": 1,
        "person": "Dr. Priya Nair",
        "center": "Lakeview Neuroendocrine Tumor Center",
        "asked_on": asked_on,
        "given_on": given_on,
        "sent_reports": True,
        "sent_scans": True,
        "sent_slides": True,
        "sent_other": "CD of the CT scan",
        "what_they_said": "Surgery first, with the nearby lymph nodes taken out. "
        "After that, scans to watch; more treatment only if the nodes show spread.",
        "compared_with_first": "The same plan as Dr. Alvarez. The NET center can also "
        "follow me after surgery, together with Dr. Okafor.",
        "sections": ["second-opinion"],
    }


def _trial(interested_on: date, asked_on: date, declined_on: date) -> dict[str, object]:
    return {
        "id": 1,
        "registry_id": "NCT01234567",
        "title": "Lanreotide after surgery for lung carcinoid tumors",
        "site": "Lakeview Neuroendocrine Tumor Center",
        "contact": "Study nurse, 555-0160",
        "why_interested": "It might lower the chance of the tumor coming back.",
        "interested_on": interested_on,
        "asked_doctor_on": asked_on,
        "screening_on": None,
        "outcome": TrialOutcome.DECLINED,
        "outcome_on": declined_on,
        "notes": "Visits every two weeks, three hours away. I chose to focus on surgery first.",
        "sections": ["clinical-trials"],
    }
