"""The note editor's choice of the visit a note is about."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from netjourney.core.dates import UNREADABLE, UnreadableTime, local_time_text, short_date_time
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


def test_the_visits_offered_are_refilled_only_when_they_change(
    qtbot: QtBot, record: JourneyRecord
) -> None:
    """Opening a note keeps the visit choice as it was (600 visits took as long to refill
    as the rest of opening a note); a visit added elsewhere is offered at the next one."""
    with record.writing() as session:
        session.add(
            Appointment(
                starts_at=datetime(2026, 3, 2, 9, tzinfo=UTC), time_zone="UTC", purpose="Scan"
            )
        )
        first, second = Note(title="One"), Note(title="Two")
        session.add_all([first, second])
    editor = NoteEditor(record)
    qtbot.addWidget(editor)
    editor.load(first.id)
    refills: list[None] = []
    editor.appointment.model().rowsRemoved.connect(lambda *_: refills.append(None))
    editor.load(second.id)
    assert refills == []
    with record.writing() as session:
        session.add(
            Appointment(
                starts_at=datetime(2026, 4, 1, 9, tzinfo=UTC), time_zone="UTC", purpose="Visit"
            )
        )
    editor.load(first.id)
    combo = editor.appointment
    offered = [combo.itemText(i).split()[-1] for i in range(combo.count())]
    assert offered == ["visit", "Scan", "Visit"]


def _visit(starts_at: datetime, purpose: str) -> Appointment:
    return Appointment(starts_at=starts_at, time_zone="UTC", purpose=purpose)


def test_a_time_is_named_in_its_zone_and_an_unreadable_one_never_as_a_real_one() -> None:
    """Names of times are kept once made; the zone and an unreadable time stay apart."""
    moment = datetime(1970, 1, 1, tzinfo=UTC)
    unreadable = UnreadableTime.of("garbage")
    assert local_time_text(moment, "UTC") != local_time_text(moment, "Asia/Tokyo")
    assert local_time_text(unreadable, "UTC") == UNREADABLE
    assert local_time_text(moment, "UTC") == short_date_time(moment)
    assert local_time_text(unreadable, "UTC") == UNREADABLE
