from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import MainWindow


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path: Path) -> None:
    """Preferences the window saves go to the test's folder, never the user's."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings().clear()


@pytest.fixture
def window(qtbot: QtBot, record: JourneyRecord) -> Iterator[MainWindow]:
    main = MainWindow(record)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.flush_all()
