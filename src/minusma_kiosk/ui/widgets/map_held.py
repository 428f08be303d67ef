"""Who held what on the map: the regions held by armed groups, hatched at the date
shown, and which held town or region a tap names (towns first, within a fingertip).

The towns' hatched rings are markers (:mod:`map_markers`); the regions are
:class:`HeldArea` items over the backdrop, one per region that has a period in
``occupation.csv``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QLineF, QPointF
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsScene

from minusma_kiosk.content.model import Occupation
from minusma_kiosk.ui.widgets.map_backdrop import HeldArea
from minusma_kiosk.ui.widgets.map_items import ShapeItem


class HeldRegions:
    """The held regions of ``occupations`` as items of ``scene``."""

    def __init__(self, scene: QGraphicsScene, occupations: tuple[Occupation, ...],
                 region_paths: dict[str, QPainterPath]) -> None:
        self.rows = tuple(o for o in occupations if o.region is not None)
        self.areas: dict[str, HeldArea] = {}
        for name, path in region_paths.items():
            if any(o.region == name for o in self.rows):
                area = HeldArea(path)
                area.setZValue(3)
                area.hide()
                scene.addItem(area)
                self.areas[name] = area
        self.day: dt.date | None = None

    def set_date(self, day: dt.date) -> None:
        """Hatch the regions held on ``day`` (only those that change repaint)."""
        self.day = day
        held = {o.region for o in self.rows if o.held_on(day)}
        for name, area in self.areas.items():
            if area.isVisible() != (name in held):
                area.setVisible(name in held)

    def style(self, colour: str, px_per_mm: float) -> None:
        for area in self.areas.values():
            area.set_style(colour, px_per_mm)

    @property
    def shown(self) -> tuple[str, ...]:
        """The regions hatched at the date shown (map order)."""
        return tuple(name for name, area in self.areas.items() if area.isVisible())

    def at(self, view_pos: QPointF, towns: list[tuple[Occupation, ShapeItem]],
           to_view: Callable[[QPointF], QPointF], region: str | None,
           reach: float) -> Occupation | None:
        """The held town whose ring is within ``reach`` of ``view_pos``, else the held
        period of ``region`` (the region under the finger) at the date shown."""
        best, best_d = None, reach
        for occ, item in towns:
            if item.isVisible():
                d = QLineF(to_view(item.pos()), view_pos).length()
                if d <= best_d:
                    best, best_d = occ, d
        if best is not None or self.day is None or region is None:
            return best
        day = self.day
        return next((o for o in self.rows if o.region == region and o.held_on(day)), None)
