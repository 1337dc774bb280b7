"""Charts of the journey over time: one definition, drawn by reportlab for the PDF and,
through SVG, for the window (gui/chart_view.py).

A chart is built from plain data (days and values), so it knows nothing of the
database or of Qt. It shows; it never judges: the shaded band is the range the user
copied from the lab report, and values in different units are never drawn on one
axis (each unit gets its own chart, and the set says so).

reportlab.graphics is imported only when a chart is drawn: the app starts without it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from statistics import fmean
from typing import TYPE_CHECKING, Any

from sqlalchemy import exists, func, or_, select

from netjourney.core.dates import UnreadableDate
from netjourney.core.journey.choices import ValueQualifier
from netjourney.core.journey.listings import day_text
from netjourney.core.journey.models import DiaryEntry, Measurement, SymptomRating

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing
    from sqlalchemy.orm import Session

# Okabe-Ito colours: told apart with the common colour-vision differences.
SERIES_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
BAND_COLOUR = "#D9E6F2"
WIDTH, HEIGHT = 460.0, 230.0  # points: fits a PDF page's text width and a window pane
DAILY_POINTS_UP_TO_DAYS = 45  # a longer diary is drawn as weekly averages,
WEEKLY_POINTS_UP_TO_DAYS = 2 * 366  # and one of more than two years as monthly ones


@dataclass(frozen=True)
class Reading:
    """One value as copied from a lab report, with the lab's range if one was printed."""

    day: date
    value: float
    unit: str = ""
    low: float | None = None
    high: float | None = None
    printed_range: str = ""  # the range as the lab printed it, for the table beside the chart
    lab: str = ""
    qualifier: str | None = None  # "<", "<=", ">", ">=": the lab printed only a bound


@dataclass(frozen=True)
class Band:
    """The lab's range from `start` until `end`; an open end reaches the chart's edge."""

    start: date
    end: date
    low: float | None
    high: float | None


@dataclass(frozen=True)
class Series:
    name: str
    points: tuple[tuple[date, float], ...]
    # The points the lab printed only as a bound ("<0.5"): drawn at the number, marked
    # with an open triangle pointing the way the true value lies.
    bounds: tuple[tuple[date, float, ValueQualifier], ...] = ()


@dataclass(frozen=True)
class LineChart:
    title: str
    y_label: str  # the unit every value on the axis is in
    series: tuple[Series, ...]
    bands: tuple[Band, ...] = ()
    y_range: tuple[float, float] | None = None  # fixed (0-10 ratings); else from the data
    caption: str = ""

    def days(self) -> list[date]:
        return [day for s in self.series for day, _value in s.points]

    def values(self) -> list[float]:
        return [value for s in self.series for _day, value in s.points]

    def bounds(self) -> list[tuple[date, float, ValueQualifier]]:
        return [bound for s in self.series for bound in s.bounds]

    def caption_lines(self) -> list[str]:
        return self.caption.splitlines()

    def description(self) -> str:
        """The chart in words, for a screen reader and the PDF's text."""
        days, values = self.days(), self.values()
        if not days:
            return f"{self.title}: nothing recorded yet."
        unit = f" {self.y_label}" if self.y_label else ""
        text = (
            f"{self.title}: {len(values)} value{'' if len(values) == 1 else 's'} from "
            f"{day_text(min(days))} to {day_text(max(days))}, lowest "
            f"{self._shown(min(values))}{unit}, highest {self._shown(max(values))}{unit}"
        )
        if len(self.series) == 1:
            last_day, last = self.series[0].points[-1]
            text += f", latest {self._shown(last)}{unit} on {day_text(last_day)}."
        else:  # each line in words: a chart of five symptoms is five stories
            text += ". " + "; ".join(map(_series_words, self.series)) + "."
        return " ".join([text, *self.caption_lines()])

    def _shown(self, value: float) -> str:
        """A value as printed: "<0.5" when every point of that value was a bound."""
        plain = [v for s in self.series for _d, v in s.points if v == value]
        signs = {q.symbol for _d, v, q in self.bounds() if v == value}
        return f"{signs.pop()}{value:g}" if len(signs) == 1 and len(plain) == 1 else f"{value:g}"


def _series_words(series: Series) -> str:
    values = [value for _day, value in series.points]
    if not values:
        return f"{series.name}: nothing recorded"
    return f"{series.name} from {min(values):g} to {max(values):g}, latest {values[-1]:g}"


@dataclass(frozen=True)
class ChartSet:
    """The charts of one measure: one per unit, and a notice when there is more than one."""

    charts: tuple[LineChart, ...]
    notice: str = ""


def unit_key(unit: str) -> str:
    """Spellings of one unit are one unit (ng/mL, ng/ml); anything else is another."""
    return " ".join(unit.split()).casefold()


def measure_charts(measure: str, readings: Iterable[Reading]) -> ChartSet:
    """One chart per unit the measure was reported in, each with its lab's range as a band."""
    by_unit: dict[str, list[Reading]] = defaultdict(list)
    for reading in sorted(readings, key=lambda r: r.day):
        by_unit[unit_key(reading.unit)].append(reading)
    charts = tuple(_measure_chart(measure, group) for group in by_unit.values())
    notice = ""
    if len(charts) > 1:
        units = ", ".join(chart.y_label or "no unit given" for chart in charts)
        notice = (
            f"{measure} was reported in {len(charts)} different units ({units}). "
            "Values in different units are never drawn on one axis: each unit has its own chart."
        )
    return ChartSet(charts, notice)


def _measure_chart(measure: str, readings: list[Reading]) -> LineChart:
    unit = " ".join(readings[0].unit.split())
    drawn = [r for r in readings if _drawable_reading(r)]
    points = tuple((r.day, r.value) for r in drawn)
    bounds = tuple(
        (r.day, r.value, ValueQualifier(r.qualifier))
        for r in drawn
        if r.qualifier and ValueQualifier(r.qualifier).known
    )
    bands = reference_bands(drawn)
    caption = _band_caption(bands, unit)
    if bounds:
        caption += "\n" + bounds_caption(len(bounds))
    if len(drawn) < len(readings):
        caption += "\n" + left_out_caption(len(readings) - len(drawn))
    return LineChart(
        title=f"{measure} ({unit})" if unit else measure,
        y_label=unit,
        series=(Series(measure, points, bounds),),
        bands=bands,
        caption=caption,
    )


def bounds_caption(count: int) -> str:
    """Says what the open triangles are (the count is in the table and the description)."""
    which = "a value" if count == 1 else "values"
    return f"Open triangles: {which} printed as a bound (<, >), drawn at that number."


def _drawable_reading(reading: Reading) -> bool:
    return math.isfinite(reading.value) and not isinstance(reading.day, UnreadableDate)


def left_out_caption(count: int) -> str:
    """Says that values stored without a readable number or day are in the table, not drawn."""
    which = "1 value" if count == 1 else f"{count} values"
    them = "it" if count == 1 else "them"
    return f"Not drawn: {which} with no readable number or day (netjourney check names {them})."


def reference_bands(readings: Sequence[Reading]) -> tuple[Band, ...]:
    """Each result's printed range holds until the next result; equal neighbours merge."""
    bands: list[Band] = []
    for number, reading in enumerate(readings):
        end = readings[number + 1].day if number + 1 < len(readings) else date.max
        if reading.low is None and reading.high is None:
            continue
        last = bands[-1] if bands else None
        if last and (last.low, last.high, last.end) == (reading.low, reading.high, reading.day):
            bands[-1] = Band(last.start, end, last.low, last.high)
        else:
            bands.append(Band(reading.day, end, reading.low, reading.high))
    return tuple(bands)


def _band_caption(bands: tuple[Band, ...], unit: str) -> str:
    if not bands:
        return "No reference range was copied for these results."
    ranges = {(b.low, b.high) for b in bands}
    if len(ranges) > 1:
        return "Shaded: the reference range printed with each result."
    low, high = ranges.pop()
    return f"Shaded: the lab's reference range as printed, {range_text(low, high, unit)}."


def range_text(low: float | None, high: float | None, unit: str = "") -> str:
    suffix = f" {unit}" if unit else ""
    if low is not None and high is not None:
        return f"{low:g}–{high:g}{suffix}"
    return f"below {high:g}{suffix}" if high is not None else f"above {low:g}{suffix}"


@dataclass(frozen=True)
class SymptomMark:
    """One symptom on one diary day: a 0-10 rating or a count (e.g. 4 flushes)."""

    day: date
    symptom: str
    rating: int | None = None
    count: int | None = None


def diary_charts(marks: Iterable[SymptomMark]) -> tuple[LineChart, ...]:
    """Ratings on a 0-10 chart, counts on a chart of their own (never one axis for both);
    a diary longer than six weeks is drawn as weekly averages, over two years monthly."""
    marks = list(marks)
    if not marks:
        return ()
    period = diary_period(min(m.day for m in marks), max(m.day for m in marks))
    ratings: Averages = defaultdict(lambda: defaultdict(list))
    counts: Averages = defaultdict(lambda: defaultdict(list))
    for m in marks:
        start = _period_start(m.day, period)
        if m.rating is not None:
            ratings[m.symptom][start].append(m.rating)
        if m.count is not None:
            counts[m.symptom][start].append(m.count)
    return _diary_line_charts(period, _averaged(ratings), _averaged(counts))


Averages = dict[str, dict[date, list[float]]]  # symptom -> a period's first day -> values


def diary_period(first: date, last: date) -> str:
    span = (last - first).days
    if span <= DAILY_POINTS_UP_TO_DAYS:
        return "day"
    return "week" if span <= WEEKLY_POINTS_UP_TO_DAYS else "month"


def _period_start(day: date, period: str) -> date:
    if period == "week":
        return day - timedelta(days=day.weekday())  # the week's Monday
    return day.replace(day=1) if period == "month" else day


def _averaged(values: Averages) -> tuple[Series, ...]:
    return tuple(
        Series(symptom, tuple((day, round(fmean(v), 2)) for day, v in sorted(days.items())))
        for symptom, days in values.items()
    )


def _diary_line_charts(
    period: str, ratings: tuple[Series, ...], counts: tuple[Series, ...]
) -> tuple[LineChart, ...]:
    per = "by day" if period == "day" else f"{period}ly average"
    charts = []
    if ratings:
        charts.append(LineChart(f"Symptoms rated 0–10, {per}", "rating 0–10", ratings, (), (0, 10)))
    if counts:
        top = max(value for s in counts for _day, value in s.points) * 1.1 or 1.0
        title = f"Symptoms counted, times a day, {per}"
        charts.append(LineChart(title, "times a day", counts, (), (0, top)))
    return tuple(charts)


# -- drawing (reportlab) ---------------------------------------------------------------


@cache  # once: later calls cost nothing
def load_drawing_library() -> None:
    """Import reportlab's charts (about 85 ms) ahead of the first chart: the window calls
    this once it is idle after start, so opening a chart page does not pay for it.

    reportlab checks the type of every attribute set on a shape, which is over a third
    of drawing a chart. Ours are made by this module (and tested), never from input,
    so the check is turned off; the drawing is byte for byte the same (a test says so).
    """
    from reportlab import rl_config

    rl_config.shapeChecking = 0  # read when reportlab.graphics.shapes is first imported
    from reportlab.graphics import renderSVG  # noqa: F401
    from reportlab.graphics.charts import lineplots  # noqa: F401


@dataclass(frozen=True)
class ChartColours:
    """What a chart is drawn in, as #RRGGBB: print colours (the PDF's) unless the window
    passes its own palette's (gui/chart_view.py), so a dark window gets a dark chart."""

    background: str = "#FFFFFF"
    text: str = "#000000"  # the title, axes, ticks, their labels and the legend
    caption: str = "#333333"
    grid: str = "#E0E0E0"
    band: str = BAND_COLOUR
    series: tuple[str, ...] = SERIES_COLOURS

    def series_colour(self, number: int) -> str:
        return self.series[number % len(self.series)]


@dataclass(frozen=True)
class Fonts:
    """The PDF draws in the fonts it embeds; SVG names fonts every system has."""

    regular: str = "Helvetica"
    bold: str = "Helvetica-Bold"
    scale: float = 1.0  # larger text for a user who chose it; the plot gives up the room


def draw(
    chart: LineChart,
    width: float = WIDTH,
    height: float = HEIGHT,
    fonts: Fonts = Fonts(),
    colours: ChartColours = ChartColours(),
) -> Drawing:
    """The chart as a reportlab Drawing: a flowable for the PDF, or SVG for the window."""
    load_drawing_library()
    from reportlab.graphics.charts.lineplots import LinePlot
    from reportlab.graphics.shapes import Drawing, Rect, String

    drawing = Drawing(width, height)
    background = Rect(0, 0, width, height)
    background.strokeColor = background.fillColor = _colour(colours.background)
    drawing.add(background)
    k, ink = fonts.scale, _colour(colours.text)
    title_size = (11 if width >= 400 else 9) * k  # half a page: the title must still fit
    title = String(0, height - 14 * k, chart.title, fontName=fonts.bold, fontSize=title_size)
    title.fillColor = ink
    drawing.add(title)
    if not chart.values():
        nothing = String(0, height / 2, "Nothing recorded yet.", fontName=fonts.regular)
        nothing.fontSize, nothing.fillColor = 10 * k, ink
        drawing.add(nothing)
        return drawing
    columns = legend_columns(width / k)
    named = len(chart.series) > 1 or chart.series[0].name not in chart.title
    legend_rows = -(-len(chart.series) // columns) if named else 0
    bottom = (34 + 14 * legend_rows + 12 * len(chart.caption_lines())) * k
    plot: Any = LinePlot()
    plot.x, plot.y = 44 * k, bottom
    plot.width, plot.height = width - 10 - 44 * k, height - bottom - 28 * k
    plot.data = [[(day.toordinal(), value) for day, value in s.points] for s in chart.series]
    for number, _series in enumerate(chart.series):
        line = plot.lines[number]
        line.strokeColor = _colour(colours.series_colour(number))
        line.strokeWidth = 1.5
        if len(chart.days()) <= 120:  # markers show single values; on a long diary they clutter
            from reportlab.graphics.widgets.markers import makeMarker

            line.symbol = makeMarker("FilledCircle", size=4)  # type: ignore[no-untyped-call]
    _set_axes(plot, chart, colours)
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.labels.fontName, axis.labels.fontSize = fonts.regular, 8 * k
        axis.strokeColor = axis.labels.fillColor = ink  # the axis line, its ticks and labels
    plot.annotations = [_band_painter(chart.bands, colours.band)] if chart.bands else []
    if chart.bounds():
        plot.annotations.append(_bounds_painter(chart.series, 4.5 * k, colours))
    drawing.add(plot)
    _add_notes(drawing, chart, width, legend_rows, fonts, colours)
    return drawing


def _set_axes(plot: Any, chart: LineChart, colours: ChartColours) -> None:
    days = chart.days()
    first, last = min(days), max(days)
    pad = max(7, (last - first).days // 30)
    plot.xValueAxis.valueMin = (first - timedelta(days=pad)).toordinal()
    plot.xValueAxis.valueMax = (last + timedelta(days=pad)).toordinal()
    plot.xValueAxis.valueSteps = [d.toordinal() for d in date_ticks(first, last)]
    long_span = (last - first).days > 3 * 366
    plot.xValueAxis.labelTextFormat = lambda ordinal: _tick_text(ordinal, long_span)
    plot.yValueAxis.labelTextFormat = lambda value: f"{value:g}"
    low, high = chart.y_range or value_range(chart)
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = low, high
    plot.yValueAxis.visibleGrid = True
    plot.yValueAxis.gridStrokeColor = _colour(colours.grid)


def _tick_text(ordinal: float, long_span: bool) -> str:
    day = date.fromordinal(int(ordinal))
    return str(day.year) if long_span else f"{day:%b} {day.year}"


def value_range(chart: LineChart) -> tuple[float, float]:
    """The axis spans the values and the whole printed range, with a little room."""
    ends = chart.values() + [v for b in chart.bands for v in (b.low, b.high) if v is not None]
    if min(ends) >= 0 and any(b.low is None for b in chart.bands):
        ends.append(0.0)  # a range printed as "below 3" starts at 0
    low, high = min(ends), max(ends)
    room = (high - low) * 0.08 or abs(high) * 0.1 or 1.0
    bottom = low - room
    return (0.0 if low >= 0 > bottom else bottom), high + room


def date_ticks(first: date, last: date) -> list[date]:
    """First days of months (or years), about six of them, between two days."""
    span_months = (last.year - first.year) * 12 + last.month - first.month
    if span_months > 3 * 12:
        return [date(year, 1, 1) for year in range(first.year + 1, last.year + 1)]
    step = max(1, -(-span_months // 6))
    ticks: list[date] = []
    year, month = first.year, first.month
    while date(year, month, 1) <= last:
        if date(year, month, 1) >= first:
            ticks.append(date(year, month, 1))
        year, month = (year + (month - 1 + step) // 12, (month - 1 + step) % 12 + 1)
    return ticks or [first]


def _band_painter(bands: tuple[Band, ...], colour: str) -> Any:
    def paint(plot: Any, x_scale: Any, y_scale: Any) -> Any:
        from reportlab.graphics.shapes import Group, Rect

        y_axis = plot.yValueAxis
        group = Group()
        for band in bands:
            left = max(x_scale(band.start.toordinal()), plot.x)
            end = plot.x + plot.width if band.end == date.max else x_scale(band.end.toordinal())
            low = y_scale(band.low if band.low is not None else y_axis.valueMin)
            high = y_scale(band.high if band.high is not None else y_axis.valueMax)
            bottom, top = max(low, plot.y), min(high, plot.y + plot.height)
            if end > left and top > bottom:
                fill = _colour(colour)
                shape = Rect(left, bottom, end - left, top - bottom, fillColor=fill)
                shape.strokeColor = None  # no outline: a band, not a box
                group.add(shape)
        return group

    paint.beforeLines = True  # type: ignore[attr-defined]  # reportlab reads this flag
    return paint


def _bounds_painter(series: tuple[Series, ...], size: float, colours: ChartColours) -> Any:
    """An open triangle over each point printed as a bound: down for "<0.5", up for ">1000"."""

    def paint(plot: Any, x_scale: Any, y_scale: Any) -> Any:
        from reportlab.graphics.shapes import Group, Polygon

        group = Group()
        for number, one in enumerate(series):
            colour = _colour(colours.series_colour(number))
            hollow = _colour(colours.background)
            for day, value, qualifier in one.bounds:
                x, y = x_scale(day.toordinal()), y_scale(value)
                tip = -size if qualifier.is_upper_bound else size
                corners = [x - size, y - tip * 0.6, x + size, y - tip * 0.6, x, y + tip]
                group.add(Polygon(corners, fillColor=hollow, strokeColor=colour))
        return group

    return paint


def legend_columns(width: float) -> int:
    return 3 if width >= 400 else 2


def _add_notes(
    drawing: Any,
    chart: LineChart,
    width: float,
    legend_rows: int,
    fonts: Fonts,
    colours: ChartColours,
) -> None:
    from reportlab.graphics.shapes import Line, String

    k, font = fonts.scale, fonts.regular
    y = 4.0 * k
    for line in reversed(chart.caption_lines()):
        caption = String(0, y, line, fontName=font, fillColor=_colour(colours.caption))
        caption.fontSize = 8 * k
        drawing.add(caption)
        y += 12 * k
    columns = legend_columns(width / k)
    column_width = width / columns
    for number, series in enumerate(chart.series if legend_rows else ()):
        row, column = divmod(number, columns)
        x, line_y = column * column_width, y + (14 * (legend_rows - 1 - row) + 3) * k
        colour = _colour(colours.series_colour(number))
        drawing.add(Line(x, line_y, x + 16 * k, line_y, strokeColor=colour, strokeWidth=2 * k))
        name = String(x + 20 * k, line_y - 3 * k, series.name, fontName=font)
        name.fontSize, name.fillColor = 9 * k, _colour(colours.text)
        drawing.add(name)


def _colour(hex_text: str) -> Any:
    from reportlab.lib import colors

    return colors.HexColor(hex_text)


@lru_cache(maxsize=32)
def svg_of(
    chart: LineChart,
    width: float = WIDTH,
    height: float = HEIGHT,
    fonts: Fonts = Fonts(),
    colours: ChartColours = ChartColours(),
) -> bytes:
    """The same drawing as SVG, for QtSvg in the window. Kept for the charts drawn last:
    a page shown again, or a measure chosen again, draws its unchanged chart at once."""
    from reportlab.graphics import renderSVG

    text: str = renderSVG.drawToString(draw(chart, width, height, fonts, colours))
    # reportlab writes "fill: None", which SVG readers (QtSvg too) take as black fill.
    return text.replace("fill: None", "fill: none").encode("utf-8")


# -- from the record -------------------------------------------------------------------


def measure_key(name: str) -> str:
    """One measure however it was typed: 'Chromogranin A', 'chromogranin a '."""
    return " ".join(name.split()).casefold()


def measure_names(session: Session) -> list[tuple[str, int]]:
    """Each measure recorded (as last typed) with its number of values, most recent first."""
    names: dict[str, tuple[str, int]] = {}
    rows = session.execute(
        select(Measurement.measure).order_by(Measurement.measured_on.desc(), Measurement.id.desc())
    )
    for (name,) in rows:
        key = measure_key(name)
        shown, count = names.get(key, (name, 0))
        names[key] = (shown, count + 1)
    return list(names.values())


def readings_of(session: Session, measure: str) -> list[Reading]:
    """The values of one measure, oldest first, as plain data for its chart and table."""
    rows = session.scalars(select(Measurement).order_by(Measurement.measured_on, Measurement.id))
    return [reading_of(m) for m in rows if measure_key(m.measure) == measure_key(measure)]


def reading_of(m: Measurement) -> Reading:
    return Reading(
        m.measured_on,
        m.value,
        m.unit,
        _drawable(m.range_low),
        _drawable(m.range_high),
        m.reference_range,
        m.lab,
        m.value_qualifier,
    )


def _drawable(end: float | None) -> float | None:
    """A range's end that is not a readable number draws no band (its printed text stays)."""
    return end if end is None or math.isfinite(end) else None


def marks_of(entries: Iterable[DiaryEntry]) -> list[SymptomMark]:
    return [SymptomMark(e.day, r.symptom, r.rating, r.count) for e in entries for r in e.ratings]


def numbers_by_symptom(
    entries: Iterable[DiaryEntry],
) -> dict[str, tuple[list[int], list[int]]]:
    """Per symptom, in the order first noted: its ratings and its counts, as written."""
    numbers: dict[str, tuple[list[int], list[int]]] = {}
    for entry in entries:
        for mark in entry.ratings:
            rated, counted = numbers.setdefault(mark.symptom, ([], []))
            if mark.rating is not None:
                rated.append(mark.rating)
            if mark.count is not None:
                counted.append(mark.count)
    return numbers


def _readable_day() -> Any:
    return func.date(DiaryEntry.day).is_not(None)  # a stored day that is none: not drawn


def diary_has_charts(session: Session) -> bool:
    """Whether `diary_charts_of` has anything to draw (a rating or a count on a readable
    day), found at the first such rating: the window reads the charts themselves once
    the page is shown."""
    marked = or_(SymptomRating.rating.is_not(None), SymptomRating.count.is_not(None))
    on_a_day = SymptomRating.entry_id == DiaryEntry.id
    return bool(session.scalar(select(exists().where(on_a_day, _readable_day(), marked))))


def diary_charts_of(session: Session) -> tuple[LineChart, ...]:
    """The diary's charts, averaged in SQL: five years of days draw as fast as a month."""
    readable = _readable_day()
    days = select(DiaryEntry.day).where(readable).subquery()
    first, last = session.execute(select(func.min(days.c.day), func.max(days.c.day))).one()
    if first is None:
        return ()
    period = diary_period(first, last)
    start: Any = {
        "day": DiaryEntry.day,
        "week": func.date(DiaryEntry.day, "weekday 0", "-6 days"),  # the week's Monday
        "month": func.strftime("%Y-%m-01", DiaryEntry.day),
    }[period]
    rows = session.execute(
        select(
            start.label("start"),
            SymptomRating.symptom,
            func.avg(SymptomRating.rating),
            func.avg(SymptomRating.count),
        )
        .join(SymptomRating, SymptomRating.entry_id == DiaryEntry.id)
        .where(readable)
        .group_by(start, SymptomRating.symptom)
        .order_by(start, func.min(SymptomRating.id))
    )
    ratings: Averages = defaultdict(dict)
    counts: Averages = defaultdict(dict)
    for day, symptom, rating, count in rows:
        shown_on = day if isinstance(day, date) else date.fromisoformat(day)
        if rating is not None:
            ratings[symptom][shown_on] = [rating]
        if count is not None:
            counts[symptom][shown_on] = [count]
    return _diary_line_charts(period, _averaged(ratings), _averaged(counts))
