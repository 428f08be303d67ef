"""Nothing cut off or overlapping, in French (the longest language), at 100, 125 and
150 % text, at 1080p and on a 1366x768 laptop, in every screen state."""

from __future__ import annotations

import pytest

from minusma_kiosk.ui.capture import visit_states
from tests.ui.layout_audit import audit


def problems_in_every_state(shell) -> list[str]:
    found = []
    for screen, state, widget in visit_states(shell):
        found += [f"{screen}/{state}: {p}" for p in audit(widget)]
    return found


@pytest.mark.parametrize("text_size", [100, 125, 150])
@pytest.mark.parametrize(("size", "diagonal"), [((1920, 1080), 32.0), ((1366, 768), 15.6)],
                         ids=["1080p", "1366x768"])
def test_french_text_fits_at_every_size(make_shell, size, diagonal, text_size):
    shell = make_shell(size=size, lang="fr", diagonal_inches=diagonal)
    shell.state.set_access(text_size=text_size)
    found = problems_in_every_state(shell)
    assert found == [], f"{len(found)} problems:\n" + "\n".join(sorted(set(found))[:60])


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_french_at_150_percent_fits_the_kiosk_and_its_panels(make_shell, size):
    """The kiosk's own views too (attract, "Still there?", PIN pad, admin), on a 32"
    screen either way up."""
    shell = make_shell(size=size, lang="fr", mode="kiosk")
    shell.state.set_access(text_size=150)
    found = problems_in_every_state(shell)
    assert found == [], f"{len(found)} problems:\n" + "\n".join(sorted(set(found))[:60])
