"""A chart drawn with pyqtgraph, made safe for a touch screen.

No pan, zoom, menu, export dialog or auto-range button: a visitor cannot lose the
chart or reach a file dialog. Bars grow in (full motion only). A tap reports
which point it hit; the screen decides what to explain.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEasingCurve, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from minusma_kiosk.content.formatting import format_date, format_number
from minusma_kiosk.content.model import Axis, Chart, ChartKind, Lang
from minusma_kiosk.ui.theme.tokens import PALETTE

_CONFIGURED = False


def configure_pyqtgraph() -> None:
    """pyqtgraph's global options, set once."""
    global _CONFIGURED
    if not _CONFIGURED:
        pg.setConfigOptions(antialias=True, background=PALETTE.surface,
                            foreground=PALETTE.text)
        _CONFIGURED = True


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


class ChartPlot(QWidget):
    """One chart at a time.

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
        self.value_axis = ValueAxis("left")
        self.share_axis = ValueAxis("bottom")
        self.plot = pg.PlotWidget(axisItems={"left": self.value_axis,
                                             "bottom": self.share_axis})
        self.plot.setObjectName("chart_plot")
        lay.addWidget(self.plot)
        self._make_touch_safe()
        self.items: list[pg.GraphicsObject] = []
        self.animate = False
        self._chart: Chart | None = None
        self._lang: Lang = "en"
        self._bars: pg.BarGraphItem | None = None
        self._heights = np.zeros(0)
        self._gap_font = QFont(self.font())
        self._legend_px = 22
        self._narrow_axis, self._wide_axis = 230, 360
        self._grow = QVariantAnimation(self)
        self._grow.setObjectName("chart_grow")
        self._grow.setDuration(600)
        self._grow.setStartValue(0.0)
        self._grow.setEndValue(1.0)
        self._grow.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._grow.valueChanged.connect(self.grow_to)
        self.plot.scene().sigMouseClicked.connect(self._on_scene_clicked)

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

    def draw(self, chart: Chart, lang: Lang, highlight: int | None) -> None:
        """Draw ``chart``: bars, lines or parts of a whole, gaps labelled, never filled."""
        self._chart, self._lang = chart, lang
        plot = self.plot
        for item in self.items:
            if isinstance(item, pg.LegendItem):
                if item.scene() is not None:
                    item.scene().removeItem(item)
            else:
                plot.removeItem(item)
        self.items = []
        self._bars = None
        units = [p.figure.unit for p in chart.points if p.figure is not None]
        self.value_axis.unit = units[0] if units else None
        self.value_axis.lang = lang
        points = chart.points
        xs = np.arange(len(points), dtype=float)
        values = np.array([p.figure.value if p.figure else np.nan for p in points])
        if chart.kind is ChartKind.LINE:
            legend = None
            if chart.points2:
                # Two series: told apart by shape and by name, not by colour alone.
                legend = pg.LegendItem(offset=(80, 10), labelTextSize=f"{self._legend_px}px",
                                       labelTextColor=PALETTE.text)
                legend.setParentItem(plot.getPlotItem().getViewBox())
                self.items.append(legend)
            for series, name, colour, symbol in ((points, chart.label, PALETTE.accent, "o"),
                                                 (chart.points2, chart.label2, "#A05A00", "s")):
                if not series:
                    continue
                ys = np.array([p.figure.value if p.figure else np.nan for p in series])
                line = pg.PlotDataItem(np.arange(len(series), dtype=float), ys,
                                       pen=pg.mkPen(colour, width=4), symbol=symbol,
                                       symbolSize=16, symbolBrush=colour, connect="finite")
                plot.addItem(line)
                self.items.append(line)
                if legend is not None:
                    legend.addItem(line, name.get(lang))
            self._add_reference(chart, lang, angle=0, position=0.15)
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
            self.items.append(bars)
            self._bars, self._heights = bars, heights
            self._add_reference(chart, lang, angle=90, position=0.92)
            self._start_grow()
        else:
            heights = np.nan_to_num(values)
            brushes = [pg.mkBrush(PALETTE.accent if i == highlight else "#7FA6D1")
                       for i in range(len(points))]
            bars = pg.BarGraphItem(x=xs, height=heights * 0, width=0.7, brushes=brushes,
                                   pen=pg.mkPen(PALETTE.text, width=1))
            plot.addItem(bars)
            self.items.append(bars)
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
                self.items.append(text)
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

    def _add_reference(self, chart: Chart, lang: Lang, angle: int, position: float) -> None:
        """The chart's reference figure (e.g. the 25% cap) as a dashed, named line."""
        if chart.reference is None:
            return
        ref = pg.InfiniteLine(pos=chart.reference.value, angle=angle,
                              pen=pg.mkPen(PALETTE.conflict, width=3, style=Qt.PenStyle.DashLine),
                              label=chart.reference.label.get(lang),
                              labelOpts={"position": position, "color": PALETTE.conflict})
        ref.label.setFont(self._gap_font)
        self.plot.addItem(ref)
        self.items.append(ref)

    def set_highlight(self, index: int | None) -> None:
        """Colour one bar (a fiscal year) in the accent colour."""
        if self._chart is None or self._bars is None or self._chart.kind is not ChartKind.BARS:
            return
        self._bars.setOpts(brushes=[pg.mkBrush(PALETTE.accent if i == index else "#7FA6D1")
                                    for i in range(len(self._chart.points))])

    def set_sizes(self, font_px: int, axis_narrow: int, axis_wide: int) -> None:
        """Type and axis sizes for the window."""
        font = QFont(self.plot.font())
        font.setPixelSize(font_px)
        for side in ("left", "bottom"):
            axis = self.plot.getAxis(side)
            axis.setStyle(tickFont=font)
            axis.setTextPen(PALETTE.text)
        self._gap_font = font
        self._legend_px = font_px
        self.share_axis.setHeight(round(font_px * 2.4))
        self._narrow_axis, self._wide_axis = axis_narrow, axis_wide
        self.plot.getAxis("left").setWidth(axis_narrow)

    def _start_grow(self) -> None:
        if self.animate and self.isVisible():
            self._grow.stop()
            self._grow.start()
        else:
            self.grow_to(1.0)

    def grow_to(self, value: float) -> None:
        """Bars at ``value`` (0…1) of their height: one frame of the grow animation."""
        if self._bars is None:
            return
        if self._chart.kind is ChartKind.SHARE:
            self._bars.setOpts(width=self._heights * value)
        else:
            self._bars.setOpts(height=self._heights * value)



    def stop(self) -> None:
        """Stop the grow animation and show the bars whole."""
        self._grow.stop()
        self.grow_to(1.0)

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
