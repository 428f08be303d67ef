"""The staff's way in: a long press in the top-left corner, the PIN pad, the admin
panel (and the self-test it runs)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QTimer, Signal

from minusma_kiosk.kiosk.pin import PinGate
from minusma_kiosk.ui.display import metrics_of
from minusma_kiosk.ui.host import Host
from minusma_kiosk.ui.self_test_runner import SelfTestRunner
from minusma_kiosk.ui.widgets.admin_panel import AdminInfo, AdminPanel
from minusma_kiosk.ui.widgets.pin_pad import PinPad

log = logging.getLogger(__name__)


class StaffAccess(QObject):
    """Times the corner press, checks the PIN, opens the admin panel.

    Parameters
    ----------
    host
        The exhibit.
    pin_hash, pin_state_path
        The admin PIN's hash, and where wrong tries are kept across restarts.
    hold_ms
        How long the corner is held before the PIN pad opens.
    facts
        What the admin panel shows about the machine, when it opens.

    Signals
    -------
    opened()
        The PIN pad opened (the attract loop holds still).
    closed()
        The PIN pad or the admin panel closed.
    exit_requested(), reload_requested(), setting_changed(str, str, object)
        From the admin panel.
    """

    opened = Signal()
    closed = Signal()
    exit_requested = Signal()
    reload_requested = Signal()
    setting_changed = Signal(str, str, object)

    def __init__(self, host: Host, pin_hash: str, pin_state_path: Path | None, hold_ms: int,
                 facts: Callable[[], AdminInfo], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._facts = facts
        self.gate = PinGate(pin_hash, state_path=pin_state_path)
        self.pin_pad = PinPad(host.window, host.state)
        self.admin = AdminPanel(host.window, host.state)
        self.self_test = SelfTestRunner(self)
        # The corner press's timer (tests shorten it).
        self.hold = QTimer(self)
        self.hold.setObjectName("admin_hold")
        self.hold.setSingleShot(True)
        self.hold.setInterval(hold_ms)
        self.hold.timeout.connect(self._on_hold_timeout)
        self.pin_pad.submitted.connect(self._on_pin_submitted)
        self.pin_pad.cancelled.connect(self.closed)
        self.admin.closed.connect(self.closed)
        self.admin.exit_requested.connect(self.exit_requested)
        self.admin.reload_requested.connect(self.reload_requested)
        self.admin.setting_changed.connect(self.setting_changed)
        self.admin.self_test_requested.connect(self.run_self_test)
        self.self_test.finished.connect(self.admin.show_self_test)

    # --- the corner ------------------------------------------------------------------------
    def pressed(self, point: QPoint) -> None:
        """A finger or the mouse went down at ``point`` (global): in the corner, the
        hold starts; elsewhere it stops."""
        local = self._host.window.mapFromGlobal(point)
        corner = self.corner_px()
        if 0 <= local.x() < corner and 0 <= local.y() < corner:
            self.hold.start()
        else:
            self.hold.stop()

    def released(self) -> None:
        """The finger lifted before the hold ended: nothing opens."""
        self.hold.stop()

    def corner_px(self) -> int:
        """The corner's side: one touch target."""
        m = metrics_of(self._host.state.display)
        return m.min_target if m is not None else 80

    def _on_hold_timeout(self) -> None:
        log.info("admin corner held: PIN pad opened")
        self.open_pin_pad()

    # --- the PIN and the panel ----------------------------------------------------------------
    def open_pin_pad(self) -> None:
        """Ask for the PIN."""
        self.opened.emit()
        self.pin_pad.open(self.gate.configured)

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
        self.admin.open(self._facts())

    def run_self_test(self) -> None:
        """Run the self-test on this content beside the exhibit; the panel shows the result."""
        if self.self_test.start(self._host.content.root):
            self.admin.show_self_test_state(self.tr("Self-test running…"))

    def hide(self) -> None:
        """Close the PIN pad and the panel; stop the corner's timer."""
        self.hold.stop()
        self.pin_pad.hide()
        self.admin.hide()

    def stop(self) -> None:
        """As :meth:`hide`, and stop a self-test that runs."""
        self.hide()
        self.self_test.stop()
