"""Charts in the window: the core's chart definition (core/journey/charts.py) drawn by
reportlab as SVG and shown by QtSvg, so the window and the PDF draw the same chart."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from netjourney.core.journey.charts import HEIGHT, WIDTH, LineChart, svg_of


class SvgChart(QSvgWidget):
    """One chart; it keeps the drawing's proportions at any width."""

    def __init__(self, chart: LineChart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.load(svg_of(chart))
        self.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(int(WIDTH * 0.6), int(HEIGHT * 0.6))
        self.setAccessibleName(chart.title)
        self.setAccessibleDescription(chart.description())
        self.setToolTip(chart.description())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        return round(width * HEIGHT / WIDTH)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(round(WIDTH * 1.3), round(HEIGHT * 1.3))


class ChartView(QWidget):
    """The charts of one measure (one per unit) or of the diary, with the set's notice."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.notice = QLabel(wordWrap=True)
        self.notice.setAccessibleName("About this chart")
        self.notice.hide()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.notice)
        self.charts: list[SvgChart] = []

    def show_charts(self, charts: Sequence[LineChart], notice: str = "") -> None:
        for old in self.charts:
            self._layout.removeWidget(old)
            old.deleteLater()
        self.charts = [SvgChart(chart, self) for chart in charts]
        for chart in self.charts:
            self._layout.addWidget(chart)
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
