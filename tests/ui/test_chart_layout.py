"""The budget screen fits the window without scrolling: the chart picker turns pages
when its tiles do not all fit, the callout keeps its value and source whole, and with
the largest text what the chart shows is read on a page of its own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QGraphicsView

from minusma_kiosk.ui.audit import hidden_primary_texts
from minusma_kiosk.ui.capture import settle
from minusma_kiosk.ui.router import ScreenId
from minusma_kiosk.ui.screens.charts import ChartsScreen
from tests.ui.touch import tap


def budget(shell) -> ChartsScreen:
    shell.router.navigate(ScreenId.BUDGET)
    settle()
    screen = shell.router.screen(ScreenId.BUDGET)
    assert isinstance(screen, ChartsScreen)
    return screen


def test_no_scroll_area_on_the_budget_screen(make_shell):
    screen = budget(make_shell())
    # (the plot is a graphics view, with no scroll bars and no panning)
    assert [a for a in screen.findChildren(QAbstractScrollArea)
            if not isinstance(a, QGraphicsView)] == []


def test_at_1080p_every_chart_is_on_one_page(make_shell):
    screen = budget(make_shell())
    assert screen.picker_pages.page_count == 1
    assert not screen.picker_pages.pager.isVisible()
    assert all(t.isVisible() for t in screen.picker.values())


def test_large_text_pages_the_picker_and_every_chart_can_be_reached(make_shell):
    shell = make_shell(size=(1366, 768), diagonal_inches=15.6, lang="fr")
    shell.state.set_access(text_size=150)
    screen = budget(shell)
    pages = screen.picker_pages
    assert pages.page_count > 1 and pages.pager.isVisible()
    reached = []
    for _ in range(pages.page_count):
        shown = pages.shown
        assert all(t.isVisible() for t in shown)
        # The tiles shown stay inside the picker.
        for t in shown:
            assert pages.rect().contains(t.geometry())
        reached += shown
        tap(pages.next_button)
        settle()
    assert set(reached) == set(screen.picker.values())
    # A chart on the last page, tapped, is shown; going back to the first chart (a
    # reset) shows the first page again.
    last = reached[-1]
    tap(last)
    settle()
    assert screen.picker[screen.chart.id] is last
    screen.reset()
    settle()
    assert pages.page == 0


def test_the_callout_keeps_its_value_and_source_whole(make_shell):
    shell = make_shell(size=(1366, 768), diagonal_inches=15.6, lang="fr")
    shell.state.set_access(text_size=150)
    screen = budget(shell)
    chart = screen.charts[0]
    screen.show_chart(chart)
    index = next(i for i, p in enumerate(chart.points) if p.figure is not None)
    screen.select_point(index)
    settle()
    shell.grab()
    assert hidden_primary_texts(shell) == []
    assert screen.callout_value.text() and screen.callout_source.text()
    if screen.callout_note_cut:
        assert screen.callout_more.isVisible()
        tap(screen.callout_more)
        reader = screen.reader
        assert reader is not None and reader.isVisible()
        fig = chart.points[index].figure
        assert fig.note.fr in reader.shown_texts
        assert hidden_primary_texts(shell) == []


@pytest.mark.parametrize("text_size", [100, 125])
@pytest.mark.parametrize(("size", "diagonal"), [((1920, 1080), 32.0), ((1366, 768), 15.6),
                                                ((1080, 1920), 32.0)])
def test_up_to_125_percent_every_callout_shows_its_value_what_it_is_and_its_source(
        make_shell, size, diagonal, text_size):
    shell = make_shell(size=size, diagonal_inches=diagonal, lang="fr")
    shell.state.set_access(text_size=text_size)
    screen = budget(shell)
    for chart in screen.charts:
        screen.show_chart(chart)
        for i, p in enumerate(chart.points):
            if p.figure is not None:
                screen.select_point(i)
                settle()
                assert not screen.callout_cut, (chart.id, p.key)


def test_with_the_largest_text_the_chart_is_explained_on_a_page(make_shell):
    shell = make_shell(lang="fr")
    shell.state.set_access(text_size=150)
    screen = budget(shell)
    assert not screen.subtitle.isVisible()
    assert screen.about_button.isVisible()
    tap(screen.about_button)
    reader = screen.reader
    assert reader is not None and reader.isVisible()
    assert reader.heading.text() == screen.chart.title.fr
    assert screen.chart.subtitle.fr in reader.shown_texts
    assert hidden_primary_texts(shell) == []
    tap(reader.back_button)
    assert not reader.isVisible()
    shell.state.set_access(text_size=100)
    settle()
    assert screen.subtitle.isVisible() and not screen.about_button.isVisible()


# --- charts a visitor reads in five seconds (issue #14 item 6) -------------------------

def test_the_callout_is_never_empty_a_value_is_chosen_before_any_tap(make_shell):
    shell = make_shell()
    screen = budget(shell)
    for chart in screen.charts:
        screen.show_chart(chart)
        settle()
        assert screen._selected is not None and screen._selected.figure is not None, chart.id
        assert "Tap a bar" not in screen.callout.value.text(), chart.id
    # With no year to follow, the chart's highlighted part, else its largest value.
    share = next(c for c in screen.charts if c.highlight)
    screen.show_chart(share)
    assert screen._selected.key == share.highlight
    deaths = next(c for c in screen.charts if c.memorial)
    screen.show_chart(deaths)
    assert screen._selected.figure.value == max(p.figure.value for p in deaths.points
                                                if p.figure is not None)


def test_a_gap_is_a_hatched_band_the_plot_s_height_and_says_why_when_tapped(make_shell):
    shell = make_shell()
    screen = budget(shell)
    chart = next(c for c in screen.charts if c.id == "minusma_budget")
    screen.show_chart(chart)
    settle()
    drawing = screen.chart_plot._drawings[chart.id]
    bars = drawing.gap_bars
    assert bars is not None and bars.isVisible()
    heights = bars.opts["height"]
    top = max(p.figure.value for p in chart.points if p.figure is not None)
    # As tall as the plot: it cannot read as zero, nor as a value.
    assert min(heights) >= top * 1.1
    assert bars.opts["brush"].style() == Qt.BrushStyle.BDiagPattern
    gap = next(i for i, p in enumerate(chart.points) if p.gap)
    screen.select_point(gap)
    assert "no verified figure" in screen.callout.value.text()
    assert chart.points[gap].reason.en.split()[0] in screen.callout.text.text()


def test_deaths_are_drawn_in_quiet_greys_with_every_value_named(make_shell):
    from minusma_kiosk.ui.theme.palette import palette

    shell = make_shell()
    screen = budget(shell)
    deaths = next(c for c in screen.charts if c.memorial)
    money = next(c for c in screen.charts if c.id == "minusma_budget")
    screen.show_chart(deaths)
    settle()
    brushes = screen.chart_plot.bars.opts["brushes"]
    colours = {b.color().name().upper() for b in brushes}
    c = palette().chart
    assert colours <= {c.memorial.upper(), c.memorial_mark.upper()}
    assert palette().accent.upper() not in colours and c.bar.upper() not in colours
    shown = [t.toPlainText() for t in screen.chart_plot.value_labels if t.isVisible()]
    assert len(shown) == sum(p.figure is not None for p in deaths.points)
    screen.show_chart(money)
    settle()
    assert c.bar.upper() in {b.color().name().upper()
                             for b in screen.chart_plot.bars.opts["brushes"]}


def test_values_written_on_the_chart_never_touch(make_shell):
    """The values shown on the bars and points keep apart, inside the plot."""
    from PySide6.QtCore import QRectF

    for size in ((1920, 1080), (1366, 768), (1080, 1920)):
        shell = make_shell(size=size)
        screen = budget(shell)
        for chart in screen.charts:
            screen.show_chart(chart)
            settle()
            view = screen.chart_plot.plot.getPlotItem().getViewBox()
            boxes: list[QRectF] = []
            for label in screen.chart_plot.value_labels:
                if label.isVisible():
                    # The text's box, without the 4 px margin Qt keeps around it.
                    box = label.mapRectToScene(label.boundingRect()).adjusted(4, 4, -4, -4)
                    assert view.sceneBoundingRect().adjusted(-2, -2, 2, 2).contains(box), \
                        (chart.id, size, label.toPlainText())
                    assert not any(box.intersects(b) for b in boxes), (chart.id, size)
                    boxes.append(box)
            assert boxes, (chart.id, size)


def test_rates_are_drawn_from_zero(make_shell):
    shell = make_shell()
    screen = budget(shell)
    for chart in screen.charts:
        if chart.kind.value != "share":
            screen.show_chart(chart)
            assert screen.chart_plot.axes.low == 0.0, chart.id
