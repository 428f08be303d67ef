"""Curator preview (``--watch``): an edit to any content file shows on every screen,
the visitor keeps their place where it still exists, and a broken edit leaves the last
good content on screen with the banner."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from minusma_kiosk import resources
from minusma_kiosk.app import load_with_fallback
from minusma_kiosk.ui.capture import settle
from minusma_kiosk.ui.router import ScreenId
from tests.ui.touch import tap

RELOAD_MS = 3000  # the watcher waits 250 ms, then loads and checks the whole folder


@pytest.fixture
def watched(tmp_path, make_shell):
    """A shell on a copy of the bundled content, watching it: (shell, folder)."""
    folder = tmp_path / "content"
    shutil.copytree(resources.content_dir(), folder)
    shell = make_shell(loaded=load_with_fallback(folder, use_cache=False), watch=True)
    yield shell, folder
    # The watcher's debounce timer must not outlive the test.
    shell.watcher.stop()


def edit_row(path: Path, row_id: str, **values: str) -> None:
    """Change some fields of one row of a CSV file, as a spreadsheet would save it."""
    text = path.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    fields = list(rows[0])
    row = next(r for r in rows if r["id"] == row_id)
    row.update(values)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def edit_text(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def reload(qtbot, shell, change) -> None:
    """Make ``change`` to the files and wait until every screen shows the new content."""
    with qtbot.waitSignal(shell.host.content_changed, timeout=RELOAD_MS):
        change()
    settle()


def test_an_edited_event_shows_on_the_timeline_where_the_visitor_was(watched, qtbot):
    shell, folder = watched
    shell.router.navigate(ScreenId.TIMELINE)
    settle()
    event = shell.time_cursor.timeline.events[5]
    shell.time_cursor.select(event)
    settle()
    title = event.title.en + " (edited)"
    reload(qtbot, shell, lambda: edit_row(folder / "events.csv", event.id, title_en=title))
    screen = shell.router.screen(ScreenId.TIMELINE)
    assert shell.router.current is ScreenId.TIMELINE and screen.isVisible()
    assert shell.time_cursor.selected is not None and shell.time_cursor.selected.id == event.id
    assert shell.time_cursor.date == event.date
    assert screen.panel.title.text() == title
    assert screen.panel.title.isVisible()


def test_an_edited_card_shows_and_the_open_card_stays_open(watched, qtbot):
    shell, folder = watched
    shell.router.navigate(ScreenId.CARDS)
    cards = shell.content.cards
    shell.deck.go_to(2)
    shell.deck.set_expanded(True)
    settle()
    old = cards[2].headline.en
    reload(qtbot, shell, lambda: edit_text(folder / "cards.toml", f'headline.en = "{old}"',
                                           f'headline.en = "{old} now"'))
    screen = shell.router.screen(ScreenId.CARDS)
    assert shell.deck.current == 2 and shell.deck.expanded
    assert screen.views[2].front.headline.text() == f"{old} now"
    assert screen.views[2].currentWidget() is screen.views[2].back


def test_an_edited_introduction_shows_on_the_home_screen(watched, qtbot):
    shell, folder = watched
    old = shell.content.site.title.en
    reload(qtbot, shell, lambda: edit_text(folder / "site.toml", f'title.en = "{old}"',
                                           'title.en = "Mali, 2012 to 2023"'))
    home = shell.router.screen(ScreenId.HOME)
    assert home.title.text() == "Mali, 2012 to 2023" and home.title.isVisible()


def test_a_chart_keeps_the_chart_and_the_tapped_year(watched, qtbot):
    shell, folder = watched
    shell.router.navigate(ScreenId.BUDGET)
    screen = shell.router.screen(ScreenId.BUDGET)
    chart = next(c for c in screen.charts if c.axis.value == "fiscal_year")
    screen.show_chart(chart)
    index = next(i for i, p in enumerate(chart.points) if p.figure is not None)
    screen.select_point(index)
    figure = chart.points[index].figure
    place = screen.place()
    new_value = figure.value + 1
    reload(qtbot, shell, lambda: edit_row(folder / "figures.csv", figure.id,
                                          value=f"{new_value:.0f}"))
    screen = shell.router.screen(ScreenId.BUDGET)
    assert screen.place() == place  # the same chart, the same year tapped
    assert screen.chart_plot.heights[index] == new_value
    prompt = screen.tr("Tap a bar or a point")
    assert screen.callout_value.text() != prompt and screen.callout_source.text()


def test_a_source_edit_shows_on_the_sources_screen(watched, qtbot):
    shell, folder = watched
    shell.router.navigate(ScreenId.SOURCES)
    settle()
    src = shell.content.sources_in_use()[0]
    reload(qtbot, shell, lambda: edit_row(folder / "sources.csv", src.id,
                                          title=src.title + " (revised)"))
    screen = shell.router.screen(ScreenId.SOURCES)
    shown = [w.text() for w in screen.sources.findChildren(type(screen.title))]
    assert any(f"{src.title} (revised)" in t for t in shown)


def test_a_broken_edit_keeps_the_last_good_content_on_every_screen(watched, qtbot):
    shell, folder = watched
    shell.router.navigate(ScreenId.TIMELINE)
    settle()
    screen = shell.router.screen(ScreenId.TIMELINE)
    event = shell.time_cursor.timeline.events[0]
    shell.time_cursor.select(event)
    settle()
    shown = screen.panel.title.text()
    edit_row(folder / "events.csv", event.id, date="2012-02-31")
    qtbot.waitUntil(lambda: shell.banner is not None and shell.banner.isVisible(),
                    timeout=RELOAD_MS)
    assert "events.csv" in shell.banner.text.text() or "not applied" in shell.banner.text.text()
    assert shell.router.screen(ScreenId.TIMELINE) is screen  # not made again
    assert screen.panel.title.text() == shown
    # Mended: the banner goes and the content is the file's again.
    reload(qtbot, shell, lambda: edit_row(folder / "events.csv", event.id,
                                          date=event.date.isoformat()))
    assert not shell.banner.isVisible()


def test_an_edit_reaches_screens_not_yet_shown_and_the_nav_still_works(watched, qtbot):
    shell, folder = watched
    old = shell.content.cards[0].headline.en
    reload(qtbot, shell, lambda: edit_text(folder / "cards.toml", f'headline.en = "{old}"',
                                           f'headline.en = "{old} again"'))
    tap(shell.nav.buttons[ScreenId.CARDS])
    settle()
    assert shell.router.current is ScreenId.CARDS
    screen = shell.router.screen(ScreenId.CARDS)
    assert screen.views[0].front.headline.text() == f"{old} again"


def test_every_content_file_is_watched(watched):
    from minusma_kiosk.content.files import CONTENT_FILES

    shell, folder = watched
    watching = set(shell.watcher._watcher.files())
    missing = [name for name in CONTENT_FILES
               if (folder / name).exists() and str(folder / name) not in watching]
    assert missing == []


def test_the_presenter_s_tour_follows_an_edit_at_the_same_step(tmp_path, make_shell, qtbot):
    folder = tmp_path / "content"
    shutil.copytree(resources.content_dir(), folder)
    shell = make_shell(loaded=load_with_fallback(folder, use_cache=False), watch=True,
                       mode="present")
    presenter = shell.presenter
    presenter.start(notes_window=False)
    presenter.tour.go(1)
    settle()
    old = presenter.steps[1].title.en
    reload(qtbot, shell, lambda: edit_text(folder / "tour.toml", f'title.en = "{old}"',
                                           'title.en = "Soldiers seize power in Bamako"'))
    assert presenter.tour.index == 1
    assert presenter.indicator.text().endswith("Soldiers seize power in Bamako")
    assert shell.router.current is ScreenId(presenter.steps[1].screen)
    presenter.stop()
    shell.watcher.stop()
