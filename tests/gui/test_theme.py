"""Issue 11 item 6 (look): light and dark, check boxes and focus seen in both, text size at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QMenu,
    QScrollArea,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from netjourney.core.record import JourneyRecord
from netjourney.gui.main_window import MainWindow
from netjourney.gui.situation.page import SituationPage
from netjourney.gui.theme import SCHEME_SETTING, Scheme, install_theme


@pytest.fixture(autouse=True)
def system_colours_after() -> object:
    yield None
    install_theme().choose(Scheme.SYSTEM)


def _active(window: MainWindow) -> MainWindow:
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    return window


def _choose_from_view_menu(qtbot: QtBot, window: MainWindow, letter: Qt.Key) -> None:
    """Alt+V, then C for Colours, then the scheme's letter: as a keyboard user would."""
    _active(window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_C)
    qtbot.waitUntil(lambda: "Dark" in _popup_texts())
    qtbot.keyClick(QApplication.activePopupWidget(), letter)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def _popup_texts() -> str:
    popup = QApplication.activePopupWidget()
    return " ".join(a.text() for a in popup.actions()) if isinstance(popup, QMenu) else ""


def _lightness(colour: QColor) -> int:
    return colour.lightness()


def test_dark_and_light_are_chosen_from_the_view_menu_and_remembered(
    qtbot: QtBot, window: MainWindow
) -> None:
    _active(window)
    _choose_from_view_menu(qtbot, window, Qt.Key.Key_D)
    assert QSettings().value(SCHEME_SETTING) == "dark"
    qtbot.waitUntil(lambda: _lightness(window.palette().color(QPalette.ColorRole.Window)) < 80)
    _choose_from_view_menu(qtbot, window, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: _lightness(window.palette().color(QPalette.ColorRole.Window)) > 180)
    assert QSettings().value(SCHEME_SETTING) == "light"


def test_follow_the_system_is_the_default() -> None:
    theme = install_theme()
    QSettings().remove(SCHEME_SETTING)
    theme.choose(Scheme.SYSTEM)
    system_dark = QApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    assert theme.dark == system_dark


@pytest.mark.parametrize("scheme", [Scheme.LIGHT, Scheme.DARK])
def test_an_unticked_box_stands_out_from_its_background(qtbot: QtBot, scheme: Scheme) -> None:
    install_theme().choose(scheme)
    box = QCheckBox("Private")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    image = box.grab().toImage()
    background = box.palette().color(QPalette.ColorRole.Window)
    assert _has_contrast(image, background, (0, 0, box.height(), box.height()))


def _has_contrast(image: QImage, background: QColor, area: tuple[int, int, int, int]) -> bool:
    """Some pixel in the area differs from the background by a clearly visible amount."""
    left, top, width, height = area
    return any(
        abs(image.pixelColor(x, y).lightness() - background.lightness()) > 90
        for x in range(left, min(left + width, image.width()))
        for y in range(top, min(top + height, image.height()))
    )


@pytest.mark.parametrize("scheme", [Scheme.LIGHT, Scheme.DARK])
def test_tab_shows_a_focus_ring_around_the_control(
    qtbot: QtBot, window: MainWindow, scheme: Scheme
) -> None:
    install_theme().choose(scheme)
    _active(window)
    page = window.show_page("notes")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    focused = QApplication.focusWidget()
    assert focused is not None and page.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    theme = install_theme()
    qtbot.waitUntil(lambda: theme.focus_ring.ringed_widget() is focused)
    frame = theme.focus_ring.frame
    assert frame is not None and frame.isVisible()
    image = frame.grab().toImage()
    highlight = window.palette().color(QPalette.ColorRole.Highlight)
    ring_pixel = image.pixelColor(QPoint(image.width() // 2, 1))
    assert abs(ring_pixel.hue() - highlight.hue()) < 20
    assert abs(ring_pixel.lightness() - highlight.lightness()) < 40


def test_my_situation_follows_text_size_at_once_and_clips_nothing(
    qtbot: QtBot, window: MainWindow, record: JourneyRecord
) -> None:
    _active(window)
    window.resize(1024, 768)
    page = window.show_page("situation")
    assert isinstance(page, SituationPage)
    before = page.font().pointSizeF()
    for _ in range(10):
        qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert page.font().pointSizeF() == pytest.approx(before * 2)
    scrolls = page.findChildren(QScrollArea)
    # The layout settles after the vertical scroll bars come and go (queued relayouts).
    qtbot.waitUntil(
        lambda: all(s.widget().width() <= s.viewport().width() for s in scrolls), timeout=2000
    )
    for scroll in scrolls:
        content = scroll.widget()
        room = scroll.viewport().width()
        assert content.width() <= room, scroll.accessibleName()
        assert content.minimumSizeHint().width() <= room, scroll.accessibleName()
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert page.font().pointSizeF() == pytest.approx(before)


def test_every_page_follows_a_text_size_change_at_once(qtbot: QtBot, window: MainWindow) -> None:
    from netjourney.gui.main_window import PAGES

    _active(window)
    pages = [window.show_page(key) for key, _title in PAGES]
    window.show_page("home")
    normal = QApplication.font().pointSizeF()
    ratios = [page.font().pointSizeF() / normal for page in pages]
    for _ in range(3):
        qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    larger = QApplication.font().pointSizeF()
    assert larger == pytest.approx(normal * 1.3)
    qtbot.wait(1)
    for page, ratio in zip(pages, ratios, strict=True):
        assert page.font().pointSizeF() == pytest.approx(larger * ratio), type(page).__name__


@pytest.mark.parametrize("page_key", [Qt.Key.Key_1, Qt.Key.Key_3], ids=["home", "guide"])
@pytest.mark.parametrize(
    ("first", "then"), [(Qt.Key.Key_L, Qt.Key.Key_D), (Qt.Key.Key_D, Qt.Key.Key_L)]
)
def test_links_shown_before_a_change_of_colours_take_the_new_link_colour(
    qtbot: QtBot, window: MainWindow, first: Qt.Key, then: Qt.Key, page_key: Qt.Key
) -> None:
    """Home's and the Guide's links, written in one scheme, are drawn in the other's link
    colour after View > Colours (dark blue on dark grey could hardly be read)."""
    _choose_from_view_menu(qtbot, window, first)
    qtbot.keyClick(window, page_key, Qt.KeyboardModifier.ControlModifier)
    page = window.stack.currentWidget()
    linked: list[QWidget] = [label for label in page.findChildren(QLabel) if "<a " in label.text()]
    linked += [browser.viewport() for browser in page.findChildren(QTextBrowser)]
    assert linked

    _choose_from_view_menu(qtbot, window, then)

    link = QApplication.palette().color(QPalette.ColorRole.Link)
    qtbot.waitUntil(lambda: page.palette().color(QPalette.ColorRole.Link) == link)
    qtbot.wait(1)  # what the page does once the new colours have reached it
    for widget in linked:
        image = widget.grab().toImage()
        near = sum(
            _near_colour(image.pixelColor(x, y), link)
            for x in range(image.width())
            for y in range(image.height())
        )
        assert near > 50, widget.accessibleName() or type(widget).__name__


def _near_colour(colour: QColor, wanted: QColor) -> bool:
    return (
        abs(colour.red() - wanted.red()) <= 8
        and abs(colour.green() - wanted.green()) <= 8
        and abs(colour.blue() - wanted.blue()) <= 8
    )
