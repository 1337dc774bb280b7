"""Fuzzing `netjourney import-json`: any file is imported whole, or refused in one clear
line with exit code 1 and nothing kept.

Documents are the good export with one value replaced, one key removed, or a few
characters of its text changed; a traceback, a hang or a half-import fails the test.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from netjourney.cli import main
from netjourney.core.guide import Guide
from netjourney.core.models import SituationAnswers
from netjourney.core.record import JourneyRecord
from netjourney.core.registry import kinds

REFUSALS = ("The JSON file is not valid at ", "cannot be read as a NET Journey JSON file")

HOSTILE_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=2**62, max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.sampled_from(["America", "Europe/", "../x", "\ud800", "", "1", "2025-02-30", "x" * 5000]),
)
JSON_VALUES = st.recursive(
    HOSTILE_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)


@pytest.fixture(scope="module")
def empty_record(tmp_path_factory: pytest.TempPathFactory, guide: Guide) -> Iterator[JourneyRecord]:
    record = JourneyRecord.open(tmp_path_factory.mktemp("fuzz") / "fuzz.sqlite", guide)
    yield record
    record.close()


def paths_in(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict | list):
        for key, child in value.items() if isinstance(value, dict) else enumerate(value):
            yield from paths_in(child, (*path, key))


def replaced(document: Any, path: tuple[Any, ...], new: Any, remove: bool) -> Any:
    if not path:
        return new
    copy = json.loads(json.dumps(document))
    parent = copy
    for step in path[:-1]:
        parent = parent[step]
    if remove:
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    return copy


@st.composite
def mutated_texts(draw: st.DrawFn, document: dict[str, Any]) -> str:
    how = draw(st.sampled_from(["replace", "remove", "text"]))
    text = json.dumps(document)
    if how == "text":
        for _ in range(draw(st.integers(1, 3))):
            at = draw(st.integers(0, len(text)))
            cut = draw(st.integers(0, 3))
            text = text[:at] + draw(st.text(max_size=3)) + text[at + cut :]
        return text
    paths = list(paths_in(document))
    path = draw(st.sampled_from(paths[1:] if how == "remove" else paths))
    return json.dumps(replaced(document, path, draw(JSON_VALUES), how == "remove"))


def empty_again(record: JourneyRecord) -> None:
    with record.writing() as session:
        for kind in kinds():
            session.execute(delete(kind.table))
        session.execute(delete(SituationAnswers))


@settings(
    max_examples=100,
    deadline=timedelta(seconds=5),  # a hang fails instead of waiting forever
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_import_json_imports_whole_or_refuses_in_one_line(
    good_document: dict[str, Any],
    empty_record: JourneyRecord,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    data: st.DataObject,
) -> None:
    source = tmp_path / "fuzzed.json"
    source.write_text(data.draw(mutated_texts(good_document)), encoding="utf-8", errors="replace")
    assert_imported_whole_or_refused(empty_record, source, capsys)


def assert_imported_whole_or_refused(
    empty_record: JourneyRecord, source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`import-json` of a fuzzed file: imported whole (then emptied for the next example),
    or refused with exit 1, one `netjourney:` line, and nothing kept."""
    capsys.readouterr()

    code = main(["--db", str(empty_record.path), "import-json", str(source)])

    printed = capsys.readouterr()
    event("imported" if code == 0 else printed.err[:50])  # see --hypothesis-show-statistics
    if code == 0:  # the change kept the document valid: it was imported whole
        assert not empty_record.is_empty() and printed.err == ""
        empty_again(empty_record)
        return
    assert code == 1 and printed.out == ""
    assert printed.err.count("\n") == 1 and printed.err.startswith("netjourney: "), printed.err
    assert any(words in printed.err for words in REFUSALS), printed.err
    assert empty_record.is_empty()
