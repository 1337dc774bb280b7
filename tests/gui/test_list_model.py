"""The list models, tested without any view."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from netjourney.core.listing import notes_listing, team_listing
from netjourney.core.models import CareTeamMember, Note
from netjourney.core.record import JourneyRecord
from netjourney.gui.list_model import ID_ROLE, PAGE_SIZE, ListingModel


def _add_notes(record: JourneyRecord, count: int) -> None:
    with record.writing() as session:
        session.add_all(
            Note(
                title=f"Note {n:05d}",
                body="text",
                updated_at=datetime(2026, 1, 1, tzinfo=UTC).replace(minute=n % 60, second=n % 60),
            )
            for n in range(count)
        )


def test_rows_arrive_a_page_at_a_time(record: JourneyRecord) -> None:
    _add_notes(record, PAGE_SIZE * 2 + 15)
    model = ListingModel(record, notes_listing())
    assert model.total() == PAGE_SIZE * 2 + 15
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE * 2 + 15
    assert not model.canFetchMore()


def test_sorting_happens_over_all_rows_not_only_loaded_ones(record: JourneyRecord) -> None:
    _add_notes(record, PAGE_SIZE + 50)
    model = ListingModel(record, notes_listing())
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 0).data() == "Note 00000"
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == f"Note {PAGE_SIZE + 49:05d}"


def test_row_of_loads_pages_until_the_record_is_found(record: JourneyRecord) -> None:
    _add_notes(record, PAGE_SIZE * 3)
    model = ListingModel(record, notes_listing())
    model.sort(0, Qt.SortOrder.AscendingOrder)
    row = model.row_of(PAGE_SIZE * 3)  # the last note added
    assert row is not None and model.index(row, 0).data(ID_ROLE) == PAGE_SIZE * 3


def test_headers_roles_and_refresh_of_one_row(record: JourneyRecord) -> None:
    with record.writing() as session:
        session.add(CareTeamMember(role="nurse", name="Ann", phone="555"))
    model = ListingModel(record, team_listing(record.guide))
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:2] == ["Name", "Role"]
    assert model.index(0, 1).data() == "Nurse"
    assert model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == "Ann"
    with record.writing() as session:
        session.get(CareTeamMember, 1).name = "Ann Lee"
    model.refresh_row(1)
    assert model.index(0, 0).data() == "Ann Lee"


def test_asking_for_the_order_already_shown_reads_nothing_again(record: JourneyRecord) -> None:
    """A table turning sorting on asks its model to sort in the order it already has."""
    _add_notes(record, 3)
    model = ListingModel(record, notes_listing())
    resets: list[None] = []
    model.modelReset.connect(lambda: resets.append(None))
    query = model.query
    order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
    model.sort(query.sort_column, order)
    assert resets == []
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert len(resets) == 1 and model.index(0, 0).data() == "Note 00000"
