"""The charts' axes: keys and values written as the exhibit writes them, round ticks."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QFontMetrics

from minusma_kiosk.content.formatting import format_date, format_number
from minusma_kiosk.content.model import Axis, Chart, ChartKind, Lang, Unit


def point_label(axis: Axis, key: str, lang: Lang, short: bool = False) -> str:
    """A key written for reading: a fiscal year, a year, a date or a category.

    ``short`` (a narrow chart): "13–14" for the fiscal year 2013-14.
    """
    if axis is Axis.DATE:
        return format_date(key, lang)
    if axis is Axis.FISCAL_YEAR:
        return f"{key[2:4]}–{key[5:7]}" if short else format_date(key, lang)
    return key


def nice_ticks(top: float, count: int = 4, bottom: float = 0.0) -> list[float]:
    """About ``count`` round tick values from ``bottom`` to ``top`` (steps of 1, 2 or 5
    times a power of ten, on multiples of the step)."""
    if top <= bottom:
        return [float(bottom)]
    raw = (top - bottom) / count
    power = 10 ** np.floor(np.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    start = np.ceil(bottom / step - 1e-9) * step
    return [float(v) for v in np.arange(start, top + step * 0.01, step)]


class ValueAxis(pg.AxisItem):
    """A value axis whose ticks read like the rest of the exhibit ("$1.2 billion")."""

    def __init__(self, orientation: str = "left") -> None:
        super().__init__(orientation)
        self.unit: Unit | None = None
        self.lang: Lang = "en"

    def tickStrings(self, values, scale, spacing):
        if self.unit is None:
            return super().tickStrings(values, scale, spacing)
        return [format_number(v, self.unit, self.lang) for v in values]


Width = Callable[[str], int]  # the pixel width of a text in the axis font


def tick_text(value: float, unit: Unit | None, lang: Lang) -> str:
    """A tick's value as the exhibit writes it; a chart with no figure at all (every
    point a gap) has no unit, and its ticks are plain numbers."""
    return format_number(value, unit if unit is not None else Unit.COUNT, lang)


def key_ticks(chart: Chart, lang: Lang, per_point: float, width: Width,
              two_rows: bool = True) -> list[tuple[int, str]]:
    """Labels along a time axis that fit ``per_point`` pixels each: whole, short, on two
    rows (when ``two_rows``: the plot is tall enough to give up a line), or only every
    second or third one."""
    room = per_point * 0.9
    # Every period keeps its label as long as it can: whole, short, then on two rows
    # (every other label one line down), and only then every second or third one.
    tries = ((False, 1), (True, 1), (True, 0), (True, 2), (True, 3))
    for short, every in (t for t in tries if two_rows or t[1]):
        labels = [point_label(chart.axis, p.key, lang, short) for p in chart.points]
        if max(width(t) for t in labels) <= room * (every or 2):
            break
    if every == 0:
        return [(i, t if i % 2 == 0 else "\n" + t) for i, t in enumerate(labels)]
    return [(i, t if i % every == 0 else "") for i, t in enumerate(labels)]


def value_ticks(top: float, unit: Unit | None, lang: Lang, per_unit: float,
                width: Width) -> list[tuple[float, str]]:
    """As many round values from 0 to ``top`` as fit side by side, ``per_unit`` pixels
    per unit ("1 milliard de dollars" needs room)."""
    for count in (4, 3, 2, 1):
        ticks = [(v, tick_text(v, unit, lang)) for v in nice_ticks(top, count)]
        if all((width(a[1]) + width(b[1])) * 0.6 < (b[0] - a[0]) * per_unit
               for a, b in zip(ticks, ticks[1:], strict=False)):
            break
    return ticks


def level_ticks(low: float, high: float, unit: Unit | None, lang: Lang, per_unit: float,
                line_height: int) -> list[tuple[float, str]]:
    """Round values for an upright value axis from ``low`` to ``high``, as many as fit one
    above the other with room to spare (``per_unit`` pixels per unit): large text gets
    fewer ticks, never none."""
    ticks: list[tuple[float, str]] = []
    for count in (5, 4, 3, 2, 1):
        ticks = [(v, tick_text(v, unit, lang)) for v in nice_ticks(high, count, low)]
        if all((b[0] - a[0]) * per_unit >= line_height * 1.6
               for a, b in zip(ticks, ticks[1:], strict=False)):
            break
    return ticks


class PlotAxes:
    """The chart plot's two axes: what they show for each kind of chart, written as the
    exhibit writes numbers and periods, and as wide as their labels need at the text
    size in force (pyqtgraph hides a label wider than its axis).

    ``value`` is the left axis (values over time, or the names of the parts of a whole);
    ``share`` the bottom one (periods, or the values of the parts).
    """

    def __init__(self, font: QFont) -> None:
        self.value = ValueAxis("left")
        self.share = ValueAxis("bottom")
        self.font = font
        #: The left axis's width for values and for names (px), set for the window.
        self.narrow, self.wide = 230, 360
        #: The value range of a chart over time (and its largest value), and the ticks of
        #: a share chart.
        self.low, self.high, self.top = 0.0, 1.0, 1.0
        self.share_ticks: list[tuple[float, str]] = []

    def set_sizes(self, font: QFont, narrow: int, wide: int, colour: str) -> None:
        """Type, widths and colour for the window and the palette in force."""
        self.font = font
        self.narrow, self.wide = narrow, wide
        for axis in (self.value, self.share):
            axis.setStyle(tickFont=font)
            axis.setTextPen(QColor(colour))
            axis.setPen(QColor(colour))
        self.share.setHeight(round(font.pixelSize() * 2.4))
        self.value.setWidth(narrow)

    def frame_share(self, plot: pg.PlotWidget, chart: Chart, lang: Lang,
                    values: np.ndarray) -> None:
        """A parts-of-a-whole chart: names on the left, values along the bottom."""
        self.value.unit, self.share.unit = None, self.value.unit
        self.share.lang = lang
        n = len(chart.points)
        self.value.setTicks([[(n - 1 - i, p.label(lang)) for i, p in enumerate(chart.points)]])
        self.value.setWidth(self.wide)
        top_value = float(np.nanmax(values))
        # Room after the longest bar for its value, written at its end.
        metrics = QFontMetrics(self.font)
        unit = self.share.unit
        widest = max(metrics.horizontalAdvance(tick_text(float(v), unit, lang))
                     for v in values if np.isfinite(v))
        room = max(plot.width() - self.wide, 1)
        span = top_value * max(1.08, room / max(room - widest - metrics.height(), 1))
        per_unit = room / span
        self.share_ticks = value_ticks(top_value, self.share.unit, lang, per_unit,
                                       QFontMetrics(self.font).horizontalAdvance)
        self.share.setTicks([self.share_ticks])
        plot.setYRange(-0.7, n - 0.3, padding=0)
        plot.setXRange(0, span, padding=0)

    def frame_time(self, plot: pg.PlotWidget, chart: Chart, lang: Lang) -> None:
        """A chart over time: the values on the left, the periods along the bottom."""
        self.share.unit = None
        plot.setXRange(-0.7, len(chart.points) - 0.3, padding=0)
        every = [p.figure.value for p in chart.points + chart.points2 if p.figure is not None]
        if chart.reference is not None:
            every.append(chart.reference.value)
        # From zero, always: a rate axis from 23 % made a change of two points look
        # like a fall by half.
        self.top = max(every)
        self.low, self.high = 0.0, self.top * 1.12
        plot.setYRange(self.low, self.high, padding=0)
        self.fit(plot, chart, lang)

    def fit(self, plot: pg.PlotWidget, chart: Chart, lang: Lang) -> None:
        """A chart over time's ticks for the plot's size (again after each resize): round
        values up the side, spaced for the text, the axis as wide as its widest label,
        then the periods that fit along the bottom."""
        if chart.kind is ChartKind.SHARE:
            return
        metrics = QFontMetrics(self.font)
        height = plot.getPlotItem().getViewBox().height()
        # Room over the largest value for the value written above it (a line's label
        # sits higher, clear of its dot).
        need = (metrics.height() + 10) * (1.7 if chart.kind is ChartKind.LINE else 1.1) + 4
        if height > 2 * need:
            high = max(self.top * 1.12, self.top * height / (height - need))
            if abs(high - self.high) > 1e-9 * max(abs(high), 1.0):
                self.high = high
                plot.setYRange(self.low, self.high, padding=0)
        if height > 0:
            ticks = level_ticks(self.low, self.high, self.value.unit, lang,
                                height / (self.high - self.low), metrics.height())
            self.value.setTicks([ticks])
            widest = max(metrics.horizontalAdvance(text) for _, text in ticks)
            width = max(self.narrow, widest + metrics.height())
        else:  # not laid out yet: pyqtgraph's own ticks until the first resize
            self.value.setTicks(None)
            width = self.narrow
        if self.value.width() != width:  # each new width lays the plot out again
            self.value.setWidth(width)
        periods = self.time_ticks(plot, chart, lang)
        rows = 2 if any(text.startswith("\n") for _, text in periods) else 1
        height = round(self.font.pixelSize() * (1.2 + 1.2 * rows))
        if self.share.height() != height:  # each new height lays the plot out again
            self.share.setHeight(height)
        self.share.setTicks([periods])

    def time_ticks(self, plot: pg.PlotWidget, chart: Chart,
                   lang: Lang) -> list[tuple[int, str]]:
        """Labels along a time axis that fit the width: whole, short, or every other one."""
        axis = max(self.narrow, self.value.width())
        per_point = (plot.width() - axis) / max(len(chart.points), 1)
        # A second row of labels costs a line of the plot's height: only a tall plot.
        tall = plot.height() >= 12 * max(self.font.pixelSize(), 1)
        return key_ticks(chart, lang, per_point, QFontMetrics(self.font).horizontalAdvance,
                         tall)
