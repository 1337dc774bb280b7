"""A decision with two options, a second opinion and a trial, for several tests."""

from __future__ import annotations

from datetime import date

from netjourney.core.decisions.models import (
    ClinicalTrial,
    Decision,
    DecisionOption,
    SecondOpinion,
    TrialOutcome,
)
from netjourney.core.record import JourneyRecord

HOSTILE = 'Dr. <b>Ünal</b> & "Smith" &lt; 😀 שָׁלוֹם'


def add_decision_records(
    record: JourneyRecord, member_id: int | None = None, appointment_id: int | None = None
) -> None:
    """A decided decision (two options, the second chosen, discussed at a visit with a
    member), a second opinion at a NET center and a trial looked into then declined."""
    with record.writing() as session:
        decision = Decision(
            question="Which treatment after surgery?",
            priorities="Keep working; few side effects",
            raised_on=date(2026, 2, 1),
            decided_on=date(2026, 3, 2),
            reason="The team said the benefit of more treatment is unclear",
            how_it_went=HOSTILE,
            section_ids=["making-decisions", "resectable"],
        )
        session.add(decision)
        session.flush()
        watch = DecisionOption(
            decision_id=decision.id,
            name="Watch with scans",
            aims="Find any return early",
            benefits="No side effects",
            risks="Worry between scans",
            member_id=member_id,
            section_ids=["resectable"],
        )
        chemo = DecisionOption(
            decision_id=decision.id,
            name="Chemotherapy and radiation",
            aims="Lower the chance of return",
            benefits="Benefit unclear",
            risks="Tiredness, nausea",
            suggested_by="Dr. Park at the NET center",
        )
        session.add_all([watch, chemo])
        session.flush()
        decision.chosen_option_id = watch.id
        decision.appointment_ids = [appointment_id] if appointment_id else []
        decision.member_ids = [member_id] if member_id else []
        session.add_all(
            [
                SecondOpinion(
                    person="Dr. Park",
                    center="Regional NET Center",
                    asked_on=date(2026, 2, 3),
                    given_on=date(2026, 2, 20),
                    sent_reports=True,
                    sent_scans=True,
                    sent_slides=True,
                    sent_other="CD of the PET scan",
                    what_they_said="Agrees: watch with scans every 6 months",
                    compared_with_first="Same as my surgeon's advice",
                    section_ids=["second-opinion"],
                ),
                ClinicalTrial(
                    registry_id="NCT01234567",
                    title="Lanreotide after surgery for lung NETs",
                    site="Regional NET Center",
                    contact="trials@example.org",
                    why_interested="Might lower the chance of return",
                    interested_on=date(2026, 2, 5),
                    asked_doctor_on=date(2026, 2, 10),
                    outcome=TrialOutcome.DECLINED,
                    outcome_on=date(2026, 2, 24),
                    notes="Too far to travel every month",
                    section_ids=["clinical-trials"],
                ),
            ]
        )
