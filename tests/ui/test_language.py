"""Switching language keeps the visitor's place and changes UI strings and content."""

from __future__ import annotations

from minusma_kiosk.ui.router import ScreenId
from tests.ui.touch import tap


def test_language_button_switches_ui_and_content(make_shell, bundled):
    shell = make_shell()
    home = shell.router.screen(ScreenId.HOME)
    assert shell.nav.language.text() == "Français"
    assert home.title.text() == bundled.content.site.title.en
    tap(shell.nav.language)
    assert shell.state.language == "fr"
    assert shell.nav.language.text() == "English"
    assert shell.nav.buttons[ScreenId.HOME].text() == "Accueil"
    assert home.title.text() == bundled.content.site.title.fr
    tap(shell.nav.language)
    assert shell.state.language == "en"
    assert shell.nav.buttons[ScreenId.HOME].text() == "Home"


def test_switching_keeps_the_screen_and_the_open_card(make_shell, bundled):
    shell = make_shell()
    shell.router.navigate(ScreenId.CARDS)
    shell.deck.go_to(2)
    shell.deck.set_expanded(True)
    tap(shell.nav.language)
    screen = shell.router.screen(ScreenId.CARDS)
    assert shell.router.current is ScreenId.CARDS
    assert (shell.deck.current, shell.deck.expanded) == (2, True)
    card = bundled.content.cards[2]
    assert screen.views[2].back.headline.text() == card.headline.fr
    assert screen.position.text() == f"Carte 3 sur {len(screen.views)}"


def test_french_figures_use_french_typography(make_shell):
    shell = make_shell(lang="fr")
    shell.router.navigate(ScreenId.CARDS)
    screen = shell.router.screen(ScreenId.CARDS)
    index = next(i for i, v in enumerate(screen.views) if v.front.card.id == "shared_cost")
    assert screen.views[index].front.figure.value.text() == "26,94\u202f%"
    origin = screen.views[index].front.figure.origin.text()
    assert origin.startswith("Source\u202f: ") and "26 avril 2023" in origin


def test_screens_built_later_start_in_the_current_language(make_shell):
    shell = make_shell()
    tap(shell.nav.language)
    tap(shell.nav.buttons[ScreenId.SOURCES])
    assert shell.router.screen(ScreenId.SOURCES).title.text() == "Sources et crédits"


def test_closing_a_window_removes_its_ui_catalogue(make_shell):
    from PySide6.QtCore import QCoreApplication

    shell = make_shell(lang="fr")
    assert QCoreApplication.translate("Navigation", "Home") == "Accueil"
    shell.close()
    assert QCoreApplication.translate("Navigation", "Home") == "Home"


def test_switching_language_reads_each_catalogue_once(make_shell):
    """A kiosk switches language thousands of times: no catalogue may pile up."""
    from PySide6.QtCore import QTranslator

    shell = make_shell()
    for _ in range(10):
        shell.state.set_language(shell.state.next_language())
    assert len(shell.findChildren(QTranslator)) == 1
