"""One very long note: the journey PDF and opening the note must cost its length, not more.

Usage: python bench/long_text.py [--sizes 100000 1000000]

For each size, two notes: prose (one paragraph of short words) and one unbroken word.
Each is measured in a fresh process: `netjourney export-pdf --parts notes` from start
to exit, and, in the window's Notes page, selecting the note until it is painted. A
child that takes longer than 10 minutes is stopped and reported. See bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PYTHON = sys.executable
CHILD_TIMEOUT_S = 600
PROSE = "The scan was clear. We talked about the next visit and the tests before it. "
KINDS = ("prose", "word")


def note_body(kind: str, size: int) -> str:
    return (PROSE * (size // len(PROSE) + 1))[:size] if kind == "prose" else "x" * size


def make_record(path: Path, kind: str, size: int) -> None:
    from netjourney.core.guide import load_guide
    from netjourney.core.models import Note
    from netjourney.core.record import JourneyRecord

    record = JourneyRecord.open(path, load_guide())
    with record.writing() as session:
        session.add(Note(title="Very long", body=note_body(kind, size)))
    record.close()


def open_note_child(path: Path) -> None:
    """In the window: show Notes, select the note and paint it; print the seconds."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from netjourney.core.guide import load_guide
    from netjourney.core.record import JourneyRecord
    from netjourney.gui.main_window import MainWindow
    from netjourney.gui.record_page import RecordPage

    app = QApplication([])
    window = MainWindow(JourneyRecord.open(path, load_guide()))
    window.show()
    page = window.show_page("notes")
    assert isinstance(page, RecordPage)
    app.processEvents()
    started = time.perf_counter()
    page.table.selectRow(0)
    window.grab()
    print(f"{time.perf_counter() - started:.3f}")
    window.record.close()


def timed(command: list[str]) -> tuple[str, str]:
    """The child's whole time as text, and what it printed."""
    started = time.perf_counter()
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return f"> {CHILD_TIMEOUT_S} s (stopped)", ""
    if result.returncode != 0:
        return f"failed: {result.stderr.strip().splitlines()[-1:]}", ""
    return f"{time.perf_counter() - started:.2f} s", result.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[100_000, 1_000_000])
    parser.add_argument("--open-note", type=Path, help=argparse.SUPPRESS)  # the child's side
    args = parser.parse_args()
    if args.open_note:
        open_note_child(args.open_note)
        return
    print("| Characters | Note | export-pdf (whole process) | Open the note in the window |")
    print("| --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            for kind in KINDS:
                path = Path(folder) / f"{kind}-{size}.sqlite"
                make_record(path, kind, size)
                export = [PYTHON, "-m", "netjourney", "--db", str(path), "export-pdf"]
                export += ["--parts", "notes", "--", str(Path(folder) / "out.pdf")]
                exported, _ = timed(export)
                opened, seconds = timed([PYTHON, __file__, "--open-note", str(path)])
                shown = f"{seconds} s (whole process {opened})" if seconds else opened
                print(f"| {size:,} | {kind} | {exported} | {shown} |", flush=True)


if __name__ == "__main__":
    main()
