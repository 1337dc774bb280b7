"""The whole app started as a user (or a script) starts it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "netjourney", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_exit_after_start_opens_the_record_paints_and_exits_zero(tmp_path: Path) -> None:
    path = tmp_path / "new" / "journey.sqlite"
    result = _run("--db", str(path), "--exit-after-start")
    assert result.returncode == 0, result.stderr
    assert path.exists()
    assert _run("--db", str(path), "check").returncode == 0


def test_a_file_that_is_not_a_record_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "letter.sqlite"
    path.write_bytes(b"Dear doctor, " * 100)
    result = _run("--db", str(path), "--exit-after-start")
    assert result.returncode == 1
    assert "not a NET Journey record" in result.stderr
    assert path.read_bytes() == b"Dear doctor, " * 100
