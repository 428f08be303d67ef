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


def test_switching_keeps_the_selected_event_and_the_chart_year(make_shell, bundled):
    shell = make_shell()
    timeline = bundled.content.timeline
    event = timeline.events[10]
    shell.router.navigate(ScreenId.TIMELINE)
    shell.time_cursor.select(event)
    day = shell.time_cursor.date
    tap(shell.nav.language)
    screen = shell.router.screen(ScreenId.TIMELINE)
    assert shell.time_cursor.selected is event and shell.time_cursor.date == day
    assert screen.panel.title.text() == event.title.fr
    shell.router.navigate(ScreenId.BUDGET)
    charts = shell.router.screen(ScreenId.BUDGET)
    charts.show_chart(next(c for c in bundled.content.charts if c.id == "minusma_budget"))
    charts.step_year(+1)
    chosen = (charts.chart.id, charts.chart_plot.highlight, shell.time_cursor.date)
    tap(shell.nav.language)
    assert (charts.chart.id, charts.chart_plot.highlight, shell.time_cursor.date) == chosen
    assert charts.title.text() == charts.chart.title.en


def test_switching_keeps_the_display_settings_open(make_shell):
    shell = make_shell()
    tap(shell.nav.access)
    tap(shell.access_panel.sizes[125])
    shell.state.set_language("fr")
    assert shell.access_panel.isVisible()
    assert shell.state.access.text_size == 125
    assert shell.access_panel.title.text() == "Affichage"


def test_event_kinds_differ_by_shape_not_only_colour():
    from PySide6.QtCore import QPointF

    from minusma_kiosk.content.model import Category
    from minusma_kiosk.ui.widgets.markers import marker_path

    outlines = {}
    for category in Category:
        path = marker_path(category, QPointF(0, 0), 20)
        outlines[category] = tuple((round(p.x(), 1), round(p.y(), 1))
                                   for p in path.toFillPolygon())
    assert len(set(outlines.values())) == len(outlines)
