"""The rows the GUI's lists show, fetched a page at a time, sorted and filtered in SQL.

Each list is a `Listing`: one SELECT with labelled columns and, per visible
column, how to show a row's value and what to sort by. Qt models adapt these;
they hold no queries of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, func, select

from netjourney.core.dates import local_time_text, short_date, short_date_time
from netjourney.core.guide import Guide
from netjourney.core.models import (
    Appointment,
    CareTeamMember,
    Note,
    Question,
    QuestionStatus,
    StoredText,
)
from netjourney.core.people import role_title
from netjourney.core.record import JourneyRecord
from netjourney.core.words import with_whom_text


@dataclass(frozen=True)
class ListColumn:
    header: str
    sort_by: Any
    show: Callable[[Row[Any]], str]


@dataclass(frozen=True)
class Listing:
    statement: Select[*tuple[Any, ...]]  # must label the record's id as "id"
    columns: tuple[ListColumn, ...]
    default_sort: int = 0
    default_descending: bool = False


class ListRow:
    """A row's id, and its cells as shown, worked out when first asked for: a list loads
    200 rows a page but a first show draws a screenful, and formatting a date through
    Babel costs about as much as fetching its row."""

    def __init__(self, listing: Listing, values: Row[Any]) -> None:
        self.id: int = values.id
        self._listing = listing
        self._values = values

    @cached_property
    def cells(self) -> tuple[str, ...]:
        return tuple(column.show(self._values) for column in self._listing.columns)


@dataclass
class ListQuery:
    listing: Listing
    sort_column: int
    descending: bool
    conditions: Sequence[ColumnElement[bool]] = field(default_factory=tuple)

    @classmethod
    def default(cls, listing: Listing) -> ListQuery:
        return cls(listing, listing.default_sort, listing.default_descending)

    def statement(self) -> Select[Any]:
        sort_by = self.listing.columns[self.sort_column].sort_by
        order = sort_by.desc() if self.descending else sort_by.asc()
        id_column = self.listing.statement.selected_columns.id
        return self.listing.statement.where(*self.conditions).order_by(order, id_column)


def count_rows(record: JourneyRecord, query: ListQuery) -> int:
    # Only the ids are counted: SQLite would otherwise work out every row's shown columns
    # (the diary's symptoms are a subquery per day), a third of the count's time.
    id_column = query.listing.statement.selected_columns.id
    rows = query.statement().order_by(None)
    ids = rows.with_only_columns(id_column, maintain_column_froms=True)
    counted = select(func.count()).select_from(ids.subquery())
    with record.reading() as session:
        return session.scalar(counted) or 0


def fetch_rows(record: JourneyRecord, query: ListQuery, offset: int, limit: int) -> list[ListRow]:
    with record.reading() as session:
        rows = session.execute(query.statement().offset(offset).limit(limit)).all()
    return [ListRow(query.listing, row) for row in rows]


def fetch_one_row(record: JourneyRecord, query: ListQuery, record_id: int) -> ListRow | None:
    id_column = query.listing.statement.selected_columns.id
    with record.reading() as session:
        row = session.execute(query.listing.statement.where(id_column == record_id)).first()
    return ListRow(query.listing, row) if row else None


def appointment_title(starts_at: datetime, time_zone: str, purpose: str) -> str:
    """e.g. 'Tue, Dec 3, 2026, 2:30 PM — Follow-up visit': how a visit is named in lists."""
    return f"{local_time_text(starts_at, time_zone)} — {purpose}"


def _text(key: str) -> Callable[[Row[Any]], str]:
    """The user's own words, whole: the list wraps them rather than cutting them."""
    return lambda row: _one_line(getattr(row, key) or "", limit=None)


def _one_line(text: str, limit: int | None = 120) -> str:
    """On one line; past `limit` characters, cut between words with '…' (a preview)."""
    flat = " ".join(text.split())
    if limit is None or len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] if " " in flat[:limit] else flat[: limit - 1]
    return cut.rstrip(" ,;:") + "…"


def team_listing(guide: Guide) -> Listing:
    m = CareTeamMember
    return Listing(
        select(m.id.label("id"), m.name, m.role, m.practice, m.phone, m.after_hours),
        (
            ListColumn("Name", m.name, _text("name")),
            ListColumn("Role", m.role, lambda r: role_title(guide, r.role)),
            ListColumn("Practice", m.practice, _text("practice")),
            ListColumn("Phone", m.phone, _text("phone")),
            ListColumn("Nights and weekends", m.after_hours, _text("after_hours")),
        ),
    )


def question_group_title(guide: Guide, library_id: str | None) -> str:
    if library_id is None:
        return "My own questions"
    try:
        section_id = guide.library_question(library_id).section_id
    except KeyError:  # from another tool or an older import: shown, flagged, never a crash
        return f"Not in this guide ({library_id})"
    return next(
        (g.title for g in guide.question_groups if g.section_id == section_id),
        f"Not in this guide ({library_id})",
    )


def questions_listing(guide: Guide) -> Listing:
    q = Question
    return Listing(
        select(
            q.id.label("id"), q.text, q.library_id, q.status, q.answered_by, q.answered_on
        ).where(q.chosen),
        (
            ListColumn("Question", q.text, _text("text")),
            ListColumn("Status", q.status, lambda r: QuestionStatus(r.status).label),
            ListColumn("Group", q.library_id, lambda r: question_group_title(guide, r.library_id)),
            ListColumn("Answered by", q.answered_by, _text("answered_by")),
            ListColumn(
                "Answered on",
                q.answered_on,
                lambda r: short_date(r.answered_on) if r.answered_on else "",
            ),
        ),
    )


def appointments_listing() -> Listing:
    a, m = Appointment, CareTeamMember
    with_whom = func.coalesce(m.name, a.with_whom, "")  # sorted as shown: the member first
    return Listing(
        select(
            a.id.label("id"),
            a.starts_at,
            a.time_zone,
            m.name.label("member_name"),
            a.with_whom,
            a.purpose,
            a.location,
        ).outerjoin(m, a.member_id == m.id),
        (
            ListColumn("When", a.starts_at, lambda r: local_time_text(r.starts_at, r.time_zone)),
            ListColumn(
                "With",
                with_whom,
                lambda r: _one_line(with_whom_text(r.member_name, None, r.with_whom)),
            ),
            ListColumn("Purpose", a.purpose, _text("purpose")),
            ListColumn("Where", a.location, _text("location")),
        ),
        default_sort=0,
    )


def notes_listing() -> Listing:
    n = Note
    return Listing(
        select(
            n.id.label("id"),
            n.title,
            func.substr(n.body, 1, 200, type_=StoredText).label("start"),
            n.updated_at,
            n.private,
        ),
        (
            ListColumn(
                "Title",
                n.title,
                lambda r: (
                    _one_line(r.title, None) if r.title else _one_line(r.start or "(untitled)")
                ),
            ),
            ListColumn(
                "Updated", n.updated_at, lambda r: short_date_time(r.updated_at.astimezone())
            ),
            ListColumn("Private", n.private, lambda r: "Private" if r.private else ""),
            ListColumn("Begins", n.body, lambda r: _one_line(r.start or "") if r.title else ""),
        ),
        default_sort=1,
        default_descending=True,
    )
