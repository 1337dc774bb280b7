"""The note editor's choice of the visit a note is about."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from netjourney.core.dates import short_date_time
from netjourney.core.models import Appointment, Note
from netjourney.core.record import JourneyRecord
from netjourney.gui.pages.notes import NoteEditor


def test_visits_are_offered_in_time_order_and_the_chosen_one_is_saved(
    qtbot: QtBot, record: JourneyRecord
) -> None:
    with record.writing() as session:
        later = Appointment(
            starts_at=datetime(2026, 5, 4, 14, 30, tzinfo=UTC),
            time_zone="Europe/Paris",
            purpose="CT scan",
        )
        sooner = Appointment(
            starts_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC), time_zone="UTC", purpose="Blood tests"
        )
        note = Note(title="Results")
        session.add_all([later, sooner, note])
    editor = NoteEditor(record)
    qtbot.addWidget(editor)
    editor.load(note.id)

    combo = editor.appointment
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "No particular visit",
        f"{short_date_time(sooner.starts_at)} — Blood tests",
        f"{short_date_time(later.starts_at.astimezone(ZoneInfo('Europe/Paris')))} — CT scan",
    ]
    combo.setCurrentIndex(2)
    combo.activated.emit(2)
    assert editor.flush()
    with record.reading() as session:
        assert session.scalar(select(Note.appointment_id).where(Note.id == note.id)) == later.id
