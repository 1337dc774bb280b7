"""The whole record as a versioned JSON document (see docs/json-format.md).

Each record kind's JSON shape comes from its table (core/registry.py): a field per
column, its `section_ids`, and the kind's id lists. pydantic checks the shape and
types; then references, the guide's vocabulary and each kind's own checks. Any
problem is refused whole, naming the field (e.g. `notes[3].created_at`).
"""

from __future__ import annotations

import codecs
import enum
import json
import reprlib
from collections import defaultdict
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    ValidationError,
    WithJsonSchema,
    create_model,
)
from pydantic_core import ErrorDetails
from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Enum,
    Float,
    Integer,
    String,
    Table,
    TypeDecorator,
    insert,
    inspect,
    select,
)

from netjourney.core.creation import writing_into_empty
from netjourney.core.errors import InvalidInputError
from netjourney.core.guide import Guide, field_path
from netjourney.core.models import UnreadableNumber, UTCDateTime
from netjourney.core.record import JourneyRecord
from netjourney.core.registry import RecordKind, kind_of, kinds
from netjourney.core.situation import AnswerError, Situation
from netjourney.core.situation_store import store_situation, stored_situation
from netjourney.core.stored_values import readable_text
from netjourney.export.atomic import write_atomically

FORMAT_NAME = "netjourney-record"
FORMAT_VERSION = 1


def _storable_time(value: datetime) -> datetime:
    try:
        value.astimezone(UTC)  # the record keeps UTC; years 1 and 9999 can overflow
    except OverflowError:
        raise ValueError("is outside the dates that can be stored") from None
    return value


def _known_version(value: Any) -> int:
    if type(value) is not int or value != FORMAT_VERSION:  # not true, not 1.0
        raise ValueError(f"{_shown(value)} is not supported (this app reads {FORMAT_VERSION})")
    return value


# Models are strict: no true for 1, no "1" for 1, no 1.0 for 1. pydantic's JSON parser
# refuses lone surrogates, numbers of thousands of digits and nesting 200 deep.
SQLiteInteger = Annotated[int, Field(ge=-(2**63), le=2**63 - 1)]
StoredTime = Annotated[AwareDatetime, AfterValidator(_storable_time)]
_SHORT = reprlib.Repr()  # a value in a message is cut short: it may be megabytes long
_SHORT.maxstring = _SHORT.maxother = 60


def _shown(value: Any) -> str:
    return _SHORT.repr(value)


def _json_type(column: Column[Any]) -> Any:
    """The JSON type of a column's value (each kind's JSON is read off its table)."""
    kind = column.type
    if isinstance(kind, TypeDecorator) and not isinstance(kind, UTCDateTime):
        kind = kind.impl_instance  # e.g. StoredDate: a Date that reads bad text flagged
    if isinstance(kind, UTCDateTime):
        python: Any = StoredTime
    elif isinstance(kind, Enum):
        python = Literal[tuple(kind.enums)]
    elif isinstance(kind, Boolean):
        python = StrictBool
    elif isinstance(kind, Integer):
        python = SQLiteInteger
    elif isinstance(kind, Float):  # a whole number is a number too: 120 for 120.0
        python = Annotated[float, Field(allow_inf_nan=False)]
    elif isinstance(kind, Date):
        python = date
    elif isinstance(kind, String):  # Text too
        python = Annotated[str, Field(max_length=kind.length)] if kind.length else str
    else:
        raise TypeError(f"no JSON type for the column {column}")
    return python | None if column.nullable else python


def _default(column: Column[Any]) -> Any:
    """Required (`...`), or null when absent: a column added after files were written
    (marked `info={"json_optional": True}`) may be missing from them."""
    return None if column.info.get("json_optional") else ...


@cache
def _item_model(kind: RecordKind) -> type[BaseModel]:
    fields: dict[str, Any] = {
        column.name: (_json_type(column), _default(column)) for column in kind.table.c
    }
    fields |= {name: (list[SQLiteInteger], ...) for name in kind.json_id_lists}
    fields["section_ids"] = (list[str], ...)
    return create_model(kind.model.__name__, __config__=ConfigDict(strict=True), **fields)


@cache
def document_model(registered: tuple[RecordKind, ...]) -> type[BaseModel]:
    """The pydantic model of a whole document for these kinds (also its JSON Schema)."""
    fields: dict[str, Any] = {
        "format": (Literal[FORMAT_NAME], ...),
        "version": (
            Annotated[
                Any,
                AfterValidator(_known_version),
                WithJsonSchema({"const": FORMAT_VERSION, "type": "integer"}),
            ],
            ...,
        ),
        **{
            kind.json_name: (list[_item_model(kind)], [] if kind.json_optional else ...)  # type: ignore[misc]
            for kind in registered
        },
        "situation": (dict[str, Any], None),  # optional: files from before My situation
    }
    return create_model("NetJourneyRecord", __config__=ConfigDict(strict=True), **fields)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of today's documents (published as docs/json-format.schema.json).

    It says the shape and types; what needs the guide or the whole file (known
    section and role ids, references, unique ids) is checked on import.
    """
    return document_model(kinds()).model_json_schema()


# ----- export ------------------------------------------------------------------------


def _json_value(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, UnreadableNumber):  # kept as stored; JSON has no NaN or infinity
        return readable_text(value.stored)
    if isinstance(value, date):  # datetimes too
        return value.isoformat()
    return value


def _item_out(kind: RecordKind, obj: Any) -> dict[str, Any]:
    item = {column.name: _json_value(getattr(obj, column.key)) for column in kind.table.c}
    for name, relationship in kind.json_id_lists.items():
        item[name] = [other.id for other in getattr(obj, relationship)]
    item["section_ids"] = obj.section_ids
    return item


def record_to_document(record: JourneyRecord) -> dict[str, Any]:
    document: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    with record.reading() as session:
        for kind in kinds():
            rows = session.scalars(select(kind.model).order_by(kind.table.c.id))
            document[kind.json_name] = [_item_out(kind, obj) for obj in rows]
        document["situation"] = stored_situation(session).answers()
    return document


def export_json(record: JourneyRecord, destination: Path) -> None:
    text = json.dumps(record_to_document(record), ensure_ascii=False, indent=2) + "\n"
    write_atomically(destination, text.encode("utf-8"))


# ----- import ------------------------------------------------------------------------


def import_json(record: JourneyRecord, source: Path) -> dict[str, int]:
    """Load a document into an empty record: all of it, or nothing on any error."""
    try:
        data = source.read_bytes().removeprefix(codecs.BOM_UTF8)
    except OSError as error:
        raise _unreadable(source, error.strerror or str(error)) from error
    registered = kinds()
    try:
        document = document_model(registered).model_validate_json(data)
    except ValidationError as error:
        raise _refusal(source, error.errors(include_url=False, include_input=False)) from None
    checker = DocumentChecker(record.guide, registered)
    situation = checker.check(document)
    refusal = (
        "import only goes into an empty record. Choose a new file with --db, then import again."
    )
    with writing_into_empty(record, refusal) as session:
        # Records refer to each other by id in any order: SQLite checks at commit.
        session.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        for table, rows in checker.rows.items():
            if rows:  # an empty list would insert one row of defaults
                session.execute(insert(table), rows)
        if situation is not None:
            store_situation(session, situation)
    return record.counts()


def _unreadable(source: Path, problem: str) -> InvalidInputError:
    return InvalidInputError(f"{source} cannot be read as a NET Journey JSON file: {problem}")


def _bad(where: str, problem: str) -> InvalidInputError:
    return InvalidInputError(
        f"The JSON file is not valid at {where}: {problem}. Nothing was imported."
    )


# pydantic's words for the common problems, in JSON's terms
_PROBLEMS = {
    "missing": "missing",
    "bool_type": "must be true or false",
    "int_type": "must be a whole number",
    "string_type": "must be a string",
    "list_type": "must be a list",
    "model_type": "must be an object",
    "dict_type": "must be an object of answers",  # the situation is the only plain object
}


def _refusal(source: Path, errors: list[ErrorDetails]) -> InvalidInputError:
    """One clear message for the first problem (the format's own first: a foreign file)."""
    first = min(errors, key=lambda e: (e["loc"][:1] not in {("format",), ()}, 0))
    if first["type"] == "json_invalid":
        return _unreadable(source, first["msg"].removeprefix("Invalid JSON: "))
    if first["loc"] in {("format",), ()}:
        return _bad("format" if first["loc"] else "the top", "this is not a NET Journey file")
    message = _PROBLEMS.get(first["type"]) or first["msg"].removeprefix("Value error, ")
    return _bad(field_path(first["loc"]), message[:1].lower() + message[1:])


class DocumentChecker:
    """What types cannot say: ids unique, references inside the file, the guide's ids.

    Collects the rows to insert, table by table.
    """

    def __init__(self, guide: Guide, registered: tuple[RecordKind, ...]) -> None:
        self.guide = guide
        self.registered = registered
        self.ids: dict[str, set[int]] = {}  # table name -> the ids the file holds
        # table name -> id -> the item's values, for checks against a referred item
        self.checked: defaultdict[str, dict[int, dict[str, Any]]] = defaultdict(dict)
        self.vocabulary = {
            "care_roles": ("a care-team role of the guide", set(guide.role_ids)),
            "guide_sections": ("a section of the guide", set(guide.section_ids)),
        }
        self.rows: defaultdict[Table, list[dict[str, Any]]] = defaultdict(list)

    def check(self, document: BaseModel) -> Situation | None:
        """Check everything; return the situation (None: a file from before My situation)."""
        items = {kind: getattr(document, kind.json_name) for kind in self.registered}
        for kind, kind_items in items.items():
            self.ids[kind.table_name] = self._unique_ids(kind, kind_items)
        for kind, kind_items in items.items():
            for index, item in enumerate(kind_items):
                self._add_item(kind, item, f"{kind.json_name}[{index}]")
        situation = getattr(document, "situation", None)
        try:
            return None if situation is None else Situation.from_answers(situation)
        except AnswerError as error:
            raise _bad(f"situation.{error.answer}", error.problem) from None

    def _unique_ids(self, kind: RecordKind, items: list[BaseModel]) -> set[int]:
        seen: set[int] = set()
        for index, item in enumerate(items):
            record_id = getattr(item, "id")  # noqa: B009 (a generated model)
            if record_id in seen:
                raise _bad(f"{kind.json_name}[{index}].id", f"the id {record_id} is used twice")
            seen.add(record_id)
        return seen

    def _add_item(self, kind: RecordKind, item: BaseModel, where: str) -> None:
        values = {column.name: getattr(item, column.name) for column in kind.table.c}
        for column in kind.table.c:
            problem = self._reference_problem(column, values[column.name])
            check = kind.json_checks.get(column.name)
            if problem is None and check is not None:
                problem = check(values[column.name], values, self.guide)
            if problem is None:
                problem = self._referred_problem(kind, column, values)
            if problem is not None:
                raise _bad(f"{where}.{column.name}", problem)
        self.rows[kind.table].append(values)
        self.checked[kind.table_name][values["id"]] = values
        self.rows[kind.link_table] += [
            {"owner_id": values["id"], "section_id": section_id}
            for section_id in self._section_ids(item, where)
        ]
        for name, relationship in kind.json_id_lists.items():
            self._add_pairs(
                inspect(kind.model).relationships[relationship],
                values["id"],
                getattr(item, name),
                f"{where}.{name}",
            )

    def _reference_problem(self, column: Column[Any], value: Any) -> str | None:
        for foreign_key in column.foreign_keys:
            target = foreign_key.column.table.name
            if value is None:
                return None
            if target in self.vocabulary:
                what, known = self.vocabulary[target]
                return None if value in known else f"{_shown(value)} is not {what}"
            if target in self.ids and value not in self.ids[target]:
                return f"refers to {value}, which is not in the file"
        return None

    def _referred_problem(
        self, kind: RecordKind, column: Column[Any], values: dict[str, Any]
    ) -> str | None:
        """A kind's check against the item referred to (e.g. a dose and its treatment)."""
        if column.name not in kind.json_reference_checks:
            return None
        reference, check = kind.json_reference_checks[column.name]
        target = next(iter(kind.table.c[reference].foreign_keys)).column.table.name
        referred = self.checked[target].get(values[reference])
        return None if referred is None else check(values, referred)

    def _section_ids(self, item: BaseModel, where: str) -> list[str]:
        section_ids: list[str] = getattr(item, "section_ids")  # noqa: B009
        what, known = self.vocabulary["guide_sections"]
        for index, section_id in enumerate(section_ids):
            if section_id not in known:
                raise _bad(f"{where}.section_ids[{index}]", f"{_shown(section_id)} is not {what}")
        return list(dict.fromkeys(section_ids))

    def _add_pairs(self, relationship: Any, owner_id: int, listed: list[int], where: str) -> None:
        """Rows of a many-to-many table, e.g. an appointment's planned questions."""
        other = kind_of(relationship.mapper.class_)
        noun = other.noun if other else "record"
        known = self.ids.get(relationship.mapper.local_table.name, set())
        seen: set[int] = set()
        for index, other_id in enumerate(listed):
            if other_id not in known:
                raise _bad(f"{where}[{index}]", f"no {noun} {other_id}")
            if other_id in seen:
                raise _bad(f"{where}[{index}]", f"the {noun} {other_id} is listed twice")
            seen.add(other_id)
        owner_column = relationship.synchronize_pairs[0][1].name
        other_column = relationship.secondary_synchronize_pairs[0][1].name
        self.rows[relationship.secondary] += [
            {owner_column: owner_id, other_column: other_id} for other_id in listed
        ]
