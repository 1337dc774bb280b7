"""Issue 16.4: a record being created when its process is killed never locks the user out.

`demo` and `import-json` into a new file, and the window's first start, are killed with
SIGKILL at random moments during their run. Then the app starts as it would next time:
it must open, and the record must be absent, empty and ours, or complete.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from netjourney.core.guide import Guide, load_guide
from netjourney.core.record import JourneyRecord
from netjourney.core.recovery import examine_at_start
from tests.files.run import demo_and_its_export

CREATIONS = {
    "demo": ("demo",),
    "import-json": ("import-json", "SOURCE"),
    "first start": ("--exit-after-start",),
}


@pytest.fixture(scope="module")
def demo_export(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    record, exported = demo_and_its_export(tmp_path_factory.mktemp("source"))
    opened = JourneyRecord.open(record, load_guide(), read_only=True)
    counts = opened.counts()
    opened.close()
    return exported, counts


def _start(words: tuple[str, ...], record: Path, source: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    args = [str(source) if word == "SOURCE" else word for word in words]
    return subprocess.Popen(
        [sys.executable, "-m", "netjourney", f"--db={record}", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _full_run_seconds(words: tuple[str, ...], folder: Path, source: Path) -> float:
    """The longest of three whole runs: kills are spread over it, and one run that happened
    to be quick put every kill of a first start before the record was made (its making
    comes last, after the window's first paint)."""
    longest = 0.0
    for attempt in range(3):
        began = time.monotonic()
        record = folder / f"timing-{words[0]}-{attempt}.sqlite"
        assert _start(words, record, source).wait(120) == 0
        longest = max(longest, time.monotonic() - began)
    return longest


def _state_after_restart(record: Path, guide: Guide, complete: dict[str, int]) -> str:
    """Start as the app does (damage check, then open); say what the record holds."""
    existed = record.exists()
    assert examine_at_start(record) is None, "a killed creation left a file called damaged"
    opened = JourneyRecord.open(record, guide)
    try:
        counts = opened.counts()
    finally:
        opened.close()
    if not existed:
        return "absent"
    if not any(counts.values()):
        return "empty and ours"
    assert counts == complete, f"a half-made record: {counts}"
    return "complete"


def kill_during_creation(
    runs: int, tmp_path: Path, demo_export: tuple[Path, dict[str, int]], guide: Guide
) -> Counter[str]:
    source, complete = demo_export
    rng = random.Random(1604)
    outcomes: Counter[str] = Counter()
    for kind, words in CREATIONS.items():
        longest = _full_run_seconds(words, tmp_path, source)
        for run in range(runs):
            folder = tmp_path / f"{kind}-{run}"
            record = folder / "journey.sqlite"
            child = _start(words, record, source)
            time.sleep(rng.uniform(0.4, 1.0) * longest)  # the start-up is mostly imports
            child.send_signal(signal.SIGKILL)
            child.wait()
            state = _state_after_restart(record, guide, complete)
            if kind == "first start":
                assert state in ("absent", "empty and ours")
            outcomes[f"{kind}: {state}"] += 1
            leftovers = [p.name for p in folder.iterdir() if ".new-" in p.name]
            assert leftovers == [], "a half-built record was left beside the record"
        if kind != "first start":
            assert _start(words, tmp_path / f"{kind}-again.sqlite", source).wait(120) == 0
    print(dict(outcomes))
    return outcomes


def test_a_few_kills_during_creation_never_lock_the_user_out(
    tmp_path: Path, demo_export: tuple[Path, dict[str, int]], guide: Guide
) -> None:
    outcomes = kill_during_creation(4, tmp_path, demo_export, guide)
    assert sum(outcomes.values()) == 12


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_sixty_kills_during_creation_never_lock_the_user_out(
    tmp_path: Path, demo_export: tuple[Path, dict[str, int]], guide: Guide
) -> None:
    outcomes = kill_during_creation(20, tmp_path, demo_export, guide)
    assert sum(outcomes.values()) == 60
    # The kills must land across the creation, not all before or after it.
    assert outcomes["demo: absent"] and outcomes["demo: complete"]
    assert outcomes["first start: absent"] and outcomes["first start: empty and ours"]
