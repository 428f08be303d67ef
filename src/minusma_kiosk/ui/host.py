"""What the add-ons (kiosk mode, the presenter, the visit recorder) may ask of the
exhibit, and what they are told: a typed interface the shell gives them, instead of
the shell itself.

An add-on may show a screen, let the shown screen play on its own or present a tour
step, reset the visit, draw over the window and add a bar above the navigation; it
is told when the screen or the content changes, when the window closes, and it may
read the display state, the content, the card deck and the time cursor.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from minusma_kiosk.content.model import Content, TourStep
from minusma_kiosk.state.app_state import AppState
from minusma_kiosk.state.card_deck import CardDeck
from minusma_kiosk.state.timeline_state import TimelineState
from minusma_kiosk.ui.router import Attracts, Presents, Router, ScreenId


class Host(QObject):
    """The exhibit, as its add-ons see it.

    Parameters
    ----------
    window
        The exhibit's window: add-ons draw their overlays over it, and the kiosk tells
        its input from other windows' by it.
    state
        The display state (language, display settings, the window's size).
    router
        The screens.
    content
        The content shown (new content arrives with :attr:`content_changed`).
    deck, time_cursor
        The shared card deck and time cursor (``time_cursor`` None without a timeline).
    reset_visit
        Puts everything back for the next visitor.
    add_bar
        Puts a widget above the navigation bar.

    Signals
    -------
    screen_changed(object)
        Another screen is shown (its :class:`ScreenId`).
    content_changed(object)
        New content is shown (the curator preview), a :class:`Content`.
    closing()
        The window is closing: stop every timer and leave the application's input alone.
    """

    screen_changed = Signal(object)
    content_changed = Signal(object)
    closing = Signal()

    def __init__(self, window: QWidget, state: AppState, router: Router, content: Content,
                 deck: CardDeck, time_cursor: TimelineState | None,
                 reset_visit: Callable[[], None], add_bar: Callable[[QWidget], None]) -> None:
        super().__init__(window)
        self.window = window
        self.state = state
        self.deck = deck
        self.time_cursor = time_cursor
        self._router = router
        self._content = content
        self._reset_visit = reset_visit
        self._add_bar = add_bar
        router.screen_changed.connect(self.screen_changed)

    # --- what add-ons read ------------------------------------------------------------
    @property
    def content(self) -> Content:
        """The content shown."""
        return self._content

    @property
    def current(self) -> ScreenId | None:
        """The screen shown."""
        return self._router.current

    def screens(self) -> list[ScreenId]:
        """The exhibit's screens, in navigation order."""
        return self._router.registered()

    # --- what add-ons may ask ---------------------------------------------------------------
    def show(self, sid: ScreenId) -> None:
        """Show screen ``sid``."""
        self._router.navigate(sid)

    def attract(self, on: bool) -> None:
        """Let the screen shown play on its own (``on``), or stop it (if it can)."""
        if self._router.current is not None:
            screen = self._router.screen(self._router.current)
            if isinstance(screen, Attracts):
                screen.attract(on)

    def present(self, step: TourStep) -> None:
        """Show a step of the presenter's tour: its screen, showing what it asks (a
        screen that presents nothing shows its start)."""
        sid = ScreenId(step.screen)
        if sid not in self._router.registered():
            return
        self._router.navigate(sid)
        screen = self._router.screen(sid)
        if isinstance(screen, Presents):
            screen.present(step)
        else:
            screen.reset()

    def reset_visit(self) -> None:
        """Everything back to how the next visitor should find it."""
        self._reset_visit()

    def add_bar(self, widget: QWidget) -> None:
        """Put ``widget`` above the navigation bar (the presenter's step indicator)."""
        self._add_bar(widget)

    # --- what the shell tells ---------------------------------------------------------------
    def new_content(self, content: Content, time_cursor: TimelineState | None) -> None:
        """The shell shows new content (then :attr:`content_changed`)."""
        self._content = content
        self.time_cursor = time_cursor
        self.content_changed.emit(content)
