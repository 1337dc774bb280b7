"""Home is filled from a plain read of the record right after the first paint, before
SQLAlchemy is imported, while the pages and actions wait for the record to open."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from netjourney.core.appointments import upcoming
from netjourney.core.database import head_revision
from netjourney.core.record import JourneyRecord
from netjourney.core.schema_check import expected_schema
from netjourney.demo.small import fill_demo
from netjourney.gui.app import fill_home_then_open
from netjourney.gui.main_window import MainWindow
from netjourney.gui.opening import OPENING_TEXT

DATA = Path(__file__).resolve().parents[1] / "data"

# The real app as `python -m netjourney` starts; what the window shows, and which modules
# are loaded, as it quits.
WATCHER = """
import json, sys
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel
from netjourney.gui.main_window import MainWindow

app = QApplication(sys.argv[:1])
seen = {}

def note():
    [window] = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
    page = window.stack.currentWidget()
    seen.update(
        modules=sorted(sys.modules),
        pages_enabled=window.nav.isEnabled(),
        actions_enabled=[a.text() for a in window.findChildren(QAction) if a.isEnabled()
                         and a.text()],
        home=" ".join(label.text() for label in page.findChildren(QLabel)),
    )

app.aboutToQuit.connect(note)
from netjourney.cli import main
seen["exit_code"] = main(sys.argv[1:])
print(json.dumps(seen))
"""
HEAVY = ("sqlalchemy", "alembic", "pydantic", "reportlab", "netjourney.core.models")


def _next_purpose(record: JourneyRecord) -> str:
    """Read with the models, as the pages read it."""
    [visit] = upcoming(record, datetime.now(UTC), limit=1)
    return visit.purpose


def _filled(record: JourneyRecord) -> str:
    fill_demo(record, datetime.now(UTC))
    purpose = _next_purpose(record)
    record.close()
    expected_schema.cache_clear()  # kept in the user's cache, as any earlier start left it
    expected_schema(head_revision())
    return purpose


def _words(page: QWidget | None) -> str:
    assert page is not None
    return " ".join(label.text() for label in page.findChildren(QLabel))


def test_the_app_paints_home_filled_before_it_imports_sqlalchemy(record: JourneyRecord) -> None:
    purpose = _filled(record)

    result = subprocess.run(
        [sys.executable, "-c", WATCHER, f"--db={record.path}", "--exit-after-home-filled"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.splitlines()[-1])
    assert seen["exit_code"] == 0
    assert [m for m in seen["modules"] if m.split(".")[0] in HEAVY or m in HEAVY] == []
    assert seen["pages_enabled"] is False and seen["actions_enabled"] == []
    assert purpose in seen["home"] and OPENING_TEXT not in seen["home"]
    assert "questions still to ask" in seen["home"]


def test_home_is_filled_before_the_record_opens_and_all_works_after(
    qtbot: QtBot, record: JourneyRecord
) -> None:
    purpose = _filled(record)
    window = MainWindow(record.path)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    opening = window.stack.currentWidget()

    fill_home_then_open(window, record.path, exit_after_start=False)

    early = _words(opening)  # the full opening waits for the event loop
    assert purpose in early and OPENING_TEXT not in early
    assert not window.nav.isEnabled() and not window.is_open
    assert not [a for a in window.findChildren(QAction) if a.isEnabled() and a.text()]
    QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Care team
    assert window.stack.currentWidget() is opening and window.pages == {}

    qtbot.waitUntil(lambda: window.is_open, timeout=30_000)
    assert _words(window.stack.currentWidget()) == early  # the same text, read either way
    QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.pages["team"]
    window.flush_all()


def test_home_says_it_is_opening_until_an_older_record_is_upgraded(
    qtbot: QtBot, tmp_path: Path
) -> None:
    old = tmp_path / "old.sqlite"
    shutil.copy(DATA / "record-0005_journey.sqlite", old)
    window = MainWindow(old)
    qtbot.addWidget(window)
    window.show()
    opening = window.stack.currentWidget()

    fill_home_then_open(window, old, exit_after_start=False)

    assert OPENING_TEXT in _words(opening)  # never an empty Home taken for the record
    qtbot.waitUntil(lambda: window.is_open, timeout=30_000)
    assert OPENING_TEXT not in _words(window.stack.currentWidget())
    window.flush_all()
