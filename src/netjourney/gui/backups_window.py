"""The Backups window: every copy of the record with its date and counts; restore one.

Restoring replaces the open record, so the window only asks: the main window closes
the record, calls recovery.restore_backup() and opens the record again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from netjourney.core import backups
from netjourney.core.database import backup_folder
from netjourney.core.dates import short_date_time
from netjourney.core.errors import RecordError

# "No." ranks the copies as they were taken: the clock may have been set back since.
# What a copy holds is one sentence that wraps, not a column per kind of record.
COLUMNS = ("No.", "Taken", "Kind", "What it holds")
EXPLANATION = (
    "While NET Journey is open it saves a checked copy of your record every 30 minutes. "
    "It keeps the latest few, then one a day for 12 days, one a week for 10 weeks and "
    "one a month for 9 months: about a year. Copies still hold notes you have since "
    "deleted, until they are rotated out.\n\nThe copies are in {folder}"
)


class BackupsWindow(QDialog):
    restore_requested = Signal(Path)

    def __init__(self, record_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record_path = record_path
        self.backups: list[backups.Backup] = []
        self.setWindowTitle("Backups")
        explanation = QLabel(EXPLANATION.format(folder=backup_folder(record_path)))
        explanation.setWordWrap(True)
        explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = self._build_table()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Backup status")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.back_up_button = QPushButton("&Back up now")
        self.restore_button = QPushButton("&Restore…")
        for button in (self.back_up_button, self.restore_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.ask_to_restore)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (explanation, self.table, self.status, buttons):
            layout.addWidget(widget)
        self.table.itemSelectionChanged.connect(self._enable_restore)
        self.refresh()
        self.resize(820, 480)

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS))
        table.setHorizontalHeaderLabels(COLUMNS)
        table.setAccessibleName("Backups")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab moves on to the buttons; arrows move rows
        table.verticalHeader().hide()
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.doubleClicked.connect(lambda _index: self.ask_to_restore())
        return table

    def refresh(self) -> None:
        self.backups = backups.list_backups(self.record_path)
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            for column, text in enumerate(row_texts(backup)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if not self.backups:
            self.status.setText("There are no backups yet.")
        self._enable_restore()

    def selected(self) -> backups.Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _enable_restore(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def back_up_now(self) -> None:
        try:
            backup = backups.back_up_now(self.record_path)
        except RecordError as error:
            self.status.setText(str(error))
            return
        self.refresh()
        self.status.setText(f"Backed up and checked: {backup.path.name}")

    def ask_to_restore(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        question = QMessageBox(
            QMessageBox.Icon.Question,
            "Restore this backup?",
            f"Replace your record with the copy taken {row_texts(backup)[1]}?\n\n"
            "Your record as it is now is kept in the backups, as “Before a restore”.",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        confirm = question.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
        question.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(_result: int) -> None:
            if question.clickedButton() is confirm:
                self.restore_requested.emit(backup.path)

        question.finished.connect(answered)
        question.open()


def row_texts(backup: backups.Backup) -> list[str]:
    taken = short_date_time(backup.taken_at.astimezone())
    number = str(backup.sequence) if backup.sequence else "–"  # named before numbering
    return [number, taken, backup.kind_label, backups.describe_counts(backup.counts)]
