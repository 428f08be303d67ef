"""The check's longest-word limits are what the layout can show.

Every text field of the bundled content gets a word as long as its limit
(``content/limits.py``); every screen is then rendered in French at 150 % text on
the narrowest supported screens, and no word may be wider than the column that
shows it, nor any widget stick out of its parent. Without the limits a curator's
600-letter "word" pushed the home tiles and key figures off the screen.
"""

from __future__ import annotations

import dataclasses

import pytest

from minusma_kiosk.app import LoadedContent
from minusma_kiosk.content import model
from minusma_kiosk.content.limits import LIMITS
from minusma_kiosk.ui.capture import visit_states
from tests.ui.layout_audit import clipped_labels, outside_parents

#: The model's classes and their names in LIMITS' keys.
THINGS = {model.Site: "site", model.Card: "card", model.Figure: "figure",
          model.Chart: "chart", model.ChartPoint: "point", model.Event: "event",
          model.Place: "place",
          model.Camp: "camp", model.Occupation: "occupation", model.Era: "era",
          model.TourStep: "tour", model.Credit: "credit", model.Source: "source"}
#: Ordinary French letters, not the widest ones: a realistic long word.
LETTERS = "anticonstitutionnellement"


def long_word(n: int) -> str:
    return (LETTERS * (n // len(LETTERS) + 1))[:n]


def with_long_word(text: str, n: int) -> str:
    """``text`` with its longest word replaced by one of ``n`` letters."""
    words = text.split()
    if not words:
        return text
    at = max(range(len(words)), key=lambda i: len(words[i]))
    words[at] = long_word(n)
    return " ".join(words)


def stretched(obj, memo: dict[int, object]):
    """A copy of the content with a limit-long word in every limited field."""
    if id(obj) in memo:
        return memo[id(obj)]
    if isinstance(obj, tuple):
        out = tuple(stretched(x, memo) for x in obj)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type) \
            and not isinstance(obj, model.Text):
        thing = THINGS.get(type(obj))
        changes = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            limit = LIMITS.get(f"{thing}.{f.name}") if thing else None
            if limit is not None and isinstance(value, model.Text):
                changes[f.name] = model.Text(with_long_word(value.en, limit.word_chars),
                                             with_long_word(value.fr, limit.word_chars))
            elif limit is not None and isinstance(value, str):
                changes[f.name] = with_long_word(value, limit.word_chars)
            else:
                changes[f.name] = stretched(value, memo)
        out = dataclasses.replace(obj, **changes)
    else:
        out = obj
    memo[id(obj)] = out
    return out


def test_every_limit_is_used_by_the_model():
    fields = {f"{thing}.{f.name}" for cls, thing in THINGS.items()
              for f in dataclasses.fields(cls)}
    assert set(LIMITS) <= fields


@pytest.mark.adversarial(item=6)
@pytest.mark.parametrize(("size", "diagonal"), [((1366, 768), 15.6), ((1080, 1920), 32.0),
                                                ((1920, 1080), 32.0)],
                         ids=["1366x768", "portrait", "1080p"])
def test_a_word_at_the_limit_fits_everywhere_at_150_percent(make_shell, bundled, size,
                                                             diagonal):
    loaded = LoadedContent(stretched(bundled.content, {}))
    shell = make_shell(size=size, lang="fr", diagonal_inches=diagonal, loaded=loaded)
    shell.state.set_access(text_size=150)
    found = []
    for screen, state, widget in visit_states(shell):
        found += [f"{screen}/{state}: {p}" for p in clipped_labels(widget)
                  if "a word needs" in p]
        found += [f"{screen}/{state}: {p}" for p in outside_parents(widget)]
    assert found == [], f"{len(found)} problems:\n" + "\n".join(sorted(set(found))[:60])
