"""Issue 17: the command line, fuzzed. Whatever the arguments, a command either works or
fails with exit code non-zero and one clear line on stderr: never a traceback, never a
hang, and a failed command leaves the record and the working folder as they were.

(The import-json documents are fuzzed by the import tests; here its argument is a path.)
"""

from __future__ import annotations

import hashlib
import os
import signal
import stat
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from netjourney.cli import build_parser, main
from netjourney.core import paths
from netjourney.core.guide import load_guide
from netjourney.core.record import JourneyRecord
from tests.core.sample_records import add_sample_records

SECONDS_PER_COMMAND = 30  # a hang is stopped and fails the example
COMMANDS = sorted(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
OPTIONS = (
    "--parts",
    "--from",
    "--to",
    "--set",
    "--size",
    "--name",
    "--include-private",
    "--db",
    "--",
)
PARTS = ("situation", "care-team", "upcoming", "past", "questions", "notes", "guide")
ODD_TEXT = st.text(
    alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=30
)
WORDS = st.one_of(
    st.sampled_from(PARTS + ("stage=IIIA", "stage=", "=", "x=y", "small", "large")),
    st.sampled_from(("2026-02-30", "2026-13-01", "99999-01-01", "0", "-1", "1e9")),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(("missing.json", "nofolder/x.pdf", "", " ", "-", "--x", "-9")),
    ODD_TEXT,
)
ODD_PLACES = (
    "#",
    "?",
    "%",
    "100%.sqlite",
    "#1/journey.sqlite",
    "a b.sqlite",
    " ",
    "",
    "records",  # a folder
    "records/",
    "pipe",  # a FIFO: opening it would wait forever
    "letter.txt/journey.sqlite",  # under a regular file
    "missing/journey.sqlite",
    "records/journey.sqlite",  # the real record
)
DB_PATHS = st.one_of(
    st.sampled_from(ODD_PLACES),
    # Relative and without '..': whatever a command creates stays in the workspace.
    ODD_TEXT.map(lambda text: "./" + text.replace("..", "_")),
)
DB_OPTION = DB_PATHS.map(lambda path: ["--db", path])
ARGUMENTS = st.lists(
    st.one_of(st.sampled_from(OPTIONS).map(lambda o: [o]), WORDS.map(lambda w: [w]), DB_OPTION),
    max_size=6,
).map(lambda groups: [word for group in groups for word in group])


DATES = st.one_of(st.dates().map(str), WORDS)
OUTS = st.sampled_from(("out.pdf", "nofolder/out.pdf", "records", ".", "out.ics", "x.json"))


@st.composite
def well_formed(draw: st.DrawFn) -> list[str]:
    """A command in its documented shape with fuzzed values, to get past argparse."""
    shapes = {
        "export-pdf": lambda: [
            draw(OUTS),
            "--parts",
            *draw(st.lists(st.one_of(st.sampled_from(PARTS), WORDS), min_size=1, max_size=3)),
            "--from",
            draw(DATES),
            "--to",
            draw(DATES),
            "--name",
            draw(ODD_TEXT),
        ],
        "visit-sheet": lambda: ["--", draw(WORDS), draw(OUTS)],
        "situation": lambda: [
            "--set",
            draw(st.one_of(WORDS, ODD_TEXT.map(lambda t: f"stage={t}"))),
        ],
        "export-ics": lambda: [draw(OUTS)],
        "export-json": lambda: [draw(OUTS)],
        "appointments": lambda: [],
        "check": lambda: [],
    }
    command = draw(st.sampled_from(sorted(shapes)))
    return [command, *draw(st.one_of(st.just([]), DB_OPTION)), *shapes[command]()]


class Hang(Exception):
    pass


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A record with every kind of entry, in a folder of its own, beside odd places for --db:
    a FIFO and a regular file."""
    folder = tmp_path_factory.mktemp("fuzz")
    record = JourneyRecord.open(folder / "records" / "journey.sqlite", load_guide())
    add_sample_records(record)
    record.close()
    os.mkfifo(folder / "pipe")
    (folder / "letter.txt").write_text("Dear doctor")
    return folder


@pytest.fixture
def in_workspace(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Relative paths land in the workspace; no command finds the user's own record."""
    monkeypatch.chdir(workspace)
    monkeypatch.setenv(paths.DATABASE_ENV_VAR, str(workspace / "records" / "journey.sqlite"))
    yield workspace


def _stop_hang(_signal: int, _frame: FrameType | None) -> None:
    raise Hang(f"a command ran longer than {SECONDS_PER_COMMAND} s")


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file under the folder and its content's hash."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.endswith(("-wal", "-shm", ".lock"))
    }


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    argv=st.one_of(
        st.tuples(st.one_of(st.sampled_from(COMMANDS), ODD_TEXT), ARGUMENTS).map(
            lambda drawn: [drawn[0], *drawn[1]]
        ),
        well_formed(),
    )
)
@example(argv=["export-pdf", "-"])  # a PDF on standard output, once a capture decode error
def test_any_arguments_work_or_fail_in_one_clear_line(
    in_workspace: Path, capsysbinary: pytest.CaptureFixture[bytes], argv: list[str]
) -> None:
    _works_or_fails_in_one_clear_line(in_workspace, capsysbinary, argv)


SHAPES_ON_A_RECORD = (
    ["check"],
    ["backups"],
    ["appointments"],
    ["upcoming"],
    ["situation"],
    ["situation", "--set", "stage=IIIA"],
    ["export-json", "out.json"],
    ["export-ics", "out.ics"],
    ["export-pdf", "out.pdf"],
    ["visit-sheet", "1", "out.pdf"],
    ["import-json", "missing.json"],
    ["backup", "copies/"],
    ["restore", "missing.sqlite"],
    ["demo"],
)
"""Every command in a shape argparse takes, so each example reaches the record's path."""


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(shape=st.sampled_from(SHAPES_ON_A_RECORD), db=DB_PATHS)
def test_any_record_path_works_or_fails_in_one_clear_line(
    in_workspace: Path, capsysbinary: pytest.CaptureFixture[bytes], shape: list[str], db: str
) -> None:
    _works_or_fails_in_one_clear_line(
        in_workspace, capsysbinary, [shape[0], "--db", db, *shape[1:]]
    )
    assert stat.S_ISFIFO((in_workspace / "pipe").stat().st_mode)


def _works_or_fails_in_one_clear_line(
    workspace: Path, capsys: pytest.CaptureFixture[bytes], argv: list[str]
) -> None:
    """Output is captured as bytes: `-` as the output sends a PDF to standard output."""
    if argv[0].startswith("-"):  # an option first would start the window
        argv[0] = "x" + argv[0]
    before = _snapshot(workspace)
    previous = signal.signal(signal.SIGALRM, _stop_hang)
    signal.alarm(SECONDS_PER_COMMAND)
    try:
        code = main(argv)
    except SystemExit as stop:  # argparse's refusals, --help and --version
        code = stop.code if isinstance(stop.code, int) else 1
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    err = capsys.readouterr().err.decode("utf-8", "replace")
    event(f"exit code {code}")  # --hypothesis-show-statistics: how far the examples get

    if code != 0:
        assert len(err.strip().splitlines()) == 1, err
        assert err.startswith("netjourney"), err
        assert _snapshot(workspace) == before, "a failed command changed files"
