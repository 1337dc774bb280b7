"""What a search result shows: its kind, its date, a snippet cut at word boundaries, and
where the words the user typed appear in it (so the window can set them in bold)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from netjourney.core.dates import local_time_text
from netjourney.core.journey.listings import day_text
from netjourney.core.models import Appointment, Note, Question
from netjourney.core.record import JourneyRecord
from netjourney.core.registry import kind_named, kinds
from netjourney.core.search import SearchHit

GUIDE_HITS = {"section": ("Guide", "guide"), "library": ("Guide question", "questions")}


def hit_label(kind: str) -> str:
    """'Note', 'Person', 'Guide'...: what goes before a title in a list of mixed kinds."""
    return GUIDE_HITS[kind][0] if kind in GUIDE_HITS else kind_named(kind).label


@dataclass(frozen=True)
class Opening:
    """Where a search hit or a record linked to a guide section opens."""

    page: str  # the id of the window page
    item: str  # what the page opens (a record's id, a section's id), or "" for nothing
    child: str = ""  # a child kind's record, chosen inside `item` (its parent)


def opening_of(record: JourneyRecord, kind: str, key: str) -> Opening:
    """A record opens on its kind's page; a child (an option, a dose) opens its parent
    there, since the page lists parents: the child's own id would name another parent."""
    if kind in GUIDE_HITS:
        return Opening(GUIDE_HITS[kind][1], key if kind == "section" else "")
    found = kind_named(kind)
    if not found.parent_column:
        return Opening(found.page, key)
    table = found.table
    with record.reading() as session:
        parent_id = session.scalar(
            select(table.c[found.parent_column]).where(table.c.id == int(key))
        )
    if parent_id is None:  # deleted since it was listed: the page opens on nothing
        return Opening(found.page, "")
    return Opening(found.page, str(parent_id), key)


RECORD_KINDS = ("note", "question", "appointment", "member")  # keyed by record id
SNIPPET_CHARS = 180
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class ResultView:
    hit: SearchHit
    kind_label: str
    when: str  # "" when the kind has no date
    title: str
    snippet: str  # "" when it would only repeat the title


def matched_spans(text: str, query: str) -> list[tuple[int, int]]:
    """(start, end) of each word in `text` that begins with a word of the query."""
    typed = [w.casefold() for w in _WORD.findall(query)]
    if not typed:
        return []
    return [
        (m.start(), m.end())
        for m in _WORD.finditer(text)
        if any(m.group().casefold().startswith(w) for w in typed)
    ]


def cut_at_words(text: str, query: str, limit: int = SNIPPET_CHARS) -> str:
    """At most `limit` characters around the first matched word, cut between words, with '…'."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    spans = matched_spans(flat, query)
    first = spans[0][0] if spans else 0
    start = _word_start_before(flat, max(0, first - limit // 3))
    end = _word_end_before(flat, min(len(flat), start + limit))
    return ("…" if start > 0 else "") + flat[start:end].strip() + ("…" if end < len(flat) else "")


def _word_start_before(text: str, position: int) -> int:
    """The start of the word at `position` (or the position if it is between words)."""
    while position > 0 and not text[position - 1].isspace():
        position -= 1
    return position


def _word_end_before(text: str, position: int) -> int:
    """The end of the last whole word that ends at or before `position`."""
    if position >= len(text) or text[position].isspace():
        return position
    cut = text.rfind(" ", 0, position)
    return cut if cut > 0 else position


def describe(record: JourneyRecord, hits: Iterable[SearchHit], query: str) -> list[ResultView]:
    hits = list(hits)
    dates = _dates(record, hits)
    views = []
    for hit in hits:
        snippet = _snippet(record, hit, query)
        views.append(
            ResultView(
                hit,
                hit_label(hit.kind),
                dates.get((hit.kind, hit.key), ""),
                hit.title or "(untitled)",
                "" if snippet.casefold() in hit.title.casefold() else snippet,
            )
        )
    return views


def _snippet(record: JourneyRecord, hit: SearchHit, query: str) -> str:
    if hit.kind == "section":  # the guide's summary, cut at words around the match
        section = record.guide.section(hit.key)
        return cut_at_words(f"{section.summary} {' '.join(section.key_facts)}", query)
    return cut_at_words(hit.snippet, query)


def _dates(record: JourneyRecord, hits: list[SearchHit]) -> dict[tuple[str, str], str]:
    """Each dated hit's date as shown: a visit's own local time, a note's last change."""
    ids = {kind: [int(h.key) for h in hits if h.kind == kind] for kind in RECORD_KINDS}
    dates: dict[tuple[str, str], str] = {}
    with record.reading() as session:
        dates.update(_days(session, hits))
        if ids["appointment"]:
            rows = session.execute(
                select(Appointment.id, Appointment.starts_at, Appointment.time_zone).where(
                    Appointment.id.in_(ids["appointment"])
                )
            )
            for rid, starts_at, zone in rows:
                dates["appointment", str(rid)] = local_time_text(starts_at, zone)
        if ids["note"]:
            notes = session.execute(
                select(Note.id, Note.updated_at).where(Note.id.in_(ids["note"]))
            )
            for rid, updated_at in notes:
                dates["note", str(rid)] = day_text(updated_at.astimezone())
        if ids["question"]:
            questions = session.execute(
                select(Question.id, Question.answered_on, Question.created_at).where(
                    Question.id.in_(ids["question"])
                )
            )
            for rid, answered_on, created_at in questions:
                dates["question", str(rid)] = (
                    f"answered {day_text(answered_on)}"
                    if answered_on
                    else f"added {day_text(created_at.astimezone())}"
                )
    return dates


def _days(session: Session, hits: list[SearchHit]) -> dict[tuple[str, str], str]:
    """The day of each hit of a dated kind (a dose, a test result...): "3 Mar 2026"."""
    days = {}
    for kind in kinds():
        ids = [int(h.key) for h in hits if h.kind == kind.name]
        if kind.day_column and ids:
            day = kind.table.c[kind.day_column]
            rows = session.execute(
                select(kind.table.c.id, day).where(kind.table.c.id.in_(ids), day.is_not(None))
            )
            days.update({(kind.name, str(rid)): day_text(value) for rid, value in rows})
    return days
