"""NET Journey with five years of records, measured against what the bare stack costs.

Usage: python bench/run.py [--quick]

Every timing is a median over whole-process runs (or, for search, many calls), and each
ratio is against an anchor measured in the same run, so a busy or slow machine moves
both sides. The table is printed and appended to bench/RESULTS.md. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from netjourney.core.database import backup_copy
from netjourney.core.guide import load_guide
from netjourney.core.paths import resources_dir
from netjourney.core.record import JourneyRecord
from netjourney.core.search import search_everything
from netjourney.demo.large import COMMON_WORDS, FULL_SIZE, RARE_WORDS, fill_large_demo

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "RESULTS.md"
PYTHON = sys.executable
APP = [PYTHON, "-m", "netjourney"]
CHILD_TIMEOUT_S = 600  # a child that hangs (a dialog waiting for a click) is stopped
TYPED_PREFIXES = ("sc", "ti")  # what the search box holds after two keys
NOTES_BROWSED = 300


@dataclass(frozen=True)
class Settings:
    name: str
    runs: int  # whole-process runs per measure (plus one warm-up for start-up)
    scale: float  # of the five-year record
    search_calls: int  # per word


FULL = Settings("full", runs=5, scale=1.0, search_calls=100)
QUICK = Settings("quick", runs=3, scale=0.1, search_calls=20)


@dataclass(frozen=True)
class Line:
    """One row of the table: a measure, its anchor (if any) and what it is held to."""

    what: str
    measured: str
    anchor: str
    result: float  # the ratio, or the absolute value in `unit`
    unit: str  # "×", "ms" or "s"
    goal: float | None = None

    @classmethod
    def failed(cls, what: str, error: BenchError) -> Line:
        return cls(what, f"failed: {error.summary}", "", float("nan"), "failed")

    def cells(self) -> list[str]:
        if self.unit == "failed":
            return [self.what, self.measured, "", "—", "—", "**fail**"]
        shown = f"{self.result:.2f}×" if self.unit == "×" else f"{self.result:.1f} {self.unit}"
        if self.goal is None:
            return [self.what, self.measured, self.anchor, shown, "—", "—"]
        goal = f"≤ {self.goal:g}{'×' if self.unit == '×' else ' ' + self.unit}"
        return [
            self.what,
            self.measured,
            self.anchor,
            shown,
            goal,
            "pass" if self.result <= self.goal else "**miss**",
        ]


@dataclass(frozen=True)
class ChildRun:
    seconds: float
    peak_mib: float
    stdout: str
    stderr: str = ""
    cpu_seconds: float = 0.0


class BenchError(RuntimeError):
    """A child failed; `summary` fits in a table cell, the message has its stderr."""

    def __init__(self, summary: str, details: str = "") -> None:
        super().__init__(f"{summary}\n{details}".strip())
        self.summary = summary


class Workspace:
    """The temp folder: the large and empty records made once, fresh copies for each child."""

    def __init__(self, folder: Path, settings: Settings) -> None:
        self.folder = folder
        self.settings = settings
        self.guide = load_guide()
        self.large = self._make_record("large.sqlite", settings.scale)
        self.empty = self._make_record("empty.sqlite", None)
        self._copies = 0
        self.notes: list[str] = []  # printed after the table

    def _make_record(self, name: str, scale: float | None) -> Path:
        path = self.folder / "masters" / name
        record = JourneyRecord.open(path, self.guide)
        try:
            if scale is not None:
                fill_large_demo(record, datetime.now(UTC), scale=scale)
        finally:
            record.close()
        return path

    @contextmanager
    def copy_of(self, master: Path) -> Iterator[Path]:
        """A private copy made with SQLite's backup API (never a file copy of a WAL file)."""
        self._copies += 1
        copy = backup_copy(master, self.folder / f"run-{self._copies}" / master.name)
        try:
            yield copy
        finally:
            shutil.rmtree(copy.parent)

    def environment(self, record: Path | None = None) -> dict[str, str]:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(self.folder / "config"),
            "XDG_CACHE_HOME": str(self.folder / "cache"),  # the schemas (the warm-up keeps them)
            # Compiled modules, as an installed app has them (pip and the bundle compile
            # them): the warm-up writes them here, out of the source tree.
            "PYTHONPYCACHEPREFIX": str(self.folder / "bytecode"),
        }
        env.pop("NETJOURNEY_DB", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if record is not None:
            env["NETJOURNEY_DB"] = str(record)
        return env

    def run(self, command: Sequence[str], record: Path | None = None) -> ChildRun:
        """Run a child to its end: its wall time, its own peak memory, what it printed."""
        report = self.folder / "child.json"
        out_path, err_path = self.folder / "child.out", self.folder / "child.err"
        with out_path.open("w") as out, err_path.open("w") as err:
            launcher = subprocess.Popen(
                [PYTHON, str(BENCH / "launch.py"), str(report), *command],
                env=self.environment(record),
                stdout=out,
                stderr=err,
                cwd=self.folder,
                start_new_session=True,
            )
            try:
                launcher.wait(timeout=CHILD_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                os.killpg(launcher.pid, signal.SIGKILL)  # the launcher and the child
                launcher.wait()
                raise BenchError(
                    f"{child_name(command)} did not finish in {CHILD_TIMEOUT_S} s",
                    err_path.read_text()[-3000:],
                ) from None
        result = json.loads(report.read_text())
        if result["exit_code"] != 0:
            errors = err_path.read_text()
            raise BenchError(
                f"{child_name(command)} exited with {result['exit_code']}{first_error(errors)}",
                errors[-3000:],
            )
        return ChildRun(
            result["seconds"],
            peak_mib(result["ru_maxrss"]),
            out_path.read_text(),
            err_path.read_text(),
            result["cpu_seconds"],
        )

    def run_app(self, master: Path, *arguments: str, python: Sequence[str] = APP) -> ChildRun:
        with self.copy_of(master) as record:
            return self.run([*python, "--db", str(record), *arguments], record)


def child_name(command: Sequence[str]) -> str:
    """e.g. "-m netjourney --db large.sqlite export-pdf journey.pdf", for messages."""
    return " ".join(Path(part).name for part in command[1:])


def first_error(stderr: str) -> str:
    """': <the first line that names an error>', or nothing, for a table cell."""
    found = next((line for line in stderr.splitlines() if "error" in line.lower()), "")
    return f": {found.strip()[:140]}" if found else ""


def peak_mib(ru_maxrss: int) -> float:
    """ru_maxrss is in KiB on Linux and in bytes on macOS."""
    return ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


def median_seconds(runs: Sequence[ChildRun]) -> float:
    return statistics.median(run.seconds for run in runs)


def median_mib(runs: Sequence[ChildRun]) -> float:
    return statistics.median(run.peak_mib for run in runs)


# How each start is run: the app leaves at its first paint (before the record is opened),
# once Home is painted filled with the record's next appointment, questions and notes
# (read without SQLAlchemy, gui/app.py; when that read is not possible, once the record
# is open), or once the record is open and every page and action works.
STARTS: dict[str, tuple[str, ...]] = {
    "paint": ("--exit-after-first-paint",),
    "record": ("--exit-after-home-filled",),
    "open": ("--exit-after-start",),
}


def start_lines(space: Workspace) -> list[Line]:
    """The app's start to its first paint and to Home filled, against a bare window and an
    empty record. Runs are interleaved round by round (a busy machine slows a round's runs
    alike), and each ratio is the median of the rounds' own ratios."""
    runs: dict[str, list[ChildRun]] = {}
    commands: dict[str, Callable[[], ChildRun]] = {
        "bare": lambda: space.run([PYTHON, str(BENCH / "bare_window.py")]),
    }
    for stage, arguments in STARTS.items():
        for size, master in (("empty", space.empty), ("large", space.large)):
            commands[f"{size} {stage}"] = lambda m=master, a=arguments: space.run_app(m, *a)
    for round_number in range(space.settings.runs + 1):  # round 0 warms the disk cache
        for kind, command in commands.items():
            run = command()
            if round_number:
                runs.setdefault(kind, []).append(run)
    space.notes.append(import_notes(space))
    return [
        *start_ratio_lines(runs, "paint", "Start to first paint", 1.5),
        *start_ratio_lines(runs, "record", "Start to Home filled with the record", 2.5),
        *start_ratio_lines(runs, "open", "Start to the record open, every page working", None),
        memory_line(runs, "paint", "at first paint", 1.6),
        memory_line(runs, "record", "with Home filled", None),
        cpu_line(runs, "paint", "first paint"),
        cpu_line(runs, "record", "Home filled"),
    ]


def cpu_line(runs: dict[str, list[ChildRun]], stage: str, when: str) -> Line:
    """The same ratio in CPU seconds (user and system): on a machine shared with other
    work, waiting for a core inflates the seconds of both sides, CPU time much less."""
    large, bare = runs[f"large {stage}"], runs["bare"]
    return Line(
        f"CPU time to {when}: large record ÷ bare window (for diagnosis)",
        f"{statistics.median(run.cpu_seconds for run in large):.2f} s",
        f"{statistics.median(run.cpu_seconds for run in bare):.2f} s",
        paired_ratio(large, bare, "cpu_seconds"),
        "×",
    )


def start_ratio_lines(
    runs: dict[str, list[ChildRun]], stage: str, what: str, goal: float | None
) -> list[Line]:
    large, empty, bare = runs[f"large {stage}"], runs[f"empty {stage}"], runs["bare"]
    return [
        Line(
            f"{what}: large record ÷ bare window",
            f"{median_seconds(large):.2f} s",
            f"{median_seconds(bare):.2f} s",
            paired_ratio(large, bare, "seconds"),
            "×",
            goal,
        ),
        Line(
            f"{what}: large record ÷ empty record",
            f"{median_seconds(large):.2f} s",
            f"{median_seconds(empty):.2f} s",
            paired_ratio(large, empty, "seconds"),
            "×",
            1.1 if goal is not None else None,
        ),
    ]


def memory_line(runs: dict[str, list[ChildRun]], stage: str, when: str, goal: float | None) -> Line:
    large, bare = runs[f"large {stage}"], runs["bare"]
    return Line(
        f"Peak memory {when}: large record ÷ bare window",
        f"{median_mib(large):.0f} MiB",
        f"{median_mib(bare):.0f} MiB",
        paired_ratio(large, bare, "peak_mib"),
        "×",
        goal,
    )


def paired_ratio(measured: Sequence[ChildRun], anchor: Sequence[ChildRun], field: str) -> float:
    """The median of each round's ratio: runs of one round ran side by side."""
    return statistics.median(
        getattr(run, field) / getattr(base, field)
        for run, base in zip(measured, anchor, strict=True)
    )


def import_notes(space: Workspace) -> str:
    """What `python -X importtime` shows for each start: the packages imported by the first
    paint, and the costliest of what filling Home and opening the record add."""
    at_paint = imports_of(space.run_app(space.large, *STARTS["paint"], python=IMPORTTIME))
    at_home = imports_of(space.run_app(space.large, *STARTS["record"], python=IMPORTTIME))
    at_open = imports_of(space.run_app(space.large, *STARTS["open"], python=IMPORTTIME))
    return (
        "Imported by the first paint (`python -X importtime`, large record, one run; "
        "milliseconds by top-level package, stdlib included):\n\n"
        + costs_text(by_package(at_paint))
        + "\n\nAdded by filling Home from the record (costliest first):\n\n"
        + costs_text(by_package(added(at_paint, at_home)))
        + "\n\nAdded by opening the record after that (costliest first):\n\n"
        + costs_text(by_package(added(at_home, at_open)))
        + "\n"
    )


IMPORTTIME = (PYTHON, "-X", "importtime", "-m", "netjourney")


def imports_of(run: ChildRun) -> dict[str, float]:
    """Module -> milliseconds spent importing it (its own time, so that a module imported
    from another is counted once), from importtime's lines "import time: self |
    cumulative | name"."""
    found: dict[str, float] = {}
    for line in run.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) != 3 or not parts[0].strip().isdigit():
            continue
        module = parts[2].strip()
        found[module] = found.get(module, 0.0) + int(parts[0]) / 1000
    return found


def added(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    """The modules of `after` not in `before`: compared module by module, since a later
    stage mostly adds modules to packages already there (netjourney's own pages, email's
    parts), which a comparison of package names left out."""
    return {module: ms for module, ms in after.items() if module not in before}


def by_package(modules: dict[str, float]) -> list[tuple[str, float]]:
    """Top-level package -> the milliseconds of its modules."""
    found: dict[str, float] = {}
    for module, ms in modules.items():
        package = module.split(".")[0]
        found[package] = found.get(package, 0.0) + ms
    return list(found.items())


def costs_text(costs: Iterable[tuple[str, float]]) -> str:
    """'sqlalchemy 172, pydantic 40, ... and 12 more under 1 ms', costliest first."""
    ordered = sorted(costs, key=lambda item: -item[1])
    if not ordered:
        return "nothing new"
    shown = [f"{name} {ms:.0f}" for name, ms in ordered if ms >= 1]
    rest = len(ordered) - len(shown)
    if not shown:
        return f"{rest} packages, each under 1 ms"
    return ", ".join(shown) + (f", and {rest} more under 1 ms" if rest else "")


def search_lines(space: Workspace) -> list[Line]:
    """search_everything in this process, as the search box calls it."""
    lines = []
    with space.copy_of(space.large) as path:
        record = JourneyRecord.open(path, space.guide)
        try:
            for label, words in (
                ("rare words", RARE_WORDS),
                ("common words", COMMON_WORDS),
                ("two-letter prefixes as typed", TYPED_PREFIXES),
            ):
                milliseconds, hits = search_times(record, words, space.settings.search_calls)
                lines.append(
                    Line(
                        f"Search everything, {label} ({', '.join(words)})",
                        f"{hits} hits",
                        "",
                        milliseconds,
                        "ms",
                        20,
                    )
                )
        finally:
            record.close()
    return lines


def search_times(record: JourneyRecord, words: Sequence[str], calls: int) -> tuple[float, int]:
    """The median milliseconds of one search, and how many hits the words found."""
    hits = sum(len(search_everything(record, word)) for word in words)  # also warms the cache
    times = []
    for _ in range(calls):
        for word in words:
            start = time.perf_counter()
            search_everything(record, word)
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), hits


def pdf_lines(space: Workspace) -> list[Line]:
    """`netjourney export-pdf` against bare reportlab paragraphs of the same strings.

    A second anchor embeds the journey's own font, to tell the font's cost from the layout's.
    """
    strings = space.folder / "journey-strings.json"
    strings.write_text(json.dumps(journey_strings(space)), encoding="utf-8")
    font = str(resources_dir() / "fonts" / "DejaVuSans.ttf")
    bare_pdf = [PYTHON, str(BENCH / "bare_pdf.py"), str(strings), "bare.pdf"]
    bare, bare_font, journey = [], [], []
    for _ in range(space.settings.runs):
        bare.append(space.run(bare_pdf))
        bare_font.append(space.run([*bare_pdf, font]))
        journey.append(space.run_app(space.large, "export-pdf", "journey.pdf"))
    journey_s, bare_s, font_s = map(median_seconds, (journey, bare, bare_font))
    pages = re.search(r"\d+ pages?", journey[-1].stdout)
    what = f"Journey PDF ({pages[0] if pages else '?'}) ÷ bare reportlab, same text"
    return [
        Line(what, f"{journey_s:.1f} s", f"{bare_s:.1f} s", journey_s / bare_s, "×", 1.3),
        Line(
            "Journey PDF ÷ bare reportlab in the journey's embedded font (for diagnosis)",
            f"{journey_s:.1f} s",
            f"{font_s:.1f} s",
            journey_s / font_s,
            "×",
        ),
    ]


def journey_strings(space: Workspace) -> list[str]:
    """Every user and guide string the default journey PDF prints."""
    from netjourney.core.people import role_title, with_whom
    from netjourney.export.content import JourneyOptions, load_snapshot, select_journey

    record = JourneyRecord.open(space.large, space.guide)
    try:
        chosen = select_journey(
            load_snapshot(record), space.guide, JourneyOptions(), datetime.now(UTC)
        )
    finally:
        record.close()
    strings = [
        text
        for m in chosen.members
        for text in (
            m.name,
            role_title(space.guide, m.role),
            m.practice,
            m.phone,
            m.after_hours,
            m.email,
        )
    ]
    strings += [
        text
        for a in [*chosen.upcoming, *chosen.past]
        for text in (with_whom(space.guide, a), a.location, a.purpose, a.what_to_bring, a.outcome)
    ]
    strings += [
        text for g in chosen.question_groups for q in g.questions for text in (q.text, q.answer)
    ]
    strings += [text for n in chosen.notes for text in (n.title, n.body)]
    strings += [
        text
        for s in map(space.guide.section, chosen.section_ids)
        for text in (s.title, s.summary, *s.key_facts)
    ]
    return [text for text in strings if text.strip()]


def page_lines(space: Workspace) -> list[Line]:
    """From MainWindow.show_page to the page painted, the first time and on a later visit."""
    runs = [json.loads(show_pages(space)) for _ in range(space.settings.runs)]
    counts = row_counts(space.large)
    titles = {key: page["title"] for key, page in runs[0].items()}
    lines = []
    for key, title in titles.items():
        first = statistics.median(run[key]["first"] for run in runs)
        note = " (return to it)" if key == "home" else counts.get(key, "")
        lines.append(
            Line(f"Show page {title}{note}, first time", f"{first:.0f} ms", "", first, "ms", 100)
        )
    again = {key: statistics.median(run[key]["again"] for run in runs) for key in titles}
    slowest = max(again, key=again.__getitem__)
    lines.append(
        Line(
            f"Show a page again (slowest: {titles[slowest]})",
            f"{again[slowest]:.0f} ms",
            "",
            again[slowest],
            "ms",
            100,
        )
    )
    return lines


def journey_page_lines(space: Workspace) -> list[Line]:
    """The journey's pages right after start (no idle time: reportlab not yet loaded):
    first shown, and on the chart pages until every chart is drawn."""
    runs = []
    for _ in range(space.settings.runs):
        with space.copy_of(space.large) as record:
            command = [PYTHON, str(BENCH / "journey_pages.py"), str(record), "cold"]
            runs.append(json.loads(space.run(command, record).stdout))
    counts = row_counts(space.large)
    lines = []
    for key, page in runs[0].items():
        title = f"{page['title']}{counts.get(key, '')}"
        for field, what, goal in (
            ("first", f"Show page {title} first, straight after start", 100.0),
            ("chart_first", f"Show page {title} first, until its charts are drawn", None),
            ("again", f"Show page {title} again", 100.0),
        ):
            if field in page:
                value = statistics.median(run[key][field] for run in runs)
                measured = f"{value:.0f} ms"
                if f"{field}_cpu" in page:
                    cpu = statistics.median(run[key][f"{field}_cpu"] for run in runs)
                    measured += f" (CPU {cpu:.0f})"
                lines.append(Line(what, measured, "", value, "ms", goal))
    return lines


def chart_lines(space: Workspace) -> list[Line]:
    """A five-year chart drawn, as the window draws it (bench/charts.py, one process)."""
    drawn = json.loads(space.run([PYTHON, str(BENCH / "charts.py")]).stdout)
    lines = []
    for chart in drawn.values():
        for step, what in (("svg", "to SVG"), ("pixels", "to pixels through QtSvg")):
            median, worst, cpu = chart[step]
            lines.append(
                Line(
                    f"Draw a chart of {chart['label']}, {what}",
                    f"{median:.0f} ms (worst {worst:.0f}, CPU {cpu:.0f})",
                    "",
                    median,
                    "ms",
                    50,
                )
            )
    return lines


def browse_lines(space: Workspace) -> list[Line]:
    """Opening notes one after another in the Notes page, as a user reading back."""
    runs = []
    for _ in range(space.settings.runs):
        with space.copy_of(space.large) as record:
            command = [PYTHON, str(BENCH / "browse_notes.py"), str(record), str(NOTES_BROWSED)]
            runs.append(json.loads(space.run(command, record).stdout))
    median = statistics.median(run["median"] for run in runs)
    slowest = statistics.median(run["slowest"] for run in runs)
    what = f"Open {runs[0]['count']} notes one after another"
    return [
        Line(f"{what}, median", f"{median:.0f} ms", "", median, "ms", 100),
        Line(f"{what}, slowest", f"{slowest:.0f} ms", "", slowest, "ms", 100),
    ]


def show_pages(space: Workspace) -> str:
    with space.copy_of(space.large) as record:
        return space.run([PYTHON, str(BENCH / "show_pages.py"), str(record)], record).stdout


def row_counts(path: Path) -> dict[str, str]:
    """e.g. {"notes": " (10,000 rows)"}, keyed by the page that lists them."""
    tables = {
        "team": "care_team_members",
        "questions": "questions",
        "appointments": "appointments",
        "notes": "notes",
        "diary": "diary_entries",
        "measurements": "measurements",
        "scans": "scans",
    }
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        counted = {
            page: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for page, table in tables.items()
        }
    return {page: f" ({count:,} rows)" for page, count in counted.items()}


def json_lines(space: Workspace) -> list[Line]:
    """`netjourney export-json` and `import-json` of the large record, whole processes."""
    exports, imports = [], []
    document = space.folder / "record.json"
    for number in range(space.settings.runs):
        exports.append(space.run_app(space.large, "export-json", str(document)))
        target = space.folder / f"imported-{number}" / "journey.sqlite"
        imports.append(space.run([*APP, "--db", str(target), "import-json", str(document)], target))
    size = document.stat().st_size / (1024 * 1024)
    export_s, import_s = median_seconds(exports), median_seconds(imports)
    return [
        Line(f"JSON export, large record ({size:.0f} MiB)", f"{export_s:.1f} s", "", export_s, "s"),
        Line("JSON import into a new record", f"{import_s:.1f} s", "", import_s, "s"),
    ]


def upcoming_lines(space: Workspace) -> list[Line]:
    """`netjourney upcoming` on the five-year record against `netjourney --version`, run
    in turns (a busy machine slows a round's pair alike): the median of the rounds' own
    ratios, after a round that leaves what any earlier run leaves in the user's cache
    (the schema, the region's date words)."""
    upcoming, version = [], []
    for round_number in range(space.settings.runs + 1):
        pair = space.run_app(space.large, "upcoming"), space.run([*APP, "--version"])
        if round_number:
            upcoming.append(pair[0])
            version.append(pair[1])
    return [
        Line(
            "`netjourney upcoming`, large record",
            f"{median_seconds(upcoming) * 1000:.0f} ms",
            f"`--version` {median_seconds(version) * 1000:.0f} ms",
            paired_ratio(upcoming, version, "seconds"),
            "×",
            1.5,
        ),
        Line(
            "CPU time of `netjourney upcoming` ÷ `--version` (for diagnosis)",
            f"{statistics.median(run.cpu_seconds for run in upcoming) * 1000:.0f} ms",
            f"{statistics.median(run.cpu_seconds for run in version) * 1000:.0f} ms",
            paired_ratio(upcoming, version, "cpu_seconds"),
            "×",
        ),
    ]


def summary_lines(space: Workspace) -> list[Line]:
    """`netjourney export-summary` (two pages) on the five-year record and on an empty one."""
    large = [
        space.run_app(space.large, "export-summary", "summary.pdf")
        for _ in range(space.settings.runs)
    ]
    empty = [
        space.run_app(space.empty, "export-summary", "summary.pdf")
        for _ in range(space.settings.runs)
    ]
    large_s, empty_s = median_seconds(large), median_seconds(empty)
    return [
        Line(
            "Clinical summary PDF: large record ÷ empty record",
            f"{large_s:.2f} s",
            f"{empty_s:.2f} s",
            large_s / empty_s,
            "×",
            2.0,
        )
    ]


MEASURES: tuple[tuple[str, Callable[[Workspace], list[Line]]], ...] = (
    ("Start: first paint, Home filled, peak memory", start_lines),
    ("Search everything", search_lines),
    ("Show each page", page_lines),
    ("The journey's pages straight after start", journey_page_lines),
    ("Draw a chart of five years", chart_lines),
    ("Open notes one after another", browse_lines),
    ("Journey PDF", pdf_lines),
    ("Clinical summary PDF", summary_lines),
    ("JSON export and import", json_lines),
    ("What's next", upcoming_lines),
)


def measure(group: tuple[str, Callable[[Workspace], list[Line]]], space: Workspace) -> list[Line]:
    """The group's lines; a failed child fails its group only, and says why on stderr."""
    title, lines_of = group
    try:
        return lines_of(space)
    except BenchError as error:
        print(f"bench: {title} failed: {error}", file=sys.stderr)
        return [Line.failed(title, error)]


def table(lines: Sequence[Line]) -> str:
    header = ["What", "Measured", "Anchor", "Result", "Goal", ""]
    rows = [header, ["---"] * len(header), *(line.cells() for line in lines)]
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def machine() -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    return (
        f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"Qt {qVersion()} (PySide6 {pyside_version}), SQLite {sqlite3.sqlite_version}, "
        f"commit {git_commit()}"
    )


def git_commit() -> str:
    def git(*arguments: str) -> str:
        return subprocess.run(
            ["git", *arguments], cwd=BENCH, capture_output=True, text=True
        ).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + (" with uncommitted changes" if git("status", "--porcelain") else "")


def record_size(settings: Settings) -> str:
    size = {kind: round(count * settings.scale) for kind, count in FULL_SIZE.items()}
    return (
        f"{size['members']} care-team members, {size['appointments']} appointments, "
        f"{size['questions']} questions, {size['notes']:,} notes (about 800 characters each), "
        f"{size['doses']} doses, {size['measurements']} marker values, {size['scans']} scans, "
        f"{size['diary_days']:,} diary days"
    )


def report(settings: Settings, lines: Sequence[Line], notes: Sequence[str], minutes: float) -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"## {stamp}, {settings.name} run ({minutes:.1f} min)\n\n"
        f"Machine: {machine()}\n\n"
        f"Record: {record_size(settings)}. Medians of {settings.runs} whole-process runs "
        f"(search: {settings.search_calls} calls per word, in one process).\n\n"
        f"{table(lines)}\n" + "".join(f"\n{note}" for note in notes)
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a smoke check in under a minute: 3 runs, a 10%% record",
    )
    parser.add_argument(
        "--only",
        metavar="WORD",
        help="run only the groups whose title holds WORD (e.g. start, pdf, search)",
    )
    arguments = parser.parse_args(argv)
    settings = QUICK if arguments.quick else FULL
    chosen = [g for g in MEASURES if (arguments.only or "").lower() in g[0].lower()]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="netjourney-bench-") as folder:
        space = Workspace(Path(folder), settings)
        lines = [line for group in chosen for line in measure(group, space)]
        notes = space.notes
    text = report(settings, lines, notes, (time.perf_counter() - started) / 60)
    print(text)
    with RESULTS.open("a", encoding="utf-8") as results:
        results.write("\n" + text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
