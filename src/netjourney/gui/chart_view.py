"""Charts in the window: the core's chart definition (core/journey/charts.py) drawn by
reportlab as SVG and shown by QtSvg, so the window and the PDF draw the same chart."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFontDatabase, QPainter, QPaintEvent, QPalette, QPen, QPixmap
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from netjourney.core.journey.charts import (
    HEIGHT,
    WIDTH,
    ChartColours,
    Fonts,
    LineChart,
    svg_of,
)
from netjourney.gui.opening import after_next_paint

SHOWN_SCALE = 1.4  # pixels per point at the largest: a chart's text stays near the window's
DRAWING_TEXT = "Drawing chart…"
BAND_SHARE = 0.3  # of the highlight colour in the band: seen on the background, lines over it
GRID_SHARE = 0.18  # of the text colour in the grid lines: there, but quieter than the axes
CAPTION_SHARE = 0.15  # of the background colour in the caption: a step quieter than the title
LIGHTER_LINES_SHARE = 0.3  # of the text colour in each line on a dark background


def chart_colours(palette: QPalette) -> ChartColours:
    """The palette's colours for a chart (light or dark, as the window is); the print
    colours' black line becomes the text colour, and on a dark background every line is
    lightened so it stands out from the background and from the band."""
    background = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    dark = background.lightnessF() < text.lightnessF()
    print_colours = ChartColours()
    series = tuple(
        text.name()
        if colour == print_colours.text
        else _mixed(QColor(colour), text, LIGHTER_LINES_SHARE if dark else 0.0)
        for colour in print_colours.series
    )
    return ChartColours(
        background=background.name(),
        text=text.name(),
        caption=_mixed(text, background, CAPTION_SHARE),
        grid=_mixed(background, text, GRID_SHARE),
        band=_mixed(background, palette.color(QPalette.ColorRole.Highlight), BAND_SHARE),
        series=series,
    )


def _mixed(base: QColor, other: QColor, share: float) -> str:
    """`base` with `share` of `other` in it, as #RRGGBB."""
    red, green, blue = (
        round(a + (b - a) * share)
        for a, b in (
            (base.red(), other.red()),
            (base.green(), other.green()),
            (base.blue(), other.blue()),
        )
    )
    return QColor(red, green, blue).name()


class SvgChart(QSvgWidget):
    """One chart; it keeps the drawing's proportions at any width, and its text and
    colours follow the window's text size and colours (View > Larger text, View > Colours).

    Its name and its description in words are set at once (a screen reader has them
    with the page); the drawing itself is made just after the chart is first painted,
    so the page and its table show first, with "Drawing chart…" in the chart's place
    for the moment the drawing takes.
    """

    def __init__(self, chart: LineChart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.drawn_height = HEIGHT
        self.drawn = False
        self._draw_scheduled = False
        self._rendered: QPixmap | None = None  # the drawing at the widget's size
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumWidth(int(WIDTH * 0.6))
        self.setMinimumHeight(int(HEIGHT * 0.6))
        self.setMaximumWidth(round(WIDTH * SHOWN_SCALE))  # a wide pane: room, not a taller chart
        # A stop for Tab: a screen reader says the chart's title, then its description in
        # words (how many values, from when to when, lowest, highest, the band, the bounds).
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName(f"Chart: {chart.title}")
        self.setAccessibleDescription(chart.description())
        self.setToolTip(chart.description())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        if self.drawn:  # the SVG is rendered once per size, then only copied
            painter.drawPixmap(0, 0, self._picture())
            if self.hasFocus():  # where Tab has landed, for those who see it
                painter.setPen(QPen(self.palette().highlight(), 2))
                painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
        else:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, DRAWING_TEXT)
            if not self._draw_scheduled:  # after this paint reaches the screen
                self._draw_scheduled = True
                QTimer.singleShot(0, self, self.draw)
        painter.end()

    def _picture(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        size = self.size() * ratio
        if self._rendered is None or self._rendered.size() != size:
            self._rendered = QPixmap(size)
            self._rendered.setDevicePixelRatio(ratio)
            self._rendered.fill(Qt.GlobalColor.transparent)
            painter = QPainter(self._rendered)
            self.renderer().render(painter, QRectF(0, 0, self.width(), self.height()))
            painter.end()
        return self._rendered

    def draw(self) -> None:
        """Draw the chart now (also called again when the text size changes)."""
        system = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()
        scale = max(1.0, self.font().pointSizeF() / system) if system > 0 else 1.0
        self.drawn_height = HEIGHT * (1 + (scale - 1) * 0.6)  # larger text needs a taller plot
        fonts, colours = Fonts(scale=scale), chart_colours(self.palette())
        self.load(svg_of(self.chart, WIDTH, self.drawn_height, fonts, colours))
        self.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.setMinimumHeight(int(self.drawn_height * 0.6))
        self.drawn = True
        self._rendered = None
        self.updateGeometry()
        self.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        redrawn = (QEvent.Type.FontChange, QEvent.Type.PaletteChange)  # text size, light or dark
        if event.type() in redrawn and self.drawn:
            self.draw()
        super().changeEvent(event)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        return round(width * self.drawn_height / WIDTH)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(round(WIDTH * SHOWN_SCALE), round(self.drawn_height * SHOWN_SCALE))


ChartsRead = tuple[Sequence[LineChart], str]  # charts, and the notice shown with them


class WaitingCharts(QWidget):
    """"Drawing chart…" where a chart will be, as a chart shows it before it is drawn,
    until the charts are read (see ChartView.show_charts_once_painted)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(int(WIDTH * 0.6), int(HEIGHT * 0.6))
        self.setMaximumWidth(round(WIDTH * SHOWN_SCALE))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, DRAWING_TEXT)
        painter.end()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        return round(width * HEIGHT / WIDTH)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(round(WIDTH * SHOWN_SCALE), round(HEIGHT * SHOWN_SCALE))


class ChartView(QScrollArea):
    """The charts of one measure (one per unit) or of the diary, with the set's notice.
    It scrolls, so the table of values beside it keeps its room."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumHeight(round(HEIGHT * 0.8))
        self.notice = QLabel(wordWrap=True)  # no name of its own: a screen reader says its text
        self.notice.hide()
        self._inside = QWidget()
        self._layout = QVBoxLayout(self._inside)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.notice)
        self._layout.addStretch(1)
        self.setWidget(self._inside)
        self.charts: list[SvgChart] = []
        self.waiting: WaitingCharts | None = None  # in the charts' place until they are read
        self._to_read: Callable[[], ChartsRead] | None = None  # once this is painted

    @property
    def drawn(self) -> bool:
        """Every chart read and drawn (a view with no charts and nothing to read, too)."""
        return self._to_read is None and all(chart.drawn for chart in self.charts)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(round(WIDTH * SHOWN_SCALE), round(HEIGHT * SHOWN_SCALE) + 8)  # one in full

    def show_charts_once_painted(self, read: Callable[[], ChartsRead]) -> None:
        """Show the charts `read` returns, read just after the view is next painted:
        reading them (five years of a diary, averaged) would hold up the page's paint as
        much as drawing them, which also waits until then. Meanwhile the charts shown
        stay, or the view says "Drawing chart…", as a chart does until it is drawn."""
        first = self.charts[0] if self.charts else self._waiting()
        self._to_read = read
        after_next_paint(first, self._read_now)

    def _waiting(self) -> WaitingCharts:
        if self.waiting is None:
            self.show_charts(())  # the notice goes
            self.waiting = WaitingCharts(self._inside)
            self._layout.insertWidget(1, self.waiting)
        return self.waiting

    def _read_now(self) -> None:
        if self._to_read is not None:  # else newer charts were shown meanwhile
            self.show_charts(*self._to_read())

    def show_charts(self, charts: Sequence[LineChart], notice: str = "") -> None:
        """Show these charts; the ones already shown stay as drawn (a page shown again)."""
        self._to_read = None
        if self.waiting is not None:  # read now: nothing is left to read once painted
            self._remove(self.waiting)
            self.waiting = None
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        if [shown.chart for shown in self.charts] == list(charts):
            return
        for old in self.charts:
            self._remove(old)
        self.charts = [SvgChart(chart) for chart in charts]
        for number, chart in enumerate(self.charts, start=1):
            self._layout.insertWidget(number, chart)

    def _remove(self, shown: QWidget) -> None:
        self._layout.removeWidget(shown)
        shown.hide()  # at once: until deleted it would still be drawn
        shown.deleteLater()
