"""Running a few lines of Python against a record in a fresh process: what a start pays
once (imports, SQLAlchemy's mappings) is long paid in the test process itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def printed_by_fresh_process(script: str, record_path: Path) -> str:
    """What `script` prints, run offscreen with the record's path as its one argument."""
    run = subprocess.run(
        [sys.executable, "-c", script, str(record_path)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()
