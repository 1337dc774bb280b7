"""A start of the window (issue 15) and `netjourney upcoming` (issue 12) are read without
building every command's parser: they must read the arguments exactly as the full parser
does, and leave anything else to it."""

from __future__ import annotations

import argparse
import io
from contextlib import redirect_stderr, redirect_stdout

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from netjourney.cli import _light_reading, build_parser

WORDS = st.sampled_from(
    (
        "--db",
        "--db=x.sqlite",
        "--d",
        "--exit-after-start",
        "--exit-after-first-paint",
        "--exit-after-home-filled",
        "--exit-after-s",
        "--exit-after-start=1",
        "--db=",
        "--d=y.sqlite",
        "--=x",
        "--exit",
        "--e",
        "--version",
        "-h",
        "--help",
        "--",
        "-",
        "--x",
        "guide",
        "check",
        "x.sqlite",
        "",
    )
)


def _full(argv: list[str]) -> dict[str, object] | str:
    """What the full parser makes of it; its help and errors are printed to nowhere."""
    try:
        with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
            return vars(build_parser().parse_args(argv))
    except SystemExit as leaving:
        return f"exit {leaving.code}"


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--db", "x.sqlite"],
        ["--db=guide", "--exit-after-start"],
        ["--exit-after-f"],
        ["--d=y.sqlite", "--exit-after-h"],
    ],
)
def test_the_window_starts_without_the_commands_parser(argv: list[str]) -> None:
    read = _light_reading(argv)
    assert isinstance(read, argparse.Namespace) and read.command is None


@pytest.mark.parametrize("argv", [["guide"], ["-h"], ["--version"], ["--e"], ["--db"], ["--"]])
def test_commands_help_and_mistakes_go_to_the_full_parser(argv: list[str]) -> None:
    assert _light_reading(argv) is None


UPCOMING_WORDS = st.sampled_from(
    (
        "upcoming",
        "--days",
        "--days=7",
        "--da",
        "--day=0",
        "--days=3660",
        "--days=3661",
        "--d",
        "--d=5",
        "--db",
        "--db=x.sqlite",
        "--exit-after-start",
        "--help",
        "-h",
        "--",
        "7",
        "-1",
        "1e3",
        "",
        "guide",
        "x.sqlite",
    )
)


@given(argv=st.one_of(st.lists(WORDS, max_size=5), st.lists(UPCOMING_WORDS, max_size=6)))
@example(["--db", "guide"])
@example(["--db", "x.sqlite", "--", "guide"])
@example(["--exit-after-first-paint", "--db", "x.sqlite"])
@example(["--d=y.sqlite", "--exit-after-h", "--db", "x.sqlite"])
@example(["upcoming"])
@example(["--db", "x.sqlite", "upcoming", "--days", "7"])
@example(["--db=x.sqlite", "upcoming", "--db", "y.sqlite", "--da=0"])
@example(["--exit-after-start", "upcoming", "--days", "3660", "--days", "1"])
@example(["upcoming", "--days", "-1"])
@example(["upcoming", "--d", "7"])
def test_a_window_start_or_upcoming_is_read_as_the_full_parser_reads_it(argv: list[str]) -> None:
    light = _light_reading(argv)
    if light is not None:
        assert vars(light) == _full(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["upcoming"],
        ["--db", "x.sqlite", "upcoming", "--days", "90"],
        ["upcoming", "--day=0", "--db=y.sqlite"],
    ],
)
def test_upcoming_runs_without_the_commands_parser(argv: list[str]) -> None:
    read = _light_reading(argv)
    assert isinstance(read, argparse.Namespace) and read.command == "upcoming"


@pytest.mark.parametrize(
    "argv",
    [
        ["upcoming", "--help"],
        ["upcoming", "--days", "3661"],
        ["upcoming", "--days", "-1"],
        ["upcoming", "--d", "7"],
        ["upcoming", "--exit-after-start"],
        ["upcoming", "upcoming"],
        ["upcoming", "--days"],
    ],
)
def test_upcomings_help_and_mistakes_go_to_the_full_parser(argv: list[str]) -> None:
    assert _light_reading(argv) is None
