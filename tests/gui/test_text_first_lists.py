"""Issue 11 item 1: the main words of every list row are shown whole, at any width and text size."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QFont, QKeySequence, QTextLayout
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from netjourney.demo.large import fill_large_demo
from netjourney.gui import row_delegate
from netjourney.gui.main_window import MainWindow
from netjourney.gui.page_spec import PAGES
from netjourney.gui.pages.treatments import TreatmentsPage
from netjourney.gui.record_page import RecordPage
from netjourney.gui.row_delegate import TextFirstList

LIST_PAGES = ("team", "questions", "appointments", "notes", "treatments", "measurements", "scans")


@pytest.fixture(scope="module")
def five_years(tmp_path_factory: pytest.TempPathFactory, guide: Guide) -> Path:
    path = tmp_path_factory.mktemp("large") / "five-years.sqlite"
    record = JourneyRecord.open(path, guide)
    fill_large_demo(record, datetime(2026, 12, 1, 9, tzinfo=UTC))
    record.close()
    return path


@pytest.fixture
def large_record(five_years: Path, tmp_path: Path, guide: Guide) -> Iterator[JourneyRecord]:
    """A copy per test (SQLite's backup, never a file copy of a WAL database)."""
    copy = tmp_path / "journey.sqlite"
    with sqlite3.connect(five_years) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    opened = JourneyRecord.open(copy, guide)
    yield opened
    opened.close()


def _window(qtbot: QtBot, record: JourneyRecord, text_steps: int, width: int) -> MainWindow:
    QSettings().setValue("text_size_steps", text_steps)
    window = MainWindow(record)
    qtbot.addWidget(window)
    window.resize(width, 768)
    window.show()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)  # shortcuts reach only the active window
    return window


def _cut_rows(page: RecordPage) -> list[str]:
    """Every loaded row's card lines whose drawn words differ from the model's."""
    assert page.cards is not None
    return _cut_cards(page.cards)


def _cut_cards(cards: TextFirstList) -> list[str]:
    for _ in range(1000):  # rows out of view are sized when Qt is idle
        if cards.settled:
            break
        QTest.qWait(5)
    assert cards.settled
    model = cards.table.model()
    cut = []
    for row in range(model.rowCount()):
        for words, drawn in cards.delegate.card_texts(model.index(row, 0)):
            if drawn != words:
                cut.append(f"row {row}: {words!r} shown as {drawn!r}")
    return cut


@pytest.mark.parametrize("text_steps", [0, 10], ids=["100%", "200%"])
@pytest.mark.parametrize("width", [1024, 1600])
def test_the_main_words_of_every_row_are_whole(
    qtbot: QtBot, large_record: JourneyRecord, text_steps: int, width: int
) -> None:
    window = _window(qtbot, large_record, text_steps, width)
    for key in LIST_PAGES:
        page = window.show_page(key)
        assert isinstance(page, RecordPage)
        qtbot.wait(1)
        assert page.list_model.rowCount() > 0
        assert _cut_rows(page) == [], key
        assert (window.width(), window.height()) == (width, 768), f"{key} made the window grow"
    assert _cut_library_rows(window.pages["questions"]) == []
    assert _cut_dose_rows(qtbot, window) == []


def _cut_dose_rows(qtbot: QtBot, window: MainWindow) -> list[str]:
    """The doses of the five-year treatment, in the panel inside its editor."""
    page = window.show_page("treatments")
    assert isinstance(page, TreatmentsPage)
    first = page.table.visualRect(page.list_model.index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
    assert page.doses.model.rowCount() > 0
    assert page.doses.cards is not None
    return _cut_cards(page.doses.cards)


def test_no_page_makes_the_window_taller_at_200_percent(
    qtbot: QtBot, large_record: JourneyRecord
) -> None:
    """At 200% a page that asked for more than 768 pixels grew the window off the screen."""
    window = _window(qtbot, large_record, 10, 1024)
    for key, _title in PAGES:
        window.show_page(key)
        qtbot.wait(1)
        assert (window.width(), window.height()) == (1024, 768), f"{key} made the window grow"


def _cut_library_rows(page: object) -> list[str]:
    """The guide's questions on the Questions page: each row as tall as its wrapped words."""
    tree = page.library  # type: ignore[attr-defined]
    model = tree.model()
    cut = []
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            rect = tree.visualRect(index)
            ticked = index.data(Qt.ItemDataRole.CheckStateRole) is not None
            text_width = rect.width() - (30 if ticked else 8)  # the tick box, the margins
            flags = Qt.TextFlag.TextWordWrap
            needed = tree.fontMetrics().boundingRect(0, 0, text_width, 10_000, flags, index.data())
            if rect.height() < needed.height():
                cut.append(index.data())
    return cut


def test_larger_text_refits_the_rows_at_once(qtbot: QtBot, large_record: JourneyRecord) -> None:
    window = _window(qtbot, large_record, 0, 1024)
    page = window.show_page("questions")
    assert isinstance(page, RecordPage)
    before = [page.table.rowHeight(r) for r in range(20)]
    normal = QApplication.font().pointSizeF()
    for _ in range(10):
        qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSizeF() == pytest.approx(normal * 2)
    qtbot.wait(1)
    assert _cut_rows(page) == []  # waits for every row to be fitted again
    assert [page.table.rowHeight(r) for r in range(20)] != before


def test_a_first_show_sizes_each_row_in_view_once(
    qtbot: QtBot, large_record: JourneyRecord
) -> None:
    """The table's viewport got the resize it missed while hidden, at a width that then
    changed before its Show: the rows in view were sized at both widths."""
    window = _window(qtbot, large_record, 0, 1024)
    page = window.page("questions")
    assert isinstance(page, RecordPage) and page.cards is not None
    delegate = page.cards.delegate
    sized: list[int] = []
    card_height = delegate.card_height

    def counted(index: QModelIndex, width: int, font: QFont) -> int:
        sized.append(index.row())
        return card_height(index, width, font)

    delegate.card_height = counted  # type: ignore[method-assign]
    window.show_page("questions")
    assert sized, "the rows in view are sized before the page is drawn"
    assert len(sized) == len(set(sized))


def test_painting_a_sized_card_wraps_its_words_only_once(
    qtbot: QtBot, large_record: JourneyRecord, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sizing a row wraps its lines; painting it (on every hover and scroll) wrapped them
    again at the same width and font."""
    window = _window(qtbot, large_record, 0, 1024)
    page = window.show_page("appointments")
    assert isinstance(page, RecordPage) and page.cards is not None
    assert _cut_rows(page) == []  # every row sized
    wraps: list[str] = []
    wrap = row_delegate.wrapped

    def counted(text: str, font: QFont, width: float) -> QTextLayout:
        wraps.append(text)
        return wrap(text, font, width)

    monkeypatch.setattr(row_delegate, "wrapped", counted)
    page.table.viewport().repaint()
    assert wraps == []


def test_secondary_columns_give_way_before_the_card_is_squeezed(
    qtbot: QtBot, large_record: JourneyRecord
) -> None:
    window = _window(qtbot, large_record, 10, 1024)
    page = window.show_page("team")
    assert isinstance(page, RecordPage)
    hidden_at_200 = [c for c in range(1, 5) if page.table.isColumnHidden(c)]
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(1)
    hidden_at_100 = [c for c in range(1, 5) if page.table.isColumnHidden(c)]
    assert len(hidden_at_100) < len(hidden_at_200)
    metrics = page.table.fontMetrics()
    assert page.table.columnWidth(0) >= metrics.averageCharWidth() * 30


@pytest.mark.parametrize("text_steps", [0, 10], ids=["100%", "200%"])
def test_the_chosen_record_has_room_to_be_read(
    qtbot: QtBot, large_record: JourneyRecord, text_steps: int
) -> None:
    """Click a row: the editor's fields lie inside its pane, wide enough to read."""
    from PySide6.QtWidgets import QScrollArea, QSplitter

    window = _window(qtbot, large_record, text_steps, 1024)
    for key in LIST_PAGES:
        page = window.show_page(key)
        assert isinstance(page, RecordPage)
        first = page.table.visualRect(page.list_model.index(0, 0))
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
        assert page.editor.isVisible(), key
        field = page.editor._fields[0].widget
        scroll = next(s for s in page.findChildren(QScrollArea) if s.isAncestorOf(page.editor))
        viewport = scroll.viewport()
        right = field.mapTo(viewport, field.rect().topRight()).x()
        assert right <= viewport.width(), f"{key}: the field runs off the pane"
        assert field.width() >= field.fontMetrics().averageCharWidth() * 20, key
        splitter = next(s for s in page.findChildren(QSplitter) if s.isAncestorOf(scroll))
        side_by_side = splitter.orientation() == Qt.Orientation.Horizontal
        assert side_by_side == (text_steps == 0), key


def test_a_notes_first_words_are_cut_between_words(record: JourneyRecord) -> None:
    from netjourney.core import repository
    from netjourney.core.listing import ListQuery, fetch_rows, notes_listing
    from netjourney.core.models import Note

    body = "Talked with the nurse navigator about the scan results. " * 6
    repository.add(record, Note(title="Long one", body=body), [])
    (row,) = fetch_rows(record, ListQuery.default(notes_listing()), 0, 10)
    title, _updated, _private, begins = row.cells
    assert title == "Long one"
    assert begins.endswith("…") and len(begins) <= 121
    assert body.startswith(begins[:-1]) and body[len(begins) - 1] == " "


def test_at_200_percent_a_dose_is_logged_with_ctrl_d_beside_a_usable_editor(
    qtbot: QtBot, large_record: JourneyRecord
) -> None:
    from PySide6.QtWidgets import QScrollArea

    from netjourney.core import repository
    from netjourney.core.journey.models import Dose
    from netjourney.gui.page_spec import page_shortcut

    window = _window(qtbot, large_record, 10, 1024)
    QTest.keySequence(window, QKeySequence(page_shortcut("treatments")))
    page = window.stack.currentWidget()
    assert isinstance(page, TreatmentsPage)
    first = page.table.visualRect(page.list_model.index(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
    doses_before = len(repository.all_of(large_record, Dose))
    qtbot.keyClick(page.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(repository.all_of(large_record, Dose)) == doses_before + 1
    assert "Logged a dose" in window.messages.text.text()

    scroll = next(s for s in page.findChildren(QScrollArea) if s.isAncestorOf(page.editor))
    lines = scroll.fontMetrics().lineSpacing()
    assert scroll.viewport().height() >= 5 * lines, "the editor got a sliver"
    for field in page.editor._fields:
        widget = field.widget
        assert widget.isVisible(), field.name
        assert widget.height() >= min(widget.minimumSizeHint().height(), lines), field.name
    assert page.doses.table.height() >= 4 * lines  # two dose cards, at least
    assert (window.width(), window.height()) == (1024, 768)
