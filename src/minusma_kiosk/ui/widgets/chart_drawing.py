"""One chart's plot items: made when the chart is first shown, kept in the plot (hidden
while another chart is shown) and only updated afterwards, for a new language, palette
or text size (re-adding items to a plot costs a frame's time)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.LegendItem import ItemSample
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from minusma_kiosk.content.formatting import format_number
from minusma_kiosk.content.model import Chart, ChartKind, Lang
from minusma_kiosk.ui.theme.tokens import Palette

#: Room kept between two value labels, px.
LABEL_GAP = 8


def mix(a: str, b: str, t: float) -> QColor:
    """The colour ``t`` (0…1) of the way from ``a`` to ``b``."""
    ca, cb = QColor(a), QColor(b)
    return QColor.fromRgbF(ca.redF() + (cb.redF() - ca.redF()) * t,
                           ca.greenF() + (cb.greenF() - ca.greenF()) * t,
                           ca.blueF() + (cb.blueF() - ca.blueF()) * t,
                           ca.alphaF() + (cb.alphaF() - ca.alphaF()) * t)



def bar_brushes(chart: Chart, colours: Palette, new: int | None, old: int | None,
                t: float) -> list:
    """Bar colours while the mark moves from bar ``old`` to bar ``new`` (``t`` 0…1): the
    accent on bars of money; on a memorial chart (deaths) quiet greys, the marked year
    darker, never the accent."""
    c = colours.chart
    bar, mark = (c.memorial, c.memorial_mark) if chart.memorial else (c.bar, colours.accent)
    out = []
    for i in range(len(chart.points)):
        if i == new and i == old:
            colour = QColor(mark)
        elif i == new:
            colour = mix(bar, mark, t)
        elif i == old:
            colour = mix(mark, bar, t)
        else:
            colour = QColor(bar)
        out.append(pg.mkBrush(colour))
    return out


class _Sample(ItemSample):
    """A legend's sample that a tap leaves alone (pyqtgraph's hides its series)."""

    def mouseClickEvent(self, event) -> None:
        event.accept()


class ChartDrawing:
    """The bars, lines, gap labels, reference line and legend of ``chart``, in ``plot``.

    Bars over time and parts of a whole are one :class:`pg.BarGraphItem` (upright or
    lying); a line chart is one :class:`pg.PlotDataItem` per series, told apart by
    shape and by name in a legend, never by colour alone; years without a verified
    figure are hatched bands the height of the plot, labelled, so that none reads as
    zero or as a value, and never interpolated. The values are written on the chart: all
    that fit, the marked year, the largest and the last first (:meth:`place_labels`).
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
        self.gap_bars: pg.BarGraphItem | None = None
        #: The first series' values written on the chart: (point index, label).
        self.value_labels: list[tuple[int, pg.TextItem]] = []
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
        gaps = [i for i, p in enumerate(points) if p.gap]
        if gaps and chart.kind is ChartKind.BARS:
            # The whole height of the plot (its top is 1.12 x the largest value): a band
            # that says "not known", not a bar that reads as a value.
            self.gap_bars = pg.BarGraphItem(x=np.array(gaps, dtype=float), width=0.7,
                                            height=np.full(len(gaps), top * 1.12))
            self.gap_bars.setZValue(-5)
            self._add(self.gap_bars)
        for i in gaps:
            text = pg.TextItem("", angle=90, anchor=(0, 0.5))
            text.setPos(i, top * 0.02)
            self._add(text)
            self.gaps.append(text)
        share = chart.kind is ChartKind.SHARE
        for i, value in enumerate(values):
            if np.isfinite(value):
                label = pg.TextItem("", anchor=(0, 0.5) if share else
                                    (0.5, 1.6 if chart.kind is ChartKind.LINE else 1.05))
                label.setPos(*((value, len(points) - 1 - i) if share else (i, value)))
                label.setZValue(20)
                self._add(label)
                self.value_labels.append((i, label))

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
        for i, label in self.value_labels:
            fig = chart.points[i].figure
            if fig is not None:
                label.setText(format_number(fig.value, fig.unit, lang))
                label.setFont(font)
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
        outline = pg.mkPen(colours.chart.memorial_mark if chart.memorial else colours.text,
                           width=1)
        if self.gap_bars is not None:
            self.gap_bars.setOpts(brush=QBrush(QColor(colours.chart.gap),
                                               Qt.BrushStyle.BDiagPattern),
                                  pen=pg.mkPen(colours.chart.gap, width=2,
                                               style=Qt.PenStyle.DashLine))
        for _i, label in self.value_labels:
            label.setColor(colours.chart.memorial_mark if chart.memorial else colours.text)
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
            text.fill = pg.mkBrush(colours.surface)
            text.update()
        if self.reference is not None:
            self.reference.setPen(pg.mkPen(colours.conflict, width=3,
                                           style=Qt.PenStyle.DashLine))
            self.reference.label.setColor(colours.conflict)

    def place_labels(self, per_point: float, width: Callable[[str], float],
                     marked: int | None) -> None:
        """Show the value labels that fit side by side (``per_point`` pixels between two
        points, ``width`` of a text): the marked point's, the largest and the last first,
        then the others from the left; a label that would touch one shown, a gap's band,
        a taller neighbour or the plot's edge is left out.
        Every part of a whole has its own row, so all of its labels show."""
        if self.chart.kind is ChartKind.SHARE:
            for _i, label in self.value_labels:
                label.setVisible(True)
            return
        known = [i for i, _ in self.value_labels]
        if not known:
            return
        values = self.values
        first = [marked, max(known, key=lambda i: values[i]), known[-1]]
        order = [i for i in first if i in known] + known
        # The plot spans -0.7 to n - 0.3 points; the gaps' bands are full height.
        edges = (-0.7 * per_point, (len(self.chart.points) - 0.3) * per_point)
        taken = [(i * per_point - 0.35 * per_point, i * per_point + 0.35 * per_point)
                 for i, p in enumerate(self.chart.points) if p.gap] \
            if self.gap_bars is not None else []
        shown: set[int] = set()
        labels = dict(self.value_labels)
        for i in order:
            if i in shown:
                continue
            half = width(labels[i].textItem.toPlainText()) / 2 + LABEL_GAP / 2
            left, right = i * per_point - half, i * per_point + half
            # Nor over a taller neighbour: the label sits on its own bar's top.
            under = [j for j in known if j != i and
                     (j + 0.35) * per_point > left and (j - 0.35) * per_point < right]
            if left >= edges[0] and right <= edges[1] and \
                    all(values[j] < values[i] for j in under) and \
                    all(right <= a or left >= b for a, b in taken):
                taken.append((left, right))
                shown.add(i)
        for i, label in self.value_labels:
            label.setVisible(i in shown)
