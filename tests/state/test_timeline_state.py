"""The time cursor, selection, filters and autoplay, without widgets."""

from __future__ import annotations

import datetime as dt

from minusma_kiosk.content.model import Category
from minusma_kiosk.state.timeline_state import Autoplay, DayPlay, TimelineState, fiscal_year
from tests.state.timeline_fixtures import small_timeline


def ids(events):
    return [e.id for e in events]


def test_starts_on_the_first_event_without_selection():
    state = TimelineState(small_timeline())
    assert state.date == dt.date(2012, 1, 17)
    assert state.selected is None
    assert len(state.visible_events()) == 5


def test_select_moves_the_cursor(qtbot):
    state = TimelineState(small_timeline())
    event = state.timeline.events[2]
    with qtbot.waitSignals([state.selection_changed, state.date_changed]):
        state.select(event)
    assert state.date == event.date and state.selected is event


def test_step_walks_visible_events_and_stops_or_wraps():
    state = TimelineState(small_timeline())
    assert state.step(+1).id == "e2"  # from the cursor on e1's date, the next one
    state.select(state.timeline.events[4])
    assert state.step(+1).id == "e5"
    assert state.step(+1, wrap=True).id == "e1"
    assert state.step(-1, wrap=True).id == "e5"


def test_snap_picks_the_nearest_event():
    state = TimelineState(small_timeline())
    state.set_date(dt.date(2013, 5, 1))
    assert state.snap().id == "e3"
    state.set_date(dt.date(2012, 3, 1))
    assert state.snap().id == "e2"


def test_date_is_clamped_to_the_period():
    state = TimelineState(small_timeline())
    state.set_date(dt.date(1999, 1, 1))
    assert state.date == dt.date(2012, 1, 1)
    state.set_date(dt.date(2030, 1, 1))
    assert state.date == dt.date(2024, 12, 31)


def test_region_filter_and_show_all(qtbot):
    state = TimelineState(small_timeline())
    with qtbot.waitSignal(state.filter_changed):
        state.set_region("Gao")
    assert ids(state.visible_events()) == ["e1", "e5"]
    state.show_all()
    assert len(state.visible_events()) == 5


def test_category_filter_keeps_at_least_one():
    state = TimelineState(small_timeline())
    state.set_categories(frozenset({Category.POLITICS}))
    assert ids(state.visible_events()) == ["e2"]
    state.toggle_category(Category.POLITICS)  # the last one stays
    assert ids(state.visible_events()) == ["e2"]
    state.toggle_category(Category.CONFLICT)
    assert ids(state.visible_events()) == ["e1", "e2", "e5"]


def test_filtering_out_the_selection_clears_it():
    state = TimelineState(small_timeline())
    state.select(state.timeline.events[1])  # e2, Bamako
    state.set_region("Gao")
    assert state.selected is None


def test_fiscal_year_follows_july():
    assert fiscal_year(dt.date(2013, 6, 30)) == "2012-13"
    assert fiscal_year(dt.date(2013, 7, 1)) == "2013-14"
    assert fiscal_year(dt.date(2019, 12, 31)) == "2019-20"
    state = TimelineState(small_timeline())
    state.set_date(dt.date(2022, 8, 1))
    assert state.fiscal_year() == "2022-23"


def test_autoplay_steps_on_its_timer(qtbot):
    state = TimelineState(small_timeline())
    play = Autoplay(state, interval_ms=10)
    with qtbot.waitSignal(play.playing_changed):
        play.play()
    first = state.selected
    qtbot.waitUntil(lambda: state.selected is not first, timeout=2000)
    play.pause()
    assert not play.playing


def test_day_play_steps_through_its_days_and_wraps(qtbot):
    state = TimelineState(small_timeline())
    days = (dt.date(2016, 1, 1), dt.date(2014, 1, 1), dt.date(2015, 1, 1))
    play = DayPlay(state, interval_ms=10)
    play.set_days(days)
    state.set_date(dt.date(2014, 6, 1))
    play.play()
    assert state.date == dt.date(2015, 1, 1)  # the first step at once: the next day after
    seen = []
    state.date_changed.connect(seen.append)
    qtbot.waitUntil(lambda: len(seen) >= 3, timeout=2000)
    play.pause()
    assert seen[:3] == [dt.date(2016, 1, 1), dt.date(2014, 1, 1), dt.date(2015, 1, 1)]
    assert not play.playing


def test_day_play_without_days_does_nothing():
    state = TimelineState(small_timeline())
    before = state.date
    play = DayPlay(state)
    play.play()
    play.pause()
    assert state.date == before
