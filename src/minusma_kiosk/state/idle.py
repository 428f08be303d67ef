"""Time without a touch: first a warning ("Still there?"), then the visit is over.

The kiosk tells the monitor about every touch (:meth:`IdleMonitor.activity`).
After ``idle_ms`` without one it emits ``warned``; a touch then emits ``resumed``;
``warning_ms`` more without one emits ``expired`` and the count stops until
:meth:`start` is called again (after the reset and the attract loop).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal


class IdleMonitor(QObject):
    """Counts the time since the last touch.

    Parameters
    ----------
    idle_ms
        Time without a touch before the warning.
    warning_ms
        How long the warning stays before the visit ends (WCAG 2.2.1 asks for 20 s).

    Signals
    -------
    warned()
        Nobody touched the screen for ``idle_ms``: ask whether someone is there.
    resumed()
        A touch during the warning: the visit goes on.
    expired()
        Nobody answered the warning: the visit is over.
    """

    warned = Signal()
    resumed = Signal()
    expired = Signal()

    def __init__(self, idle_ms: int, warning_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._idle = QTimer(self)
        self._idle.setObjectName("idle_count")
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self._on_idle_timeout)
        self._warning = QTimer(self)
        self._warning.setObjectName("idle_warning")
        self._warning.setSingleShot(True)
        self._warning.setTimerType(Qt.TimerType.PreciseTimer)  # its countdown is shown
        self._warning.setInterval(warning_ms)
        self._warning.timeout.connect(self._on_warning_timeout)

    @property
    def running(self) -> bool:
        """Whether it is counting (or warning)."""
        return self._idle.isActive() or self._warning.isActive()

    @property
    def warning(self) -> bool:
        """Whether the warning is up."""
        return self._warning.isActive()

    def remaining_warning_ms(self) -> int:
        """Time left before the visit ends (0 when no warning is up)."""
        return max(0, self._warning.remainingTime()) if self.warning else 0

    @property
    def idle_ms(self) -> int:
        """How long it waits for a touch before the warning."""
        return self._idle.interval()

    def set_idle_ms(self, idle_ms: int) -> None:
        """A new idle time (screens differ); the count starts again if it was running."""
        self._idle.setInterval(idle_ms)
        if self._idle.isActive():
            self._idle.start()

    def set_warning_ms(self, warning_ms: int) -> None:
        """A new warning time, for the next warning."""
        self._warning.setInterval(warning_ms)

    def start(self) -> None:
        """Start counting from now."""
        self._warning.stop()
        self._idle.start()

    def stop(self) -> None:
        """Stop counting (the attract loop, the admin panel)."""
        self._idle.stop()
        self._warning.stop()

    def activity(self) -> None:
        """Someone touched the screen: the count starts again."""
        if not self.running:
            return
        if self._warning.isActive():
            self._warning.stop()
            self._idle.start()
            self.resumed.emit()
        else:
            self._idle.start()

    def warn_now(self) -> None:
        """Count as if the idle time had just run out: the warning starts now (the
        screenshot of "Still there?")."""
        self._idle.stop()
        self._on_idle_timeout()

    def _on_idle_timeout(self) -> None:
        self._warning.start()
        self.warned.emit()

    def _on_warning_timeout(self) -> None:
        self.expired.emit()
