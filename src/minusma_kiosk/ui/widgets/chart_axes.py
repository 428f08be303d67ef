"""The charts' axes: keys and values written as the exhibit writes them, round ticks."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg

from minusma_kiosk.content.formatting import format_date, format_number
from minusma_kiosk.content.model import Axis, Chart, Lang, Unit


def point_label(axis: Axis, key: str, lang: Lang, short: bool = False) -> str:
    """A key written for reading: a fiscal year, a year, a date or a category.

    ``short`` (a narrow chart): "13–14" for the fiscal year 2013-14.
    """
    if axis is Axis.DATE:
        return format_date(key, lang)
    if axis is Axis.FISCAL_YEAR:
        return f"{key[2:4]}–{key[5:7]}" if short else format_date(key, lang)
    return key


def nice_ticks(top: float, count: int = 4) -> list[float]:
    """About ``count`` round tick values from 0 to ``top`` (1, 2 or 5 times a power of ten)."""
    if top <= 0:
        return [0.0]
    raw = top / count
    power = 10 ** np.floor(np.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return [float(v) for v in np.arange(0, top + step * 0.01, step)]


class ValueAxis(pg.AxisItem):
    """A value axis whose ticks read like the rest of the exhibit ("$1.2 billion")."""

    def __init__(self, orientation: str = "left") -> None:
        super().__init__(orientation)
        self.unit = None
        self.lang: Lang = "en"

    def tickStrings(self, values, scale, spacing):
        if self.unit is None:
            return super().tickStrings(values, scale, spacing)
        return [format_number(v, self.unit, self.lang) for v in values]


Width = Callable[[str], int]  # the pixel width of a text in the axis font


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
        ticks = [(v, format_number(v, unit, lang)) for v in nice_ticks(top, count)]
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
        ticks = [(v, format_number(v, unit, lang)) for v in nice_ticks(high, count) if v >= low]
        if all((b[0] - a[0]) * per_unit >= line_height * 1.6
               for a, b in zip(ticks, ticks[1:], strict=False)):
            break
    return ticks
