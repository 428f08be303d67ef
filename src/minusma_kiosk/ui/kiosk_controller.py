"""Kiosk mode: the visitor's cycle (attract loop → visit → "Still there?" → reset) and the
staff's way in (a long press in the top-left corner → PIN pad → admin panel).

The controller holds the idle policy (how long a screen waits for a touch, the "Still
there?" warning, the reset) and puts together the parts that do one job each:
:class:`~minusma_kiosk.ui.attract_loop.AttractLoop`,
:class:`~minusma_kiosk.ui.staff_access.StaffAccess`,
:class:`~minusma_kiosk.ui.kiosk_input.KioskInput` (the application-wide input filter)
and :class:`~minusma_kiosk.kiosk.lockdown.Lockdown`. It sees the exhibit through its
typed :class:`~minusma_kiosk.ui.host.Host`, not the shell.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from minusma_kiosk.kiosk.lockdown import Lockdown
from minusma_kiosk.kiosk.system import memory_mb
from minusma_kiosk.state.idle import IdleMonitor
from minusma_kiosk.ui.attract_loop import AttractLoop
from minusma_kiosk.ui.host import Host
from minusma_kiosk.ui.kiosk_input import KioskInput
from minusma_kiosk.ui.router import ScreenId
from minusma_kiosk.ui.self_test_runner import SelfTestRunner
from minusma_kiosk.ui.staff_access import StaffAccess
from minusma_kiosk.ui.widgets.admin_panel import AdminInfo, AdminPanel
from minusma_kiosk.ui.widgets.attract_overlay import AttractOverlay
from minusma_kiosk.ui.widgets.idle_overlay import IdleOverlay
from minusma_kiosk.ui.widgets.pin_pad import PinPad

log = logging.getLogger(__name__)

# Screens where visitors explore (map, charts) get the shorter idle time.
EXPLORE = (ScreenId.TIMELINE, ScreenId.BUDGET)


@dataclass(frozen=True)
class KioskSettings:
    """Times and paths of kiosk mode (from the configuration)."""

    explore_ms: int = 60_000
    reading_ms: int = 90_000
    warning_ms: int = 20_000
    step_ms: int = 10_000
    hold_ms: int = 3_000
    pin_hash: str = ""
    config_path: Path | None = None
    log_dir: Path | None = None
    #: Where wrong PIN tries are kept across restarts (None: in memory only).
    pin_state_path: Path | None = None
    #: What staff should know about this machine (unwritable folders, a database moved
    #: aside, safe mode, configuration problems): the admin panel lists them.
    notices: tuple[str, ...] = ()


class KioskController(QObject):
    """Runs kiosk mode on the exhibit.

    Parameters
    ----------
    host
        The exhibit, as add-ons see it.
    settings
        Idle, warning, attract and admin times; the PIN hash.

    Signals
    -------
    visit_started()
        A visitor's first touch ended the attract loop.
    visit_ended(str)
        The visit ended: ``"idle"`` (nobody answered "Still there?").
    exit_requested()
        Staff asked to stop the exhibit.
    reload_requested()
        Staff asked to read the content again.
    setting_changed(str, str, object)
        Staff changed a setting (section, key, value); the app saves it.
    tapped(str)
        A visitor tapped a named button (its object name; for the visit counts).
    """

    tapped = Signal(str)
    visit_started = Signal()
    visit_ended = Signal(str)
    exit_requested = Signal()
    reload_requested = Signal()
    setting_changed = Signal(str, str, object)

    def __init__(self, host: Host, settings: KioskSettings) -> None:
        super().__init__(host)
        self.host = host
        self.settings = settings
        self.started_at = time.monotonic()
        self.monitor = IdleMonitor(settings.reading_ms, settings.warning_ms, self)
        self.loop = AttractLoop(host, settings.step_ms, self)
        self.idle_overlay = IdleOverlay(host.window, host.state,
                                        self.monitor.remaining_warning_ms)
        self.staff = StaffAccess(host, settings.pin_hash, settings.pin_state_path,
                                 settings.hold_ms, self._admin_facts, self)
        self.lockdown = Lockdown(self)
        self.input = KioskInput(host.window, self._on_input_activity, self)
        self._explore_ms, self._reading_ms = settings.explore_ms, settings.reading_ms
        self.monitor.warned.connect(self._on_monitor_warned)
        self.monitor.resumed.connect(self.idle_overlay.hide)
        self.monitor.expired.connect(self._on_monitor_expired)
        self.idle_overlay.continue_requested.connect(self.monitor.activity)
        self.staff.opened.connect(self.loop.hold)
        self.staff.closed.connect(self.loop.resume)
        self.staff.exit_requested.connect(self.exit_requested)
        self.staff.reload_requested.connect(self.reload_requested)
        self.staff.setting_changed.connect(self._on_staff_setting_changed)
        self.input.pressed.connect(self.staff.pressed)
        self.input.released.connect(self.staff.released)
        self.input.tapped.connect(self.tapped)
        host.screen_changed.connect(self._on_host_screen_changed)
        host.closing.connect(self.stop)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.lockdown)
        self.input.install()

    # --- the parts, by the names the app and the tests use ------------------------------
    @property
    def attract_overlay(self) -> AttractOverlay:
        return self.loop.overlay

    @property
    def pin_pad(self) -> PinPad:
        return self.staff.pin_pad

    @property
    def admin(self) -> AdminPanel:
        return self.staff.admin

    @property
    def self_test(self) -> SelfTestRunner:
        return self.staff.self_test

    # --- the visitor's cycle ---------------------------------------------------------
    @property
    def attracting(self) -> bool:
        """Whether the attract loop runs."""
        return self.loop.running

    def start_attract(self) -> None:
        """Play the exhibit on its own under "Touch the screen to explore"."""
        self.monitor.stop()
        self.idle_overlay.hide()
        self.loop.start()

    def enter_exhibit(self) -> None:
        """The first touch: stop playing, keep the screen the visitor saw, start counting."""
        if not self.loop.running:
            return
        self.loop.stop()
        self.monitor.start()
        self.visit_started.emit()

    def end_visit(self, why: str = "idle") -> None:
        """Back to the start for the next visitor, then the attract loop."""
        self.idle_overlay.hide()
        self.staff.hide()
        # The visit ends before the reset, so the reset's return to the default language
        # and display settings is not recorded as the visitor's choice.
        self.visit_ended.emit(why)
        self.host.reset_visit()
        self.start_attract()

    def _on_input_activity(self) -> bool:
        """Someone is there: the count starts again; the first touch ends the attract
        loop and goes no further."""
        self.monitor.activity()
        if self.loop.running:
            self.enter_exhibit()
            return True
        return False

    @property
    def idle_times_ms(self) -> tuple[int, int]:
        """How long the exploring and the reading screens wait for a touch."""
        return self._explore_ms, self._reading_ms

    def set_idle_times(self, explore_ms: int, reading_ms: int) -> None:
        """Idle times of the exploring and the reading screens (the admin panel changes them)."""
        self._explore_ms, self._reading_ms = explore_ms, reading_ms
        current = self.host.current
        if current is not None:
            self._on_host_screen_changed(current)

    def _on_host_screen_changed(self, sid: ScreenId) -> None:
        self.monitor.set_idle_ms(self._explore_ms if sid in EXPLORE else self._reading_ms)

    def _on_monitor_warned(self) -> None:
        self.staff.hide()
        self.idle_overlay.show_over()

    def _on_monitor_expired(self) -> None:
        self.end_visit("idle")

    # --- staff ---------------------------------------------------------------------------
    def open_pin_pad(self) -> None:
        """The corner was held: ask for the PIN."""
        self.staff.open_pin_pad()

    def open_admin(self) -> None:
        """Show the admin panel with the machine's current state."""
        self.staff.open_admin()

    def _admin_facts(self) -> AdminInfo:
        from minusma_kiosk import __version__
        from minusma_kiosk.kiosk.logs import last_lines

        lines = tuple(last_lines(self.settings.log_dir)) if self.settings.log_dir else ()
        return AdminInfo(
            app_version=__version__, content_version=self.host.content.site.version,
            uptime_s=time.monotonic() - self.started_at, memory_mb=memory_mb(),
            log_lines=lines, explore_s=self._explore_ms // 1000,
            reading_s=self._reading_ms // 1000,
            language=self.host.state.default_language, notices=self.settings.notices)

    def _on_staff_setting_changed(self, section: str, key: str, value: object) -> None:
        if (section, key) == ("idle", "explore_s"):
            self.set_idle_times(int(str(value)) * 1000, self._reading_ms)
        elif (section, key) == ("idle", "reading_s"):
            self.set_idle_times(self._explore_ms, int(str(value)) * 1000)
        elif (section, key) == ("exhibit", "language"):
            self.host.state.set_default_language(str(value))
        self.setting_changed.emit(section, key, value)

    # --- stopping --------------------------------------------------------------------------
    def quiet(self) -> None:
        """Nothing running and no overlay: out of the attract loop, no count, no panel."""
        self.loop.stop()
        self.monitor.stop()
        self.idle_overlay.hide()
        self.staff.hide()

    def stop(self) -> None:
        """Stop every timer and leave the application's events alone (the window closes)."""
        self.quiet()
        self.staff.stop()
        self.input.remove()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.lockdown)
