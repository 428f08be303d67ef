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
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from minusma_kiosk.content.model import Chart, ChartKind, Lang
from minusma_kiosk.state.app_state import AnimationLevel
from minusma_kiosk.ui.theme.palette import palette
from minusma_kiosk.ui.theme.tokens import CHART
from minusma_kiosk.ui.widgets.chart_axes import PlotAxes

_CONFIGURED = False
BAR, PART, SECOND = CHART["bar"], CHART["part"], CHART["second"]


def mix(a: str, b: str, t: float) -> QColor:
    """The colour ``t`` (0…1) of the way from ``a`` to ``b``."""
    ca, cb = QColor(a), QColor(b)
    return QColor.fromRgbF(*(x + (y - x) * t for x, y in zip(ca.getRgbF(), cb.getRgbF(),
                                                             strict=True)))


def configure_pyqtgraph() -> None:
    """pyqtgraph's global options, set once."""
    global _CONFIGURED
    if not _CONFIGURED:
        pg.setConfigOptions(antialias=True, background=palette().surface,
                            foreground=palette().text)
        _CONFIGURED = True


class ChartPlot(QWidget):
    """One chart at a time, with a marker on the year the exhibit is in.

    Signals
    -------
    point_tapped(int)
        The index of the point (bar, dot or part) under a tap.
    """

    point_tapped = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
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
        self.items: list[pg.GraphicsObject] = []
        self.motion = AnimationLevel.NONE
        self._chart: Chart | None = None
        self._lang: Lang = "en"
        self._bars: pg.BarGraphItem | None = None
        self._heights = np.zeros(0)
        self._values = np.zeros(0)
        self._lines: list[tuple[pg.PlotDataItem, np.ndarray, np.ndarray]] = []
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

    # --- drawing -------------------------------------------------------------------------
    def draw(self, chart: Chart, lang: Lang, highlight: int | None) -> None:
        """Draw ``chart``: bars, lines or parts of a whole, gaps labelled, never filled."""
        self._chart, self._lang = chart, lang
        self._grow.stop()
        self._morph.stop()
        plot = self.plot
        for item in self.items:
            if isinstance(item, pg.LegendItem):
                if item.scene() is not None:
                    item.scene().removeItem(item)
            else:
                plot.removeItem(item)
        self.items = []
        self._bars, self._lines = None, []
        units = [p.figure.unit for p in chart.points if p.figure is not None]
        self.value_axis.unit = units[0] if units else None
        self.value_axis.lang = lang
        points = chart.points
        values = np.array([p.figure.value if p.figure else np.nan for p in points])
        self._values = values  # the ring follows the first series between frames
        if chart.kind is ChartKind.LINE:
            self._draw_lines(chart, lang)
        elif chart.kind is ChartKind.SHARE:
            # Parts of a whole: horizontal bars in the given order; the highlighted part
            # in the accent colour, and named by its label (never colour alone).
            heights = np.nan_to_num(values)
            brushes = [pg.mkBrush(palette().accent if p.key == chart.highlight else PART)
                       for p in points]
            ys = np.arange(len(points), dtype=float)[::-1]
            bars = pg.BarGraphItem(x0=np.zeros(len(points)), y=ys, height=0.7,
                                   width=heights * 0, brushes=brushes,
                                   pen=pg.mkPen(palette().text, width=1))
            self._add(bars)
            self._bars, self._heights = bars, heights
            self._add_reference(chart, lang, angle=90, position=0.92)
        else:
            heights = np.nan_to_num(values)
            bars = pg.BarGraphItem(x=np.arange(len(points), dtype=float), height=heights * 0,
                                   width=0.7, brushes=self._bar_brushes(highlight, None, 1.0),
                                   pen=pg.mkPen(palette().text, width=1))
            self._add(bars)
            self._bars, self._heights = bars, heights
        # Gaps: labelled where they are, never interpolated.
        top = np.nanmax(values) if np.isfinite(values).any() else 1.0
        for i, p in enumerate(points):
            if p.gap:
                text = pg.TextItem(self.tr("no verified figure"), color=palette().text,
                                   angle=90, anchor=(0, 0.5))
                text.setFont(self._gap_font)
                text.setPos(i, top * 0.02)
                self._add(text)
        if chart.kind is ChartKind.SHARE:
            self.axes.frame_share(self.plot, chart, lang, values)
        else:
            self.axes.frame_time(self.plot, chart, lang)
            self._band.setOpts(y0=[self.axes.low], height=[self.axes.high - self.axes.low])
        self._band.setVisible(chart.kind is not ChartKind.SHARE)
        self._ring.setVisible(chart.kind is ChartKind.LINE)
        self.highlight = self._from = highlight
        self.morph_to(1.0)
        self._start_grow()

    def _add(self, item) -> None:
        self.plot.addItem(item)
        self.items.append(item)

    def _draw_lines(self, chart: Chart, lang: Lang) -> None:
        legend = None
        if chart.points2:
            # Two series: told apart by shape and by name, not by colour alone.
            legend = pg.LegendItem(offset=(80, 10), labelTextSize=f"{self._legend_px}px",
                                   labelTextColor=palette().text)
            legend.setParentItem(self.plot.getPlotItem().getViewBox())
            self.items.append(legend)
        for series, name, colour, symbol in ((chart.points, chart.label, palette().accent, "o"),
                                             (chart.points2, chart.label2, SECOND, "s")):
            if not series:
                continue
            xs = np.arange(len(series), dtype=float)
            ys = np.array([p.figure.value if p.figure else np.nan for p in series])
            line = pg.PlotDataItem(xs, ys, pen=pg.mkPen(colour, width=4), symbol=symbol,
                                   symbolSize=16, symbolBrush=colour, connect="finite")
            self._add(line)
            self._lines.append((line, xs, ys))
            if legend is not None:
                legend.addItem(line, name.get(lang))
        self._add_reference(chart, lang, angle=0, position=0.02)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._chart is not None:
            self.axes.fit(self.plot, self._chart, self._lang)

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

    @property
    def _narrow_axis(self) -> int:
        return self.axes.narrow

    def _add_reference(self, chart: Chart, lang: Lang, angle: int, position: float) -> None:
        """The chart's reference figure (e.g. the 25% cap) as a dashed, named line."""
        if chart.reference is None:
            return
        # The name above a level line and to the right of an upright one, never clipped.
        anchors = [(0, 1), (0, 1)] if angle == 0 else [(0, 0.5), (0, 0.5)]
        ref = pg.InfiniteLine(pos=chart.reference.value, angle=angle,
                              pen=pg.mkPen(palette().conflict, width=3, style=Qt.PenStyle.DashLine),
                              label=chart.reference.label.get(lang),
                              labelOpts={"position": position, "color": palette().conflict,
                                         "anchors": anchors})
        ref.label.setFont(self._gap_font)
        self._add(ref)

    # --- the year marker -----------------------------------------------------------------
    def _bar_brushes(self, new: int | None, old: int | None, t: float) -> list:
        """Bar colours while the accent moves from bar ``old`` to bar ``new``."""
        count = len(self._chart.points) if self._chart is not None else 0
        out = []
        for i in range(count):
            if i == new and i == old:
                colour = QColor(palette().accent)
            elif i == new:
                colour = mix(BAR, palette().accent, t)
            elif i == old:
                colour = mix(palette().accent, BAR, t)
            else:
                colour = QColor(BAR)
            out.append(pg.mkBrush(colour))
        return out

    def set_highlight(self, index: int | None) -> None:
        """Mark point ``index`` (the cursor's year): slide, cross-fade or jump to it."""
        if self._chart is None or self._chart.kind is ChartKind.SHARE:
            return
        if index == self.highlight:
            return
        self._morph.stop()
        self._from, self.highlight = self.highlight, index
        if self.motion is AnimationLevel.NONE or not self.isVisible():
            self.morph_to(1.0)
        else:
            self._morph.start()

    def morph_to(self, t: float) -> None:
        """One frame (``t`` 0…1) of the marker's move from the last year to this one."""
        if self._chart is None or self._chart.kind is ChartKind.SHARE:
            return
        old, new = self._from, self.highlight
        slide = self.motion is AnimationLevel.FULL and old is not None and new is not None
        if new is None:
            x, opacity = (old if old is not None else 0), 1.0 - t
        elif slide:
            assert old is not None
            x, opacity = old + (new - old) * t, 1.0
        else:
            x, opacity = new, (t if new != old else 1.0)
        self._band.setOpts(x=[float(x)])
        self._band.setOpacity(opacity)
        if self._bars is not None and self._chart.kind is ChartKind.BARS:
            self._bars.setOpts(brushes=self._bar_brushes(new, old, t))
        if self._chart.kind is ChartKind.LINE:
            self._place_ring(x, opacity)

    def _place_ring(self, x: float, opacity: float) -> None:
        """The ring around the first series' point at ``x`` (between points while sliding)."""
        ys = self._values
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
    def set_sizes(self, font_px: int, axis_narrow: int, axis_wide: int) -> None:
        """Type and axis sizes for the window."""
        font = QFont(self.plot.font())
        font.setPixelSize(font_px)
        self.axes.set_sizes(font, axis_narrow, axis_wide, palette().text)
        self._gap_font = font
        self._legend_px = font_px
        self._apply_palette()

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
        if self._bars is not None and self._chart is not None:
            if self._chart.kind is ChartKind.SHARE:
                self._bars.setOpts(width=self._heights * grow)
            else:
                self._bars.setOpts(height=self._heights * grow)
        for line, xs, ys in self._lines:
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
        if self._chart is None:
            return
        view = self.plot.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(event.scenePos()):
            return
        pos = view.mapSceneToView(event.scenePos())
        if self._chart.kind is ChartKind.SHARE:
            index = len(self._chart.points) - 1 - int(round(pos.y()))
        else:
            index = int(round(pos.x()))
        if 0 <= index < len(self._chart.points):
            self.point_tapped.emit(index)
