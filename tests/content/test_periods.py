"""The days a chart's points stand for: how the charts follow the time cursor."""

from __future__ import annotations

import datetime as dt

from minusma_kiosk.content.model import Axis, Chart, ChartKind, ChartPoint, Text
from minusma_kiosk.content.periods import day_for, index_at, point_period, reachable

D = dt.date
FIRST, LAST = D(2012, 1, 1), D(2024, 12, 31)


def make(axis: Axis, *keys: str) -> Chart:
    return Chart(id="c", kind=ChartKind.BARS, axis=axis, title=Text("t"), subtitle=Text("s"),
                 points=tuple(ChartPoint(k, None) for k in keys))


def test_a_fiscal_year_runs_from_july_to_june():
    chart = make(Axis.FISCAL_YEAR, "2013-14", "2014-15")
    assert point_period(chart, 0) == (D(2013, 7, 1), D(2014, 6, 30))
    assert index_at(chart, D(2014, 6, 30)) == 0
    assert index_at(chart, D(2014, 7, 1)) == 1
    assert index_at(chart, D(2013, 6, 30)) is None


def test_a_year_is_the_calendar_year():
    chart = make(Axis.YEAR, "2016", "2017")
    assert point_period(chart, 1) == (D(2017, 1, 1), D(2017, 12, 31))
    assert index_at(chart, D(2017, 12, 31)) == 1
    assert index_at(chart, D(2018, 1, 1)) is None


def test_a_date_point_lasts_until_the_next_one():
    chart = make(Axis.DATE, "2013-04-25", "2016-06-29")
    assert point_period(chart, 0) == (D(2013, 4, 25), D(2016, 6, 28))
    assert point_period(chart, 1) == (D(2016, 6, 29), dt.date.max)
    assert index_at(chart, D(2013, 4, 24)) is None
    assert index_at(chart, D(2016, 6, 28)) == 0
    assert index_at(chart, D(2023, 6, 30)) == 1


def test_categories_have_no_period():
    chart = make(Axis.CATEGORY, "United States", "All other members")
    assert point_period(chart, 0) is None
    assert index_at(chart, D(2022, 1, 1)) is None
    assert reachable(chart, FIRST, LAST) == []


def test_points_outside_the_exhibit_period_cannot_be_reached():
    chart = make(Axis.YEAR, "2011", "2016", "2025")
    assert reachable(chart, FIRST, LAST) == [1]


def test_choosing_a_point_moves_the_cursor_only_when_it_must():
    chart = make(Axis.FISCAL_YEAR, "2011-12", "2019-20", "2025-26")
    assert day_for(chart, 1, D(2020, 2, 14), FIRST, LAST) is None  # already in that year
    assert day_for(chart, 1, D(2013, 1, 1), FIRST, LAST) == D(2019, 7, 1)
    assert day_for(chart, 0, D(2013, 1, 1), FIRST, LAST) == FIRST  # began before the exhibit
    assert day_for(chart, 2, D(2013, 1, 1), FIRST, LAST) is None  # after the exhibit's end
