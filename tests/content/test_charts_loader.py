"""charts.toml: valid charts, and the mistakes a curator can make."""

from __future__ import annotations

from minusma_kiosk.content.charts import key_problem
from minusma_kiosk.content.model import Axis, ChartKind
from tests.content.conftest import assert_problem


def test_tiny_chart_loads_with_its_gap(tiny):
    result = tiny.load()
    assert result.ok, result.problems
    (chart,) = result.content.charts
    assert chart.kind is ChartKind.BARS and chart.axis is Axis.FISCAL_YEAR
    assert [p.key for p in chart.points] == ["2021-22", "2022-23", "2023-24"]
    assert chart.points[0].gap and chart.points[0].figure is None
    assert chart.points[2].figure.derived  # a computed value keeps its formula


def test_fiscal_year_keys_are_checked():
    assert key_problem(Axis.FISCAL_YEAR, "2013-14") is None
    assert "not a fiscal year" in key_problem(Axis.FISCAL_YEAR, "2013-15")
    assert "not a fiscal year" in key_problem(Axis.FISCAL_YEAR, "2013/14")
    assert "not a year" in key_problem(Axis.YEAR, "16")
    assert "not a date" in key_problem(Axis.DATE, "2016-02-30")


def test_unknown_fiscal_year_format_in_a_chart(tiny):
    tiny.edit("charts.toml", '{ key = "2022-23", figure', '{ key = "2022/23", figure')
    line = tiny.line("charts.toml", "points = [")
    assert_problem(tiny.problems(), "charts.toml", line, "point '2022/23'", "not a fiscal year")


def test_unknown_figure_and_gap_with_figure(tiny):
    tiny.edit("charts.toml", 'figure = "fig_budget"', 'figure = "fig_nope"')
    tiny.edit("charts.toml", '{ key = "2021-22", gap = true }',
              '{ key = "2021-22", gap = true, figure = "fig_rate" }')
    problems = tiny.problems()
    line = tiny.line("charts.toml", "points = [")
    assert_problem(problems, "charts.toml", line, "unknown figure 'fig_nope'")
    assert_problem(problems, "charts.toml", line, "point '2021-22'", "not both")


def test_a_chart_mixing_units(tiny):
    tiny.edit("charts.toml", 'figure = "fig_share"', 'figure = "fig_rate"')
    assert_problem(tiny.problems(), "charts.toml", tiny.line("charts.toml", "[[chart]]"),
                   "mixes units")


def test_points_out_of_order_and_unknown_kind(tiny):
    tiny.edit("charts.toml", '{ key = "2021-22", gap = true }', '{ key = "2024-25", gap = true }')
    tiny.edit("charts.toml", 'kind = "bars"', 'kind = "pie"')
    problems = tiny.problems()
    assert_problem(problems, "charts.toml", tiny.line("charts.toml", "kind ="), "kind must be")


def test_non_numeric_chart_value_is_reported_on_its_figures_row(tiny):
    line = tiny.edit("figures.csv", "fig_budget,6450000000", "fig_budget,6.45 billion")
    assert_problem(tiny.problems(), "figures.csv", line, "'6.45 billion' is not a number")


def test_notes_highlight_and_reference(tiny):
    tiny.edit("charts.toml", 'axis = "fiscal_year"', 'axis = "fiscal_year"\nnotes = ["fig_people"]\n'
              'highlight = "2022-23"')
    result = tiny.load()
    assert result.ok, result.problems
    chart = result.content.charts[0]
    assert [f.id for f in chart.notes] == ["fig_people"] and chart.highlight == "2022-23"


def test_unknown_highlight_and_note(tiny):
    tiny.edit("charts.toml", 'axis = "fiscal_year"', 'axis = "fiscal_year"\nnotes = ["nope"]\n'
              'highlight = "1999-00"')
    problems = tiny.problems()
    assert_problem(problems, "charts.toml", tiny.line("charts.toml", "notes ="),
                   "unknown figure 'nope'")
    assert_problem(problems, "charts.toml", tiny.line("charts.toml", "highlight ="),
                   "highlight '1999-00' is not the key")
