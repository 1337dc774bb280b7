"""Second opinions: who and where, when asked and given, the records sent (a checklist),
what they said and how it compares with the first opinion."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from netjourney.core.decisions.listings import second_opinions_listing
from netjourney.core.decisions.models import SecondOpinion
from netjourney.core.record import JourneyRecord
from netjourney.gui.actions import Actions
from netjourney.gui.pages.journey_editor import JourneyEditor
from netjourney.gui.record_page import RecordPage


class SecondOpinionEditor(JourneyEditor):
    def __init__(self, record: JourneyRecord) -> None:
        super().__init__(record, SecondOpinion)
        self.add_line("Who:", "person").setPlaceholderText("e.g. Dr. Park")
        self.add_line("Where (center):", "center").setPlaceholderText("e.g. a NET center")
        self.add_optional_date("Asked for on:", "asked_on")
        self.add_optional_date("Given on:", "given_on")
        for name, text in (
            ("sent_reports", "Reports"),
            ("sent_scans", "Scans (images)"),
            ("sent_slides", "Pathology slides"),
        ):
            box = self.add_check("Records sent:" if name == "sent_reports" else "", name, text)
            box.setAccessibleName(f"Sent: {text}")
        self.add_line("Anything else sent:", "sent_other")
        self.add_text("What they said:", "what_they_said", lines=5)
        self.add_text("Compared with the first opinion:", "compared_with_first", lines=3)
        self.add_sections(record.guide)
        self.let_fields_grow()


class SecondOpinionsPage(RecordPage):
    title = "Second opinions"
    kind = "second opinion"
    stretch_column = 0  # who: dates and the records sent stay whole
    default_section_ids = ("second-opinion",)
    main_field = "person"

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(
            actions, second_opinions_listing(), SecondOpinionEditor(actions.record), parent
        )

    def new_record(self) -> SecondOpinion:
        return SecondOpinion(asked_on=date.today())
