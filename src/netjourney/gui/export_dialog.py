"""Sharing from the window: the journey PDF dialog, visit sheets, the calendar file, printing.

Every export runs on a worker thread (QThreadPool) behind a progress dialog that
can cancel it; its result or its error comes back to the GUI thread through
queued signals. Nothing is written until the document is complete, so a cancel
or a failure leaves any earlier file untouched.

Printing: PySide6-Essentials has no QtPdf to draw a PDF's pages onto a printer,
so `print_pdf` opens the finished PDF in the system's PDF viewer, from which the
user prints it.
"""

from __future__ import annotations

import enum
import itertools
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QObject,
    QRunnable,
    QSettings,
    QStandardPaths,
    Qt,
    QThreadPool,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from netjourney.core.errors import InvalidInputError, RecordError
from netjourney.core.print_copies import print_folder, remove_own_print_copies
from netjourney.core.record import JourneyRecord
from netjourney.export.content import (
    JourneyOptions,
    PageCallback,
    Paper,
    SituationBlock,
    default_paper,
)
from netjourney.export.parts import Part
from netjourney.gui.date_formats import show_dates_as_lists_do

if TYPE_CHECKING:
    from netjourney.export.summary_content import SummaryOptions

ExportWork = Callable[[PageCallback], int]
"""Builds and writes one file, telling each finished page; returns pages (or events) written."""

_FOLDER_SETTING = "export/folder"
_PROGRESS_DELAY_MS = 400  # quick exports finish before a progress dialog would flash up


class ExportCancelled(Exception):
    """Raised inside a running export when the user pressed Cancel."""


@dataclass(frozen=True)
class ExportTask:
    what: str  # e.g. "the journey PDF", for progress and error messages
    destination: Path
    work: ExportWork
    done_text: Callable[[int], str]  # the message on success, given work's result
    then: Callable[[Path], object] | None = None  # e.g. open it to print


class _WorkerSignals(QObject):
    page = Signal(int)
    finished = Signal(int)
    failed = Signal(str)
    cancelled = Signal()


class _Worker(QRunnable):
    """Deleted by the thread pool when done; its signals belong to the runner, in the GUI thread."""

    def __init__(self, task: ExportTask, stop: threading.Event, signals: _WorkerSignals) -> None:
        super().__init__()
        self.task = task
        self.stop = stop
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.task.work(self._page_done)
        except ExportCancelled:
            self.signals.cancelled.emit()
        except RecordError as error:  # its message already says what to do
            self.signals.failed.emit(str(error))
        except Exception as error:  # a failure in a thread must still reach the user
            self.signals.failed.emit(
                f"{self.task.what[:1].upper()}{self.task.what[1:]} could not be made ({error}). "
                f"Nothing was written to {self.task.destination}. Try again; if it keeps "
                "failing, leave out some parts or dates and report this message."
            )
        else:
            self.signals.finished.emit(result)

    def _page_done(self, page: int) -> None:
        if self.stop.is_set():
            raise ExportCancelled
        self.signals.page.emit(page)


class ExportRunner(QObject):
    """Runs exports off the GUI thread, one at a time, with progress, Cancel and clear errors.

    `succeeded` carries a message for the status bar; `ended` fires in every case.
    It lives as a child of its parent widget.
    """

    succeeded = Signal(str)
    ended = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.error_box: QMessageBox | None = None
        self.notice: SavedNotice | None = None
        self._stop = threading.Event()
        self._signals: _WorkerSignals | None = None
        self._progress: QProgressDialog | None = None
        self._task: ExportTask | None = None

    @property
    def running(self) -> bool:
        return self._signals is not None

    def start(self, task: ExportTask) -> None:
        """Start the export; ignored while another one of this runner is still running."""
        if self.running:
            return
        self._task = task
        self._stop.clear()
        self._progress = QProgressDialog(f"Making {task.what}…", "Cancel", 0, 0, self.parent_widget)
        self._progress.setWindowTitle("Exporting")
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(_PROGRESS_DELAY_MS)
        self._progress.canceled.connect(self.cancel)
        self._signals = _WorkerSignals(self)
        self._signals.page.connect(self._show_page)
        self._signals.finished.connect(self._finish)
        self._signals.failed.connect(self._fail)
        self._signals.cancelled.connect(self._end)
        QThreadPool.globalInstance().start(_Worker(task, self._stop, self._signals))

    def cancel(self) -> None:
        self._stop.set()

    def _show_page(self, page: int) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.setLabelText(f"Making {self._task.what}: page {page}…")

    def _finish(self, result: int) -> None:
        task = self._task
        self._end()
        if task is not None:
            self.succeeded.emit(task.done_text(result))
            if task.then is not None:
                task.then(task.destination)
            else:
                self.notice = show_saved(self._notice_parent(), task.destination)

    def _notice_parent(self) -> QWidget:
        """The window the export was started from: an export dialog closes once done."""
        widget = self.parent_widget
        parent = widget.parentWidget()
        while isinstance(widget, QDialog) and parent is not None:
            widget, parent = parent, parent.parentWidget()
        return widget

    def _fail(self, message: str) -> None:
        self._end()
        self.error_box = show_warning(self.parent_widget, "Export failed", message)

    def _end(self) -> None:
        if self._progress is not None:
            self._progress.canceled.disconnect(self.cancel)
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None
        if self._signals is not None:
            self._signals.deleteLater()  # not now: it is emitting the signal that got us here
            self._signals = None
        self.ended.emit()


def cancel_exports_of(window: QWidget) -> None:
    """Closing the window stops its running exports at their next page (nothing is written)
    instead of waiting for them to finish."""
    for runner in window.findChildren(ExportRunner):
        runner.cancel()


class Document(enum.StrEnum):
    """The documents the export dialog makes."""

    JOURNEY = "journey"
    SUMMARY = "summary"

    @property
    def label(self) -> str:
        return _DOCUMENT_WORDS[self][0]

    @property
    def window_title(self) -> str:
        return _DOCUMENT_WORDS[self][1]


_DOCUMENT_WORDS = {  # the choice in the dialog, and the dialog's title while chosen
    Document.JOURNEY: ("Journey PDF to share with family", "Share with family: journey PDF"),
    Document.SUMMARY: (
        "Clinical summary for a new doctor (two pages)",
        "Clinical summary for a new doctor",
    ),
}


class SummaryChoices(QGroupBox):
    """The summary's own choices: the date of birth and whose questions it lists.

    The name and date of birth are printed, never stored: the record has no place for them.
    """

    NEXT_VISIT, EVERY_OPEN = "next", "open"

    def __init__(self, record: JourneyRecord, parent: QWidget | None = None) -> None:
        super().__init__("For the new doctor", parent)
        from netjourney.export.summary_content import upcoming_visits

        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText("YYYY-MM-DD, optional")
        self.birth_date.setAccessibleName("Date of birth, printed on every page")
        self.questions = QComboBox()
        self.questions.setAccessibleName("Questions to list")
        # A visit's long "with whom" must not widen the dialog past the screen.
        self.questions.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.questions.setMinimumContentsLength(36)
        self.questions.addItem("Open questions for the next appointment", self.NEXT_VISIT)
        self.questions.addItem("Every open question", self.EVERY_OPEN)
        for number, label in upcoming_visits(record):
            self.questions.addItem(f"Open questions for the visit on {label}", number)
        form = QFormLayout(self)
        form.addRow("Date of &birth:", self.birth_date)
        form.addRow("&Questions:", self.questions)
        note = QLabel("The name and date of birth are printed on each page, never saved.")
        note.setWordWrap(True)
        form.addRow(note)

    def options(self, patient_name: str, paper: Paper) -> SummaryOptions:
        """The choices as shown; raises InvalidInputError for a date of birth that is none."""
        from netjourney.export.summary_content import QuestionsFor, SummaryOptions

        chosen = self.questions.currentData()
        return SummaryOptions(
            patient_name=patient_name,
            birth_date=_birth_date(self.birth_date.text()),
            questions=QuestionsFor(chosen) if isinstance(chosen, str) else QuestionsFor.NEXT,
            appointment_id=chosen if isinstance(chosen, int) else None,
            paper=paper,
        )


def _birth_date(text: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInputError(
            f"{text.strip()[:40]!r} is not a date of birth; write it as YYYY-MM-DD, "
            "e.g. 1958-03-02, or leave it empty."
        ) from None


class JourneyExportDialog(QDialog):
    """The choices for the journey PDF; the defaults suit a copy for a family member."""

    message = Signal(str)  # "Saved 8 pages to …", for the status bar

    def __init__(
        self,
        record: JourneyRecord,
        parent: QWidget | None = None,
        situation_blocks: Sequence[SituationBlock] = (),
        document: Document = Document.JOURNEY,
    ) -> None:
        super().__init__(parent)
        self.record = record
        self.situation_blocks = tuple(situation_blocks)
        self.runner = ExportRunner(self)
        self.error_box: QMessageBox | None = None
        self.runner.succeeded.connect(self.message)
        self.runner.succeeded.connect(self.accept)
        self.runner.ended.connect(lambda: self._set_buttons_enabled(True))
        self.setWindowTitle("Share with family: journey PDF")
        self.patient_name = QLineEdit()
        self.patient_name.setPlaceholderText("optional")
        self.patient_name.setAccessibleName("Patient's name on the cover")
        self.include_private = QCheckBox("Include private notes")
        self.paper = QComboBox()
        self.paper.setAccessibleName("Paper size")
        for paper, label in ((Paper.LETTER, "US Letter"), (Paper.A4, "A4")):
            self.paper.addItem(label, paper)
        self.paper.setCurrentIndex(self.paper.findData(default_paper()))
        self.dates = self._date_range()
        self.parts = self._part_boxes()
        self._lay_out()
        self.summary_choices = SummaryChoices(record, self)
        self._add_document_choice(document)

    def _date_range(self) -> QGroupBox:
        box = QGroupBox("Only appointments and notes between two dates")
        box.setCheckable(True)
        box.setChecked(False)
        today = QDate.currentDate()
        self.date_from = self._date_edit("From date", today.addYears(-1))
        self.date_to = self._date_edit("To date", today.addYears(1))
        form = QFormLayout(box)
        form.addRow("From:", self.date_from)
        form.addRow("To:", self.date_to)
        return box

    def _date_edit(self, name: str, value: QDate) -> QDateEdit:
        edit = QDateEdit(value)
        show_dates_as_lists_do(edit)  # as the record's editors show dates
        edit.setCalendarPopup(True)
        edit.setAccessibleName(name)
        return edit

    def _part_boxes(self) -> dict[Part, QCheckBox]:
        boxes = {part: QCheckBox(part.heading) for part in Part}
        for part, box in boxes.items():
            available = part is not Part.SITUATION or bool(self.situation_blocks)
            box.setChecked(available)
            box.setEnabled(available)
        if not self.situation_blocks:
            boxes[Part.SITUATION].setToolTip("Fill in My situation to include it")
        return boxes

    def _lay_out(self) -> None:
        self.form = form = QFormLayout()
        self.name_label = QLabel("Name on the cover:")
        form.addRow(self.name_label, self.patient_name)
        form.addRow("Paper:", self.paper)
        form.addRow("", self.include_private)
        self.parts_box = parts_box = QGroupBox("Parts to include")
        parts_layout = QVBoxLayout(parts_box)
        for box in self.parts.values():
            parts_layout.addWidget(box)
        self.hint = hint = QLabel(
            "Private notes stay out of the PDF unless you tick the box above."
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton("Save PDF…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button = buttons.addButton("Print…", QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.save)
        self.print_button.clicked.connect(self.print_)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.dates)
        layout.addWidget(parts_box)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        # Only once the button is inside the dialog does Qt keep it as the default: set
        # earlier, Qt gives Enter to the first button in the focus chain, Cancel.
        self.save_button.setDefault(True)

    def options(self) -> JourneyOptions:
        """The choices as shown; raises InvalidInputError for a reversed date range."""
        dated = self.dates.isChecked()
        return JourneyOptions(
            include_private=self.include_private.isChecked(),
            date_from=_python_date(self.date_from) if dated else None,
            date_to=_python_date(self.date_to) if dated else None,
            parts=frozenset(part for part, box in self.parts.items() if box.isChecked()),
            patient_name=self.patient_name.text(),
            situation_blocks=self.situation_blocks,
            paper=Paper(self.paper.currentData()),
        )

    def _add_document_choice(self, document: Document) -> None:
        """The choice of document above the rest; the summary's own choices below the
        paper, shown (and the journey's hidden) while the summary is chosen."""
        self.document = QComboBox()
        self.document.setAccessibleName("Document to make")
        for choice in Document:
            self.document.addItem(choice.label, choice)
        self.form.insertRow(0, "&Document:", self.document)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.summary_choices)
        choices = self.summary_choices
        tab_order = [self.document, self.patient_name, self.paper, choices.birth_date]
        tab_order += [choices.questions, self.include_private]
        for before, after in itertools.pairwise(tab_order):
            QWidget.setTabOrder(before, after)
        self.document.currentIndexChanged.connect(self._show_document_choices)
        self.document.setCurrentIndex(self.document.findData(document))
        self._show_document_choices()

    def chosen_document(self) -> Document:
        return Document(self.document.currentData())

    def _show_document_choices(self) -> None:
        summary = self.chosen_document() is Document.SUMMARY
        for journey_only in (self.include_private, self.dates, self.parts_box, self.hint):
            journey_only.setVisible(not summary)
        self.summary_choices.setVisible(summary)
        where = "at the top of each page" if summary else "on the cover"
        self.name_label.setText(f"Name {where}:")
        self.patient_name.setAccessibleName(f"Patient's name {where}")
        self.setWindowTitle(self.chosen_document().window_title)
        self.adjustSize()

    def save(self) -> None:
        if self.chosen_document() is Document.SUMMARY:
            self._save_summary(print_it=False)
            return
        options = self._checked_options()
        if options is None:
            return
        destination = ask_save_path(
            self, "Save the journey PDF", "journey.pdf", "PDF files (*.pdf)"
        )
        if destination is not None:
            self._run(options, destination, then=None)

    def print_(self) -> None:
        if self.chosen_document() is Document.SUMMARY:
            self._save_summary(print_it=True)
            return
        options = self._checked_options()
        if options is not None:
            destination = fresh_print_path("journey")
            self._run(options, destination, then=lambda path: print_pdf(path, self))

    def _run(
        self, options: JourneyOptions, destination: Path, then: Callable[[Path], object] | None
    ) -> None:
        from netjourney.export.pdf_journey import export_journey_pdf

        def work(on_page: PageCallback) -> int:
            return export_journey_pdf(self.record, destination, options, on_page=on_page)

        self._set_buttons_enabled(False)
        self.runner.start(
            ExportTask(
                "the journey PDF",
                destination,
                work,
                lambda pages: f"Saved {_pages(pages)} to {destination}",
                then,
            )
        )

    def _save_summary(self, print_it: bool) -> None:
        from netjourney.export.pdf_summary import export_summary

        try:
            options = self.summary_choices.options(
                self.patient_name.text(), Paper(self.paper.currentData())
            )
        except RecordError as error:
            self.error_box = show_warning(self, "Check the summary's details", str(error))
            return
        if print_it:
            destination: Path | None = fresh_print_path("summary")
        else:
            destination = ask_save_path(
                self, "Save the clinical summary", "clinical-summary.pdf", "PDF files (*.pdf)"
            )
        if destination is None:
            return
        target = destination

        def work(on_page: PageCallback) -> int:
            return export_summary(self.record, target, options, on_page=on_page)

        self._set_buttons_enabled(False)
        self.runner.start(
            ExportTask(
                "the clinical summary",
                target,
                work,
                lambda pages: f"Saved the clinical summary ({_pages(pages)}) to {target}",
                (lambda path: print_pdf(path, self)) if print_it else None,
            )
        )

    def _set_buttons_enabled(self, enabled: bool) -> None:
        self.save_button.setEnabled(enabled)
        self.print_button.setEnabled(enabled)

    def _checked_options(self) -> JourneyOptions | None:
        try:
            return self.options()
        except RecordError as error:
            self.error_box = show_warning(self, "Check the dates", str(error))
            return None


def save_visit_sheet(
    record: JourneyRecord, appointment_id: int, parent: QWidget
) -> ExportRunner | None:
    """Ask where, then write the visit sheet; None if the user cancelled the file dialog."""
    destination = ask_save_path(
        parent, "Save the visit sheet", f"visit-{appointment_id}.pdf", "PDF files (*.pdf)"
    )
    if destination is None:
        return None
    return _run_visit_sheet(record, appointment_id, destination, parent, then=None)


def print_visit_sheet(record: JourneyRecord, appointment_id: int, parent: QWidget) -> ExportRunner:
    destination = fresh_print_path(f"visit-{appointment_id}")
    return _run_visit_sheet(
        record, appointment_id, destination, parent, then=lambda path: print_pdf(path, parent)
    )


def _run_visit_sheet(
    record: JourneyRecord,
    appointment_id: int,
    destination: Path,
    parent: QWidget,
    then: Callable[[Path], object] | None,
) -> ExportRunner:
    from netjourney.export.pdf_visit_sheet import export_visit_sheet

    runner = ExportRunner(parent)
    runner.start(
        ExportTask(
            "the visit sheet",
            destination,
            lambda _on_page: export_visit_sheet(record, appointment_id, destination),
            lambda pages: f"Saved the visit sheet ({_pages(pages)}) to {destination}",
            then,
        )
    )
    return runner


def save_calendar(record: JourneyRecord, parent: QWidget) -> ExportRunner | None:
    """Ask where, then write the upcoming appointments as an .ics file."""
    from netjourney.export.ics import export_ics

    destination = ask_save_path(
        parent, "Save the appointments for a calendar", "appointments.ics", "Calendar files (*.ics)"
    )
    if destination is None:
        return None
    runner = ExportRunner(parent)
    runner.start(
        ExportTask(
            "the calendar file",
            destination,
            lambda _on_page: export_ics(record, destination),
            lambda count: (
                f"Saved {count} upcoming appointment{'' if count == 1 else 's'} to {destination}"
            ),
        )
    )
    return runner


def ask_save_path(parent: QWidget, caption: str, file_name: str, file_filter: str) -> Path | None:
    """The native save dialog, starting in the folder used last; None if cancelled."""
    settings = QSettings()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = str(settings.value(_FOLDER_SETTING, documents or str(Path.home())))
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, caption, str(Path(folder) / file_name), file_filter
    )
    if not chosen:
        return None
    path = Path(chosen)
    suffix = Path(file_name).suffix
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    settings.setValue(_FOLDER_SETTING, str(path.parent))
    return path


def print_pdf(path: Path, parent: QWidget) -> bool:
    """Open the PDF in the system's viewer to print it (QtPdf is not in PySide6-Essentials)."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    show_warning(
        parent,
        "No PDF viewer found",
        f"The PDF is ready at {path}, but no program to open PDF files was found. "
        "Install a PDF reader, open that file with it and print from there.",
    )
    return False


class SavedNotice(QMessageBox):
    """After a save: where the file is, with Open and Show in folder."""

    def __init__(self, parent: QWidget, path: Path) -> None:
        super().__init__(QMessageBox.Icon.Information, "Saved", f"Saved {path.name}", parent=parent)
        self.path = path
        self.setInformativeText(f"It is in {path.parent}")
        self.open_button = self.addButton("&Open", QMessageBox.ButtonRole.AcceptRole)
        self.folder_button = self.addButton("Show in &folder", QMessageBox.ButtonRole.ActionRole)
        self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(self.open_button)
        self.open_button.setAccessibleName(f"Open {path.name}")
        self.folder_button.setAccessibleName(f"Show {path.name} in its folder")
        self.open_button.clicked.connect(lambda: _open_location(self, path))
        self.folder_button.clicked.connect(lambda: _open_location(self, path.parent))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


def show_saved(parent: QWidget, path: Path) -> SavedNotice:
    notice = SavedNotice(parent, path)
    notice.open()
    return notice


def _open_location(parent: QWidget, path: Path) -> None:
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        show_warning(
            parent,
            "Could not open it",
            f"No program to open {path} was found. It is saved; open it from your file manager.",
        )


def show_warning(parent: QWidget, title: str, message: str) -> QMessageBox:
    """A window-modal warning that does not block the event loop (the export may still report)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def fresh_print_path(stem: str) -> Path:
    """A new PDF name in a folder only this user can read; a viewer may still hold older ones."""
    return _print_folder() / f"{stem}-{next(_print_numbers)}.pdf"


_print_numbers = count(1)


@cache
def _print_folder() -> Path:
    """This run's private folder (core/print_copies.py), removed when the app quits."""
    application = QCoreApplication.instance()
    if application is not None:
        application.aboutToQuit.connect(remove_own_print_copies)
    return print_folder()


def _python_date(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def _pages(count: int) -> str:
    return f"{count} page{'' if count == 1 else 's'}"
