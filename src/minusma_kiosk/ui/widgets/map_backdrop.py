"""The map's static layers, built once into painter paths and painted as the view's
cached background: neighbours, Mali's regions, water, rivers, Mali's border; and the
item that hatches a region held by armed groups over them."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from minusma_kiosk.content.geo import MapData
from minusma_kiosk.ui.theme.tokens import MapColours


def rings_path(rings: Sequence[np.ndarray]) -> QPainterPath:
    """One path from projected rings (y flipped for the screen)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for ring in rings:
        pts = np.asarray(ring, dtype=float)
        path.addPolygon(QPolygonF([QPointF(x, -y) for x, y in pts]))
        path.closeSubpath()
    return path


def lines_path(lines: Sequence[np.ndarray]) -> QPainterPath:
    """One path from projected polylines."""
    path = QPainterPath()
    for line in lines:
        pts = np.asarray(line, dtype=float)
        if len(pts) < 2:
            continue
        path.moveTo(pts[0][0], -pts[0][1])
        for x, y in pts[1:]:
            path.lineTo(x, -y)
    return path


class MapBackdrop:
    """Paths of the static layers, and how to paint them.

    Parameters
    ----------
    map_data
        The bundled map.
    """

    def __init__(self, map_data: MapData) -> None:
        md = map_data
        x0, y0, x1, y1 = md.view
        #: The part of the world the data covers: what no country covers in it is sea.
        self.bounds = QRectF(QPointF(x0, -y1), QPointF(x1, -y0))
        self.neighbours = rings_path([r for c in md.neighbours for r in c.rings])
        self.region_paths = {r.name: rings_path(r.rings) for r in md.regions}
        self.mali = QPainterPath()
        for path in self.region_paths.values():
            self.mali = self.mali.united(path)
        self.water = rings_path(list(md.river_areas) + list(md.lakes))
        self.rivers = lines_path([line for river in md.rivers for line in river.lines])
        self.major_rivers = lines_path([line for river in md.rivers
                                        if river.name in ("Niger", "Senegal")
                                        for line in river.lines])

    def paint(self, painter: QPainter, rect: QRectF, scale: float, colours: MapColours,
              fast: bool = False) -> None:
        """Paint every layer in ``colours``; line widths are divided by ``scale`` to stay
        constant.

        ``fast`` (while a finger zooms or pans) skips antialiasing and the minor
        rivers, which roughly halves the cost; the view repaints in full quality
        as soon as the fingers rest.
        """
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not fast)
        c = colours
        painter.fillRect(rect, QColor(c.neighbour))
        painter.fillRect(rect.intersected(self.bounds), QColor(c.sea))
        painter.setPen(QPen(QColor(c.neighbour_border), 1.5 / scale))
        painter.setBrush(QColor(c.neighbour))
        painter.drawPath(self.neighbours)
        for i, path in enumerate(self.region_paths.values()):
            painter.setBrush(QColor(c.region if i % 2 == 0 else c.region_alt))
            painter.setPen(QPen(QColor(c.region_border), 2.0 / scale))
            painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(c.river))
        painter.drawPath(self.water)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if not fast:
            painter.setPen(QPen(QColor(c.river), 1.2 / scale))
            painter.drawPath(self.rivers)
        painter.setPen(QPen(QColor(c.river), 3.0 / scale))
        painter.drawPath(self.major_rivers)
        painter.setPen(QPen(QColor(c.country_border), 3.0 / scale))
        painter.drawPath(self.mali)


class HeldArea(QGraphicsPathItem):
    """A region held by armed groups: a light tint and diagonal lines 2.4 mm apart on
    the screen at every zoom (the hatching carries the meaning without the colour, for
    colour-blind visitors and in high contrast). A scene item over the cached backdrop,
    so that showing or hiding it repaints only its area."""

    def __init__(self, path: QPainterPath) -> None:
        super().__init__(path)
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.colour = "#B3261E"
        #: Spacing and line width of the hatching in device pixels.
        self.hatch_px = (8.0, 1.5)
        self._tile: tuple[tuple[str, int, float], QPixmap] | None = None

    def set_style(self, colour: str, px_per_mm: float) -> None:
        """The held colour of the palette in force, and the hatching's size."""
        self.colour = colour
        self.hatch_px = (max(2.4 * px_per_mm, 6.0), max(0.45 * px_per_mm, 1.5))
        self.update()

    def _texture(self) -> QPixmap:
        spacing, width = self.hatch_px
        side = max(round(spacing), 4)
        key = (self.colour, side, width)
        if self._tile is None or self._tile[0] != key:
            tile = QPixmap(side, side)
            tile.fill(Qt.GlobalColor.transparent)
            p = QPainter(tile)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(QPen(QColor(self.colour), width))
            # One line corner to corner, and its ends wrapped round: seamless tiles.
            for dx in (-side, 0, side):
                p.drawLine(QLineF(dx, side, dx + side, 0))
            p.end()
            self._tile = (key, tile)
        return self._tile[1]

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        tint = QColor(self.colour)
        tint.setAlphaF(0.16)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(tint)
        painter.drawPath(self.path())
        scale = painter.worldTransform().m11() or 1.0
        brush = QBrush(self._texture())
        brush.setTransform(QTransform.fromScale(1 / scale, 1 / scale))
        painter.setBrush(brush)
        painter.drawPath(self.path())
