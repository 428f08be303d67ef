"""The map of Mali: its layers as frozen objects, and the loader.

The map itself is derived offline from raw Natural Earth and GSHHG files by
``tools/build_map.py`` into ``resources/map/mali.json``; the app only ever reads
that small, projected file through :func:`load_map`. Both the build script and
the app use the projection in :mod:`.projection`, so the two can never disagree.

Coordinates are kilometres in the map's plane with **y pointing north** (screen
code flips y). Rings are closed ``(N, 2)`` float arrays (first point == last).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from minusma_kiosk.content.projection import PROJECTION, FloatArray

#: The attribution the map's sources ask for; shown on the credits screen.
CREDIT = "Made with Natural Earth. Rivers and lakes: GSHHG (Wessel & Smith)."


def _frozen(array: FloatArray) -> FloatArray:
    array.flags.writeable = False
    return array


def ring_contains(ring: FloatArray, x: float, y: float) -> bool:
    """Return whether ``(x, y)`` is inside ``ring`` (even-odd crossing test).

    ``ring`` may be closed or open: the closing edge is added either way.
    """
    x1, y1 = ring[:, 0], ring[:, 1]
    x2, y2 = np.roll(x1, -1), np.roll(y1, -1)
    crosses = (y1 > y) != (y2 > y)
    if not crosses.any():
        return False
    x1, y1, x2, y2 = x1[crosses], y1[crosses], x2[crosses], y2[crosses]
    # y1 != y2 on every edge left, so the division is safe.
    x_at = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
    return bool(np.count_nonzero(x < x_at) % 2)


def _rings_contain(rings: Sequence[FloatArray], x: float, y: float) -> bool:
    """Even-odd over all rings together, so holes (Bamako in Koulikoro) count."""
    inside = False
    for ring in rings:
        if ring_contains(ring, x, y):
            inside = not inside
    return inside


def _bounds(rings: Sequence[FloatArray]) -> tuple[float, float, float, float]:
    if not rings:
        return (math.inf, math.inf, -math.inf, -math.inf)
    stacked = np.concatenate(rings)
    lo, hi = stacked.min(axis=0), stacked.max(axis=0)
    return (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))


@dataclass(frozen=True, eq=False)
class Region:
    """One of Mali's first-level regions (or the Bamako district).

    Attributes
    ----------
    name
        English name as in Natural Earth (``"Timbuktu"``); the region's id.
    name_fr
        French name (``"Tombouctou"``).
    rings
        Closed ``(N, 2)`` rings in map km; holes are rings too (even-odd rule).
    """

    name: str
    name_fr: str
    rings: tuple[FloatArray, ...]
    bounds: tuple[float, float, float, float] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "bounds", _bounds(self.rings))

    def contains(self, x: float, y: float) -> bool:
        """Return whether the map point ``(x, y)`` lies in this region."""
        xmin, ymin, xmax, ymax = self.bounds
        if not (xmin <= x <= xmax and ymin <= y <= ymax):
            return False
        return _rings_contain(self.rings, x, y)


@dataclass(frozen=True, eq=False)
class Country:
    """A neighbouring country, clipped to the map's view.

    Attributes
    ----------
    iso
        ISO 3166-1 alpha-3 code (``"NER"``).
    name, name_fr
        English and French names.
    rings
        Closed rings in map km, clipped to :attr:`MapData.view`.
    label
        Where its name goes (map km): the middle of its widest part in view; None if
        too little of it is in view for a name.
    """

    iso: str
    name: str
    name_fr: str
    rings: tuple[FloatArray, ...]
    label: tuple[float, float] | None = None


@dataclass(frozen=True, eq=False)
class River:
    """A river or a group of rivers drawn alike.

    Attributes
    ----------
    name
        ``"Niger"``, ``"Senegal"``, or ``"other"`` for the remaining major rivers.
    lines
        Open ``(N, 2)`` polylines in map km.
    label
        Where its name goes on its course and the course's direction there: ``(x, y,
        degrees counter-clockwise from east)``; None: not named on the map.
    """

    name: str
    lines: tuple[FloatArray, ...]
    label: tuple[float, float, float] | None = None


@dataclass(frozen=True, eq=False)
class MapData:
    """The whole map, in projected kilometres (y north).

    Attributes
    ----------
    view
        ``(xmin, ymin, xmax, ymax)``: the rectangle the map shows (Mali plus a margin).
    regions
        Mali's regions, sorted by name.
    neighbours
        The other countries that enter the view, clipped to it.
    rivers
        ``Niger``, ``Senegal`` and ``other``.
    river_areas
        Wide river sections drawn as water polygons; much of the Niger's course
        in Mali is here, so draw them with the river lines.
    lakes
        Lake polygons (the inner Niger delta's lakes, reservoirs).
    credit
        The attribution line for the credits screen.
    """

    view: tuple[float, float, float, float]
    regions: tuple[Region, ...]
    neighbours: tuple[Country, ...]
    rivers: tuple[River, ...]
    river_areas: tuple[FloatArray, ...]
    lakes: tuple[FloatArray, ...]
    credit: str
    #: Where "MALI" goes (map km): the middle of the country; None: not written.
    mali_label: tuple[float, float] | None = None

    def region_at(self, x: float, y: float) -> Region | None:
        """Return the region containing the map point ``(x, y)``, or ``None`` outside Mali."""
        for region in self.regions:
            if region.contains(x, y):
                return region
        return None

    def region(self, name: str) -> Region:
        """Return the region called ``name`` (English); KeyError lists the known names."""
        return _named(self.regions, name, "region")

    def river(self, name: str) -> River:
        """Return the river called ``name``; KeyError lists the known names."""
        return _named(self.rivers, name, "river")


_Named = TypeVar("_Named", "Region", "River")


def _named(items: Sequence[_Named], name: str, what: str) -> _Named:
    """The item whose ``name`` is ``name``, or a KeyError listing the known names."""
    for item in items:
        if item.name == name:
            return item
    known = ", ".join(i.name for i in items)
    raise KeyError(f"no {what} {name!r}; known {what}s: {known}")


# --------------------------------------------------------------------------- loading


class _Reader:
    """Walks the decoded JSON, collecting every problem with its key path."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def key(self, obj: Mapping[str, Any], key: str, where: str) -> Any:
        if key not in obj:
            self.problems.append(f"{where}: missing key {key!r}")
            return None
        return obj[key]

    def string(self, obj: Mapping[str, Any], key: str, where: str) -> str:
        value = self.key(obj, key, where)
        if value is None:
            return ""
        if not isinstance(value, str) or not value:
            self.problems.append(f"{where}.{key}: expected a non-empty string, got {value!r}")
            return ""
        return value

    def items(self, value: Any, where: str) -> Iterator[tuple[str, Any]]:
        if value is None:
            return
        if not isinstance(value, list):
            self.problems.append(f"{where}: expected a list, got {type(value).__name__}")
            return
        for i, item in enumerate(value):
            yield f"{where}[{i}]", item

    def objects(self, value: Any, where: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
        for path, item in self.items(value, where):
            if isinstance(item, dict):
                yield path, item
            else:
                self.problems.append(f"{path}: expected an object, got {type(item).__name__}")

    def points(self, value: Any, where: str, *, ring: bool) -> FloatArray | None:
        kind = "ring" if ring else "line"
        least = 4 if ring else 2
        try:
            array = np.asarray(value, dtype=np.float64)
        except (TypeError, ValueError):
            self.problems.append(f"{where}: bad {kind}: not a list of [x, y] numbers")
            return None
        if array.ndim != 2 or array.shape[1] != 2:
            self.problems.append(f"{where}: bad {kind}: not a list of [x, y] numbers")
            return None
        if len(array) < least:
            self.problems.append(
                f"{where}: bad {kind}: needs at least {least} points, has {len(array)}"
            )
            return None
        if not np.isfinite(array).all():
            self.problems.append(f"{where}: bad {kind}: non-finite coordinate")
            return None
        if ring and not np.array_equal(array[0], array[-1]):
            self.problems.append(f"{where}: bad ring: not closed (first point != last point)")
            return None
        return _frozen(array)

    def numbers(self, value: Any, where: str, count: int) -> tuple[float, ...] | None:
        """An optional list of ``count`` finite numbers (None if absent or wrong, the
        latter noted)."""
        if value is None:
            return None
        if isinstance(value, list) and len(value) == count and all(
                isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
                for v in value):
            return tuple(float(v) for v in value)
        self.problems.append(f"{where}: expected {count} numbers, got {value!r}")
        return None

    def rings(self, obj: Mapping[str, Any], key: str, where: str) -> tuple[FloatArray, ...]:
        return self.shapes(self.key(obj, key, where), f"{where}.{key}", ring=True)

    def shapes(self, value: Any, where: str, *, ring: bool) -> tuple[FloatArray, ...]:
        found = []
        for path, item in self.items(value, where):
            array = self.points(item, path, ring=ring)
            if array is not None:
                found.append(array)
        return tuple(found)


def load_map(path: Path | str) -> MapData:
    """Load the bundled map file written by ``tools/build_map.py``.

    Parameters
    ----------
    path
        The map JSON (``resources/map/mali.json``).

    Raises
    ------
    ValueError
        If the file cannot be read or parsed, lacks a key, holds a bad ring or
        line, or was built with another projection. The message names the file
        and every problem found, with its key path (``regions[3].rings[0]``).
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"{path}: cannot read the map file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text: {exc.reason}") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object at the top, got {type(data).__name__}")

    r = _Reader()
    projection = r.key(data, "projection", "top level")
    if projection is not None and projection != PROJECTION.params():
        r.problems.append(
            "projection: the file was built with another projection "
            f"({projection!r}); rebuild it with tools/build_map.py"
        )

    view: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    raw_view = r.key(data, "view", "top level")
    if raw_view is not None:
        ok = (isinstance(raw_view, list) and len(raw_view) == 4
              and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in raw_view))
        if ok and raw_view[0] < raw_view[2] and raw_view[1] < raw_view[3]:
            view = (float(raw_view[0]), float(raw_view[1]), float(raw_view[2]), float(raw_view[3]))
        else:
            r.problems.append(f"view: expected [xmin, ymin, xmax, ymax] with min < max, "
                              f"got {raw_view!r}")

    regions = tuple(
        Region(r.string(obj, "name", where), r.string(obj, "name_fr", where),
               r.rings(obj, "rings", where))
        for where, obj in r.objects(r.key(data, "regions", "top level"), "regions")
    )
    neighbours = tuple(
        Country(r.string(obj, "iso", where), r.string(obj, "name", where),
                r.string(obj, "name_fr", where), r.rings(obj, "rings", where),
                _pair(r.numbers(obj.get("label"), f"{where}.label", 2)))
        for where, obj in r.objects(r.key(data, "neighbours", "top level"), "neighbours")
    )
    rivers = tuple(
        River(r.string(obj, "name", where),
              r.shapes(r.key(obj, "lines", where), f"{where}.lines", ring=False),
              _triple(r.numbers(obj.get("label"), f"{where}.label", 3)))
        for where, obj in r.objects(r.key(data, "rivers", "top level"), "rivers")
    )
    mali_label = _pair(r.numbers(data.get("mali_label"), "mali_label", 2))
    river_areas = r.shapes(r.key(data, "river_areas", "top level"), "river_areas", ring=True)
    lakes = r.shapes(r.key(data, "lakes", "top level"), "lakes", ring=True)
    credit = r.string(data, "credit", "top level")

    names = [region.name for region in regions]
    for name in sorted({n for n in names if names.count(n) > 1}):
        r.problems.append(f"regions: the name {name!r} is used more than once")

    if r.problems:
        listed = "\n  ".join(r.problems)
        raise ValueError(f"{path}: {len(r.problems)} problem(s) in the map file:\n  {listed}")
    return MapData(view=view, regions=regions, neighbours=neighbours, rivers=rivers,
                   river_areas=river_areas, lakes=lakes, credit=credit, mali_label=mali_label)


def _pair(values: tuple[float, ...] | None) -> tuple[float, float] | None:
    return (values[0], values[1]) if values is not None else None


def _triple(values: tuple[float, ...] | None) -> tuple[float, float, float] | None:
    return (values[0], values[1], values[2]) if values is not None else None
