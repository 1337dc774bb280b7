"""Care team: the people treating the user, and who to ask what."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from netjourney.core.guide import OTHER_ROLE_ID
from netjourney.core.listing import team_listing
from netjourney.core.models import CareTeamMember
from netjourney.core.people import role_of, role_title
from netjourney.core.record import JourneyRecord
from netjourney.gui.actions import Actions
from netjourney.gui.editor import RecordEditor
from netjourney.gui.record_page import RecordPage


class MemberEditor(RecordEditor):
    def __init__(self, record: JourneyRecord) -> None:
        super().__init__(record, CareTeamMember)

    def build_form(self) -> None:
        guide = self.record.guide
        self.role = self.add_choice("Role:", "role", [(r.title, r.id) for r in guide.roles])
        self.add_line("Name:", "name")
        self.add_line("Practice or hospital:", "practice")
        self.add_line("Phone:", "phone")
        self.add_line("Nights, weekends, holidays:", "after_hours").setPlaceholderText(
            "How to reach them out of hours"
        )
        self.add_line("Email:", "email")
        self.add_text("Notes:", "notes", lines=3)
        self.add_sections(guide)
        self.who_to_ask = QLabel(wordWrap=True)
        self.who_to_ask.setAccessibleName("Who to ask what")
        self.form.addRow(self.who_to_ask)
        self.role.currentIndexChanged.connect(self._show_role_help)

    def loaded(self, obj: Any) -> None:
        if obj is not None and self.role.findData(obj.role) < 0:  # a role this guide lacks
            self.role.addItem(role_title(self.record.guide, obj.role), obj.role)
            self.role.setCurrentIndex(self.role.count() - 1)
        self._show_role_help()

    def _show_role_help(self) -> None:
        role = role_of(self.record.guide, self.role.currentData() or OTHER_ROLE_ID)
        asks = "".join(f"<li>{escape(item)}</li>" for item in role.asks_about)
        self.who_to_ask.setText(
            f"<b>{escape(role.title)}</b>: {escape(role.does)}"
            f"<br>Usually good to ask about:<ul>{asks}</ul>"
        )


class TeamPage(RecordPage):
    title = "Care team"
    kind = "person"
    kind_plural = "people"
    stretch_column = 2  # the practice: names, roles and numbers must stay whole
    main_field = "name"

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        record = actions.record
        super().__init__(actions, team_listing(record.guide), MemberEditor(record), parent)

    def new_record(self) -> CareTeamMember:
        return CareTeamMember(role=OTHER_ROLE_ID, name="New person")
