"""tour.toml: the presenter's steps, and the mistakes a curator can make."""

from __future__ import annotations

import shutil

import pytest

from minusma_kiosk import resources
from minusma_kiosk.content import load_content
from minusma_kiosk.content.tour import SCREENS


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(resources.content_dir(), root)
    return root


def problems_with(folder, text: str) -> list[str]:
    (folder / "tour.toml").write_text(text, encoding="utf-8")
    result = load_content(folder)
    return [str(p) for p in result.problems]


def test_the_bundled_tour_loads():
    result = load_content(resources.content_dir())
    assert result.ok, result.problems
    tour = result.content.tour
    assert len(tour) >= 8 and tour[0].screen == "home"
    steps = {s.title.en: s for s in tour}
    assert steps["A coup in Bamako"].event.id == "ML003"
    money = steps["What MINUSMA cost, year by year"]
    assert money.chart.id == "minusma_budget" and money.year == "2019-20"
    assert all(s.title.fr for s in tour)


def test_no_tour_file_is_no_tour(folder):
    (folder / "tour.toml").unlink()
    result = load_content(folder)
    assert result.ok and result.content.tour == ()


def test_each_mistake_names_its_line(folder):
    text = '''[[step]]
screen = "map"
title.en = "A"
title.fr = "A"

[[step]]
screen = "timeline"
title.en = "B"
title.fr = "B"
event = "ML999"
region = "Atlantis"
card = "elections"

[[step]]
screen = "budget"
title.en = "C"
title.fr = "C"
chart = "minusma_budget"
year = "2030-31"

[[step]]
screen = "cards"
title.en = "D"
date = "2031-01-01"
open = "yes"
'''
    found = problems_with(folder, text)
    assert "tour.toml:2: step 1: unknown screen 'map'; screens: home, timeline, budget, cards, sources" in found
    assert "tour.toml:10: step 2: unknown event 'ML999' (not an id in events.csv)" in found
    assert any(p.startswith("tour.toml:11: step 2: unknown region 'Atlantis'") for p in found)
    assert "tour.toml:12: step 2: card belongs to a cards step, not timeline" in found
    assert any(p.startswith("tour.toml:19: step 3: chart 'minusma_budget' has no point '2030-31'")
               for p in found)
    assert "tour.toml:24: step 4: date belongs to a timeline or budget step, not cards" in found
    assert any(p.startswith("tour.toml:24: step 4: 2031-01-01 is outside") for p in found)
    assert "tour.toml:25: step 4: open must be true or false" in found


def test_the_screen_names_are_the_ui_screens():
    from minusma_kiosk.ui.router import ScreenId

    assert SCREENS == tuple(s.value for s in ScreenId)
