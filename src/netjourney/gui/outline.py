"""Check boxes and keyboard focus seen in both schemes (gui/theme.py): Fusion draws faint
check box borders and almost no focus ring, so `ClearStyle` outlines unticked boxes in
the text colour and a `QFocusFrame` follows the keyboard focus, drawn as a thick ring
in the highlight colour.

Apart from the theme: the window paints first without them (Theme.outline), and their
Qt classes (a proxy style, a painter, style options) cost that paint what nothing
shown in it needs.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFocusFrame,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QWidget,
)

INDICATORS = (
    QStyle.PixelMetric.PM_IndicatorWidth,
    QStyle.PixelMetric.PM_IndicatorHeight,
    QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
    QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
)
FOCUS_RING_WIDTH = 3


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
