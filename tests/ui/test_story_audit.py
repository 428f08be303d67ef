"""The story audit itself: a primary text counts as seen only when all of it is in view."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from minusma_kiosk.ui.audit import hidden_primary_texts
from minusma_kiosk.ui.capture import settle
from minusma_kiosk.ui.widgets.text import label, primary

STORY = " ".join(["A sentence long enough to wrap onto several lines of the panel."] * 6)


def window_with_scrolled_story(qtbot, height: int) -> tuple[QWidget, QScrollArea, QWidget]:
    window = QWidget()
    qtbot.addWidget(window)
    body = QWidget()
    lay = QVBoxLayout(body)
    headline, story = label("h2", "A headline"), label("body", STORY)
    primary(headline, story)
    lay.addWidget(headline)
    lay.addWidget(story)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(body)
    QVBoxLayout(window).addWidget(area)
    window.resize(420, height)
    window.show()
    qtbot.waitExposed(window)
    settle()
    return window, area, story


def test_a_story_in_a_short_scroll_box_is_not_seen(qtbot):
    window, area, _story = window_with_scrolled_story(qtbot, 140)
    hidden = hidden_primary_texts(window)
    assert [h.text for h in hidden] == [STORY]
    assert hidden[0].shown_px < hidden[0].needed_px


def test_a_story_scrolled_past_its_start_is_not_seen_either(qtbot):
    window, area, _story = window_with_scrolled_story(qtbot, 140)
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    settle()
    texts = [h.text for h in hidden_primary_texts(window)]
    assert "A headline" in texts and STORY in texts


def test_a_story_with_room_is_seen_and_unmarked_texts_are_not_audited(qtbot):
    window, _area, story = window_with_scrolled_story(qtbot, 900)
    assert hidden_primary_texts(window) == []
    story.setProperty("primary", False)
    window.resize(420, 140)
    settle()
    assert [h.text for h in hidden_primary_texts(window)] == []  # the headline still fits
