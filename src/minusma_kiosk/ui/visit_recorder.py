"""Feeds the kiosk's visit counts (:mod:`minusma_kiosk.kiosk.analytics`) from the exhibit's
signals: visits, screens, named buttons, events and cards opened, languages."""

from __future__ import annotations

from PySide6.QtCore import QObject

from minusma_kiosk.kiosk.analytics import Analytics
from minusma_kiosk.state.app_state import SETTINGS, Aspect, DisplayChange
from minusma_kiosk.ui.display import follow
from minusma_kiosk.ui.host import Host
from minusma_kiosk.ui.kiosk_controller import KioskController
from minusma_kiosk.ui.router import ScreenId


class VisitRecorder(QObject):
    """Listens to the exhibit and its kiosk mode and records what visitors did,
    anonymously.

    Parameters
    ----------
    host
        The exhibit, as add-ons see it.
    kiosk
        Kiosk mode (visits, taps).
    analytics
        Where to record.
    """

    def __init__(self, host: Host, kiosk: KioskController, analytics: Analytics) -> None:
        super().__init__(host)
        self.analytics = analytics
        self._host = host
        self._previous_access = host.state.access
        kiosk.visit_started.connect(self._on_kiosk_visit_started)
        kiosk.visit_ended.connect(self._on_kiosk_visit_ended)
        kiosk.tapped.connect(self._on_kiosk_tapped)
        host.screen_changed.connect(self._on_host_screen_changed)
        host.closing.connect(self.close)
        follow(self, host.state, Aspect.LANGUAGE | SETTINGS, self._on_display_changed,
               now=False)
        host.deck.current_changed.connect(self._on_deck_current_changed)
        if host.time_cursor is not None:
            host.time_cursor.selection_changed.connect(self._on_cursor_selection_changed)

    def _on_kiosk_visit_started(self) -> None:
        self.analytics.start_session(self._host.state.language)
        current = self._host.current
        if current is not None:
            self.analytics.screen(current.value)

    def _on_kiosk_visit_ended(self, why: str) -> None:
        self.analytics.end_session(why)

    def _on_kiosk_tapped(self, name: str) -> None:
        self.analytics.record("tap", name)

    def _on_host_screen_changed(self, sid: ScreenId) -> None:
        self.analytics.screen(sid.value)

    def _on_display_changed(self, change: DisplayChange) -> None:
        """The language, or a display setting the visitor chose, as ``name=value`` (the
        reset to the defaults comes after the visit ended, so it is not recorded)."""
        if Aspect.LANGUAGE in change:
            self.analytics.record("language", change.display.language)
        access = change.display.access
        for name in access.differences(self._previous_access):
            value = access.value(name)
            shown = ("on" if value else "off") if isinstance(value, bool) else str(value)
            self.analytics.record("setting", f"{name}={shown}")
        self._previous_access = access

    def _on_deck_current_changed(self, index: int) -> None:
        cards = self._host.content.cards
        if 0 <= index < len(cards):
            self.analytics.record("card", cards[index].id)

    def _on_cursor_selection_changed(self, event) -> None:  # Event | None
        if event is not None:
            self.analytics.record("event", event.id)

    def close(self) -> None:
        """The exhibit stops: end the visit and close the file."""
        self.analytics.close()
