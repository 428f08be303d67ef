"""One chart's plot items: made when the chart is first shown, kept in the plot (hidden
while another chart is shown) and only updated afterwards, for a new language, palette
or text size (re-adding items to a plot costs a frame's time)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.LegendItem import ItemSample
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from minusma_kiosk.content.model import Chart, ChartKind, Lang
from minusma_kiosk.ui.theme.tokens import Palette


class _Sample(ItemSample):
    """A legend's sample that a tap leaves alone (pyqtgraph's hides its series)."""

    def mouseClickEvent(self, event) -> None:
        event.accept()


class ChartDrawing:
    """The bars, lines, gap labels, reference line and legend of ``chart``, in ``plot``.

    Bars over time and parts of a whole are one :class:`pg.BarGraphItem` (upright or
    lying); a line chart is one :class:`pg.PlotDataItem` per series, told apart by
    shape and by name in a legend, never by colour alone; years without a verified
    figure are labelled where they are, never interpolated.
    """

    def __init__(self, chart: Chart, plot: pg.PlotWidget) -> None:
        self.chart = chart
        self._plot = plot
        #: Every item of the chart (the legend included), in the plot.
        self.items: list[pg.GraphicsObject] = []
        self.bars: pg.BarGraphItem | None = None
        self.heights = np.zeros(0)
        self.values = np.array([p.figure.value if p.figure else np.nan for p in chart.points])
        self.lines: list[tuple[pg.PlotDataItem, np.ndarray, np.ndarray]] = []
        self.legend: pg.LegendItem | None = None
        self.gaps: list[pg.TextItem] = []
        self.reference: pg.InfiniteLine | None = None
        # What its texts, colours and type were last set for (None: never).
        self.lang: Lang | None = None
        self.colours: Palette | None = None
        self.font_px = 0
        self._build()

    def _add(self, item) -> None:
        self._plot.addItem(item)
        self.items.append(item)

    def _build(self) -> None:
        chart, points, values = self.chart, self.chart.points, self.values
        if chart.kind is ChartKind.LINE:
            self._build_lines()
        else:
            heights = np.nan_to_num(values)
            if chart.kind is ChartKind.SHARE:
                # Parts of a whole: horizontal bars in the given order; the highlighted
                # part in the accent colour, and named by its label (never colour alone).
                ys = np.arange(len(points), dtype=float)[::-1]
                bars = pg.BarGraphItem(x0=np.zeros(len(points)), y=ys, height=0.7,
                                       width=heights * 0)
            else:
                bars = pg.BarGraphItem(x=np.arange(len(points), dtype=float),
                                       height=heights * 0, width=0.7)
            self._add(bars)
            self.bars, self.heights = bars, heights
        if chart.reference is not None:
            # The chart's reference figure (e.g. the 25% cap) as a dashed, named line:
            # its name above a level line and to the right of an upright one.
            level = chart.kind is not ChartKind.SHARE
            anchors = [(0, 1), (0, 1)] if level else [(0, 0.5), (0, 0.5)]
            ref = pg.InfiniteLine(pos=chart.reference.value, angle=0 if level else 90,
                                  label="", labelOpts={"position": 0.02 if level else 0.92,
                                                       "anchors": anchors})
            self._add(ref)
            self.reference = ref
        top = np.nanmax(values) if np.isfinite(values).any() else 1.0
        for i, p in enumerate(points):
            if p.gap:
                text = pg.TextItem("", angle=90, anchor=(0, 0.5))
                text.setPos(i, top * 0.02)
                self._add(text)
                self.gaps.append(text)

    def _build_lines(self) -> None:
        chart = self.chart
        if chart.points2:
            legend = pg.LegendItem(offset=(80, 10), sampleType=_Sample)
            legend.setParentItem(self._plot.getPlotItem().getViewBox())
            self.items.append(legend)
            self.legend = legend
        for series, symbol in ((chart.points, "o"), (chart.points2, "s")):
            if not series:
                continue
            xs = np.arange(len(series), dtype=float)
            ys = np.array([p.figure.value if p.figure else np.nan for p in series])
            line = pg.PlotDataItem(xs, ys, symbol=symbol, symbolSize=16, connect="finite")
            self._add(line)
            self.lines.append((line, xs, ys))
            if self.legend is not None:
                self.legend.addItem(line, "")

    def set_visible(self, visible: bool) -> None:
        """Show the chart's items, or hide them while another chart is shown."""
        for item in self.items:
            item.setVisible(visible)

    def set_texts(self, lang: Lang, font: QFont, legend_px: int, no_figure: str) -> None:
        """Gap labels (``no_figure``), the reference line's name and the legend in
        ``lang`` and the axis type (only when one of them changed)."""
        if self.lang == lang and self.font_px == legend_px:
            return
        self.lang, self.font_px = lang, legend_px
        chart = self.chart
        for text in self.gaps:
            text.setText(no_figure)
            text.setFont(font)
        if self.reference is not None and chart.reference is not None:
            self.reference.label.setFormat(chart.reference.label.get(lang))
            self.reference.label.setFont(font)
        if self.legend is not None:
            self.legend.setLabelTextSize(f"{legend_px}px")
            names = (chart.label.get(lang), chart.label2.get(lang))
            for (_sample, label), name in zip(self.legend.items, names, strict=False):
                label.setText(name)
            self.legend.updateSize()

    def set_colours(self, colours: Palette, bar_brushes: list) -> None:
        """Every item in ``colours`` (``bar_brushes``: the bars over time, with the
        year marker's accent), only when the palette changed."""
        if self.colours is colours:
            return
        self.colours = colours
        chart = self.chart
        outline = pg.mkPen(colours.text, width=1)
        if self.bars is not None:
            if chart.kind is ChartKind.SHARE:
                brushes = [pg.mkBrush(colours.accent if p.key == chart.highlight
                                      else colours.chart.part) for p in chart.points]
            else:
                brushes = bar_brushes
            self.bars.setOpts(brushes=brushes, pen=outline)
        for (line, _xs, _ys), colour in zip(self.lines,
                                            (colours.accent, colours.chart.second),
                                            strict=False):
            line.setPen(pg.mkPen(colour, width=4))
            line.setSymbolBrush(colour)
        if self.legend is not None:
            self.legend.setLabelTextColor(colours.text)
        for text in self.gaps:
            text.setColor(colours.text)
        if self.reference is not None:
            self.reference.setPen(pg.mkPen(colours.conflict, width=3,
                                           style=Qt.PenStyle.DashLine))
            self.reference.label.setColor(colours.conflict)
