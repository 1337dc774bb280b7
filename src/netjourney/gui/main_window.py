"""The main window: a page list on the left, the pages (built when first shown) on the right."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from netjourney import __version__
from netjourney.core.errors import RecordError
from netjourney.core.record import JourneyRecord
from netjourney.gui.backup_scheduler import BackupScheduler
from netjourney.gui.theme import install_theme
from netjourney.gui.welcome import offer_welcome

if TYPE_CHECKING:
    from netjourney.gui.search_dialog import SearchDialog

# (page key, title in the page list); the order is the order of Ctrl+1, Ctrl+2, ...
PAGES = (
    ("home", "Home"),
    ("situation", "My situation"),
    ("guide", "Guide"),
    ("team", "Care team"),
    ("questions", "Questions"),
    ("appointments", "Appointments"),
    ("notes", "Notes"),
)


class MainWindow(QMainWindow):
    def __init__(self, record: JourneyRecord) -> None:
        super().__init__()
        self.record = record
        self.undo_stack = QUndoStack(self)
        self.pages: dict[str, QWidget] = {}
        self.factories: dict[str, Callable[[], QWidget]] = self._page_factories()
        self.search_dialog: SearchDialog | None = None
        self.backups = BackupScheduler(record.path, self)
        self.back_up_on_close = True
        self.backups.problem.connect(lambda text: self.statusBar().showMessage(text, 20000))
        self.setWindowTitle(f"NET Journey — {record.path}")
        self.nav = QListWidget()
        self.nav.setAccessibleName("Pages")
        self.nav.addItems([title for _key, title in PAGES])
        self.nav.setSpacing(4)
        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._apply_text_size()
        self.theme = install_theme()
        self.statusBar().addPermanentWidget(QLabel(f"Record: {record.path}"))
        self._build_menus()
        self.nav.currentRowChanged.connect(lambda row: self.show_page(PAGES[row][0]))
        self.nav.setCurrentRow(0)
        self.welcome = offer_welcome(self)
        self.resize(1200, 800)

    def _page_factories(self) -> dict[str, Callable[[], QWidget]]:
        # Imported here so start-up only pays for the pages the user opens.
        def home() -> QWidget:
            from netjourney.gui.pages.home import HomePage

            return HomePage(self.record)

        def guide() -> QWidget:
            from netjourney.gui.pages.guide import GuidePage

            page = GuidePage(self.record)
            page.add_requested.connect(self.add_about_section)
            return page

        def situation() -> QWidget:
            from netjourney.gui.situation.page import SituationPage

            page = SituationPage(self.record)
            page.section_requested.connect(lambda section_id: self.navigate("guide", section_id))
            return page

        def team() -> QWidget:
            from netjourney.gui.pages.team import TeamPage

            return TeamPage(self.record, self.undo_stack)

        def questions() -> QWidget:
            from netjourney.gui.pages.questions import QuestionsPage

            return QuestionsPage(self.record, self.undo_stack)

        def appointments() -> QWidget:
            from netjourney.gui.pages.appointments import AppointmentsPage

            return AppointmentsPage(self.record, self.undo_stack)

        def notes() -> QWidget:
            from netjourney.gui.pages.notes import NotesPage

            return NotesPage(self.record, self.undo_stack)

        return {
            "home": home,
            "situation": situation,
            "guide": guide,
            "team": team,
            "questions": questions,
            "appointments": appointments,
            "notes": notes,
        }

    def page(self, key: str) -> QWidget:
        """The page, built the first time it is asked for."""
        if key not in self.pages:
            page = self.factories[key]()
            for signal_name in ("navigate_requested",):
                if hasattr(page, signal_name):
                    getattr(page, signal_name).connect(self.navigate)
            if hasattr(page, "status_message"):
                page.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def show_page(self, key: str) -> QWidget:
        current = self.stack.currentWidget()
        if current is not None and hasattr(current, "flush"):
            current.flush()
        built_before = key in self.pages
        page = self.page(key)
        # A page built just now has just read the record; only an older one may be stale.
        if built_before and page is not current and hasattr(page, "refresh"):
            page.refresh()
        self.stack.setCurrentWidget(page)
        row = [k for k, _t in PAGES].index(key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        return page

    def navigate(self, key: str, record_key: str = "") -> None:
        page = self.show_page(key)
        if record_key and key == "guide":
            page.show_section(record_key)  # type: ignore[attr-defined]
        elif record_key.isdigit() and hasattr(page, "show_record"):
            page.show_record(int(record_key))
        elif record_key and hasattr(page, "show_filtered"):
            page.show_filtered(record_key)  # e.g. Home's "questions still to ask"

    def add_about_section(self, key: str, section_id: str) -> None:
        page = self.show_page(key)
        page.add_about_section(section_id)  # type: ignore[attr-defined]

    # -- menus -----------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(
            self._action("Share with family: journey &PDF…", self.export_pdf, "Ctrl+E")
        )
        file_menu.addAction(
            self._action("&Print the journey…", self.export_pdf, QKeySequence.StandardKey.Print)
        )
        file_menu.addAction(
            self._action("Upcoming appointments to a &calendar (.ics)…", self.export_calendar)
        )
        file_menu.addAction(self._action("Export everything as &JSON…", self.export_json))
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Backups…", self.open_backups))
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit))
        edit_menu = self.menuBar().addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        edit_menu.addAction(self._action("&Find…", self.open_search, QKeySequence.StandardKey.Find))
        view_menu = self.menuBar().addMenu("&View")
        view_menu.addAction(
            self._action(
                "&Larger text", lambda: self.change_text_size(1), QKeySequence.StandardKey.ZoomIn
            )
        )
        view_menu.addAction(
            self._action(
                "&Smaller text", lambda: self.change_text_size(-1), QKeySequence.StandardKey.ZoomOut
            )
        )
        view_menu.addAction(
            self._action("&Normal text size", lambda: self.change_text_size(0), "Ctrl+0")
        )
        self.theme.add_menu(view_menu)
        go_menu = self.menuBar().addMenu("&Go")
        for number, (key, title) in enumerate(PAGES, start=1):
            go_menu.addAction(
                self._action(title, lambda k=key: self.show_page(k), f"Ctrl+{number}")
            )
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("&About NET Journey", self.about))

    def change_text_size(self, steps: int) -> None:
        """Larger or smaller text on top of the system's size; 0 goes back to it."""
        settings = QSettings()
        size = int(settings.value("text_size_steps", 0)) + steps if steps else 0
        settings.setValue("text_size_steps", max(-3, min(size, 10)))
        self._apply_text_size()

    def _apply_text_size(self) -> None:
        steps = int(QSettings().value("text_size_steps", 0))
        font = QApplication.font()
        font.setPointSizeF(system_font_size() * (1 + 0.1 * steps))
        QApplication.setFont(font)
        nav_font = QFont(font)
        nav_font.setPointSizeF(font.pointSizeF() * 1.2)
        self.nav.setFont(nav_font)
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 32)

    def open_search(self) -> None:
        if self.search_dialog is None:
            from netjourney.gui.search_dialog import SearchDialog  # on first use: a faster start

            self.search_dialog = SearchDialog(self.record, self)
            self.search_dialog.open_requested.connect(self.navigate)
        self.search_dialog.show()
        self.search_dialog.raise_()
        self.search_dialog.query.setFocus()
        self.search_dialog.query.selectAll()

    def export_pdf(self) -> None:
        from netjourney.core.situation_store import journey_situation_blocks
        from netjourney.gui.export_dialog import JourneyExportDialog

        self.flush_all()
        dialog = JourneyExportDialog(self.record, self, journey_situation_blocks(self.record))
        dialog.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        dialog.open()

    def export_calendar(self) -> None:
        from netjourney.gui.export_dialog import save_calendar

        self.flush_all()
        runner = save_calendar(self.record, self)
        if runner is not None:
            runner.succeeded.connect(lambda text: self.statusBar().showMessage(text, 10000))

    def open_backups(self) -> None:
        from netjourney.gui.backups_window import BackupsWindow

        self.flush_all()
        window = BackupsWindow(self.record.path, self)
        window.restore_requested.connect(self.restore_backup)
        window.open()

    def restore_backup(self, backup: Path) -> None:
        """Close the record, restore the copy over it, and show the restored record."""
        from netjourney.core.recovery import restore_backup

        self.flush_all()
        path, guide = self.record.path, self.record.guide
        self.record.close()
        try:
            restore_backup(backup, path)
        except RecordError as error:
            QMessageBox.warning(self, "The backup was not restored", str(error))
        self.record = JourneyRecord.open(path, guide)
        self._rebuild_pages()
        self.statusBar().showMessage(f"Restored the backup {backup.name}.", 10000)

    def _rebuild_pages(self) -> None:
        """Pages hold the record they were built with: build them again on the new one."""
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.undo_stack.clear()
        self.show_page("home")

    def export_json(self) -> None:
        from netjourney.export.json_io import export_json
        from netjourney.gui.export_dialog import show_saved

        self.flush_all()
        target, _filter = QFileDialog.getSaveFileName(
            self,
            "Export everything as JSON",
            str(Path.home() / "netjourney-record.json"),
            "JSON files (*.json)",
        )
        if not target:
            return
        try:
            export_json(self.record, Path(target))
        except RecordError as error:
            QMessageBox.warning(self, "Export failed", str(error))
            return
        self.statusBar().showMessage(f"Exported to {target}", 8000)
        show_saved(self, Path(target))

    def about(self) -> None:
        source = self.record.guide.source
        QMessageBox.about(
            self,
            "About NET Journey",
            f"<h3>NET Journey {__version__}</h3>"
            "<p>An offline organizer for a lung neuroendocrine tumor treatment journey.</p>"
            f"<p>The guide retells “{source.title}” ({source.publisher}, revised "
            f"{source.revised:%B} {source.revised.day}, {source.revised.year}) in plain words: "
            f"{source.url}</p><p>{source.caution}</p>",
        )

    # -- closing ---------------------------------------------------------------
    def flush_all(self) -> bool:
        """Save every page's pending edit; False if any could not be saved."""
        return all(page.flush() for page in self.pages.values() if hasattr(page, "flush"))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.flush_all():
            self._closing()
            event.accept()
            return
        answer = QMessageBox.question(
            self,
            "Some changes are not saved",
            "An edit could not be saved (the message is shown next to it). "
            "Close anyway and lose that edit?",
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self._closing()
            event.accept()
        else:
            event.ignore()

    def _closing(self) -> None:
        """The last automatic backup, taken after every edit is saved."""
        self.backups.stop()
        if self.back_up_on_close:
            self.backups.back_up_if_due()


def system_font_size() -> float:
    from PySide6.QtGui import QFontDatabase

    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()


def quit_after_first_paint(window: MainWindow) -> None:
    """For --exit-after-start: leave once the window has really been painted."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class PaintWatcher(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)  # one quit, not one per paint
                QTimer.singleShot(0, QApplication.quit)
            return False

    window.back_up_on_close = False  # a scripted start changes nothing worth a copy
    window.installEventFilter(PaintWatcher(window))
