"""Render screens to images offscreen: the screenshot and self-test commands."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from minusma_kiosk.content.model import FIRST_DAY, LAST_DAY, Content, Lang, Text, TourStep
from minusma_kiosk.content.periods import reachable
from minusma_kiosk.ui.router import (
    Presents,
    Screen,
    ScreenId,
    Scrolls,
    ShowsHeld,
    ShowsSources,
)
from minusma_kiosk.ui.shell import Shell

if TYPE_CHECKING:
    from minusma_kiosk.ui.kiosk_controller import KioskController
    from minusma_kiosk.ui.presenter import Presenter

#: Screen diagonals assumed for the default screenshot sizes, so touch-target
#: sizes come out as on the real hardware: a 32" exhibit screen, a 15.6" laptop.
DIAGONALS = {(1920, 1080): 32.0, (1080, 1920): 32.0, (1366, 768): 15.6}


@dataclass(frozen=True)
class Shot:
    """One rendered state of one screen."""

    screen: str  # a ScreenId's value, or "kiosk" for the kiosk's overlays
    state: str
    image: QImage

    def name(self, size: tuple[int, int], lang: str, tag: str = "") -> str:
        """File name: ``cards-2-elections-open_1920x1080_en.png``; ``tag`` names display
        settings (``…_fr_text150-contrast.png``)."""
        suffix = f"_{tag}" if tag else ""
        return f"{self.screen}-{self.state}_{size[0]}x{size[1]}_{lang}{suffix}.png"


def settle() -> None:
    """Let layouts and style changes take effect before grabbing."""
    app = QApplication.instance()
    assert app is not None
    for _ in range(3):
        app.processEvents()


State = tuple[str, Callable[[], None]]


def screen_states(shell: Shell, sid: ScreenId) -> list[State]:
    """The states of screen ``sid`` worth a look, computed from the content loaded (a
    curator's folder gets its own): each a name and a function that shows it.

    Every screen: its start. The timeline: the first event of each era, the event with
    the longest text (in the language in force), the region with the most events, and
    the town and the region held by armed groups with the longest notes.
    The budget: every chart, a tapped value, a chart over time at its last year with a
    figure. The cards: each card, closed and opened. Home: its sources opened. A
    screen that scrolls: its end.
    """
    screen = shell.router.screen(sid)
    content = shell.content
    start = {ScreenId.HOME: "default", ScreenId.TIMELINE: "start",
             ScreenId.SOURCES: "top"}.get(sid, "start")
    out: list[State] = []
    if sid not in (ScreenId.BUDGET, ScreenId.CARDS):
        out.append((start, screen.reset))
    if isinstance(screen, Presents):
        steps = _steps(content, sid, shell.state.language)
        out += [(name, _presenting(screen, step)) for name, step in steps]
    if isinstance(screen, ShowsSources):
        out.append(("sources", lambda: screen.show_sources(True)))
    if isinstance(screen, ShowsHeld) and content.timeline is not None:
        # The town and the region held by armed groups with the longest note.
        lang = shell.state.language
        for kind in ("town", "region"):
            rows = [o for o in content.timeline.occupations
                    if (o.place is not None) == (kind == "town")]
            if rows:
                row = max(rows, key=lambda o: len(o.differ.get(lang)) + len(o.held_by.get(lang)))
                out.append((f"held-{row.id.replace('_', '-')}", _holding(screen, row.id)))
    if isinstance(screen, Scrolls):
        out.append(("end", lambda: screen.scroll_to(1.0)))
    return out


def _holding(screen: ShowsHeld, occupation_id: str) -> Callable[[], None]:
    return lambda: screen.show_held(occupation_id)


def _presenting(screen: Presents, step: TourStep) -> Callable[[], None]:
    return lambda: screen.present(step)


def _steps(content: Content, sid: ScreenId, lang: Lang) -> list[tuple[str, TourStep]]:
    """Tour steps that show a screen's telling states, from ``content``."""
    def step(**fields: Any) -> TourStep:
        return TourStep(sid.value, Text(""), **fields)

    out: list[tuple[str, TourStep]] = []
    if sid is ScreenId.TIMELINE and content.timeline is not None:
        events = content.timeline.events
        if not events:
            return out
        seen = set()
        for era in content.timeline.eras:
            first = next((e for e in events if era.start <= e.date <= era.end), None)
            if first is not None and first.id not in seen:
                seen.add(first.id)
                out.append((f"{era.start.year}-{era.id}", step(event=first)))
        longest = max(events, key=lambda e: len(e.text.get(lang)))
        if longest.id not in seen:
            out.append(("longest-text", step(event=longest)))
        regions = Counter(e.region for e in events if e.region is not None)
        if regions:
            region = regions.most_common(1)[0][0]
            first_there = next(e for e in events if e.region == region)
            out.append((f"region-{region.lower()}", step(region=region, event=first_there)))
    elif sid is ScreenId.BUDGET:
        for chart in content.charts:
            out.append((chart.id, step(chart=chart)))
        if content.charts:
            chart = content.charts[0]
            tapped = next((p for p in chart.points if p.figure is not None), None)
            if tapped is not None:
                out.append((f"{chart.id}-callout", step(chart=chart, year=tapped.key)))
        timed = next((c for c in content.charts if reachable(c, FIRST_DAY, LAST_DAY)), None)
        if timed is not None:
            years = [i for i in reachable(timed, FIRST_DAY, LAST_DAY)
                     if timed.points[i].figure is not None]
            if years:
                out.append((f"{timed.id}-year", step(chart=timed,
                                                       year=timed.points[years[-1]].key)))
    elif sid is ScreenId.CARDS:
        for i, card in enumerate(content.cards):
            out.append((f"{i + 1}-{card.id}", step(card=card)))
            out.append((f"{i + 1}-{card.id}-open", step(card=card, open=True)))
    return out


def kiosk_states(kiosk: KioskController) -> list[State]:
    """The kiosk's own views: the attract loop, "Still there?", the PIN pad (two digits
    typed) and the admin panel (then call ``kiosk.quiet()``)."""
    def attract() -> None:
        kiosk.quiet()
        kiosk.start_attract()
        kiosk.loop.hold()  # the first step, held still for the picture

    def still_there() -> None:
        kiosk.quiet()
        kiosk.host.show(ScreenId.HOME)
        kiosk.monitor.start()
        kiosk.monitor.warn_now()

    def pin_pad() -> None:
        kiosk.quiet()
        kiosk.open_pin_pad()
        if kiosk.staff.gate.configured:
            kiosk.pin_pad.press("1")
            kiosk.pin_pad.press("2")

    def admin() -> None:
        kiosk.quiet()
        kiosk.open_admin()

    return [("attract", attract), ("still-there", still_there), ("pin-pad", pin_pad),
            ("admin", admin)]


def presenter_states(presenter: Presenter) -> list[tuple[str, Callable[[], None],
                                                           Callable[[], QWidget | None] | None]]:
    """Some tour steps and the notes window (the black screen is black: nothing to look
    at): name, how to show it, and which window to grab (None: the exhibit's)."""
    steps = len(presenter.steps)
    out: list[tuple[str, Callable[[], None], Callable[[], QWidget | None] | None]] = []
    for i in sorted({1, steps // 2} & set(range(steps))):
        out.append((f"step-{i + 1}", partial(presenter.tour.go, i), None))

    def notes() -> None:
        presenter.tour.set_blank(False)
        presenter.open_notes()
        presenter.tour.go(1 if steps > 1 else 0)

    out.append(("notes", notes, lambda: presenter.notes))
    return out


KIOSK = "kiosk"
PRESENTER = "presenter"
ACCESS = "access"


def visit_states(shell: Shell, only: list[str] | None = None
                 ) -> Iterator[tuple[str, str, QWidget]]:
    """Show every registered screen (or ``only`` those, by name) in every state, then the
    display settings panel; in kiosk mode also the attract loop, "Still there?", the PIN
    pad and the admin panel; in presenter mode some tour steps, the blank screen and the
    notes window. Yields ``(screen, state, widget to grab)`` while each is shown."""
    for sid in shell.router.registered():
        if only and sid.value not in only:
            continue
        shell.router.navigate(sid)
        screen: Screen = shell.router.screen(sid)
        for state, show in screen_states(shell, sid):
            show()
            settle()
            yield sid.value, state, shell
        screen.reset()
    if not only or ACCESS in only:
        shell.open_access_panel()
        settle()
        yield ACCESS, "panel", shell
        assert shell.access_panel is not None
        shell.access_panel.hide()
    kiosk = shell.kiosk
    if kiosk is not None and (not only or KIOSK in only):
        for state, show in kiosk_states(kiosk):
            show()
            settle()
            yield KIOSK, state, shell
        kiosk.quiet()
    presenter = shell.presenter
    if presenter is not None and (not only or PRESENTER in only):
        for state, show, target in presenter_states(presenter):
            show()
            settle()
            widget = target() if target is not None else None
            yield PRESENTER, state, widget or shell
        presenter.quiet()


def shots(shell: Shell, only: list[str] | None = None) -> Iterator[Shot]:
    """Every state of :func:`visit_states`, grabbed."""
    for screen, state, widget in visit_states(shell, only):
        yield Shot(screen, state, widget.grab().toImage())


def is_blank(image: QImage) -> bool:
    """True if an image has (almost) a single colour: nothing was drawn."""
    if image.isNull() or image.width() < 2 or image.height() < 2:
        return True
    colours = set()
    step_x, step_y = max(1, image.width() // 40), max(1, image.height() // 40)
    for y in range(0, image.height(), step_y):
        for x in range(0, image.width(), step_x):
            colours.add(image.pixel(x, y))
            if len(colours) > 3:
                return False
    return True
