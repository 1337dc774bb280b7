"""Tests & markers: values copied from lab reports. One measure at a time, its values in
the table (the record) and its chart beneath (a view of the same numbers, the lab's
range as a band, one chart per unit)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget
from sqlalchemy import func, select

from netjourney.core.journey.charts import measure_charts, measure_key, measure_names, readings_of
from netjourney.core.journey.choices import ValueQualifier
from netjourney.core.journey.listings import measurements_listing
from netjourney.core.journey.models import Measurement
from netjourney.core.journey.suggestions import suggestions
from netjourney.core.record import JourneyRecord
from netjourney.core.repository import get
from netjourney.gui.actions import Actions
from netjourney.gui.chart_view import ChartView
from netjourney.gui.least_height import keep_lines_tall
from netjourney.gui.pages.journey_editor import JourneyEditor
from netjourney.gui.record_page import RecordPage

ALL_MEASURES = ""


class MeasurementEditor(JourneyEditor):
    def __init__(self, record: JourneyRecord) -> None:
        super().__init__(record, Measurement)
        self.add_suggested_line("What was measured:", "measure", suggestions()["measures"])
        self.add_number("Value:", "value")
        self.add_choice(
            "Printed as:",
            "value_qualifier",
            [("the value itself", None)]
            + [(f"{q.symbol}  ({q.words} the value)", q) for q in ValueQualifier],
        ).setToolTip('When the report shows a bound, e.g. "<0.5": choose <, and 0.5 as the value')
        self.add_line("Unit:", "unit").setPlaceholderText("as on the report, e.g. ng/mL")
        self.add_line("Reference range:", "reference_range").setPlaceholderText(
            "as printed on the report"
        )
        self.add_number("Range, low end:", "range_low", "for the chart's band; may stay empty")
        self.add_number("Range, high end:", "range_high", "for the chart's band; may stay empty")
        self.add_line("Lab:", "lab")
        self.add_day("Date:", "measured_on")
        self.add_optional_date("Next test planned:", "next_planned_on")
        self.add_text("Notes:", "notes", lines=3)
        self.add_sections(record.guide)


# Enough of a chart to read its line and band at 200% text (it scrolls for the rest),
# while the list's cards and the editor below keep room in a 1024x768 window.
CHART_LEAST_LINES = 6


class MeasurementsPage(RecordPage):
    title = "Tests & markers"
    kind = "test result"
    stretch_column = 4  # the lab: dates, names and values must stay whole
    main_field = "value"

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        self.measure_filter = QComboBox()
        self.measure_filter.setAccessibleName("Show the values of one measure")
        self.chart = ChartView("Chart of the measure's values")
        keep_lines_tall(self.chart, CHART_LEAST_LINES)
        editor = MeasurementEditor(actions.record)
        super().__init__(actions, measurements_listing(), editor, parent)
        self._fill_measures(self._latest_measure())
        self.measure_filter.currentIndexChanged.connect(self._apply_filter)
        self._apply_filter()

    def filters(self) -> list[QWidget]:
        return [self.measure_filter]

    def beneath_list(self) -> list[QWidget]:
        return [self.chart]

    def _latest_measure(self) -> str:
        with self.record.reading() as session:
            names = measure_names(session)
        return names[0][0] if names else ALL_MEASURES

    def _fill_measures(self, chosen: str) -> None:
        with self.record.reading() as session:
            names = measure_names(session)
        combo = self.measure_filter
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("All measures", ALL_MEASURES)
        for name, count in sorted(names, key=lambda n: measure_key(n[0])):
            combo.addItem(f"{name} ({count})", name)
        keys = [measure_key(combo.itemData(i)) for i in range(combo.count())]
        combo.setCurrentIndex(keys.index(measure_key(chosen)) if measure_key(chosen) in keys else 0)
        combo.blockSignals(False)

    def shown_measure(self) -> str:
        return str(self.measure_filter.currentData() or ALL_MEASURES)

    def _apply_filter(self) -> None:
        measure = self.shown_measure()
        conditions = []
        if measure:
            conditions = [func.lower(func.trim(Measurement.measure)) == measure_key(measure)]
        self.list_model.set_conditions(conditions)
        self._update_count()
        self._show_chart()

    def _show_chart(self) -> None:
        measure = self.shown_measure()
        if not measure:
            self.chart.show_charts((), "Choose a measure above to see its chart.")
            return
        with self.record.reading() as session:
            readings = readings_of(session, measure)
        charts = measure_charts(measure, readings)
        self.chart.show_charts(charts.charts, charts.notice)

    def new_record(self) -> Measurement:
        """The next value of the measure shown, its unit, range and lab as last time."""
        measure = self.shown_measure()
        with self.record.reading() as session:
            last = session.scalar(
                select(Measurement)
                .where(func.lower(func.trim(Measurement.measure)) == measure_key(measure))
                .order_by(Measurement.measured_on.desc(), Measurement.id.desc())
            )
        copied = ("unit", "reference_range", "range_low", "range_high", "lab")
        same = {name: getattr(last, name) for name in copied} if last and measure else {}
        return Measurement(
            measure=measure or "New test", value=0.0, measured_on=date.today(), **same
        )

    def after_change(self, select_id: int | None) -> None:
        self._follow_measure(select_id)
        super().after_change(select_id)
        self._show_chart()

    def _record_changed(self, model: type[Any], record_id: int | None) -> None:
        super()._record_changed(model, record_id)
        if model is Measurement and record_id is not None and record_id == self.editor.record_id:
            self._follow_measure(record_id)
            self._show_chart()

    def _follow_measure(self, record_id: int | None) -> None:
        """Keep the measure list current, and show the measure of the value just edited."""
        chosen = self.shown_measure()
        if record_id is not None and chosen:
            chosen = get(self.record, Measurement, record_id).measure
        moved = measure_key(chosen) != measure_key(self.shown_measure())
        self._fill_measures(chosen)
        if moved:
            self._apply_filter()
            if record_id is not None:
                self.show_record(record_id)

    def refresh(self) -> None:
        """Another page (an import, an undo) may have added or removed measures."""
        selected = self.selected_id()
        self._fill_measures(self.shown_measure())
        self._apply_filter()
        if selected is not None:
            self.show_record(selected)
