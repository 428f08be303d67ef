"""Budget charts: who pays for peacekeeping, where it goes, what MINUSMA cost.

Drawn with pyqtgraph, which is imported when this screen is first built (never
before the first frame). Every bar, point and slice is a sourced figure: tap it
and the callout explains it (exact value, period, source, or the formula of a
value computed here). Years without a verified figure are labelled gaps.
The chart cannot be panned, zoomed, or given a menu: nothing leads off the exhibit.

Charts over time follow the shared time cursor: the year the exhibit is in is
marked, the year control and "play" move the cursor, and so does tapping a year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QVBoxLayout,
    QWidget,
)

from minusma_kiosk.content.formatting import format_date, format_figure
from minusma_kiosk.content.model import (
    FIRST_DAY,
    LAST_DAY,
    Axis,
    Chart,
    ChartId,
    ChartPoint,
    Content,
    TourStep,
)
from minusma_kiosk.content.periods import day_for, index_at, point_period, reachable
from minusma_kiosk.content.typography import colon, sentence
from minusma_kiosk.state.app_state import AnimationLevel, AppState, Aspect
from minusma_kiosk.state.timeline_state import DayPlay, TimelineState
from minusma_kiosk.ui.display import follow, follow_language, follow_metrics
from minusma_kiosk.ui.router import Screen, ScreenId
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.widgets.chart_axes import point_label
from minusma_kiosk.ui.widgets.chart_plot import ChartPlot
from minusma_kiosk.ui.widgets.figure_view import provenance, short_origin
from minusma_kiosk.ui.widgets.scrolling import kinetic_scroll_area
from minusma_kiosk.ui.widgets.text import label, primary, set_flag
from minusma_kiosk.ui.widgets.tile import Tile
from minusma_kiosk.ui.widgets.year_control import YearControl


@dataclass(frozen=True)
class _ChartPlace:
    chart: ChartId
    point: str | None


class ChartsScreen(Screen):
    """A chart picker, the chart, and the callout that explains a tapped value.

    Parameters
    ----------
    content
        The loaded content (its charts).
    state
        Shared app state (language, animation level).
    cursor
        The shared time cursor: charts over time mark its year (or fiscal year), and
        tapping a year, the year control or "play" moves it.
    """

    screen_id = ScreenId.BUDGET

    def __init__(self, content: Content, state: AppState, cursor: TimelineState | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self._content, self._state, self._cursor = content, state, cursor
        self._charts = content.charts
        self._chart = content.charts[0]
        self._selected: ChartPoint | None = None
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        # The picker and the chart each scroll when large text needs more room than
        # the window has (the plot keeps a minimum height).
        picker_body = QWidget()
        picker = QVBoxLayout(picker_body)
        picker.setContentsMargins(0, 0, 0, 0)
        self._picker_grid = QGridLayout()
        picker.addLayout(self._picker_grid)
        self.picker: dict[str, Tile] = {}
        for chart in content.charts:
            b = Tile("body")
            b.setProperty("role", "pick")
            b.setObjectName(f"chart_{chart.id}")
            b.clicked.connect(lambda _=False, c=chart: self.show_chart(c))
            self.picker[chart.id] = b
        picker.addStretch(1)
        self._picker_layout = picker
        self._place_picker(columns=1)
        self.picker_area = kinetic_scroll_area(picker_body)
        self._box.addWidget(self.picker_area, 1)
        main_body = QWidget()
        main = QVBoxLayout(main_body)
        main.setContentsMargins(0, 0, 0, 0)
        self.title = label("h2")
        self.subtitle = label("body")
        self.notes = label("caption")
        main.addWidget(self.title)
        main.addWidget(self.subtitle)
        main.addWidget(self.notes)
        self.chart_plot = ChartPlot(self.display)
        self.chart_plot.point_tapped.connect(self._on_point_tapped)
        self.plot = self.chart_plot.plot
        # The body: the plot with its year control, and the callout beside it (below it
        # on a portrait screen), so the plot keeps the height of the screen.
        plot_column = QVBoxLayout()
        plot_column.addWidget(self.chart_plot, 1)
        # The year control: the shared cursor's year, one step at a time, or played.
        self.years = YearControl()
        self.year_prev, self.year_next = self.years.prev, self.years.next
        self.year_label, self.year_play = self.years.label, self.years.play
        self.years.step_requested.connect(self._user_step)
        self.autoplay: DayPlay | None = None
        if cursor is not None:
            self.autoplay = DayPlay(cursor, parent=self)
            self.years.play_requested.connect(self.autoplay.toggle)
            self.autoplay.playing_changed.connect(self.years.set_playing)
        plot_column.addWidget(self.years)
        # The callout: a finger scrolls it when a long note and its source do not fit.
        self.callout = QFrame()
        self.callout.setProperty("role", "panel")
        callout_body = QWidget()
        callout_lay = QVBoxLayout(callout_body)
        callout_lay.setContentsMargins(0, 0, 0, 0)
        self.callout_value = label("h2")
        self.callout_text = label("body")
        self.callout_source = label("caption")
        primary(self.title, self.callout_value, self.callout_text, self.callout_source)
        for w in (self.callout_value, self.callout_text, self.callout_source):
            callout_lay.addWidget(w)
        callout_lay.addStretch(1)
        self.callout_area = kinetic_scroll_area(callout_body,
                                                inertia=state.animation is not AnimationLevel.NONE)
        QVBoxLayout(self.callout).addWidget(self.callout_area)
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.addLayout(plot_column, 5)
        self._body.addWidget(self.callout, 2)
        main.addLayout(self._body, 1)
        self.main_area = kinetic_scroll_area(main_body)
        self._box.addWidget(self.main_area, 3)
        if cursor is not None:
            cursor.date_changed.connect(self._on_cursor_date_changed)
        self.show_chart(self._chart)
        self.retranslate()
        follow(self, self.display, Aspect.MOTION,
               lambda change: self._on_motion_changed(change.display.motion))
        follow_language(self, self.display, self.retranslate)
        follow_metrics(self, self.display, self.apply_metrics)

    @property
    def charts(self) -> tuple[Chart, ...]:
        """The charts the picker offers."""
        return self._charts

    @property
    def chart(self) -> Chart:
        """The chart shown."""
        return self._chart

    def _place_picker(self, columns: int) -> None:
        for b in self.picker.values():
            self._picker_grid.removeWidget(b)
        for i, b in enumerate(self.picker.values()):
            self._picker_grid.addWidget(b, i // columns, i % columns)

    # --- drawing -----------------------------------------------------------------------
    def show_chart(self, chart: Chart) -> None:
        """Draw ``chart`` (it comes in as the animation level allows)."""
        self._chart = chart
        self._selected = None
        for cid, b in self.picker.items():
            set_flag(b, "active", cid == chart.id)
        if self.autoplay is not None:
            days = [point_period(chart, i) for i in self._reachable()]
            self.autoplay.set_days(tuple(max(p[0], FIRST_DAY) for p in days if p is not None))
        self._draw()
        self._update_texts()

    def _draw(self) -> None:
        self.chart_plot.draw(self._chart, self._highlight_index())

    def _reachable(self) -> list[int]:
        """The points the time cursor can stand in (2025 is past the exhibit's end)."""
        return reachable(self._chart, FIRST_DAY, LAST_DAY)

    def _user_step(self, direction: int) -> None:
        self.pause()
        self.step_year(direction)

    def step_year(self, direction: int) -> None:
        """Move the shared cursor to the previous or next year with a point."""
        if self._cursor is None:
            return
        steps = self._reachable()
        if not steps:
            return
        current = self._highlight_index()
        if current in steps:
            i = steps.index(current) + direction
        else:
            i = 0 if direction > 0 else len(steps) - 1
        self.select_point(steps[max(0, min(i, len(steps) - 1))])

    def _update_year_control(self) -> None:
        shown = self._cursor is not None and self._chart.axis in (Axis.FISCAL_YEAR, Axis.YEAR)
        if self.years.isVisibleTo(self) != shown:  # a needless setVisible lays out again
            self.years.setVisible(shown)
        if not shown:
            return
        lang = self._state.language
        steps = self._reachable()
        current = self._highlight_index()
        if current is None:
            text = self.tr("Tap the arrows or a bar to choose a year")
        elif self._chart.axis is Axis.FISCAL_YEAR:
            key = self._chart.points[current].key
            start = int(key[:4])
            period = format_date(f"{start}-07-01/{start + 1}-06-30", lang)
            text = self.tr("Fiscal year {year} ({period})").format(
                year=format_date(key, lang), period=period)
        else:
            text = self.tr("Year {year}").format(year=self._chart.points[current].key)
        self.years.show_year(text, current not in steps or steps.index(current) > 0,
                             current not in steps or steps.index(current) < len(steps) - 1)
        self.years.set_playing(self.autoplay is not None and self.autoplay.playing)

    def _highlight_index(self) -> int | None:
        """The point the time cursor stands in, if the chart is over time."""
        if self._cursor is None:
            return None
        return index_at(self._chart, self._cursor.date)

    # --- touch ---------------------------------------------------------------------------
    def select_point(self, index: int) -> None:
        """Explain the value at ``index``; a year also moves the time cursor there."""
        point = self._chart.points[index]
        self._selected = point
        if self._cursor is not None:
            day = day_for(self._chart, index, self._cursor.date, FIRST_DAY, LAST_DAY)
            if day is not None:
                self._cursor.set_date(day)
        self._update_texts()

    def _on_point_tapped(self, index: int) -> None:
        self.pause()
        self.select_point(index)

    def _on_cursor_date_changed(self, _day: dt.date) -> None:
        self._update_year_control()
        self.chart_plot.set_highlight(self._highlight_index())

    # --- texts -----------------------------------------------------------------------------
    def _update_texts(self) -> None:
        self._update_year_control()
        lang, chart = self._state.language, self._chart
        self.title.setText(chart.title.get(lang))
        self.chart_plot.setAccessibleName(self.tr("Chart: {title}").format(
            title=chart.title.get(lang)))
        self.chart_plot.setAccessibleDescription(self.tr(
            "Tap a bar or a point: its value and source appear beside the chart."))
        self.subtitle.setText(chart.subtitle.get(lang))
        self.notes.setText("\n".join(
            f"{format_figure(fig, lang)} — {fig.label.get(lang)}. {short_origin(fig, lang)}"
            for fig in chart.notes))
        self.notes.setVisible(bool(chart.notes))
        point = self._selected
        if point is None:
            self.callout_value.setText(self.tr("Tap a bar or a point"))
            self.callout_text.setText(self.tr("Every value shows where it comes from."))
            self.callout_source.setText("")
            return
        where = point.label(lang) if chart.axis is Axis.CATEGORY else \
            point_label(chart.axis, point.key, lang)
        if point.figure is None:
            self.callout_value.setText(self.tr("{key}: no verified figure").format(key=where))
            self.callout_text.setText(self.tr(
                "No source we could check gives this value, so none is drawn."))
            self.callout_source.setText("")
            return
        fig = point.figure
        self.callout_value.setText(f"{where}{colon(lang)}{format_figure(fig, lang, exact=True)}")
        note = fig.note.get(lang)
        self.callout_text.setText(sentence(fig.label.get(lang)) + (f". {note}" if note else ""))
        self.callout_source.setText(provenance(fig, lang))

    def retranslate(self) -> None:
        lang = self._state.language
        for chart in self._charts:
            if chart.id in self.picker:
                self.picker[chart.id].set_texts(chart.title.get(lang), "")
        self._update_texts()

    def _on_motion_changed(self, level: AnimationLevel) -> None:
        # Only the animations change (the plot follows the motion level itself).
        scroller = self.callout_area.property("drag_scroller")
        scroller.inertia = level is not AnimationLevel.NONE

    def apply_metrics(self, m: Metrics) -> None:
        margin = m.space("l")
        self._box.setContentsMargins(margin, m.space("m"), margin, m.space("s"))
        self._box.setSpacing(m.space("l"))
        self._box.setDirection(QBoxLayout.Direction.TopToBottom if m.portrait
                               else QBoxLayout.Direction.LeftToRight)
        self._body.setDirection(QBoxLayout.Direction.TopToBottom if m.portrait
                                else QBoxLayout.Direction.LeftToRight)
        self._body.setSpacing(m.space("m"))
        self._body.setStretch(0, 1 if m.portrait else 5)
        self._body.setStretch(1, 0 if m.portrait else 2)
        self.callout.setMinimumHeight(m.px(300) if m.portrait else 0)
        self._place_picker(2 if m.portrait else 1)
        self._picker_grid.setSpacing(m.space("s"))
        self._box.setStretch(0, 0 if m.portrait else 1)
        self._box.setStretch(1, 1 if m.portrait else 3)
        for b in self.picker.values():
            b.set_padding(m.space("s"))
            b.setMinimumHeight(m.target(90))
        # Large text: the year's name above its buttons; the plot keeps a usable height
        # and the column scrolls for the rest.
        self.years.size_for(m, stacked=m.portrait or m.text_scale > 1)
        # Larger text needs a taller plot: its upright "no verified figure" labels grow.
        share = (0.28 if m.portrait else 0.4) * m.text_scale
        self.chart_plot.setMinimumHeight(round(m.height * share))
        if m.portrait:
            wanted = self._picker_layout.totalHeightForWidth(m.width - 2 * margin)
            self.picker_area.setFixedHeight(min(wanted, round(m.height * 0.3)))
        else:
            self.picker_area.setMinimumHeight(0)
            self.picker_area.setMaximumHeight(16777215)

    def spoken_text(self) -> str:
        from minusma_kiosk.ui.speech import visible_text

        return f"{self.title.text()}. {visible_text(self.callout)}"

    def on_enter(self) -> None:
        self._draw()

    def on_leave(self) -> None:
        self.pause()
        self.chart_plot.stop()

    def place(self) -> object:
        """The chart shown (by id) and the point tapped (by key)."""
        return _ChartPlace(self._chart.id, self._selected.key if self._selected else None)

    def restore(self, place: object) -> None:
        if not isinstance(place, _ChartPlace):
            return
        chart = next((c for c in self._charts if c.id == place.chart), None)
        if chart is None:
            return
        self.show_chart(chart)
        keys = [p.key for p in chart.points]
        if place.point in keys:
            self._selected = chart.points[keys.index(place.point)]
            self._update_texts()

    def reset(self) -> None:
        self.pause()
        self.show_chart(self._charts[0])

    def present(self, step: TourStep) -> None:
        self.pause()
        if step.date is not None and self._cursor is not None:
            self._cursor.set_date(step.date)
        chart = next((c for c in self._charts if step.chart and c.id == step.chart.id),
                     self._charts[0])
        self.show_chart(chart)
        keys = [p.key for p in chart.points]
        if step.year in keys:
            self.select_point(keys.index(step.year))

    def attract(self, on: bool) -> None:
        if not on:
            self.pause()
            return
        # A fiscal-year chart if there is one (MINUSMA's budget), stepping through its years.
        timed = [c for c in self._charts if len(reachable(c, FIRST_DAY, LAST_DAY)) >= 2]
        if timed:
            fiscal = [c for c in timed if c.axis is Axis.FISCAL_YEAR]
            self.show_chart((fiscal or timed)[0])
            self.play()

    def play(self) -> None:
        """Step through the shown chart's years on their own (the attract loop uses it)."""
        if self.autoplay is not None:
            self.autoplay.play()

    def pause(self) -> None:
        """Stop stepping through the years."""
        if self.autoplay is not None:
            self.autoplay.pause()
