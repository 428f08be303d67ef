"""Build the exhibit's map of Mali from the raw Natural Earth and GSHHG files.

    python tools/build_map.py                  # write resources/map/mali.json
    python tools/build_map.py --check          # exit 1 if the committed file is stale
    python tools/build_map.py --sources DIR    # raw files elsewhere

The raw files (see their PROVENANCE.md) are read from ``--sources``, else from
``$MINUSMA_MAP_SOURCES``, else from ``/work/shared/data/map-sources``. The app
never reads them: it loads the small projected file written here with
:func:`minusma_kiosk.content.geo.load_map`. The projection is imported from that
module, so the build and the app cannot disagree.

Steps: read Mali's 9 admin-1 polygons and the world TopoJSON; project; make the
neighbours' borders with Mali follow the regions' outline exactly (the TopoJSON
is quantized to a ~4 km grid); clip the neighbours to the view (Mali's box plus
a margin); simplify all polygons together so that shared borders stay shared;
pick GSHHG rivers, river-lakes and lakes in the view and trace the Niger and the
Senegal through them from known places on their banks; round to 0.1 km and
write compact JSON.
"""

from __future__ import annotations

import argparse
import hashlib
import heapq
import json
import os
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from minusma_kiosk.content.geo import CREDIT  # noqa: E402
from minusma_kiosk.content.projection import PROJECTION, project  # noqa: E402

Array = npt.NDArray[np.float64]
Rect = tuple[float, float, float, float]
Point = tuple[float, float]

OUTPUT = ROOT / "resources" / "map" / "mali.json"
DEFAULT_SOURCES = Path("/work/shared/data/map-sources")
ADMIN1 = "ne_admin1_mali.json"
COUNTRIES = "ne_countries_hires.topo.json"
RIVERS = "gshhg_rivers_sahel_i.txt"
RIVER_LAKES = "gshhg_riverlakes_sahel_i.txt"
LAKES = "gshhg_lakes_sahel_i.txt"
SOURCE_FILES = (ADMIN1, COUNTRIES, RIVERS, RIVER_LAKES, LAKES)

#: Margin around Mali's bounding box, km: wide east and west, so that the map fills
#: a landscape view edge to edge (the view fits Mali and shows its neighbours around
#: it; a view 2.1 times wider than tall still ends inside the data).
MARGIN_KM = 320.0
MARGIN_X_KM = 1000.0
#: West of Mali the view may reach further (the notes on the left push Mali east of
#: the view's middle): the Atlantic, km.
MARGIN_WEST_KM = 1700.0
#: Douglas–Peucker tolerances, km. Where a region and a neighbour share a
#: border, the smaller one applies to both.
TOLERANCE_REGIONS = 1.0
TOLERANCE_NEIGHBOURS = 2.0
TOLERANCE_RIVERS = 0.8
TOLERANCE_WATER_AREAS = 0.4
#: Output precision: 0.1 km.
DECIMALS = 1
#: Polygons smaller than this after clipping are dropped (corner slivers, ponds), km².
MIN_NEIGHBOUR_AREA_KM2 = 25.0
MIN_WATER_AREA_KM2 = 1.0
#: "Other" rivers shorter than this inside the view are dropped, km.
MIN_OTHER_RIVER_KM = 25.0
#: GSHHG river levels kept as "other" (1 permanent major, 2 additional major).
OTHER_RIVER_LEVELS = (1, 2)
#: A river line's loose end is joined to another water feature this close, km.
SNAP_KM = 5.0
#: A place may lie this far from its river (Timbuktu is ~10 km from the bend), km.
ANCHOR_KM = 20.0

REGIONS_FR = {
    "Bamako": "Bamako",
    "Gao": "Gao",
    "Kayes": "Kayes",
    "Kidal": "Kidal",
    "Koulikoro": "Koulikoro",
    "Mopti": "Mopti",
    "Sikasso": "Sikasso",
    "Ségou": "Ségou",
    "Timbuktu": "Tombouctou",
}

COUNTRIES_FR = {
    "BEN": "Bénin",
    "BFA": "Burkina Faso",
    "CMR": "Cameroun",
    "CPV": "Cap-Vert",
    "CIV": "Côte d'Ivoire",
    "DZA": "Algérie",
    "ESH": "Sahara occidental",
    "GHA": "Ghana",
    "GIN": "Guinée",
    "GMB": "Gambie",
    "GNB": "Guinée-Bissau",
    "LBR": "Libéria",
    "LBY": "Libye",
    "MAR": "Maroc",
    "MRT": "Mauritanie",
    "NER": "Niger",
    "NGA": "Nigeria",
    "SEN": "Sénégal",
    "SLE": "Sierra Leone",
    "TCD": "Tchad",
    "TGO": "Togo",
}

#: Where labels may go: Mali's box widened by this much east and west and north and
#: south (what a landscape view fitted to Mali shows), km.
LABEL_BOX_X_KM = 450.0
LABEL_BOX_Y_KM = 40.0
#: A country whose visible part is thinner than this (km from its label point to its
#: edge) gets no label: its name would not fit in it.
MIN_LABEL_ROOM_KM = 45.0
#: The river labels: a point near which the name goes on the river (lat, lon).
RIVER_LABELS = {"Niger": (14.3, 1.45)}

#: Places on each river's banks, upstream to downstream, (name, lat, lon). The
#: river is the shortest water path through them; GSHHG has no names.
RIVER_ANCHORS: dict[str, tuple[tuple[str, float, float], ...]] = {
    "Niger": (
        ("its source near Tembakounda", 9.08, -10.6),
        ("Faranah", 10.04, -10.74),
        ("Kouroussa", 10.65, -9.88),
        ("Siguiri", 11.42, -9.17),
        ("Bamako", 12.65, -8.0),
        ("Ségou", 13.45, -6.26),
        ("Mopti", 14.49, -4.19),
        ("Timbuktu", 16.77, -3.0),  # the town is ~10 km north of its port, Kabara
        ("Gao", 16.27, -0.04),
        ("Niamey", 13.51, 2.11),
        ("Gaya", 11.88, 3.45),
        ("Jebba", 9.13, 4.82),
        ("Lokoja", 7.8, 6.74),  # outside the view: the river runs to its edge
    ),
    "Senegal": (
        ("Bafoulabé", 13.81, -10.83),  # where the Bafing and the Bakoye meet
        ("Kayes", 14.45, -11.44),
        ("Bakel", 14.9, -12.46),
        ("Matam", 15.66, -13.26),
        ("Podor", 16.65, -14.96),  # outside the view
    ),
}


# --------------------------------------------------------------------------- projection


class Projector:
    """Projects lon/lat points, each distinct point exactly once.

    Shared vertices (a border in two polygons, a river ending on a lake shore)
    must stay bit-identical after projection, whatever array they come in.
    """

    def __init__(self) -> None:
        self._cache: dict[Point, Point] = {}

    def __call__(self, lonlat: Array) -> Array:
        keys = [(float(a), float(b)) for a, b in lonlat]
        new = [k for k in dict.fromkeys(keys) if k not in self._cache]
        if new:
            arr = np.array(new, dtype=np.float64)
            xs, ys = project(arr[:, 0], arr[:, 1])
            self._cache.update(zip(new, zip(xs.tolist(), ys.tolist(), strict=True), strict=True))
        return np.array([self._cache[k] for k in keys], dtype=np.float64).reshape(-1, 2)


# --------------------------------------------------------------------------- geometry


def ring_area(ring: Array) -> float:
    """Unsigned area of a ring (closed or open), shoelace formula."""
    x, y = ring[:, 0], ring[:, 1]
    return abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))) / 2


def dedupe(points: Array) -> Array:
    """Drop consecutive repeated points."""
    if len(points) < 2:
        return points
    keep = np.ones(len(points), dtype=bool)
    keep[1:] = np.any(points[1:] != points[:-1], axis=1)
    return points[keep]


def close(points: Array) -> Array:
    """Return the ring with its first point repeated at the end (once)."""
    if len(points) and not np.array_equal(points[0], points[-1]):
        return np.vstack([points, points[:1]])
    return points


def open_ring(ring: Array) -> Array:
    """Return the ring without its closing point."""
    if len(ring) > 1 and np.array_equal(ring[0], ring[-1]):
        return ring[:-1]
    return ring


def douglas_peucker(points: Array, tolerance: float) -> Array:
    """Simplify a polyline; the first and last points are always kept.

    Every dropped point lies within ``tolerance`` of the simplified line (the
    distance is to the segment, not the infinite line). A closed polyline
    (first == last) works too: its far point is measured from the endpoint.
    """
    n = len(points)
    if n <= 2:
        return points.copy()
    keep = np.zeros(n, dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        i, j = stack.pop()
        if j <= i + 1:
            continue
        a, b = points[i], points[j]
        inner = points[i + 1 : j]
        d = b - a
        length2 = float(d @ d)
        if length2 == 0.0:
            dist = np.hypot(inner[:, 0] - a[0], inner[:, 1] - a[1])
        else:
            t = np.clip(((inner - a) @ d) / length2, 0.0, 1.0)
            nearest = a + t[:, None] * d
            dist = np.hypot(inner[:, 0] - nearest[:, 0], inner[:, 1] - nearest[:, 1])
        k = int(np.argmax(dist))
        if dist[k] > tolerance:
            m = i + 1 + k
            keep[m] = True
            stack.append((m, j))
            stack.append((i, m))
    return points[keep]


def _cross(p: Point, q: Point, axis: int, value: float) -> Point:
    """Where segment p–q crosses the line ``coord[axis] == value``.

    Computed from the endpoints in sorted order, so a border shared by two
    polygons (walked in opposite directions) gets the very same point.
    """
    a, b = (p, q) if p <= q else (q, p)
    t = (value - a[axis]) / (b[axis] - a[axis])
    other = a[1 - axis] + t * (b[1 - axis] - a[1 - axis])
    return (value, other) if axis == 0 else (other, value)


def clip_ring(ring: Array, rect: Rect) -> Array | None:
    """Clip a polygon ring to a rectangle (Sutherland–Hodgman).

    Parameters
    ----------
    ring
        ``(N, 2)`` ring, closed or open.
    rect
        ``(xmin, ymin, xmax, ymax)``.

    Returns
    -------
    numpy.ndarray or None
        The closed clipped ring, or ``None`` if nothing (or no area) is left.
        A concave ring cut in several pieces stays one ring whose pieces are
        joined by zero-width runs along the rectangle's edge (harmless when
        filled with the even-odd or winding rule).
    """
    xmin, ymin, xmax, ymax = rect
    pts = open_ring(ring)
    if len(pts) == 0:
        return None
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    if lo[0] >= xmin and lo[1] >= ymin and hi[0] <= xmax and hi[1] <= ymax:
        return close(dedupe(pts.copy()))
    if hi[0] < xmin or hi[1] < ymin or lo[0] > xmax or lo[1] > ymax:
        return None
    poly: list[Point] = [(float(x), float(y)) for x, y in pts]
    for axis, value, keep_above in ((0, xmin, True), (0, xmax, False),
                                    (1, ymin, True), (1, ymax, False)):
        def inside(p: Point, axis: int = axis, value: float = value,
                   keep_above: bool = keep_above) -> bool:
            return p[axis] >= value if keep_above else p[axis] <= value

        out: list[Point] = []
        for k, cur in enumerate(poly):
            prev = poly[k - 1]
            if inside(cur):
                if not inside(prev):
                    out.append(_cross(prev, cur, axis, value))
                out.append(cur)
            elif inside(prev):
                out.append(_cross(prev, cur, axis, value))
        poly = out
        if not poly:
            return None
    clipped = dedupe(np.array(poly, dtype=np.float64))
    if len(clipped) > 1 and np.array_equal(clipped[0], clipped[-1]):
        clipped = clipped[:-1]
    if len(clipped) < 3 or ring_area(clipped) == 0.0:
        return None
    return close(clipped)


def clip_line(line: Array, rect: Rect) -> list[Array]:
    """Clip a polyline to a rectangle (Liang–Barsky per segment); may split it."""
    xmin, ymin, xmax, ymax = rect
    pieces: list[list[Point]] = []
    current: list[Point] = []
    for k in range(len(line) - 1):
        (x0, y0), (x1, y1) = line[k], line[k + 1]
        dx, dy = x1 - x0, y1 - y0
        t0, t1 = 0.0, 1.0
        visible = True
        for p, q in ((-dx, x0 - xmin), (dx, xmax - x0), (-dy, y0 - ymin), (dy, ymax - y0)):
            if p == 0:
                if q < 0:
                    visible = False
                    break
            else:
                t = q / p
                if p < 0:
                    t0 = max(t0, t)
                else:
                    t1 = min(t1, t)
        if not visible or t0 > t1:
            if current:
                pieces.append(current)
                current = []
            continue
        start = (float(x0 + t0 * dx), float(y0 + t0 * dy)) if t0 > 0 else (float(x0), float(y0))
        end = (float(x0 + t1 * dx), float(y0 + t1 * dy)) if t1 < 1 else (float(x1), float(y1))
        if not current:
            current = [start]
        current.append(end)
        if t1 < 1:
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)
    return [dedupe(np.array(p, dtype=np.float64)) for p in pieces if len(p) >= 2]


def polyline_length(line: Array) -> float:
    return float(np.hypot(*np.diff(line, axis=0).T).sum()) if len(line) > 1 else 0.0


def round_points(points: Array) -> Array:
    return np.round(points, DECIMALS) + 0.0  # + 0.0 turns -0.0 into 0.0


def finish_ring(ring: Array) -> Array | None:
    """Round a simplified ring; ``None`` if it no longer has 3 distinct corners."""
    pts = dedupe(round_points(open_ring(ring)))
    if len(pts) > 1 and np.array_equal(pts[0], pts[-1]):
        pts = pts[:-1]
    if len(pts) < 3 or ring_area(pts) == 0.0:
        return None
    return close(pts)


# ------------------------------------------------------------- shared-border simplification

ArcKey = tuple[Point, ...]


def _split_into_arcs(ring: list[Point], junctions: set[Point]) -> list[list[Point]]:
    """Cut an open ring at its junctions into arcs (each arc closed at both ends)."""
    cuts = [k for k, p in enumerate(ring) if p in junctions]
    if not cuts:
        # A ring shared whole (Bamako is Koulikoro's hole) or not at all:
        # start at its smallest point so both copies are cut the same way.
        start = min(range(len(ring)), key=lambda k: ring[k])
        rotated = ring[start:] + ring[:start]
        return [rotated + [rotated[0]]]
    rotated = ring[cuts[0]:] + ring[:cuts[0]]
    marks = [k - cuts[0] for k in cuts] + [len(ring)]
    closed = rotated + [rotated[0]]
    return [closed[marks[i]:marks[i + 1] + 1] for i in range(len(marks) - 1)]


def simplify_shared(rings: Sequence[Array], tolerances: Sequence[float]) -> list[Array | None]:
    """Douglas–Peucker on polygons that share borders, keeping them shared.

    Rings are cut into arcs at junctions (points where the rings sharing a
    border change, as TopoJSON does); each arc is simplified once, with the
    smallest tolerance of the rings using it, so two polygons with a common
    border keep exactly the same simplified border. A ring that would fall
    below 4 points (3 corners + closing) has its arcs' tolerance halved until
    it does not.

    Returns
    -------
    list
        The rounded closed rings, ``None`` for a ring degenerate from the start.
    """
    opens = [[(float(x), float(y)) for x, y in open_ring(r)] for r in rings]
    seen: dict[Point, frozenset[Point]] = {}
    junctions: set[Point] = set()
    for ring in opens:
        n = len(ring)
        for k, p in enumerate(ring):
            around = frozenset((ring[k - 1], ring[(k + 1) % n]))
            if seen.setdefault(p, around) != around:
                junctions.add(p)

    arcs: dict[ArcKey, Array] = {}
    tolerance: dict[ArcKey, float] = {}
    layout: list[list[tuple[ArcKey, bool]]] = []
    for ring, tol in zip(opens, tolerances, strict=True):
        parts = []
        for arc in _split_into_arcs(ring, junctions):
            forward, backward = tuple(arc), tuple(reversed(arc))
            key = min(forward, backward)
            if key not in arcs:
                arcs[key] = np.array(key, dtype=np.float64)
                tolerance[key] = tol
            tolerance[key] = min(tolerance[key], tol)
            parts.append((key, key != forward))
        layout.append(parts)

    done: dict[ArcKey, tuple[float, Array]] = {}
    for _ in range(40):
        out: list[Array | None] = []
        collapsed: list[int] = []
        for index, parts in enumerate(layout):
            pieces = []
            for key, reverse in parts:
                tol = tolerance[key]
                if key not in done or done[key][0] != tol:
                    done[key] = (tol, douglas_peucker(arcs[key], tol))
                simple = done[key][1]
                pieces.append(simple[::-1] if reverse else simple)
            joined = np.vstack([pieces[0]] + [p[1:] for p in pieces[1:]])
            ring = finish_ring(joined)
            out.append(ring)
            if ring is None or len(ring) < 4:
                collapsed.append(index)
        retry = [i for i in collapsed if any(tolerance[k] > 0 for k, _ in layout[i])]
        if not retry:
            return out
        for index in retry:
            for key, _ in layout[index]:
                tolerance[key] = tolerance[key] / 2 if tolerance[key] > 0.01 else 0.0
    raise RuntimeError("shared-border simplification did not settle")


def simplify_ring(ring: Array, tolerance: float) -> Array | None:
    """Simplify a lone ring (lakes); ``None`` if it is degenerate even unsimplified."""
    return simplify_shared([ring], [tolerance])[0]


# --------------------------------------------------------------------------- readers


@dataclass(frozen=True)
class Shape:
    """A named polygon set in lon/lat or projected km."""

    key: str
    name: str
    name_fr: str
    rings: list[Array]


def read_regions(path: Path) -> list[Shape]:
    """Mali's 9 admin-1 polygons from the Natural Earth GeoJSON (lon/lat)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    found: list[Shape] = []
    for feature in data["features"]:
        name = feature["properties"]["name"]
        if name not in REGIONS_FR:
            raise SystemExit(f"{path.name}: unexpected region {name!r}; "
                             f"expected {', '.join(sorted(REGIONS_FR))}")
        geometry = feature["geometry"]
        polygons = ([geometry["coordinates"]] if geometry["type"] == "Polygon"
                    else geometry["coordinates"])
        rings = [np.array(ring, dtype=np.float64)[:, :2] for polygon in polygons
                 for ring in polygon]
        found.append(Shape(name, name, REGIONS_FR[name], rings))
    missing = set(REGIONS_FR) - {s.name for s in found}
    if missing:
        raise SystemExit(f"{path.name}: regions missing: {', '.join(sorted(missing))}")
    return sorted(found, key=lambda s: s.name)


def _valid_point(p: Any) -> bool:
    return (isinstance(p, list) and len(p) >= 2
            and all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in p[:2]))


@dataclass
class Topology:
    """A decoded TopoJSON: absolute lon/lat arcs (``None`` for malformed ones)."""

    arcs: list[Array | None]
    geometries: list[dict[str, Any]]
    skipped_arcs: list[int] = field(default_factory=list)

    def ring(self, arc_ids: Sequence[int]) -> list[tuple[int, Array]] | None:
        """The ring's arcs, each oriented and with both endpoints; ``None`` if malformed."""
        pieces = []
        for i in arc_ids:
            arc = self.arcs[i if i >= 0 else ~i]
            if arc is None:
                return None
            pieces.append((i if i >= 0 else ~i, arc if i >= 0 else arc[::-1]))
        return pieces


def read_topology(path: Path) -> Topology:
    """Decode the quantized, delta-encoded TopoJSON arcs; skip malformed ones."""
    data = json.loads(path.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = data["transform"]["scale"], data["transform"]["translate"]
    arcs: list[Array | None] = []
    skipped = []
    for index, arc in enumerate(data["arcs"]):
        if not arc or not all(_valid_point(p) for p in arc):
            arcs.append(None)
            skipped.append(index)
            continue
        q = np.cumsum(np.array([p[:2] for p in arc], dtype=np.float64), axis=0)
        arcs.append(np.column_stack([q[:, 0] * sx + tx, q[:, 1] * sy + ty]))
    return Topology(arcs, data["objects"]["world"]["geometries"], skipped)


def read_gmt(path: Path) -> list[tuple[int, Array]]:
    """GMT multi-segment text: ``(level, lon/lat array)`` per segment; empty ones dropped."""
    segments: list[tuple[int, list[Point]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(">"):
            match = re.search(r"Level\s+(\d+)", line)
            segments.append((int(match.group(1)) if match else 0, []))
        elif line.strip():
            if not segments:
                raise SystemExit(f"{path.name}:{number}: a point before the first '>' line")
            lon, lat = line.split()[:2]
            segments[-1][1].append((float(lon), float(lat)))
    return [(level, np.array(pts, dtype=np.float64)) for level, pts in segments if pts]


def merge_lines(segments: Sequence[tuple[int, Array]]) -> list[tuple[int, Array]]:
    """Join river pieces cut at GSHHG bin edges: same level, an end met by exactly one other."""
    ends: dict[tuple[int, Point], list[tuple[int, int]]] = defaultdict(list)
    for i, (level, pts) in enumerate(segments):
        ends[(level, tuple(pts[0]))].append((i, 0))
        ends[(level, tuple(pts[-1]))].append((i, 1))
    used = [False] * len(segments)

    def step(level: int, point: Point, came_from: int) -> tuple[int, Array] | None:
        there = ends[(level, point)]
        if len(there) != 2:
            return None
        j, side = there[0] if there[0][0] != came_from else there[1]
        if j == came_from or used[j]:
            return None
        pts = segments[j][1]
        return j, (pts if side == 0 else pts[::-1])

    merged = []
    for i, (level, pts) in enumerate(segments):
        if used[i]:
            continue
        used[i] = True
        chain = [pts]
        last = i
        while (nxt := step(level, tuple(chain[-1][-1]), last)) is not None:
            last, piece = nxt
            used[last] = True
            chain.append(piece[1:])
        last = i
        while (prv := step(level, tuple(chain[0][0]), last)) is not None:
            last, piece = prv
            used[last] = True
            chain.insert(0, piece[::-1][:-1])
        merged.append((level, np.vstack(chain)))
    return merged


def merge_rings(segments: Sequence[tuple[int, Array]]) -> tuple[list[Array], int]:
    """Rebuild polygons cut at bin edges: a piece's end is the next piece's start.

    Returns the closed rings and how many had to be closed by a straight line.
    """
    rings = [pts for _, pts in segments if np.array_equal(pts[0], pts[-1])]
    pieces = [pts for _, pts in segments if not np.array_equal(pts[0], pts[-1])]
    by_start: dict[Point, int] = {tuple(p[0]): i for i, p in enumerate(pieces)}
    used = [False] * len(pieces)
    forced = 0
    for i in range(len(pieces)):
        if used[i]:
            continue
        used[i] = True
        chain = [pieces[i]]
        while True:
            j = by_start.get(tuple(chain[-1][-1]))
            if j is None or used[j]:
                break
            used[j] = True
            chain.append(pieces[j][1:])
        ring = np.vstack(chain)
        if not np.array_equal(ring[0], ring[-1]):
            forced += 1
            ring = close(ring)
        rings.append(ring)
    return rings, forced


# ------------------------------------------------------------------ Mali and its neighbours


def label_point(rings: Sequence[Array], box: Rect) -> tuple[float, float, float] | None:
    """The point of ``rings`` inside ``box`` farthest from their edges and the box's
    (a grid search: good enough to centre a name), with that distance; None if no part
    of the shape is in the box."""
    x0, y0, x1, y1 = box
    edges = np.vstack([np.hstack([r, np.roll(r, -1, axis=0)]) for r in rings if len(r) >= 3])
    lo = np.maximum(edges[:, [0, 1]].min(axis=0), [x0, y0])
    hi = np.minimum(edges[:, [0, 1]].max(axis=0), [x1, y1])
    if np.any(hi <= lo):
        return None
    xs = np.linspace(lo[0], hi[0], 60)
    ys = np.linspace(lo[1], hi[1], 60)
    gx, gy = np.meshgrid(xs, ys)
    px, py = gx.ravel()[:, None], gy.ravel()[:, None]
    ax, ay, bx, by = (edges[:, i][None, :] for i in range(4))
    crosses = ((ay > py) != (by > py)) & (px < (bx - ax) * (py - ay) / np.where(
        by != ay, by - ay, 1e-12) + ax)
    inside = crosses.sum(axis=1) % 2 == 1
    if not inside.any():
        return None
    dx, dy = bx - ax, by - ay
    length2 = np.where(dx * dx + dy * dy > 0, dx * dx + dy * dy, 1e-12)
    t = np.clip(((px - ax) * dx + (py - ay) * dy) / length2, 0.0, 1.0)
    dist = np.sqrt((ax + t * dx - px) ** 2 + (ay + t * dy - py) ** 2).min(axis=1)
    to_box = np.minimum.reduce([px[:, 0] - x0, x1 - px[:, 0], py[:, 0] - y0, y1 - py[:, 0]])
    room = np.where(inside, np.minimum(dist, to_box), -1.0)
    best = int(np.argmax(room))
    return float(px[best, 0]), float(py[best, 0]), float(room[best])


def river_label(lines: Sequence[Array], near: Array) -> tuple[float, float, float]:
    """The point of ``lines`` nearest ``near`` and the river's direction there (degrees,
    counter-clockwise from east, between -90 and 90)."""
    best: tuple[float, float, float, float] | None = None
    for line in lines:
        d = np.hypot(line[:, 0] - near[0], line[:, 1] - near[1])
        i = int(np.argmin(d))
        if best is None or d[i] < best[0]:
            a, b = line[max(i - 3, 0)], line[min(i + 3, len(line) - 1)]
            angle = float(np.degrees(np.arctan2(b[1] - a[1], b[0] - a[0])))
            angle = (angle + 90.0) % 180.0 - 90.0
            best = (float(d[i]), float(line[i][0]), float(line[i][1]), angle)
    assert best is not None
    return best[1], best[2], best[3]


def mali_outline(regions: Sequence[Shape]) -> Array:
    """The outer boundary of the union of the regions, as one closed lon/lat ring.

    The regions share exact vertices along their common borders, so an edge
    used by a single ring is on Mali's border.
    """
    count: dict[frozenset[Point], int] = defaultdict(int)
    for shape in regions:
        for ring in shape.rings:
            pts = [tuple(p) for p in ring.tolist()]
            for a, b in zip(pts, pts[1:], strict=False):
                count[frozenset((a, b))] += 1
    neighbours: dict[Point, list[Point]] = defaultdict(list)
    for edge, n in count.items():
        if n == 1:
            a, b = tuple(edge)
            neighbours[a].append(b)
            neighbours[b].append(a)
    if any(len(v) != 2 for v in neighbours.values()):
        raise SystemExit("Mali's outline is not one simple ring (regions do not share borders)")
    start = min(neighbours)
    order = [start, min(neighbours[start])]
    while order[-1] != start:
        a, b = neighbours[order[-1]]
        order.append(a if a != order[-2] else b)
    if len(order) - 1 != len(neighbours):
        raise SystemExit("Mali's outline has more than one ring")
    return np.array(order, dtype=np.float64)


def _outline_path(outline: Array, start: int, end: int, forward: bool) -> Array:
    n = len(outline) - 1  # closed ring
    idx = [start]
    while idx[-1] != end:
        idx.append((idx[-1] + (1 if forward else -1)) % n)
    return outline[idx]


def follow_outline(piece: Array, outline: Array) -> Array:
    """The stretch of Mali's (finer) outline matching a border piece.

    Its ends are the outline's vertices nearest to the piece's ends.
    """
    ring = outline[:-1]

    def nearest(p: Array) -> int:
        return int(np.argmin(np.hypot(ring[:, 0] - p[0], ring[:, 1] - p[1])))

    i, j = nearest(piece[0]), nearest(piece[-1])
    candidates = [_outline_path(outline, i, j, fwd) for fwd in (True, False)]

    def misfit(path: Array) -> float:
        d = np.hypot(piece[:, None, 0] - path[None, :, 0], piece[:, None, 1] - path[None, :, 1])
        return float(d.min(axis=1).mean())

    best = min(candidates, key=misfit)
    return best


def neighbour_shapes(topology: Topology, outline_km: Array, view: Rect,
                     projector: Projector) -> tuple[list[Shape], dict[str, int]]:
    """Countries entering the view (Mali excluded), projected, joined to Mali's outline, clipped."""
    mali = next(g for g in topology.geometries if g["id"] == "MLI")
    mali_arcs = {i if i >= 0 else ~i for ring in mali["arcs"] for i in ring}
    lon, lat = np.array([-30.0, 20.0]), np.array([0.0, 35.0])  # coarse prefilter box
    stats = {"rings_skipped_malformed": 0, "points": 0}
    shapes = []
    for geometry in topology.geometries:
        iso = geometry["id"]
        if iso == "MLI":
            continue
        polygons = ([geometry["arcs"]] if geometry["type"] == "Polygon"
                    else geometry["arcs"] if geometry["type"] == "MultiPolygon" else [])
        rings: list[Array] = []
        for polygon in polygons:
            for arc_ids in polygon:
                pieces = topology.ring(arc_ids)
                if pieces is None:
                    stats["rings_skipped_malformed"] += 1
                    continue
                everything = np.vstack([p for _, p in pieces])
                if (everything[:, 0].max() < lon[0] or everything[:, 0].min() > lon[1]
                        or everything[:, 1].max() < lat[0] or everything[:, 1].min() > lat[1]):
                    continue
                parts = [projector(lonlat) for _, lonlat in pieces]
                for k, (arc_index, _) in enumerate(pieces):
                    if arc_index not in mali_arcs:
                        continue
                    parts[k] = follow_outline(parts[k], outline_km)
                    # The neighbouring arcs (borders with third countries) now end
                    # on the outline: drop their old end, the TopoJSON tripoint,
                    # so no spur is left. Both countries sharing such an arc do
                    # the same, so their common border stays identical.
                    before, after = (k - 1) % len(parts), (k + 1) % len(parts)
                    if pieces[before][0] not in mali_arcs and len(parts[before]) > 2:
                        parts[before] = parts[before][:-1]
                    if pieces[after][0] not in mali_arcs and len(parts[after]) > 2:
                        parts[after] = parts[after][1:]
                ring = dedupe(np.vstack(parts))
                clipped = clip_ring(ring, view)
                if clipped is not None and ring_area(clipped) >= MIN_NEIGHBOUR_AREA_KM2:
                    rings.append(clipped)
        if rings:
            if iso not in COUNTRIES_FR:
                raise SystemExit(f"{iso} ({geometry['properties']['name']}) enters the map: "
                                 "add its French name to COUNTRIES_FR")
            stats["points"] += sum(len(r) for r in rings)
            shapes.append(Shape(iso, geometry["properties"]["name"], COUNTRIES_FR[iso], rings))
    return sorted(shapes, key=lambda s: s.key), stats


# --------------------------------------------------------------------------- rivers


@dataclass
class WaterNetwork:
    """Rivers, river-lakes and lakes as one graph, to trace named rivers through.

    Nodes are distinct points; edges are the features' segments (polygon
    shores included), plus short "snap" edges from a river's loose end to the
    nearest other water within :data:`SNAP_KM`.
    """

    xy: list[Point] = field(default_factory=list)
    index: dict[Point, int] = field(default_factory=dict)
    adjacency: dict[int, dict[int, tuple[float, int]]] = field(
        default_factory=lambda: defaultdict(dict))
    #: feature id -> ("line", level) or ("area", kind)
    features: list[tuple[str, int | str]] = field(default_factory=list)
    feature_nodes: list[list[int]] = field(default_factory=list)
    #: loose river end -> the node it was snapped to
    snaps: dict[int, int] = field(default_factory=dict)

    def node(self, p: Point) -> int:
        if p not in self.index:
            self.index[p] = len(self.xy)
            self.xy.append(p)
        return self.index[p]

    def add_feature(self, km: Array, kind: tuple[str, int | str]) -> int:
        fid = len(self.features)
        self.features.append(kind)
        nodes = [self.node((float(x), float(y))) for x, y in km]
        self.feature_nodes.append(nodes)
        for a, b in zip(nodes, nodes[1:], strict=False):
            if a != b:
                self._edge(a, b, fid)
        return fid

    def _edge(self, a: int, b: int, fid: int) -> None:
        (xa, ya), (xb, yb) = self.xy[a], self.xy[b]
        w = float(np.hypot(xb - xa, yb - ya))
        if b not in self.adjacency[a] or self.adjacency[a][b][0] > w:
            self.adjacency[a][b] = (w, fid)
            self.adjacency[b][a] = (w, fid)

    def snap_loose_ends(self, limit: float) -> int:
        """Join each river end that touches nothing to the nearest other water."""
        xy = np.array(self.xy)
        owner = np.full(len(xy), -1)
        for fid, nodes in enumerate(self.feature_nodes):
            owner[nodes] = np.where(owner[nodes] == -1, fid, owner[nodes])
        shared = np.zeros(len(xy), dtype=int)
        for nodes in self.feature_nodes:
            shared[list(set(nodes))] += 1
        joined = 0
        snap = len(self.features)
        self.features.append(("snap", 0))
        for fid, nodes in enumerate(self.feature_nodes):
            if self.features[fid][0] != "line":
                continue
            own = set(nodes)
            for end in (nodes[0], nodes[-1]):
                if shared[end] > 1:
                    continue
                d = np.hypot(xy[:, 0] - xy[end, 0], xy[:, 1] - xy[end, 1])
                d[list(own)] = np.inf
                k = int(np.argmin(d))
                if d[k] <= limit:
                    self._edge(end, k, snap)
                    self.snaps[end] = k
                    joined += 1
        return joined

    def nearest(self, p: Point, allowed: Iterable[int]) -> tuple[int, float]:
        nodes = np.fromiter(allowed, dtype=int)
        xy = np.array(self.xy)[nodes]
        d = np.hypot(xy[:, 0] - p[0], xy[:, 1] - p[1])
        k = int(np.argmin(d))
        return int(nodes[k]), float(d[k])

    def shortest_paths(self, source: int) -> tuple[dict[int, float], dict[int, int]]:
        dist = {source: 0.0}
        prev: dict[int, int] = {}
        heap = [(0.0, source)]
        while heap:
            d, u = heapq.heappop(heap)
            if d > dist[u]:
                continue
            for v, (w, _) in self.adjacency[u].items():
                nd = d + w
                if nd < dist.get(v, np.inf):
                    dist[v] = nd
                    prev[v] = u
                    heapq.heappush(heap, (nd, v))
        return dist, prev

    def trace(self, anchors: Sequence[tuple[str, float, float]],
              projector: Projector) -> list[int]:
        """The node path through the anchors, loops erased.

        Each anchor snaps to the nearest node of a major river (level 1) or a
        river-lake/lake that the path so far can reach, within :data:`ANCHOR_KM`.
        """
        major = [n for fid, nodes in enumerate(self.feature_nodes)
                 if self.features[fid] == ("line", 1) or self.features[fid][0] == "area"
                 for n in nodes]
        path: list[int] = []
        for name, lat, lon in anchors:
            p = projector(np.array([[lon, lat]]))[0]
            if not path:
                node, d = self.nearest((p[0], p[1]), major)
                path = [node]
            else:
                dist, prev = self.shortest_paths(path[-1])
                node, d = self.nearest((p[0], p[1]), (n for n in major if n in dist))
                leg = [node]
                while leg[-1] != path[-1]:
                    leg.append(prev[leg[-1]])
                path.extend(reversed(leg[:-1]))
            if d > ANCHOR_KM:
                raise SystemExit(f"no river reachable within {ANCHOR_KM:g} km of {name} "
                                 f"(nearest {d:.1f} km)")
        # Erase loops (an anchor on a tributary's mouth makes the path step in and back out).
        simple: list[int] = []
        at: dict[int, int] = {}
        for node in path:
            if node in at:
                for dropped in simple[at[node] + 1:]:
                    del at[dropped]
                del simple[at[node] + 1:]
            else:
                at[node] = len(simple)
                simple.append(node)
        return simple

    def polyline(self, path: Sequence[int]) -> Array:
        """Coordinates of a node path; stretches across a river-lake or lake follow its middle."""
        out: list[Array] = []
        k = 0
        while k < len(path) - 1:
            fid = self.adjacency[path[k]][path[k + 1]][1]
            m = k + 1
            while m < len(path) - 1 and self.adjacency[path[m]][path[m + 1]][1] == fid:
                m += 1
            run = path[k:m + 1]
            pts = np.array([self.xy[n] for n in run])
            if self.features[fid][0] == "area":
                pts = self._middle(fid, run, pts)
            out.append(pts if not out else pts[1:])
            k = m
        return np.vstack(out) if out else np.empty((0, 2))

    def _middle(self, fid: int, run: Sequence[int], side: Array) -> Array:
        """The mid-line between the shore walked and the opposite shore."""
        ring = self.feature_nodes[fid][:-1]
        n = len(ring)
        if len(run) < 2 or run[0] not in ring or run[-1] not in ring:
            return side
        i, j = ring.index(run[0]), ring.index(run[-1])
        if ring[(i + 1) % n] == run[1]:
            step = 1
        elif ring[(i - 1) % n] == run[1]:
            step = -1
        else:
            return side
        other, pos = [ring[i]], i
        while pos != j:
            pos = (pos - step) % n
            other.append(ring[pos])
        opposite = np.array([self.xy[v] for v in other])
        la, lb = polyline_length(side), polyline_length(opposite)
        if min(la, lb) == 0 or max(la, lb) > 3 * min(la, lb):
            return side  # the path only grazes this shore: keep it
        count = max(len(side), len(opposite))
        t = np.linspace(0.0, 1.0, count)

        def resample(line: Array) -> Array:
            s = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(line, axis=0).T))])
            s /= s[-1]
            return np.column_stack([np.interp(t, s, line[:, 0]), np.interp(t, s, line[:, 1])])

        middle = (resample(side) + resample(opposite)) / 2
        middle[0], middle[-1] = side[0], side[-1]
        return middle


def edge_set(path: Sequence[int]) -> set[frozenset[int]]:
    return {frozenset(e) for e in zip(path, path[1:], strict=False)}


# --------------------------------------------------------------------------- the build


@dataclass
class Layer:
    """Point counts for the summary."""

    name: str
    items: int = 0
    before: int = 0
    after: int = 0


def sources_dir(given: str | None) -> Path:
    """Where the raw map data is: --sources, $MINUSMA_MAP_SOURCES, the shared folder
    beside the repository (as CI lays it out), else the workplace's shared folder."""
    if given:
        return Path(given)
    env = os.environ.get("MINUSMA_MAP_SOURCES")
    if env:
        return Path(env)
    beside = ROOT.parent / "shared" / "data" / "map-sources"
    return beside if beside.is_dir() else DEFAULT_SOURCES


def _number(v: float) -> float | int:
    return int(v) if v == int(v) else v


def _coords(points: Array) -> list[list[float | int]]:
    return [[_number(x), _number(y)] for x, y in round_points(points).tolist()]


def build(sources: Path) -> tuple[bytes, list[str]]:
    """Build the map file's bytes from the raw files in ``sources``.

    Returns
    -------
    tuple
        The JSON bytes and the summary lines to print.
    """
    missing = [name for name in SOURCE_FILES if not (sources / name).is_file()]
    if missing:
        raise SystemExit(f"{sources}: raw map files missing: {', '.join(missing)} "
                         "(see PROVENANCE.md; pass --sources DIR)")
    projector = Projector()
    layers = {name: Layer(name) for name in
              ("regions", "neighbours", "rivers", "river_areas", "lakes")}

    # Regions, projected; the view is their box plus the margin (whole km).
    regions_ll = read_regions(sources / ADMIN1)
    regions = [Shape(s.key, s.name, s.name_fr, [projector(r) for r in s.rings])
               for s in regions_ll]
    every = np.vstack([r for s in regions for r in s.rings])
    lo, hi = every.min(axis=0), every.max(axis=0)
    view: Rect = (float(np.floor(lo[0] - MARGIN_WEST_KM)), float(np.floor(lo[1] - MARGIN_KM)),
                  float(np.ceil(hi[0] + MARGIN_X_KM)), float(np.ceil(hi[1] + MARGIN_KM)))
    outline_km = projector(mali_outline(regions_ll))

    # Neighbours, joined to Mali's outline and clipped to the view.
    topology = read_topology(sources / COUNTRIES)
    neighbours, nstats = neighbour_shapes(topology, outline_km, view, projector)

    # Simplify regions and neighbours together: shared borders stay shared.
    rings = [r for s in regions for r in s.rings] + [r for s in neighbours for r in s.rings]
    tols = ([TOLERANCE_REGIONS] * sum(len(s.rings) for s in regions)
            + [TOLERANCE_NEIGHBOURS] * sum(len(s.rings) for s in neighbours))
    simple = iter(simplify_shared(rings, tols))
    out_regions, out_neighbours = [], []
    for shapes, out, layer in ((regions, out_regions, layers["regions"]),
                               (neighbours, out_neighbours, layers["neighbours"])):
        for s in shapes:
            kept = []
            for ring in s.rings:
                layer.before += len(ring)
                r = next(simple)
                if r is not None and (shapes is regions or ring_area(r) >= MIN_NEIGHBOUR_AREA_KM2):
                    kept.append(r)
                    layer.after += len(r)
            if kept:
                layer.items += 1
                out.append((s, kept))

    # Water: rivers, river-lakes and lakes as one network.
    river_pieces = read_gmt(sources / RIVERS)
    rivers_ll = merge_lines(river_pieces)
    river_lakes_ll, forced_rl = merge_rings(read_gmt(sources / RIVER_LAKES))
    lakes_ll, forced_l = merge_rings(read_gmt(sources / LAKES))
    network = WaterNetwork()
    line_ids = [network.add_feature(projector(pts), ("line", level)) for level, pts in rivers_ll]
    area_rings: dict[str, list[tuple[int, Array]]] = {"river_areas": [], "lakes": []}
    for kind, rings_ll in (("river_areas", river_lakes_ll), ("lakes", lakes_ll)):
        for ring in rings_ll:
            km = projector(ring)
            area_rings[kind].append((network.add_feature(km, ("area", kind)), km))
    snapped = network.snap_loose_ends(SNAP_KM)

    named: list[tuple[str, list[Array]]] = []
    used: set[frozenset[int]] = set()
    for name, anchors in RIVER_ANCHORS.items():
        path = network.trace(anchors, projector)
        used |= edge_set(path)
        lines = clip_line(network.polyline(path), view)
        named.append((name, lines))

    # Other major rivers: the stretches of level 1-2 lines not on a named river.
    others: list[Array] = []
    for fid in line_ids:
        level = network.features[fid][1]
        if level not in OTHER_RIVER_LEVELS:
            continue
        nodes = network.feature_nodes[fid]
        runs: list[list[int]] = [[nodes[0]]]
        for a, b in zip(nodes, nodes[1:], strict=False):
            if frozenset((a, b)) in used:
                runs.append([b])
            else:
                runs[-1].append(b)
        for run in runs:
            if len(run) < 2:
                continue
            # Reach the river a loose end was snapped to, so tributaries join it.
            if run[0] == nodes[0] and run[0] in network.snaps:
                run.insert(0, network.snaps[run[0]])
            if run[-1] == nodes[-1] and run[-1] in network.snaps:
                run.append(network.snaps[run[-1]])
            others.append(np.array([network.xy[n] for n in run]))
    other_lines = [piece for line in others for piece in clip_line(line, view)
                   if polyline_length(piece) >= MIN_OTHER_RIVER_KM]
    named.append(("other", other_lines))

    out_rivers = []
    for name, lines in named:
        simple_lines = []
        for line in lines:
            layers["rivers"].before += len(line)
            s = dedupe(round_points(douglas_peucker(line, TOLERANCE_RIVERS)))
            if len(s) >= 2:
                simple_lines.append(s)
                layers["rivers"].after += len(s)
        layers["rivers"].items += 1
        out_rivers.append((name, simple_lines))

    out_water: dict[str, list[Array]] = {}
    for kind, items in area_rings.items():
        kept = []
        for _, km in items:
            clipped = clip_ring(km, view)
            if clipped is None or ring_area(clipped) < MIN_WATER_AREA_KM2:
                continue
            layers[kind].before += len(clipped)
            r = simplify_ring(clipped, TOLERANCE_WATER_AREAS)
            if r is not None:
                kept.append(r)
                layers[kind].after += len(r)
                layers[kind].items += 1
        out_water[kind] = kept

    # Label points: each neighbour's name where its visible part is widest, Mali's in
    # the middle of the country, the rivers' names on their course.
    label_box: Rect = (lo[0] - LABEL_BOX_X_KM, lo[1] - LABEL_BOX_Y_KM,
                       hi[0] + LABEL_BOX_X_KM, hi[1] + LABEL_BOX_Y_KM)
    neighbour_labels: dict[str, list[float]] = {}
    for shape, rs in out_neighbours:
        point = label_point(rs, label_box)
        if point is not None and point[2] >= MIN_LABEL_ROOM_KM:
            neighbour_labels[shape.key] = [round(point[0], DECIMALS), round(point[1], DECIMALS)]
    mali = label_point([r for _, rs in out_regions for r in rs], label_box)
    assert mali is not None
    river_labels: dict[str, list[float]] = {}
    for name, lines in out_rivers:
        if name in RIVER_LABELS and lines:
            lat, lon = RIVER_LABELS[name]
            near = projector(np.array([[lon, lat]]))[0]
            x, y, angle = river_label(lines, near)
            river_labels[name] = [round(x, DECIMALS), round(y, DECIMALS), round(angle, 1)]

    document = {
        "projection": PROJECTION.params(),
        "view": [_number(v) for v in view],
        "regions": [{"name": s.name, "name_fr": s.name_fr, "rings": [_coords(r) for r in rs]}
                    for s, rs in out_regions],
        "mali_label": [round(mali[0], DECIMALS), round(mali[1], DECIMALS)],
        "neighbours": [{"iso": s.key, "name": s.name, "name_fr": s.name_fr,
                        **({"label": neighbour_labels[s.key]}
                           if s.key in neighbour_labels else {}),
                        "rings": [_coords(r) for r in rs]} for s, rs in out_neighbours],
        "rivers": [{"name": name, **({"label": river_labels[name]}
                                     if name in river_labels else {}),
                    "lines": [_coords(line) for line in lines]}
                   for name, lines in out_rivers],
        "river_areas": [_coords(r) for r in out_water["river_areas"]],
        "lakes": [_coords(r) for r in out_water["lakes"]],
        "credit": CREDIT,
        "sources": {name: hashlib.sha256((sources / name).read_bytes()).hexdigest()[:16]
                    for name in SOURCE_FILES},
    }
    data = (json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n").encode()

    summary = [f"view {view[0]:g} {view[1]:g} {view[2]:g} {view[3]:g} km "
               f"({view[2] - view[0]:g} x {view[3] - view[1]:g})"]
    for layer in layers.values():
        summary.append(f"{layer.name:12s} {layer.items:4d} items  "
                       f"{layer.before:6d} -> {layer.after:5d} points")
    summary.append(f"skipped: {len(topology.skipped_arcs)} malformed TopoJSON arcs "
                   f"{topology.skipped_arcs}, "
                   f"{nstats['rings_skipped_malformed']} rings using them; "
                   f"{forced_rl + forced_l} water rings closed by force; "
                   f"{snapped} river ends snapped")
    summary.append("neighbours: " + ", ".join(s.key for s, _ in out_neighbours))
    summary.append("rivers: " + ", ".join(f"{name} {len(lines)} lines"
                                          for name, lines in out_rivers))
    summary.append(f"size {len(data) / 1024:.1f} KB")
    return data, summary


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", help="folder of the raw map files "
                        "(default: $MINUSMA_MAP_SOURCES or /work/shared/data/map-sources)")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="map file to write or check")
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the map file differs from a fresh build")
    args = parser.parse_args(argv)
    data, summary = build(sources_dir(args.sources))
    if args.check:
        current = args.output.read_bytes() if args.output.is_file() else None
        if current != data:
            what = "missing" if current is None else "out of date"
            print(f"{args.output} is {what}: run python tools/build_map.py", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date ({len(data) / 1024:.1f} KB)")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    print("\n".join(summary))
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
