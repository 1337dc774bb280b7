"""Child of bench/run.py: the journey's pages on the five-year record. Each page's first
show and a later one, from MainWindow.show_page to painted (goal: 100 ms), and on the
chart pages, from show_page until every chart is drawn.

Usage: QT_QPA_PLATFORM=offscreen python bench/journey_pages.py RECORD [cold]
Make RECORD with `netjourney --db RECORD demo --size large`. By default the window first
sits idle on Home for 3 s, as a user does: the window loads reportlab's charts then
(MainWindow's CHARTS_READY_AFTER_MS). With "cold" it does not wait, so the first chart
drawn also pays for that import (the page itself shows first: a chart is drawn just after
its page is painted). Prints JSON: page key -> {"title", "first", "again"}, the CPU time
of each ("first_cpu", "again_cpu") and, for chart pages, "chart_first" and "chart_again"
(ms).
"""

from __future__ import annotations

import json
import sys
from functools import partial
from pathlib import Path

from gui_timing import TimedWindow

from netjourney.gui.chart_view import ChartView
from netjourney.gui.page_spec import PAGES

JOURNEY_PAGES = ("treatments", "diary", "measurements", "scans", "home")
CHART_PAGES = ("diary", "measurements")


def main() -> int:
    timed = TimedWindow(Path(sys.argv[1]))
    if "cold" not in sys.argv[2:]:
        timed.settle(3)
    titles = dict(PAGES)

    def charts_drawn(key: str) -> bool:
        views = timed.window.stack.currentWidget().findChildren(ChartView)
        return all(view.drawn for view in views)  # read (the diary's, once painted) and drawn

    def visit(key: str) -> dict[str, float]:
        show = partial(timed.window.show_page, key)
        painted, cpu, drawn = timed.milliseconds_until_painted_and(show, partial(charts_drawn, key))
        timed.settle()
        shown = {"first": painted, "cpu": cpu}
        return shown | {"chart": drawn} if key in CHART_PAGES else shown

    def visit_all() -> dict[str, dict[str, float]]:
        return {key: visit(key) for key in JOURNEY_PAGES}

    first, again = visit_all(), visit_all()
    result = {}
    for key in JOURNEY_PAGES:
        result[key] = {"title": titles[key], "first": first[key]["first"]}
        result[key] |= {"first_cpu": first[key]["cpu"], "again": again[key]["first"]}
        result[key]["again_cpu"] = again[key]["cpu"]
        if "chart" in first[key]:
            result[key] |= {"chart_first": first[key]["chart"], "chart_again": again[key]["chart"]}
    print(json.dumps(result))
    timed.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
