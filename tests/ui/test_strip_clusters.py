"""The time strip's touch targets are a fingertip apart (issue #14 item 4)."""

from __future__ import annotations

import random

from minusma_kiosk.ui.widgets.strip_clusters import group, nearest


def test_far_events_stay_alone_and_close_ones_share_a_bubble():
    groups = group([(0.0, "a"), (100.0, "b"), (105.0, "c"), (300.0, "d")], 40)
    assert [g.items for g in groups] == [("a",), ("b", "c"), ("d",)]
    assert groups[1].x == 102.5


def test_centres_are_always_a_target_apart_whatever_the_events():
    rng = random.Random(7)
    for n in (2, 60, 500, 2000):
        xs = [(rng.uniform(0, 1200), i) for i in range(n)]
        for target in (34.0, 76.0):
            groups = group(xs, target)
            centres = [g.x for g in groups]
            assert all(b - a >= target - 1e-9 for a, b in zip(centres, centres[1:], strict=False))
            assert sorted(i for g in groups for i in g.items) == list(range(n))
            # Never more targets than fit side by side.
            assert len(groups) <= 1200 / target + 1


def test_a_tap_finds_the_group_under_the_finger():
    groups = group([(0.0, "a"), (100.0, "b")], 40)
    assert nearest(groups, 90, 20).items == ("b",)
    assert nearest(groups, 50, 20) is None
