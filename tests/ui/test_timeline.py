"""The map-driven timeline, driven by simulated touch."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF

from minusma_kiosk.content.model import Category
from minusma_kiosk.ui.capture import settle
from minusma_kiosk.ui.router import ScreenId
from minusma_kiosk.ui.widgets.map_view import MAX_ZOOM, scene_point
from tests.ui.touch import pinch, swipe, tap


@pytest.fixture
def timeline(make_shell):
    shell = make_shell()
    shell.router.navigate(ScreenId.TIMELINE)
    settle()
    return shell, shell.router.screen(ScreenId.TIMELINE)


def place(screen, pid):
    return next(p for p in screen.window().content.timeline.places if p.id == pid)


def view_point(screen, pid) -> QPoint:
    return screen.map.mapFromScene(scene_point(place(screen, pid)))


def placed(shell):
    """An event at a place on the map (its region is tinted when it is selected)."""
    return next(e for e in shell.time_cursor.timeline.events
                if e.place is not None and e.place.mapped)


def test_timeline_is_reachable_from_home(make_shell):
    shell = make_shell()
    home = shell.router.screen(ScreenId.HOME)
    tap(home.tiles[ScreenId.TIMELINE])
    assert shell.router.current is ScreenId.TIMELINE


def test_dragging_the_strip_scrubs_then_snaps_to_an_event(timeline):
    shell, screen = timeline
    strip = screen.strip
    start = QPoint(round(strip.x_of(dt.date(2012, 2, 1))), strip.height() // 2)
    swipe(strip, round(strip.x_of(dt.date(2013, 6, 20)) - start.x()), start=start)
    cursor = shell.time_cursor
    assert cursor.selected is not None
    assert cursor.date == cursor.selected.date
    assert abs((cursor.date - dt.date(2013, 6, 20)).days) < 60
    assert screen.panel.title.text() == cursor.selected.title.en


def test_tapping_the_strip_selects_the_nearest_event(timeline):
    shell, screen = timeline
    strip = screen.strip
    # Few enough events that some stand alone (the rest share numbered bubbles).
    for category in list(shell.time_cursor.categories):
        if category is not Category.ELECTIONS:
            shell.time_cursor.toggle_category(category)
    settle()
    single = next(g for g in strip.groups if len(g.items) == 1)
    tap(strip, QPoint(round(single.x), strip.height() // 2))
    assert shell.time_cursor.selected is single.items[0]


def test_tapping_a_town_marker_selects_its_event(timeline):
    shell, screen = timeline
    tap(screen.map.viewport(), view_point(screen, "kidal"))
    selected = shell.time_cursor.selected
    assert selected is not None and selected.place.id == "kidal"


def test_tapping_a_region_filters_and_tapping_again_shows_all(timeline):
    shell, screen = timeline
    # A point of Kidal region away from any town: 18.0 N, 2.8 E.
    from minusma_kiosk.content.projection import project

    x, y = project(2.8, 18.0)
    point = screen.map.mapFromScene(QPointF(float(x), -float(y)))
    tap(screen.map.viewport(), point)
    assert shell.time_cursor.region == "Kidal"
    assert all(e.region == "Kidal" for e in shell.time_cursor.visible_events())
    assert screen.show_all_button.isVisible()
    tap(screen.show_all_button)
    assert shell.time_cursor.region is None


def test_pinch_zooms_within_bounds_and_double_tap_resets(timeline, qtbot):
    shell, screen = timeline
    pinch(screen.map.viewport(), 200)
    assert screen.map.zoom > 1.5
    pinch(screen.map.viewport(), 2000)
    assert screen.map.zoom <= MAX_ZOOM
    # While the fingers move the backdrop is drawn quickly, then again in full quality.
    assert screen.map._settle.isActive()
    qtbot.waitUntil(lambda: not screen.map._settle.isActive(), timeout=2000)
    centre = screen.map.viewport().rect().center()
    tap(screen.map.viewport(), centre)
    tap(screen.map.viewport(), centre + QPoint(2, 0))
    assert screen.map.zoom == 1.0


def test_category_chip_filters_events(timeline):
    shell, screen = timeline
    tap(screen.chips[Category.CONFLICT])
    visible = shell.time_cursor.visible_events()
    assert visible and all(e.category is not Category.CONFLICT for e in visible)
    chip = screen.chips[Category.CONFLICT]
    assert chip.property("active") == "false"
    # The state shows in words and shape, not colour alone: a check mark while on, and
    # the chip keeps its width (the row does not move).
    width = chip.width()
    assert not chip.text().startswith("✓") and not chip.isChecked()
    assert screen.chips[Category.POLITICS].text().startswith("✓")
    assert screen.show_all_button.isEnabled()
    tap(screen.show_all_button)
    assert Category.CONFLICT in shell.time_cursor.categories
    assert chip.text().startswith("✓") and chip.isChecked() and chip.width() == width
    # "Show all" stays beside the chips, idle when everything is shown.
    assert screen.show_all_button.isVisible() and not screen.show_all_button.isEnabled()


def test_play_steps_and_user_input_pauses(timeline, qtbot):
    shell, screen = timeline
    tap(screen.play_button)
    assert screen.autoplay.playing
    assert shell.time_cursor.selected is not None
    assert screen.play_button.text() == "Pause"
    tap(screen.next_button)
    assert not screen.autoplay.playing


def test_map_shows_the_state_at_the_cursor_date(timeline):
    shell, screen = timeline
    cursor, view = shell.time_cursor, screen.map
    camps = dict((c.id, item) for c, item in view.camp_markers)
    held = dict((o.place.id, item) for o, item in view.held_markers)
    cursor.set_date(dt.date(2012, 8, 1))
    assert not any(item.isVisible() for item in camps.values())
    assert held["gao"].isVisible() and held["timbuktu"].isVisible()
    cursor.set_date(dt.date(2016, 1, 1))
    assert camps["kidal_camp"].isVisible()
    assert not held["gao"].isVisible()
    cursor.set_date(dt.date(2023, 11, 15))
    assert not camps["kidal_camp"].isVisible()


def test_selected_event_tints_its_region_and_survives_a_language_switch(timeline):
    shell, screen = timeline
    chosen = placed(shell)
    shell.time_cursor.select(chosen)
    assert not screen.map.region_tint.isEmpty()
    tap(shell.nav.language)
    assert shell.time_cursor.selected is chosen
    assert screen.panel.title.text() == chosen.title.fr


def test_gentle_mode_shows_the_gentle_text(make_shell):
    shell = make_shell(gentle=True)
    shell.router.navigate(ScreenId.TIMELINE)
    screen = shell.router.screen(ScreenId.TIMELINE)
    chosen = next(e for e in shell.time_cursor.timeline.events if e.deaths)
    shell.time_cursor.select(chosen)
    assert screen.panel.text.text() == chosen.gentle.en != chosen.text.en


def test_leaving_the_screen_stops_autoplay(timeline):
    shell, screen = timeline
    screen.autoplay.play()
    shell.router.navigate(ScreenId.HOME)
    assert not screen.autoplay.playing


def test_full_motion_pulses_the_selection_and_stops_when_leaving(make_shell):
    shell = make_shell(animation="full")
    shell.router.navigate(ScreenId.TIMELINE)
    screen = shell.router.screen(ScreenId.TIMELINE)
    shell.time_cursor.select(placed(shell))
    assert screen.map.pulse.running
    shell.router.navigate(ScreenId.HOME)
    assert not screen.map.pulse.running


def test_a_flick_on_the_strip_glides_then_snaps(make_shell, qtbot):
    shell = make_shell(animation="full")
    shell.router.navigate(ScreenId.TIMELINE)
    screen = shell.router.screen(ScreenId.TIMELINE)
    strip = screen.strip
    start = QPoint(round(strip.x_of(dt.date(2013, 1, 1))), strip.height() // 2)
    swipe(strip, 300, start=start, steps=3)  # fast: three moves
    assert strip._flick.isActive()
    qtbot.waitUntil(lambda: not strip._flick.isActive(), timeout=3000)
    cursor = shell.time_cursor
    assert cursor.selected is not None and cursor.date == cursor.selected.date
    assert cursor.date > strip.date_at(start.x() + 300)  # it kept going after the finger
    shell.router.navigate(ScreenId.HOME)  # stops the pulse
