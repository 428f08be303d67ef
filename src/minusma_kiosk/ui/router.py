"""Navigation: which screen is shown. The router is the only thing that switches screens.

Screens never import each other: a screen that wants another one emits
``navigate_requested(ScreenId)`` and the router, wired up by the shell, obeys.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from minusma_kiosk.content.model import TourStep
from minusma_kiosk.state.app_state import DisplayGate, DisplaySource
from minusma_kiosk.ui.display import StyleRoot, style_root


class ScreenId(enum.Enum):
    """Every screen of the exhibit, in navigation order."""

    HOME = "home"
    TIMELINE = "timeline"
    BUDGET = "budget"
    CARDS = "cards"
    SOURCES = "sources"


def screen_title(sid: ScreenId) -> str:
    """The translated name of a screen, as shown in the navigation bar."""
    titles = {
        ScreenId.HOME: QCoreApplication.translate("Navigation", "Home"),
        ScreenId.TIMELINE: QCoreApplication.translate("Navigation", "Timeline"),
        ScreenId.BUDGET: QCoreApplication.translate("Navigation", "Budget"),
        ScreenId.CARDS: QCoreApplication.translate("Navigation", "Why it mattered"),
        ScreenId.SOURCES: QCoreApplication.translate("Navigation", "Sources"),
    }
    return titles[sid]


class Screen(QWidget):
    """Base of every screen: its lifecycle, and nothing per mode.

    Subclasses set :attr:`screen_id` and build their widgets in ``__init__`` from the
    model objects they are given. The lifecycle: :meth:`on_enter` when shown,
    :meth:`on_leave` when hidden, :meth:`reset` for the next visitor; new content
    makes the screen again (:class:`KeepsPlace` keeps the visitor's place). What a
    screen can do beyond that is a typed capability it implements: :class:`Presents`
    (a step of the presenter's tour), :class:`Attracts` (the attract loop),
    :class:`Speaks` (read aloud), :class:`Scrolls`.

    The screen and its views follow :attr:`display` (``ui.display.follow_metrics(self,
    self.display, …)``): a gate on the exhibit's display state that the router opens
    while the screen is shown, so a hidden screen restyles once, when it is shown again.

    Parameters
    ----------
    display
        The exhibit's display state.

    Signals
    -------
    navigate_requested(object)
        The screen asks the router to show another screen (a :class:`ScreenId`).
    """

    navigate_requested = Signal(object)
    screen_id: ScreenId

    def __init__(self, display: DisplaySource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "screen")
        self.setObjectName(type(self).__name__)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        #: What this screen's views follow: the display, held back while hidden.
        self.display = DisplayGate(display, parent=self)
        #: The style sheet on this screen (first of the gate's followers).
        self.style_root: StyleRoot = style_root(self, self.display)

    def on_enter(self) -> None:
        """Called when the screen becomes visible: start timers and animations."""

    def on_leave(self) -> None:
        """Called when the screen is hidden: stop timers and animations."""

    def reset(self) -> None:
        """Return to the screen's initial state (idle reset, presenter 'Home')."""


@runtime_checkable
class Presents(Protocol):
    """A screen that shows what a step of the presenter's tour asks (a date, an event,
    a region, a chart and year, a card); the fields that do not concern it are ignored.
    (A screen without it shows its start for a step.)"""

    def present(self, step: TourStep) -> None:
        ...


@runtime_checkable
class Attracts(Protocol):
    """A screen the attract loop shows: it plays on its own while ``on``."""

    def attract(self, on: bool) -> None:
        ...


@runtime_checkable
class Speaks(Protocol):
    """A screen with something to read aloud: the card or event the visitor is reading,
    in the current language ("" if nothing)."""

    def spoken_text(self) -> str:
        ...


@runtime_checkable
class ShowsSources(Protocol):
    """A screen with a "Sources" toggle for what it shows (the home screen)."""

    def show_sources(self, on: bool) -> None:
        ...


@runtime_checkable
class ShowsHeld(Protocol):
    """A screen that tells who held a town or region (the timeline): ``show_held`` moves
    to a date in the period of the row ``occupation_id`` of occupation.csv and shows it,
    as a tap on the map does."""

    def show_held(self, occupation_id: str) -> None:
        ...


@runtime_checkable
class Scrolls(Protocol):
    """A screen whose content scrolls: ``scroll_to(0.0)`` is the top, ``1.0`` the end."""

    def scroll_to(self, fraction: float) -> None:
        ...


@runtime_checkable
class KeepsPlace(Protocol):
    """A screen that, made again for new content, can return the visitor to where
    they were (the chart and the tapped year, the card, the scroll position).

    :meth:`place` describes it in content terms (ids, not indices or widgets), so
    :meth:`restore` on the new screen finds it again where it still exists and ignores
    it where it does not.
    """

    def place(self) -> object:
        """Where the visitor is on this screen."""
        ...

    def restore(self, place: object) -> None:
        """Go back to ``place`` (from :meth:`place` of the screen this one replaces)."""
        ...


class Router(QObject):
    """Owns the stack of screens; builds each screen the first time it is shown.

    Parameters
    ----------
    stack
        Where the screens live.

    Signals
    -------
    screen_changed(object)
        The shown screen changed (its :class:`ScreenId`).
    """

    screen_changed = Signal(object)

    def __init__(self, stack: QStackedWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stack = stack
        self._factories: dict[ScreenId, Callable[[QWidget], Screen]] = {}
        self._screens: dict[ScreenId, Screen] = {}
        self._current: ScreenId | None = None

    def register(self, sid: ScreenId, factory: Callable[[QWidget], Screen]) -> None:
        """Make a screen available; ``factory(parent)`` builds it on first use, as a
        child of ``parent`` (the stack: a screen moved in once made is styled twice)."""
        self._factories[sid] = factory

    def unregister_all(self) -> None:
        """Forget every factory (new content with other screens registers its own;
        :meth:`new_content` then makes the screens again)."""
        self._factories.clear()

    def registered(self) -> list[ScreenId]:
        """Registered screens in navigation order."""
        return [sid for sid in ScreenId if sid in self._factories]

    def built(self) -> list[Screen]:
        """Screens built so far."""
        return list(self._screens.values())

    @property
    def current(self) -> ScreenId | None:
        """The shown screen."""
        return self._current

    def screen(self, sid: ScreenId) -> Screen:
        """Return the screen ``sid``, building it if needed."""
        if sid not in self._screens:
            if sid not in self._factories:
                known = ", ".join(s.value for s in self.registered())
                raise KeyError(f"screen {sid.value!r} is not registered; registered: {known}")
            screen = self._factories[sid](self._stack)
            screen.navigate_requested.connect(self.navigate)
            self._stack.addWidget(screen)
            self._screens[sid] = screen
        return self._screens[sid]

    def new_content(self, update_state: Callable[[], None] = lambda: None) -> None:
        """Make every screen built so far again, from its factory (new content), each
        where the visitor was (:class:`KeepsPlace`), and show the current one again.

        The old screens are gone before ``update_state`` runs (it gives the shared state,
        such as the time cursor, the new content), so none of them hears of content it
        was not made from."""
        places: dict[ScreenId, object | None] = {}
        for sid, old in self._screens.items():
            places[sid] = old.place() if isinstance(old, KeepsPlace) else None
            if sid == self._current:
                old.on_leave()
            old.display.close()
            self._stack.removeWidget(old)
            old.deleteLater()
        self._screens.clear()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        update_state()
        for sid, place in places.items():
            if sid not in self._factories:
                continue
            screen = self.screen(sid)
            if place is not None and isinstance(screen, KeepsPlace):
                screen.restore(place)
        current = self._current
        if current is None:
            return
        if current not in self._factories:  # the new content has no such screen
            self._current = None
            self.navigate(self.registered()[0])
            return
        target = self.screen(current)
        target.display.open()
        self._stack.setCurrentWidget(target)
        target.on_enter()

    def navigate(self, sid: ScreenId) -> None:
        """Show screen ``sid``: ``on_leave`` on the old one, ``on_enter`` on the new one.

        The old screen's display gate closes; the new one's opens before it is shown,
        so it is restyled for what changed while it was hidden, then laid out once."""
        if sid == self._current:
            return
        target = self.screen(sid)
        if self._current is not None:
            old = self._screens[self._current]
            old.on_leave()
            old.display.close()
        self._current = sid
        target.display.open()
        self._stack.setCurrentWidget(target)
        target.on_enter()
        self.screen_changed.emit(sid)
