"""The map's markers: a dot and a name for each mapped place, a ring where the visible
events are, a square for each MINUSMA camp and a dashed ring for each town held by
armed groups. Built once into the map's scene; the time cursor, the visible events,
the language and the palette only change them."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsScene

from minusma_kiosk.content.geo import MapData
from minusma_kiosk.content.model import Camp, Event, Lang, Occupation, Place
from minusma_kiosk.ui.theme.tokens import MapColours
from minusma_kiosk.ui.widgets.map_items import (
    PRIORITY,
    LabelItem,
    Obstacle,
    ShapeItem,
    place_labels,
    scene_point,
)

#: The day the mission's first camps opened: a camp whose opening is not sourced is
#: shown (hollow) from then on.
MISSION_START = dt.date(2013, 7, 1)


class MapMarkers:
    """Every marker of ``places``, ``camps`` and ``occupations`` that has coordinates
    (places without verified coordinates have none; their events tint their region)."""

    def __init__(self, scene: QGraphicsScene, places: tuple[Place, ...],
                 camps: tuple[Camp, ...], occupations: tuple[Occupation, ...],
                 colours: MapColours) -> None:
        self.places = tuple(p for p in places if p.mapped)
        self._dots: dict[str, ShapeItem] = {}
        self._labels: dict[str, LabelItem] = {}
        self._rings: dict[str, ShapeItem] = {}
        self._camps: list[tuple[Camp, ShapeItem]] = []
        self._held: list[tuple[Occupation, ShapeItem]] = []
        self._colours = colours
        self._day: dt.date | None = None
        #: Counts changes to what the labels must keep clear of (marks, texts).
        self.revision = 0
        self._areas: list[tuple[LabelItem, str, tuple[str, str], QPointF]] = []
        for place in self.places:
            pos = scene_point(place)
            r = 6 if place.kind == "capital" else 4 if place.kind == "city" else 3
            dot = QPainterPath()
            dot.addEllipse(QPointF(0, 0), r, r)
            self._dots[place.id] = self._add(scene, ShapeItem(dot, None, None), pos, 10)
            label = LabelItem(place.name.en, 22, colours.city, halo=colours.label_halo)
            self._labels[place.id] = self._add(scene, label, pos, 21)
            self._rings[place.id] = self._add(scene, ShapeItem(QPainterPath(), None, None),
                                              pos, 9, shown=False)
        for camp in (c for c in camps if c.place.mapped):
            square = QPainterPath()
            square.addRect(-7, -7, 14, 14)
            item = ShapeItem(square, None, None)
            self._camps.append((camp, self._add(scene, item, scene_point(camp.place), 12,
                                                shown=False)))
        for occ in occupations:
            if occ.place is None or not occ.place.mapped:
                continue  # a region: the backdrop hatches it
            circle = QPainterPath()
            circle.addEllipse(QPointF(0, 0), 16, 16)
            item = ShapeItem(circle, None, None)
            self._held.append((occ, self._add(scene, item, scene_point(occ.place), 8,
                                              shown=False)))
        self.recolour(colours)

    @staticmethod
    def _add(scene: QGraphicsScene, item, pos: QPointF, z: int, shown: bool = True):
        item.setPos(pos)
        item.setZValue(z)
        item.setVisible(shown)
        scene.addItem(item)
        return item

    # --- what the map shows -------------------------------------------------------------
    @property
    def camp_markers(self) -> list[tuple[Camp, ShapeItem]]:
        """Each mapped camp and its marker."""
        return list(self._camps)

    @property
    def held_markers(self) -> list[tuple[Occupation, ShapeItem]]:
        """Each mapped town held by armed groups, and its dashed ring."""
        return list(self._held)

    def has_events(self, place: Place) -> bool:
        """Whether ``place`` has a ring: visible events there."""
        return self._rings[place.id].isVisible()

    # --- changes ----------------------------------------------------------------------
    def recolour(self, colours: MapColours) -> None:
        """Every marker in ``colours`` (standard or high contrast)."""
        self.revision += 1
        self._colours = colours
        for label, kind, _, _ in self._areas:
            label.set_colour(colours.river_label if kind == "river" else
                             colours.city if kind == "mali" else colours.country_label,
                             colours.label_halo)
        for pid, dot in self._dots.items():
            dot.set_style(colours.city, colours.mark_edge, 1.5)
            self._labels[pid].set_colour(colours.city, colours.label_halo)
            self._rings[pid].set_style(None, colours.city, 3)
        for _occ, item in self._held:
            item.set_style(None, colours.occupied, 4, dashed=True, hatched=True)
        self._style_camps()

    def add_area_labels(self, scene: QGraphicsScene, map_data: MapData) -> None:
        """Names written across areas: "MALI", the neighbours where enough of them is
        in view, and the Niger on its course (from the map file's label points)."""
        entries: list[tuple[str, tuple[str, str], tuple[float, float], float]] = []
        if map_data.mali_label is not None:
            entries.append(("mali", ("MALI", "MALI"), map_data.mali_label, 0.0))
        for country in map_data.neighbours:
            if country.label is not None:
                entries.append(("country", (country.name.upper(), country.name_fr.upper()),
                                country.label, 0.0))
        for river in map_data.rivers:
            if river.label is not None:
                x, y, angle = river.label
                entries.append(("river", (river.name, river.name), (x, y), angle))
        for kind, names, (x, y), angle in entries:
            label = LabelItem(names[0], 20, self._colours.city,
                              halo=self._colours.label_halo)
            label.setRotation(-angle)
            self._add(scene, label, QPointF(x, -y), 7)
            self._areas.append((label, kind, names, QPointF(x, -y)))
        self.recolour(self._colours)

    def set_texts(self, lang: Lang, font_px: int) -> None:
        """Place names in ``lang``; capitals and cities at ``font_px`` and bold, towns
        smaller; "MALI" large, the neighbours and the Niger smaller."""
        self.revision += 1
        for place in self.places:
            big = place.kind in ("capital", "city")
            self._labels[place.id].set_text(place.name.get(lang),
                                            font_px if big else round(font_px * 0.8), big)
        for label, kind, names, _ in self._areas:
            name = names[1] if lang == "fr" else names[0]
            size = {"mali": 1.7, "country": 0.8, "river": 0.85}[kind]
            label.set_text(name, round(font_px * size), kind == "mali")

    def layout_labels(self, to_view: Callable[[QPointF], QPointF], zoom: float,
                      selected: Place | None, covered: list[QRectF] | None = None) -> None:
        """Names that overlap neither each other, nor the marks, nor what ``covered``
        lists (notes over the map, in view pixels); towns only when zoomed in or selected.
        What gives way first: the neighbours' names, then the Niger's, "MALI", villages,
        towns; cities and the capital last."""
        obstacles: list[Obstacle] = [(r, None) for r in covered or []]
        for place in self.places:
            at = to_view(scene_point(place))
            for item in (self._dots[place.id], self._rings[place.id]):
                if item.isVisible():
                    obstacles.append((item.boundingRect().translated(at), place.id))
        marked = [(c.place, item) for c, item in self._camps]
        marked += [(o.place, item) for o, item in self._held if o.place is not None]
        for where, item in marked:
            if item.isVisible():
                at = to_view(scene_point(where))
                obstacles.append((item.boundingRect().translated(at), where.id))
        items: list[tuple[LabelItem, QPointF, float, bool]] = [
                 (self._labels[p.id], to_view(scene_point(p)),
                  PRIORITY.get(p.kind, 4) if p is not selected else -1,
                  p.kind in ("town", "village") and zoom < 2.0 and p is not selected)
                 for p in self.places]
        owners: dict[int, object] = {id(self._labels[p.id]): p.id for p in self.places}
        area_priority = {"mali": 3.5, "river": 5, "country": 6}
        items += [(label, to_view(at), area_priority[kind], False)
                  for label, kind, _, at in self._areas]
        place_labels(items, obstacles, owners, frozenset(id(a[0]) for a in self._areas))

    @property
    def area_labels(self) -> list[tuple[LabelItem, str]]:
        """Each name written across an area, and what it names ("mali", "country",
        "river")."""
        return [(label, kind) for label, kind, _, _ in self._areas]

    @property
    def place_labels(self) -> dict[str, LabelItem]:
        """Each mapped place's name, by place id."""
        return dict(self._labels)

    def marks(self) -> list[ShapeItem]:
        """Every mark shown: dots, rings, camps and held towns."""
        shown: list[ShapeItem] = [*self._dots.values(), *self._rings.values(),
                                  *(i for _, i in self._camps), *(i for _, i in self._held)]
        return [i for i in shown if i.isVisible()]

    def set_date(self, day: dt.date) -> None:
        """Show the camps open and the towns held on ``day``."""
        self.revision += 1
        self._day = day
        self._style_camps()
        for occ, item in self._held:
            item.setVisible(occ.held_on(day))

    def _style_camps(self) -> None:
        day, c = self._day, self._colours
        if day is None:
            return
        for camp, item in self._camps:
            state = camp.open_on(day)
            if state is None:
                # Opening date not sourced: shown hollow while the mission ran.
                item.setVisible(MISSION_START <= day and
                                (camp.closed is None or day < camp.closed))
                item.set_style(c.mark_edge, c.camp, 3)
            else:
                item.setVisible(state)
                item.set_style(c.camp, c.mark_edge, 2)

    def set_events(self, events: tuple[Event, ...]) -> None:
        """Ring the places that have visible events (bigger ring: more events)."""
        self.revision += 1
        counts: dict[str, int] = {}
        for e in events:
            if e.place is not None and e.place.mapped:
                counts[e.place.id] = counts.get(e.place.id, 0) + 1
        for pid, ring in self._rings.items():
            n = counts.get(pid, 0)
            if n:
                r = 9 + 3 * math.sqrt(n)
                path = QPainterPath()
                path.addEllipse(QPointF(0, 0), r, r)
                ring.set_path(path)
                ring.show()
            else:
                ring.hide()
