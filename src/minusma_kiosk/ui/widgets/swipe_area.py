"""A panel that recognises a one-finger horizontal swipe and a tap.

Qt's own swipe gesture wants three fingers, so the exhibit detects its own. The
panel works on the mouse events Qt synthesises from touch (one finger), so a
real touch screen, a mouse and ``QTest`` touch events all take the same path.
Children that ignore mouse presses (labels) let the gesture through; buttons
keep their own taps.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QPointF, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QWidget

#: A tap moves less than this (mm); a swipe travels at least SWIPE_MM, or
#: FLICK_MM when fast (a flick of the finger).
TAP_MM = 4.0
SWIPE_MM = 15.0
FLICK_MM = 6.0
FLICK_MS = 250


class SwipeArea(QFrame):
    """A frame that emits :attr:`swiped` and :attr:`tapped`.

    Parameters
    ----------
    px_per_mm
        Screen pixels per millimetre, so the thresholds are physical distances.

    Signals
    -------
    swiped(int)
        -1 for a swipe to the left (show the next item), +1 to the right.
    tapped()
        A press and release without travel.
    """

    swiped = Signal(int)
    tapped = Signal()

    def __init__(self, px_per_mm: float = 96 / 25.4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.px_per_mm = px_per_mm
        self._start: QPointF | None = None
        self._clock = QElapsedTimer()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._start = event.globalPosition()
        self._clock.start()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._start is None:
            event.ignore()
            return
        delta = event.globalPosition() - self._start
        self._start = None
        event.accept()
        dx_mm, dy_mm = delta.x() / self.px_per_mm, delta.y() / self.px_per_mm
        elapsed = self._clock.elapsed()
        horizontal = abs(dx_mm) > 1.5 * abs(dy_mm)
        if horizontal and (abs(dx_mm) >= SWIPE_MM or
                           (abs(dx_mm) >= FLICK_MM and elapsed <= FLICK_MS)):
            self.swiped.emit(-1 if dx_mm < 0 else 1)
        elif abs(dx_mm) < TAP_MM and abs(dy_mm) < TAP_MM:
            self.tapped.emit()
