"""The treatment guide that ships in resources/guide: loaded and validated at start."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from netjourney.core import paths

# Records link to these ids, so the shipped guide must always carry every one.
REQUIRED_SECTION_IDS = (
    "treatment-overview",
    "treatment-types",
    "type-and-extent",
    "resectable",
    "unresectable",
    "recurrent",
    "care-team",
    "making-decisions",
    "questions-choosing",
    "questions-during",
    "questions-side-effects",
    "questions-support",
    "second-opinion",
    "clinical-trials",
    "integrative-methods",
    "getting-through",
    "stopping-treatment",
    "about-this-guide",
)
QUESTION_SECTION_IDS = REQUIRED_SECTION_IDS[8:12]
OTHER_ROLE_ID = "other"


class GuideError(ValueError):
    """A content file is missing or malformed; the message names the file and the field."""


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    meaning: str


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    summary: str
    key_facts: tuple[str, ...]
    glossary: tuple[GlossaryEntry, ...]


@dataclass(frozen=True)
class LibraryQuestion:
    id: str
    text: str
    section_id: str


@dataclass(frozen=True)
class QuestionGroup:
    section_id: str
    title: str
    questions: tuple[LibraryQuestion, ...]


@dataclass(frozen=True)
class Role:
    id: str
    title: str
    does: str
    asks_about: tuple[str, ...]
    question_groups: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str
    revised: date
    url: str
    review: str
    caution: str
    adapted_note: str


@dataclass(frozen=True)
class Guide:
    source: Source
    sections: tuple[Section, ...]
    question_groups: tuple[QuestionGroup, ...]
    roles: tuple[Role, ...]

    @property
    def section_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sections)

    @property
    def role_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.roles)

    def section(self, section_id: str) -> Section:
        return _find(self.sections, section_id, "guide section")

    def role(self, role_id: str) -> Role:
        return _find(self.roles, role_id, "care-team role")

    def library_question(self, question_id: str) -> LibraryQuestion:
        questions = [q for g in self.question_groups for q in g.questions]
        return _find(questions, question_id, "library question")


Identified = TypeVar("Identified", Section, Role, LibraryQuestion)


def _find(items: Iterable[Identified], wanted: str, kind: str) -> Identified:
    for item in items:
        if item.id == wanted:
            return item
    raise KeyError(f"no {kind} with id {wanted!r}")


class ContentReader:
    """Reads one JSON content file, naming the file and field in every complaint."""

    def __init__(self, folder: Path, name: str) -> None:
        self.name = name
        try:
            self.data = json.loads((folder / name).read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise GuideError(f"{name}: the file is missing from {folder}") from error
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise GuideError(f"{name}: not valid JSON ({error})") from error

    def fail(self, where: str, problem: str) -> GuideError:
        return GuideError(f"{self.name}: {where}: {problem}")

    def value(self, obj: Any, field: str, where: str) -> Any:
        if not isinstance(obj, dict) or field not in obj:
            raise self.fail(f"{where}.{field}", "missing")
        return obj[field]

    def text(self, obj: Any, field: str, where: str) -> str:
        value = self.value(obj, field, where)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{where}.{field}", "must be non-empty text")
        return value

    def items(self, obj: Any, field: str, where: str) -> list[Any]:
        value = self.value(obj, field, where)
        if not isinstance(value, list):
            raise self.fail(f"{where}.{field}", "must be a list")
        return value

    def texts(self, obj: Any, field: str, where: str) -> tuple[str, ...]:
        values = self.items(obj, field, where)
        for index, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                raise self.fail(f"{where}.{field}[{index}]", "must be non-empty text")
        return tuple(values)

    def unique_ids(self, records: list[Any], where: str) -> list[str]:
        ids = [self.text(r, "id", f"{where}[{i}]") for i, r in enumerate(records)]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise self.fail(where, f"duplicate ids {duplicates}")
        return ids


def _load_source(folder: Path) -> Source:
    reader = ContentReader(folder, "source.json")
    obj = reader.data
    fields = {
        f: reader.text(obj, f, "source")
        for f in ("title", "publisher", "url", "review", "caution", "adapted_note")
    }
    revised = reader.text(obj, "revised", "source")
    try:
        revised_date = date.fromisoformat(revised)
    except ValueError as error:
        raise reader.fail("source.revised", f"not a YYYY-MM-DD date: {revised!r}") from error
    return Source(revised=revised_date, **fields)


def _load_sections(folder: Path) -> tuple[Section, ...]:
    reader = ContentReader(folder, "sections.json")
    records = reader.items(reader.data, "sections", "top level")
    reader.unique_ids(records, "sections")
    sections = []
    for index, obj in enumerate(records):
        where = f"sections[{index}]"
        glossary = tuple(
            GlossaryEntry(
                reader.text(e, "term", f"{where}.glossary[{i}]"),
                reader.text(e, "meaning", f"{where}.glossary[{i}]"),
            )
            for i, e in enumerate(reader.items(obj, "glossary", where))
        )
        sections.append(
            Section(
                id=reader.text(obj, "id", where),
                title=reader.text(obj, "title", where),
                summary=reader.text(obj, "summary", where),
                key_facts=reader.texts(obj, "key_facts", where),
                glossary=glossary,
            )
        )
    missing = [s for s in REQUIRED_SECTION_IDS if s not in {x.id for x in sections}]
    if missing:
        raise reader.fail("sections", f"missing the required section ids {missing}")
    return tuple(sections)


def _load_question_groups(folder: Path) -> tuple[QuestionGroup, ...]:
    reader = ContentReader(folder, "questions.json")
    groups = []
    all_ids: list[str] = []
    for index, obj in enumerate(reader.items(reader.data, "groups", "top level")):
        where = f"groups[{index}]"
        section_id = reader.text(obj, "section_id", where)
        if section_id not in QUESTION_SECTION_IDS:
            raise reader.fail(f"{where}.section_id", f"{section_id!r} is not a question section")
        records = reader.items(obj, "questions", where)
        all_ids += reader.unique_ids(records, f"{where}.questions")
        questions = tuple(
            LibraryQuestion(
                reader.text(q, "id", f"{where}.questions[{i}]"),
                reader.text(q, "text", f"{where}.questions[{i}]"),
                section_id,
            )
            for i, q in enumerate(records)
        )
        groups.append(QuestionGroup(section_id, reader.text(obj, "title", where), questions))
    if len(set(all_ids)) != len(all_ids):
        raise reader.fail("groups", "a question id is used in more than one group")
    if tuple(g.section_id for g in groups) != QUESTION_SECTION_IDS:
        raise reader.fail("groups", f"must be the four groups {list(QUESTION_SECTION_IDS)}")
    return tuple(groups)


def _load_roles(folder: Path) -> tuple[Role, ...]:
    reader = ContentReader(folder, "roles.json")
    records = reader.items(reader.data, "roles", "top level")
    ids = reader.unique_ids(records, "roles")
    if OTHER_ROLE_ID not in ids:
        raise reader.fail("roles", f"must include the role {OTHER_ROLE_ID!r}")
    roles = []
    for index, obj in enumerate(records):
        where = f"roles[{index}]"
        groups = reader.texts(obj, "question_groups", where)
        unknown = [g for g in groups if g not in QUESTION_SECTION_IDS]
        if unknown:
            raise reader.fail(f"{where}.question_groups", f"unknown question sections {unknown}")
        roles.append(
            Role(
                id=reader.text(obj, "id", where),
                title=reader.text(obj, "title", where),
                does=reader.text(obj, "does", where),
                asks_about=reader.texts(obj, "asks_about", where),
                question_groups=groups,
            )
        )
    return tuple(roles)


def load_guide(folder: Path | None = None) -> Guide:
    """Read and validate every content file; a GuideError names the file and the field."""
    folder = folder or paths.resources_dir() / "guide"
    return Guide(
        source=_load_source(folder),
        sections=_load_sections(folder),
        question_groups=_load_question_groups(folder),
        roles=_load_roles(folder),
    )
