"""A chart drawn with pyqtgraph, made safe for a touch screen.

No pan, zoom, menu, export dialog or auto-range button: a visitor cannot lose the
chart or reach a file dialog. A tap reports which point it hit; the screen
decides what to explain.

Motion follows the animation level: with full motion bars grow in, lines draw
from left to right and the year marker slides to a new year; with reduced
motion the same changes are cross-fades; with none they happen at once.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEasingCurve, QSize, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QVBoxLayout, QWidget

from minusma_kiosk.content.model import Chart, ChartId, ChartKind, Lang
from minusma_kiosk.state.app_state import AnimationLevel, Aspect, DisplayChange, DisplaySource
from minusma_kiosk.ui.display import follow, follow_metrics
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.theme.palette import palette
from minusma_kiosk.ui.widgets.chart_axes import PlotAxes
from minusma_kiosk.ui.widgets.chart_drawing import ChartDrawing, bar_brushes, mix

_CONFIGURED = False


def configure_pyqtgraph() -> None:
    """pyqtgraph's global options, set once."""
    global _CONFIGURED
    if not _CONFIGURED:
        pg.setConfigOptions(antialias=True, background=palette().surface,
                            foreground=palette().text)
        _CONFIGURED = True


class ChartPlot(QWidget):
    """One chart at a time, with a marker on the year the exhibit is in.

    It follows ``display`` itself: the type and axis widths follow the text size and
    the window, the texts the language, the colours the palette, and the animations the
    motion level; none of these makes a chart's items again.

    Signals
    -------
    point_tapped(int)
        The index of the point (bar, dot or part) under a tap.
    """

    point_tapped = Signal(int)

    def __init__(self, display: DisplaySource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        configure_pyqtgraph()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self._gap_font = QFont(self.font())
        self.axes = PlotAxes(self._gap_font)
        self.value_axis, self.share_axis = self.axes.value, self.axes.share
        self.plot = pg.PlotWidget(axisItems={"left": self.value_axis,
                                             "bottom": self.share_axis})
        self.plot.setObjectName("chart_plot")
        lay.addWidget(self.plot)
        self._make_touch_safe()
        self._display = display
        self.motion = display.display.motion
        self._lang: Lang = display.display.language
        self._drawings: dict[ChartId, ChartDrawing] = {}
        self._drawing: ChartDrawing | None = None
        self._legend_px = 22
        self._grow = self._animation("chart_grow", 600, self.grow_to)
        # The year marker: a band behind the point of the cursor's year (and a ring
        # around a line's point). It slides, fades or jumps to a new year.
        self.highlight: int | None = None
        self._from: int | None = None
        # Their colours come from the palette in force (_apply_palette).
        self._band = pg.BarGraphItem(x=[0.0], y0=[0.0], height=[1.0], width=0.96,
                                     pen=pg.mkPen(None))
        self._band.setZValue(-10)
        self._ring = pg.ScatterPlotItem(size=34, symbol="o", brush=pg.mkBrush(None))
        self._ring.setZValue(10)
        # Added once and shown or hidden: re-adding items to a plot costs a frame's time.
        self.plot.addItem(self._band)
        self.plot.addItem(self._ring)
        self._band.hide()
        self._ring.hide()
        self._morph = self._animation("chart_morph", 450, self.morph_to)
        self._apply_palette()
        self.plot.scene().sigMouseClicked.connect(self._on_scene_clicked)
        follow_metrics(self, display, self._apply_metrics)
        follow(self, display, Aspect.LANGUAGE | Aspect.PALETTE, self._on_display_changed,
               now=False)
        follow(self, display, Aspect.MOTION,
               lambda change: setattr(self, "motion", change.display.motion), now=False)

    def _animation(self, name: str, ms: int, slot) -> QVariantAnimation:
        anim = QVariantAnimation(self)
        anim.setObjectName(name)
        anim.setDuration(ms)
        anim.setStartValue(0.0)
        anim.setEndValue(1.0)
        anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        anim.valueChanged.connect(slot)
        return anim

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

    def _apply_palette(self) -> None:
        """Colours of the plot's own parts from the palette in force."""
        colours = palette()
        self.plot.setBackground(colours.surface)
        self._band.setOpts(brush=mix(colours.surface, colours.accent, 0.14))
        self._ring.setPen(pg.mkPen(colours.accent, width=4))

    # --- the items, made once per chart -------------------------------------------------
    @property
    def chart(self) -> Chart | None:
        """The chart shown."""
        return self._drawing.chart if self._drawing is not None else None

    @property
    def year_band(self) -> pg.BarGraphItem:
        """The band behind the point of the cursor's year."""
        return self._band

    @property
    def year_ring(self) -> pg.ScatterPlotItem:
        """The ring around a line chart's point of the cursor's year."""
        return self._ring

    @property
    def year_morph(self) -> QVariantAnimation:
        """The year marker's move to a new year (a test or the bench drives it)."""
        return self._morph

    @property
    def items(self) -> list[pg.GraphicsObject]:
        """The shown chart's items (bars, lines, gap labels, reference line, legend)."""
        return self._drawing.items if self._drawing is not None else []

    @property
    def bars(self) -> pg.BarGraphItem | None:
        """The shown chart's bars (a chart over time or parts of a whole)."""
        return self._drawing.bars if self._drawing is not None else None

    @property
    def heights(self) -> np.ndarray:
        """The bars' full lengths (gaps as 0: they are labelled, never drawn)."""
        return self._drawing.heights if self._drawing is not None else np.zeros(0)

    @property
    def lines(self) -> list[tuple[pg.PlotDataItem, np.ndarray, np.ndarray]]:
        """The shown line chart's series: (item, xs, ys)."""
        return self._drawing.lines if self._drawing is not None else []

    def draw(self, chart: Chart, highlight: int | None) -> None:
        """Show ``chart``: bars, lines or parts of a whole, gaps labelled, never filled; it
        comes in as the motion level allows. Its items are made the first time only (new
        content makes the screen, and this plot, again)."""
        self._grow.stop()
        self._morph.stop()
        drawing = self._drawings.get(chart.id)
        if drawing is None:
            drawing = self._drawings[chart.id] = ChartDrawing(chart, self.plot)
        if drawing is not self._drawing:
            if self._drawing is not None:
                self._drawing.set_visible(False)
            drawing.set_visible(True)
            self._drawing = drawing
        self._update(drawing)
        self._frame(drawing)
        self._band.setVisible(chart.kind is not ChartKind.SHARE)
        self._ring.setVisible(chart.kind is ChartKind.LINE)
        self.highlight = self._from = highlight
        self.morph_to(1.0)
        self._start_grow()

    def _update(self, drawing: ChartDrawing) -> None:
        """Bring a chart's texts, colours and type up to the display in force."""
        if drawing.colours is not palette():
            drawing.set_colours(palette(), self._bar_brushes(self.highlight, None, 1.0,
                                                             drawing.chart))
        drawing.set_texts(self._lang, self._gap_font, self._legend_px,
                          self.tr("no verified figure"))

    def _frame(self, drawing: ChartDrawing) -> None:
        """The axes for the chart shown: its unit, ranges and ticks."""
        chart, lang = drawing.chart, self._lang
        units = [p.figure.unit for p in chart.points if p.figure is not None]
        self.value_axis.unit = units[0] if units else None
        self.value_axis.lang = lang
        if chart.kind is ChartKind.SHARE:
            self.axes.frame_share(self.plot, chart, lang, drawing.values)
        else:
            self.axes.frame_time(self.plot, chart, lang)
            self._band.setOpts(y0=[self.axes.low], height=[self.axes.high - self.axes.low])
        self._place_labels()

    def _place_labels(self) -> None:
        """The values written on the chart that fit its width (see ChartDrawing)."""
        if self._drawing is None:
            return
        width = self.plot.getPlotItem().getViewBox().width()
        per_point = width / max(len(self._drawing.chart.points), 1)
        self._drawing.place_labels(per_point, QFontMetrics(self._gap_font).horizontalAdvance,
                                   self.highlight)

    def _on_display_changed(self, change: DisplayChange) -> None:
        """A new language or palette: the shown chart's texts or colours, in place (the
        others catch up when they are shown)."""
        self._lang = change.display.language
        if Aspect.PALETTE in change:
            self._apply_palette()
            self.axes.set_sizes(self._gap_font, self.axes.narrow, self.axes.wide,
                                palette().text)
        if self._drawing is not None:
            self._update(self._drawing)
            self._frame(self._drawing)
            self.morph_to(1.0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._drawing is not None:
            self.axes.fit(self.plot, self._drawing.chart, self._lang)
            self._band.setOpts(y0=[self.axes.low], height=[self.axes.high - self.axes.low])
            self._place_labels()

    def sizeHint(self) -> QSize:
        """Only the minimum: the plot takes the room left, never more than the screen
        has (a scroll area sizes its content from its parts' preferred heights)."""
        return QSize(super().sizeHint().width(), max(self.minimumHeight(), 1))

    def time_ticks(self, chart: Chart, lang: Lang) -> list[tuple[int, str]]:
        """Labels along a time axis that fit the width (see :class:`PlotAxes`)."""
        return self.axes.time_ticks(self.plot, chart, lang)

    @property
    def share_ticks(self) -> list[tuple[float, str]]:
        """The value ticks of the last parts-of-a-whole chart."""
        return self.axes.share_ticks

    # --- the year marker -----------------------------------------------------------------
    def _bar_brushes(self, new: int | None, old: int | None, t: float,
                     chart: Chart | None = None) -> list:
        """Bar colours while the mark moves from bar ``old`` to bar ``new``."""
        chart = chart or self.chart
        return bar_brushes(chart, palette(), new, old, t) if chart is not None else []

    @property
    def value_labels(self) -> list[pg.TextItem]:
        """The values written on the chart shown (those that fit are visible)."""
        return [t for _, t in self._drawing.value_labels] if self._drawing else []

    def set_highlight(self, index: int | None) -> None:
        """Mark point ``index`` (the cursor's year): slide, cross-fade or jump to it."""
        if self.chart is None or self.chart.kind is ChartKind.SHARE:
            return
        if index == self.highlight:
            return
        self._morph.stop()
        self._from, self.highlight = self.highlight, index
        self._place_labels()
        if self.motion is AnimationLevel.NONE or not self.isVisible():
            self.morph_to(1.0)
        else:
            self._morph.start()

    def morph_to(self, t: float) -> None:
        """One frame (``t`` 0…1) of the marker's move from the last year to this one."""
        if self.chart is None or self.chart.kind is ChartKind.SHARE:
            return
        old, new = self._from, self.highlight
        slide = self.motion is AnimationLevel.FULL and old is not None and new is not None
        x: float
        if new is None:
            x, opacity = (old if old is not None else 0), 1.0 - t
        elif slide:
            assert old is not None
            x, opacity = old + (new - old) * t, 1.0
        else:
            x, opacity = new, (t if new != old else 1.0)
        self._band.setOpts(x=[float(x)])
        self._band.setOpacity(opacity)
        if self.bars is not None and self.chart.kind is ChartKind.BARS:
            self.bars.setOpts(brushes=self._bar_brushes(new, old, t))
        if self.chart.kind is ChartKind.LINE:
            self._place_ring(x, opacity)

    def _place_ring(self, x: float, opacity: float) -> None:
        """The ring around the first series' point at ``x`` (between points while sliding)."""
        ys = self._drawing.values if self._drawing is not None else np.zeros(0)
        lo, hi = int(np.floor(x)), int(np.ceil(x))
        if not (0 <= lo < len(ys) and 0 <= hi < len(ys)):
            self._ring.setData([], [])
            return
        y = ys[lo] + (ys[hi] - ys[lo]) * (x - lo)
        if np.isfinite(y):
            self._ring.setData([x], [y])
        else:
            self._ring.setData([], [])
        self._ring.setOpacity(opacity)

    # --- sizes and the grow-in -----------------------------------------------------------
    def _apply_metrics(self, m: Metrics) -> None:
        """Type and axis widths for the window and the text size."""
        font = QFont(self.plot.font())
        font.setPixelSize(m.font("caption"))
        self.axes.set_sizes(font, m.px(230 * m.text_scale), m.px(360 * m.text_scale),
                            palette().text)
        self._gap_font = font
        self._legend_px = m.font("caption")
        if self._drawing is not None:
            self._update(self._drawing)
            self._frame(self._drawing)

    def _start_grow(self) -> None:
        if self.motion is not AnimationLevel.NONE and self.isVisible():
            self.grow_to(0.0)
            self._grow.start()
        else:
            self.grow_to(1.0)

    def grow_to(self, value: float) -> None:
        """One frame (``value`` 0…1) of the chart coming in.

        Full motion: bars grow to ``value`` of their length and lines draw up to
        ``value`` of their length. Reduced motion: the marks fade in instead.
        """
        grow = value if self.motion is AnimationLevel.FULL else 1.0
        if self.motion is AnimationLevel.REDUCED:  # only reduced motion ever fades
            for item in self.items:
                item.setOpacity(value)
        if self._drawing is not None:  # the values are written once the marks are whole
            for _i, label in self._drawing.value_labels:
                label.setOpacity(value if self.motion is AnimationLevel.REDUCED else
                                 float(value >= 1.0))
        bars, heights, chart = self.bars, self.heights, self.chart
        if bars is not None and chart is not None:
            if chart.kind is ChartKind.SHARE:
                bars.setOpts(width=heights * grow)
            else:
                bars.setOpts(height=heights * grow)
        for line, xs, ys in self.lines:
            if grow >= 1.0:
                line.setData(xs, ys)
                continue
            end = grow * (len(xs) - 1)
            keep = xs <= end
            line.setData(np.append(xs[keep], end), np.append(ys[keep], np.interp(end, xs, ys)))

    def stop(self) -> None:
        """Stop every animation and show the chart whole, the marker in place."""
        self._grow.stop()
        self._morph.stop()
        self.grow_to(1.0)
        self.morph_to(1.0)

    def _on_scene_clicked(self, event) -> None:
        if self.chart is None:
            return
        view = self.plot.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(event.scenePos()):
            return
        pos = view.mapSceneToView(event.scenePos())
        if self.chart.kind is ChartKind.SHARE:
            index = len(self.chart.points) - 1 - int(round(pos.y()))
        else:
            index = int(round(pos.x()))
        if 0 <= index < len(self.chart.points):
            self.point_tapped.emit(index)
