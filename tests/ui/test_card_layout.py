"""A card's front shows all of itself: headline, text, the figure with its date and
source, at every supported size in both languages at 100 and 125 % text, and nothing
on it scrolls. The opened card begins with the front's text."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractScrollArea

from minusma_kiosk.ui.audit import hidden_primary_texts
from minusma_kiosk.ui.capture import settle
from minusma_kiosk.ui.router import ScreenId
from minusma_kiosk.ui.screens.cards import CardsScreen

SIZES = [((1920, 1080), 32.0), ((1366, 768), 15.6), ((1080, 1920), 32.0),
         ((3840, 2160), 55.0)]


def cards(shell) -> CardsScreen:
    shell.router.navigate(ScreenId.CARDS)
    settle()
    screen = shell.router.screen(ScreenId.CARDS)
    assert isinstance(screen, CardsScreen)
    return screen


@pytest.mark.parametrize("text_size", [100, 125])
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(("size", "diagonal"), SIZES,
                         ids=["1080p", "1366x768", "portrait", "4k-55in"])
def test_every_card_front_is_whole(make_shell, size, diagonal, lang, text_size):
    shell = make_shell(size=size, lang=lang, diagonal_inches=diagonal)
    shell.state.set_access(text_size=text_size)
    screen = cards(shell)
    for i, view in enumerate(screen.views):
        shell.host.deck.go_to(i)
        settle()
        shell.grab()
        assert hidden_primary_texts(shell) == [], view.front.card.id
        assert not view.front.cut, view.front.card.id
        assert view.front.text.text() == view.front.card.text.get(lang)


def test_no_scroll_area_on_a_card_front(make_shell):
    screen = cards(make_shell())
    for view in screen.views:
        assert view.front.findChildren(QAbstractScrollArea) == []


def test_at_150_percent_a_small_screen_condenses_the_figure_before_cutting_the_text(
        make_shell):
    shell = make_shell(size=(1366, 768), lang="fr", diagonal_inches=15.6)
    shell.state.set_access(text_size=150)
    screen = cards(shell)
    shell.host.deck.go_to(0)
    settle()
    front = screen.views[0].front
    assert hidden_primary_texts(shell) == []
    # The figure keeps its date and source, shortened to the publisher and date.
    assert front.figure.origin.text()
    assert front.figure.figure.source is not None
    assert front.figure.figure.source.publisher.split(" (")[0] in front.figure.origin.text()
    if front.cut:
        assert front.text.text().endswith("…")


def test_the_opened_card_begins_with_the_front_text(make_shell):
    shell = make_shell(lang="fr")
    screen = cards(shell)
    shell.host.deck.set_expanded(True)
    settle()
    back = screen.views[0].back
    assert back.intro.text() == back.card.text.fr
    assert back.intro.isVisible()
    assert back.intro.geometry().top() <= back.detail.geometry().top()
