"""Navigation: the bar, the home tiles, the router's enter/leave hooks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from minusma_kiosk.ui.router import ScreenId
from tests.ui.touch import tap


def test_starts_on_home_with_only_home_built(make_shell):
    shell = make_shell()
    assert shell.router.current is ScreenId.HOME
    assert [s.screen_id for s in shell.router.built()] == [ScreenId.HOME]
    assert shell.nav.buttons[ScreenId.HOME].property("active") == "true"


def test_nav_bar_lists_every_registered_screen(make_shell):
    shell = make_shell()
    assert list(shell.nav.buttons) == shell.router.registered()
    assert shell.router.registered() == [ScreenId.HOME, ScreenId.TIMELINE, ScreenId.BUDGET,
                                         ScreenId.CARDS, ScreenId.SOURCES]


def test_touch_tap_on_nav_button_switches_screen(make_shell):
    shell = make_shell()
    tap(shell.nav.buttons[ScreenId.CARDS])
    assert shell.router.current is ScreenId.CARDS
    assert shell.stack.currentWidget().screen_id is ScreenId.CARDS
    assert shell.nav.buttons[ScreenId.CARDS].property("active") == "true"
    assert shell.nav.buttons[ScreenId.HOME].property("active") == "false"
    tap(shell.nav.buttons[ScreenId.SOURCES])
    assert shell.router.current is ScreenId.SOURCES


def test_mouse_click_on_nav_button_switches_screen(make_shell, qtbot):
    shell = make_shell()
    qtbot.mouseClick(shell.nav.buttons[ScreenId.SOURCES], Qt.MouseButton.LeftButton)
    assert shell.router.current is ScreenId.SOURCES


def test_home_tiles_lead_to_their_screens(make_shell):
    shell = make_shell()
    home = shell.router.screen(ScreenId.HOME)
    assert set(home.tiles) == {ScreenId.TIMELINE, ScreenId.BUDGET, ScreenId.CARDS,
                               ScreenId.SOURCES}
    tap(home.tiles[ScreenId.CARDS])
    assert shell.router.current is ScreenId.CARDS
    shell.router.navigate(ScreenId.HOME)
    tap(home.tiles[ScreenId.SOURCES])
    assert shell.router.current is ScreenId.SOURCES


def test_router_calls_on_leave_and_on_enter(make_shell, monkeypatch):
    shell = make_shell()
    calls = []
    home = shell.router.screen(ScreenId.HOME)
    cards = shell.router.screen(ScreenId.CARDS)
    monkeypatch.setattr(home, "on_leave", lambda: calls.append("home.leave"))
    monkeypatch.setattr(cards, "on_enter", lambda: calls.append("cards.enter"))
    shell.router.navigate(ScreenId.CARDS)
    assert calls == ["home.leave", "cards.enter"]


def test_leaving_cards_closes_an_open_card(make_shell):
    shell = make_shell()
    shell.router.navigate(ScreenId.CARDS)
    shell.deck.set_expanded(True)
    shell.router.navigate(ScreenId.HOME)
    assert not shell.deck.expanded


def test_home_sources_button_shows_the_intro_sources(make_shell, qtbot):
    shell = make_shell()
    home = shell.router.screen(ScreenId.HOME)
    assert home.reader is None
    tap(home.sources_button)
    reader = home.reader
    assert reader is not None and reader.isVisible()
    shown = []
    for _ in range(reader.page_count):
        shown += reader.shown_texts
        reader.turn(+1)
    assert any("Reuters" in t for t in shown)
    assert len([t for t in shown if t.startswith("http")]) == len(
        shell.host.content.site.sources)
    tap(reader.back_button)
    assert not reader.isVisible()
    # The introduction stayed where it was.
    assert home.text_area.verticalScrollBar().value() == 0


def test_no_context_menus_anywhere(make_shell):
    from PySide6.QtWidgets import QWidget

    shell = make_shell()
    for sid in shell.router.registered():
        shell.router.navigate(sid)
    offenders = [w for w in shell.findChildren(QWidget)
                 if w.contextMenuPolicy() in (Qt.ContextMenuPolicy.DefaultContextMenu,
                                              Qt.ContextMenuPolicy.ActionsContextMenu)
                 and w.metaObject().className() in ("QLabel", "QLineEdit", "QTextEdit",
                                                    "QPlainTextEdit", "QTextBrowser")]
    assert offenders == []


def test_home_shows_key_figures_with_their_sources(make_shell, bundled):
    shell = make_shell()
    home = shell.router.screen(ScreenId.HOME)
    figures = bundled.content.site.key_figures
    assert [s.figure.id for s in home.stats] == [f.id for f in figures]
    for stat in home.stats:
        assert stat.origin.text().startswith(("Source: ", "Computed for this exhibit"))
    from minusma_kiosk.content.formatting import format_number

    for stat, fig in zip(home.stats, figures, strict=True):  # whatever the content says
        assert format_number(fig.value, fig.unit, "en") in stat.value.text()


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(("size", "diagonal"), [((1920, 1080), 32.0), ((1366, 768), 15.6),
                                                ((1080, 1920), 32.0)])
def test_home_fits_without_scrolling(make_shell, size, diagonal, lang):
    shell = make_shell(size=size, diagonal_inches=diagonal, lang=lang)
    home = shell.router.screen(ScreenId.HOME)
    assert home.text_area.verticalScrollBar().maximum() == 0
