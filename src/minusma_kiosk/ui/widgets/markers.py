"""Marker shapes: each event category has its own shape, so colour never carries
meaning alone (a visitor with colour-blindness reads the shape)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF

from minusma_kiosk.content.model import Category


def _polygon(centre: QPointF, radius: float, sides: int, rotation: float) -> QPainterPath:
    pts = [QPointF(centre.x() + radius * math.cos(rotation + 2 * math.pi * i / sides),
                   centre.y() + radius * math.sin(rotation + 2 * math.pi * i / sides))
           for i in range(sides)]
    path = QPainterPath()
    path.addPolygon(QPolygonF(pts))
    path.closeSubpath()
    return path


def marker_path(category: Category, centre: QPointF, size: float) -> QPainterPath:
    """The shape of a category's marker, centred on ``centre``, about ``2*size`` wide."""
    if category is Category.CONFLICT:  # a triangle pointing up: danger
        return _polygon(centre, size * 1.15, 3, -math.pi / 2)
    if category is Category.PEACEKEEPING:  # a circle
        path = QPainterPath()
        path.addEllipse(centre, size, size)
        return path
    if category is Category.POLITICS:  # a square
        path = QPainterPath()
        path.addRect(centre.x() - size * 0.9, centre.y() - size * 0.9, size * 1.8, size * 1.8)
        return path
    if category is Category.ELECTIONS:  # a diamond
        return _polygon(centre, size * 1.2, 4, 0)
    if category is Category.AGREEMENTS:  # a hexagon
        return _polygon(centre, size * 1.05, 6, 0)
    return _polygon(centre, size * 1.1, 5, -math.pi / 2)  # humanitarian: a pentagon
