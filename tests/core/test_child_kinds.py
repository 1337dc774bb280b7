"""Kinds shown inside another kind's record (an option in its decision, a dose in its
treatment) say which record that is, and a search hit or a guide link opens it."""

from __future__ import annotations

from collections import defaultdict

import pytest
from sqlalchemy import delete, select

from netjourney.core.record import JourneyRecord
from netjourney.core.registry import RecordKind, kinds
from netjourney.core.search_results import Opening, opening_of
from tests.core.decision_records import add_decision_records
from tests.core.journey_records import add_journey_records
from tests.core.sample_records import add_sample_records

CHILD_KINDS = [kind for kind in kinds() if kind.parent_column]


def _kinds_by_page() -> dict[str, list[RecordKind]]:
    by_page: dict[str, list[RecordKind]] = defaultdict(list)
    for kind in kinds():
        by_page[kind.page].append(kind)
    return by_page


@pytest.fixture
def filled(record: JourneyRecord) -> JourneyRecord:
    add_sample_records(record)
    add_journey_records(record)
    add_decision_records(record)
    return record


@pytest.mark.parametrize("page", sorted(_kinds_by_page()))
def test_a_page_lists_one_kind_and_every_other_kind_on_it_names_its_parent(page: str) -> None:
    """A kind added to a page without `parent_column` would open a parent by its own id."""
    on_page = _kinds_by_page()[page]
    [listed] = [kind for kind in on_page if not kind.parent_column]
    for child in on_page:
        if child is not listed:
            [foreign_key] = child.table.c[child.parent_column].foreign_keys
            assert foreign_key.column.table is listed.table, child.name


def test_the_child_kinds_are_the_ones_shown_inside_a_parent() -> None:
    assert {(k.name, k.parent_column) for k in CHILD_KINDS} == {
        ("dose", "treatment_id"),
        ("symptom_rating", "entry_id"),
        ("decision_option", "decision_id"),
    }


@pytest.mark.parametrize("child", CHILD_KINDS, ids=lambda kind: kind.name)
def test_each_child_opens_its_parent_on_the_page_with_itself_chosen(
    filled: JourneyRecord, child: RecordKind
) -> None:
    [parent] = [k for k in _kinds_by_page()[child.page] if not k.parent_column]
    # The parent as the child's foreign key to it finds it, not as parent_column names it
    # (a decision also refers to an option: its choice).
    [to_parent] = [fk for fk in child.table.foreign_keys if fk.column.table is parent.table]
    joined = select(child.table.c.id, parent.table.c.id).join_from(
        child.table, parent.table, to_parent.parent == to_parent.column
    )
    with filled.reading() as session:
        pairs = session.execute(joined).all()
    assert pairs, f"the sample records hold no {child.plural}"
    assert any(child_id != parent_id for child_id, parent_id in pairs)  # else ids could pass

    for child_id, parent_id in pairs:
        assert opening_of(filled, child.name, str(child_id)) == Opening(
            child.page, str(parent_id), str(child_id)
        )


def test_a_child_deleted_since_it_was_found_opens_its_page_on_nothing(
    filled: JourneyRecord,
) -> None:
    dose = next(kind for kind in CHILD_KINDS if kind.name == "dose")
    with filled.writing() as session:
        session.execute(delete(dose.table))

    assert opening_of(filled, "dose", "1") == Opening("treatments", "")


def test_other_hits_open_as_themselves(filled: JourneyRecord) -> None:
    assert opening_of(filled, "note", "2") == Opening("notes", "2")
    assert opening_of(filled, "decision", "1") == Opening("decisions", "1")
    assert opening_of(filled, "section", "resectable") == Opening("guide", "resectable")
    assert opening_of(filled, "library", "q-stage") == Opening("questions", "")
