"""The map's static layers, built once into painter paths and painted as the view's
cached background: neighbours, Mali's regions, the regions held by armed groups at the
date shown (tinted and hatched), water, rivers, Mali's border."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
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
        #: The regions held by armed groups at the date shown (hatched).
        self.held: tuple[str, ...] = ()
        #: Hatch spacing and line width in device pixels (set from the screen's size).
        self.hatch_px = (8.0, 1.5)

    def set_held(self, regions: Iterable[str]) -> bool:
        """Hatch ``regions`` (names on the map); whether that changed anything."""
        held = tuple(r for r in regions if r in self.region_paths)
        changed = held != self.held
        self.held = held
        return changed

    def set_hatch(self, px_per_mm: float) -> None:
        """Hatch lines about 2.4 mm apart and 0.45 mm wide on the screen."""
        self.hatch_px = (max(2.4 * px_per_mm, 6.0), max(0.45 * px_per_mm, 1.5))

    def paint_held(self, painter: QPainter, colours: MapColours, fast: bool) -> None:
        """Tint and hatch the held regions: the hatching carries the meaning without the
        colour (for colour-blind visitors and in high contrast). The lines are drawn in
        device pixels, so they keep their spacing at every zoom."""
        tint = QColor(colours.occupied)
        tint.setAlphaF(0.16)
        spacing, width = self.hatch_px
        for name in self.held:
            path = self.region_paths[name]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(tint)
            painter.drawPath(path)
            if fast:
                continue
            painter.save()
            box = painter.worldTransform().mapRect(path.boundingRect())
            device = painter.device()
            if device is not None:
                box = box.intersected(QRectF(0, 0, device.width(), device.height()))
            painter.setClipPath(path)
            painter.resetTransform()
            pen = QPen(QColor(colours.occupied), width)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            h = box.height()
            lines = []
            x = box.left() - h
            while x < box.right():
                lines.append(QLineF(x, box.bottom(), x + h, box.top()))
                x += spacing
            painter.drawLines(lines)
            painter.restore()

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
        self.paint_held(painter, c, fast)
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
