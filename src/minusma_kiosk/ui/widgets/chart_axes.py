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


def key_ticks(chart: Chart, lang: Lang, per_point: float, width: Width) -> list[tuple[int, str]]:
    """Labels along a time axis that fit ``per_point`` pixels each: whole, short, or only
    every second or third one."""
    room = per_point * 0.9
    for short, every in ((False, 1), (True, 1), (True, 2), (True, 3)):
        labels = [point_label(chart.axis, p.key, lang, short) for p in chart.points]
        if max(width(t) for t in labels) <= room * every:
            break
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
        #: The value range of a chart over time, and the ticks of a share chart.
        self.low, self.high = 0.0, 1.0
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
        per_unit = (plot.width() - self.wide) / (top_value * 1.08)
        self.share_ticks = value_ticks(top_value, self.share.unit, lang, per_unit,
                                       QFontMetrics(self.font).horizontalAdvance)
        self.share.setTicks([self.share_ticks])
        plot.setYRange(-0.7, n - 0.3, padding=0)
        plot.setXRange(0, top_value * 1.08, padding=0)

    def frame_time(self, plot: pg.PlotWidget, chart: Chart, lang: Lang) -> None:
        """A chart over time: the values on the left, the periods along the bottom."""
        self.share.unit = None
        plot.setXRange(-0.7, len(chart.points) - 0.3, padding=0)
        every = [p.figure.value for p in chart.points + chart.points2 if p.figure is not None]
        if chart.reference is not None:
            every.append(chart.reference.value)
        low = 0.0 if chart.kind is not ChartKind.LINE or chart.points2 else min(every) * 0.9
        self.low, self.high = low, max(every) * 1.12
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
        self.share.setTicks([self.time_ticks(plot, chart, lang)])

    def time_ticks(self, plot: pg.PlotWidget, chart: Chart,
                   lang: Lang) -> list[tuple[int, str]]:
        """Labels along a time axis that fit the width: whole, short, or every other one."""
        axis = max(self.narrow, self.value.width())
        per_point = (plot.width() - axis) / max(len(chart.points), 1)
        return key_ticks(chart, lang, per_point, QFontMetrics(self.font).horizontalAdvance)
