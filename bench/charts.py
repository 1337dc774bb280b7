"""How long a chart of five years takes to draw: build it from plain data, draw it with
reportlab, write SVG and paint it with QtSvg, as the window does (goal: 50 ms).

Usage: QT_QPA_PLATFORM=offscreen python bench/charts.py [RUNS]
Prints the median and worst of RUNS (default 20) per chart, after one warm-up run
(the first draw also imports reportlab.graphics, which the app pays once).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from netjourney.core.journey.charts import (
    HEIGHT,
    WIDTH,
    LineChart,
    Reading,
    SymptomMark,
    diary_charts,
    measure_charts,
    svg_of,
)

START = date(2021, 12, 1)
SYMPTOMS = ("flushing", "diarrhea", "wheezing", "tiredness", "pain")


def marker_chart() -> LineChart:
    """60 chromogranin A values over five years, the range changing once."""
    readings = [
        Reading(START + timedelta(days=30 * n), 40 + (n * 37) % 90, "ng/mL", 0, 95 + 5 * (n > 30))
        for n in range(60)
    ]
    return measure_charts("Chromogranin A", readings).charts[0]


def diary_chart() -> LineChart:
    """1,800 diary days, five symptoms rated each day."""
    marks = [
        SymptomMark(START + timedelta(days=n), symptom, rating=(n * 7 + i * 3) % 11)
        for n in range(1800)
        for i, symptom in enumerate(SYMPTOMS)
    ]
    return diary_charts(marks)[0]


def painted(build: Callable[[], LineChart]) -> None:
    """From plain data to pixels, as the window shows a chart."""
    renderer = QSvgRenderer(QByteArray(svg_of(build())))
    image = QImage(int(WIDTH * 1.5), int(HEIGHT * 1.5), QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()


def timed(step: Callable[[], object], runs: int) -> list[float]:
    step()  # warm-up: imports
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    QGuiApplication([])
    for name, build in (("marker, 60 values", marker_chart), ("diary, 1,800 days", diary_chart)):
        for step_name, step in (
            ("to SVG", lambda build=build: svg_of(build())),
            ("to pixels", lambda build=build: painted(build)),
        ):
            times = timed(step, runs)
            print(
                f"{name:20} {step_name:10} median {statistics.median(times):6.1f} ms"
                f"  worst {max(times):6.1f} ms  (goal 50 ms)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
