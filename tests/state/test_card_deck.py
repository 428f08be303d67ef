"""The card deck's logic, without widgets."""

from __future__ import annotations

import pytest

from minusma_kiosk.state.card_deck import CardDeck


def test_next_and_previous_wrap_around(qtbot):
    deck = CardDeck(3)
    with qtbot.waitSignal(deck.current_changed) as blocker:
        deck.previous()
    assert blocker.args == [2]
    deck.next()
    assert deck.current == 0
    deck.next()
    deck.next()
    assert deck.current == 2


def test_moving_closes_an_open_card(qtbot):
    deck = CardDeck(3)
    deck.set_expanded(True)
    with qtbot.waitSignal(deck.expanded_changed) as blocker:
        deck.next()
    assert blocker.args == [False]
    assert not deck.expanded


def test_signals_only_on_change(qtbot):
    deck = CardDeck(2)
    with qtbot.assertNotEmitted(deck.current_changed):
        deck.go_to(0)
    with qtbot.assertNotEmitted(deck.expanded_changed):
        deck.set_expanded(False)


def test_toggle_and_reset(qtbot):
    deck = CardDeck(4)
    deck.go_to(3)
    deck.toggle()
    assert deck.expanded
    deck.reset()
    assert (deck.current, deck.expanded) == (0, False)


def test_empty_deck_is_refused():
    with pytest.raises(ValueError):
        CardDeck(0)
