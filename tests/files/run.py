"""Run the netjourney command line in a child process, as a user's shell would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def netjourney(
    *args: str, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "netjourney", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def succeeds(*args: str, cwd: Path | None = None) -> str:
    """The command's standard output; the test fails with its stderr if it did not exit 0."""
    result = netjourney(*args, cwd=cwd)
    assert result.returncode == 0, f"{args}: {result.stderr}"
    assert "Traceback" not in result.stderr
    return result.stdout


def fails_clearly(*args: str, cwd: Path | None = None, timeout: float = 60) -> str:
    """The one-line message of a command that must fail: exit 1, no traceback."""
    result = netjourney(*args, cwd=cwd, timeout=timeout)
    assert result.returncode != 0, f"{args} succeeded: {result.stdout}"
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith("netjourney: "), result.stderr
    return result.stderr


def demo_and_its_export(folder: Path) -> tuple[Path, Path]:
    """A demo record in `folder` and its JSON export, made through the command line."""
    record, exported = folder / "journey.sqlite", folder / "demo.json"
    succeeds(f"--db={record}", "demo")
    succeeds(f"--db={record}", "export-json", str(exported))
    return record, exported
