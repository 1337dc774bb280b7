"""Scans: when, what kind, where, what the report said in the user's words, the next one."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from netjourney.core.journey.choices import SCAN_KIND_LABELS, ScanKind
from netjourney.core.journey.listings import scans_listing
from netjourney.core.journey.models import Scan
from netjourney.core.record import JourneyRecord
from netjourney.gui.actions import Actions
from netjourney.gui.pages.journey_editor import JourneyEditor
from netjourney.gui.record_page import RecordPage


class ScanEditor(JourneyEditor):
    def __init__(self, record: JourneyRecord) -> None:
        super().__init__(record, Scan)
        self.add_day("Date:", "scanned_on")
        self.add_choice("Kind:", "kind", [(SCAN_KIND_LABELS[kind], kind) for kind in ScanKind])
        self.add_line("Where:", "location")
        self.add_text("What the report said:", "report", lines=8).setPlaceholderText(
            "In your own words"
        )
        self.add_optional_date("Next scan planned:", "next_planned_on")
        self.add_sections(record.guide)
        self.let_fields_grow()


class ScansPage(RecordPage):
    title = "Scans"
    kind = "scan"
    stretch_column = 3  # the report: dates and kinds must stay whole
    main_field = "location"

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(actions, scans_listing(), ScanEditor(actions.record), parent)

    def new_record(self) -> Scan:
        return Scan(scanned_on=date.today(), kind=ScanKind.CT)
