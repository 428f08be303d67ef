"""Kiosk mode: the visitor's cycle (attract loop → visit → "Still there?" → reset) and the
staff's way in (a long press in the top-left corner → PIN pad → admin panel).

One application-wide event filter sees every touch, click and key: it tells the
idle monitor someone is there, ends the attract loop on the first touch (that
touch goes no further, so it cannot press a button the visitor did not see),
times the corner press, and hides the pointer while fingers are used.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QSinglePointEvent, QTouchEvent
from PySide6.QtWidgets import QAbstractButton, QApplication

from minusma_kiosk.kiosk.lockdown import Lockdown
from minusma_kiosk.kiosk.pin import PinGate
from minusma_kiosk.kiosk.system import memory_mb
from minusma_kiosk.state.idle import IdleMonitor
from minusma_kiosk.ui.display import metrics_of
from minusma_kiosk.ui.router import Attracts, ScreenId
from minusma_kiosk.ui.self_test_runner import SelfTestRunner
from minusma_kiosk.ui.widgets.admin_panel import AdminInfo, AdminPanel
from minusma_kiosk.ui.widgets.attract_overlay import AttractOverlay
from minusma_kiosk.ui.widgets.idle_overlay import IdleOverlay
from minusma_kiosk.ui.widgets.pin_pad import PinPad

log = logging.getLogger(__name__)

# Screens where visitors explore (map, charts) get the shorter idle time.
EXPLORE = (ScreenId.TIMELINE, ScreenId.BUDGET)
# The attract loop: each screen and how many steps it stays.
ATTRACT = ((ScreenId.TIMELINE, 2), (ScreenId.BUDGET, 2), (ScreenId.CARDS, 1))

_PRESS = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
_RELEASE = (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)
_POINTER = (*_PRESS, *_RELEASE, QEvent.Type.MouseMove, QEvent.Type.TouchUpdate,
            QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel)
_ACTIVITY = (*_PRESS, QEvent.Type.TouchUpdate, QEvent.Type.KeyPress, QEvent.Type.Wheel)


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
    """Runs kiosk mode on a shell.

    Parameters
    ----------
    shell
        The exhibit's window (its router, screens and ``reset_visit``).
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

    def __init__(self, shell, settings: KioskSettings) -> None:  # shell: ui.shell.Shell
        super().__init__(shell)
        self.shell = shell
        self.settings = settings
        self.started_at = time.monotonic()
        self.monitor = IdleMonitor(settings.reading_ms, settings.warning_ms, self)
        self.gate = PinGate(settings.pin_hash, state_path=settings.pin_state_path)
        self.attract_overlay = AttractOverlay(shell, shell.state)
        self.idle_overlay = IdleOverlay(shell, shell.state, self.monitor.remaining_warning_ms)
        self.pin_pad = PinPad(shell, shell.state)
        self.admin = AdminPanel(shell, shell.state)
        self.lockdown = Lockdown(self)
        self._step = QTimer(self)
        self._step.setObjectName("attract_step")
        self._step.timeout.connect(self._on_step_timeout)
        self._hold = QTimer(self)
        self._hold.setObjectName("admin_hold")
        self._hold.setSingleShot(True)
        self._hold.setInterval(settings.hold_ms)
        self._hold.timeout.connect(self._on_hold_timeout)
        self._attract_index = -1
        self._attracting = False
        self._swallow = False  # the rest of the touch that ended the attract loop
        self._pointer_hidden = False
        self._explore_ms, self._reading_ms = settings.explore_ms, settings.reading_ms
        self.monitor.warned.connect(self._on_monitor_warned)
        self.monitor.resumed.connect(self.idle_overlay.hide)
        self.monitor.expired.connect(self._on_monitor_expired)
        self.idle_overlay.continue_requested.connect(self.monitor.activity)
        self.pin_pad.submitted.connect(self._on_pin_submitted)
        self.pin_pad.cancelled.connect(self._on_admin_closed)
        self.admin.closed.connect(self._on_admin_closed)
        self.admin.exit_requested.connect(self.exit_requested)
        self.admin.reload_requested.connect(self.reload_requested)
        self.admin.setting_changed.connect(self._on_admin_setting_changed)
        self.admin.self_test_requested.connect(self.run_self_test)
        self.self_test = SelfTestRunner(self)
        self.self_test.finished.connect(self.admin.show_self_test)
        shell.router.screen_changed.connect(self._on_router_screen_changed)
        app = QApplication.instance()
        app.installEventFilter(self.lockdown)
        app.installEventFilter(self)

    # --- the visitor's cycle ---------------------------------------------------------
    @property
    def attracting(self) -> bool:
        """Whether the attract loop runs."""
        return self._attracting

    def start_attract(self) -> None:
        """Play the exhibit on its own under "Touch the screen to explore"."""
        self.monitor.stop()
        self.idle_overlay.hide()
        self._attracting = True
        self._attract_index = -1
        self.attract_overlay.show_over()
        self._on_step_timeout()

    def enter_exhibit(self) -> None:
        """The first touch: stop playing, keep the screen the visitor saw, start counting."""
        if not self._attracting:
            return
        self._attracting = False
        self._step.stop()
        self.attract_overlay.hide()
        self._attract_current(False)
        self.monitor.start()
        self.visit_started.emit()

    def end_visit(self, why: str = "idle") -> None:
        """Back to the start for the next visitor, then the attract loop."""
        for overlay in (self.idle_overlay, self.pin_pad, self.admin):
            overlay.hide()
        # The visit ends before the reset, so the reset's return to the default language
        # and display settings is not recorded as the visitor's choice.
        self.visit_ended.emit(why)
        self.shell.reset_visit()
        self.start_attract()

    def _on_step_timeout(self) -> None:
        steps = [(sid, n) for sid, n in ATTRACT if sid in self.shell.router.registered()]
        if not steps:
            steps = [(ScreenId.HOME, 1)]
        if self._attract_index >= 0:
            self._attract_current(False)
        self._attract_index = (self._attract_index + 1) % len(steps)
        sid, length = steps[self._attract_index]
        self.shell.router.navigate(sid)
        self._attract_current(True)
        self._step.start(self.settings.step_ms * length)

    def _attract_current(self, on: bool) -> None:
        """Let the screen shown play on its own, or stop it (if it can: Attracts)."""
        current = self.shell.router.current
        if current is not None:
            screen = self.shell.router.screen(current)
            if isinstance(screen, Attracts):
                screen.attract(on)

    def set_idle_times(self, explore_ms: int, reading_ms: int) -> None:
        """Idle times of the exploring and the reading screens (the admin panel changes them)."""
        self._explore_ms, self._reading_ms = explore_ms, reading_ms
        current = self.shell.router.current
        if current is not None:
            self._on_router_screen_changed(current)

    def _on_router_screen_changed(self, sid: ScreenId) -> None:
        self.monitor.set_idle_ms(self._explore_ms if sid in EXPLORE else self._reading_ms)

    def _on_monitor_warned(self) -> None:
        self.pin_pad.hide()
        self.admin.hide()
        self.idle_overlay.show_over()

    def _on_monitor_expired(self) -> None:
        self.end_visit("idle")

    # --- staff ---------------------------------------------------------------------------
    def open_pin_pad(self) -> None:
        """The corner was held: ask for the PIN."""
        self._step.stop()
        self.pin_pad.open(self.gate.configured)

    def _on_hold_timeout(self) -> None:
        log.info("admin corner held: PIN pad opened")
        self.open_pin_pad()

    def _on_pin_submitted(self, pin: str) -> None:
        if self.gate.try_pin(pin):
            log.info("admin panel opened")
            self.pin_pad.hide()
            self.open_admin()
        else:
            wait = self.gate.wait_s()
            # Never the digits: how many wrong tries, and the lock.
            log.warning("wrong admin PIN (%d in a row%s)", self.gate.wrong_tries,
                        f"; the pad is locked for {wait:.0f} s" if wait > 0 else "")
            self.pin_pad.refuse(wait)

    def open_admin(self) -> None:
        """Show the admin panel with the machine's current state."""
        from minusma_kiosk import __version__
        from minusma_kiosk.kiosk.logs import last_lines

        lines = tuple(last_lines(self.settings.log_dir)) if self.settings.log_dir else ()
        self.admin.open(AdminInfo(
            app_version=__version__, content_version=self.shell.content.site.version,
            uptime_s=time.monotonic() - self.started_at, memory_mb=memory_mb(),
            log_lines=lines, explore_s=self._explore_ms // 1000,
            reading_s=self._reading_ms // 1000,
            language=self.shell.state.default_language, notices=self.settings.notices))

    def run_self_test(self) -> None:
        """Run the self-test on this content beside the exhibit; the panel shows the result."""
        if self.self_test.start(self.shell.content.root):
            self.admin.show_self_test_state(self.tr("Self-test running…"))

    def _on_admin_closed(self) -> None:
        if self._attracting:
            self._step.start(self.settings.step_ms)

    def _on_admin_setting_changed(self, section: str, key: str, value: object) -> None:
        if (section, key) == ("idle", "explore_s"):
            self.set_idle_times(int(str(value)) * 1000, self._reading_ms)
        elif (section, key) == ("idle", "reading_s"):
            self.set_idle_times(self._explore_ms, int(str(value)) * 1000)
        elif (section, key) == ("exhibit", "language"):
            self.shell.state.set_default_language(str(value))
        self.setting_changed.emit(section, key, value)

    # --- input -----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _POINTER and kind != QEvent.Type.KeyPress:
            return False
        # Input reaches the window first (touch that no widget takes is turned into
        # mouse events there), then the widget under it; both are ours.
        ours = watched.window() is self.shell if watched.isWidgetType() else \
            watched is self.shell.windowHandle()
        if not ours:
            return False
        self._track_pointer(event)
        if kind in _PRESS:
            self._start_corner_hold(event)
        elif kind in _RELEASE:
            self._hold.stop()
        if self._swallow:
            if kind in _RELEASE:
                self._swallow = False
            return True
        if (kind == QEvent.Type.MouseButtonRelease and isinstance(watched, QAbstractButton)
                and watched.objectName() and watched.isEnabled()):
            self.tapped.emit(watched.objectName())
        if kind in _ACTIVITY:
            self.monitor.activity()
            if self._attracting:
                self.enter_exhibit()
                self._swallow = kind in _PRESS
                return True
        return False

    def _start_corner_hold(self, event: QEvent) -> None:
        point = _global_point(event)
        if point is None:
            return
        local = self.shell.mapFromGlobal(point)
        corner = self._corner_px()
        if 0 <= local.x() < corner and 0 <= local.y() < corner:
            self._hold.start()
        else:
            self._hold.stop()

    def _corner_px(self) -> int:
        m = metrics_of(self.shell.state.display)
        return m.min_target if m is not None else 80

    def _track_pointer(self, event: QEvent) -> None:
        """Hide the pointer while fingers are used; show it again for a real mouse."""
        kind = event.type()
        if kind == QEvent.Type.TouchBegin and not self._pointer_hidden:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
            self._pointer_hidden = True
        elif (kind == QEvent.Type.MouseMove and self._pointer_hidden
              and event.source() == Qt.MouseEventSource.MouseEventNotSynthesized):
            QGuiApplication.restoreOverrideCursor()
            self._pointer_hidden = False

    # --- screenshots -----------------------------------------------------------------------
    def states(self) -> list[tuple[str, Callable[[], None]]]:
        """The kiosk's own views, for the screenshot command (then call :meth:`quiet`)."""
        return [("attract", self._show_attract), ("still-there", self._show_still_there),
                ("pin-pad", self._show_pin_pad), ("admin", self._show_admin)]

    def _show_attract(self) -> None:
        self.quiet()
        self.start_attract()
        self._step.stop()  # hold the first step still for the picture

    def _show_still_there(self) -> None:
        self.quiet()
        self.shell.router.navigate(ScreenId.HOME)
        self.monitor.start()
        self.monitor._on_idle_timeout()

    def _show_pin_pad(self) -> None:
        self.quiet()
        self.open_pin_pad()
        if self.gate.configured:
            self.pin_pad.press("1")
            self.pin_pad.press("2")

    def _show_admin(self) -> None:
        self.quiet()
        self.open_admin()

    def quiet(self) -> None:
        """Nothing running and no overlay: out of the attract loop, no count, no panel."""
        if self._attracting:
            self._attract_current(False)
        self._attracting = False
        self._step.stop()
        self._hold.stop()
        self.monitor.stop()
        for overlay in (self.attract_overlay, self.idle_overlay, self.pin_pad, self.admin):
            overlay.hide()

    def stop(self) -> None:
        """Stop every timer and leave the application's events alone (the window closes)."""
        self.quiet()
        self.self_test.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
            app.removeEventFilter(self.lockdown)
        if self._pointer_hidden:
            QGuiApplication.restoreOverrideCursor()
            self._pointer_hidden = False


def _global_point(event: QEvent) -> QPoint | None:
    if isinstance(event, QTouchEvent):
        points = event.points()
        return points[0].globalPosition().toPoint() if points else None
    if isinstance(event, QSinglePointEvent):  # mouse, tablet, wheel
        return event.globalPosition().toPoint()
    return None
