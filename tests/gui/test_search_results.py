"""Issue 11 item 7 (search): Enter or double-click opens the record; kind, date, words in bold."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from netjourney.core.guide import Guide
from netjourney.core.record import JourneyRecord
from netjourney.core.search_results import cut_at_words
from netjourney.demo.small import fill_demo
from netjourney.gui.main_window import MainWindow
from netjourney.gui.record_page import RecordPage
from netjourney.gui.search_dialog import ResultDelegate, SearchDialog, result_html


@pytest.fixture
def demo_window(window: MainWindow, record: JourneyRecord) -> MainWindow:
    fill_demo(record, datetime.now(UTC))
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    return window


def _type_search(qtbot: QtBot, window: MainWindow, words: str) -> SearchDialog:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.search_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    qtbot.keyClicks(QApplication.focusWidget(), words)
    qtbot.waitUntil(lambda: dialog.results_model.rowCount() > 0)
    return dialog


def _title_shown(window: MainWindow, page_key: str) -> str:
    page = window.stack.currentWidget()
    assert page is window.pages[page_key] and isinstance(page, RecordPage)
    title = next(f.widget for f in page.editor._fields if f.name in ("title", "text", "name"))
    return title.text() if isinstance(title, QLineEdit) else title.toPlainText()


def test_type_then_enter_opens_the_first_record(qtbot: QtBot, demo_window: MainWindow) -> None:
    dialog = _type_search(qtbot, demo_window, "biopsy showed")
    first = dialog.results_model.stringList()[0]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert first.startswith("Note: What the biopsy showed")
    assert _title_shown(demo_window, "notes") == "What the biopsy showed"


def test_arrow_down_then_enter_opens_the_chosen_result(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    dialog = _type_search(qtbot, demo_window, "scan")
    assert dialog.results_model.rowCount() >= 2
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert dialog.results.currentIndex().row() == 1
    chosen = dialog.hits[1]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not dialog.isVisible()
    page = demo_window.stack.currentWidget()
    assert isinstance(page, RecordPage)
    assert str(page.editor.record_id) == chosen.key


def test_double_click_opens_the_record_not_an_editor(qtbot: QtBot, demo_window: MainWindow) -> None:
    dialog = _type_search(qtbot, demo_window, "biopsy showed")
    rect = dialog.results.visualRect(dialog.results_model.index(0, 0))
    viewport = dialog.results.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.results.state() != QAbstractItemView.State.EditingState
    assert not dialog.isVisible()
    assert _title_shown(demo_window, "notes") == "What the biopsy showed"


def test_a_result_shows_its_kind_its_date_and_the_words_in_bold(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    dialog = _type_search(qtbot, demo_window, "biopsy")
    views = dialog.results_model.views
    note = next(v for v in views if v.title == "What the biopsy showed")
    assert note.kind_label == "Note"
    assert re.fullmatch(r"[A-Z][a-z]{2} \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]{2} \d{4}", note.when)
    html = result_html(note, "biopsy", "#777")
    assert "<b>biopsy</b>" in html and "Note · " in html
    assert "Note: What the biopsy showed · " in dialog.results_model.stringList()[views.index(note)]
    visit = next((v for v in views if v.kind_label == "Appointment"), None)
    if visit is not None:
        assert re.search(r"\d{4}, \d{2}:\d{2}", visit.when)
    delegate = dialog.results.itemDelegate()
    assert isinstance(delegate, ResultDelegate)
    assert dialog.results.visualRect(dialog.results_model.index(0, 0)).height() > 2 * (
        dialog.results.fontMetrics().height()
    )


def test_guide_snippets_are_cut_between_words(qtbot: QtBot, demo_window: MainWindow) -> None:
    dialog = _type_search(qtbot, demo_window, "surgery")
    guide_views = [v for v in dialog.results_model.views if v.kind_label == "Guide"]
    assert guide_views
    guide = demo_window.record.guide
    for view in guide_views:
        section = guide.section(view.hit.key)
        source = set(re.findall(r"\w+", f"{section.summary} {' '.join(section.key_facts)}"))
        assert set(re.findall(r"\w+", view.snippet)) <= source, view.snippet


@pytest.mark.parametrize("limit", [20, 47, 90, 180])
def test_cut_at_words_keeps_whole_words_around_the_match(guide: Guide, limit: int) -> None:
    text = " ".join(s.summary for s in guide.sections)
    for word in ("surgery", "lymph", "octreotide", "zzz"):
        cut = cut_at_words(text, word, limit)
        inner = cut.strip("…")
        assert inner.split()[0] in text.split() and inner.split()[-1] in text.split()
        assert len(inner) <= limit
        if word != "zzz" and word in text.casefold():
            assert word in cut.casefold()
