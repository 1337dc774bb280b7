"""Light or dark, as the system says or as the user chose; check boxes and focus seen in both.

The window uses Qt's Fusion style with palettes of our own, so the two schemes look
the same on every system. Fusion draws faint check box borders and almost no focus
ring, so `ClearStyle` outlines unticked boxes in the text colour and a `QFocusFrame`
follows the keyboard focus, drawn as a thick ring in the highlight colour.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, QRect, QSettings, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QFontMetrics,
    QGuiApplication,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFocusFrame,
    QLabel,
    QMenu,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

SCHEME_SETTING = "view/colour_scheme"
INDICATORS = (
    QStyle.PixelMetric.PM_IndicatorWidth,
    QStyle.PixelMetric.PM_IndicatorHeight,
    QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
    QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
)
FOCUS_RING_WIDTH = 3


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
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def is_dark(scheme: Scheme) -> bool:
    return scheme is Scheme.DARK or (scheme is Scheme.SYSTEM and system_is_dark())


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


class ClearStyle(QProxyStyle):
    """Fusion, with check boxes outlined in the text colour and a thick focus ring."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in (
            QStyle.PrimitiveElement.PE_IndicatorCheckBox,
            QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
        ):
            enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
            group = QPalette.ColorGroup.Normal if enabled else QPalette.ColorGroup.Disabled
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(option.palette.color(group, QPalette.ColorRole.Text), 1.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(option.rect.adjusted(1, 1, -1, -1), 2, 2)
            painter.restore()

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.ControlElement.CE_FocusFrame:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            half = FOCUS_RING_WIDTH / 2
            pen = QPen(option.palette.color(QPalette.ColorRole.Highlight), FOCUS_RING_WIDTH)
            painter.setPen(pen)
            ring = option.rect.toRectF().adjusted(half, half, -half, -half)
            painter.drawRoundedRect(ring, 4, 4)
            painter.restore()
            return
        super().drawControl(element, option, painter, widget)

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric in (
            QStyle.PixelMetric.PM_FocusFrameHMargin,
            QStyle.PixelMetric.PM_FocusFrameVMargin,
        ):
            return FOCUS_RING_WIDTH
        size = super().pixelMetric(metric, option, widget)
        if metric in INDICATORS:  # tick boxes grow with the text, or they get lost at 200%
            font = widget.font() if widget is not None else QApplication.font()
            return max(size, round(QFontMetrics(font).height() * 0.8))
        return size


class FocusRing(QObject):
    """A focus frame per window, moved to whichever control has the keyboard focus."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.frames: dict[int, QFocusFrame] = {}  # by id of the window they live in
        self.frame: QFocusFrame | None = None  # the one showing the focus now
        app.focusChanged.connect(self._focus_changed)
        self._focus_changed(None, app.focusWidget())  # the focus it comes to

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or new.window().isHidden():
            return
        window = new.window()
        frame = self.frames.get(id(window))
        if frame is None:
            frame = QFocusFrame(window)
            frame.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            self.frames[id(window)] = frame
            key = id(window)
            frame.destroyed.connect(lambda _o=None, k=key: self._forget(k))  # with its window
        self.frame = frame
        frame.setWidget(_ringed(new))

    def _forget(self, key: int) -> None:
        if self.frame is self.frames.pop(key, None):
            self.frame = None

    def ringed_widget(self) -> QWidget | None:
        return self.frame.widget() if self.frame is not None else None


def _ringed(widget: QWidget) -> QWidget:
    """An item view's viewport takes focus through its view: ring the view."""
    parent = widget.parentWidget()
    return parent if isinstance(parent, QAbstractItemView) else widget


class Theme(QObject):
    """The app's scheme: applies it, follows the system's changes, remembers the user's choice."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.scheme = saved_scheme()
        app.setStyle(QStyleFactory.create("Fusion"))
        self.focus_ring: FocusRing | None = None  # with the outlines
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: self.apply())
        self.apply()

    def outline(self) -> None:
        """Outline check boxes and ring the keyboard focus from now on (once).

        A window painted before its record is open calls this when the record opens:
        until then there is nothing to tick or type into, and ClearStyle, called back
        in Python for every measure and drawing, cost that first paint a seventh of a
        bare window.
        """
        if self.focus_ring is None:
            self.app.setStyle(ClearStyle(QStyleFactory.create("Fusion")))
            self.focus_ring = FocusRing(self.app)
            self.apply()  # a new style puts the style's own palette back

    def choose(self, scheme: Scheme) -> None:
        self.scheme = scheme
        QSettings().setValue(SCHEME_SETTING, scheme.value)
        self.apply()

    def apply(self) -> None:
        self.app.setPalette(dark_palette() if is_dark(self.scheme) else light_palette())
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
