"""Every kind of record the user keeps, described once.

Search, links to the guide, JSON export and import, record counts (backups,
`check`, the CLI) and delete/undo all read this list instead of naming the kinds
themselves. Adding a kind is one `RecordKind` registered here, a model that is
`LinkedToGuide` (which brings its link table), a migration that creates its
table, its link table and its search index (core/migrations/kind_tables.py has
both), and its page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Row, Table

from netjourney.core.dates import time_zone_problem
from netjourney.core.guide import Guide
from netjourney.core.journey import listings as journey_listings
from netjourney.core.journey import records as journey_records  # noqa: F401 (its checks)
from netjourney.core.journey import rules as journey_rules
from netjourney.core.journey.choices import treatment_title
from netjourney.core.journey.models import (
    DiaryEntry,
    Dose,
    Measurement,
    Scan,
    SymptomRating,
    Treatment,
)
from netjourney.core.listing import (
    Listing,
    appointment_title,
    appointments_listing,
    notes_listing,
    questions_listing,
    team_listing,
)
from netjourney.core.models import Appointment, CareTeamMember, LinkedToGuide, Note, Question

# A check of one imported value beyond its type: (value, the whole validated item,
# the guide) -> what is wrong, or None when it is fine.
FieldCheck = Callable[[Any, Mapping[str, Any], Guide], str | None]
# A check of one imported item against the item its reference points to:
# (the item, the referred item) -> what is wrong, or None.
ReferenceCheck = Callable[[Mapping[str, Any], Mapping[str, Any]], str | None]


@dataclass(frozen=True, eq=False)  # each kind is itself: compared and hashed by identity
class RecordKind:
    """One kind of record and everything the rest of the app needs to know about it."""

    name: str  # its id in search hits, links and the window: "note"
    model: type[LinkedToGuide]
    noun: str  # in messages: "That care-team member no longer exists"
    plural: str
    label: str  # before a title in lists that mix kinds: "Person: Dr. Lee"
    page: str  # the id of the window page that shows it
    json_name: str  # its list in the JSON document
    # Columns of its FTS5 index `<table>_fts` (empty: not searched). The migration that
    # created the index wrote the same list out; a test keeps the two equal.
    search_columns: tuple[str, ...]
    search_title: str  # the column a search hit shows as its title
    title_columns: tuple[str, ...]  # what `title` needs, so long lists read only that
    title: Callable[[Row[Any]], str]  # how a linked record is named on a guide page
    listing: Callable[[Guide], Listing]  # its page's list
    # Many-to-many lists written into JSON as ids: JSON field -> relationship name.
    json_id_lists: Mapping[str, str] = field(default_factory=dict)
    json_checks: Mapping[str, FieldCheck] = field(default_factory=dict)
    # Checks of a field against the record a reference points to (a kind registered
    # earlier): the field the problem is named on -> (the reference field, the check).
    json_reference_checks: Mapping[str, tuple[str, ReferenceCheck]] = field(default_factory=dict)
    # Its JSON list may be absent (files written before the kind existed): read as empty.
    json_optional: bool = False
    # A search hit's title when the search_title column alone cannot tell one record
    # from the next (a test result is its measure and value): read from title_columns.
    search_heading: Callable[[Row[Any]], str] | None = None
    # A dated kind: the column holding its day, shown beside a search hit ("3 Mar 2026").
    day_column: str | None = None
    # A kind shown inside another kind's record on their shared page (a dose inside its
    # treatment) names the column holding that record's id: the page opens the parent,
    # then chooses the child in it. Empty for a kind its page lists itself.
    parent_column: str = ""

    @property
    def table(self) -> Table:
        return self.model.__table__  # type: ignore[attr-defined, no-any-return]

    @property
    def table_name(self) -> str:
        return self.table.name

    @property
    def link_table(self) -> Table:
        return self.model.link_model.__table__  # type: ignore[attr-defined, no-any-return]

    @property
    def search_index(self) -> str:
        return f"{self.table_name}_fts"


_kinds: list[RecordKind] = []


def register(kind: RecordKind) -> RecordKind:
    if any(k.name == kind.name or k.model is kind.model for k in _kinds):
        raise ValueError(f"the record kind {kind.name!r} is registered twice")
    _kinds.append(kind)
    return kind


@contextmanager
def registered(kind: RecordKind) -> Iterator[RecordKind]:
    """A kind known only inside the block (for tests)."""
    register(kind)
    try:
        yield kind
    finally:
        _kinds.remove(kind)


def kinds() -> tuple[RecordKind, ...]:
    """Every kind, in the order registered: the order of the JSON lists and of counts."""
    return tuple(_kinds)


def kind_named(name: str) -> RecordKind:
    for kind in _kinds:
        if kind.name == name:
            return kind
    raise KeyError(f"no record kind named {name!r}")


def kind_of(model: type[Any]) -> RecordKind | None:
    return next((k for k in _kinds if k.model is model), None)


def _known_time_zone(name: Any, item: Mapping[str, Any], guide: Guide) -> str | None:
    return time_zone_problem(name)


def _ends_after_start(ends_at: Any, item: Mapping[str, Any], guide: Guide) -> str | None:
    return "is before starts_at" if ends_at is not None and ends_at < item["starts_at"] else None


def _known_library_question(library_id: Any, item: Mapping[str, Any], guide: Guide) -> str | None:
    try:
        if library_id is not None:
            guide.library_question(library_id)
    except KeyError:
        return f"{library_id!r} is not a question of the guide's library"
    return None


register(
    RecordKind(
        name="member",
        model=CareTeamMember,
        noun="care-team member",
        plural="care-team members",
        label="Person",
        page="team",
        json_name="care_team",
        search_columns=("name", "role", "practice", "phone", "after_hours", "email", "notes"),
        search_title="name",
        title_columns=("name",),
        title=lambda row: str(row.name),
        listing=team_listing,
    )
)
register(
    RecordKind(
        name="question",
        model=Question,
        noun="question",
        plural="questions",
        label="Question",
        page="questions",
        json_name="questions",
        search_columns=("text", "answer", "answered_by"),
        search_title="text",
        title_columns=("text",),
        title=lambda row: str(row.text),
        listing=questions_listing,
        json_checks={"library_id": _known_library_question},
    )
)
register(
    RecordKind(
        name="appointment",
        model=Appointment,
        noun="appointment",
        plural="appointments",
        label="Visit",
        page="appointments",
        json_name="appointments",
        search_columns=("purpose", "location", "with_whom", "what_to_bring", "outcome"),
        search_title="purpose",
        title_columns=("starts_at", "time_zone", "purpose"),
        title=lambda row: appointment_title(row.starts_at, row.time_zone, row.purpose),
        listing=lambda guide: appointments_listing(),
        json_id_lists={"planned_question_ids": "planned_questions"},
        json_checks={"time_zone": _known_time_zone, "ends_at": _ends_after_start},
    )
)
register(
    RecordKind(
        name="note",
        model=Note,
        noun="note",
        plural="notes",
        label="Note",
        page="notes",
        json_name="notes",
        search_columns=("title", "body"),
        search_title="title",
        title_columns=("title",),
        title=lambda row: str(row.title or "(untitled)"),
        listing=lambda guide: notes_listing(),
    )
)


register(
    RecordKind(
        name="treatment",
        model=Treatment,
        noun="treatment",
        plural="treatments",
        label="Treatment",
        page="treatments",
        json_name="treatments",
        json_optional=True,
        search_columns=("name", "dose", "how_given", "location", "why_stopped", "notes"),
        search_title="name",
        title_columns=("name", "kind"),
        title=lambda row: treatment_title(row.name, row.kind),
        search_heading=lambda row: treatment_title(row.name, row.kind),
        day_column="started_on",
        listing=lambda guide: journey_listings.treatments_listing(),
        json_checks={
            "stopped_on": lambda v, item, g: journey_rules.stop_problem(item["started_on"], v),
            "repeat_every": lambda v, item, g: journey_rules.repeat_problem(v, item["repeat_unit"]),
            "planned_dates": lambda v, item, g: journey_rules.planned_dates_problem(v),
        },
    )
)
register(
    RecordKind(
        name="dose",
        model=Dose,
        noun="dose",
        plural="doses",
        label="Dose",
        page="treatments",
        json_name="doses",
        json_optional=True,
        search_columns=("location", "notes"),
        search_title="given_on",
        title_columns=("given_on", "location"),
        title=journey_listings.dose_title,
        search_heading=journey_listings.dose_place_text,
        day_column="given_on",
        listing=lambda guide: journey_listings.doses_listing(),
        parent_column="treatment_id",
        json_reference_checks={
            "given_on": (
                "treatment_id",
                lambda item, treatment: journey_rules.dose_date_problem(
                    item["given_on"], treatment["started_on"]
                ),
            ),
        },
    )
)
register(
    RecordKind(
        name="measurement",
        model=Measurement,
        noun="test result",
        plural="test results",
        label="Test",
        page="measurements",
        json_name="measurements",
        json_optional=True,
        search_columns=("measure", "unit", "reference_range", "lab", "notes"),
        search_title="measure",
        title_columns=("measure", "value", "value_qualifier", "unit", "measured_on"),
        title=journey_listings.measurement_title,
        search_heading=journey_listings.measurement_value_text,
        day_column="measured_on",
        listing=lambda guide: journey_listings.measurements_listing(),
        json_checks={
            "range_high": lambda v, item, g: journey_rules.range_problem(item["range_low"], v),
        },
    )
)
register(
    RecordKind(
        name="scan",
        model=Scan,
        noun="scan",
        plural="scans",
        label="Scan",
        page="scans",
        json_name="scans",
        json_optional=True,
        search_columns=("location", "report"),
        search_title="report",
        title_columns=("scanned_on", "kind"),
        title=journey_listings.scan_title,
        search_heading=journey_listings.scan_kind_text,
        day_column="scanned_on",
        listing=lambda guide: journey_listings.scans_listing(),
    )
)
register(
    RecordKind(
        name="diary_entry",
        model=DiaryEntry,
        noun="diary day",
        plural="diary days",
        label="Diary",
        page="diary",
        json_name="diary",
        json_optional=True,
        search_columns=("note",),
        search_title="day",
        title_columns=("day",),
        title=journey_listings.diary_title,
        search_heading=lambda row: "Note of the day",
        day_column="day",
        listing=lambda guide: journey_listings.diary_listing(),
    )
)
register(
    RecordKind(
        name="symptom_rating",
        model=SymptomRating,
        noun="symptom rating",
        plural="symptom ratings",
        label="Symptom",
        page="diary",
        json_name="symptom_ratings",
        json_optional=True,
        search_columns=(),
        search_title="symptom",
        title_columns=("symptom",),
        title=lambda row: str(row.symptom),
        listing=lambda guide: journey_listings.symptom_ratings_listing(),
        parent_column="entry_id",
        json_checks={
            "rating": lambda v, item, g: journey_rules.rating_problem(v),
            "count": lambda v, item, g: (
                journey_rules.count_problem(v)
                or journey_rules.rated_or_counted_problem(item["rating"], v)
            ),
        },
    )
)

# Decisions, second opinions and trials register themselves, after the kinds above.
from netjourney.core.decisions import kinds as _decision_kinds  # noqa: E402, F401
