"""The guide page: glossary words explained on hover, and the article credited in full."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QListView, QTextBrowser, QToolTip
from pytestqt.qtbot import QtBot

from netjourney.core.guide import Guide
from netjourney.gui.main_window import MainWindow


def open_section(window: MainWindow, qtbot: QtBot, title: str) -> QTextBrowser:
    """A click on "Guide" in the page list, then on the section's title, shows it."""
    guide_row = window.nav.visualItemRect(
        window.nav.findItems("Guide", Qt.MatchFlag.MatchExactly)[0]
    )
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=guide_row.center())
    page = window.pages["guide"]
    assert window.stack.currentWidget() is page
    sections = page.findChild(QListView, "", Qt.FindChildOption.FindChildrenRecursively)
    assert sections is not None and sections.accessibleName() == "Guide sections"
    row = next(
        r
        for r in range(sections.model().rowCount())
        if sections.model().index(r, 0).data() == title
    )
    rect = sections.visualRect(sections.model().index(row, 0))
    qtbot.mouseClick(sections.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    text = page.findChild(QTextBrowser)
    assert text is not None
    assert text.toPlainText().startswith(title)
    return text


def hover_over(text: QTextBrowser, qtbot: QtBot, word: str) -> str:
    """Rest the mouse on the word; Qt asks for a tooltip there (QEvent.ToolTip) as on hover."""
    found = text.document().find(word, 0, QTextDocument.FindFlag.FindCaseSensitively)
    assert not found.isNull(), word
    text.setTextCursor(found)
    text.ensureCursorVisible()
    middle = QTextCursor(found)
    middle.setPosition((found.selectionStart() + found.selectionEnd()) // 2)
    point: QPoint = text.cursorRect(middle).center()
    qtbot.mouseMove(text.viewport(), point)
    QApplication.sendEvent(
        text.viewport(),
        QHelpEvent(QEvent.Type.ToolTip, point, text.viewport().mapToGlobal(point)),
    )
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    return QToolTip.text()


def test_hovering_a_glossary_word_shows_its_plain_meaning(
    window: MainWindow, guide: Guide, qtbot: QtBot
) -> None:
    text = open_section(window, qtbot, guide.section("unresectable").title)

    for term_id, word in (
        ("carcinoid-syndrome", "carcinoid syndrome"),
        ("somatostatin-analog", "Somatostatin analogs"),
        ("embolization", "hepatic artery embolization"),
    ):
        meaning = next(e.meaning for e in guide.glossary if e.id == term_id)
        assert hover_over(text, qtbot, word) == meaning
        QToolTip.hideText()


def test_each_page_lists_the_words_it_uses_with_their_meaning(
    window: MainWindow, guide: Guide, qtbot: QtBot
) -> None:
    text = open_section(window, qtbot, guide.section("stopping-treatment").title)
    shown = text.toPlainText()

    assert "Words used here" in shown
    hospice = next(e for e in guide.glossary if e.id == "hospice")
    assert f"{hospice.term}\n{hospice.meaning}" in shown or hospice.meaning in shown
    assert "TNM" not in shown  # only the words this page uses


def test_the_footer_credits_the_article_with_its_address_and_review(
    window: MainWindow, guide: Guide, qtbot: QtBot
) -> None:
    shown = open_section(window, qtbot, guide.section("resectable").title).toPlainText()

    source = guide.source
    for credit in (source.url, source.review, source.adapted_note, source.caution, "2025"):
        assert credit in shown


def test_about_this_guide_lists_the_articles_sources_and_companions(
    window: MainWindow, guide: Guide, qtbot: QtBot
) -> None:
    shown = open_section(window, qtbot, guide.section("about-this-guide").title).toPlainText()

    assert all(reference in shown for reference in guide.source.references)
    assert all(companion.about in shown for companion in guide.source.companions)
    assert "Abeloff" in shown and "NCCN" in shown


def test_clicking_a_glossary_word_scrolls_to_its_meaning(
    window: MainWindow, guide: Guide, qtbot: QtBot
) -> None:
    text = open_section(window, qtbot, guide.section("unresectable").title)
    before = text.toPlainText()
    found = text.document().find("carcinoid syndrome")
    inside = QTextCursor(found)
    inside.setPosition(found.selectionStart() + 2)
    assert text.verticalScrollBar().value() == 0

    qtbot.mouseClick(
        text.viewport(), Qt.MouseButton.LeftButton, pos=text.cursorRect(inside).center()
    )

    qtbot.waitUntil(lambda: text.verticalScrollBar().value() > 0)
    assert text.toPlainText() == before  # the page stays; only the view moves
    meaning = next(e.meaning for e in guide.glossary if e.id == "carcinoid-syndrome")
    shown_from = text.cursorForPosition(QPoint(4, 4)).position()
    assert before.find(meaning) >= shown_from - 200  # the meaning is at the top of the view


def test_at_twice_the_text_size_the_section_list_stays_readable_in_a_1024_window(
    window: MainWindow, qtbot: QtBot
) -> None:
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    from netjourney.gui.pages.guide import SECTION_LIST_CHARS

    window.resize(1024, 768)
    window.activateWindow()
    qtbot.waitActive(window)
    for _ in range(10):  # View > Larger text, ten steps of 10%
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.ZoomIn))
    open_section(window, qtbot, "Getting a second opinion")
    QApplication.processEvents()
    sections = window.pages["guide"].sections
    assert window.width() <= 1024 and window.minimumSizeHint().width() <= 1024
    assert sections.width() >= sections.fontMetrics().averageCharWidth() * SECTION_LIST_CHARS
    assert not sections.horizontalScrollBar().isVisible()
