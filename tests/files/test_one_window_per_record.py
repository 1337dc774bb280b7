"""Issue 16.11 and 17.14: the window's single-instance guard is per record, and keeps its
lock out of the record's folder (a clone running the README's demo stays clean)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.files.run import succeeds
from tests.reliability.conftest import start_child


def _window(record: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "netjourney", f"--db={record}", "--exit-after-start"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_second_record_in_the_folder_opens_and_a_symlink_hands_over(
    tmp_path: Path, runtime: Path
) -> None:
    folder = tmp_path / "records"
    first_record, second_record = folder / "mine.sqlite", folder / "my mother's.sqlite"
    succeeds(f"--db={first_record}", "demo")
    first = start_child("instance", first_record, runtime)
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "first"

        assert _window(second_record).returncode == 0
        assert second_record.exists()  # it really opened, rather than raise the other window

        elsewhere = tmp_path / "desktop"
        elsewhere.mkdir()
        (elsewhere / "journey.sqlite").symlink_to(first_record)
        assert _window(elsewhere / "journey.sqlite").returncode == 0
        assert first.stdout.readline().strip() == "activated"  # the same record: handed over
    finally:
        first.kill()
        first.wait()


def test_the_readme_demo_leaves_only_the_demo_record_in_the_folder(
    tmp_path: Path, runtime: Path
) -> None:
    succeeds("--db", "demo.sqlite", "demo", cwd=tmp_path)
    assert _window(tmp_path / "demo.sqlite").returncode == 0

    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.sqlite", "runtime"]
    ignored = (Path(__file__).parents[2] / ".gitignore").read_text().splitlines()
    assert "/demo.sqlite*" in ignored
