"""The display settings a visitor changes with the "Aa" button: text size, contrast,
motion, controls lower, read aloud."""

from __future__ import annotations

import importlib.util

import pytest
from PySide6.QtWidgets import QAbstractButton, QAbstractSlider, QLabel, QWidget

from minusma_kiosk.state.app_state import Access, AnimationLevel
from minusma_kiosk.ui.capture import screen_states, settle
from minusma_kiosk.ui.router import ScreenId
from minusma_kiosk.ui.speech import Speaker
from minusma_kiosk.ui.theme.tokens import HIGH_CONTRAST, PALETTE
from tests.ui.touch import tap


def open_panel(shell):
    tap(shell.nav.access)
    settle()
    panel = shell.access_panel
    assert panel is not None and panel.isVisible()
    return panel


def body_px(shell) -> int:
    return shell.metrics.font("body")


def drawn(widget: QWidget, x: int, y: int) -> str:
    """The colour a visitor sees at (x, y) of a widget, as #RRGGBB."""
    return widget.grab().toImage().pixelColor(x, y).name().upper()


def nav_background(shell) -> str:
    """The colour of most of the bar's top edge (the current screen's marker is short)."""
    from collections import Counter

    image = shell.nav.grab().toImage()
    seen = Counter(image.pixelColor(x, 2).name().upper() for x in range(0, image.width(), 8))
    return seen.most_common(1)[0][0]


def test_the_aa_button_opens_the_panel_and_150_percent_enlarges_every_text(make_shell):
    shell = make_shell()
    shell.router.navigate(ScreenId.CARDS)
    settle()
    headline = shell.router.screen(ScreenId.CARDS).views[0].front.headline
    before_px, before_h = body_px(shell), headline.fontInfo().pixelSize()
    panel = open_panel(shell)
    tap(panel.sizes[150])
    settle()
    assert shell.state.access.text_size == 150
    assert panel.sizes[150].isChecked() and not panel.sizes[100].isChecked()
    assert body_px(shell) == round(before_px * 1.5)
    assert headline.fontInfo().pixelSize() == pytest.approx(before_h * 1.5, abs=1)
    tap(panel.done)
    settle()
    assert not panel.isVisible()
    assert shell.router.current is ScreenId.CARDS  # the visitor keeps their place


def test_a_tap_beside_the_panel_closes_it(make_shell):
    shell = make_shell()
    panel = open_panel(shell)
    from PySide6.QtCore import QPoint

    tap(panel, QPoint(5, 5))
    settle()
    assert not panel.isVisible()


def test_high_contrast_switches_the_palette_everywhere(make_shell):
    shell = make_shell()
    shell.router.navigate(ScreenId.BUDGET)
    settle()
    charts = shell.router.screen(ScreenId.BUDGET)
    panel = open_panel(shell)
    tap(panel.toggles["high_contrast"])
    settle()
    assert shell.state.access.high_contrast
    assert panel.toggles["high_contrast"].isChecked()
    assert nav_background(shell) == HIGH_CONTRAST.nav
    assert drawn(charts, 2, 2) == HIGH_CONTRAST.background
    plot_bg = charts.chart_plot.plot.backgroundBrush().color().name().upper()
    assert plot_bg == HIGH_CONTRAST.surface
    tap(panel.toggles["high_contrast"])
    settle()
    assert nav_background(shell) == PALETTE.nav
    assert drawn(charts, 2, 2) == PALETTE.background


def test_a_screen_hidden_during_a_change_shows_it_when_it_comes_back(make_shell):
    """Hidden screens are restyled when they are shown, not while they are hidden."""
    shell = make_shell()
    settle()
    home = shell.router.current
    cards = shell.router.screen(ScreenId.CARDS)
    headline = cards.views[0].front.headline
    before = headline.font().pixelSize()
    shell.state.set_access(high_contrast=True, text_size=150)
    settle()
    assert shell.router.current is home and not cards.isVisible()
    shell.router.navigate(ScreenId.CARDS)
    settle()
    assert drawn(cards, 2, 2) == HIGH_CONTRAST.background
    assert headline.font().pixelSize() == round(before * 1.5)


def test_less_motion_reaches_the_screens_already_built(make_shell):
    shell = make_shell(animation="full")
    shell.router.navigate(ScreenId.BUDGET)
    settle()
    charts = shell.router.screen(ScreenId.BUDGET)
    assert charts.chart_plot.motion is AnimationLevel.FULL
    panel = open_panel(shell)
    tap(panel.toggles["reduced_motion"])
    settle()
    tap(panel.done)
    assert shell.state.animation is AnimationLevel.REDUCED
    assert charts.chart_plot.motion is AnimationLevel.REDUCED
    shell.router.navigate(ScreenId.TIMELINE)
    settle()
    assert shell.router.screen(ScreenId.TIMELINE).map.motion is False


def test_less_motion_restyles_nothing_and_draws_no_chart_again(make_shell, monkeypatch):
    """Less motion changes only the animations: no style sheet, no layout, no new chart
    (it took half a second, most of it resetting the window's style)."""
    shell = make_shell(animation="full")
    shell.router.navigate(ScreenId.BUDGET)
    settle()
    charts = shell.router.screen(ScreenId.BUDGET)
    timeline = shell.router.screen(ScreenId.TIMELINE)
    styled, redrawn = [], []
    for widget in (shell, charts, shell.nav):
        monkeypatch.setattr(widget, "setStyleSheet", lambda sheet: styled.append(sheet))
    monkeypatch.setattr(charts, "_draw", lambda: redrawn.append(1))
    shell.state.set_access(reduced_motion=True)
    settle()
    assert styled == [] and redrawn == []
    assert charts.chart_plot.motion is AnimationLevel.REDUCED
    shell.router.navigate(ScreenId.TIMELINE)  # a hidden screen hears it when shown
    settle()
    assert timeline.map.motion is False and timeline.strip.inertia is True
    shell.state.set_access(reduced_motion=False)
    assert timeline.map.motion is True
    shell.router.navigate(ScreenId.BUDGET)
    settle()
    assert charts.chart_plot.motion is AnimationLevel.FULL
    assert styled == []  # entering draws the chart; motion never restyles
    shell.state.set_access(text_size=150)  # a size change still restyles
    assert len(styled) >= 1
    shell.router.navigate(ScreenId.HOME)  # leaving stops the chart's animations


def test_the_settings_panel_speaks_french(make_shell):
    shell = make_shell(lang="fr")
    panel = open_panel(shell)
    assert panel.title.text() == "Affichage"
    assert panel.toggles["high_contrast"].text() == "Contraste élevé\u202f: désactivé"
    assert panel.sizes[125].text() == "125\u202f%"
    shell.state.set_language("en")
    assert panel.toggles["high_contrast"].text() == "High contrast: off"
    assert panel.sizes[125].text() == "125%"


def test_the_visit_reset_closes_the_panel_and_restores_the_defaults(make_shell):
    shell = make_shell(lang="en")
    panel = open_panel(shell)
    tap(panel.sizes[125])
    tap(panel.toggles["high_contrast"])
    settle()
    shell.reset_visit()
    settle()
    assert shell.state.access == Access()
    assert not panel.isVisible()
    assert nav_background(shell) == PALETTE.nav


# --- controls lower (seated visitors) --------------------------------------------------

def interactive(shell) -> list[QWidget]:
    return [w for w in shell.findChildren(QWidget)
            if isinstance(w, (QAbstractButton, QAbstractSlider)) and w.isVisible()]


def test_controls_lower_is_offered_only_where_it_moves_something(make_shell):
    # A 32" landscape screen whose lower edge is 76 cm up ends at 116 cm: all in reach.
    assert "low_reach" not in open_panel(make_shell()).toggles
    tall = make_shell(size=(1080, 1920), mode="kiosk")
    tall.kiosk.enter_exhibit()
    assert "low_reach" in open_panel(tall).toggles


def test_controls_lower_keeps_every_control_under_48_inches(make_shell):
    """ADA reach range (15-48 in from the floor) on a 32" portrait kiosk whose lower
    edge is 76 cm up: every control of every screen ends up under 122 cm."""
    shell = make_shell(size=(1080, 1920), mode="kiosk", screen_bottom_cm=76)
    shell.kiosk.enter_exhibit()
    ppmm = shell.px_per_mm()
    panel = open_panel(shell)
    tap(panel.toggles["low_reach"])
    settle()
    assert shell.state.access.low_reach and shell.reach_header.isVisible()
    # 32" portrait: 708 mm tall, from 760 to 1468 mm: the top 248 mm are out of reach.
    assert shell.reach_header.height() == pytest.approx(248 * ppmm, abs=3)
    too_high = []

    def height_mm(widget: QWidget) -> float:
        top = widget.mapTo(shell, widget.rect().topLeft()).y()
        return 760 + (shell.height() - top) / ppmm

    checked = 0
    for sid in shell.router.registered():
        shell.router.navigate(sid)
        for name, show in screen_states(shell, sid):
            show()
            settle()
            for w in interactive(shell):
                checked += 1
                if height_mm(w) > 1220 + 1:
                    too_high.append(f"{sid.value}/{name}: {w.objectName() or w.text()!r} "
                                    f"top at {height_mm(w):.0f} mm")
    tap(shell.nav.access)
    settle()
    for w in interactive(shell):
        if height_mm(w) > 1221:
            too_high.append(f"panel: {w.objectName()} top at {height_mm(w):.0f} mm")
    assert checked > 50
    assert too_high == [], "; ".join(sorted(set(too_high)))
    # The header names the screen below it.
    from minusma_kiosk.ui.router import screen_title

    assert shell.reach_header.title.text() == screen_title(shell.router.current)


# --- read aloud ----------------------------------------------------------------------

class FakeEngine:
    """Stands in for QTextToSpeech: records what it is asked to say."""

    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []
        self.locale = None

    def setLocale(self, locale) -> None:
        self.locale = locale.name()

    def say(self, text: str) -> None:
        self.said.append((self.locale, text))

    def stop(self) -> None:
        pass


def test_read_aloud_says_the_card_shown_in_the_language_shown(make_shell):
    shell = make_shell(lang="fr")
    engine = FakeEngine()
    shell.speaker = Speaker(shell, engine=engine)
    shell.router.navigate(ScreenId.CARDS)
    settle()
    panel = open_panel(shell)
    assert panel.read_aloud is not None and panel.read_aloud.text() == "Lire à voix haute"
    tap(panel.read_aloud)
    settle()
    assert not panel.isVisible()
    (locale, text), = engine.said
    card = shell.content.cards[shell.deck.current]
    assert locale == "fr_FR"
    assert card.headline.fr in text and card.text.fr in text
    assert card.headline.en not in text


def test_read_aloud_says_the_selected_event(make_shell):
    shell = make_shell()
    engine = FakeEngine()
    shell.speaker = Speaker(shell, engine=engine)
    shell.router.navigate(ScreenId.TIMELINE)
    event = shell.content.timeline.events[5]
    shell.time_cursor.select(event)
    settle()
    assert shell.read_aloud()
    (locale, text), = engine.said
    assert locale == "en_GB" and event.title.en in text


def test_without_a_speech_engine_nothing_is_offered():
    has_module = importlib.util.find_spec("PySide6.QtTextToSpeech") is not None
    speaker = Speaker()
    if not has_module:
        assert not speaker.available
        assert speaker.say("Bonjour", "fr") is False


def test_no_read_aloud_button_without_an_engine(make_shell):
    shell = make_shell()
    shell.speaker = Speaker(shell, engine=None)
    shell.speaker._engine = None  # as on a machine without QtTextToSpeech
    panel = open_panel(shell)
    assert panel.read_aloud is None
    assert not any(isinstance(w, QLabel) and "aloud" in w.text()
                   for w in panel.findChildren(QLabel))


def colours_drawn(widget: QWidget) -> set[str]:
    """The colours that cover areas of a widget's rendering (sampled every 3 px; a colour
    seen at fewer than 20 samples is an edge's antialiasing, not a fill)."""
    from collections import Counter

    image = widget.grab().toImage()
    seen = Counter(image.pixelColor(x, y).name().upper()
                   for y in range(0, image.height(), 3) for x in range(0, image.width(), 3))
    return {c for c, n in seen.items() if n >= 20}


def test_high_contrast_reaches_the_map_the_strip_and_the_charts(make_shell):
    """Not only the style sheet: the map's regions and neighbours, the era bands, the
    event markers and the chart bars are drawn in the high-contrast tokens, and back."""
    shell = make_shell()
    shell.router.navigate(ScreenId.TIMELINE)
    settle()
    timeline = shell.router.screen(ScreenId.TIMELINE)

    def timeline_colours() -> set[str]:
        return colours_drawn(timeline.map.viewport()) | colours_drawn(timeline.strip)

    standard = timeline_colours()
    for token in (PALETTE.map.region, PALETTE.map.neighbour, PALETTE.eras[0]):
        assert token in standard, token
    shell.state.set_access(high_contrast=True)
    settle()
    high = timeline_colours()
    assert HIGH_CONTRAST.map.neighbour in high and HIGH_CONTRAST.eras[1] in high
    for token in (PALETTE.map.region, PALETTE.map.region_alt, PALETTE.map.neighbour,
                  *PALETTE.eras):
        assert token not in high, f"{token} still drawn in high contrast"
    shell.router.navigate(ScreenId.BUDGET)
    settle()
    charts = shell.router.screen(ScreenId.BUDGET)
    bars = next(c for c in charts.charts if c.kind.value == "bars")
    charts.show_chart(bars)
    charts.chart_plot.stop()
    settle()
    plot = colours_drawn(charts.plot.viewport())
    assert HIGH_CONTRAST.chart.bar in plot and PALETTE.chart.bar not in plot
    shell.state.set_access(high_contrast=False)
    settle()
    assert PALETTE.chart.bar in colours_drawn(charts.plot.viewport())
    shell.router.navigate(ScreenId.TIMELINE)
    settle()
    back = timeline_colours()
    assert PALETTE.map.region in back and HIGH_CONTRAST.map.neighbour not in back
