"""RELIABILITY 1: `kill -9` in the middle of writes, many times.

A child process writes notes, each with three guide links and a counter update in
one transaction, and every tenth step deletes an older note and erases its text
(search-index merge and a TRUNCATE checkpoint). It reports each step on a pipe
only after the commit returned. The parent kills it with SIGKILL at a random moment,
then checks the file as the app would at its next start.
"""

from __future__ import annotations

import random
import shutil
import signal
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from netjourney.core import database
from netjourney.core.guide import Guide
from netjourney.core.models import CareTeamMember
from netjourney.core.record import JourneyRecord
from netjourney.core.recovery import examine_at_start
from tests.reliability.children import COUNTER_ID, DELETE_EVERY, LINKS_PER_NOTE
from tests.reliability.conftest import closed_single_file, start_child

MOST_STEPS_BEFORE_KILL = 45


@dataclass(frozen=True)
class Outcome:
    committed: int  # notes reported committed (inserted)
    lost: int  # reported-committed notes missing, or reported-deleted notes back
    unreported_step_landed: bool  # the kill fell between a commit and its report
    killed_during: str  # "insert", or "delete" (a delete, its index merge and checkpoint)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, guide: Guide) -> Path:
    """A closed record with the counter member, copied fresh for every run."""
    path = tmp_path_factory.mktemp("kill9") / "template.sqlite"
    record = JourneyRecord.open(path, guide)
    with record.writing() as session:
        session.add(CareTeamMember(id=COUNTER_ID, role="other", name="counter", notes="0"))
    record.close()
    closed_single_file(path)
    return path


def next_step(steps: list[str]) -> str:
    """The step the child does after the last one it reported."""
    if not steps:
        return "+1"
    number = int(steps[-1][1:])
    if steps[-1][0] == "-":
        return f"+{number + DELETE_EVERY // 2 + 1}"
    return f"-{number - DELETE_EVERY // 2}" if number % DELETE_EVERY == 0 else f"+{number + 1}"


def notes_after(steps: list[str]) -> set[int]:
    present: set[int] = set()
    for step in steps:
        (present.add if step[0] == "+" else present.discard)(int(step[1:]))
    return present


def read_back(path: Path) -> tuple[dict[int, int], str]:
    """Every note's number with its link count, and the counter, on a read-only connection."""
    with database.plain_sqlite(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        links = dict(
            connection.execute(
                "SELECT CAST(substr(n.title, 5) AS INTEGER), count(l.id) FROM notes n "
                "LEFT JOIN notes_section_links l ON l.owner_id = n.id GROUP BY n.id"
            ).fetchall()
        )
        counter = connection.execute(
            "SELECT notes FROM care_team_members WHERE id = ?", (COUNTER_ID,)
        ).fetchone()[0]
    return links, counter


def kill_at_random(path: Path, seed: int) -> list[str]:
    """Start the writer, SIGKILL it at a random moment; return the steps it reported."""
    rng = random.Random(seed)
    child = start_child("writer", path, seed)
    assert child.stdout is not None
    assert child.stdout.readline() == "ready\n"
    lines = [child.stdout.readline() for _ in range(rng.randint(0, MOST_STEPS_BEFORE_KILL))]
    time.sleep(rng.uniform(0, 0.02))
    child.send_signal(signal.SIGKILL)
    lines += child.stdout.readlines()
    child.wait()
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL, "the writer stopped before it was killed"
    return [line.strip() for line in lines if line.endswith("\n")]


def run_once(template: Path, folder: Path, seed: int, guide: Guide) -> Outcome:
    path = folder / f"run-{seed}.sqlite"
    shutil.copyfile(template, path)
    steps = kill_at_random(path, seed)

    assert examine_at_start(path) is None, "the app would have called the record damaged"
    links, counter = read_back(path)
    landed = [*steps, next_step(steps)] if set(links) != notes_after(steps) else steps
    expected = notes_after(landed)
    lost = len(notes_after(steps) - set(links) - (expected ^ notes_after(steps)))
    assert set(links) == expected, f"seed {seed}: a lost step, or half of one: {steps[-3:]}"
    assert set(links.values()) <= {LINKS_PER_NOTE}, f"seed {seed}: a note without all its links"
    last_insert = next((s[1:] for s in reversed(landed) if s[0] == "+"), "0")
    assert counter == last_insert, f"seed {seed}: the counter and the notes disagree"
    record = JourneyRecord.open(path, guide)  # and the app opens it normally
    assert record.counts()["notes"] == len(links)
    record.close()
    return Outcome(
        committed=sum(1 for s in steps if s[0] == "+"),
        lost=lost,
        unreported_step_landed=landed is not steps,
        killed_during="delete" if next_step(steps)[0] == "-" else "insert",
    )


def kill_many_times(template: Path, folder: Path, runs: int, guide: Guide) -> list[Outcome]:
    with ThreadPoolExecutor(max_workers=2) as pool:  # one writer per core
        return list(pool.map(lambda seed: run_once(template, folder, seed, guide), range(runs)))


def summary(outcomes: list[Outcome]) -> str:
    during = Counter(o.killed_during for o in outcomes)
    return (
        f"kill -9: {len(outcomes)} runs, {sum(o.committed for o in outcomes)} notes reported "
        f"committed, {sum(o.lost for o in outcomes)} lost; killed during an insert "
        f"{during['insert']} times, during a delete with its erase {during['delete']} times; "
        f"{sum(o.unreported_step_landed for o in outcomes)} kills fell after a commit, "
        "before its report"
    )


def test_ten_kills_lose_nothing_and_leave_no_half_saved_note(
    template: Path, tmp_path: Path, guide: Guide
) -> None:
    outcomes = kill_many_times(template, tmp_path, 10, guide)

    print(summary(outcomes))
    assert sum(o.lost for o in outcomes) == 0
    assert sum(o.committed for o in outcomes) > 0


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_a_hundred_kills_lose_nothing_and_leave_no_half_saved_note(
    template: Path, tmp_path: Path, guide: Guide
) -> None:
    outcomes = kill_many_times(template, tmp_path, 100, guide)

    print(summary(outcomes))
    assert sum(o.lost for o in outcomes) == 0
    assert any(o.killed_during == "delete" for o in outcomes)
