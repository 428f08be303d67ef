"""Budget charts: tap to explain a value, gaps, the shared fiscal year, no escape."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMenu

from minusma_kiosk.ui.capture import settle
from minusma_kiosk.ui.router import ScreenId
from tests.ui.touch import device, tap


@pytest.fixture
def charts(make_shell):
    shell = make_shell()
    shell.router.navigate(ScreenId.BUDGET)
    return shell, shell.router.screen(ScreenId.BUDGET)


def bar_point(screen, index: int) -> QPoint:
    """Where the bar (or point) ``index`` of the shown chart is, in plot widget pixels."""
    view = screen.plot.getPlotItem().getViewBox()
    chart = screen.chart
    fig = chart.points[index].figure
    y = fig.value * 0.5 if fig else 0.0
    scene = view.mapViewToScene(QPointF(index, y))
    return screen.plot.mapFromScene(scene)


def test_pyqtgraph_is_imported_only_with_the_charts():
    """Start a shell in a fresh process: no pyqtgraph until the budget screen is built."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = """
import sys
from minusma_kiosk.app import Options, create_application, create_shell, load_with_fallback
from minusma_kiosk.ui.router import ScreenId
create_application()
shell = create_shell(load_with_fallback(None), Options(animation="none"))
shell.show()
before = "pyqtgraph" in sys.modules
shell.router.navigate(ScreenId.BUDGET)
print(before, "pyqtgraph" in sys.modules)
"""
    src = Path(__file__).resolve().parents[2] / "src"
    env = dict(os.environ, PYTHONPATH=str(src), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "True"]


def test_every_chart_is_in_the_picker(charts, bundled):
    shell, screen = charts
    assert list(screen.picker) == [c.id for c in bundled.content.charts]
    tap(screen.picker["minusma_budget"])
    assert screen.chart.id == "minusma_budget"
    assert screen.picker["minusma_budget"].property("active") == "true"


def test_tapping_a_bar_explains_it_with_its_source(charts):
    shell, screen = charts
    screen.show_chart(next(c for c in screen.charts if c.id == "minusma_budget"))
    settle()  # the plot lays out again for this chart's axis
    from minusma_kiosk.content.formatting import format_number

    index, point = next((i, p) for i, p in enumerate(screen.chart.points)
                        if p.figure is not None)
    tap(screen.plot.viewport(), bar_point(screen, index))
    value = format_number(point.figure.value, point.figure.unit, "en", exact=True)
    assert screen.callout_value.text().endswith(f": {value}")
    assert screen.callout_value.text().startswith(point.key.replace("-", "–"))
    assert screen.callout_source.text().startswith("Source: ")


def test_a_gap_says_no_verified_figure(charts):
    shell, screen = charts
    screen.show_chart(next(c for c in screen.charts if c.id == "minusma_budget"))
    settle()
    index = next(i for i, p in enumerate(screen.chart.points) if p.gap)
    tap(screen.plot.viewport(), bar_point(screen, index))
    assert "no verified figure" in screen.callout_value.text()


def test_a_derived_value_shows_its_formula(charts):
    shell, screen = charts
    screen.show_chart(next(c for c in screen.charts if c.id == "us_share_minusma"))
    index = next(i for i, p in enumerate(screen.chart.points) if p.figure is not None)
    screen.select_point(index)
    assert screen.callout_source.text().startswith("Computed for this exhibit:")
    assert "×" in screen.callout_source.text()


def test_a_fiscal_year_moves_the_shared_cursor_and_back(charts):
    shell, screen = charts
    screen.show_chart(next(c for c in screen.charts if c.id == "minusma_budget"))
    index = next(i for i, p in enumerate(screen.chart.points) if p.key == "2022-23")
    screen.select_point(index)
    assert shell.time_cursor.date == dt.date(2022, 7, 1)
    assert shell.time_cursor.fiscal_year() == "2022-23"
    assert screen.chart_plot.highlight == index


def test_right_click_and_long_press_open_no_menu_or_dialog(charts, qtbot):
    shell, screen = charts
    viewport = screen.plot.viewport()
    centre = viewport.rect().center()
    QTest.mouseClick(viewport, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, centre)
    window = viewport.window()
    p = viewport.mapTo(window, centre)
    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtWidgets import QTapAndHoldGesture

    QTest.touchEvent(window, device()).press(0, p, window).commit()
    held = QElapsedTimer()
    held.start()
    # Held (events processed all along) until past the press-and-hold threshold.
    qtbot.waitUntil(lambda: held.elapsed() > QTapAndHoldGesture.timeout() + 200,
                    timeout=QTapAndHoldGesture.timeout() + 5000)
    QTest.touchEvent(window, device()).stationary(0).commit()
    QTest.touchEvent(window, device()).release(0, p, window).commit()
    QApplication.processEvents()
    popups = [w for w in QApplication.topLevelWidgets()
              if w.isVisible() and isinstance(w, QMenu | QDialog)]
    assert popups == []
    view = screen.plot.getPlotItem().getViewBox()
    assert not view.menuEnabled() and not screen.plot.getPlotItem().menuEnabled()
    assert view.state["mouseEnabled"] == [False, False]


def test_chart_texts_switch_language(charts):
    shell, screen = charts
    tap(shell.nav.language)
    assert screen.title.text() == screen.chart.title.fr


def test_watch_reloads_a_chart_and_keeps_the_last_good_data(tmp_path, make_shell, qtbot):
    import shutil

    from minusma_kiosk import resources
    from minusma_kiosk.app import load_with_fallback

    folder = tmp_path / "content"
    shutil.copytree(resources.content_dir(), folder)
    shell = make_shell(loaded=load_with_fallback(folder, use_cache=False), watch=True)
    shell.router.navigate(ScreenId.BUDGET)
    screen = shell.router.screen(ScreenId.BUDGET)
    screen.show_chart(next(c for c in screen.charts if c.id == "minusma_budget"))

    def value(key):
        # New content makes the screen again: ask the router for it each time.
        shown = shell.router.screen(ScreenId.BUDGET)._chart
        return next(p for p in shown.points if p.key == key).figure.value

    assert value("2019-20") == 1138457900
    figures = folder / "figures.csv"
    text = figures.read_text(encoding="utf-8")
    figures.write_text(text.replace("minusma_budget_2019_20,1138457900,",
                                    "minusma_budget_2019_20,1138457999,"), encoding="utf-8")
    qtbot.waitUntil(lambda: value("2019-20") == 1138457999, timeout=3000)
    figures.write_text(text.replace("minusma_budget_2019_20,1138457900,",
                                    "minusma_budget_2019_20,lots,"), encoding="utf-8")
    qtbot.waitUntil(lambda: shell.banner is not None and shell.banner.isVisible(), timeout=3000)
    assert "not applied" in shell.banner.text.text()
    assert value("2019-20") == 1138457999  # the last good data stays
    qtbot.waitUntil(lambda: not shell.watcher._debounce.isActive(), timeout=3000)


def test_who_pays_shows_the_cap_the_arrears_and_the_us_part(charts):
    shell, screen = charts
    screen.show_chart(next(c for c in screen.charts if c.id == "who_pays_share"))
    assert "$1.1\u00a0billion" in screen.notes.text() and "Source:" in screen.notes.text()
    import pyqtgraph as pg

    lines = [i for i in screen.chart_plot.items if isinstance(i, pg.InfiniteLine)]
    assert [line.value() for line in lines] == [25.0]
    screen.select_point(1)  # all other members: computed, with its formula
    assert screen.callout_value.text() == "All other members: 73.06%"
    assert "Computed for this exhibit" in screen.callout_source.text()


def test_category_names_and_colons_in_french(make_shell):
    shell = make_shell(lang="fr")
    shell.router.navigate(ScreenId.BUDGET)
    screen = shell.router.screen(ScreenId.BUDGET)
    screen.show_chart(next(c for c in screen.charts if c.id == "who_pays_share"))
    screen.select_point(0)
    assert screen.callout_value.text() == "États-Unis\u202f: 26,94\u202f%"
    assert screen.callout_text.text().startswith("Part des États-Unis")  # a capital
    assert screen.callout_source.text().endswith("Situation en 2022-2024.")  # not "au"
    chart(screen, "minusma_authorized")
    screen.select_point(0)
    assert screen.callout_source.text().endswith("Situation au 25 avril 2013.")  # a day


def test_year_control_steps_the_shared_fiscal_year(charts):
    shell, screen = charts
    screen.show_chart(next(c for c in screen.charts if c.id == "minusma_budget"))
    assert screen.year_label.isVisible()
    tap(screen.year_next)  # from before the first point: to the first fiscal year
    assert shell.time_cursor.fiscal_year() == "2013-14"
    tap(screen.year_next, QPoint(10, 10))
    assert shell.time_cursor.fiscal_year() == "2014-15"
    assert screen.year_label.text() == "Fiscal year 2014–15 (1 July 2014 – 30 June 2015)"
    tap(screen.year_prev)
    assert shell.time_cursor.fiscal_year() == "2013-14"
    assert not screen.year_prev.isEnabled()
    screen.show_chart(next(c for c in screen.charts if c.id == "minusma_authorized"))
    assert not screen.year_label.isVisible()  # ceilings set on dates: no year to step
    screen.show_chart(next(c for c in screen.charts if c.id == "who_pays"))
    assert screen.year_label.text() == "Tap the arrows or a bar to choose a year"
    settle()  # the year row is laid out again now that it shows
    tap(screen.year_next)  # 2013 has no point: to the first year, 2016
    assert shell.time_cursor.date == dt.date(2016, 1, 1)
    assert screen.year_label.text() == "Year 2016"


def chart(screen, chart_id):
    screen.show_chart(next(c for c in screen.charts if c.id == chart_id))
    return screen.chart


def test_every_chart_over_time_marks_the_cursor_year(charts):
    shell, screen = charts
    shell.time_cursor.set_date(dt.date(2019, 3, 1))
    expected = {"who_pays": "2019", "minusma_budget": "2018-19",
                "minusma_authorized": "2016-06-29", "minusma_attack_deaths": "2019",
                "us_share_minusma": "2018-19"}
    for chart_id, key in expected.items():
        c = chart(screen, chart_id)
        assert c.points[screen.chart_plot.highlight].key == key, chart_id
    assert screen.chart_plot.year_band.opts["x"] == [float(screen.chart_plot.highlight)]
    assert chart(screen, "who_pays_share") and screen.chart_plot.highlight is None


def test_the_year_band_spans_the_plotted_values(charts):
    """The band behind the cursor's year runs from the bottom of the value range to its
    top, whatever the chart's scale (billions of dollars or a few dozen deaths)."""
    shell, screen = charts
    shell.time_cursor.set_date(dt.date(2019, 3, 1))
    for chart_id in ("minusma_budget", "minusma_attack_deaths", "who_pays"):
        c = chart(screen, chart_id)
        band = screen.chart_plot.year_band.opts
        values = [p.figure.value for p in c.points + c.points2 if p.figure is not None]
        assert band["y0"][0] <= min(values) and band["y0"][0] + band["height"][0] >= max(values)


def test_a_line_chart_rings_the_cursor_point(charts):
    shell, screen = charts
    shell.time_cursor.set_date(dt.date(2017, 5, 1))
    c = chart(screen, "who_pays")
    xs, ys = screen.chart_plot.year_ring.getData()
    assert list(xs) == [1.0] and list(ys) == [c.points[1].figure.value]


def test_a_year_past_the_exhibit_explains_without_moving_the_cursor(charts):
    shell, screen = charts
    c = chart(screen, "who_pays")
    before = shell.time_cursor.date
    screen.select_point(len(c.points) - 1)  # 2025: after the timeline's last day
    assert screen.callout_value.text().startswith("2025: ")
    assert shell.time_cursor.date == before


def test_tapping_a_bar_inside_the_cursor_year_keeps_the_cursor(charts):
    shell, screen = charts
    shell.time_cursor.set_date(dt.date(2020, 2, 14))
    c = chart(screen, "minusma_budget")
    screen.select_point(next(i for i, p in enumerate(c.points) if p.key == "2019-20"))
    assert shell.time_cursor.date == dt.date(2020, 2, 14)  # the timeline keeps its event


def test_play_steps_through_the_years_until_a_touch(charts, qtbot):
    shell, screen = charts
    shell.time_cursor.set_date(dt.date(2019, 3, 1))
    chart(screen, "minusma_budget")
    screen.autoplay._timer.setInterval(20)
    tap(screen.year_play)
    assert screen.autoplay.playing and screen.year_play.text() == "Pause"
    assert shell.time_cursor.fiscal_year() == "2019-20"  # the first step comes at once
    qtbot.waitUntil(lambda: shell.time_cursor.fiscal_year() == "2013-14", timeout=3000)  # wraps
    tap(screen.plot.viewport(), bar_point(screen, 1))
    assert not screen.autoplay.playing and screen.year_play.text() == "Play the years"
    screen.play()
    shell.router.navigate(ScreenId.HOME)
    assert not screen.autoplay.playing  # leaving the screen stops it


@pytest.mark.parametrize("level", ["full", "reduced"])
def test_the_year_marker_morphs_to_a_new_year(make_shell, qtbot, level):
    shell = make_shell(animation=level)
    shell.router.navigate(ScreenId.BUDGET)
    screen = shell.router.screen(ScreenId.BUDGET)
    shell.time_cursor.set_date(dt.date(2019, 3, 1))
    chart(screen, "minusma_budget")
    plot = screen.chart_plot
    plot.stop()
    old = plot.highlight
    shell.time_cursor.set_date(dt.date(2022, 3, 1))
    assert plot.year_morph.state() == plot.year_morph.State.Running
    new = plot.highlight
    assert new == old + 3
    plot.year_morph.stop()
    plot.morph_to(0.5)
    band_x = plot.year_band.opts["x"][0]
    if level == "full":  # slides
        assert band_x == pytest.approx(old + 1.5) and plot.year_band.opacity() == 1.0
    else:  # cross-fades in place
        assert band_x == new and plot.year_band.opacity() == pytest.approx(0.5)
    brushes = plot.bars.opts["brushes"]
    assert brushes[old].color() == brushes[new].color()  # half way between the two colours
    plot.morph_to(1.0)
    from minusma_kiosk.ui.theme.tokens import PALETTE

    assert plot.bars.opts["brushes"][new].color().name() == PALETTE.accent.lower()


def test_lines_draw_in_from_the_left_with_full_motion(make_shell):
    shell = make_shell(animation="full")
    shell.router.navigate(ScreenId.BUDGET)
    screen = shell.router.screen(ScreenId.BUDGET)
    chart(screen, "who_pays")
    plot = screen.chart_plot
    plot.stop()
    plot.grow_to(0.5)
    line = plot.lines[0][0]
    xs, _ys = line.getData()
    assert xs.max() == pytest.approx(4.5)  # half of 0 … 9
    plot.stop()
    assert line.getData()[0].max() == 9.0


def test_reduced_motion_fades_the_chart_in_without_growing(make_shell):
    shell = make_shell(animation="reduced")
    shell.router.navigate(ScreenId.BUDGET)
    screen = shell.router.screen(ScreenId.BUDGET)
    chart(screen, "minusma_budget")
    plot = screen.chart_plot
    plot.stop()
    plot.grow_to(0.25)
    assert list(plot.bars.opts["height"]) == list(plot.heights)  # whole, not growing
    assert plot.bars.opacity() == pytest.approx(0.25)
    plot.stop()
    assert plot.bars.opacity() == 1.0


@pytest.mark.parametrize("size", [(1080, 1920), (1366, 768), (1920, 1080)])
def test_time_axis_labels_never_overlap(make_shell, size):
    from PySide6.QtGui import QFontMetrics

    shell = make_shell(size=size)
    shell.router.navigate(ScreenId.BUDGET)
    screen = shell.router.screen(ScreenId.BUDGET)
    plot = screen.chart_plot
    metrics = QFontMetrics(plot.axes.font)
    for c in screen.charts:
        if c.axis.value == "category":
            continue
        screen.show_chart(c)
        per_point = (plot.plot.width() - plot.axes.narrow) / len(c.points)
        ticks = [(i, t) for i, t in plot.time_ticks(c, "en") if t]
        # Labels on two rows (every other one a line down) overlap only within a row.
        for row in (False, True):
            shown = [(i, t.strip()) for i, t in ticks if t.startswith("\n") == row]
            if len(shown) < 2:
                continue
            gap = min(b[0] - a[0] for a, b in zip(shown, shown[1:], strict=False))
            widest = max(metrics.horizontalAdvance(t) for _, t in shown)
            assert widest < per_point * gap, (c.id, size)
        assert len(ticks) >= len(c.points) / 3
        if size == (1920, 1080):  # the kiosk's own size: every period named
            assert len(ticks) == len(c.points), c.id


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_value_labels_of_parts_never_overlap(make_shell, lang):
    from PySide6.QtGui import QFontMetrics

    shell = make_shell(size=(1366, 768), lang=lang)
    shell.router.navigate(ScreenId.BUDGET)
    screen = shell.router.screen(ScreenId.BUDGET)
    plot = screen.chart_plot
    metrics = QFontMetrics(plot.axes.font)
    view = plot.plot.getPlotItem().getViewBox()
    for c in screen.charts:
        if c.axis.value != "category":
            continue
        screen.show_chart(c)
        settle()
        screen.show_chart(c)
        (left, right), _ = view.viewRange()
        per_unit = view.width() / (right - left)
        ticks = plot.share_ticks
        assert len(ticks) >= 2
        for (a, ta), (b, tb) in zip(ticks, ticks[1:], strict=False):
            half_widths = (metrics.horizontalAdvance(ta) + metrics.horizontalAdvance(tb)) / 2
            assert half_widths < (b - a) * per_unit, (c.id, ta, tb)


def test_round_ticks_start_at_the_bottom_of_the_range():
    from minusma_kiosk.ui.widgets.chart_axes import nice_ticks

    assert nice_ticks(31.5, 5, 22.5) == [24.0, 26.0, 28.0, 30.0]
    assert nice_ticks(1.3e9, 4) == [0.0, 5e8, 1e9]


def test_a_line_chart_not_starting_at_zero_has_several_values_up_its_side(charts):
    """The U.S. share moves between 22 and 29 %: its axis must not show a lone "30%"."""
    shell, screen = charts
    chart(screen, "who_pays")
    ticks = screen.chart_plot.value_axis._tickLevels[0]
    assert len(ticks) >= 3


# --- charts built once (#13 item 5) ----------------------------------------------------

def test_a_chart_s_items_are_made_once_and_only_updated(charts):
    """Showing a chart again, resizing, a new language, text size or palette update its
    items in place: none is made again, and the plot holds no leftovers."""
    shell, screen = charts
    plot = screen.chart_plot
    made = {}
    for c in screen.charts:
        screen.show_chart(c)
        made[c.id] = list(plot.items)
    in_plot = len(screen.plot.getPlotItem().items)
    for c in screen.charts:  # a second round makes nothing
        screen.show_chart(c)
        assert plot.items == made[c.id], c.id
        # Every item shows, but the values that do not fit side by side.
        assert all(i.isVisible() for i in plot.items if i not in plot.value_labels), c.id
        assert any(i.isVisible() for i in plot.value_labels), c.id
        others = [i for cid, items in made.items() if cid != c.id for i in items]
        assert not any(i.isVisible() for i in others), c.id
    bars = next(c for c in screen.charts if c.kind.value == "bars")
    screen.show_chart(bars)
    shell.resize(1366, 768)
    settle()
    shell.state.set_language("fr")
    shell.state.set_access(text_size=150, high_contrast=True)
    settle()
    assert plot.items == made[bars.id]
    assert len(screen.plot.getPlotItem().items) == in_plot


def test_a_new_palette_recolours_the_chart_in_place(charts):
    from minusma_kiosk.ui.theme.tokens import HIGH_CONTRAST, PALETTE

    shell, screen = charts
    line_chart = next(c for c in screen.charts if c.kind.value == "line")
    screen.show_chart(line_chart)
    line = screen.chart_plot.lines[0][0]
    assert line.opts["pen"].color().name().upper() == PALETTE.accent
    shell.state.set_access(high_contrast=True)
    settle()
    assert screen.chart_plot.lines[0][0] is line
    assert line.opts["pen"].color().name().upper() == HIGH_CONTRAST.accent
    gaps = next(c for c in screen.charts if any(p.gap for p in c.points))
    screen.show_chart(gaps)  # a chart first shown in high contrast is made in it
    import pyqtgraph as pg

    labels = [i for i in screen.chart_plot.items if isinstance(i, pg.TextItem)]
    assert labels and all(t.color.name().upper() == HIGH_CONTRAST.text for t in labels)


def test_a_gap_label_speaks_the_new_language_in_place(charts):
    import pyqtgraph as pg

    shell, screen = charts
    gaps = next(c for c in screen.charts if any(p.gap for p in c.points))
    screen.show_chart(gaps)
    labels = [i for i in screen.chart_plot.items if isinstance(i, pg.TextItem)
              and i not in screen.chart_plot.value_labels]
    before = [t.toPlainText() for t in labels]
    tap(shell.nav.language)
    settle()
    after = [t.toPlainText() for t in labels]
    assert after != before and all(t == after[0] for t in after)
    assert after[0] == QApplication.translate("ChartPlot", "no verified figure")


def test_tapping_a_legend_sample_hides_no_series(charts, qtbot):
    """pyqtgraph hides a series when its legend sample is clicked; a visitor's tap must not."""
    shell, screen = charts
    two = next((c for c in screen.charts if c.points2), None)
    if two is None:
        pytest.skip("no chart with two series in the loaded content")
    screen.show_chart(two)
    settle()
    legend = next(i for i in screen.chart_plot.items if i.__class__.__name__ == "LegendItem")
    sample = legend.items[0][0]
    centre = sample.mapToScene(sample.boundingRect().center())
    tap(screen.plot.viewport(), screen.plot.mapFromScene(centre))
    settle()
    assert all(line.isVisible() for line, _xs, _ys in screen.chart_plot.lines)
