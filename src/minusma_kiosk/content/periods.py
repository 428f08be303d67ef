"""The days each point of a time chart stands for, so the charts can follow the cursor.

A fiscal year ``2013-14`` stands for 1 July 2013 – 30 June 2014, a year ``2016``
for the calendar year, and a date point (a ceiling set on a date) for the days
from that date until the next point's date (the last one has no end). Category
charts (one year, parts of a whole) have no periods.
"""

from __future__ import annotations

import datetime as dt

from minusma_kiosk.content.model import Axis, Chart

Period = tuple[dt.date, dt.date]


def point_period(chart: Chart, index: int) -> Period | None:
    """The first and last day point ``index`` of ``chart`` stands for, or None (categories)."""
    key = chart.points[index].key
    if chart.axis is Axis.FISCAL_YEAR:
        start = int(key[:4])
        return dt.date(start, 7, 1), dt.date(start + 1, 6, 30)
    if chart.axis is Axis.YEAR:
        year = int(key)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if chart.axis is Axis.DATE:
        first = dt.date.fromisoformat(key)
        if index + 1 < len(chart.points):
            return first, dt.date.fromisoformat(chart.points[index + 1].key) - dt.timedelta(1)
        return first, dt.date.max
    return None


def index_at(chart: Chart, day: dt.date) -> int | None:
    """The point of ``chart`` whose period holds ``day``, or None."""
    for i in range(len(chart.points)):
        period = point_period(chart, i)
        if period is not None and period[0] <= day <= period[1]:
            return i
    return None


def reachable(chart: Chart, first: dt.date, last: dt.date) -> list[int]:
    """The points whose period meets ``first`` … ``last`` (where the cursor can go)."""
    out = []
    for i in range(len(chart.points)):
        period = point_period(chart, i)
        if period is not None and period[0] <= last and period[1] >= first:
            out.append(i)
    return out


def day_for(chart: Chart, index: int, now: dt.date, first: dt.date,
            last: dt.date) -> dt.date | None:
    """Where the cursor goes when point ``index`` is chosen, or None to stay.

    It stays when ``now`` is already in the point's period or the period lies
    outside ``first`` … ``last``; otherwise it goes to the period's first day
    (or ``first``, for a period that began before it).
    """
    period = point_period(chart, index)
    if period is None or period[0] <= now <= period[1]:
        return None
    if period[0] > last or period[1] < first:
        return None
    return max(period[0], first)
