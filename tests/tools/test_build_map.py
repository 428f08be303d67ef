"""tools/build_map.py: its geometry helpers, and the build (deterministic, checked)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "build_map.py"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_map", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_map", module)
    spec.loader.exec_module(module)
    return module


bm = _load_script()

RECT = (0.0, 0.0, 10.0, 10.0)


def ring(*points: tuple[float, float]) -> np.ndarray:
    return bm.close(np.array(points, dtype=float))


# --------------------------------------------------------------------------- clipping


def test_ring_inside_is_kept_as_is():
    r = ring((1, 1), (4, 1), (4, 4), (1, 4))
    assert np.array_equal(bm.clip_ring(r, RECT), r)


def test_ring_outside_is_dropped():
    assert bm.clip_ring(ring((11, 1), (14, 1), (14, 4)), RECT) is None
    # Its box overlaps the rectangle's, but the triangle itself misses it.
    assert bm.clip_ring(ring((9, 30), (30, 9), (30, 30)), RECT) is None


def test_ring_crossing_an_edge_is_cut_on_it():
    clipped = bm.clip_ring(ring((5, 2), (15, 2), (15, 6), (5, 6)), RECT)
    assert clipped is not None
    assert np.array_equal(clipped[0], clipped[-1])
    assert clipped[:, 0].max() == 10.0
    assert bm.ring_area(clipped) == pytest.approx(5 * 4)


def test_ring_around_the_rectangle_becomes_the_rectangle():
    clipped = bm.clip_ring(ring((-5, -5), (20, -5), (20, 20), (-5, 20)), RECT)
    assert bm.ring_area(clipped) == pytest.approx(100.0)
    assert {tuple(p) for p in clipped.tolist()} == {(0, 0), (10, 0), (10, 10), (0, 10)}


def test_triangle_over_a_corner():
    # Right triangle (8,8)-(14,8)-(8,14): inside the rectangle only the 2x2 square.
    clipped = bm.clip_ring(ring((8, 8), (14, 8), (8, 14)), RECT)
    assert bm.ring_area(clipped) == pytest.approx(4.0)
    assert clipped.min(axis=0).tolist() == [8, 8] and clipped.max(axis=0).tolist() == [10, 10]


def test_concave_ring_keeps_the_right_area():
    # A "U" whose two arms leave through the top edge: both arms' stumps remain.
    u = ring((2, 2), (8, 2), (8, 14), (6, 14), (6, 5), (4, 5), (4, 14), (2, 14))
    clipped = bm.clip_ring(u, RECT)
    assert bm.ring_area(clipped) == pytest.approx(6 * 3 + 2 * 5 * 2)


def test_a_border_shared_by_two_rings_is_cut_at_the_same_point():
    left = ring((2, 2), (5, 2), (7, 13), (2, 13))
    right = ring((5, 2), (9, 2), (9, 13), (7, 13))  # shares (5,2)-(7,13), walked backwards
    a, b = bm.clip_ring(left, RECT), bm.clip_ring(right, RECT)
    on_top = {tuple(p) for p in a.tolist() if p[1] == 10} & {tuple(p) for p in b.tolist()
                                                               if p[1] == 10}
    assert len(on_top) == 1  # bit-identical crossing point


def test_line_is_clipped_and_split():
    line = np.array([[-5, 5], [5, 5], [5, 15], [8, 15], [8, 5]], dtype=float)
    pieces = bm.clip_line(line, RECT)
    assert len(pieces) == 2
    assert pieces[0].tolist() == [[0, 5], [5, 5], [5, 10]]
    assert pieces[1].tolist() == [[8, 10], [8, 5]]
    assert bm.clip_line(np.array([[20.0, 20.0], [30.0, 30.0]]), RECT) == []


# --------------------------------------------------------------------------- Douglas–Peucker


def distance_to_polyline(points: np.ndarray, line: np.ndarray) -> np.ndarray:
    best = np.full(len(points), np.inf)
    for a, b in zip(line[:-1], line[1:], strict=True):
        d = b - a
        length2 = max(float(d @ d), 1e-12)
        t = np.clip(((points - a) @ d) / length2, 0, 1)
        best = np.minimum(best, np.hypot(*(points - (a + t[:, None] * d)).T))
    return best


@pytest.mark.parametrize("tolerance", [0.5, 2.0, 10.0])
def test_douglas_peucker_keeps_ends_and_respects_tolerance(tolerance):
    rng = np.random.default_rng(7)
    walk = np.cumsum(rng.normal(size=(500, 2)), axis=0)
    simple = bm.douglas_peucker(walk, tolerance)
    assert np.array_equal(simple[0], walk[0]) and np.array_equal(simple[-1], walk[-1])
    assert 2 <= len(simple) < len(walk)
    assert distance_to_polyline(walk, simple).max() <= tolerance + 1e-9
    # The kept points are original points, in order.
    index = [int(np.flatnonzero((walk == p).all(axis=1))[0]) for p in simple]
    assert index == sorted(index)


def test_douglas_peucker_flattens_noise_and_keeps_a_spike():
    x = np.linspace(0, 100, 101)
    noisy = np.column_stack([x, np.sin(x) * 0.3])
    assert len(bm.douglas_peucker(noisy, 1.0)) == 2
    spiked = noisy.copy()
    spiked[40, 1] = 5.0
    assert [40.0, 5.0] in bm.douglas_peucker(spiked, 1.0).tolist()


def test_douglas_peucker_on_a_closed_line_and_short_input():
    square = ring((0, 0), (10, 0), (10, 10), (0, 10))
    assert len(bm.douglas_peucker(square, 1.0)) == 5
    two = np.array([[0.0, 0.0], [1.0, 1.0]])
    assert np.array_equal(bm.douglas_peucker(two, 5.0), two)


def test_shared_borders_stay_shared_and_rings_keep_four_points():
    rng = np.random.default_rng(3)
    y = np.linspace(0, 100, 60)
    wiggle = np.column_stack([50 + rng.normal(scale=2.0, size=60), y])
    wiggle[0], wiggle[-1] = (50, 0), (50, 100)
    west = bm.close(np.vstack([[[0.0, 100.0], [0.0, 0.0]], wiggle]))
    east = bm.close(np.vstack([wiggle[::-1], [[100.0, 0.0], [100.0, 100.0]]]))
    tiny = ring((200, 200), (200.5, 200), (200.2, 200.4))
    out = bm.simplify_shared([west, east, tiny], [1.0, 3.0, 50.0])
    border = [{tuple(p) for p in r.tolist() if 0 < p[1] < 100 and 30 < p[0] < 70}
              for r in out[:2]]
    assert border[0] == border[1] and len(border[0]) > 2
    assert len(out[2]) == 4  # collapsed at 50 km, then kept as a triangle


# --------------------------------------------------------------------------- the build


@pytest.fixture(scope="module")
def sources() -> Path:
    folder = bm.sources_dir(None)
    if not all((folder / name).is_file() for name in bm.SOURCE_FILES):
        pytest.skip(f"raw map sources not found in {folder} (set MINUSMA_MAP_SOURCES)")
    return folder


@pytest.fixture(scope="module")
def built(sources: Path) -> bytes:
    return bm.build(sources)[0]


def test_build_is_deterministic_and_matches_the_committed_file(sources, built):
    assert bm.build(sources)[0] == built
    assert bm.OUTPUT.read_bytes() == built, "run python tools/build_map.py"
    assert len(built) < 300 * 1024


def test_check_passes_on_the_committed_file(built, capsys):
    assert bm.main(["--check"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_check_fails_on_a_stale_or_missing_file(built, tmp_path, capsys):
    stale = tmp_path / "mali.json"
    stale.write_bytes(built.replace(b'"credit":"Made', b'"credit":"made'))
    assert bm.main(["--check", "--output", str(stale)]) == 1
    assert "out of date" in capsys.readouterr().err
    assert bm.main(["--check", "--output", str(tmp_path / "none.json")]) == 1
    assert "missing" in capsys.readouterr().err


def test_build_writes_compact_json_and_a_summary(built, tmp_path, capsys):
    target = tmp_path / "map" / "mali.json"
    assert bm.main(["--output", str(target)]) == 0
    assert target.read_bytes() == built
    out = capsys.readouterr().out
    assert "regions" in out and "points" in out and "KB" in out
    text = built.decode()
    assert "\n" not in text.rstrip("\n") and ", " not in text.split('"credit"')[0]
    document = json.loads(text)
    assert set(document) >= {"projection", "view", "regions", "neighbours", "rivers",
                             "river_areas", "lakes", "credit"}
    assert document["credit"] == ("Made with Natural Earth. "
                                  "Rivers and lakes: GSHHG (Wessel & Smith).")
    coords = [v for r in document["regions"] for ring in r["rings"] for p in ring for v in p]
    assert all(round(v, 1) == v for v in coords)


def test_missing_sources_are_reported(tmp_path):
    with pytest.raises(SystemExit, match="raw map files missing"):
        bm.build(tmp_path)
