"""Start the GUI: the application, the record, the main window."""

from __future__ import annotations

import sys

from netjourney.core import paths
from netjourney.core.errors import RecordError
from netjourney.core.guide import GuideError, load_guide
from netjourney.core.record import JourneyRecord


def run_gui(db_flag: str | None, exit_after_start: bool = False) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from netjourney.gui.main_window import MainWindow, quit_after_first_paint

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("NETJourney")
    app.setApplicationName("NET Journey")
    app.setDesktopFileName("io.github.netjourney.NETJourney")
    path = paths.resolve_database_path(db_flag)
    try:
        record = JourneyRecord.open(path, load_guide())
    except (RecordError, GuideError) as error:
        print(f"netjourney: {error}", file=sys.stderr)
        if not exit_after_start:
            QMessageBox.critical(None, "NET Journey cannot open your record", str(error))
        return 1
    try:
        window = MainWindow(record)
        if exit_after_start:
            quit_after_first_paint(window)
        window.show()
        return int(app.exec())
    finally:
        record.close()
