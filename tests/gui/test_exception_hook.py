"""Anything unexpected is shown in the window and written to the log, never lost."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, qCritical, qInstallMessageHandler
from pytestqt.qtbot import QtBot

from netjourney.gui.exception_hook import install_exception_hook
from netjourney.gui.main_window import MainWindow


@pytest.fixture
def hooked(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    log_path = install_exception_hook(window.messages.show_problem, tmp_path)
    yield log_path
    qInstallMessageHandler(None)
    logger = logging.getLogger("netjourney")
    for handler in logger.handlers[:]:
        logger.removeHandler(handler)
        handler.close()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_shown_in_the_bar_and_logged(
    window: MainWindow, qtbot: QtBot, hooked: Path
) -> None:
    def broken() -> None:
        raise RuntimeError("the widget fell over")

    QTimer.singleShot(0, broken)
    qtbot.waitUntil(window.messages.isVisible)
    shown = window.messages.text.text()
    assert "RuntimeError: the widget fell over" in shown and str(hooked) in shown
    logged = hooked.read_text()
    assert "the widget fell over" in logged and "Traceback" in logged and "broken" in logged


def test_a_critical_qt_message_is_shown_and_logged(
    window: MainWindow, qtbot: QtBot, hooked: Path
) -> None:
    qCritical("a painter went away")
    assert "a painter went away" in window.messages.text.text()
    assert "Qt: a painter went away" in hooked.read_text()


def test_an_error_in_a_background_thread_is_shown_in_the_window(
    window: MainWindow, qtbot: QtBot, hooked: Path
) -> None:
    def broken() -> None:
        raise OSError("the printer spool vanished")

    worker = threading.Thread(target=broken)
    worker.start()
    worker.join()
    qtbot.waitUntil(window.messages.isVisible)
    assert "OSError: the printer spool vanished" in window.messages.text.text()
    assert "the printer spool vanished" in hooked.read_text()
