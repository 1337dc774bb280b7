"""One very long title: a list page and its row must open in the time of a short one.

Usage: python bench/long_titles.py [--sizes 100000 1000000]

For each size, three records of one row each: a note whose title, a question whose text,
and a care-team member whose name is prose of that many characters (another tool, or one
long paste, can store such a title). Each is measured in a fresh window (a child process):
showing the page until it is painted, then selecting the row until the editor is painted.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from long_text import PROSE, PYTHON, timed

PAGES = {"note": "notes", "question": "questions", "member": "team"}


def long_title(size: int) -> str:
    return (PROSE * (size // len(PROSE) + 1))[:size]


def make_record(path: Path, kind: str, size: int) -> None:
    from netjourney.core.guide import load_guide
    from netjourney.core.models import CareTeamMember, Note, Question
    from netjourney.core.record import JourneyRecord

    title = long_title(size)
    row = {
        "note": lambda: Note(title=title, body="Short."),
        "question": lambda: Question(text=title),
        "member": lambda: CareTeamMember(name=title),
    }[kind]()
    record = JourneyRecord.open(path, load_guide())
    with record.writing() as session:
        session.add(row)
    record.close()


def open_page_child(path: Path, kind: str) -> None:
    """In the window: show the page and paint it, then select the row and paint it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from netjourney.core.guide import load_guide
    from netjourney.core.record import JourneyRecord
    from netjourney.gui.main_window import MainWindow
    from netjourney.gui.record_page import RecordPage

    app = QApplication([])
    window = MainWindow(JourneyRecord.open(path, load_guide()))
    window.show()
    app.processEvents()
    started = time.perf_counter()
    page = window.show_page(PAGES[kind])
    assert isinstance(page, RecordPage)
    app.processEvents()
    window.grab()
    shown = time.perf_counter()
    page.table.selectRow(0)
    window.grab()
    print(f"{shown - started:.2f} s | {time.perf_counter() - shown:.2f} s")
    window.record.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[100_000, 1_000_000])
    parser.add_argument("--child", nargs=2, metavar=("RECORD", "KIND"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        open_page_child(Path(args.child[0]), args.child[1])
        return
    print("| Characters | Title of | Show the page | Select the row | Whole process |")
    print("| --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            for kind in PAGES:
                path = Path(folder) / f"{kind}-{size}.sqlite"
                make_record(path, kind, size)
                whole, seconds = timed([PYTHON, __file__, "--child", str(path), kind])
                print(f"| {size:,} | {kind} | {seconds or '-'} | {whole} |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
