"""The attract loop: with nobody at the screen, the exhibit plays on its own under
"Touch the screen to explore", one screen after another."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from minusma_kiosk.ui.host import Host
from minusma_kiosk.ui.router import ScreenId
from minusma_kiosk.ui.widgets.attract_overlay import AttractOverlay

#: Each screen the loop shows and how many steps it stays.
ATTRACT = ((ScreenId.TIMELINE, 2), (ScreenId.BUDGET, 2), (ScreenId.CARDS, 1))


class AttractLoop(QObject):
    """Steps through the screens that play on their own, under its overlay.

    Parameters
    ----------
    host
        The exhibit.
    step_ms
        How long one step lasts.
    """

    def __init__(self, host: Host, step_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.step_ms = step_ms
        self.overlay = AttractOverlay(host.window, host.state)
        # The next step's timer (tests shorten it).
        self.timer = QTimer(self)
        self.timer.setObjectName("attract_step")
        self.timer.timeout.connect(self.next_step)
        self._index = -1
        self._running = False

    @property
    def running(self) -> bool:
        """Whether the loop plays."""
        return self._running

    def start(self) -> None:
        """Play from the first step."""
        self._running = True
        self._index = -1
        self.overlay.show_over()
        self.next_step()

    def next_step(self) -> None:
        """The next screen of the loop (the timer calls it)."""
        steps = [(sid, n) for sid, n in ATTRACT if sid in self._host.screens()]
        if not steps:
            steps = [(ScreenId.HOME, 1)]
        if self._index >= 0:
            self._host.attract(False)
        self._index = (self._index + 1) % len(steps)
        sid, length = steps[self._index]
        self._host.show(sid)
        self._host.attract(True)
        self.timer.start(self.step_ms * length)

    def hold(self) -> None:
        """Hold the step shown (staff opened the PIN pad; a screenshot)."""
        self.timer.stop()

    def resume(self) -> None:
        """Go on stepping, if the loop plays."""
        if self._running:
            self.timer.start(self.step_ms)

    def stop(self) -> None:
        """Stop playing; the screen shown stays (the visitor's first touch)."""
        if self._running:
            self._host.attract(False)
        self._running = False
        self.timer.stop()
        self.overlay.hide()
