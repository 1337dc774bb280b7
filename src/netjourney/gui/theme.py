"""Light or dark, as the system says or as the user chose; check boxes and focus seen in both.

The window uses Qt's Fusion style with palettes of our own, so the two schemes look
the same on every system; check boxes and the keyboard focus are outlined in both
(gui/outline.py) once the record is open.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, QSettings
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QStyleFactory

if TYPE_CHECKING:  # the outline's style and ring are built when the record opens
    from netjourney.gui.outline import FocusRing

SCHEME_SETTING = "view/colour_scheme"


class Scheme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        return {
            Scheme.SYSTEM: "&Follow the system's colours",
            Scheme.LIGHT: "&Light colours",
            Scheme.DARK: "&Dark colours",
        }[self]


def saved_scheme() -> Scheme:
    value = str(QSettings().value(SCHEME_SETTING, Scheme.SYSTEM))
    return Scheme(value) if value in Scheme.__members__.values() else Scheme.SYSTEM


def system_is_dark() -> bool:
    from PySide6.QtCore import Qt  # not before the first paint: see Theme.__init__

    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def palette_is_dark(palette: QPalette) -> bool:
    """The palette writes light on dark."""
    role = QPalette.ColorRole
    return palette.color(role.WindowText).lightness() > palette.color(role.Window).lightness()


def is_dark(scheme: Scheme, system_dark: Callable[[], bool] = system_is_dark) -> bool:
    return scheme is Scheme.DARK or (scheme is Scheme.SYSTEM and system_dark())


def dark_palette() -> QPalette:
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#26282b",
        role.WindowText: "#ececec",
        role.Base: "#1b1c1e",
        role.AlternateBase: "#232427",
        role.Text: "#f0f0f0",
        role.Button: "#34363a",
        role.ButtonText: "#ececec",
        role.BrightText: "#ffffff",
        role.Highlight: "#3a78c9",
        role.HighlightedText: "#ffffff",
        role.Link: "#8cb8ff",
        role.LinkVisited: "#c3a6ff",
        role.ToolTipBase: "#34363a",
        role.ToolTipText: "#ececec",
        role.PlaceholderText: "#a2a2a2",
        role.Light: "#505257",
        role.Midlight: "#404247",
        role.Mid: "#5d6066",
        role.Dark: "#151617",
        role.Shadow: "#000000",
    }
    for colour_role, colour in colours.items():
        palette.setColor(colour_role, QColor(colour))
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, colour_role, QColor("#8c8e92"))
    palette.setColor(group.Disabled, role.Base, QColor("#222326"))
    return palette


def light_palette() -> QPalette:
    palette = QStyleFactory.create("Fusion").standardPalette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2f6fc4"))
    palette.setColor(QPalette.ColorRole.Link, QColor("#1a56a8"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#7a7a7a"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#7a7a7a"))
    return palette


class Theme(QObject):
    """The app's scheme: applies it, follows the system's changes, remembers the user's choice."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.scheme = saved_scheme()
        app.setStyle(QStyleFactory.create("Fusion"))
        self.focus_ring: FocusRing | None = None  # with the outlines
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: self.apply())
        # Asking Qt for the system's scheme builds the Qt namespace's hundred enums, a tenth
        # of a bare window, before the first paint: until outline() (when the record opens)
        # the system's own palette tells, which follows its scheme. No link is shown yet to
        # recolour (the window makes its Theme before any text), and looking for them costs
        # the first paint a sixtieth of a bare window.
        dark = is_dark(self.scheme, lambda: palette_is_dark(app.palette()))
        app.setPalette(dark_palette() if dark else light_palette())

    def outline(self) -> None:
        """Outline check boxes and ring the keyboard focus from now on (once).

        A window painted before its record is open calls this when the record opens:
        until then there is nothing to tick or type into, and ClearStyle, called back
        in Python for every measure and drawing, cost that first paint a seventh of a
        bare window.
        """
        if self.focus_ring is None:
            from netjourney.gui.outline import ClearStyle, FocusRing

            self.app.setStyle(ClearStyle(QStyleFactory.create("Fusion")))
            self.focus_ring = FocusRing(self.app)
            self.apply()  # a new style puts the style's own palette back

    def choose(self, scheme: Scheme) -> None:
        self.scheme = scheme
        QSettings().setValue(SCHEME_SETTING, scheme.value)
        self.apply()

    def apply(self) -> None:
        self.app.setPalette(dark_palette() if self.dark else light_palette())
        recolour_links(self.app)

    @property
    def dark(self) -> bool:
        return is_dark(self.scheme)

    def add_menu(self, view_menu: QMenu) -> QMenu:
        """View → Colours: follow the system, light or dark (remembered)."""
        menu = view_menu.addMenu("&Colours")
        group = QActionGroup(menu)
        for scheme in Scheme:
            action = QAction(scheme.label, menu, checkable=True)
            action.setChecked(scheme is self.scheme)
            action.triggered.connect(lambda _checked, s=scheme: self.choose(s))
            group.addAction(action)
            menu.addAction(action)
        return menu


def recolour_links(app: QApplication) -> None:
    """Qt colours a label's links once, from the palette of the moment its text is set;
    set each such text again, or links written before a change of scheme keep the other
    scheme's colour (dark blue on dark grey).

    Only the labels are asked for: allWidgets() gave Python every widget of the window,
    making PySide build a class for each kind (a scroll bar, a tool button...), which
    cost the first paint a sixteenth of a bare window."""
    for window in app.topLevelWidgets():
        for label in [window, *window.findChildren(QLabel)]:
            if isinstance(label, QLabel) and "<a " in label.text():
                text = label.text()
                label.clear()  # setText of the same text does nothing
                label.setText(text)


def install_theme(*, outlined: bool = True) -> Theme:
    """The app's one Theme, made on first use; outlined at once unless told otherwise
    (see Theme.outline)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    existing = app.findChild(Theme)
    theme = existing if isinstance(existing, Theme) else Theme(app)
    if outlined:
        theme.outline()
    return theme


def ring_rect(theme: Theme) -> QRect | None:
    """Where the focus ring is drawn, in its window's coordinates (for tests)."""
    frame = theme.focus_ring.frame if theme.focus_ring is not None else None
    return frame.geometry() if frame is not None and frame.isVisible() else None
