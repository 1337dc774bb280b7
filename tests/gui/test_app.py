"""The whole app started as a user (or a script) starts it."""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import qInstallMessageHandler
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from netjourney.gui.app import run_gui


@pytest.fixture(autouse=True)
def hooks_put_back(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """run_gui in this process installs the app's error hooks and log: later tests get
    pytest's own back, and the log file is closed."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    logger = logging.getLogger("netjourney")
    before = list(logger.handlers)
    yield
    qInstallMessageHandler(None)
    for handler in [h for h in logger.handlers if h not in before]:
        logger.removeHandler(handler)
        handler.close()


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "netjourney", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_exit_after_start_opens_the_record_paints_and_exits_zero(tmp_path: Path) -> None:
    path = tmp_path / "new" / "journey.sqlite"
    result = _run("--db", str(path), "--exit-after-start")
    assert result.returncode == 0, result.stderr
    assert path.exists()
    assert _run("--db", str(path), "check").returncode == 0


def test_a_file_that_is_not_a_record_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "letter.sqlite"
    path.write_bytes(b"Dear doctor, " * 100)
    result = _run("--db", str(path), "--exit-after-start")
    assert result.returncode == 1
    assert "not a NET Journey record" in result.stderr
    assert path.read_bytes() == b"Dear doctor, " * 100


def _newer_record(path: Path) -> bytes:
    """A record whose schema version this release does not know, as a newer one writes."""
    assert _run("--db", str(path), "demo").returncode == 0
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        connection.commit()
    return path.read_bytes()


def _foreign_database(path: Path) -> bytes:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
        connection.commit()
    return path.read_bytes()


@pytest.mark.parametrize(
    ("make", "said"),
    [(_newer_record, "newer version of NET Journey"), (_foreign_database, "not a NET Journey")],
    ids=["newer", "foreign"],
)
def test_a_newer_or_foreign_file_is_refused_in_one_line_without_a_traceback(
    tmp_path: Path, make: Callable[[Path], bytes], said: str
) -> None:
    path = tmp_path / "journey.sqlite"
    before = make(path)

    result = _run("--db", str(path), "--exit-after-start")

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert said in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("make", "said"),
    [(_newer_record, "newer version of NET Journey"), (_foreign_database, "not a NET Journey")],
    ids=["newer", "foreign"],
)
def test_the_window_shows_the_refusal_in_a_dialog(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make: Callable[[Path], bytes],
    said: str,
) -> None:
    path = tmp_path / "journey.sqlite"
    make(path)
    shown: list[tuple[str, str]] = []

    def critical(_parent: object, title: str, text: str) -> QMessageBox.StandardButton:
        shown.append((title, text))  # stands in for the user reading it and pressing OK
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)

    assert run_gui(str(path)) == 1
    assert len(shown) == 1
    assert shown[0][0] == "NET Journey cannot open your record"
    assert said in shown[0][1]
