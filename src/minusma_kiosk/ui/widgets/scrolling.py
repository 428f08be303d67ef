"""Scroll areas a finger can drive.

Qt's QScroller lost taps on buttons inside the scrolled area after the first
one (seen with PySide6 6.12 and synthetic touch), so the exhibit drags its
scroll areas itself: a one-finger drag on the content (touch arrives as
synthesised mouse events) moves it, and a flick keeps it moving for a moment.
Buttons inside keep their taps.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

#: Movement (px) before a press becomes a drag.
DRAG_START_PX = 12
#: Frame interval of the flick (ms) and velocity kept per frame.
FLICK_FRAME_MS = 16
FLICK_DECAY = 0.92
FLICK_MIN_SPEED = 0.05  # px per ms


class DragScroller(QObject):
    """Lets one finger drag and flick a scroll area's content.

    Parameters
    ----------
    area
        The scroll area, with its content widget already set.
    inertia
        Whether a flick keeps moving after release (off for reduced motion).
    """

    def __init__(self, area: QScrollArea, inertia: bool = True) -> None:
        super().__init__(area)
        self._area = area
        self.inertia = inertia
        self._press_y: float | None = None
        self._press_x = 0.0
        self._start_value = 0
        self._dragging = False
        self._velocity = 0.0
        self._last_y = 0.0
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setObjectName("drag_scroller_flick")
        self._timer.setInterval(FLICK_FRAME_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        # The filter sits on the content widget: presses on its labels propagate to
        # it. (Asking for the viewport instead costs ~20 ms at start-up: PySide6
        # resolves the viewport's type.)
        content = area.widget()
        assert content is not None, "the scroll area's content widget comes first"
        content.installEventFilter(self)

    @property
    def dragging(self) -> bool:
        """A drag is in progress."""
        return self._dragging

    def stop(self) -> None:
        """Stop a flick in progress."""
        self._timer.stop()
        self._velocity = 0.0

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self.stop()
            self._press_x = event.globalPosition().x()
            self._press_y = self._last_y = event.globalPosition().y()
            self._start_value = self._area.verticalScrollBar().value()
            self._dragging = False
            self._clock.start()
        elif kind == QEvent.Type.MouseMove and self._press_y is not None \
                and isinstance(event, QMouseEvent):
            y = event.globalPosition().y()
            dy, dx = abs(y - self._press_y), abs(event.globalPosition().x() - self._press_x)
            # Only a mostly vertical move scrolls, and only what can scroll: a sideways
            # swipe (the cards) and content that fits are left to the widgets below.
            if not self._dragging and dy >= DRAG_START_PX and dy > dx \
                    and self._area.verticalScrollBar().maximum() > 0:
                self._dragging = True
            if self._dragging:
                elapsed = max(self._clock.restart(), 1)
                self._velocity = (self._last_y - y) / elapsed
                self._last_y = y
                bar = self._area.verticalScrollBar()
                bar.setValue(round(self._start_value - (y - self._press_y)))
                return True
        elif kind == QEvent.Type.MouseButtonRelease and self._press_y is not None:
            self._press_y = None
            if self._dragging:
                self._dragging = False
                bar = self._area.verticalScrollBar()
                at_end = bar.value() == (bar.maximum() if self._velocity > 0 else bar.minimum())
                if self.inertia and abs(self._velocity) > FLICK_MIN_SPEED and not at_end:
                    self._timer.start()
                return True
        return False

    def _on_timer_timeout(self) -> None:
        bar = self._area.verticalScrollBar()
        before = bar.value()
        bar.setValue(round(before + self._velocity * FLICK_FRAME_MS))
        self._velocity *= FLICK_DECAY
        if abs(self._velocity) < FLICK_MIN_SPEED or bar.value() == before:
            self.stop()


def kinetic_scroll_area(widget: QWidget, inertia: bool = True) -> QScrollArea:
    """A vertical scroll area that follows a finger (drag and flick) as well as a wheel."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    area.setWidget(widget)
    area.setProperty("drag_scroller", DragScroller(area, inertia))
    # The drag scroller does the panning: Qt's own pan gesture on the viewport is not
    # needed, and it warns when its viewport is hidden mid-gesture (a card swiped away).
    area.viewport().ungrabGesture(Qt.GestureType.PanGesture)
    # The bar only shows where the reader is: a finger drags the text itself, anywhere
    # (a 5 mm bar would be a target too small to hit, and a tap beside text lands there).
    area.verticalScrollBar().setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    return area
