"""The tour's position and the blank screen."""

from __future__ import annotations

from minusma_kiosk.state.tour_state import TourState


def test_steps_are_clamped_and_signalled(qtbot):
    tour = TourState(3)
    seen = []
    tour.step_changed.connect(seen.append)
    tour.next()
    tour.next()
    tour.next()  # stays on the last
    tour.previous()
    tour.first()
    tour.last()
    tour.go(99)
    assert seen == [1, 2, 2, 1, 0, 2, 2]


def test_blank_toggles_and_a_step_unblanks(qtbot):
    tour = TourState(3)
    seen = []
    tour.blanked_changed.connect(seen.append)
    tour.toggle_blank()
    assert tour.blank
    tour.next()
    assert not tour.blank and seen == [True, False]


def test_an_empty_tour_does_nothing():
    tour = TourState(0)
    tour.next()
    assert tour.index == 0
