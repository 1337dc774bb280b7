"""The guide page's list of linked records, tested without a view."""

from __future__ import annotations

from PySide6.QtCore import Qt

from netjourney.core.links import LinkedRecord
from netjourney.gui.linked_model import KEY_ROLE, LinkedRecordsModel


def test_each_row_names_the_kind_and_opens_its_record() -> None:
    model = LinkedRecordsModel()
    model.set_records(
        [
            LinkedRecord("note", 7, "After the scan"),
            LinkedRecord("appointment", 3, "Tue 3 Dec 2026, 14:30 — CT scan"),
        ]
    )

    assert model.rowCount() == 2
    assert model.index(0, 0).data() == "Note: After the scan"
    assert model.index(1, 0).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Visit: Tue 3 Dec 2026, 14:30 — CT scan"
    )
    assert model.index(0, 0).data(KEY_ROLE) == ("note", "7")
    assert model.index(1, 0).data(KEY_ROLE) == ("appointment", "3")
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_new_records_replace_the_old_ones() -> None:
    model = LinkedRecordsModel()
    model.set_records([LinkedRecord("member", 1, "Dr. Lee")] * 3)
    model.set_records([LinkedRecord("question", 2, "What stage is it?")])

    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "Question: What stage is it?"
    ]
