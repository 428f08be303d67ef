"""Events on the time strip grouped so that every touch target is a fingertip apart.

Where events lie closer together than a touch target (9 mm, 20 mm on a kiosk), they
are drawn as one bubble with their number; a tap on it opens the list of them. The
grouping is plain arithmetic on positions, kept apart from the drawing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Group(Generic[T]):
    """Events drawn as one target: a marker (one event) or a bubble (several)."""

    x: float
    items: tuple[T, ...]


def group(positions: Sequence[tuple[float, T]], target: float) -> list[Group[T]]:
    """Group ``(x, item)`` pairs (any order) so that the groups' centres lie at least
    ``target`` pixels apart; each group's centre is the middle of its items' span."""
    ordered = sorted(positions, key=lambda p: p[0])
    groups: list[tuple[float, float, list[T]]] = []  # (first x, last x, items)
    for x, item in ordered:
        if groups and x - (groups[-1][0] + groups[-1][1]) / 2 < target:
            first, _last, items = groups[-1]
            groups[-1] = (first, x, [*items, item])
        else:
            groups.append((x, x, [item]))
        # A group that grew may now sit too close to the one before it: merge back.
        while len(groups) > 1 and (groups[-1][0] + groups[-1][1]) / 2 - \
                (groups[-2][0] + groups[-2][1]) / 2 < target:
            a, b = groups[-2], groups.pop()
            groups[-1] = (a[0], b[1], a[2] + b[2])
    return [Group((first + last) / 2, tuple(items)) for first, last, items in groups]


def nearest(groups: Sequence[Group[T]], x: float, reach: float) -> Group[T] | None:
    """The group whose centre is nearest ``x``, if within ``reach`` pixels."""
    best = min(groups, key=lambda g: abs(g.x - x), default=None)
    return best if best is not None and abs(best.x - x) <= reach else None
