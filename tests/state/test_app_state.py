"""Language and defaults."""

from __future__ import annotations

import pytest

from minusma_kiosk.state.app_state import (
    Access,
    AnimationLevel,
    AppState,
    Aspect,
    DisplayChange,
    DisplayGate,
    Window,
)


def test_language_switch_emits_one_language_change(qtbot):
    state = AppState("en")
    with qtbot.waitSignal(state.changed) as blocker:
        state.set_language("fr")
    (change,) = blocker.args
    assert change.what is Aspect.LANGUAGE
    assert change.display.language == "fr"
    with qtbot.assertNotEmitted(state.changed):
        state.set_language("fr")


def test_next_language_cycles():
    state = AppState("en")
    assert state.next_language() == "fr"
    state.set_language("fr")
    assert state.next_language() == "en"


def test_reset_returns_to_the_default_language():
    state = AppState("fr")
    state.set_language("en")
    state.reset()
    assert state.language == "fr"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        AppState("de")
    with pytest.raises(ValueError):
        AppState().set_language("de")


def test_display_settings_change_once_and_reset(qtbot):
    state = AppState("en")
    with qtbot.waitSignal(state.changed) as blocker:
        state.set_access(text_size=150, high_contrast=True)
    (change,) = blocker.args
    assert change.what == Aspect.TEXT | Aspect.PALETTE
    assert change.display.access == Access(text_size=150, high_contrast=True)
    assert state.access.changed() == ("text_size", "high_contrast")
    with qtbot.assertNotEmitted(state.changed):
        state.set_access(text_size=150)
    with qtbot.waitSignal(state.changed) as blocker:
        state.reset()
    assert blocker.args[0].what == Aspect.TEXT | Aspect.PALETTE
    assert state.access == Access()
    with qtbot.assertNotEmitted(state.changed):
        state.reset()


def test_reset_tells_language_and_settings_as_one_change():
    state = AppState("en")
    state.set_language("fr")
    state.set_access(low_reach=True, reduced_motion=True)
    heard: list[DisplayChange] = []
    state.changed.connect(heard.append)
    state.reset()
    assert [c.what for c in heard] == [Aspect.LANGUAGE | Aspect.REACH | Aspect.MOTION]
    assert heard[0].display == state.display


def test_reduced_motion_lowers_full_animation_only():
    full, none = AppState("en", AnimationLevel.FULL), AppState("en", AnimationLevel.NONE)
    for state in (full, none):
        state.set_access(reduced_motion=True)
    assert full.animation is AnimationLevel.REDUCED
    assert none.animation is AnimationLevel.NONE
    full.reset()
    assert full.animation is AnimationLevel.FULL


def test_only_the_offered_text_sizes_are_accepted():
    with pytest.raises(ValueError, match="not one of"):
        AppState().set_access(text_size=175)


def test_motion_is_its_own_aspect_and_the_display_says_the_level_in_force():
    full, none = AppState("en", AnimationLevel.FULL), AppState("en", AnimationLevel.NONE)
    heard: dict[str, list] = {"full": [], "none": []}
    full.changed.connect(lambda c: heard["full"].append((c.what, c.display.motion)))
    none.changed.connect(lambda c: heard["none"].append((c.what, c.display.motion)))
    for state in (full, none):
        state.set_access(reduced_motion=True)
        state.set_access(text_size=150)  # not a motion change
        state.reset()
    assert heard["full"] == [(Aspect.MOTION, AnimationLevel.REDUCED),
                             (Aspect.TEXT, AnimationLevel.REDUCED),
                             (Aspect.TEXT | Aspect.MOTION, AnimationLevel.FULL)]
    assert [level for _what, level in heard["none"]] == [AnimationLevel.NONE] * 3


def test_the_window_is_a_size_change_and_low_reach_uses_its_header():
    state = AppState("en")
    assert state.display.window is None and state.display.reach_px == 0
    heard: list[DisplayChange] = []
    state.changed.connect(heard.append)
    window = Window(1080, 1920, 4.0, kiosk=True, reach_px=300)
    state.set_window(window)
    state.set_window(window)  # the same: nothing to tell
    assert [c.what for c in heard] == [Aspect.SIZE]
    assert state.display.reach_px == 0  # controls are not lower yet
    state.set_access(low_reach=True)
    assert heard[-1].what is Aspect.REACH and heard[-1].display.reach_px == 300


def test_a_closed_gate_tells_what_it_held_back_once_when_opened(qtbot):
    state = AppState("en")
    gate = DisplayGate(state)
    heard: list[DisplayChange] = []
    gate.changed.connect(heard.append)
    state.set_language("fr")
    state.set_access(high_contrast=True)
    assert heard == [] and gate.pending == Aspect.LANGUAGE | Aspect.PALETTE
    gate.open()
    assert [c.what for c in heard] == [Aspect.LANGUAGE | Aspect.PALETTE]
    assert heard[0].display == state.display
    gate.open()  # nothing held back: nothing to tell
    state.set_access(text_size=125)
    assert [c.what for c in heard][1:] == [Aspect.TEXT]
    gate.close()
    state.set_access(text_size=100)
    assert len(heard) == 2 and gate.pending is Aspect.TEXT
