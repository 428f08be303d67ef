"""Language and defaults."""

from __future__ import annotations

import pytest

from minusma_kiosk.state.app_state import AppState


def test_language_switch_emits_once(qtbot):
    state = AppState("en")
    with qtbot.waitSignal(state.language_changed) as blocker:
        state.set_language("fr")
    assert blocker.args == ["fr"]
    with qtbot.assertNotEmitted(state.language_changed):
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
    from minusma_kiosk.state.app_state import Access

    state = AppState("en")
    with qtbot.waitSignal(state.access_changed) as blocker:
        state.set_access(text_size=150, high_contrast=True)
    assert blocker.args == [Access(text_size=150, high_contrast=True)]
    assert state.access.changed() == ("text_size", "high_contrast")
    with qtbot.assertNotEmitted(state.access_changed):
        state.set_access(text_size=150)
    with qtbot.waitSignal(state.access_changed):
        state.reset()
    assert state.access == Access()
    with qtbot.assertNotEmitted(state.access_changed):
        state.reset()


def test_reduced_motion_lowers_full_animation_only():
    from minusma_kiosk.state.app_state import AnimationLevel

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


def test_motion_changed_says_when_the_level_in_force_changes():
    from minusma_kiosk.state.app_state import AnimationLevel

    full, none = AppState("en", AnimationLevel.FULL), AppState("en", AnimationLevel.NONE)
    heard: dict[str, list] = {"full": [], "none": []}
    full.motion_changed.connect(heard["full"].append)
    none.motion_changed.connect(heard["none"].append)
    for state in (full, none):
        state.set_access(reduced_motion=True)
        state.set_access(text_size=150)  # not a motion change
        state.reset()
    assert heard["full"] == [AnimationLevel.REDUCED, AnimationLevel.FULL]
    assert heard["none"] == []  # no motion to reduce: nothing changed
