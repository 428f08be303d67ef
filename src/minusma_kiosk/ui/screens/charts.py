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

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEasingCurve, Qt, QVariantAnimation
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from minusma_kiosk.content.formatting import format_date, format_figure, format_number
from minusma_kiosk.content.model import Axis, Chart, ChartKind, ChartPoint, Content, Lang
from minusma_kiosk.state.app_state import AnimationLevel, AppState
from minusma_kiosk.state.timeline_state import TimelineState
from minusma_kiosk.ui.router import Screen, ScreenId
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.theme.tokens import PALETTE
from minusma_kiosk.ui.widgets.figure_view import provenance, short_origin
from minusma_kiosk.ui.widgets.text import button, label, set_flag
from minusma_kiosk.ui.widgets.tile import Tile

_CONFIGURED = False


def configure_pyqtgraph() -> None:
    """pyqtgraph's global options, set once."""
    global _CONFIGURED
    if not _CONFIGURED:
        pg.setConfigOptions(antialias=True, background=PALETTE.surface,
                            foreground=PALETTE.text)
        _CONFIGURED = True


def colon(lang: Lang) -> str:
    """": " in English, a narrow no-break space before the colon in French."""
    return "\u202f: " if lang == "fr" else ": "


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
        configure_pyqtgraph()
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
        self.value_axis = ValueAxis("left")
        self.share_axis = ValueAxis("bottom")
        self.plot = pg.PlotWidget(axisItems={"left": self.value_axis,
                                             "bottom": self.share_axis})
        self.plot.setObjectName("chart_plot")
        self._make_touch_safe()
        main.addWidget(self.plot, 1)
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
        self._items: list[pg.GraphicsObject] = []
        self._grow = QVariantAnimation(self)
        self._grow.setObjectName("chart_grow")
        self._grow.setDuration(600)
        self._grow.setStartValue(0.0)
        self._grow.setEndValue(1.0)
        self._grow.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._grow.valueChanged.connect(self._on_grow_value_changed)
        self._bars: pg.BarGraphItem | None = None
        self._gap_font = self.font()
        self._legend_px = 22
        self._narrow_axis, self._wide_axis = 230, 360
        self._heights = np.zeros(0)
        self.plot.scene().sigMouseClicked.connect(self._on_scene_clicked)
        if cursor is not None:
            cursor.date_changed.connect(self._on_cursor_date_changed)
        self.show_chart(self._chart)
        self.retranslate()

    def _place_picker(self, columns: int) -> None:
        for b in self.picker.values():
            self._picker_grid.removeWidget(b)
        for i, b in enumerate(self.picker.values()):
            self._picker_grid.addWidget(b, i // columns, i % columns)

    # --- safety ----------------------------------------------------------------------
    def _make_touch_safe(self) -> None:
        """No pan, zoom, menus, export dialog or auto-range button: nothing to lose."""
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        view = item.getViewBox()
        view.setMenuEnabled(False)
        view.setMouseEnabled(x=False, y=False)
        self.plot.scene().contextMenu = []
        self.plot.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.plot.setBackground(PALETTE.surface)

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
        plot, chart, lang = self.plot, self._chart, self._state.language
        for item in self._items:
            if isinstance(item, pg.LegendItem):
                if item.scene() is not None:
                    item.scene().removeItem(item)
            else:
                plot.removeItem(item)
        self._items = []
        self._bars = None
        units = [p.figure.unit for p in chart.points if p.figure is not None]
        self.value_axis.unit = units[0] if units else None
        self.value_axis.lang = lang
        points = chart.points
        xs = np.arange(len(points), dtype=float)
        values = np.array([p.figure.value if p.figure else np.nan for p in points])
        highlight = self._highlight_index()
        if chart.kind is ChartKind.LINE:
            legend = None
            if chart.points2:
                # Two series: told apart by shape and by name, not by colour alone.
                legend = pg.LegendItem(offset=(80, 10), labelTextSize=f"{self._legend_px}px",
                                       labelTextColor=PALETTE.text)
                legend.setParentItem(plot.getPlotItem().getViewBox())
                self._items.append(legend)
            for series, name, colour, symbol in ((points, chart.label, PALETTE.accent, "o"),
                                                 (chart.points2, chart.label2, "#A05A00", "s")):
                if not series:
                    continue
                ys = np.array([p.figure.value if p.figure else np.nan for p in series])
                line = pg.PlotDataItem(np.arange(len(series), dtype=float), ys,
                                       pen=pg.mkPen(colour, width=4), symbol=symbol,
                                       symbolSize=16, symbolBrush=colour, connect="finite")
                plot.addItem(line)
                self._items.append(line)
                if legend is not None:
                    legend.addItem(line, name.get(lang))
            if chart.reference is not None:
                ref = pg.InfiniteLine(pos=chart.reference.value, angle=0,
                                      pen=pg.mkPen(PALETTE.conflict, width=3,
                                                   style=Qt.PenStyle.DashLine),
                                      label=chart.reference.label.get(lang),
                                      labelOpts={"position": 0.15, "color": PALETTE.conflict})
                ref.label.setFont(self._gap_font)
                plot.addItem(ref)
                self._items.append(ref)
        elif chart.kind is ChartKind.SHARE:
            # Parts of a whole: horizontal bars in the given order; the highlighted part
            # in the accent colour, and named by its label (never colour alone).
            heights = np.nan_to_num(values)
            brushes = [pg.mkBrush(PALETTE.accent if p.key == chart.highlight else "#B8C7D9")
                       for p in points]
            ys = np.arange(len(points), dtype=float)[::-1]
            bars = pg.BarGraphItem(x0=np.zeros(len(points)), y=ys, height=0.7,
                                   width=heights * 0, brushes=brushes,
                                   pen=pg.mkPen(PALETTE.text, width=1))
            plot.addItem(bars)
            self._items.append(bars)
            self._bars, self._heights = bars, heights
            if chart.reference is not None:
                ref = pg.InfiniteLine(pos=chart.reference.value, angle=90,
                                      pen=pg.mkPen(PALETTE.conflict, width=3,
                                                   style=Qt.PenStyle.DashLine),
                                      label=chart.reference.label.get(lang),
                                      labelOpts={"position": 0.92, "color": PALETTE.conflict})
                ref.label.setFont(self._gap_font)
                plot.addItem(ref)
                self._items.append(ref)
            self._start_grow()
        else:
            heights = np.nan_to_num(values)
            brushes = [pg.mkBrush(PALETTE.accent if i == highlight else "#7FA6D1")
                       for i in range(len(points))]
            bars = pg.BarGraphItem(x=xs, height=heights * 0, width=0.7, brushes=brushes,
                                   pen=pg.mkPen(PALETTE.text, width=1))
            plot.addItem(bars)
            self._items.append(bars)
            self._bars, self._heights = bars, heights
            self._start_grow()
        # Gaps: labelled where they are, never interpolated.
        top = np.nanmax(values) if np.isfinite(values).any() else 1.0
        for i, p in enumerate(points):
            if p.gap:
                text = pg.TextItem(self.tr("no verified figure"), color=PALETTE.text,
                                   angle=90, anchor=(0, 0.5))
                text.setFont(self._gap_font)
                text.setPos(i, top * 0.02)
                plot.addItem(text)
                self._items.append(text)
        if chart.kind is ChartKind.SHARE:
            self.value_axis.unit, self.share_axis.unit = None, self.value_axis.unit
            self.share_axis.lang = lang
            n = len(points)
            self.value_axis.setTicks([[(n - 1 - i, p.label(lang)) for i, p in enumerate(points)]])
            self.value_axis.setWidth(self._wide_axis)
            top_value = float(np.nanmax(values))
            self.share_axis.setTicks([[(v, format_number(v, self.share_axis.unit, lang))
                                       for v in nice_ticks(top_value)]])
            plot.setYRange(-0.7, n - 0.3, padding=0)
            plot.setXRange(0, np.nanmax(values) * 1.08, padding=0)
            return
        self.share_axis.unit = None
        self.value_axis.setTicks(None)
        self.value_axis.setWidth(self._narrow_axis)
        per_point = (self.plot.width() - self._narrow_axis) / max(len(points), 1)
        short = per_point < self._legend_px * 5
        self.share_axis.setTicks([[(i, point_label(chart.axis, p.key, lang, short))
                                   for i, p in enumerate(points)]])
        plot.setXRange(-0.7, len(points) - 0.3, padding=0)
        every = [p.figure.value for p in chart.points + chart.points2 if p.figure is not None]
        if chart.reference is not None:
            every.append(chart.reference.value)
        low = 0.0 if chart.kind is not ChartKind.LINE or chart.points2 else min(every) * 0.9
        plot.setYRange(low, max(every) * 1.12, padding=0)

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

    def _start_grow(self) -> None:
        if self._state.animation is AnimationLevel.FULL and self.isVisible():
            self._grow.stop()
            self._grow.start()
        else:
            self._on_grow_value_changed(1.0)

    def _on_grow_value_changed(self, value: float) -> None:
        if self._bars is None:
            return
        if self._chart.kind is ChartKind.SHARE:
            self._bars.setOpts(width=self._heights * value)
        else:
            self._bars.setOpts(height=self._heights * value)



    # --- touch ---------------------------------------------------------------------------
    def _on_scene_clicked(self, event) -> None:
        view = self.plot.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(event.scenePos()):
            return
        pos = view.mapSceneToView(event.scenePos())
        if self._chart.kind is ChartKind.SHARE:
            index = len(self._chart.points) - 1 - int(round(pos.y()))
        else:
            index = int(round(pos.x()))
        if 0 <= index < len(self._chart.points):
            self.select_point(index)

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
        if self._chart.axis is Axis.FISCAL_YEAR and self._bars is not None:
            highlight = self._highlight_index()
            self._bars.setOpts(brushes=[pg.mkBrush(PALETTE.accent if i == highlight
                                                   else "#7FA6D1")
                                        for i in range(len(self._chart.points))])

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
        font = self.plot.font()
        font.setPixelSize(m.font("caption"))
        self._gap_font = font
        self._legend_px = m.font("caption")
        self.share_axis.setHeight(round(m.font("caption") * 2.4))
        for side in ("left", "bottom"):
            axis = self.plot.getAxis(side)
            axis.setStyle(tickFont=font)
            axis.setTextPen(PALETTE.text)
        self._narrow_axis, self._wide_axis = m.px(230), m.px(360)
        self.plot.getAxis("left").setWidth(self._narrow_axis)
        self._draw()
        for b in self.picker.values():
            b.set_padding(m.space("s"))
            b.setMinimumHeight(m.target(90))

    def on_enter(self) -> None:
        self._draw()

    def on_leave(self) -> None:
        self._grow.stop()
        self._on_grow_value_changed(1.0)

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

