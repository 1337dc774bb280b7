"""Search across the user's records (SQLite FTS5) and the guide (in memory)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Row, String, column, text

from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from netjourney.core.registry import RecordKind, kinds


@dataclass(frozen=True)
class SearchHit:
    kind: str  # a record kind's name (see core/registry.py), "section" or "library"
    key: str  # the record id as text, or the guide's section / library question id
    title: str
    snippet: str


def _words(query: str) -> list[str]:
    return re.findall(r"\w+", query.casefold())


def match_expression(query: str) -> str | None:
    """Every word the user typed, each as a quoted prefix: no FTS syntax gets through."""
    words = _words(query)
    return " ".join(f'"{word}"*' for word in words) if words else None


def search_records(record: JourneyRecord, query: str, limit: int = 50) -> list[SearchHit]:
    expression = match_expression(query)
    if expression is None:
        return []
    hits: list[SearchHit] = []
    with record.reading() as session:
        for kind in kinds():
            if not kind.search_columns:
                continue
            table, index = kind.table_name, kind.search_index
            columns = _title_columns(kind)
            statement = text(
                f"SELECT {', '.join(f'{table}.{c.name}' for c in columns)}, "
                f"snippet({index}, -1, '', '', '…', 12) AS snippet "
                f"FROM {index} JOIN {table} ON {table}.id = {index}.rowid "
                f"WHERE {index} MATCH :expression ORDER BY rank LIMIT :limit"
            ).columns(*columns, column("snippet", String))  # typed: dates come back as dates
            rows = session.execute(statement, {"expression": expression, "limit": limit})
            hits += [
                SearchHit(kind.name, str(row.id), _title(kind, row), row.snippet) for row in rows
            ]
    return hits


def _title_columns(kind: RecordKind) -> list[Column[Any]]:
    """The id and what the hit's title is made of."""
    names = kind.title_columns if kind.search_heading else (kind.search_title,)
    return [kind.table.c.id, *(kind.table.c[name] for name in names if name != "id")]


def _title(kind: RecordKind, row: Row[Any]) -> str:
    if kind.search_heading:
        return kind.search_heading(row)
    return str(getattr(row, kind.search_title) or "")


def search_guide(guide: Guide, query: str) -> list[SearchHit]:
    words = _words(query)
    if not words:
        return []
    hits = []
    for section in guide.sections:
        body = " ".join(
            [
                section.summary,
                *section.key_facts,
                *(f"{g.term} {g.meaning}" for g in section.glossary),
            ]
        )
        if _has_all(f"{section.title} {body}", words):
            hits.append(SearchHit("section", section.id, section.title, section.summary[:160]))
    for group in guide.question_groups:
        for question in group.questions:
            if _has_all(question.text, words):
                hits.append(SearchHit("library", question.id, question.text, group.title))
    return hits


def _has_all(haystack: str, words: list[str]) -> bool:
    found = set(_words(haystack))
    return all(any(w.startswith(word) for w in found) for word in words)


def search_everything(record: JourneyRecord, query: str, limit: int = 50) -> list[SearchHit]:
    return search_records(record, query, limit) + search_guide(record.guide, query)
