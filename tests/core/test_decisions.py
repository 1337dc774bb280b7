"""Decisions, options, second opinions and trials: stored, checked, found, undone whole."""

from __future__ import annotations

from datetime import date

import pytest

from netjourney.cli import main
from netjourney.core import repository
from netjourney.core.backups import back_up_now
from netjourney.core.dates import short_date
from netjourney.core.decisions import rules
from netjourney.core.decisions.listings import sent_text
from netjourney.core.decisions.models import (
    ClinicalTrial,
    Decision,
    DecisionOption,
    SecondOpinion,
    TrialOutcome,
)
from netjourney.core.decisions.records import trial_history, trial_status
from netjourney.core.errors import InvalidInputError
from netjourney.core.links import records_linked_to
from netjourney.core.record import JourneyRecord
from netjourney.core.search import search_records
from tests.core.decision_records import add_decision_records
from tests.core.sample_records import add_sample_records, counts_of


@pytest.fixture
def decided(record: JourneyRecord) -> JourneyRecord:
    add_sample_records(record)
    add_decision_records(record, member_id=1, appointment_id=1)
    return record


def test_a_decision_keeps_its_options_choice_and_where_it_was_discussed(
    decided: JourneyRecord,
) -> None:
    decision = repository.get(decided, Decision, 1)

    assert [o.name for o in decision.options] == ["Watch with scans", "Chemotherapy and radiation"]
    assert decision.chosen_option_id == decision.options[0].id
    assert (decision.appointment_ids, decision.member_ids) == ([1], [1])
    assert decided.counts() == counts_of(
        care_team_members=2,
        questions=3,
        appointments=2,
        notes=2,
        decisions=1,
        decision_options=2,
        second_opinions=1,
        clinical_trials=1,
    )


@pytest.mark.parametrize(
    ("registry_id", "registry"),
    [
        ("NCT01234567", "ClinicalTrials.gov"),
        ("2023-501234-12-00", "EU CTIS"),
        ("2015-001234-56", "EudraCT"),
        ("ISRCTN12345678", "ISRCTN"),
        ("ACTRN12612000123456", "ANZCTR"),
        ("DRKS00012345", "DRKS"),
    ],
)
def test_each_registry_form_is_known(registry_id: str, registry: str) -> None:
    assert rules.registry_of(registry_id) == registry
    assert rules.registry_id_problem(registry_id) is None


@pytest.mark.parametrize(
    ("registry_id", "problem"),
    [
        ("NCT0123456", "'NCT0123456' has 7 digits after NCT; it needs 8"),
        ("NCT012345678", "'NCT012345678' has 9 digits after NCT; it needs 8"),
        ("nct01234567", "'nct01234567' must be written in capitals: NCT01234567"),
        (" NCT01234567", "' NCT01234567' has spaces around it"),
        ("trial 7", "'trial 7' is not a trial registry id like NCT01234567, 2023-501234-12-00"),
        ("2015-01234-56", "is not a trial registry id"),
    ],
)
def test_a_bad_registry_id_is_named_and_explained(registry_id: str, problem: str) -> None:
    found = rules.registry_id_problem(registry_id)

    assert found is not None and problem in found


def test_a_trial_with_a_bad_id_is_refused_and_nothing_is_stored(record: JourneyRecord) -> None:
    with pytest.raises(InvalidInputError, match=r"registry_id: 'NCT123' has 3 digits"):
        repository.add(record, ClinicalTrial(registry_id="NCT123", title="X"))

    assert record.is_empty()


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        (
            {"interested_on": date(2026, 3, 1), "asked_doctor_on": date(2026, 2, 1)},
            r"asked_doctor_on: 2026-02-01 is before the step before it, “interested” "
            r"\(2026-03-01\)",
        ),
        (
            {"asked_doctor_on": date(2026, 3, 1), "screening_on": date(2026, 2, 28)},
            r"screening_on: 2026-02-28 is before the step before it, “asked my doctor”",
        ),
        (
            {
                "interested_on": date(2026, 3, 1),
                "outcome": TrialOutcome.CLOSED,
                "outcome_on": date(2026, 1, 1),
            },
            r"outcome_on: 2026-01-01 is before the step before it, “interested”",
        ),
        (
            {"outcome": TrialOutcome.ENROLLED},
            r"outcome_on: an outcome needs its date, and a date its outcome",
        ),
    ],
)
def test_trial_steps_out_of_order_are_refused(
    record: JourneyRecord, steps: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        repository.add(record, ClinicalTrial(title="T", **steps))

    assert record.is_empty()


def test_a_step_may_be_skipped_and_the_history_reads_in_order(record: JourneyRecord) -> None:
    trial = repository.add(
        record,
        ClinicalTrial(
            title="T",
            interested_on=date(2026, 1, 5),
            outcome=TrialOutcome.NOT_ELIGIBLE,
            outcome_on=date(2026, 1, 5),
        ),
    )

    assert [(s.label, s.on) for s in trial_history(trial)] == [
        ("Interested", date(2026, 1, 5)),
        ("Not eligible", date(2026, 1, 5)),
    ]
    assert trial_status(trial) == f"Not eligible on {short_date(date(2026, 1, 5))}"


def test_the_file_itself_refuses_steps_out_of_order(decided: JourneyRecord) -> None:
    """Another program writing the file directly meets the CHECK, not only the API."""
    with decided.engine.begin() as connection, pytest.raises(Exception, match="steps_in_order"):
        connection.exec_driver_sql(
            "UPDATE clinical_trials SET outcome_on = '2026-01-01' WHERE id = 1"
        )


def test_a_decision_dated_before_its_question_came_up_is_refused(decided: JourneyRecord) -> None:
    with pytest.raises(
        InvalidInputError,
        match=r"decided_on: 2026-01-01 is before the question came up \(2026-02-01\)",
    ):
        repository.change(decided, Decision, 1, decided_on=date(2026, 1, 1))

    assert repository.get(decided, Decision, 1).decided_on == date(2026, 3, 2)


def test_a_second_opinion_given_before_it_was_asked_for_is_refused(record: JourneyRecord) -> None:
    with pytest.raises(InvalidInputError, match=r"given_on: 2026-01-01 is before it was asked"):
        repository.add(record, SecondOpinion(asked_on=date(2026, 2, 1), given_on=date(2026, 1, 1)))


def test_the_choice_must_be_one_of_the_decisions_own_options(decided: JourneyRecord) -> None:
    other = repository.add(decided, Decision(question="Whether to join the trial"))

    with pytest.raises(InvalidInputError, match="chosen_option_id: the choice must be one of"):
        repository.change(decided, Decision, other.id, chosen_option_id=1)


def test_an_option_needs_its_decision(record: JourneyRecord) -> None:
    with pytest.raises(InvalidInputError, match="decision_id: an option belongs to a decision"):
        repository.add(record, DecisionOption(decision_id=99, name="Surgery"))


def test_removing_the_chosen_option_clears_the_choice_and_undo_brings_both_back(
    decided: JourneyRecord,
) -> None:
    removed = repository.delete(decided, DecisionOption, 1)
    assert repository.get(decided, Decision, 1).chosen_option_id is None

    assert removed is not None
    repository.restore(decided, removed)

    assert repository.get(decided, Decision, 1).chosen_option_id == 1


def test_a_removed_decision_comes_back_whole_with_its_options_and_links(
    decided: JourneyRecord,
) -> None:
    before = repository.get(decided, Decision, 1)
    removed = repository.delete(decided, Decision, 1)
    assert decided.counts()["decision_options"] == 0

    assert removed is not None
    repository.restore(decided, removed)

    after = repository.get(decided, Decision, 1)
    assert [o.id for o in after.options] == [o.id for o in before.options]
    assert (after.chosen_option_id, after.appointment_ids, after.member_ids) == (1, [1], [1])
    assert after.section_ids == ["making-decisions", "resectable"]


def test_links_to_visits_and_people_are_set_by_id(decided: JourneyRecord) -> None:
    repository.change(decided, Decision, 1, appointment_ids=[2, 1, 2], member_ids=[])

    decision = repository.get(decided, Decision, 1)
    assert (decision.appointment_ids, decision.member_ids) == ([1, 2], [])


def test_every_kind_is_found_by_search_and_listed_under_its_section(
    decided: JourneyRecord,
) -> None:
    found = {
        word: [(h.kind, h.key) for h in search_records(decided, word)]
        for word in ("priorities", "worry", "Regional", "NCT0123", "travel")
    }
    linked = {(r.kind, r.id) for r in records_linked_to(decided, "clinical-trials")}

    assert found["priorities"] == []  # a column's name is not its text
    assert found["worry"] == [("decision_option", "1")]
    assert ("second_opinion", "1") in found["Regional"]
    assert found["NCT0123"] == [("clinical_trial", "1")]
    assert found["travel"] == [("clinical_trial", "1")]
    assert ("clinical_trial", 1) in linked


def test_the_records_sent_read_as_a_list(decided: JourneyRecord) -> None:
    opinion = repository.get(decided, SecondOpinion, 1)

    assert sent_text(opinion) == "reports, scans, pathology slides, CD of the PET scan"


def test_check_and_backups_count_each_new_kind(
    decided: JourneyRecord, capsys: pytest.CaptureFixture[str]
) -> None:
    back_up_now(decided.path)
    decided.close()

    assert main(["--db", str(decided.path), "check"]) == 0
    checked = capsys.readouterr().out.splitlines()
    assert main(["--db", str(decided.path), "backups"]) == 0
    listed = capsys.readouterr().out

    for line in ("decisions: 1", "decision_options: 2", "second_opinions: 1", "clinical_trials: 1"):
        assert line in checked
    assert "2 options, 1 decision, 1 second opinion, 1 clinical trial" in listed
