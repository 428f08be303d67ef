"""Kiosk mode's one application-wide input filter: it sees every touch, click and key
of the exhibit's window, tells who needs to know, and hides the pointer while fingers
are used."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QMouseEvent, QSinglePointEvent, QTouchEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

_PRESS = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
_RELEASE = (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)
_POINTER = (*_PRESS, *_RELEASE, QEvent.Type.MouseMove, QEvent.Type.TouchUpdate,
            QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel)
_ACTIVITY = (*_PRESS, QEvent.Type.TouchUpdate, QEvent.Type.KeyPress, QEvent.Type.Wheel)


def global_point(event: QEvent) -> QPoint | None:
    """Where a touch or mouse event happened, on the screen."""
    if isinstance(event, QTouchEvent):
        points = event.points()
        return points[0].globalPosition().toPoint() if points else None
    if isinstance(event, QSinglePointEvent):  # mouse, tablet, wheel
        return event.globalPosition().toPoint()
    return None


class KioskInput(QObject):
    """Watches the input of ``window``.

    Parameters
    ----------
    window
        The exhibit's window (input to other windows is left alone).
    on_activity
        Called on every touch, click, wheel turn or key; returns True when that input
        must go no further (the touch that ended the attract loop: it cannot press a
        button the visitor did not see). The rest of that touch is swallowed too.

    Signals
    -------
    pressed(QPoint)
        A finger or the mouse went down (global position): the corner hold.
    released()
        It lifted.
    tapped(str)
        A named, enabled button was tapped (its object name; for the visit counts).
    """

    pressed = Signal(QPoint)
    released = Signal()
    tapped = Signal(str)

    def __init__(self, window: QWidget, on_activity: Callable[[], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._on_activity = on_activity
        self._swallow = False
        self._pointer_hidden = False

    def install(self) -> None:
        """Start watching (application-wide)."""
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def remove(self) -> None:
        """Stop watching; show the pointer again."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self._pointer_hidden:
            QGuiApplication.restoreOverrideCursor()
            self._pointer_hidden = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _POINTER and kind != QEvent.Type.KeyPress:
            return False
        # Input reaches the window first (touch that no widget takes is turned into
        # mouse events there), then the widget under it; both are ours.
        ours = watched.window() is self._window if isinstance(watched, QWidget) else \
            watched is self._window.windowHandle()
        if not ours:
            return False
        self._track_pointer(event)
        if kind in _PRESS:
            point = global_point(event)
            if point is not None:
                self.pressed.emit(point)
        elif kind in _RELEASE:
            self.released.emit()
        if self._swallow:
            if kind in _RELEASE:
                self._swallow = False
            return True
        if (kind == QEvent.Type.MouseButtonRelease and isinstance(watched, QAbstractButton)
                and watched.objectName() and watched.isEnabled()):
            self.tapped.emit(watched.objectName())
        if kind in _ACTIVITY and self._on_activity():
            self._swallow = kind in _PRESS
            return True
        return False

    def _track_pointer(self, event: QEvent) -> None:
        """Hide the pointer while fingers are used; show it again for a real mouse."""
        kind = event.type()
        if kind == QEvent.Type.TouchBegin and not self._pointer_hidden:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
            self._pointer_hidden = True
        elif (kind == QEvent.Type.MouseMove and self._pointer_hidden
              and isinstance(event, QMouseEvent)
              and event.source() == Qt.MouseEventSource.MouseEventNotSynthesized):
            QGuiApplication.restoreOverrideCursor()
            self._pointer_hidden = False
