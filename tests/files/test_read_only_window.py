"""Issue 17.9: the window opens a record on a read-only disk, and says it is read-only."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests.files.run import fails_clearly, succeeds

# The real app; once its window shows the record, print its title and its read-only notice.
WATCHER = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

def report():
    from netjourney.gui.main_window import MainWindow
    window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)
    if window is None or not window.is_open:  # painted first, then the record opens
        QTimer.singleShot(50, report)
        return
    notices = [label.text() for label in window.statusBar().findChildren(QLabel)]
    print(window.windowTitle(), "|", " ".join(notices), flush=True)
    window.close()

QTimer.singleShot(0, report)
from netjourney.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_the_window_opens_a_record_on_a_read_only_disk_and_says_so(
    tmp_path: Path, make_read_only: Callable[[Path], None]
) -> None:
    stick = tmp_path / "usb stick"
    stick.mkdir()
    record = stick / "journey.sqlite"
    succeeds(f"--db={record}", "demo")
    before = {p.name: p.read_bytes() for p in stick.iterdir()}
    make_read_only(stick)

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", WATCHER, f"--db={record}"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    title, notice = result.stdout.strip().split(" | ")
    assert title.endswith("(read-only)")
    assert "Read-only" in notice and "cannot be saved" in notice
    assert {p.name: p.read_bytes() for p in stick.iterdir()} == before


def test_a_damaged_record_on_a_read_only_disk_is_refused_without_a_traceback(
    tmp_path: Path, make_read_only: Callable[[Path], None]
) -> None:
    stick = tmp_path / "usb stick"
    stick.mkdir()
    record = stick / "journey.sqlite"
    record.write_bytes(b"")  # cut short by a crash
    make_read_only(stick)

    message = fails_clearly(f"--db={record}", "--exit-after-start")

    assert "cannot be written" in message and "Nothing was changed" in message
    assert record.read_bytes() == b""
