"""Every date the window shows is written one way: the region's, from core/dates.py."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QAbstractSpinBox, QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from netjourney.core.dates import short_date
from netjourney.core.record import JourneyRecord
from netjourney.demo.small import fill_demo
from netjourney.gui.backups_window import BackupsWindow
from netjourney.gui.date_formats import qt_format
from netjourney.gui.main_window import PAGES, MainWindow
from netjourney.gui.record_page import RecordPage

# ISO days (2026-11-25), numbers only (1 12 2025), and the old 'Tue 01 Dec' forms
OTHER_STYLES = re.compile(
    r"\b\d{4}-\d\d-\d\d\b|\b\d{1,2} \d{1,2} \d{4}\b|\b[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4}\b"
)


def _cells(model: QAbstractItemModel, parent: QModelIndex) -> Iterator[str]:
    columns = model.columnCount(parent) if isinstance(model, QAbstractTableModel) else 1
    for row in range(min(model.rowCount(parent), 40)):
        for column in range(columns):
            index = model.index(row, column, parent)
            yield str(model.data(index) or "")
            if column == 0 and model.rowCount(index):
                yield from _cells(model, index)


def shown_texts(root: QWidget) -> Iterator[str]:
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractSpinBox):
            yield widget.text()
        elif isinstance(widget, QComboBox):
            yield from (widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from _cells(widget.model(), QModelIndex())


def test_no_page_shows_a_date_in_another_style(
    window: MainWindow, record: JourneyRecord, qtbot: QtBot
) -> None:
    fill_demo(record, datetime.now(UTC))
    seen: dict[str, str] = {}
    for key, _title in PAGES:
        page = window.show_page(key)
        if isinstance(page, RecordPage) and page.list_model.rowCount():
            page.table.selectRow(0)  # the editor's date fields too
        for text in shown_texts(window):
            for match in OTHER_STYLES.finditer(text):
                seen[match.group()] = f"{key}: {text[:80]}"
    assert seen == {}


def test_the_backups_window_writes_dates_the_same_way(window: MainWindow, qtbot: QtBot) -> None:
    window.backups.back_up_if_due()
    backups = BackupsWindow(window.record.path, window)
    qtbot.addWidget(backups)
    backups.show()
    texts = list(shown_texts(backups))
    assert not [t for t in texts if OTHER_STYLES.search(t)]
    assert any(short_date(date.today(), weekday=True) in t for t in texts)


@pytest.mark.parametrize(
    ("pattern", "qt"),
    [
        ("E, MMM d, y", "ddd, MMM d, yyyy"),
        ("EEEE, d MMMM y", "dddd, d MMMM yyyy"),
        ("h:mm a", "h:mm AP"),
        ("HH:mm", "HH:mm"),
        ("d 'de' MMM", "d 'de' MMM"),
    ],
)
def test_date_fields_use_the_same_pattern_in_qts_letters(pattern: str, qt: str) -> None:
    assert qt_format(pattern) == qt
