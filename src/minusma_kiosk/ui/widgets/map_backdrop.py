"""The map's static layers, built once into painter paths and painted as the view's
cached background: neighbours, Mali's regions, water, rivers, Mali's border."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

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
