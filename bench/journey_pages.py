"""The journey's pages with the five-year record: each page's first show and a later one,
from MainWindow.show_page to painted (goal: first show in 100 ms).

Usage: QT_QPA_PLATFORM=offscreen python bench/journey_pages.py RECORD [cold]
Make RECORD with `netjourney --db RECORD demo --size large`. By default the window first
sits idle on Home for 3 s, as a user does: the window loads reportlab's charts then
(MainWindow's CHARTS_READY_AFTER_MS). With "cold" it does not wait, so the first chart
page also pays for that import. Prints JSON: page key -> {"first": ms, "again": ms}.
"""

from __future__ import annotations

import json
import sys
import time
from functools import partial
from pathlib import Path

from gui_timing import TimedWindow

JOURNEY_PAGES = ("treatments", "diary", "measurements", "scans", "home")


def main() -> int:
    timed = TimedWindow(Path(sys.argv[1]))
    if "cold" not in sys.argv[2:]:
        idle_until = time.perf_counter() + 3
        while time.perf_counter() < idle_until:
            timed.app.processEvents()
            time.sleep(0.01)

    def visit_all() -> dict[str, float]:
        return {
            key: timed.milliseconds_until_painted(partial(timed.window.show_page, key))
            for key in JOURNEY_PAGES
        }

    first, again = visit_all(), visit_all()
    print(json.dumps({key: {"first": first[key], "again": again[key]} for key in JOURNEY_PAGES}))
    timed.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
