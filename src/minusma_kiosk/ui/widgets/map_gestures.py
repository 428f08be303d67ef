"""Touch and mouse on the map: tap, one-finger pan when zoomed, two-finger pinch,
double tap to reset. Nothing needs a wheel, hover or a right-click (the wheel
zooms for laptop presenters).

The gestures drive the view through its public methods (``set_view``,
``tap_at``, ``reset_view``); they keep no map state of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QEvent, QLineF, QObject, QPointF
from PySide6.QtGui import QMouseEvent, QTouchEvent, QWheelEvent

if TYPE_CHECKING:
    from minusma_kiosk.ui.widgets.map_view import MapView

DOUBLE_TAP_MS = 400
TAP_MM = 4.0


class MapGestures(QObject):
    """An event filter on the map's viewport.

    Parameters
    ----------
    view
        The map it drives.
    """

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self._view = view
        self._touch_start: dict[int, QPointF] = {}
        self._touch_moved = False
        self._gesture_start = (1.0, QPointF())
        self._last_tap = QElapsedTimer()
        self._last_tap_pos = QPointF()
        self._press_pos: QPointF | None = None
        self._panning = False
        view.viewport().installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if isinstance(event, QTouchEvent) and kind in (
                QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                QEvent.Type.TouchCancel):
            self._on_touch(event)
            event.accept()
            return True
        if isinstance(event, QMouseEvent):
            if kind == QEvent.Type.MouseButtonPress:
                self._on_press(event)
            elif kind == QEvent.Type.MouseMove:
                self._on_move(event)
            elif kind == QEvent.Type.MouseButtonRelease:
                self._on_release(event)
            elif kind == QEvent.Type.MouseButtonDblClick:
                self._view.reset_view()
            else:
                return False
            return True
        if isinstance(event, QWheelEvent):
            view = self._view
            factor = 1.25 if event.angleDelta().y() > 0 else 0.8
            view.set_view(view.zoom * factor, view.centre())
            return True
        return False

    # --- taps ------------------------------------------------------------------------
    def _tap(self, pos: QPointF) -> None:
        view = self._view
        since = self._last_tap.elapsed() if self._last_tap.isValid() else 10**9
        near = QLineF(pos, self._last_tap_pos).length() < TAP_MM * 2 * view.px_per_mm
        self._last_tap.start()
        self._last_tap_pos = pos
        if since < DOUBLE_TAP_MS and near:
            view.reset_view()
        else:
            view.tap_at(pos)

    # --- touch -------------------------------------------------------------------------
    def _on_touch(self, event: QTouchEvent) -> None:
        view = self._view
        points = event.points()
        kind = event.type()
        if kind == QEvent.Type.TouchBegin:
            self._touch_start = {p.id(): p.position() for p in points}
            self._touch_moved = False
            self._gesture_start = (view.zoom, view.centre())
            return
        if kind == QEvent.Type.TouchCancel:
            self._touch_start = {}
            return
        for p in points:  # a second finger joining later starts from where it landed
            self._touch_start.setdefault(p.id(), p.position())
        active = [p for p in points if p.id() in self._touch_start]
        middle = QPointF(view.viewport().rect().center())
        if len(active) >= 2:
            a, b = active[0], active[1]
            a0, b0 = self._touch_start[a.id()], self._touch_start[b.id()]
            d0 = max(QLineF(a0, b0).length(), 1.0)
            d1 = QLineF(a.position(), b.position()).length()
            zoom0, centre0 = self._gesture_start
            mid0, mid1 = (a0 + b0) / 2, (a.position() + b.position()) / 2
            # The scene point under the first midpoint stays under the fingers.
            anchor = centre0 + (mid0 - middle) / (view.fit_scale() * zoom0)
            zoom = view.clamp_zoom(zoom0 * d1 / d0)
            view.set_view(zoom, anchor - (mid1 - middle) / (view.fit_scale() * zoom))
            self._touch_moved = True
        elif len(active) == 1:
            p = active[0]
            delta = p.position() - self._touch_start[p.id()]
            if delta.manhattanLength() > TAP_MM * view.px_per_mm:
                self._touch_moved = True
            if self._touch_moved and view.zoom > 1.0 and kind == QEvent.Type.TouchUpdate:
                _, centre0 = self._gesture_start
                view.set_view(view.zoom, centre0 - delta / (view.fit_scale() * view.zoom))
        if kind == QEvent.Type.TouchEnd:
            if not self._touch_moved and len(self._touch_start) == 1 and points:
                self._tap(points[0].position())
            self._touch_start = {}

    # --- mouse -------------------------------------------------------------------------
    def _on_press(self, event: QMouseEvent) -> None:
        self._press_pos = event.position()
        self._panning = False
        self._gesture_start = (self._view.zoom, self._view.centre())

    def _on_move(self, event: QMouseEvent) -> None:
        if self._press_pos is None:
            return
        view = self._view
        delta = event.position() - self._press_pos
        if delta.manhattanLength() > TAP_MM * view.px_per_mm:
            self._panning = True
        if self._panning and view.zoom > 1.0:
            _, centre0 = self._gesture_start
            view.set_view(view.zoom, centre0 - delta / (view.fit_scale() * view.zoom))

    def _on_release(self, event: QMouseEvent) -> None:
        if self._press_pos is not None and not self._panning:
            self._tap(event.position())
        self._press_pos = None
