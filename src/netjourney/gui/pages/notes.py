"""Notes: a list and an editor; private notes stay out of shared exports."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from netjourney.core.appointments import appointment_choices
from netjourney.core.listing import notes_listing
from netjourney.core.models import CareTeamMember, Note
from netjourney.core.record import JourneyRecord
from netjourney.core.repository import all_of
from netjourney.gui.actions import Actions
from netjourney.gui.editor import RecordEditor
from netjourney.gui.record_page import RecordPage


class NoteEditor(RecordEditor):
    def __init__(self, record: JourneyRecord) -> None:
        super().__init__(record, Note)

    def build_form(self) -> None:
        self.add_line("Title:", "title")
        self.add_text("Note:", "body", lines=12)
        self.add_check("Private:", "private", "Keep out of exports I share with family")
        self.appointment = self.add_choice("About a visit:", "appointment_id", [])
        self.member = self.add_choice("About a person:", "member_id", [])
        self.add_sections(self.record.guide)
        self.let_fields_grow()

    def prepare(self, record_id: int | None) -> None:
        self._fill_choices()

    def _fill_choices(self) -> None:
        """The visits and people to choose from change as the user edits other pages."""
        people = all_of(self.record, CareTeamMember, CareTeamMember.name)
        self.set_choices(self.appointment, appointment_choices(self.record), "No particular visit")
        self.set_choices(self.member, [(p.name, p.id) for p in people], "No particular person")


class NotesPage(RecordPage):
    title = "Notes"
    kind = "note"
    main_field = "title"

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(actions, notes_listing(), NoteEditor(actions.record), parent)

    def new_record(self) -> Note:
        return Note(title="New note")
