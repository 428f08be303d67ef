"""Limits on text: words, but also characters and the longest word (a word cannot wrap).

A 5,000-letter "word" in the site title used to pass the check (the limit counted
words), then ran off the screen and pushed the home tiles and key figures out of
sight. The widths behind the limits are tested on screen in tests/ui/test_text_limits.py.
"""

from __future__ import annotations

import pytest

from minusma_kiosk.content.limits import LIMITS, TextLimit
from tests.content.conftest import assert_problem


@pytest.mark.adversarial(item=6)
@pytest.mark.parametrize("title", ["x" * 5000, " ".join(["y" * 624] * 8)],
                         ids=["one 5000-letter word", "eight 624-letter words"])
def test_a_title_too_long_in_letters_is_refused(tiny, title):
    tiny.edit("site.toml", 'title.en = "Title"', f'title.en = "{title}"')
    problems = tiny.problems()
    assert_problem(problems, "site.toml", 4, "title.en has", "characters; keep it to 80")


@pytest.mark.adversarial(item=6)
def test_a_word_wider_than_the_column_is_refused_with_the_word(tiny):
    tiny.edit("site.toml", 'title.fr = "Titre"', 'title.fr = "Anticonstitutionnellement"')
    problem = assert_problem(tiny.problems(), "site.toml", 5,
                             "title.fr has a word of 25 characters ('Anticonstitutionnellement')",
                             "up to 13 characters", "shorten it or put a space in it")
    assert problem


@pytest.mark.adversarial(item=6)
def test_csv_texts_are_limited_too(tiny):
    line = tiny.line("figures.csv", "fig_people")
    tiny.edit("figures.csv", "fig_people,180,people,about,2023-12,src_c,,people,personnes,",
              "fig_people,180,people,about,2023-12,src_c,,people,"
              + "personnesquinesontpasunmot" + "x" * 20 + ",")
    assert_problem(tiny.problems(), "figures.csv", line, "figure 'fig_people': label_fr has a "
                   "word of 46 characters")


def test_a_very_long_word_is_shown_cut_in_the_message():
    why = TextLimit(5, 100, 10).problem("z" * 90)
    assert why is not None and "'zzzzzzzzzzzzzzzzzzzzzzzzzzz…'" in why and len(why) < 250


def test_the_bundled_content_keeps_every_limit(bundled):
    assert bundled.load().ok
    assert all(limit.word_chars <= limit.chars for limit in LIMITS.values())
