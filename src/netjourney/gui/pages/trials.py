"""Clinical trials the user looked into: the registry id (checked for its form), title,
site and contact, why it interested them, and where it stands, step by step with dates.
The app does not search registries (it is offline); it keeps what the user found."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from netjourney.core.decisions.listings import trials_listing
from netjourney.core.decisions.models import ClinicalTrial, TrialOutcome
from netjourney.core.decisions.records import trial_history
from netjourney.core.decisions.rules import OUTCOME_LABELS, REGISTRY_FORMS
from netjourney.core.journey.listings import day_text
from netjourney.core.record import JourneyRecord
from netjourney.core.repository import get
from netjourney.gui.actions import Actions
from netjourney.gui.pages.journey_editor import JourneyEditor
from netjourney.gui.record_page import RecordPage


class TrialEditor(JourneyEditor):
    def __init__(self, record: JourneyRecord) -> None:
        super().__init__(record, ClinicalTrial)
        registry = self.add_line("Registry id:", "registry_id")
        registry.setPlaceholderText("e.g. NCT01234567")
        registry.setToolTip(
            "As the registry prints it: "
            + "; ".join(f"{form.registry} {form.example}" for form in REGISTRY_FORMS)
        )
        self.add_line("Title:", "title")
        self.add_line("Site:", "site")
        self.add_line("Contact:", "contact")
        self.add_text("Why it interests me:", "why_interested", lines=3)
        self.history = QLabel(wordWrap=True)
        self.history.setAccessibleName("Where the trial stands")
        self.form.addRow("Where it stands:", self.history)
        self.add_optional_date("Interested on:", "interested_on")
        self.add_optional_date("Asked my doctor on:", "asked_doctor_on")
        self.add_optional_date("Screening on:", "screening_on")
        outcomes = [(OUTCOME_LABELS[outcome], outcome) for outcome in TrialOutcome]
        self.add_choice("Outcome:", "outcome", [("Not yet", None), *outcomes])
        self.outcome_on = self.add_optional_date("Outcome on:", "outcome_on")
        self.add_text("Notes:", "notes", lines=3)
        self.add_sections(record.guide)

    def derived_values(self, values: dict[str, Any]) -> dict[str, Any]:
        """An outcome is dated today until the user says otherwise; no outcome, no date."""
        if "outcome" not in values:
            return {}
        if values["outcome"] is None:
            return {"outcome_on": None}
        chosen = self.outcome_on.date()
        dated = chosen != self.outcome_on.minimumDate()
        return {"outcome_on": chosen.toPython() if dated else date.today()}

    def loaded(self, obj: Any) -> None:
        steps = trial_history(obj) if obj is not None else []
        self.history.setText(
            " → ".join(f"{s.label} {day_text(s.on)}" for s in steps) or "No step dated yet."
        )

    def flush(self) -> bool:
        """After a step is saved, where the trial stands is said anew."""
        had_edits = self.has_pending()
        saved = super().flush()
        if saved and had_edits and self.record_id is not None:
            self.loaded(get(self.record, ClinicalTrial, self.record_id))
        return saved


class TrialsPage(RecordPage):
    title = "Clinical trials"
    kind = "clinical trial"
    stretch_column = 0  # the trial's id and title: the site and the step stay whole
    default_section_ids = ("clinical-trials",)
    main_field = "registry_id"

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(actions, trials_listing(), TrialEditor(actions.record), parent)

    def new_record(self) -> ClinicalTrial:
        return ClinicalTrial(interested_on=date.today())
