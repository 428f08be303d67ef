"""Who held what, when (issue #14 item 3): towns and regions held by armed groups are
hatched on the map at the dates of ``occupation.csv``, and a tap on one tells who held
it, from when to when, where the sources differ, and the sources."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPointF

from minusma_kiosk.ui.audit import hidden_primary_texts
from minusma_kiosk.ui.capture import settle
from minusma_kiosk.ui.screens.timeline import TimelineScreen
from tests.ui.test_timeline_layout import SIZE_IDS, SIZES, timeline
from tests.ui.touch import tap


def region_point(screen: TimelineScreen, region: str) -> QPointF:
    """A view point inside ``region``, far (12 mm) from every mark and name."""
    view = screen.map
    far = 12 * view.px_per_mm
    marks = [QPointF(view.mapFromScene(m.pos())) for m in view.markers.marks()]
    step = 8
    for y in range(0, view.viewport().height(), step):
        for x in range(0, view.viewport().width(), step):
            at = QPointF(x, y)
            scene = view.mapToScene(at.toPoint())
            found = view.map_data.region_at(scene.x(), -scene.y())
            if found is not None and found.name == region and \
                    all((m - at).manhattanLength() > far for m in marks):
                return at
    raise AssertionError(f"no free point in {region}")


def test_the_north_is_hatched_from_the_fall_of_its_towns_to_their_recapture(make_shell):
    shell = make_shell()
    screen = timeline(shell)
    cursor = shell.host.time_cursor
    cursor.set_date(dt.date(2012, 3, 1))
    assert screen.map.held_regions == ()
    cursor.set_date(dt.date(2012, 8, 1))
    assert set(screen.map.held_regions) == {"Kidal", "Gao", "Timbuktu"}
    cursor.set_date(dt.date(2013, 2, 15))
    assert screen.map.held_regions == ("Kidal",)
    cursor.set_date(dt.date(2013, 8, 1))
    assert screen.map.held_regions == ()
    held = {o.id: item for o, item in screen.map.held_markers}
    cursor.set_date(dt.date(2020, 6, 1))
    assert held["occ_kidal_2014"].isVisible() and not held["occ_kidal"].isVisible()
    cursor.set_date(dt.date(2023, 11, 20))
    assert not any(item.isVisible() for item in held.values())


def test_a_held_region_is_drawn_hatched(make_shell):
    """The hatching is drawn (lines of the held colour inside the region), not only a
    tint: compare the region's pixels with and without it."""
    shell = make_shell()
    screen = timeline(shell)
    cursor = shell.host.time_cursor
    at = region_point(screen, "Gao").toPoint()
    box = (at.x() - 30, at.y() - 30, 60, 60)

    def distinct_colours() -> int:
        settle()
        image = screen.map.grab(screen.map.rect()).toImage().copy(*box)
        return len({image.pixel(x, y) for x in range(60) for y in range(60)})

    cursor.set_date(dt.date(2014, 1, 1))
    plain = distinct_colours()
    cursor.set_date(dt.date(2012, 8, 1))
    assert distinct_colours() > plain


def test_tapping_a_held_region_tells_who_held_it_when_and_the_sources(make_shell, qtbot):
    shell = make_shell()
    screen = timeline(shell)
    shell.host.time_cursor.set_date(dt.date(2012, 8, 1))
    settle()
    tap(screen.map.viewport(), region_point(screen, "Gao").toPoint())
    qtbot.waitUntil(lambda: screen.held is not None)
    assert screen.held.id == "reg_gao_2012"
    note = screen.held_note
    assert note.isVisible()
    assert note.heading.text() == "Gao region: held by armed groups"
    text = note.text.text()
    assert "31 March 2012" in text and "26 January 2013" in text
    assert "Sources differ" in text and "26 June" in text
    assert "AP, 1 April 2012" in text and "The Scotsman, January 2013" in text
    # The legend gives way to the answer, and comes back when the period ends.
    assert not screen.legend.isVisible()
    shell.host.time_cursor.set_date(dt.date(2013, 3, 1))
    settle()
    assert screen.held is None and not note.isVisible() and screen.legend.isVisible()


def test_tapping_a_region_not_held_shows_no_holder(make_shell, qtbot):
    shell = make_shell()
    screen = timeline(shell)
    shell.host.time_cursor.set_date(dt.date(2012, 8, 1))
    settle()
    tap(screen.map.viewport(), region_point(screen, "Ségou").toPoint())
    qtbot.waitUntil(lambda: shell.host.time_cursor.region == "Ségou")
    assert screen.held is None and not screen.held_note.isVisible()


def test_the_held_town_of_kidal_2014_to_2023_in_french(make_shell, qtbot):
    shell = make_shell(lang="fr")
    screen = timeline(shell)
    screen.show_held("occ_kidal_2014")
    settle()
    note = screen.held_note
    assert note.heading.text() == "Kidal\u202f: tenue par des groupes armés"
    text = note.text.text()
    assert "21 mai 2014" in text and "14 novembre 2023" in text
    assert "Reuters, 23 mai 2014\u202f; AP, 14 novembre 2023" in text
    assert "Les sources divergent" in text and "une dizaine d'années" in text


@pytest.mark.parametrize("text_size", [100, 125, 150])
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(("size", "diagonal"), SIZES, ids=SIZE_IDS)
def test_who_held_it_shows_whole_at_every_size(make_shell, size, diagonal, lang, text_size):
    shell = make_shell(size=size, lang=lang, diagonal_inches=diagonal)
    shell.state.set_access(text_size=text_size)
    screen = timeline(shell)
    for occ in shell.host.time_cursor.timeline.occupations:
        screen.show_held(occ.id)
        settle()
        note = screen.held_note
        if not note.isVisible():
            # No room over the map at all: the answer opened on its own page.
            assert text_size == 150, f"{occ.id}: the note gave way"
            read_whole(screen, note.texts)
            continue
        assert note.geometry().bottom() < screen.map.height()
        assert note.height() >= note.height_for(note.width()), occ.id
        assert hidden_primary_texts(shell) == [], occ.id
        if note.short:
            # The rest is one tap away, whole.
            # Whole on the 1080p and 4K landscape screens up to 125 %.
            assert text_size == 150 or size in ((1080, 1920), (1366, 768)), \
                f"{occ.id}: short at {text_size}"
            assert note.more.isVisible() and note.more.height() >= 9 * screen.map.px_per_mm - 1
            tap(note.more)
            read_whole(screen, note.texts)


def read_whole(screen: TimelineScreen, texts) -> None:
    """The "Read more" page is open with every text of the note, each whole; Back
    closes it."""
    reader = screen.reader
    assert reader is not None and reader.isVisible()
    assert reader.heading.text() == texts.heading
    shown = []
    for _ in range(reader.page_count):
        assert hidden_primary_texts(reader) == []
        shown += reader.shown_texts
        reader.turn(+1)
    assert texts.when in shown and all(s in " ".join(shown) for s in texts.full_sources)
    if texts.differ:
        assert texts.differ in shown
    # A click, not a tap: taps on the same button in quick succession, one per row,
    # would make a double click.
    reader.back_button.click()
    assert not reader.isVisible()


def test_a_reader_page_opened_again_at_once_shows_only_its_new_blocks(make_shell):
    """Opening the page for another note in the same turn of the event loop left the
    old blocks laid out under the new ones (they were deleted only later)."""
    from PySide6.QtWidgets import QLabel

    from minusma_kiosk.ui.widgets.reader_page import Block, ReaderPage

    shell = make_shell()
    reader = ReaderPage(shell, timeline(shell).display)
    reader.open("First", [Block("old text one", "body"), Block("old text two", "body")],
                "Back")
    reader.open("Second", [Block("new text", "body")], "Back")
    shown = [lab.text() for lab in reader.findChildren(QLabel) if lab.isVisible()]
    assert "new text" in shown and not any(t.startswith("old text") for t in shown)
