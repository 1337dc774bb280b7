"""Issue 11 item 8: `python -m netjourney.screenshots OUTDIR` pictures every page, both ways."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from netjourney.gui.main_window import PAGES

SHOTS = [key for key, _title in PAGES] + ["welcome", "search", "export"]


def test_every_page_both_sizes_both_schemes(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    home = tmp_path / "home"  # where the user's settings would go: must stay empty
    home.mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "netjourney.screenshots", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    expected = {
        f"{scheme}-{size}-{shot}.png"
        for scheme in ("light", "dark")
        for size in ("100", "200")
        for shot in SHOTS
    }
    assert {p.name for p in out.iterdir()} == expected
    light = QImage(str(out / "light-100-home.png"))
    dark = QImage(str(out / "dark-100-home.png"))
    assert (light.width(), light.height()) == (1024, 768)
    assert light.pixelColor(600, 700).lightness() > 180  # the window's background
    assert dark.pixelColor(600, 700).lightness() < 80
    assert list(home.rglob("*")) == []


def test_it_says_how_to_use_it(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "netjourney.screenshots"], capture_output=True, text=True
    )
    assert done.returncode == 2 and "usage" in done.stderr
