"""Child of bench/run.py: how long each page takes from MainWindow.show_page to being painted.

Usage: python bench/show_pages.py RECORD
Prints JSON: page key -> {"title": ..., "first": ms, "again": ms}, in the order visited.

"first" is the first time a page is asked for (it is built then); Home is built with the
window, so its "first" is the first return to it. "again" is a later visit (the page
refreshes its rows). A page counts as painted once Qt has delivered a paint event to it
and handled everything that was pending with it. Between visits the window handles its
events for 0.3 s, as between a user's clicks (a chart is drawn just after its page shows).
"""

from __future__ import annotations

import json
import sys
from functools import partial
from pathlib import Path

from gui_timing import TimedWindow

from netjourney.gui.main_window import PAGES


def main() -> int:
    timed = TimedWindow(Path(sys.argv[1]))
    order = [*PAGES[1:], PAGES[0]]

    def visit(key: str) -> float:
        milliseconds = timed.milliseconds_until_painted(partial(timed.window.show_page, key))
        timed.settle()
        return milliseconds

    def visit_all() -> dict[str, float]:
        return {key: visit(key) for key, _title in order}

    first, again = visit_all(), visit_all()
    print(
        json.dumps(
            {
                key: {"title": title, "first": first[key], "again": again[key]}
                for key, title in order
            }
        )
    )
    timed.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
