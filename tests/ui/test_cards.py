"""Interest cards driven by touch (tap, one-finger swipe) and by mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from minusma_kiosk.ui.router import ScreenId
from tests.ui.touch import mouse_drag, swipe, tap


@pytest.fixture
def cards(make_shell):
    shell = make_shell()
    shell.router.navigate(ScreenId.CARDS)
    return shell, shell.router.screen(ScreenId.CARDS)


def _mm(screen, mm: float) -> int:
    return round(mm * screen.card_frame.px_per_mm)


def test_every_card_is_in_the_deck(cards, bundled):
    shell, screen = cards
    assert len(screen.views) == len(bundled.content.cards) >= 5
    assert screen.stack.currentIndex() == 0
    assert screen.position.text() == f"Card 1 of {len(screen.views)}"


def test_one_finger_swipe_left_shows_the_next_card(cards):
    shell, screen = cards
    swipe(screen.card_frame, -_mm(screen, 40))
    assert shell.deck.current == 1
    assert screen.stack.currentIndex() == 1
    assert screen.dots[1].property("active") == "true"


def test_one_finger_swipe_right_shows_the_previous_card(cards):
    shell, screen = cards
    swipe(screen.card_frame, _mm(screen, 40))
    assert shell.deck.current == len(screen.views) - 1


def test_mostly_vertical_moves_are_not_swipes(cards):
    shell, screen = cards
    swipe(screen.card_frame, -_mm(screen, 20), dy=_mm(screen, 40))
    assert shell.deck.current == 0
    assert not shell.deck.expanded


def test_a_finger_that_barely_moves_is_a_tap(cards):
    shell, screen = cards
    swipe(screen.card_frame, -_mm(screen, 2), steps=2)
    assert shell.deck.current == 0
    assert shell.deck.expanded


def test_mouse_drag_also_swipes(cards):
    shell, screen = cards
    mouse_drag(screen.card_frame, -_mm(screen, 40))
    assert shell.deck.current == 1


def test_tap_on_card_opens_it_and_close_button_closes(cards):
    shell, screen = cards
    view = screen.views[0]
    tap(view.front.text)
    assert shell.deck.expanded
    assert view.currentWidget() is view.back
    tap(view.back.close_button)
    assert not shell.deck.expanded
    assert view.currentWidget() is view.front


def test_details_button_opens_the_card(cards, qtbot):
    shell, screen = cards
    qtbot.mouseClick(screen.views[0].front.more, Qt.MouseButton.LeftButton)
    assert shell.deck.expanded


def test_arrows_and_numbers_move_between_cards(cards):
    shell, screen = cards
    tap(screen.next_button)
    assert shell.deck.current == 1
    tap(screen.prev_button, QPoint(10, 10))
    assert shell.deck.current == 0
    tap(screen.dots[3])
    assert shell.deck.current == 3


def test_open_card_shows_every_source_and_figure(cards, bundled):
    shell, screen = cards
    for i, card in enumerate(bundled.content.cards):
        back = screen.views[i].back
        assert [s.id for s in back.sources.sources] == [s.id for s in card.all_sources()]
        assert len(back.figures) == 1 + len(card.more_figures)
        assert back.differ_box.isVisibleTo(back) == bool(card.disagreement)


def test_derived_figure_shows_its_formula(cards):
    shell, screen = cards
    index = next(i for i, v in enumerate(screen.views) if v.front.card.id == "shared_cost")
    texts = [fv.origin.text() for fv in screen.views[index].back.figures]
    assert any("Computed for this exhibit: 26.94% × $6.45\u00a0billion" in t for t in texts)


def test_front_figure_names_its_source(cards):
    shell, screen = cards
    origin = screen.views[0].front.figure.origin.text()
    assert origin.startswith("Source: ") and "AFP" in origin


def test_drag_scrolls_an_open_card(cards, qtbot):
    shell, screen = cards
    shell.deck.set_expanded(True)
    back = screen.views[0].back
    bar = back.area.verticalScrollBar()
    assert bar.maximum() > 0
    swipe(back.detail, 0, dy=-200)
    assert bar.value() > 100
    flick = back.area.property("drag_scroller")._timer
    qtbot.waitUntil(lambda: not flick.isActive(), timeout=3000)


@pytest.mark.adversarial(item=9)
def test_a_png_picture_is_drawn_like_an_svg(make_shell, tmp_path):
    """The curator guide allows PNG pictures: the card shows one, in proportion."""
    import shutil

    from PySide6.QtGui import QColor, QImage

    from minusma_kiosk import resources
    from minusma_kiosk.app import load_with_fallback

    folder = tmp_path / "content"
    shutil.copytree(resources.content_dir(), folder)
    image = QImage(64, 32, QImage.Format.Format_RGB32)
    image.fill(QColor("#c03020"))
    assert image.save(str(folder / "images" / "photo.png"))
    cards = folder / "cards.toml"
    text = cards.read_text(encoding="utf-8")
    first = text.index('image = "images/')
    end = text.index('"', first + len('image = "'))
    cards.write_text(text[:first] + 'image = "images/photo.png' + text[end:], encoding="utf-8")
    loaded = load_with_fallback(folder, use_cache=False)
    assert loaded.rejected is None, loaded.rejected and loaded.rejected.problems
    shell = make_shell(loaded=loaded)
    shell.router.navigate(ScreenId.CARDS)
    screen = shell.router.screen(ScreenId.CARDS)
    drawn = screen.views[0].front.picture.pixmap().toImage()
    side = drawn.width()
    assert drawn.pixelColor(side // 2, side // 2) == QColor("#c03020")
    assert drawn.pixelColor(side // 2, 2).alpha() == 0  # 2:1 picture: the top stays clear
