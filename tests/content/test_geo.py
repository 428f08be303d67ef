"""The map's projection, its frozen model and the loader (pure Python: no Qt here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from minusma_kiosk import resources
from minusma_kiosk.content.geo import CREDIT, MapData, load_map, ring_contains
from minusma_kiosk.content.projection import PROJECTION, project, unproject

SRC = Path(__file__).resolve().parents[2] / "src"

# (lat, lon). Gao lies at 0.04° WEST: at 0.04°E the point is ~9 km east of the town.
PLACES = {
    "Bamako": (12.65, -8.0),
    "Kati": (12.74, -8.07),
    "Ségou": (13.45, -6.26),
    "Mopti": (14.49, -4.19),
    "Timbuktu": (16.77, -3.0),
    "Gao": (16.27, -0.04),
    "Kidal": (18.44, 1.41),
    "Kayes": (14.45, -11.44),
    "Niamey": (13.51, 2.11),
    "Ouagadougou": (12.37, -1.52),
    "Nouakchott": (18.09, -15.98),
}


def at(place: str) -> tuple[float, float]:
    lat, lon = PLACES[place]
    return project(lon, lat)


@pytest.fixture(scope="module")
def bundled() -> MapData:
    return load_map(resources.path("map", "mali.json"))


def distance_to_lines(lines: tuple[np.ndarray, ...], x: float, y: float) -> float:
    """Shortest distance from (x, y) to any segment of the polylines, km."""
    p = np.array([x, y])
    best = np.inf
    for line in lines:
        a, b = line[:-1], line[1:]
        d = b - a
        length2 = np.maximum((d * d).sum(axis=1), 1e-12)
        t = np.clip(((p - a) * d).sum(axis=1) / length2, 0.0, 1.0)
        nearest = a + t[:, None] * d
        best = min(best, float(np.hypot(*(nearest - p).T).min()))
    return best


# --------------------------------------------------------------------------- projection


def test_projection_round_trips_within_a_metre():
    lon, lat = np.meshgrid(np.linspace(-14.5, 6.5, 43), np.linspace(8.0, 27.0, 39))
    x, y = project(lon, lat)
    lon2, lat2 = unproject(x, y)
    # 1 m is ~9e-6 degree of latitude; compare in km too.
    assert np.abs(lat2 - lat).max() < 1e-6
    assert np.abs(lon2 - lon).max() < 1e-6
    x2, y2 = project(lon2, lat2)
    assert np.hypot(x2 - x, y2 - y).max() < 0.001


def test_projection_takes_floats_and_arrays():
    x, y = project(-8.0, 12.65)
    assert isinstance(x, float) and isinstance(y, float)
    lon, lat = unproject(x, y)
    assert isinstance(lon, float) and lon == pytest.approx(-8.0, abs=1e-9)
    xs, ys = project(np.array([-8.0, 0.0]), np.array([12.65, 16.0]))
    assert xs.shape == ys.shape == (2,)
    assert xs[0] == pytest.approx(x) and ys[0] == pytest.approx(y)


def test_projection_is_centred_on_mali_with_y_north_and_true_scale():
    assert project(PROJECTION.lon0, PROJECTION.lat0) == pytest.approx((0.0, 0.0), abs=1e-9)
    _, y_south = project(-4.0, 11.0)
    _, y_north = project(-4.0, 24.0)
    assert y_north > y_south  # north is up (+y); the screen flips it
    x_west, _ = project(-12.0, 17.0)
    x_east, _ = project(4.0, 17.0)
    assert x_west < 0 < x_east
    # One degree of latitude along the central meridian is ~111.2 km on this sphere;
    # the conic keeps the scale within 0.5 % over Mali.
    for lat in (10.0, 17.5, 25.0):
        _, y0 = project(-4.0, lat - 0.5)
        _, y1 = project(-4.0, lat + 0.5)
        assert (y1 - y0) == pytest.approx(np.radians(1.0) * PROJECTION.radius, rel=0.005)


def test_ring_contains_uses_the_even_odd_rule():
    square = np.array([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], dtype=float)
    assert ring_contains(square, 5, 5)
    assert not ring_contains(square, 15, 5)
    assert not ring_contains(square, 5, -1)
    assert ring_contains(square[:-1], 1, 9)  # open rings work too


# --------------------------------------------------------------------------- the bundled map


def test_bundled_map_has_mali_regions_with_french_names(bundled):
    assert len(bundled.regions) == 9
    names = {r.name: r.name_fr for r in bundled.regions}
    assert names == {"Bamako": "Bamako", "Gao": "Gao", "Kayes": "Kayes", "Kidal": "Kidal",
                     "Koulikoro": "Koulikoro", "Mopti": "Mopti", "Sikasso": "Sikasso",
                     "Ségou": "Ségou", "Timbuktu": "Tombouctou"}
    assert bundled.credit == CREDIT
    assert "Natural Earth" in CREDIT and "GSHHG" in CREDIT


@pytest.mark.parametrize(("place", "region"), [
    ("Bamako", "Bamako"), ("Kati", "Koulikoro"), ("Ségou", "Ségou"), ("Mopti", "Mopti"),
    ("Timbuktu", "Timbuktu"), ("Gao", "Gao"), ("Kidal", "Kidal"), ("Kayes", "Kayes"),
])
def test_places_fall_in_their_region(bundled, place, region):
    found = bundled.region_at(*at(place))
    assert found is not None and found.name == region


def test_brief_gao_coordinate_also_falls_in_gao(bundled):
    found = bundled.region_at(*project(0.04, 16.27))
    assert found is not None and found.name == "Gao"


@pytest.mark.parametrize("place", ["Niamey", "Ouagadougou", "Nouakchott"])
def test_places_abroad_are_in_no_region(bundled, place):
    assert bundled.region_at(*at(place)) is None


def test_bamako_is_a_hole_in_koulikoro(bundled):
    assert not bundled.region("Koulikoro").contains(*at("Bamako"))
    assert bundled.region("Koulikoro").contains(*at("Kati"))


def test_unknown_region_and_river_list_the_known_names(bundled):
    with pytest.raises(KeyError, match="known regions: Bamako, Gao"):
        bundled.region("Tombouctou")
    with pytest.raises(KeyError, match="known rivers: Niger, Senegal, other"):
        bundled.river("Volta")


@pytest.mark.parametrize("place", ["Bamako", "Ségou", "Mopti", "Gao", "Niamey"])
def test_the_niger_passes_its_towns(bundled, place):
    assert distance_to_lines(bundled.river("Niger").lines, *at(place)) < 10.0


def test_the_niger_is_one_line_through_mali(bundled):
    # The river-lakes carry much of its course: the line goes through them unbroken.
    assert len(bundled.river("Niger").lines) == 1
    assert distance_to_lines(bundled.river("Niger").lines, *at("Timbuktu")) < 20.0


def test_the_senegal_passes_kayes(bundled):
    assert distance_to_lines(bundled.river("Senegal").lines, *at("Kayes")) < 10.0
    assert distance_to_lines(bundled.river("Senegal").lines, *at("Bamako")) > 300.0


def test_water_layers_are_there(bundled):
    assert bundled.river("other").lines
    assert bundled.river_areas and bundled.lakes
    # Some river-lakes are on the Niger between Bamako and Gao.
    niger = bundled.river("Niger").lines
    near = [r for r in bundled.river_areas
            if distance_to_lines(niger, *r.mean(axis=0)) < 5.0]
    assert len(near) >= 3


def test_neighbours_are_clipped_to_the_view(bundled):
    xmin, ymin, xmax, ymax = bundled.view
    isos = {c.iso for c in bundled.neighbours}
    assert {"DZA", "NER", "BFA", "MRT", "SEN", "GIN", "CIV"} <= isos
    assert "MLI" not in isos
    for country in bundled.neighbours:
        assert country.name and country.name_fr
        for ring in country.rings:
            assert (ring[:, 0] >= xmin).all() and (ring[:, 0] <= xmax).all(), country.iso
            assert (ring[:, 1] >= ymin).all() and (ring[:, 1] <= ymax).all(), country.iso


def test_everything_lies_in_the_view_and_rings_are_closed(bundled):
    xmin, ymin, xmax, ymax = bundled.view
    rings = ([r for g in bundled.regions for r in g.rings] + list(bundled.river_areas)
             + list(bundled.lakes))
    lines = [line for river in bundled.rivers for line in river.lines]
    for shape in rings + lines:
        assert xmin <= shape[:, 0].min() and shape[:, 0].max() <= xmax
        assert ymin <= shape[:, 1].min() and shape[:, 1].max() <= ymax
    for ring in rings:
        assert len(ring) >= 4 and np.array_equal(ring[0], ring[-1])


def test_borders_with_neighbours_are_shared_exactly(bundled):
    """Mali's outline (region edges used once) is drawn by the neighbours too."""
    def edges(rings):
        found: dict[frozenset, int] = {}
        for ring in rings:
            pts = [tuple(p) for p in ring.tolist()]
            for edge in zip(pts, pts[1:], strict=False):
                key = frozenset(edge)
                found[key] = found.get(key, 0) + 1
        return found

    regions = edges(r for g in bundled.regions for r in g.rings)
    neighbours = edges(r for c in bundled.neighbours for r in c.rings)
    outline = [e for e, n in regions.items() if n == 1]
    assert len(outline) > 100
    assert all(e in neighbours for e in outline)


def test_map_arrays_are_read_only(bundled):
    ring = bundled.regions[0].rings[0]
    with pytest.raises(ValueError):
        ring[0, 0] = 0.0


def test_the_bundled_map_is_small():
    assert resources.path("map", "mali.json").stat().st_size < 300 * 1024


def test_the_map_loads_with_qt_unavailable():
    code = """
import sys
class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'):
            raise ImportError('Qt is unavailable in this test')
sys.meta_path.insert(0, NoQt())
from minusma_kiosk import resources
from minusma_kiosk.content.geo import load_map
print(len(load_map(resources.path('map', 'mali.json')).regions))
"""
    env = dict(os.environ, PYTHONPATH=str(SRC))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "9"


# --------------------------------------------------------------------------- loader errors


def square(x: float, y: float, size: float = 10.0) -> list[list[float]]:
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]


def tiny_map() -> dict[str, Any]:
    """A small valid map document."""
    return {
        "projection": PROJECTION.params(),
        "view": [-50, -50, 50, 50],
        "regions": [{"name": "North", "name_fr": "Nord", "rings": [square(0, 0)]},
                    {"name": "South", "name_fr": "Sud", "rings": [square(0, -10)]}],
        "neighbours": [{"iso": "NER", "name": "Niger", "name_fr": "Niger",
                        "rings": [square(10, 0)]}],
        "rivers": [{"name": "Niger", "lines": [[[0, 0], [5, 5], [9, 1]]]}],
        "river_areas": [square(1, 1, 1)],
        "lakes": [],
        "credit": CREDIT,
    }


def write(tmp_path: Path, document: Any) -> Path:
    path = tmp_path / "mali.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_tiny_map_loads(tmp_path):
    data = load_map(write(tmp_path, tiny_map()))
    assert data.view == (-50.0, -50.0, 50.0, 50.0)
    assert data.region_at(5, 5).name == "North"
    assert data.region_at(5, -5).name == "South"
    assert data.region_at(15, 5) is None
    assert data.neighbours[0].iso == "NER"
    assert data.river("Niger").lines[0].shape == (3, 2)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(ValueError, match=r"nope\.json: cannot read the map file"):
        load_map(tmp_path / "nope.json")


def test_invalid_json_names_file_and_line(tmp_path):
    path = tmp_path / "mali.json"
    path.write_text('{\n"view": [1, 2,\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"mali\.json:3: not valid JSON"):
        load_map(path)


def test_top_level_must_be_an_object(tmp_path):
    with pytest.raises(ValueError, match="expected a JSON object"):
        load_map(write(tmp_path, [1, 2]))


def test_missing_key_is_named(tmp_path):
    document = tiny_map()
    del document["regions"]
    del document["credit"]
    with pytest.raises(ValueError) as error:
        load_map(write(tmp_path, document))
    message = str(error.value)
    assert message.startswith(str(tmp_path / "mali.json"))
    assert "missing key 'regions'" in message
    assert "missing key 'credit'" in message  # every problem at once
    assert "2 problem(s)" in message


def test_missing_nested_key_has_its_path(tmp_path):
    document = tiny_map()
    del document["regions"][1]["name_fr"]
    with pytest.raises(ValueError, match=r"regions\[1\]: missing key 'name_fr'"):
        load_map(write(tmp_path, document))


@pytest.mark.parametrize(("ring", "problem"), [
    ([[0, 0], [1, 0], [0, 0]], "needs at least 4 points, has 3"),
    ([[0, 0], [1, 0], [1, 1], [0, 1]], "not closed"),
    ([[0, 0], [1, "a"], [1, 1], [0, 0]], r"not a list of \[x, y\] numbers"),
    ([[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 0, 0]], r"not a list of \[x, y\] numbers"),
    ([[0, 0], [1, None], [1, 1], [0, 0]], "non-finite coordinate"),
    ("not a ring", r"not a list of \[x, y\] numbers"),
])
def test_bad_ring_is_named(tmp_path, ring, problem):
    document = tiny_map()
    document["regions"][0]["rings"].append(ring)
    with pytest.raises(ValueError, match=rf"regions\[0\]\.rings\[1\]: bad ring: {problem}"):
        load_map(write(tmp_path, document))


def test_bad_line_and_water_rings_are_named(tmp_path):
    document = tiny_map()
    document["rivers"][0]["lines"].append([[0, 0]])
    document["lakes"].append(square(0, 0)[:-1])
    with pytest.raises(ValueError) as error:
        load_map(write(tmp_path, document))
    assert "rivers[0].lines[1]: bad line: needs at least 2 points, has 1" in str(error.value)
    assert "lakes[0]: bad ring: not closed" in str(error.value)


def test_bad_view_and_wrong_types_are_named(tmp_path):
    document = tiny_map()
    document["view"] = [10, 0, -10, 5]
    document["neighbours"] = {"NER": {}}
    document["rivers"][0]["name"] = 3
    with pytest.raises(ValueError) as error:
        load_map(write(tmp_path, document))
    message = str(error.value)
    assert "view: expected [xmin, ymin, xmax, ymax]" in message
    assert "neighbours: expected a list, got dict" in message
    assert "rivers[0].name: expected a non-empty string, got 3" in message


def test_duplicate_region_names_are_refused(tmp_path):
    document = tiny_map()
    document["regions"][1]["name"] = "North"
    with pytest.raises(ValueError, match="the name 'North' is used more than once"):
        load_map(write(tmp_path, document))


def test_map_built_with_another_projection_is_refused(tmp_path):
    document = tiny_map()
    document["projection"] = dict(PROJECTION.params(), lon0=0.0)
    with pytest.raises(ValueError, match="built with another projection.*build_map.py"):
        load_map(write(tmp_path, document))


def test_label_points_are_inside_what_they_name(bundled):
    """"MALI" is written inside Mali, each neighbour's name inside that neighbour, and
    "Niger" on the Niger."""
    assert bundled.mali_label is not None
    x, y = bundled.mali_label
    assert bundled.region_at(x, y) is not None
    named = [c for c in bundled.neighbours if c.label is not None]
    assert len(named) >= 8
    for country in named:
        lx, ly = country.label
        inside = sum(ring_contains(ring, lx, ly) for ring in country.rings) % 2 == 1
        assert inside, country.name
    niger = bundled.river("Niger")
    assert niger.label is not None
    nx, ny, angle = niger.label
    nearest = min(float(np.hypot(line[:, 0] - nx, line[:, 1] - ny).min())
                  for line in niger.lines)
    assert nearest < 1.0 and -90 <= angle <= 90


def test_a_bad_label_point_is_reported(tmp_path):
    data = json.loads(resources.path("map", "mali.json").read_text(encoding="utf-8"))
    data["mali_label"] = [1.0, "north"]
    data["neighbours"][0]["label"] = [1.0, 2.0, 3.0]
    path = tmp_path / "map.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError) as err:
        load_map(path)
    message = str(err.value)
    assert "mali_label: expected 2 numbers" in message
    assert "neighbours[0].label: expected 2 numbers" in message or \
        "label: expected 2 numbers" in message
