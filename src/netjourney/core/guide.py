"""The treatment guide that ships in resources/guide: loaded and validated at start.

Each content file is a pydantic model; a mistake in one stops the app with a GuideError
that names the file and the field path (`sections.json: sections[2].summary: missing`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails

from netjourney.core import paths
from netjourney.core.errors import GuideError

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


def _non_empty(value: str) -> str:
    if not value.strip():
        raise ValueError("must be non-empty text")
    return value


Text = Annotated[str, AfterValidator(_non_empty)]


def _known_heading(value: str, info: ValidationInfo) -> str:
    """A `source` names a heading of the article (source.json's list, given as context)."""
    headings = (info.context or {}).get("headings")
    if headings is not None and value not in headings:
        raise ValueError(f"{value!r} is not a heading id of the article; known: {list(headings)}")
    return value


HeadingId = Annotated[Text, AfterValidator(_known_heading)]


class Content(BaseModel):
    """A record of a content file: immutable, and no field the code does not know."""

    model_config = ConfigDict(frozen=True, extra="forbid")


Records = TypeVar("Records", bound=tuple[Any, ...])


def _unique_ids(records: Records) -> Records:
    ids = [record.id for record in records]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"duplicate ids {duplicates}")
    return records


UniqueIds = AfterValidator(_unique_ids)


# --- source.json --------------------------------------------------------------------------


class Heading(Content):
    """A heading of the article; `heading` may abridge a long one with "…" (see the tests)."""

    id: Text
    heading: Text
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{16}$")]


class Companion(Content):
    """Another article the source points its readers to."""

    id: Text
    about: Text
    source: HeadingId


class Source(Content):
    title: Text
    publisher: Text
    revised: date
    url: Text
    review: Text
    caution: Text
    adapted_note: Text
    companions: tuple[Companion, ...]
    references: tuple[Text, ...]
    headings: Annotated[tuple[Heading, ...], UniqueIds]

    @field_validator("revised", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(f"not a YYYY-MM-DD date: {value!r}")
        return value

    @property
    def heading_ids(self) -> tuple[str, ...]:
        return tuple(h.id for h in self.headings)

    @model_validator(mode="after")
    def _companions_cite_headings(self) -> Source:
        for companion in self.companions:
            if companion.source not in self.heading_ids:
                raise ValueError(
                    f"companion {companion.id!r}: unknown heading {companion.source!r}"
                )
        return self


# --- glossary.json ------------------------------------------------------------------------


class GlossaryEntry(Content):
    id: Text
    term: Text
    meaning: Text
    forms: tuple[Text, ...]

    @property
    def pattern(self) -> re.Pattern[str]:
        return _forms_pattern(self.forms)

    def used_in(self, text: str) -> bool:
        return self.pattern.search(text) is not None


@cache
def _forms_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the forms as whole words, any case, with a plural ending allowed."""
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})(?:s|es)?\b", re.IGNORECASE)


class GlossaryFile(Content):
    about: str = ""
    terms: Annotated[tuple[GlossaryEntry, ...], UniqueIds]


# --- sections.json ------------------------------------------------------------------------


class Fact(Content):
    text: Text
    source: HeadingId


class Section(Content):
    id: Text
    title: Text
    summary: Text
    sources: tuple[HeadingId, ...] = Field(min_length=1)
    facts: tuple[Fact, ...] = Field(alias="key_facts")
    glossary: tuple[GlossaryEntry, ...] = Field(default=(), exclude=True)

    @property
    def key_facts(self) -> tuple[str, ...]:
        return tuple(fact.text for fact in self.facts)

    @property
    def text(self) -> str:
        """Everything the section says, for the readability and glossary checks."""
        return " ".join((self.summary, *self.key_facts))


class SectionsFile(Content):
    sections: Annotated[tuple[Section, ...], UniqueIds]

    @field_validator("sections")
    @classmethod
    def _complete(cls, sections: tuple[Section, ...]) -> tuple[Section, ...]:
        present = {s.id for s in sections}
        missing = [s for s in REQUIRED_SECTION_IDS if s not in present]
        if missing:
            raise ValueError(f"missing the required section ids {missing}")
        return sections


# --- section_groups.json: how a picker lists the sections ----------------------------------


class SectionGroup(Content):
    title: Text
    section_ids: tuple[Text, ...] = Field(min_length=1)


class SectionGroupsFile(Content):
    groups: tuple[SectionGroup, ...]

    @field_validator("groups")
    @classmethod
    def _each_section_once(
        cls, groups: tuple[SectionGroup, ...], info: ValidationInfo
    ) -> tuple[SectionGroup, ...]:
        grouped = [s for g in groups for s in g.section_ids]
        known = tuple((info.context or {}).get("sections", ()))
        if sorted(grouped) != sorted(known):
            missing = [s for s in known if s not in grouped]
            extra = [s for s in grouped if s not in known or grouped.count(s) > 1]
            raise ValueError(f"must list each section once (missing {missing}, extra {extra})")
        return groups


# --- questions.json -----------------------------------------------------------------------


class LibraryQuestion(Content):
    id: Text
    text: Text
    section_id: str


def _in_group(question: Any, section_id: Any) -> Any:
    return {**question, "section_id": section_id} if isinstance(question, dict) else question


class QuestionGroup(Content):
    section_id: Text
    title: Text
    source: HeadingId
    questions: Annotated[tuple[LibraryQuestion, ...], UniqueIds]

    @model_validator(mode="before")
    @classmethod
    def _questions_know_their_group(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("questions"), list):
            section = data.get("section_id")
            questions = [_in_group(q, section) for q in data["questions"]]
            return {**data, "questions": questions}
        return data

    @field_validator("section_id")
    @classmethod
    def _a_question_section(cls, value: str) -> str:
        if value not in QUESTION_SECTION_IDS:
            raise ValueError(f"{value!r} is not a question section")
        return value


class QuestionsFile(Content):
    groups: tuple[QuestionGroup, ...]

    @field_validator("groups")
    @classmethod
    def _the_four_groups(cls, groups: tuple[QuestionGroup, ...]) -> tuple[QuestionGroup, ...]:
        if tuple(g.section_id for g in groups) != QUESTION_SECTION_IDS:
            raise ValueError(f"must be the four groups {list(QUESTION_SECTION_IDS)}")
        every_id = [q.id for g in groups for q in g.questions]
        if len(set(every_id)) != len(every_id):
            raise ValueError("a question id is used in more than one group")
        return groups


# --- roles.json ---------------------------------------------------------------------------


class Role(Content):
    id: Text
    title: Text
    does: Text
    asks_about: tuple[Text, ...]
    question_groups: tuple[Text, ...]

    @field_validator("question_groups")
    @classmethod
    def _known_groups(cls, groups: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [g for g in groups if g not in QUESTION_SECTION_IDS]
        if unknown:
            raise ValueError(f"unknown question sections {unknown}")
        return groups


class RolesFile(Content):
    roles: Annotated[tuple[Role, ...], UniqueIds]

    @field_validator("roles")
    @classmethod
    def _with_other(cls, roles: tuple[Role, ...]) -> tuple[Role, ...]:
        if OTHER_ROLE_ID not in {r.id for r in roles}:
            raise ValueError(f"must include the role {OTHER_ROLE_ID!r}")
        return roles


# --- The guide ----------------------------------------------------------------------------


class Guide(Content):
    source: Source
    sections: tuple[Section, ...]
    question_groups: tuple[QuestionGroup, ...]
    roles: tuple[Role, ...]
    glossary: tuple[GlossaryEntry, ...]
    section_groups: tuple[SectionGroup, ...] = ()

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

    def terms_in(self, text: str) -> tuple[GlossaryEntry, ...]:
        """The glossary entries whose word appears in `text`, in glossary order."""
        return tuple(entry for entry in self.glossary if entry.used_in(text))


TermSpan = tuple[int, int, GlossaryEntry]


def term_spans(entries: Iterable[GlossaryEntry], text: str, seen: set[str]) -> list[TermSpan]:
    """Where each glossary word first appears in `text`, in order and never overlapping.

    Entries whose id is in `seen` are skipped and the ones found are added to it, so a
    word is marked once per page however many paragraphs it appears in.
    """
    found = []
    for entry in entries:
        match = None if entry.id in seen else entry.pattern.search(text)
        if match:
            found.append((match.start(), match.end(), entry))
    spans: list[TermSpan] = []
    for start, end, entry in sorted(found, key=lambda f: (f[0], f[0] - f[1])):
        if not spans or start >= spans[-1][1]:
            spans.append((start, end, entry))
            seen.add(entry.id)
    return spans


Identified = TypeVar("Identified", Section, Role, LibraryQuestion)


def _find(items: Iterable[Identified], wanted: str, kind: str) -> Identified:
    for item in items:
        if item.id == wanted:
            return item
    raise KeyError(f"no {kind} with id {wanted!r}")


# --- Reading a content file ---------------------------------------------------------------

Model = TypeVar("Model", bound=BaseModel)


def read_content(
    folder: Path,
    name: str,
    model: type[Model],
    context: dict[str, Any] | None = None,
    where: Callable[[tuple[int | str, ...], Any], str] | None = None,
) -> Model:
    """Read and validate one JSON content file; a GuideError names the file and the field.

    `where` turns an error's location into the path shown (given the file's data).
    """
    try:
        data = json.loads((folder / name).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise GuideError(f"{name}: the file is missing from {folder}") from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise GuideError(f"{name}: not valid JSON ({error})") from error
    try:
        return model.model_validate(data, context=context)
    except ValidationError as error:
        first = error.errors()[0]
        path = where(first["loc"], data) if where else field_path(first["loc"])
        more = f" (and {error.error_count() - 1} more)" if error.error_count() > 1 else ""
        raise GuideError(f"{name}: {path or 'top level'}: {_problem(first)}{more}") from None


def field_path(loc: tuple[int | str, ...]) -> str:
    """('sections', 2, 'summary') -> 'sections[2].summary'."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text.removeprefix(".")


_PROBLEMS = {
    "missing": "missing",
    "string_type": "must be non-empty text",
    "list_type": "must be a list",
    "tuple_type": "must be a list",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
    "dict_type": "must be an object",
    "extra_forbidden": "is not a known field",
}


def _problem(error: ErrorDetails) -> str:
    if error["type"] in ("value_error", "assertion_error"):
        return str(error.get("ctx", {}).get("error", error["msg"]))
    return _PROBLEMS.get(error["type"], error["msg"])


def load_guide(folder: Path | None = None) -> Guide:
    """Read and validate every content file; a GuideError names the file and the field."""
    folder = folder or paths.resources_dir() / "guide"
    source = read_content(folder, "source.json", Source)
    headings = {"headings": source.heading_ids}
    glossary = read_content(folder, "glossary.json", GlossaryFile).terms
    sections = read_content(folder, "sections.json", SectionsFile, headings).sections
    return Guide(
        source=source,
        sections=tuple(
            s.model_copy(update={"glossary": tuple(e for e in glossary if e.used_in(s.text))})
            for s in sections
        ),
        question_groups=read_content(folder, "questions.json", QuestionsFile, headings).groups,
        roles=read_content(folder, "roles.json", RolesFile).roles,
        glossary=glossary,
        section_groups=read_content(
            folder, "section_groups.json", SectionGroupsFile, {"sections": [s.id for s in sections]}
        ).groups,
    )
