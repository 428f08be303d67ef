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
