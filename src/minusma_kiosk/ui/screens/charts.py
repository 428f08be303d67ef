"""Budget charts: who pays for peacekeeping, where it goes, what MINUSMA cost.

Drawn with pyqtgraph, which is imported when this screen is first built (never
before the first frame). Every bar, point and slice is a sourced figure: tap it
and the callout explains it (exact value, period, source, or the formula of a
value computed here). Years without a verified figure are labelled gaps.
The chart cannot be panned, zoomed, or given a menu: nothing leads off the exhibit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from minusma_kiosk.content.formatting import format_date, format_figure
from minusma_kiosk.content.model import Axis, Chart, ChartPoint, Content
from minusma_kiosk.content.typography import colon
from minusma_kiosk.state.app_state import AnimationLevel, AppState
from minusma_kiosk.state.timeline_state import TimelineState
from minusma_kiosk.ui.router import Screen, ScreenId
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.widgets.chart_plot import ChartPlot, point_label
from minusma_kiosk.ui.widgets.figure_view import provenance, short_origin
from minusma_kiosk.ui.widgets.text import button, label, set_flag
from minusma_kiosk.ui.widgets.tile import Tile


class ChartsScreen(Screen):
    """A chart picker, the chart, and the callout that explains a tapped value.

    Parameters
    ----------
    content
        The loaded content (its charts).
    state
        Shared app state (language, animation level).
    cursor
        The shared time cursor: fiscal-year charts highlight its fiscal year, and
        tapping a fiscal year moves it.
    """

    screen_id = ScreenId.BUDGET

    def __init__(self, content: Content, state: AppState, cursor: TimelineState | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content, self._state, self._cursor = content, state, cursor
        self._charts = content.charts
        self._chart = content.charts[0]
        self._selected: ChartPoint | None = None
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        picker = QVBoxLayout()
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
        self._box.addLayout(picker, 1)
        main = QVBoxLayout()
        self.title = label("h2")
        self.subtitle = label("body")
        self.notes = label("caption")
        main.addWidget(self.title)
        main.addWidget(self.subtitle)
        main.addWidget(self.notes)
        self.chart_plot = ChartPlot()
        self.chart_plot.animate = state.animation is AnimationLevel.FULL
        self.chart_plot.point_tapped.connect(self.select_point)
        self.plot = self.chart_plot.plot
        main.addWidget(self.chart_plot, 1)
        # The year control: the shared cursor's fiscal year, one step at a time.
        years = QHBoxLayout()
        self.year_prev = button("arrow", "‹")
        self.year_prev.setObjectName("chart_year_previous")
        self.year_next = button("arrow", "›")
        self.year_next.setObjectName("chart_year_next")
        self.year_label = label("lead")
        self.year_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        years.addWidget(self.year_prev)
        years.addWidget(self.year_label, 1)
        years.addWidget(self.year_next)
        self.year_prev.clicked.connect(lambda: self.step_year(-1))
        self.year_next.clicked.connect(lambda: self.step_year(+1))
        self._years_row = years
        main.addLayout(years)
        self.callout = QFrame()
        self.callout.setProperty("role", "panel")
        callout_lay = QVBoxLayout(self.callout)
        self.callout_value = label("h2")
        self.callout_text = label("body")
        self.callout_source = label("caption")
        for w in (self.callout_value, self.callout_text, self.callout_source):
            callout_lay.addWidget(w)
        main.addWidget(self.callout)
        self._box.addLayout(main, 3)
        if cursor is not None:
            cursor.date_changed.connect(self._on_cursor_date_changed)
        self.show_chart(self._chart)
        self.retranslate()

    def _place_picker(self, columns: int) -> None:
        for b in self.picker.values():
            self._picker_grid.removeWidget(b)
        for i, b in enumerate(self.picker.values()):
            self._picker_grid.addWidget(b, i // columns, i % columns)

    def set_charts(self, charts: tuple[Chart, ...]) -> None:
        """New chart data (curator preview): redraw the same chart if it still exists."""
        self._charts = charts
        current = next((c for c in charts if c.id == self._chart.id), charts[0])
        self.show_chart(current)

    # --- drawing -----------------------------------------------------------------------
    def show_chart(self, chart: Chart) -> None:
        """Draw ``chart`` (bars grow in with full motion)."""
        self._chart = chart
        self._selected = None
        for cid, b in self.picker.items():
            set_flag(b, "active", cid == chart.id)
        self._draw()
        self._update_texts()

    def _draw(self) -> None:
        self.chart_plot.draw(self._chart, self._state.language, self._highlight_index())

    @property
    def _items(self) -> list:  # the drawn plot items (tests look at them)
        return self.chart_plot.items

    def _on_grow_value_changed(self, value: float) -> None:
        """One frame of the bars' grow animation (also driven by bench/charts.py)."""
        self.chart_plot.grow_to(value)

    def step_year(self, direction: int) -> None:
        """Move the shared cursor to the previous or next fiscal year with a point."""
        if self._cursor is None:
            return
        keys = [p.key for p in self._chart.points]
        current = self._cursor.fiscal_year()
        if current in keys:
            i = keys.index(current) + direction
        else:
            i = 0 if direction > 0 else len(keys) - 1
        i = max(0, min(i, len(keys) - 1))
        self.select_point(i)

    def _update_year_control(self) -> None:
        fiscal = self._cursor is not None and self._chart.axis is Axis.FISCAL_YEAR
        for w in (self.year_prev, self.year_next, self.year_label):
            w.setVisible(fiscal)
        if not fiscal:
            return
        assert self._cursor is not None
        lang = self._state.language
        fy = self._cursor.fiscal_year()
        keys = [p.key for p in self._chart.points]
        start = int(fy[:4])
        period = format_date(f"{start}-07-01/{start + 1}-06-30", lang)
        self.year_label.setText(
            self.tr("Fiscal year {year} ({period})").format(year=format_date(fy, lang),
                                                            period=period)
            if fy in keys else self.tr("Tap the arrows or a bar to choose a fiscal year"))
        self.year_prev.setEnabled(fy not in keys or keys.index(fy) > 0)
        self.year_next.setEnabled(fy not in keys or keys.index(fy) < len(keys) - 1)
        self.year_prev.setAccessibleName(self.tr("Previous fiscal year"))
        self.year_next.setAccessibleName(self.tr("Next fiscal year"))

    def _highlight_index(self) -> int | None:
        if self._cursor is None or self._chart.axis is not Axis.FISCAL_YEAR:
            return None
        fy = self._cursor.fiscal_year()
        return next((i for i, p in enumerate(self._chart.points) if p.key == fy), None)

    # --- touch ---------------------------------------------------------------------------
    def select_point(self, index: int) -> None:
        """Explain the value at ``index``; a fiscal year also moves the time cursor."""
        point = self._chart.points[index]
        self._selected = point
        if self._cursor is not None and self._chart.axis is Axis.FISCAL_YEAR:
            start = int(point.key[:4])
            self._cursor.set_date(dt.date(start, 7, 1))
        self._update_texts()

    def _on_cursor_date_changed(self, _day: dt.date) -> None:
        self._update_year_control()
        if self._chart.axis is Axis.FISCAL_YEAR:
            self.chart_plot.set_highlight(self._highlight_index())

    # --- texts -----------------------------------------------------------------------------
    def _update_texts(self) -> None:
        self._update_year_control()
        lang, chart = self._state.language, self._chart
        self.title.setText(chart.title.get(lang))
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
        self.callout_text.setText(fig.label.get(lang) + (f". {note}" if note else ""))
        self.callout_source.setText(provenance(fig, lang))

    def retranslate(self) -> None:
        lang = self._state.language
        for chart in self._charts:
            if chart.id in self.picker:
                self.picker[chart.id].set_texts(chart.title.get(lang), "")
        self._draw()
        self._update_texts()

    def apply_metrics(self, m: Metrics) -> None:
        margin = m.space("l")
        self._box.setContentsMargins(margin, m.space("m"), margin, m.space("s"))
        self._box.setSpacing(m.space("l"))
        self._box.setDirection(QBoxLayout.Direction.TopToBottom if m.portrait
                               else QBoxLayout.Direction.LeftToRight)
        self._place_picker(2 if m.portrait else 1)
        for b in (self.year_prev, self.year_next):
            b.setFixedSize(m.target(), m.target())
        self._picker_grid.setSpacing(m.space("s"))
        self._box.setStretch(0, 0 if m.portrait else 1)
        self._box.setStretch(1, 1 if m.portrait else 3)
        self.chart_plot.set_sizes(m.font("caption"), m.px(230), m.px(360))
        self._draw()
        for b in self.picker.values():
            b.set_padding(m.space("s"))
            b.setMinimumHeight(m.target(90))

    def on_enter(self) -> None:
        self._draw()

    def on_leave(self) -> None:
        self.chart_plot.stop()

    def reset(self) -> None:
        self.show_chart(self._charts[0])

    def states(self) -> list[tuple[str, Callable[[], None]]]:
        out: list[tuple[str, Callable[[], None]]] = []
        for chart in self._charts:
            out.append((chart.id, lambda c=chart: self.show_chart(c)))
        first = self._charts[0]
        tapped = next((i for i, p in enumerate(first.points) if p.figure is not None), 0)
        out.append((f"{first.id}-callout", lambda: self._show_callout(first, tapped)))
        return out

    def _show_callout(self, chart: Chart, index: int) -> None:
        self.show_chart(chart)
        self.select_point(index)

