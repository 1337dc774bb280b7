"""Issue 16.6: "empty record only" is checked and written in one BEGIN IMMEDIATE
transaction, so two fillers started at once never both write; My situation is content."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from netjourney.core.errors import InvalidInputError
from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from netjourney.core.registry import kinds
from netjourney.core.situation_store import record_answers
from netjourney.export.json_io import export_json, import_json
from tests.files.run import demo_and_its_export

TRIES = 5


def _start(record: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "netjourney", f"--db={record}", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def demo_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_and_its_export(tmp_path_factory.mktemp("source"))[1]


@pytest.mark.parametrize("command", ["demo", "import-json"])
def test_two_fillers_at_once_never_both_write(
    tmp_path: Path, demo_json: Path, guide: Guide, command: str
) -> None:
    args = ("import-json", str(demo_json)) if command == "import-json" else ("demo",)
    single = json.loads(demo_json.read_text())
    for attempt in range(TRIES):
        record = tmp_path / f"{attempt}" / "journey.sqlite"
        if attempt % 2:  # half the tries race on an existing empty record, half on a new file
            record.parent.mkdir()
            JourneyRecord.open(record, guide).close()
        first, second = _start(record, *args), _start(record, *args)
        codes = sorted([first.wait(120), second.wait(120)])
        stderr = first.stderr.read() + second.stderr.read()  # type: ignore[union-attr]

        assert codes == [0, 1], stderr
        assert "Traceback" not in stderr and "already holds records" in stderr
        opened = JourneyRecord.open(record, guide, read_only=True)
        try:
            assert opened.counts() == {
                kind.table_name: len(single.get(kind.json_name, [])) for kind in kinds()
            }
        finally:
            opened.close()


def test_import_json_refuses_a_record_holding_only_my_situation(
    record: JourneyRecord, tmp_path: Path
) -> None:
    source = tmp_path / "empty.json"
    export_json(record, source)
    record_answers(record, ["stage=IIIA"])

    with pytest.raises(InvalidInputError, match="already holds records"):
        import_json(record, source)

    assert "IIIA" in record_answers(record, []).answers().values()
