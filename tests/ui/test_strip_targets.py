"""The time strip at any scale (issue #14 item 4): every marker or bubble is a touch
target a fingertip wide (9 mm; 20 mm in kiosk mode), dense periods share a bubble with
their number, and a tap on a bubble asks which event, on a page of large buttons."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import QPoint

from tests.ui.test_timeline_layout import timeline
from tests.ui.touch import tap


@pytest.mark.parametrize(("size", "diagonal", "mode", "mm"),
                         [((1920, 1080), 32.0, "window", 9), ((1366, 768), 15.6, "window", 9),
                          ((1920, 1080), 32.0, "kiosk", 20), ((1080, 1920), 32.0, "kiosk", 20)])
def test_targets_are_a_fingertip_apart(make_shell, size, diagonal, mode, mm):
    shell = make_shell(size=size, diagonal_inches=diagonal, mode=mode)
    screen = timeline(shell)
    strip = screen.strip
    assert strip.target_px >= mm * screen.map.px_per_mm - 1
    centres = [g.x for g in strip.groups]
    assert all(b - a >= strip.target_px - 1e-6 for a, b in zip(centres, centres[1:], strict=False))
    assert sum(len(g.items) for g in strip.groups) == len(shell.time_cursor.visible_events())


def test_a_tap_on_a_bubble_asks_which_event_and_opens_it(make_shell):
    shell = make_shell()
    screen = timeline(shell)
    strip = screen.strip
    bubble = max(strip.groups, key=lambda g: len(g.items))
    assert len(bubble.items) > 1
    tap(strip, QPoint(round(bubble.x), strip.height() // 2))
    picker = screen.picker
    assert picker is not None and picker.isVisible()
    assert [e.id for e in picker.events] == sorted((e.id for e in bubble.items),
                                                    key=lambda i: next(
                                                        e.date for e in bubble.items
                                                        if e.id == i))
    assert str(len(bubble.items)) in picker.heading.text()
    tiles = picker.pages.shown
    assert tiles and all(t.height() >= screen.map.px_per_mm * 9 - 1 for t in tiles)
    chosen = picker.events[1]
    tap(next(t for t in tiles if t.heading.text() == chosen.title.en))
    assert not picker.isVisible()
    assert shell.time_cursor.selected is chosen
    # An idle reset closes the page too.
    tap(strip, QPoint(round(bubble.x), strip.height() // 2))
    assert picker.isVisible()
    screen.reset()
    assert not picker.isVisible()


def test_at_2000_events_the_strip_is_a_row_of_numbered_bubbles(make_shell, bundled):
    """A solid bar of 2,000 markers was unreadable: now a few bubbles, each numbered,
    and every event in one of them."""
    timeline_content = bundled.content.timeline
    base = timeline_content.events
    many = tuple(dataclasses.replace(base[i % len(base)], id=f"E{i:04d}",
                                     date=dt.date(2012, 1, 1) + dt.timedelta(days=i * 2))
                 for i in range(2000))
    content = dataclasses.replace(bundled.content, timeline=dataclasses.replace(
        timeline_content, events=many))
    shell = make_shell(loaded=dataclasses.replace(bundled, content=content))
    screen = timeline(shell)
    strip = screen.strip
    groups = strip.groups
    assert sum(len(g.items) for g in groups) == 2000
    assert len(groups) <= strip.width() / strip.target_px + 1
    assert sum(len(g.items) > 1 for g in groups) >= len(groups) - 2
