"""Child of bench/run.py: how long a chart of five years takes to draw, as the window
draws it: reportlab to SVG, then QtSvg to pixels (goal: 50 ms).

Usage: QT_QPA_PLATFORM=offscreen python bench/charts.py [RUNS]
The charts are built once from plain data (the window reads them from the record, the
diary averaged in SQL); what is timed is the drawing, without the window's cache of
drawn charts, RUNS times (default 20) after one warm-up (the first draw also imports
reportlab.graphics, which the window does once, when idle). Prints JSON: chart ->
{"label", "svg": [median, worst, CPU], "pixels": [median, worst, CPU]} in ms.
"""

from __future__ import annotations

import json
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
draw_svg = svg_of.__wrapped__  # every run draws: the window's cache would make it free


def marker_chart() -> LineChart:
    """60 chromogranin A values over five years, the range changing once."""
    readings = [
        Reading(START + timedelta(days=30 * n), 40 + (n * 37) % 90, "ng/mL", 0, 95 + 5 * (n > 30))
        for n in range(60)
    ]
    return measure_charts("Chromogranin A", readings).charts[0]


def diary_chart() -> LineChart:
    """1,800 diary days, five symptoms rated each day (drawn as monthly averages)."""
    marks = [
        SymptomMark(START + timedelta(days=n), symptom, rating=(n * 7 + i * 3) % 11)
        for n in range(1800)
        for i, symptom in enumerate(SYMPTOMS)
    ]
    return diary_charts(marks)[0]


def painted(chart: LineChart) -> None:
    """From the chart's definition to pixels, as the window shows it."""
    renderer = QSvgRenderer(QByteArray(draw_svg(chart, WIDTH, HEIGHT)))
    image = QImage(int(WIDTH * 1.5), int(HEIGHT * 1.5), QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()


def timed(step: Callable[[], object], runs: int) -> list[float]:
    """Median and worst milliseconds of `runs` calls, after one warm-up, and the median
    CPU time of this process (what the draw costs when other programs share the CPU)."""
    step()
    times, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        step()
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return [statistics.median(times), max(times), statistics.median(cpu)]


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    QGuiApplication([])
    charts = {
        "marker": ("60 marker values over five years", marker_chart()),
        "diary": ("the diary: 1,800 days × 5 symptoms", diary_chart()),
    }
    result = {
        key: {
            "label": label,
            "svg": timed(lambda chart=chart: draw_svg(chart, WIDTH, HEIGHT), runs),
            "pixels": timed(lambda chart=chart: painted(chart), runs),
        }
        for key, (label, chart) in charts.items()
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
