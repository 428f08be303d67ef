"""Issue #14's measure, as a test: in every state the capture code visits, on every
screen, at 1920x1080, 1366x768, 1080x1920 and 3840x2160 (55"), in English and French,
at 100 and 125 % text, every primary text (a headline, the story, its date, place and
source; a card's figure with its date and source; a chart's title and callout) is
entirely in view, without scrolling. ``bench/story.py`` prints the same figures."""

from __future__ import annotations

import pytest

from minusma_kiosk.ui.audit import hidden_primary_texts
from minusma_kiosk.ui.capture import screen_states, settle

SIZES = [((1920, 1080), 32.0), ((1366, 768), 15.6), ((1080, 1920), 32.0),
         ((3840, 2160), 55.0)]


@pytest.mark.parametrize("text_size", [100, 125])
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(("size", "diagonal"), SIZES,
                         ids=["1080p", "1366x768", "portrait", "4k-55in"])
def test_no_primary_text_is_hidden_in_any_state(make_shell, size, diagonal, lang,
                                                text_size):
    shell = make_shell(size=size, lang=lang, diagonal_inches=diagonal)
    shell.state.set_access(text_size=text_size)
    hidden = []
    for sid in shell.router.registered():
        shell.router.navigate(sid)
        settle()
        for name, show in screen_states(shell, sid):
            show()
            settle()
            shell.grab()  # painted, as a visitor sees it
            hidden += [f"{sid.value}/{name}: {h}" for h in hidden_primary_texts(shell)]
    assert hidden == []
