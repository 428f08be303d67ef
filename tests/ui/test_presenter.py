"""Presenter mode: the clicker's keys walk the tour; each step sets its screen's state."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from minusma_kiosk.ui.router import ScreenId


@pytest.fixture
def present(make_shell):
    shell = make_shell(mode="present")
    shell.presenter.start(notes_window=False)
    yield shell
    shell.presenter.stop()


def key(shell, k, mods=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(shell.focusWidget() or shell, k, mods)


def step_titled(shell, title):
    return next(i for i, s in enumerate(shell.presenter.steps) if s.title.en == title)


def test_pagedown_and_pageup_walk_the_tour(present):
    p = present.presenter
    assert p.tour.index == 0 and present.router.current is ScreenId.HOME
    key(present, Qt.Key.Key_PageDown)
    assert p.tour.index == 1 and present.router.current is ScreenId.TIMELINE
    assert present.time_cursor.selected is p.steps[1].event is not None
    assert p.indicator.text().startswith(f"2 / {len(p.steps)} · {p.steps[1].title.en}")
    for k in (Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_Down):
        key(present, k)
    assert p.tour.index == 4
    key(present, Qt.Key.Key_PageUp)
    key(present, Qt.Key.Key_Left)
    assert p.tour.index == 2
    key(present, Qt.Key.Key_End)
    assert p.tour.index == len(p.steps) - 1 and present.router.current is ScreenId.SOURCES
    key(present, Qt.Key.Key_Home)
    assert p.tour.index == 0


def test_a_number_then_enter_jumps_to_that_step(present):
    p = present.presenter
    target = step_titled(present, "What MINUSMA cost, year by year")
    for digit in str(target + 1):
        key(present, getattr(Qt.Key, f"Key_{digit}"))
    key(present, Qt.Key.Key_Return)
    assert p.tour.index == target
    assert present.router.current is ScreenId.BUDGET
    charts = present.router.screen(ScreenId.BUDGET)
    assert charts.chart.id == "minusma_budget"
    assert present.time_cursor.fiscal_year() == "2019-20"
    assert charts.callout_value.text().startswith("2019–20: ")


def test_a_number_alone_jumps_after_a_pause(present, qtbot):
    p = present.presenter
    p._digit_timer.setInterval(30)
    key(present, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: p.tour.index == 2, timeout=2000)


def test_b_and_period_blank_the_screen(present):
    p = present.presenter
    key(present, Qt.Key.Key_B)
    assert p.blank.isVisible()
    key(present, Qt.Key.Key_B)
    assert not p.blank.isVisible()
    key(present, Qt.Key.Key_Period)
    assert p.blank.isVisible()
    key(present, Qt.Key.Key_PageDown)  # the next step shows the screen again
    assert not p.blank.isVisible() and p.tour.index == 1


def test_a_card_step_opens_its_card(present):
    p = present.presenter
    p.tour.go(step_titled(present, "Why it mattered"))
    assert present.router.current is ScreenId.CARDS
    ids = [c.id for c in present.content.cards]
    assert present.deck.current == ids.index("armed_groups") and present.deck.expanded


def test_no_idle_reset_in_presenter_mode(present):
    assert present.kiosk is None  # no attract loop, no idle monitor, no lockdown


def test_the_notes_window_follows_the_steps(make_shell):
    shell = make_shell(mode="present", lang="fr")
    p = shell.presenter
    try:
        p.start(notes_window=True)
        p.tour.go(1)
        assert p.notes.isVisible()
        assert p.notes.title.text() == "Un coup d'État à Bamako"
        assert p.notes.notes.text().startswith("Mars 2012")
        assert p.notes.next_title.text() == "Suivant\u202f: Le nord tombe"
        key(p.notes, Qt.Key.Key_PageDown)  # the clicker works from the notes window too
        assert p.tour.index == 2
    finally:
        p.stop()


def test_ctrl_keys_are_left_alone(present):
    p = present.presenter
    key(present, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert p.tour.index == 0
