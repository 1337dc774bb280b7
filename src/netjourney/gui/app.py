"""Start the GUI: one instance, a record checked for damage, the main window."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from netjourney.core import paths
from netjourney.core.database import refuse_odd_place
from netjourney.core.errors import RecordError
from netjourney.core.guide import GuideError, load_guide
from netjourney.core.record import JourneyRecord
from netjourney.gui.damaged_file import handle_damage_at_start
from netjourney.gui.main_window import MainWindow, quit_after_first_paint
from netjourney.gui.single_instance import acquire_single_instance


def run_gui(db_flag: str | None, exit_after_start: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("NETJourney")
    app.setApplicationName("NET Journey")
    app.setDesktopFileName("io.github.netjourney.NETJourney")
    app.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "netjourney.svg")))
    path = paths.resolve_database_path(db_flag)

    def refuse(title: str, error: Exception) -> int:
        print(f"netjourney: {error}", file=sys.stderr)
        if not exit_after_start:
            QMessageBox.critical(None, title, str(error))
        return 1

    try:
        refuse_odd_place(path)
        instance = acquire_single_instance(path)
    except RecordError as error:
        return refuse("NET Journey cannot start", error)
    if instance is None:
        return 0  # the window already open was brought forward
    try:
        try:
            if not handle_damage_at_start(path, interactive=not exit_after_start):
                return 1 if exit_after_start else 0  # interactive: the user chose to quit
            record = JourneyRecord.open(path, load_guide())
        except (RecordError, GuideError) as error:
            return refuse("NET Journey cannot open your record", error)
        window = MainWindow(record)
        try:
            instance.activation_requested.connect(lambda: _bring_forward(window))
            if exit_after_start:
                quit_after_first_paint(window)
            window.show()
            return int(app.exec())
        finally:
            window.record.close()  # after a restore, the window holds a reopened record
    finally:
        instance.release()


def _bring_forward(window: QMainWindow) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()
