"""My situation: what the user knows about their tumor, and the path through the guide it opens.

The answers are a typed, frozen `Situation`; every answer may be `None`, "not known
yet". The rules that turn answers into a path are data (resources/rules/situation.json),
checked against the guide when they are loaded, so a rule can never point at a section,
role or library question the guide does not have.

The rule file's condition language (see docs/situation-rules.md):
  {"answer": NAME, "is": VALUE}        the answer equals VALUE ("unknown": not known yet)
  {"answer": NAME, "in": [VALUE, ...]} the answer is one of the values ("unknown" allowed)
  {"all": [CONDITION, ...]}            every condition holds ([] always holds)
  {"any": [CONDITION, ...]}            at least one condition holds
  {"condition": NAME}                  a named condition defined earlier in "conditions"
  "always"                             (as a rule's "when") the rule always applies
"""

from __future__ import annotations

import dataclasses
import textwrap
import types
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

from pydantic import BeforeValidator, Field, model_validator

from netjourney.core import paths
from netjourney.core.errors import GuideError
from netjourney.core.guide import (
    Content,
    Guide,
    LibraryQuestion,
    Role,
    Section,
    Text,
    UniqueIds,
    field_path,
    read_content,
)

UNKNOWN = "unknown"
UNKNOWN_LABEL = "Not known yet"
RULES_FILE = "situation.json"

YesNo = Literal["yes", "no"]
TumorType = Literal["typical", "atypical"]
Stage = Literal["I", "II", "IIIA", "IIIB", "IIIC", "IV"]
Spread = Literal["few", "widespread"]
Recurrence = Literal["none", "local", "distant"]

_VALUE_LABELS = {
    "yes": "Yes",
    "no": "No",
    "typical": "Typical (low grade)",
    "atypical": "Atypical (intermediate grade)",
    **{stage: f"Stage {stage}" for stage in get_args(Stage)},
    "few": "Only a few tumors",
    "widespread": "Spread widely",
    "none": "No",
    "local": "Yes, near where it started",
    "distant": "Yes, in other organs",
}


def _asked(question: str) -> Any:
    """A field that is not known until the user says so; `question` is how we ask it."""
    return field(default=None, metadata={"question": question})


@dataclass(frozen=True)
class Situation:
    """What the user knows about their tumor; None means "not known yet"."""

    tumor_type: TumorType | None = _asked("Is the tumor typical or atypical?")
    stage: Stage | None = _asked("What stage is it?")
    removable: YesNo | None = _asked("Can surgery remove all of it?")
    healthy_for_surgery: YesNo | None = _asked("Are you healthy enough for an operation?")
    lymph_nodes: YesNo | None = _asked("Has it spread to nearby lymph nodes?")
    carcinoid_syndrome: YesNo | None = _asked("Do you have carcinoid syndrome symptoms?")
    somatostatin_pet: YesNo | None = _asked(
        "Do the tumors show up on a somatostatin receptor PET scan?"
    )
    liver_symptoms: YesNo | None = _asked("Has it spread to the liver and caused symptoms there?")
    bone_pain: YesNo | None = _asked("Does it cause bone pain?")
    spread: Spread | None = _asked("If it has spread: only a few tumors, or widely?")
    recurrence: Recurrence | None = _asked("Has it come back after treatment?")
    thinking_of_stopping: YesNo | None = _asked("Are you thinking about stopping treatment?")

    def __post_init__(self) -> None:
        for name, value in self.answers().items():
            _check_value(name, value)

    def value(self, name: str) -> str | None:
        answer(name)  # refuses a name that is not an answer
        return getattr(self, name)  # type: ignore[no-any-return]

    def answers(self) -> dict[str, str | None]:
        """Every answer by name, in the order they are asked."""
        return {a.name: getattr(self, a.name) for a in ANSWERS}

    def with_answer(self, name: str, value: str | None) -> Situation:
        """A copy with one answer changed; "unknown" or None means not known yet."""
        return self.from_answers({**self.answers(), name: value})

    @classmethod
    def from_answers(cls, answers: Mapping[str, Any]) -> Situation:
        """Exactly the answer names, each a known value, None or "unknown"."""
        extra = sorted(set(answers) - set(ANSWER_NAMES))
        if extra:
            answer(extra[0])  # raises, naming the answers there are
        missing = [name for name in ANSWER_NAMES if name not in answers]
        if missing:
            raise AnswerError(missing[0], "is missing")
        values = {name: None if value == UNKNOWN else value for name, value in answers.items()}
        return cls(**values)


class AnswerError(ValueError):
    """An answer name or value that My situation does not know; `answer` names which."""

    def __init__(self, answer: str, problem: str) -> None:
        super().__init__(f"{answer}: {problem}")
        self.answer = answer
        self.problem = problem


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Answer:
    """One thing the user may know, how we ask it, and its possible values."""

    name: str
    question: str
    choices: tuple[Choice, ...]

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    def label(self, value: str | None) -> str:
        return UNKNOWN_LABEL if value is None else _VALUE_LABELS[value]


def _literal_values(hint: Any) -> tuple[str, ...]:
    """The values of `Literal[...] | None`."""
    if get_origin(hint) in (Union, types.UnionType):
        (hint,) = [arg for arg in get_args(hint) if arg is not type(None)]
    return tuple(get_args(hint))


def _answers_of(model: type[Situation]) -> tuple[Answer, ...]:
    hints = get_type_hints(model)
    return tuple(
        Answer(
            f.name,
            f.metadata["question"],
            tuple(Choice(v, _VALUE_LABELS[v]) for v in _literal_values(hints[f.name])),
        )
        for f in dataclasses.fields(model)
    )


ANSWERS = _answers_of(Situation)
ANSWER_NAMES = tuple(a.name for a in ANSWERS)


def answer(name: str) -> Answer:
    for candidate in ANSWERS:
        if candidate.name == name:
            return candidate
    raise AnswerError(name, f"is not an answer; the answers are {', '.join(ANSWER_NAMES)}")


def _check_value(name: str, value: object) -> None:
    allowed = answer(name).values
    if value is not None and value not in allowed:
        raise AnswerError(name, f"{value!r} is not one of {', '.join([*allowed, UNKNOWN])}")


# --- Conditions -------------------------------------------------------------------------


@dataclass(frozen=True)
class Condition:
    """A test on a situation, and the answers it looks at (so a check can try them all)."""

    test: Callable[[Situation], bool] = field(compare=False)
    answers: frozenset[str]

    def __call__(self, situation: Situation) -> bool:
        return self.test(situation)


def _answer_in(name: str, values: frozenset[str | None]) -> Condition:
    return Condition(lambda situation: situation.value(name) in values, frozenset({name}))


def _all_of(parts: tuple[Condition, ...]) -> Condition:
    answers = frozenset().union(*(part.answers for part in parts))
    return Condition(lambda situation: all(part(situation) for part in parts), answers)


def _any_of(parts: tuple[Condition, ...]) -> Condition:
    answers = frozenset().union(*(part.answers for part in parts))
    return Condition(lambda situation: any(part(situation) for part in parts), answers)


ALWAYS = _all_of(())


# --- The path ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PathItem:
    """A sentence of the path in our own words, and the guide section it comes from."""

    text: str
    section_id: str
    section_title: str
    # What the sentence takes for granted about the reader; the content tests check that
    # it is never shown to someone whose answers deny it.
    presumes: Condition = field(default=ALWAYS, compare=False)


@dataclass(frozen=True)
class SituationPath:
    """What the guide says for situations like this one, ready to show or print."""

    situation: Situation
    sections: tuple[Section, ...]
    notes: tuple[PathItem, ...]
    options: tuple[PathItem, ...]
    roles: tuple[Role, ...]
    questions: tuple[LibraryQuestion, ...]
    asks: tuple[PathItem, ...]
    caution: str
    rule_ids: tuple[str, ...]

    @property
    def section_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sections)


@dataclass(frozen=True)
class Rule:
    id: str
    when: Condition
    sections: tuple[str, ...]
    notes: tuple[PathItem, ...]
    options: tuple[PathItem, ...]
    roles: tuple[str, ...]
    questions: tuple[str, ...]
    asks: tuple[PathItem, ...]

    def cited_sections(self) -> tuple[str, ...]:
        items = (*self.notes, *self.options, *self.asks)
        return (*self.sections, *(item.section_id for item in items))


@dataclass(frozen=True)
class SituationRules:
    guide: Guide
    reading_order: tuple[str, ...]
    rules: tuple[Rule, ...]

    def path_for(self, situation: Situation) -> SituationPath:
        fired = [rule for rule in self.rules if rule.when(situation)]
        cited = {s for rule in fired for s in rule.cited_sections()}
        wanted_roles = {r for rule in fired for r in rule.roles}
        wanted_questions = {q for rule in fired for q in rule.questions}
        library = [q for group in self.guide.question_groups for q in group.questions]
        return SituationPath(
            situation=situation,
            sections=tuple(self.guide.section(s) for s in self.reading_order if s in cited),
            notes=_unique(item for rule in fired for item in rule.notes),
            options=_unique(item for rule in fired for item in rule.options),
            roles=tuple(r for r in self.guide.roles if r.id in wanted_roles),
            questions=tuple(q for q in library if q.id in wanted_questions),
            asks=_unique(item for rule in fired for item in rule.asks),
            caution=self.guide.source.caution,
            rule_ids=tuple(rule.id for rule in fired),
        )


def _unique(items: Iterable[PathItem]) -> tuple[PathItem, ...]:
    return tuple(dict.fromkeys(items))


# --- Loading and checking the rules -----------------------------------------------------


class ConditionSpec(Content):
    """One condition as written in the file: exactly one form (see the module docstring)."""

    answer: str | None = None
    is_: str | None = Field(None, alias="is")
    in_: tuple[str, ...] | None = Field(None, alias="in")
    all: tuple[ConditionSpec, ...] | None = None
    any: tuple[ConditionSpec, ...] | None = None
    condition: str | None = None

    @model_validator(mode="after")
    def _one_form(self) -> ConditionSpec:
        forms = [
            f for f in ("is_", "in_", "all", "any", "condition") if getattr(self, f) is not None
        ]
        if len(forms) != 1 or (self.answer is None) != (forms[0] not in ("is_", "in_")):
            raise ValueError(
                "a condition is one of {answer, is}, {answer, in}, {all}, {any} or {condition}"
            )
        return self


def _always_holds(value: Any) -> Any:
    return {"all": []} if value == "always" else value


class ItemSpec(Content):
    text: Text
    section: Text
    presumes: ConditionSpec | None = None


_RULE_LISTS = ("sections", "notes", "options", "roles", "questions", "ask")


class RuleSpec(Content):
    id: Text
    when: Annotated[ConditionSpec, BeforeValidator(_always_holds)]
    sections: tuple[Text, ...] = ()
    notes: tuple[ItemSpec, ...] = ()
    options: tuple[ItemSpec, ...] = ()
    roles: tuple[Text, ...] = ()
    questions: tuple[Text, ...] = ()
    ask: tuple[ItemSpec, ...] = ()

    @model_validator(mode="after")
    def _adds_something(self) -> RuleSpec:
        if not any(getattr(self, name) for name in _RULE_LISTS):
            raise ValueError(f"adds nothing: give at least one of {list(_RULE_LISTS)}")
        return self


class RulesFile(Content):
    about: str = ""
    reading_order: tuple[Text, ...]
    conditions: dict[str, ConditionSpec]
    rules: Annotated[tuple[RuleSpec, ...], UniqueIds]


class _RulesCompiler:
    """Turns the validated file into rules, checking every id against the guide."""

    def __init__(self, guide: Guide) -> None:
        self.guide = guide
        self.named: dict[str, Condition] = {}

    def compile(self, spec: RulesFile) -> SituationRules:
        for name, condition in spec.conditions.items():
            self.named[name] = self._condition(condition, f"conditions.{name}")
        rules = tuple(
            self._rule(rule, f"rules[{i}] (id {rule.id!r})") for i, rule in enumerate(spec.rules)
        )
        return SituationRules(self.guide, self._reading_order(spec.reading_order), rules)

    def _reading_order(self, order: tuple[str, ...]) -> tuple[str, ...]:
        missing = [s for s in self.guide.section_ids if s not in order]
        unknown = [s for s in order if s not in self.guide.section_ids]
        if missing or unknown or len(set(order)) != len(order):
            raise _fail(
                "reading_order",
                f"must list every guide section once (missing {missing}, unknown {unknown})",
            )
        return order

    def _rule(self, spec: RuleSpec, where: str) -> Rule:
        return Rule(
            id=spec.id,
            when=self._condition(spec.when, f"{where}.when"),
            sections=self._ids(spec.sections, f"{where}.sections", self.guide.section),
            notes=self._items(spec.notes, f"{where}.notes"),
            options=self._items(spec.options, f"{where}.options"),
            roles=self._ids(spec.roles, f"{where}.roles", self.guide.role),
            questions=self._ids(spec.questions, f"{where}.questions", self.guide.library_question),
            asks=self._items(spec.ask, f"{where}.ask"),
        )

    def _ids(
        self, ids: tuple[str, ...], where: str, lookup: Callable[[str], object]
    ) -> tuple[str, ...]:
        for index, wanted in enumerate(ids):
            _check_known(wanted, f"{where}[{index}]", lookup)
        return ids

    def _items(self, specs: tuple[ItemSpec, ...], where: str) -> tuple[PathItem, ...]:
        items = []
        for index, spec in enumerate(specs):
            spot = f"{where}[{index}]"
            _check_known(spec.section, f"{spot}.section", self.guide.section)
            presumes = spec.presumes and self._condition(spec.presumes, f"{spot}.presumes")
            title = self.guide.section(spec.section).title
            items.append(PathItem(spec.text, spec.section, title, presumes or ALWAYS))
        return tuple(items)

    def _condition(self, spec: ConditionSpec, where: str) -> Condition:
        for form, parts in (("all", spec.all), ("any", spec.any)):
            if parts is not None:
                compiled = tuple(
                    self._condition(part, f"{where}.{form}[{i}]") for i, part in enumerate(parts)
                )
                return _all_of(compiled) if form == "all" else _any_of(compiled)
        if spec.condition is not None:
            if spec.condition not in self.named:
                raise _fail(
                    f"{where}.condition",
                    f"{spec.condition!r} is not a condition defined above it; "
                    f"defined: {sorted(self.named)}",
                )
            return self.named[spec.condition]
        return _answer_condition(spec, where)


def _answer_condition(spec: ConditionSpec, where: str) -> Condition:
    form, values = ("is", (spec.is_,)) if spec.is_ is not None else ("in", spec.in_ or ())
    name = spec.answer or ""
    try:
        answer(name)
        for value in values:
            if value != UNKNOWN:
                _check_value(name, value)
    except AnswerError as error:
        raise _fail(f"{where}.{form}", str(error)) from None
    return _answer_in(name, frozenset(None if v == UNKNOWN else v for v in values))


def _check_known(wanted: str, where: str, lookup: Callable[[str], object]) -> None:
    try:
        lookup(wanted)
    except KeyError as error:
        raise _fail(where, error.args[0]) from None


def _fail(where: str, problem: str) -> GuideError:
    return GuideError(f"{RULES_FILE}: {where}: {problem}")


def load_rules(guide: Guide, folder: Path | None = None) -> SituationRules:
    """Read and check the rules; a GuideError names the file, the rule and the field."""
    folder = folder or paths.resources_dir() / "rules"
    spec = read_content(folder, RULES_FILE, RulesFile, where=_rule_path)
    return _RulesCompiler(guide).compile(spec)


def _rule_path(loc: tuple[int | str, ...], data: Any) -> str:
    """Name a rule by its id too: `rules[3] (id 'bone-pain').when`."""
    path = field_path(loc)
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        try:
            rule_id = data["rules"][loc[1]]["id"]
        except (KeyError, IndexError, TypeError):
            return path
        rest = field_path(loc[2:])
        return f"rules[{loc[1]}] (id {rule_id!r})" + (
            f".{rest}" if rest and rest[0] != "[" else rest
        )
    return path


# --- Presenting the path ----------------------------------------------------------------


def situation_blocks(path: SituationPath) -> list[tuple[str, list[str]]]:
    """The path as (heading, plain-text paragraphs), for the PDF and the command line.

    Paragraphs are plain text, not markup: whoever lays them out must escape them.
    """
    blocks = [
        (
            "My situation: what you recorded",
            [f"{a.question} {a.label(path.situation.value(a.name))}" for a in ANSWERS],
        ),
        (
            "Guide sections to read, in this order",
            [f"{n}. {s.title}" for n, s in enumerate(path.sections, 1)],
        ),
        ("Good to know", [_cited(item) for item in path.notes]),
        (
            "Treatment options the guide names for situations like yours",
            [_cited(item) for item in path.options],
        ),
        ("Who is usually on the care team", [role.title for role in path.roles]),
        ("Questions worth asking", [q.text for q in path.questions]),
        ("What to ask, because it is not known yet", [_cited(item) for item in path.asks]),
        ("Please note", [path.caution]),
    ]
    return [(heading, paragraphs) for heading, paragraphs in blocks if paragraphs]


def path_text(path: SituationPath, width: int = 88) -> str:
    """The path as plain text: each paragraph indented, its wrapped lines indented further."""
    return "\n\n".join(
        "\n".join(
            [
                heading,
                *(
                    textwrap.fill(paragraph, width, initial_indent="  ", subsequent_indent="    ")
                    for paragraph in paragraphs
                ),
            ]
        )
        for heading, paragraphs in situation_blocks(path)
    )


def _cited(item: PathItem) -> str:
    return f"{item.text} (Guide: {item.section_title})"
