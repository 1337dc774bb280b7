"""The main window: a page list on the left, the pages (built when first shown) on the right.

It can be shown before its record is open (see gui/opening.py and app.py), so this
module imports nothing that needs the record: those imports sit where they are used.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from functools import cached_property
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from netjourney import __version__
from netjourney.gui.idle_work import IdleWork, user_moved
from netjourney.gui.menus import Menus, add_menus, fill_menus
from netjourney.gui.navigation import Navigation
from netjourney.gui.opening import HeldActions, after_first_paint, opening_home
from netjourney.gui.page_spec import PAGES, Page, PageLinks, build_page
from netjourney.gui.theme import install_theme

if TYPE_CHECKING:  # and the Qt classes used only later: each costs the first paint
    from PySide6.QtGui import QCloseEvent

    from netjourney.core.record import JourneyRecord
    from netjourney.gui.actions import Actions
    from netjourney.gui.backup_scheduler import BackupScheduler
    from netjourney.gui.message_bar import MessageBar
    from netjourney.gui.search_dialog import SearchDialog
    from netjourney.gui.welcome import Welcome


CHARTS_READY_AFTER_MS = 2000


class MainWindow(QMainWindow):
    record_actions: Actions
    backups: BackupScheduler
    welcome: Welcome

    def __init__(self, record: JourneyRecord | Path) -> None:
        """The window of `record`; given only the record file's path, the window without
        its record (Home says it is opening, pages and actions wait) until open_record()."""
        super().__init__()
        path = record if isinstance(record, Path) else record.path
        self.undo_stack = QUndoStack(self)
        self._stepping = False  # an undo or redo is running: show the page it changes
        self.pages: dict[str, QWidget] = {}  # built so far, by key
        self.specs: dict[str, Page] = {}  # the same pages, as the window uses them
        self.links = PageLinks(
            self.navigate, self.open_found, self.add_about_section, self.show_done
        )
        self.search_dialog: SearchDialog | None = None
        self.back_up_on_close = True
        self.setWindowTitle(f"NET Journey — {path}")
        self.nav = QListWidget()
        self.nav.setAccessibleName("Pages")
        self.nav.addItems([title for _key, title in PAGES])
        self.nav.setSpacing(4)
        self.stack = QStackedWidget()
        self._lay_out()
        self._apply_text_size()
        self.theme = install_theme(outlined=False)  # outlined once the record is open
        self.statusBar().addPermanentWidget(QLabel(f"Record: {path}"))
        self.navigation = Navigation(self)  # before the first page is shown: it is the first place
        menus = add_menus(self)
        self._unfilled_menus: Menus | None = menus
        self.resize(1200, 800)
        self.is_open = False
        # What the first frame offers: the menus' titles and the toolbar's context menu.
        shown = [*(menu.menuAction() for menu in menus), self.navigation.toolbar.toggleViewAction()]
        self._held = HeldActions(self, shown)
        self.nav.setCurrentRow(0)
        self.nav.setEnabled(False)
        self._opening = opening_home()
        self.stack.addWidget(self._opening)
        if not isinstance(record, Path):
            self.open_record(record)

    def open_record(self, record: JourneyRecord) -> None:
        """Give the window its record: Home is filled, and the pages and actions work."""
        from netjourney.gui.actions import Actions
        from netjourney.gui.backup_scheduler import BackupScheduler
        from netjourney.gui.welcome import offer_welcome
        from netjourney.gui.window_keys import UndoFallsThrough

        self.fill_menus()  # unless it was done after the first paint
        self.theme.outline()  # before the pages: fewer widgets to give the new style
        _ready_for_any_page()
        self.record_actions = Actions(record, self.undo_stack, self)
        self.record_actions.problem.connect(self.show_problem)
        self.record_actions.done.connect(self.show_done)
        self.record_actions.record_changed.connect(self._show_stepped_change)
        self.backups = BackupScheduler(record.path, self)
        self.backups.problem.connect(self.show_problem)
        self.show_page("home")
        self.stack.removeWidget(self._opening)
        self._opening.deleteLater()
        self.nav.currentRowChanged.connect(lambda row: self.show_page(PAGES[row][0]))
        self.nav.setEnabled(True)
        self._held.release()
        # Watched only from now: until the record is open, Undo and Back have nothing to do.
        UndoFallsThrough(self)  # Ctrl+Z reaches Edit > Undo even from a field with no undo
        self.navigation.follow_mouse_buttons()
        self.is_open = True
        self.welcome = offer_welcome(self)
        if self.isActiveWindow() and self.focusWidget() is None:
            self.nav.setFocus()  # the page list was disabled, so nothing had the keys
        IdleWork(self, CHARTS_READY_AFTER_MS, _load_drawing_library)
        # What is alive now lives as long as the window (Qt's and SQLAlchemy's classes, the
        # models, the guide): kept out of every later full collection, which otherwise
        # walked all of it on whichever page happened to be opened then (70 ms).
        gc.freeze()

    def fill_menus(self) -> None:
        """The menus' entries, once (see add_menus), held like every action until the
        record is open: app.py builds them right after the first paint."""
        if self._unfilled_menus is not None:
            fill_menus(self, self._unfilled_menus)
            self._unfilled_menus = None
            self._held.hold()

    @property
    def record(self) -> JourneyRecord:
        return self.record_actions.record

    def _lay_out(self) -> None:
        pages = QWidget()
        pages_layout = QHBoxLayout(pages)
        pages_layout.setContentsMargins(0, 0, 0, 0)
        pages_layout.addWidget(self.nav)
        pages_layout.addWidget(self.stack, 1)
        central = QWidget()
        self._central_layout = QVBoxLayout(central)
        self._central_layout.addWidget(pages, 1)  # under the message bar, once there is one
        self.setCentralWidget(central)

    @cached_property
    def messages(self) -> MessageBar:
        """The bar above the pages, built the first time there is something to tell: it is
        hidden until then, so the first frame does without it (and without the Qt namespace's
        hundred enums its module needs, a tenth of a bare window)."""
        from netjourney.gui.message_bar import MessageBar

        bar = MessageBar()
        bar.undo_requested.connect(self.undo)
        self._central_layout.insertWidget(0, bar)
        return bar

    def show_problem(self, message: str) -> None:
        """A slot of the window (a thread's signal is queued to it) that builds no bar
        until there is a problem to tell."""
        self.messages.show_problem(message)

    def show_done(self, message: str, undo: bool = False) -> None:
        self.messages.show_done(message, undo)

    def page(self, key: str) -> QWidget:
        """The page, built the first time it is asked for."""
        if key not in self.pages:
            built = build_page(key, self.record_actions, self.links)
            self.pages[key], self.specs[key] = built.widget, built.page
            self.stack.addWidget(built.widget)
        return self.pages[key]

    def show_page(self, key: str) -> QWidget:
        user_moved()
        current = self._current_key()
        if current is not None:
            self.specs[current].flush()  # a refused save stays in its form; the bar says so
        built_before = key in self.pages
        page = self.page(key)
        # A page built just now has just read the record; only an older one may be stale.
        if built_before and key != current:
            self.specs[key].refresh()
        self.stack.setCurrentWidget(page)
        row = [k for k, _t in PAGES].index(key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        return page

    def _current_key(self) -> str | None:
        shown = self.stack.currentWidget()
        return next((key for key, page in self.pages.items() if page is shown), None)

    def navigate(self, key: str, item_key: str = "") -> None:
        self.show_page(key)
        self.specs[key].open_item(item_key)

    def open_item(self, key: str, item_key: str, child_key: str) -> None:
        """On the page shown, an item and (if not "") a child chosen inside it."""
        self.specs[key].open_item(item_key)
        if child_key:
            self.specs[key].open_child(child_key)

    def open_found(self, kind: str, key: str) -> None:
        """A search hit or a record linked to a guide section, on its page; a child kind's
        record (an option, a dose) opens its parent there, the child chosen inside it."""
        from netjourney.core.search_results import opening_of

        opening = opening_of(self.record, kind, key)
        self.show_page(opening.page)
        self.open_item(opening.page, opening.item, opening.child)

    def add_about_section(self, key: str, section_id: str) -> None:
        from netjourney.gui.record_page import RecordPage

        page = self.show_page(key)
        if isinstance(page, RecordPage):
            page.add_about_section(section_id)

    def undo(self) -> None:
        self._take_step(self.undo_stack.undoText, self.undo_stack.undo, "Undone")

    def redo(self) -> None:
        self._take_step(self.undo_stack.redoText, self.undo_stack.redo, "Redone")

    def _take_step(self, text: Callable[[], str], step: Callable[[], None], verb: str) -> None:
        """Save what is being typed first, so the step is the latest change; then show the
        page it changed, and say what was done (a failure says so itself)."""
        self.flush_all()
        what, problems = text(), self.record_actions.problems_told
        self._stepping = True
        try:
            step()
        finally:
            self._stepping = False
        if what and self.record_actions.problems_told == problems:
            self.messages.show_done(f"{verb}: {what}.")

    def _show_stepped_change(self, model: type[Any], _record_id: int | None) -> None:
        if not self._stepping:
            return
        from netjourney.gui.record_page import RecordPage

        for key, page in self.pages.items():
            if isinstance(page, RecordPage) and page.model is model:
                if self.stack.currentWidget() is not page:
                    self.show_page(key)
                return

    def change_text_size(self, steps: int) -> None:
        """Larger or smaller text on top of the system's size; 0 goes back to it."""
        settings = QSettings()
        size = text_size_steps() + steps if steps else 0
        settings.setValue("text_size_steps", max(-3, min(size, 10)))
        self._apply_text_size()

    def _apply_text_size(self) -> None:
        steps = text_size_steps()
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
            self.search_dialog.open_requested.connect(self.open_found)
        self.search_dialog.show()
        self.search_dialog.raise_()
        self.search_dialog.query.setFocus()
        self.search_dialog.query.selectAll()

    def export_pdf(self, document: str = "journey") -> None:
        from netjourney.core.situation_store import journey_situation_blocks
        from netjourney.gui.export_dialog import Document, JourneyExportDialog

        self.flush_all()
        dialog = JourneyExportDialog(
            self.record, self, journey_situation_blocks(self.record), Document(document)
        )
        dialog.message.connect(lambda text: self.messages.show_done(text))
        dialog.open()

    def export_summary(self) -> None:
        """The export dialog with the clinical summary for a new doctor chosen."""
        self.export_pdf("summary")

    def export_calendar(self) -> None:
        from netjourney.gui.export_dialog import save_calendar

        self.flush_all()
        runner = save_calendar(self.record, self)
        if runner is not None:
            runner.succeeded.connect(lambda text: self.messages.show_done(text))

    def open_backups(self) -> None:
        from netjourney.gui.backups_window import BackupsWindow

        self.flush_all()
        window = BackupsWindow(self.record.path, self)
        window.restore_requested.connect(self.restore_backup)
        window.open()

    def restore_backup(self, backup: Path) -> None:
        """Put a backup in place of the record, as an undoable action."""
        if not self.flush_all():  # the pages are rebuilt: an unsaved edit would be lost
            self.messages.show_problem(
                f"The backup {backup.name} was not restored: an edit is not saved yet. "
                "Your text is still in its form; try again once it is saved."
            )
            return
        from netjourney.gui.actions import ReplaceRecordFile

        command = ReplaceRecordFile(self.record_actions, backup, self._replace_record_file)
        self.record_actions.push(
            command, done=f"Restored the backup {backup.name}.", offer_undo=True
        )

    def _replace_record_file(self, copy: Path) -> Path | None:
        """Close the record, restore `copy` over it, open it again (restored or not) and
        show it; return the file the restore set aside. Raises if nothing was restored."""
        from netjourney.core.record import JourneyRecord
        from netjourney.core.recovery import restore_backup

        path, guide = self.record.path, self.record.guide
        self.record.close()
        try:
            restored = restore_backup(copy, path)
        finally:
            self.record_actions.record = JourneyRecord.open(path, guide)
            self._rebuild_pages()
        return restored.set_aside

    def _rebuild_pages(self) -> None:
        """Pages hold the record they were built with: build them again on the new one."""
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.specs.clear()
        self.navigation.forget_items()
        self.show_page("home")

    def export_json(self) -> None:
        from PySide6.QtWidgets import QFileDialog

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
        if self.record_actions.attempt(
            lambda: export_json(self.record, Path(target)), "Export failed", "Nothing was written."
        ):
            self.messages.show_done(f"Exported to {target}")
            show_saved(self, Path(target))

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from netjourney.core.dates import long_date

        source = self.record.guide.source
        QMessageBox.about(
            self,
            "About NET Journey",
            f"<h3>NET Journey {__version__}</h3>"
            "<p>An offline organizer for a lung neuroendocrine tumor treatment journey.</p>"
            f"<p>The guide retells “{source.title}” ({source.publisher}, revised "
            f"{long_date(source.revised, weekday=False)}) in plain words: "
            f"{source.url}</p><p>{source.caution}</p>",
        )

    # -- closing ---------------------------------------------------------------
    def flush_all(self) -> bool:
        """Save every page's pending edit; False if any could not be saved."""
        return all([page.flush() for page in self.specs.values()])  # each one tries

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.flush_all():
            self._closing()
            event.accept()
            return
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            "Some changes are not saved",
            "An edit could not be saved (the message at the top of the window says why). "
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
        if not self.is_open:
            return  # closed while opening: nothing was shown, so nothing was changed
        exports = sys.modules.get("netjourney.gui.export_dialog")
        if exports is not None:  # not imported: nothing was exported, nothing to cancel
            exports.cancel_exports_of(self)  # before stop(), which waits for the thread pool
        self.backups.stop()
        if self.back_up_on_close:
            self.backups.back_up_if_due()


def text_size_steps() -> int:
    """Steps of 10% above (or below) the system's text size, as the user last chose."""
    value = QSettings().value("text_size_steps", 0)
    return int(value) if isinstance(value, int | str) else 0


def system_font_size() -> float:
    from PySide6.QtGui import QFontDatabase

    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()


def quit_after_first_paint(widget: QWidget) -> None:
    """For --exit-after-start: leave once the widget has really been painted."""
    after_first_paint(widget, QApplication.quit)


def _ready_for_any_page() -> None:
    """Home is filled from a plain read (core/plain_read.py: no Babel, no ORM, no charts), so
    what the pages share would be paid by whichever page the user opens first: pay it now,
    while the record opens."""
    from sqlalchemy.orm import configure_mappers

    from netjourney.core.dates import date_pattern

    date_pattern("yMMMd")  # Babel's region data, for every page's date fields
    configure_mappers()  # on the first query that loads a model: 40 ms for the 20 models
    import_module("netjourney.gui.chart_view")  # the charts' pages: QtSvg and more, 20 ms


def _load_drawing_library() -> None:
    from netjourney.core.journey.charts import load_drawing_library

    load_drawing_library()
