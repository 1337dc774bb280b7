"""Child of bench/run.py: open notes one after another, as a user reading back through them.

Usage: python bench/browse_notes.py RECORD COUNT
Prints JSON: {"count": ..., "median": ms, "slowest": ms}, from selecting a note in the
list to the page painted with it in the editor.
"""

from __future__ import annotations

import json
import statistics
import sys
from functools import partial
from pathlib import Path

from gui_timing import TimedWindow


def main() -> int:
    timed = TimedWindow(Path(sys.argv[1]))
    page = timed.window.show_page("notes")
    timed.wait_for_paint()
    table = page.table  # type: ignore[attr-defined]
    count = min(int(sys.argv[2]), table.model().total())
    times = [
        timed.milliseconds_until_painted(partial(table.selectRow, row)) for row in range(count)
    ]
    print(json.dumps({"count": count, "median": statistics.median(times), "slowest": max(times)}))
    timed.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
