"""A record exported to JSON and imported again is the same record."""

from __future__ import annotations

import json
import tempfile
import zoneinfo
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netjourney.core.errors import InvalidInputError
from netjourney.core.guide import Guide
from netjourney.core.models import QuestionStatus
from netjourney.core.record import JourneyRecord
from netjourney.export.json_io import export_json, import_json, record_to_document
from tests.core.sample_records import add_sample_records


def export_import_export(record: JourneyRecord, folder: Path) -> tuple[bytes, bytes]:
    """The record's export, and the export of a new record made by importing it."""
    first = folder / "first.json"
    export_json(record, first)
    copy = JourneyRecord.open(folder / "copy.sqlite", record.guide)
    try:
        import_json(copy, first)
        export_json(copy, folder / "second.json")
    finally:
        copy.close()
    return first.read_bytes(), (folder / "second.json").read_bytes()


def test_export_import_export_gives_the_same_document(
    record: JourneyRecord, tmp_path: Path
) -> None:
    add_sample_records(record)

    first, second = export_import_export(record, tmp_path)

    assert first == second
    document = json.loads(first)
    kinds = ("care_team", "questions", "appointments", "notes")
    assert [len(document[kind]) for kind in kinds] == [2, 3, 2, 2]
    note_links = document["notes"][0]["section_ids"]
    assert note_links == ["resectable", "second-opinion", "clinical-trials"]
    assert document["appointments"][0]["planned_question_ids"] == [1, 2]
    assert document["appointments"][0]["starts_at"] == "2025-02-03T14:00:00+00:00"


def test_the_export_is_readable_utf8_json(record: JourneyRecord, tmp_path: Path) -> None:
    add_sample_records(record)
    out = tmp_path / "out.json"

    export_json(record, out)

    assert 'Dr. <b>Ünal</b> & \\"Smith\\"' in out.read_text(encoding="utf-8")
    assert json.loads(out.read_bytes()) == record_to_document(record)


def test_years_before_1000_are_kept(record: JourneyRecord, tmp_path: Path) -> None:
    document = empty_document()
    document["notes"] = [note(1, created_at="0999-12-31T23:30:00-02:00")]
    source = tmp_path / "old.json"
    source.write_text(json.dumps(document), encoding="utf-8")

    import_json(record, source)

    assert record_to_document(record)["notes"][0]["created_at"] == "1000-01-01T01:30:00+00:00"


def test_import_into_a_record_that_holds_anything_is_refused(
    record: JourneyRecord, tmp_path: Path
) -> None:
    add_sample_records(record)
    before = record_to_document(record)
    source = tmp_path / "in.json"
    export_json(record, source)

    with pytest.raises(InvalidInputError, match="already holds records.*empty record"):
        import_json(record, source)

    assert record_to_document(record) == before


def empty_document() -> dict[str, Any]:
    return {
        "format": "netjourney-record",
        "version": 1,
        "care_team": [],
        "questions": [],
        "appointments": [],
        "notes": [],
    }


def note(note_id: int, **fields: Any) -> dict[str, Any]:
    return {
        "id": note_id,
        "title": "",
        "body": "",
        "private": False,
        "created_at": "2025-01-01T00:00:00+00:00",
        "updated_at": "2025-01-01T00:00:00+00:00",
        "appointment_id": None,
        "member_id": None,
        "section_ids": [],
        **fields,
    }


# --- Property: any document the format allows survives import and export exactly. ---

TEXT = st.text(
    alphabet=st.characters(exclude_categories=["Cs"]) | st.sampled_from("<>&\"'\\/😀\u2028\x00"),
    max_size=30,
)
ROW_IDS = st.lists(st.integers(-(2**63), 2**63 - 1), unique=True, max_size=3)
OFFSETS = st.integers(-18 * 60, 18 * 60).map(lambda minutes: timezone(timedelta(minutes=minutes)))
TIMES = st.builds(
    lambda naive, offset: naive.replace(tzinfo=offset),
    st.datetimes(min_value=datetime(2, 1, 1), max_value=datetime(9998, 1, 1)),
    OFFSETS,
)
TIME_ZONES = st.sampled_from(sorted(zoneinfo.available_timezones()))


def texts(draw: st.DrawFn, *names: str) -> dict[str, str]:
    return {name: draw(TEXT) for name in names}


def maybe(ids: list[int]) -> st.SearchStrategy[int | None]:
    return st.none() | st.sampled_from(ids) if ids else st.none()


@st.composite
def documents(draw: st.DrawFn, guide: Guide) -> dict[str, Any]:
    def links() -> list[str]:
        return draw(st.lists(st.sampled_from(guide.section_ids), unique=True, max_size=4))

    library_ids = [q.id for group in guide.question_groups for q in group.questions]
    member_ids, question_ids = draw(ROW_IDS), draw(ROW_IDS)
    appointment_ids, note_ids = draw(ROW_IDS), draw(ROW_IDS)
    document = empty_document()
    document["care_team"] = [
        {
            "id": i,
            "role": draw(st.sampled_from(guide.role_ids)),
            "section_ids": links(),
            **texts(draw, "name", "practice", "phone", "after_hours", "email", "notes"),
        }
        for i in member_ids
    ]
    document["questions"] = [
        {
            "id": i,
            "library_id": draw(st.none() | st.sampled_from(library_ids)),
            "chosen": draw(st.booleans()),
            "status": draw(st.sampled_from([s.value for s in QuestionStatus])),
            "answered_on": draw(st.none() | st.dates().map(lambda d: d.isoformat())),
            "created_at": draw(TIMES).isoformat(),
            "section_ids": links(),
            **texts(draw, "text", "answer", "answered_by"),
        }
        for i in question_ids
    ]
    document["appointments"] = [
        appointment(draw, i, member_ids, question_ids, links()) for i in appointment_ids
    ]
    document["notes"] = [
        {
            "id": i,
            "private": draw(st.booleans()),
            "created_at": draw(TIMES).isoformat(),
            "updated_at": draw(TIMES).isoformat(),
            "appointment_id": draw(maybe(appointment_ids)),
            "member_id": draw(maybe(member_ids)),
            "section_ids": links(),
            **texts(draw, "title", "body"),
        }
        for i in note_ids
    ]
    return document


def appointment(
    draw: st.DrawFn,
    appointment_id: int,
    member_ids: list[int],
    question_ids: list[int],
    section_ids: list[str],
) -> dict[str, Any]:
    starts_at = draw(TIMES)
    length = draw(st.none() | st.timedeltas(timedelta(0), timedelta(days=3)))
    ends_at = None if length is None else (starts_at + length).astimezone(draw(OFFSETS))
    planned = draw(st.lists(st.sampled_from(question_ids), unique=True)) if question_ids else []
    return {
        "id": appointment_id,
        "starts_at": starts_at.isoformat(),
        "ends_at": ends_at and ends_at.isoformat(),
        "time_zone": draw(TIME_ZONES),
        "member_id": draw(maybe(member_ids)),
        "planned_question_ids": sorted(planned),
        "section_ids": section_ids,
        **texts(draw, "with_whom", "location", "purpose", "what_to_bring", "outcome"),
    }


def as_exported(document: dict[str, Any]) -> dict[str, Any]:
    """What the export should say: the same, with every time given in UTC, rows by id."""
    time_fields = {"created_at", "updated_at", "starts_at", "ends_at"}

    def in_utc(value: str | None) -> str | None:
        return value and datetime.fromisoformat(value).astimezone(UTC).isoformat()

    def row(item: dict[str, Any]) -> dict[str, Any]:
        return {k: in_utc(v) if k in time_fields else v for k, v in item.items()}

    return {
        k: sorted((row(i) for i in v), key=lambda i: i["id"]) if isinstance(v, list) else v
        for k, v in document.items()
    }


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_any_valid_document_round_trips_exactly(guide: Guide, data: st.DataObject) -> None:
    document = data.draw(documents(guide))
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        source = folder / "source.json"
        source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        record = JourneyRecord.open(folder / "record.sqlite", guide)
        try:
            import_json(record, source)
            exported = record_to_document(record)
            assert {key: exported[key] for key in document} == as_exported(document)
            first, second = export_import_export(record, folder)
        finally:
            record.close()
    assert first == second
