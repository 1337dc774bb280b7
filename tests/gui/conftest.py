from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, record: JourneyRecord) -> Iterator[MainWindow]:
    main = MainWindow(record)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.flush_all()
