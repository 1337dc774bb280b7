"""The whole record as a versioned JSON document (see docs/json-format.md)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select

from netjourney.core.creation import writing_into_empty
from netjourney.core.errors import InvalidInputError
from netjourney.core.guide import Guide
from netjourney.core.models import Appointment, CareTeamMember, Note, Question, QuestionStatus
from netjourney.core.record import JourneyRecord
from netjourney.core.situation import AnswerError, Situation
from netjourney.core.situation_store import store_situation, stored_situation
from netjourney.export.atomic import write_atomically

FORMAT_NAME = "netjourney-record"
FORMAT_VERSION = 1

_MEMBER_TEXT = ("name", "practice", "phone", "after_hours", "email", "notes")
_QUESTION_TEXT = ("text", "answer", "answered_by")
_APPOINTMENT_TEXT = ("time_zone", "with_whom", "location", "purpose", "what_to_bring", "outcome")
_NOTE_TEXT = ("title", "body")
_SQLITE_INTEGERS = range(-(2**63), 2**63)


def record_to_document(record: JourneyRecord) -> dict[str, Any]:
    with record.reading() as session:
        members = session.scalars(select(CareTeamMember).order_by(CareTeamMember.id)).all()
        questions = session.scalars(select(Question).order_by(Question.id)).all()
        appointments = session.scalars(select(Appointment).order_by(Appointment.id)).all()
        notes = session.scalars(select(Note).order_by(Note.id)).all()
        situation = stored_situation(session)
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "care_team": [_member_out(m) for m in members],
        "questions": [_question_out(q) for q in questions],
        "appointments": [_appointment_out(a) for a in appointments],
        "notes": [_note_out(n) for n in notes],
        "situation": situation.answers(),
    }


def export_json(record: JourneyRecord, destination: Path) -> None:
    text = json.dumps(record_to_document(record), ensure_ascii=False, indent=2) + "\n"
    write_atomically(destination, text.encode("utf-8"))


def import_json(record: JourneyRecord, source: Path) -> dict[str, int]:
    """Load a document into an empty record: all of it, or nothing on any error."""
    try:
        document = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidInputError(
            f"{source} cannot be read as a NET Journey JSON file: {error}"
        ) from error
    reader = DocumentReader(document, record.guide)
    objects = reader.read()
    refusal = (
        "import only goes into an empty record. Choose a new file with --db, then import again."
    )
    with writing_into_empty(record, refusal) as session:
        # Notes name their appointment and member by id alone, so the unit of work
        # cannot order those inserts: let SQLite check the links at commit instead.
        session.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        session.add_all(objects)
        if reader.situation is not None:
            store_situation(session, reader.situation)
    return record.counts()


def _is_integer(value: Any) -> bool:
    """A JSON whole number SQLite can store (JSON true and false are not numbers)."""
    return isinstance(value, int) and not isinstance(value, bool) and value in _SQLITE_INTEGERS


def _with_links(obj: Any, out: dict[str, Any]) -> dict[str, Any]:
    out["section_ids"] = obj.section_ids
    return out


def _member_out(m: CareTeamMember) -> dict[str, Any]:
    return _with_links(m, {"id": m.id, "role": m.role, **{f: getattr(m, f) for f in _MEMBER_TEXT}})


def _question_out(q: Question) -> dict[str, Any]:
    return _with_links(
        q,
        {
            "id": q.id,
            **{f: getattr(q, f) for f in _QUESTION_TEXT},
            "library_id": q.library_id,
            "chosen": q.chosen,
            "status": q.status.value,
            "answered_on": q.answered_on.isoformat() if q.answered_on else None,
            "created_at": q.created_at.isoformat(),
        },
    )


def _appointment_out(a: Appointment) -> dict[str, Any]:
    return _with_links(
        a,
        {
            "id": a.id,
            "starts_at": a.starts_at.isoformat(),
            "ends_at": a.ends_at.isoformat() if a.ends_at else None,
            **{f: getattr(a, f) for f in _APPOINTMENT_TEXT},
            "member_id": a.member_id,
            "planned_question_ids": [q.id for q in a.planned_questions],
        },
    )


def _note_out(n: Note) -> dict[str, Any]:
    return _with_links(
        n,
        {
            "id": n.id,
            **{f: getattr(n, f) for f in _NOTE_TEXT},
            "private": n.private,
            "created_at": n.created_at.isoformat(),
            "updated_at": n.updated_at.isoformat(),
            "appointment_id": n.appointment_id,
            "member_id": n.member_id,
        },
    )


class DocumentReader:
    """Turns a document into unsaved records, naming the exact field of any problem."""

    def __init__(self, document: Any, guide: Guide) -> None:
        self.document = document
        self.guide = guide
        self.members: dict[int, CareTeamMember] = {}
        self.questions: dict[int, Question] = {}
        self.appointments: dict[int, Appointment] = {}
        self.situation: Situation | None = None  # None: a file from before My situation

    def read(self) -> list[Any]:
        doc = self.document
        if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
            raise self._bad("format", f"must be {FORMAT_NAME!r}; this is not a NET Journey file")
        if doc.get("version") != FORMAT_VERSION:
            raise self._bad(
                "version",
                f"{doc.get('version')!r} is not supported (this app reads {FORMAT_VERSION})",
            )
        notes: dict[int, Note] = {}
        # In this order, so that every reference points back at records already read.
        for name, registry, build in (
            ("care_team", self.members, self._member),
            ("questions", self.questions, self._question),
            ("appointments", self.appointments, self._appointment),
            ("notes", notes, self._note),
        ):
            for index, item in enumerate(self._list(doc, name, "")):
                where = f"{name}[{index}]"
                self._add(registry, build(item, where), where)
        self.situation = self._situation(doc)
        return [
            *self.members.values(),
            *self.questions.values(),
            *self.appointments.values(),
            *notes.values(),
        ]

    def _bad(self, where: str, problem: str) -> InvalidInputError:
        return InvalidInputError(
            f"The JSON file is not valid at {where}: {problem}. Nothing was imported."
        )

    def _add(self, registry: dict[int, Any], obj: Any, where: str) -> None:
        if obj.id in registry:
            raise self._bad(f"{where}.id", f"the id {obj.id} is used twice")
        registry[obj.id] = obj

    def _field(self, obj: Any, name: str, where: str) -> Any:
        if not isinstance(obj, dict):
            raise self._bad(where, "must be an object")
        if name not in obj:
            raise self._bad(f"{where}.{name}".lstrip("."), "missing")
        return obj[name]

    def _list(self, obj: Any, name: str, where: str) -> list[Any]:
        value = self._field(obj, name, where)
        if not isinstance(value, list):
            raise self._bad(f"{where}.{name}".lstrip("."), "must be a list")
        return value

    def _typed(self, obj: Any, name: str, where: str, kind: type, optional: bool = False) -> Any:
        value = self._field(obj, name, where)
        if value is None and optional:
            return None
        if not (_is_integer(value) if kind is int else isinstance(value, kind)):
            raise self._bad(f"{where}.{name}", f"must be {kind.__name__}")
        return value

    def _texts(self, obj: Any, names: tuple[str, ...], where: str) -> dict[str, str]:
        return {name: self._typed(obj, name, where, str) for name in names}

    def _time(self, obj: Any, name: str, where: str, optional: bool = False) -> datetime | None:
        value = self._typed(obj, name, where, str, optional)
        if value is None:
            return None
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            parsed = None
        if parsed is None or parsed.tzinfo is None:
            raise self._bad(f"{where}.{name}", "must be an ISO 8601 time with its UTC offset")
        try:
            parsed.astimezone(UTC)  # the record keeps UTC; years 1 and 9999 can overflow
        except OverflowError:
            raise self._bad(f"{where}.{name}", "is outside the dates that can be stored") from None
        return parsed

    def _reference(self, obj: Any, name: str, where: str, registry: dict[int, Any]) -> int | None:
        value: int | None = self._typed(obj, name, where, int, optional=True)
        if value is not None and value not in registry:
            raise self._bad(f"{where}.{name}", f"refers to {value}, which is not in the file")
        return value

    def _section_ids(self, obj: Any, where: str) -> list[str]:
        section_ids = self._list(obj, "section_ids", where)
        for index, section_id in enumerate(section_ids):
            if section_id not in self.guide.section_ids:
                raise self._bad(
                    f"{where}.section_ids[{index}]", f"{section_id!r} is not a section of the guide"
                )
        return section_ids

    def _member(self, obj: Any, where: str) -> CareTeamMember:
        role = self._typed(obj, "role", where, str)
        if role not in self.guide.role_ids:
            raise self._bad(f"{where}.role", f"{role!r} is not a care-team role of the guide")
        member = CareTeamMember(
            id=self._typed(obj, "id", where, int),
            role=role,
            **self._texts(obj, _MEMBER_TEXT, where),
        )
        member.section_ids = self._section_ids(obj, where)
        return member

    def _question(self, obj: Any, where: str) -> Question:
        status = self._typed(obj, "status", where, str)
        if status not in {s.value for s in QuestionStatus}:
            raise self._bad(
                f"{where}.status", f"{status!r} is not one of {[s.value for s in QuestionStatus]}"
            )
        answered_on = self._typed(obj, "answered_on", where, str, optional=True)
        try:
            answered_date = date.fromisoformat(answered_on) if answered_on else None
        except ValueError:
            raise self._bad(f"{where}.answered_on", "must be a YYYY-MM-DD date") from None
        library_id = self._typed(obj, "library_id", where, str, optional=True)
        question = Question(
            id=self._typed(obj, "id", where, int),
            **self._texts(obj, _QUESTION_TEXT, where),
            library_id=library_id,
            chosen=self._typed(obj, "chosen", where, bool),
            status=QuestionStatus(status),
            answered_on=answered_date,
            created_at=self._time(obj, "created_at", where),
        )
        question.section_ids = self._section_ids(obj, where)
        return question

    def _appointment(self, obj: Any, where: str) -> Appointment:
        texts = self._texts(obj, _APPOINTMENT_TEXT, where)
        starts_at = self._time(obj, "starts_at", where)
        ends_at = self._time(obj, "ends_at", where, optional=True)
        if ends_at is not None and starts_at is not None and ends_at < starts_at:
            raise self._bad(f"{where}.ends_at", "is before starts_at")
        planned: dict[int, Question] = {}
        for index, question_id in enumerate(self._list(obj, "planned_question_ids", where)):
            spot = f"{where}.planned_question_ids[{index}]"
            if not _is_integer(question_id) or question_id not in self.questions:
                raise self._bad(spot, f"no question {question_id!r}")
            if question_id in planned:
                raise self._bad(spot, f"the question {question_id} is listed twice")
            planned[question_id] = self.questions[question_id]
        appointment = Appointment(
            id=self._typed(obj, "id", where, int),
            starts_at=starts_at,
            ends_at=ends_at,
            member_id=self._reference(obj, "member_id", where, self.members),
            planned_questions=list(planned.values()),
            **texts,
        )
        self._check_time_zone(texts["time_zone"], f"{where}.time_zone")
        appointment.section_ids = self._section_ids(obj, where)
        return appointment

    def _check_time_zone(self, name: str, where: str) -> None:
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise self._bad(where, f"{name!r} is not a known time zone") from None

    def _situation(self, doc: dict[str, Any]) -> Situation | None:
        if "situation" not in doc:
            return None
        answers = doc["situation"]
        if not isinstance(answers, dict):
            raise self._bad("situation", "must be an object of answers")
        try:
            return Situation.from_answers(answers)
        except AnswerError as error:
            raise self._bad(f"situation.{error.answer}", error.problem) from None

    def _note(self, obj: Any, where: str) -> Note:
        note = Note(
            id=self._typed(obj, "id", where, int),
            **self._texts(obj, _NOTE_TEXT, where),
            private=self._typed(obj, "private", where, bool),
            created_at=self._time(obj, "created_at", where),
            updated_at=self._time(obj, "updated_at", where),
            appointment_id=self._reference(obj, "appointment_id", where, self.appointments),
            member_id=self._reference(obj, "member_id", where, self.members),
        )
        note.section_ids = self._section_ids(obj, where)
        return note
