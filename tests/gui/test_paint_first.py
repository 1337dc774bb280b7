"""Issue 15: the window is painted before the record (and what opening it needs) is loaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from netjourney.core.database import head_revision
from netjourney.core.record import JourneyRecord
from netjourney.core.schema_check import expected_schema
from netjourney.demo.small import fill_demo
from netjourney.gui.main_window import MainWindow
from netjourney.gui.opening import HOME_BODY, OPENING_TEXT
from netjourney.gui.theme import dark_palette, light_palette, palette_is_dark

# Only what the record needs; none of it may be imported before the window is painted.
RECORD_MODULES = (
    "sqlalchemy",
    "alembic",
    "reportlab",
    "icalendar",
    "pydantic",
    "netjourney.core.database",
    "netjourney.core.models",
)
# Nor what the window's shell did without: the single-instance socket listens after the
# paint, the lock's name is hashed by Qt, a start of the window reads its arguments
# without building a parser (argparse's translations of its own words need locale),
# dates are first needed to fill Home, check boxes and the focus are outlined once the
# record is open, Linux's folders are named by the XDG rule without platformdirs, and
# the window's few records of its own are named tuples, and the message bar is built
# when there is a first thing to tell.
SHELL_MODULES = (
    "platformdirs",
    "locale",
    "dataclasses",
    "PySide6.QtNetwork",
    "hashlib",
    "_hashlib",
    "datetime",
    "_datetime",
    "netjourney.gui.outline",
    "netjourney.gui.message_bar",
)

# The real app, started as `python -m netjourney` is; an application-wide event filter
# notes the modules loaded when the main window first paints, and what it shows then
# and when the app quits.
WATCHER = """
import json, linecache, sys
import netjourney.gui  # first, as in `python -m netjourney`: it sets up Qt for the app
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
from netjourney.gui.navigation import Navigation
from netjourney.gui.window_keys import UndoFallsThrough

app = QApplication(sys.argv[:1])
seen = {}
filtered = {"events": 0}

def counted(original):
    def event_filter(self, watched, event):
        filtered["events"] += 1
        return original(self, watched, event)
    return event_filter

for watcher in (Navigation, UndoFallsThrough):  # the window's filters of every event
    watcher.eventFilter = counted(watcher.eventFilter)

def shown(window):
    page = window.stack.currentWidget()
    return {
        "pages_enabled": window.nav.isEnabled(),
        "outlined": window.theme.focus_ring is not None,
        "home": " ".join(label.text() for label in page.findChildren(QLabel)),
        "menus": [[entry.isEnabled() for entry in title.menu().actions()]
                  for title in window.menuBar().actions()],
    }

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            app.removeEventFilter(self)
            seen["modules"] = sorted(sys.modules)
            seen["painted"] = shown(watched)
            seen["filtered"] = filtered["events"]
            seen["sources_read"] = [name for name in linecache.cache if "netjourney" in name]
            app.aboutToQuit.connect(lambda: seen.update(modules_at_end=sorted(sys.modules),
                                                        at_end=shown(watched),
                                                        filtered_at_end=filtered["events"]))
        return False

first_paint = FirstPaint()
app.installEventFilter(first_paint)
from netjourney.cli import main
seen["exit_code"] = main(sys.argv[1:])
print(json.dumps(seen))
"""


# Qt's classes PySide has built for Python by the time the app leaves at its first paint,
# watched without any Python event filter (it would have PySide build a class for every
# object it is given).
CLASSES_WATCHER = """
import json, sys
import netjourney.gui
import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
built = []
app.aboutToQuit.connect(lambda: built.extend(
    name for module in (PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets) for name in vars(module)
))
from netjourney.cli import main
exit_code = main(sys.argv[1:])
print(json.dumps({"exit_code": exit_code, "built": built}))
"""
# Qt classes the first frame does not use: asking Qt for every widget (to recolour links)
# had PySide build these and some fifty more, a tenth of a bare window.
UNUSED_BY_THE_FIRST_FRAME = (
    # the Qt namespace: its hundred enums cost a tenth of a bare window; the first frame
    # gives Qt its few settings by name
    "Qt",
    "QFileDialog",
    "QMessageBox",
    "QCalendarWidget",
    "QTableView",
    "QLineEdit",
    # and the outline's style and focus ring (gui/outline.py), drawn once the record is open
    "QProxyStyle",
    "QFocusFrame",
    "QPainter",
)


def _start(
    record: Path, watcher: str = WATCHER, leave: str = "--exit-after-start"
) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", watcher, f"--db={record}", leave],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    seen: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    return seen


def _loaded(modules: object, tops: tuple[str, ...] = RECORD_MODULES) -> list[str]:
    assert isinstance(modules, list)
    return sorted(
        name for name in modules if any(name == top or name.startswith(f"{top}.") for top in tops)
    )


def test_the_window_paints_before_the_record_loads_and_home_fills_after(
    record: JourneyRecord,
) -> None:
    fill_demo(record, datetime.now(UTC))
    record.close()
    expected_schema.cache_clear()  # kept in this process: keep it in the user's cache too,
    expected_schema(head_revision())  # as any earlier start has left it

    seen = _start(record.path)

    assert seen["exit_code"] == 0
    assert _loaded(seen["modules"]) == []
    assert _loaded(seen["modules"], SHELL_MODULES) == []
    # No Python filter of the window sees every event of the application before the
    # paint (PySide would build its classes for each object it is given), and PySide's
    # import hook did not read the app's sources (it keeps them in memory).
    assert seen["filtered"] == 0 and seen["sources_read"] == []
    painted = seen["painted"]
    assert isinstance(painted, dict) and painted["pages_enabled"] is False
    assert painted["outlined"] is False  # nothing to tick or type into yet
    assert painted["menus"] == [[]] * 5  # File to Help: their titles only, greyed
    assert OPENING_TEXT in painted["home"]
    # The same watch sees them once the record is open: it can tell.
    assert {"sqlalchemy", "pydantic", "netjourney.core.models"} <= set(
        _loaded(seen["modules_at_end"])
    )
    # The record is up to date and its schema kept: Alembic is not needed.
    assert not [name for name in _loaded(seen["modules_at_end"]) if name.startswith("alembic")]
    assert isinstance(seen["filtered_at_end"], int) and seen["filtered_at_end"] > 0
    at_end = seen["at_end"]
    assert isinstance(at_end, dict) and at_end["pages_enabled"] is True
    assert at_end["outlined"] is True
    menus = at_end["menus"]
    assert isinstance(menus, list) and len(menus) == 5 and all(menus)
    assert any(entry for menu in menus for entry in menu)  # released (Undo waits for a step)
    assert "Next appointment" in at_end["home"] and OPENING_TEXT not in at_end["home"]


def test_the_first_paint_builds_no_python_class_for_widgets_it_does_not_show(
    record: JourneyRecord,
) -> None:
    record.close()
    seen = _start(record.path, CLASSES_WATCHER, "--exit-after-first-paint")

    assert seen["exit_code"] == 0
    built = seen["built"]
    assert isinstance(built, list) and {"QMainWindow", "QListWidget", "QLabel"} <= set(built)
    assert [name for name in UNUSED_BY_THE_FIRST_FRAME if name in built] == []


def test_until_its_record_is_open_the_window_takes_no_page_keys(
    qtbot: QtBot, record: JourneyRecord
) -> None:
    window = MainWindow(record.path)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)  # shortcuts reach the active window only
    window.fill_menus()  # as app.py does after the first paint
    opening = window.stack.currentWidget()
    assert opening is not None and OPENING_TEXT in _words(opening)
    assert not window.nav.isEnabled()
    assert not [action.text() for action in window.findChildren(QAction) if action.isEnabled()]

    QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Care team
    assert window.stack.currentWidget() is opening and window.pages == {}

    window.open_record(record)
    home = window.stack.currentWidget()
    assert home is not opening and OPENING_TEXT not in _words(home)
    QTest.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.pages["team"]
    window.flush_all()


def test_the_first_frame_gives_qt_its_settings_by_name_as_qt_names_them(
    qtbot: QtBot, record: JourneyRecord
) -> None:
    """Given as text to spare the first paint the Qt namespace: a misspelt name is ignored
    by Qt without a word, so each must be what Qt's enum says."""
    window = MainWindow(record.path)
    qtbot.addWidget(window)
    navigation = window.navigation
    assert navigation.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    assert QKeySequence(Qt.Key.Key_Back) in navigation.back_action.shortcuts()
    assert QKeySequence(Qt.Key.Key_Forward) in navigation.forward_action.shortcuts()
    body = window.findChild(QLabel, HOME_BODY)
    assert body is not None
    assert body.alignment() == Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft


def test_the_first_frame_tells_light_from_dark_by_the_palette() -> None:
    assert palette_is_dark(dark_palette())
    assert not palette_is_dark(light_palette())


def _words(page: QWidget | None) -> str:
    assert page is not None
    return " ".join(label.text() for label in page.findChildren(QLabel))
