"""Issue 16.10: print copies live in the user's private runtime folder and do not outlive
the app: its own go when it quits, those of a killed run at the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from netjourney.core import paths
from netjourney.core.print_copies import (
    print_folder,
    remove_abandoned_print_copies,
    remove_own_print_copies,
)
from tests.files.run import netjourney


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_print_copies_go_to_a_private_folder_of_this_run_removed_at_exit(runtime: Path) -> None:
    folder = print_folder()
    (folder / "journey-1.pdf").write_bytes(b"%PDF")

    assert folder.parent == runtime == paths.runtime_folder()
    assert folder.stat().st_mode & 0o777 == 0o700 and runtime.stat().st_mode & 0o777 == 0o700
    remove_own_print_copies()
    assert not folder.exists()


def test_copies_of_a_killed_run_are_removed_and_a_running_ones_kept(runtime: Path) -> None:
    killed = runtime / f"print-{_dead_pid()}"
    running = runtime / f"print-{os.getppid()}"
    for folder in (killed, running):
        folder.mkdir(parents=True)
        (folder / "visit-3.pdf").write_bytes(b"%PDF")

    assert remove_abandoned_print_copies() == [killed]
    assert not killed.exists() and (running / "visit-3.pdf").exists()


def test_the_app_removes_a_killed_runs_print_copies_at_start(runtime: Path, tmp_path: Path) -> None:
    killed = runtime / f"print-{_dead_pid()}"
    killed.mkdir(parents=True)
    (killed / "journey-1.pdf").write_bytes(b"%PDF private words")

    result = netjourney(f"--db={tmp_path / 'journey.sqlite'}", "--exit-after-start")

    assert result.returncode == 0, result.stderr
    assert not killed.exists()


def test_sigterm_leaves_no_print_copies_behind(runtime: Path, tmp_path: Path) -> None:
    """The window, asked to print, then sent SIGTERM: its print folder goes with it."""
    probe = (
        "import os, sys; from PySide6.QtCore import QTimer;"
        "from netjourney.core.print_copies import print_folder;"
        "QTimer.singleShot(0, lambda: ((print_folder() / 'journey-1.pdf').write_bytes(b'x'),"
        " print('printed', flush=True)));"
        "from netjourney.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", probe, f"--db={tmp_path / 'journey.sqlite'}"],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "printed"
    time.sleep(0.5)
    child.send_signal(signal.SIGTERM)

    assert child.wait(timeout=30) == 0
    assert list(runtime.glob("print-*")) == []
