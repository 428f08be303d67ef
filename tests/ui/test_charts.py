"""Budget charts: tap to explain a value, gaps, the shared fiscal year, no escape."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMenu

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
    chart = screen._chart
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
    assert screen._chart.id == "minusma_budget"
    assert screen.picker["minusma_budget"].property("active") == "true"


def test_tapping_a_bar_explains_it_with_its_source(charts):
    from minusma_kiosk.ui.capture import settle

    shell, screen = charts
    screen.show_chart(next(c for c in screen._content.charts if c.id == "minusma_budget"))
    settle()  # the plot lays out again for this chart's axis
    index = next(i for i, p in enumerate(screen._chart.points) if p.key == "2019-20")
    tap(screen.plot.viewport(), bar_point(screen, index))
    assert screen.callout_value.text() == "2019–20: $1,138,457,900"
    assert screen.callout_source.text().startswith("Source: ")


def test_a_gap_says_no_verified_figure(charts):
    from minusma_kiosk.ui.capture import settle

    shell, screen = charts
    screen.show_chart(next(c for c in screen._content.charts if c.id == "minusma_budget"))
    settle()
    index = next(i for i, p in enumerate(screen._chart.points) if p.gap)
    tap(screen.plot.viewport(), bar_point(screen, index))
    assert "no verified figure" in screen.callout_value.text()


def test_a_derived_value_shows_its_formula(charts):
    shell, screen = charts
    screen.show_chart(next(c for c in screen._content.charts if c.id == "us_share_minusma"))
    index = next(i for i, p in enumerate(screen._chart.points) if p.figure is not None)
    screen.select_point(index)
    assert screen.callout_source.text().startswith("Computed for this exhibit:")
    assert "×" in screen.callout_source.text()


def test_a_fiscal_year_moves_the_shared_cursor_and_back(charts):
    shell, screen = charts
    screen.show_chart(next(c for c in screen._content.charts if c.id == "minusma_budget"))
    index = next(i for i, p in enumerate(screen._chart.points) if p.key == "2022-23")
    screen.select_point(index)
    assert shell.cursor.date == dt.date(2022, 7, 1)
    assert shell.cursor.fiscal_year() == "2022-23"
    assert screen._highlight_index() == index


def test_right_click_and_long_press_open_no_menu_or_dialog(charts, qtbot):
    shell, screen = charts
    viewport = screen.plot.viewport()
    centre = viewport.rect().center()
    QTest.mouseClick(viewport, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, centre)
    window = viewport.window()
    p = viewport.mapTo(window, centre)
    QTest.touchEvent(window, device()).press(0, p, window).commit()
    qtbot.waitUntil(lambda: True)
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
    assert screen.title.text() == screen._chart.title.fr


def test_watch_reloads_a_chart_and_keeps_the_last_good_data(tmp_path, make_shell, qtbot):
    import shutil

    from minusma_kiosk import resources
    from minusma_kiosk.app import load_with_fallback

    folder = tmp_path / "content"
    shutil.copytree(resources.content_dir(), folder)
    shell = make_shell(loaded=load_with_fallback(folder, use_cache=False), watch=True)
    shell.router.navigate(ScreenId.BUDGET)
    screen = shell.router.screen(ScreenId.BUDGET)
    screen.show_chart(next(c for c in screen._charts if c.id == "minusma_budget"))

    def value(key):
        return next(p for p in screen._chart.points if p.key == key).figure.value

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
    screen.show_chart(next(c for c in screen._charts if c.id == "who_pays_share"))
    assert "$1.1\u00a0billion" in screen.notes.text() and "Source:" in screen.notes.text()
    import pyqtgraph as pg

    lines = [i for i in screen._items if isinstance(i, pg.InfiniteLine)]
    assert [line.value() for line in lines] == [25.0]
    screen.select_point(1)  # all other members: computed, with its formula
    assert screen.callout_value.text() == "All other members: 73.06%"
    assert "Computed for this exhibit" in screen.callout_source.text()


def test_category_names_and_colons_in_french(make_shell):
    shell = make_shell(lang="fr")
    shell.router.navigate(ScreenId.BUDGET)
    screen = shell.router.screen(ScreenId.BUDGET)
    screen.show_chart(next(c for c in screen._charts if c.id == "who_pays_share"))
    screen.select_point(0)
    assert screen.callout_value.text() == "États-Unis\u202f: 26,94\u202f%"


def test_year_control_steps_the_shared_fiscal_year(charts):
    shell, screen = charts
    screen.show_chart(next(c for c in screen._charts if c.id == "minusma_budget"))
    assert screen.year_label.isVisible()
    tap(screen.year_next)  # from before the first point: to the first fiscal year
    assert shell.cursor.fiscal_year() == "2013-14"
    tap(screen.year_next, QPoint(10, 10))
    assert shell.cursor.fiscal_year() == "2014-15"
    assert screen.year_label.text() == "Fiscal year 2014–15 (1 July 2014 – 30 June 2015)"
    tap(screen.year_prev)
    assert shell.cursor.fiscal_year() == "2013-14"
    assert not screen.year_prev.isEnabled()
    screen.show_chart(next(c for c in screen._charts if c.id == "who_pays"))
    assert not screen.year_label.isVisible()  # a calendar-year chart has no fiscal year
