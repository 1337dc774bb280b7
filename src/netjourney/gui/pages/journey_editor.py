"""What the journey's pages share: form fields (a day that must be set, a number, a name
with suggestions), each saving itself and undone like any field; and a read-only table."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QDateEdit,
    QHeaderView,
    QLineEdit,
    QTableView,
)

from netjourney.gui.date_formats import show_dates_as_lists_do
from netjourney.gui.editor import Field, RecordEditor
from netjourney.gui.list_model import ListingModel


class JourneyEditor(RecordEditor):
    def add_day(self, label: str, name: str) -> QDateEdit:
        """A day the record cannot be without (when a test was taken)."""
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        show_dates_as_lists_do(edit)
        edit.setMinimumDate(QDate(1900, 1, 1))
        edit.setDate(QDate.currentDate())  # not Qt's 1 Jan 2000 while no record is shown

        def write(value: Any) -> None:
            day = value or date.today()
            edit.setDate(QDate(day.year, day.month, day.day))

        self._add(label, Field(name, edit, lambda: edit.date().toPython(), write))
        edit.dateChanged.connect(lambda _d: self.changed(name, at_once=True))
        return edit

    def add_number(self, label: str, name: str, placeholder: str = "") -> QLineEdit:
        """A number as typed (12, 0.5, 1,200 is refused); empty is 'not given'."""
        line = QLineEdit()
        validator = QDoubleValidator(line)
        validator.setLocale(QLocale.c())  # a point for decimals, as lab reports print them
        validator.setNotation(QDoubleValidator.Notation.StandardNotation)
        line.setValidator(validator)
        line.setPlaceholderText(placeholder)

        def read() -> float | None:
            text = line.text().strip()
            try:
                return float(text) if text else None
            except ValueError:
                return None

        def write(value: Any) -> None:
            line.setText("" if value is None else f"{value:g}")

        self._add(label, Field(name, line, read, write))
        line.textEdited.connect(lambda _text: self.changed(name))
        line.editingFinished.connect(self.flush)
        return line

    def add_suggested_line(self, label: str, name: str, names: Sequence[str]) -> QLineEdit:
        """Free text, offering the given names as the user types."""
        line = self.add_line(label, name)
        completer = QCompleter(list(names), line)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        line.setCompleter(completer)
        completer.activated.connect(lambda _text: self.changed(name, at_once=True))
        return line


def rows_table(model: ListingModel, name: str) -> QTableView:
    """A table of rows to pick from (one at a time), columns fitting their text."""
    table = QTableView()
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move rows
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    # First, before any fitting: fit the rows in view, not every row loaded (200 a page).
    header.setResizeContentsPrecision(0)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.setMaximumSectionSize(420)
    table.setModel(model)  # last: the columns are fitted once, as set up above
    return table
