"""Lint and types are part of the test suite, so CI holds every change to them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


def test_ruff_finds_nothing_to_fix() -> None:
    result = _run("ruff", "check", "src", "tests", "bench", "packaging")
    assert result.returncode == 0, result.stdout + result.stderr


def test_all_of_src_netjourney_type_checks_strictly() -> None:
    result = _run("mypy")  # files and strictness come from pyproject.toml
    assert result.returncode == 0, result.stdout + result.stderr
