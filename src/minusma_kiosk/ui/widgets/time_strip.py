"""The time strip: 2012–2024 at a glance, era bands, one tick per event, the cursor.

Drag it (one finger or the mouse) to scrub through time; a flick keeps going for
a moment; on release it snaps to the nearest event. Every event is a touch target a
fingertip wide (9 mm, 20 mm on a kiosk): events closer than that share a bubble with
their number (a tap on it asks which); a tap elsewhere selects the nearest event.
Bands, axis, markers and bubbles are painted once into a cached pixmap (again only
when the events, the size or the language change), so a scrubbing frame only draws
the cursor: it costs the same with 60 events or 2,000.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QElapsedTimer, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from minusma_kiosk.content.model import FIRST_DAY, LAST_DAY, Category, Era, Event, Lang
from minusma_kiosk.state.app_state import Aspect, DisplaySource
from minusma_kiosk.ui.display import follow
from minusma_kiosk.ui.theme.palette import palette
from minusma_kiosk.ui.widgets.markers import marker_path
from minusma_kiosk.ui.widgets.strip_clusters import Group, group, nearest

#: Movement (px) before a press becomes a drag; flick decay per 16 ms frame.
DRAG_START_PX = 10
FLICK_DECAY = 0.90
FLICK_STOP_PX_PER_MS = 0.03


def marker_sprite(category: Category, size: float, ratio: float) -> QPixmap:
    """A category's marker drawn once into a small pixmap (see markers.marker_path)."""
    half = size * 1.3
    sprite = QPixmap(round(2 * half * ratio), round(2 * half * ratio))
    sprite.setDevicePixelRatio(ratio)
    sprite.fill(Qt.GlobalColor.transparent)
    painter = QPainter(sprite)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillPath(marker_path(category, QPointF(half, half), size),
                     QColor(palette().categories.of(category.value)))
    painter.end()
    return sprite


class TimeStrip(QWidget):
    """A horizontal time axis the visitor scrubs.

    Parameters
    ----------
    eras
        The bands to draw.

    Signals
    -------
    scrubbed(object)
        The visitor is dragging: the date under the cursor (``datetime.date``).
    released(object)
        The drag or flick ended at this date (the screen snaps to an event).
    tapped(object)
        A tap at this date, away from any marker.
    event_tapped(object)
        A tap on one event's marker (the :class:`Event`).
    cluster_tapped(object)
        A tap on a bubble: the events it holds (a tuple, in date order).
    """

    scrubbed = Signal(object)
    released = Signal(object)
    tapped = Signal(object)
    event_tapped = Signal(object)
    cluster_tapped = Signal(object)

    def __init__(self, eras: tuple[Era, ...], display: DisplaySource,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._eras = eras
        self._lang: Lang = display.display.language
        self._events: tuple[Event, ...] = ()
        self._selected: Event | None = None
        self._cursor = FIRST_DAY
        self._press_x: float | None = None
        self._dragging = False
        self._velocity = 0.0
        self._last_x = 0.0
        self._clock = QElapsedTimer()
        self._flick = QTimer(self)
        self._flick.setObjectName("time_strip_flick")
        self._flick.setInterval(16)
        self._flick.timeout.connect(self._on_flick_timeout)
        self.inertia = True
        self._static: QPixmap | None = None
        self._groups: list[Group[Event]] | None = None
        #: A touch target's width (px): markers closer than this share a bubble.
        self.target_px = 34.0
        self._font_px = 22
        self.setFixedHeight(150)
        # Era titles and dates are drawn in the language, in the palette's colours.
        follow(self, display, Aspect.LANGUAGE | Aspect.PALETTE,
               lambda change: self.set_language(change.display.language), now=False)

    # --- geometry ------------------------------------------------------------
    def _span(self) -> tuple[float, float]:
        margin = self._font_px * 1.5
        return margin, max(self.width() - margin, margin + 1)

    def x_of(self, day: dt.date) -> float:
        """Horizontal position of a date."""
        x0, x1 = self._span()
        total = (LAST_DAY - FIRST_DAY).days
        return x0 + (x1 - x0) * (day - FIRST_DAY).days / total

    def date_at(self, x: float) -> dt.date:
        """The date at a horizontal position (clamped to the period)."""
        x0, x1 = self._span()
        total = (LAST_DAY - FIRST_DAY).days
        days = round((min(max(x, x0), x1) - x0) / (x1 - x0) * total)
        return FIRST_DAY + dt.timedelta(days=days)

    # --- model -----------------------------------------------------------------
    def set_events(self, events: tuple[Event, ...]) -> None:
        """The visible events (after filters)."""
        self._events = events
        self._rebuild_ticks()
        self.update()

    def set_cursor(self, day: dt.date, selected: Event | None) -> None:
        """Move the cursor; repaints only the strip."""
        if day != self._cursor or selected is not self._selected:
            self._cursor, self._selected = day, selected
            self.update()

    def set_language(self, lang: Lang) -> None:
        """Era titles and date labels in ``lang`` (drawn again, in the palette in force)."""
        self._lang = lang
        self._static = None
        self.update()

    def set_font_px(self, px: int, height: int) -> None:
        """Sizes for the window (and, with them, the palette in force)."""
        self._font_px = px
        self.setFixedHeight(height)
        self._static = None
        self._rebuild_ticks()
        self.update()

    def set_target_px(self, px: float) -> None:
        """The touch target's width for the screen (9 mm, 20 mm on a kiosk)."""
        if px != self.target_px:
            self.target_px = px
            self._rebuild_ticks()
            self.update()

    @property
    def groups(self) -> list[Group[Event]]:
        """The touch targets: one event's marker, or a bubble of several, in order."""
        if self._groups is None:
            # A fingertip apart, and never closer than two bubbles side by side.
            font = QFont(self.font())
            font.setPixelSize(round(self._font_px))
            font.setBold(True)
            bubble = 2 * self._bubble_radius(QFontMetrics(font), "88") + 4
            self._groups = group([(self.x_of(e.date), e) for e in self._events],
                                 max(self.target_px, bubble))
        return self._groups

    def stop(self) -> None:
        """Stop a flick in progress."""
        self._flick.stop()

    def _rebuild_ticks(self) -> None:
        """Forget the cached static layer and targets; the next paint rebuilds them."""
        self._static = None
        self._groups = None

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._rebuild_ticks()

    # --- input -----------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.stop()
        self._press_x = self._last_x = event.position().x()
        self._dragging = False
        self._velocity = 0.0
        self._clock.start()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press_x is None:
            return
        x = event.position().x()
        if not self._dragging and abs(x - self._press_x) >= DRAG_START_PX:
            self._dragging = True
        if self._dragging:
            elapsed = max(self._clock.restart(), 1)
            self._velocity = (x - self._last_x) / elapsed
            self._last_x = x
            self.scrubbed.emit(self.date_at(x))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press_x is None:
            return
        x = event.position().x()
        self._press_x = None
        event.accept()
        if not self._dragging:
            hit = nearest(self.groups, x, self.target_px / 2)
            if hit is None:
                self.tapped.emit(self.date_at(x))
            elif len(hit.items) == 1:
                self.event_tapped.emit(hit.items[0])
            else:
                self.cluster_tapped.emit(tuple(sorted(hit.items, key=lambda e: e.date)))
        elif self.inertia and abs(self._velocity) > FLICK_STOP_PX_PER_MS:
            self._last_x = x
            self._flick.start()
        else:
            self.released.emit(self.date_at(x))
        self._dragging = False

    def _on_flick_timeout(self) -> None:
        self._last_x += self._velocity * 16
        self._velocity *= FLICK_DECAY
        x0, x1 = self._span()
        at_end = not x0 < self._last_x < x1
        self.scrubbed.emit(self.date_at(self._last_x))
        if abs(self._velocity) < FLICK_STOP_PX_PER_MS or at_end:
            self._flick.stop()
            self.released.emit(self.date_at(self._last_x))

    # --- drawing -----------------------------------------------------------------
    def _axis_geometry(self) -> tuple[float, float, float, float]:
        """(font px, band top, band height, axis y)."""
        fpx = self._font_px
        band_top, band_h = fpx * 0.4, fpx * 1.8
        return fpx, band_top, band_h, band_top + band_h + fpx * 1.9

    def _paint_static(self) -> QPixmap:
        """Era bands, years and one shape per event, painted once."""
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fpx, band_top, band_h, axis_y = self._axis_geometry()
        font = QFont(self.font())
        font.setPixelSize(round(fpx))
        p.setFont(font)
        fm = QFontMetrics(font)
        for i, era in enumerate(self._eras):
            x0, x1 = self.x_of(era.start), self.x_of(era.end)
            rect = QRectF(x0, band_top, max(x1 - x0 - 2, 1), band_h)
            eras = palette().eras
            p.fillRect(rect, QColor(eras[i % len(eras)]))
            p.setPen(QColor(palette().text))
            title = fm.elidedText((era.short or era.title).get(self._lang),
                                  Qt.TextElideMode.ElideRight,
                                  int(rect.width() - fpx * 0.6))
            p.drawText(rect.adjusted(fpx * 0.3, 0, 0, 0),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title)
        p.setPen(QPen(QColor(palette().text_muted), 2))
        p.drawLine(QPointF(self.x_of(FIRST_DAY), axis_y), QPointF(self.x_of(LAST_DAY), axis_y))
        # A label every year, or every second or third one when large text or a narrow
        # strip would make them run into each other.
        per_year = self.x_of(dt.date(2014, 1, 1)) - self.x_of(dt.date(2013, 1, 1))
        every = next((n for n in (1, 2, 3, 4, 6) if fm.horizontalAdvance("2024") * 1.25
                      <= per_year * n), 12)
        for year in range(FIRST_DAY.year, LAST_DAY.year + 2):
            x = self.x_of(min(dt.date(year, 1, 1), LAST_DAY))
            p.drawLine(QPointF(x, axis_y - fpx * 0.4), QPointF(x, axis_y + fpx * 0.4))
            if year <= LAST_DAY.year and (year - FIRST_DAY.year) % every == 0:
                mid = self.x_of(dt.date(year, 7, 1))
                p.drawText(QRectF(mid - fpx * 3, axis_y + fpx * 0.5, fpx * 6, fpx * 1.4),
                           Qt.AlignmentFlag.AlignCenter, str(year))
        # A shape per event (never colour alone), stamped from one sprite per category:
        # thousands of small pixmaps draw far faster than one path with as many parts.
        size = fpx * 0.55
        sprites = {c: marker_sprite(c, size, ratio) for c in {e.category for e in self._events}}
        half = size * 1.3
        y = axis_y - fpx * 0.9 - half
        bold = QFont(font)
        bold.setBold(True)
        for g in self.groups:
            if len(g.items) == 1:
                p.drawPixmap(QPointF(g.x - half, y), sprites[g.items[0].category])
            else:
                self._paint_bubble(p, g, bold, axis_y - fpx * 0.9)
        p.end()
        return pixmap

    @staticmethod
    def _bubble_radius(fm: QFontMetrics, text: str) -> float:
        return max(fm.height() * 0.62, fm.horizontalAdvance(text) / 2 + fm.height() * 0.3)

    def _paint_bubble(self, p: QPainter, g: Group[Event], font: QFont, cy: float) -> None:
        """Several events a fingertip apart: a round bubble with their number."""
        text = str(len(g.items))
        r = self._bubble_radius(QFontMetrics(font), text)
        p.setPen(QPen(QColor(palette().text), 2))
        p.setBrush(QColor(palette().surface))
        p.drawEllipse(QPointF(g.x, cy), r, r)
        p.setFont(font)
        p.drawText(QRectF(g.x - r, cy - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, text)

    def paintEvent(self, event) -> None:
        if self._static is None or self._static.size() != self.size() * \
                self.devicePixelRatioF():
            self._static = self._paint_static()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.drawPixmap(0, 0, self._static)
        fpx, band_top, _, axis_y = self._axis_geometry()
        cx = self.x_of(self._cursor)
        p.setPen(QPen(QColor(palette().text), 3))
        p.drawLine(QPointF(cx, band_top), QPointF(cx, self.height() - 2))
        if self._selected is not None:
            sx = self.x_of(self._selected.date)
            size = fpx * 0.55
            # Its own shape over the bubble it is part of, so the visitor sees which.
            sprite = marker_sprite(self._selected.category, size, self.devicePixelRatioF())
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(palette().surface))
            p.drawEllipse(QPointF(sx, axis_y - fpx * 0.9), size * 1.3, size * 1.3)
            p.drawPixmap(QPointF(sx - size * 1.3, axis_y - fpx * 0.9 - size * 1.3), sprite)
            p.setPen(QPen(QColor(palette().text), 3))
            p.setBrush(Qt.BrushStyle.NoBrush)
            ring = QPainterPath()
            ring.addEllipse(QPointF(sx, axis_y - fpx * 0.9), size * 1.3, size * 1.3)
            p.drawPath(ring)
        p.end()
