"""The fixed choices of the journey's records and their words, without SQLAlchemy:
`netjourney upcoming` and Home's first fill (core/quick_read.py) name them too."""

from __future__ import annotations

from netjourney.core.stored_values import StoredChoice, choice_label


class TreatmentKind(StoredChoice):
    SURGERY = "surgery"
    SOMATOSTATIN_ANALOG = "somatostatin_analog"
    CHEMOTHERAPY = "chemotherapy"
    RADIATION = "radiation"
    TARGETED_THERAPY = "targeted_therapy"
    RADIOACTIVE_DRUG = "radioactive_drug"
    LIVER_PROCEDURE = "liver_procedure"
    OTHER = "other"


class RepeatUnit(StoredChoice):
    DAYS = "days"
    WEEKS = "weeks"


class ValueQualifier(StoredChoice):
    """How a lab printed a value it could only bound: "<0.5" is LESS with the value 0.5."""

    LESS = "<"
    AT_MOST = "<="
    MORE = ">"
    AT_LEAST = ">="

    @property
    def symbol(self) -> str:
        """As shown and printed: <, ≤, >, ≥."""
        return {"<": "<", "<=": "≤", ">": ">", ">=": "≥"}[self.value]

    @property
    def words(self) -> str:
        """As a screen reader or a sentence says it: 'below', 'at most'..."""
        return {"<": "below", "<=": "at most", ">": "above", ">=": "at least"}[self.value]

    @property
    def is_upper_bound(self) -> bool:
        """The true value is at or below the number shown."""
        return self in (ValueQualifier.LESS, ValueQualifier.AT_MOST)


class ScanKind(StoredChoice):
    CT = "ct"
    MRI = "mri"
    SOMATOSTATIN_PET = "somatostatin_pet"
    OTHER = "other"


TREATMENT_KIND_LABELS = {
    TreatmentKind.SURGERY: "Surgery",
    TreatmentKind.SOMATOSTATIN_ANALOG: "Somatostatin analog",
    TreatmentKind.CHEMOTHERAPY: "Chemotherapy",
    TreatmentKind.RADIATION: "Radiation",
    TreatmentKind.TARGETED_THERAPY: "Targeted therapy",
    TreatmentKind.RADIOACTIVE_DRUG: "Radioactive drug",
    TreatmentKind.LIVER_PROCEDURE: "Liver procedure",
    TreatmentKind.OTHER: "Other",
}
SCAN_KIND_LABELS = {
    ScanKind.CT: "CT",
    ScanKind.MRI: "MRI",
    ScanKind.SOMATOSTATIN_PET: "Somatostatin receptor PET",
    ScanKind.OTHER: "Other scan",
}


def treatment_kind_label(kind: str) -> str:
    return choice_label(TREATMENT_KIND_LABELS, TreatmentKind(kind), "kind of treatment")


def scan_kind_label(kind: str) -> str:
    return choice_label(SCAN_KIND_LABELS, ScanKind(kind), "kind of scan")


def treatment_title(name: str, kind: str) -> str:
    return name or treatment_kind_label(kind)
