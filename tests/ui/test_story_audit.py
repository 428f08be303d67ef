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


def test_a_wrapped_label_laid_out_narrow_gets_shorter_when_it_widens(qtbot):
    """A hidden card's text is laid out narrow first; shown wide, it must not keep the
    narrow height (QLabel.heightForWidth never answers less than the minimum height,
    and the card's text sat half out of view)."""
    story = label("body", STORY)
    qtbot.addWidget(story)
    story.resize(200, 50)
    story.show()
    settle()
    narrow = story.minimumHeight()
    story.resize(900, narrow)
    settle()
    assert story.minimumHeight() < narrow / 2
    assert abs(story.minimumHeight() - story.fontMetrics().lineSpacing() * 7) <= \
        story.fontMetrics().lineSpacing() * 3  # a few lines, not the narrow column's


def test_every_card_front_shows_its_text_in_a_landscape_kiosk(make_shell):
    """Cards visited one after another, each painted (as the screenshots do): every
    card's headline, text and figure with its source is in view at 1920x1080."""
    from minusma_kiosk.ui.capture import screen_states
    from minusma_kiosk.ui.router import ScreenId

    shell = make_shell()
    shell.router.navigate(ScreenId.CARDS)
    hidden = []
    for name, show in screen_states(shell, ScreenId.CARDS):
        show()
        settle()
        shell.grab()
        settle()
        if not name.endswith("-open"):
            hidden += [f"{name}: {h}" for h in hidden_primary_texts(shell)]
    assert hidden == []
