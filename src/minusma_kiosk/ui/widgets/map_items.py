"""Small graphics items for the map: labels with a halo, markers that keep their size,
and where a place lies in scene coordinates."""

from __future__ import annotations

from PySide6.QtCore import QAbstractAnimation, QObject, QPointF, QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from minusma_kiosk.content.model import Place
from minusma_kiosk.content.projection import project


class LabelItem(QGraphicsItem):
    """Text that stays the same size at any zoom, with a light halo for legibility.

    The text's outline is built once per text and size (at the origin); moving
    the label beside its dot only shifts where it is painted, and the painted
    label is cached as a pixmap by the scene.
    """

    def __init__(self, text: str, px: int, colour: str, bold: bool = False,
                 offset: QPointF | None = None, parent: QGraphicsItem | None = None,
                 halo: str = "#D7FFFFFF") -> None:
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._colour = QColor(colour)
        self._offset = offset or QPointF(0, 0)
        self._font = QFont()
        self._path = QPainterPath()
        self._key: tuple[str, int, bool] | None = None
        self._halo = QPen(QColor(halo), 3.0)
        self._halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.set_text(text, px, bold)

    def text_size(self) -> tuple[float, float]:
        """Width and height of the text in pixels."""
        rect = self._path.boundingRect()
        return rect.width(), rect.height()

    @property
    def text(self) -> str:
        """The text shown."""
        return self._key[0] if self._key is not None else ""

    def placed_rect(self, anchor: QPointF, offset: QPointF) -> QRectF:
        """Where the text would be drawn, halo included (view pixels), at ``offset`` from
        ``anchor``, turned as the label is."""
        pad = self._halo.widthF() / 2 + 1
        rect = self._path.boundingRect().translated(offset).adjusted(-pad, -pad, pad, pad)
        if self.rotation():
            rect = QTransform().rotate(self.rotation()).mapRect(rect)
        return rect.translated(anchor)

    @property
    def offset(self) -> QPointF:
        """Where the text starts relative to the anchor."""
        return QPointF(self._offset)

    def set_offset(self, offset: QPointF) -> None:
        """Where the text starts relative to the anchor (pixels, baseline-left)."""
        if offset != self._offset:
            self.prepareGeometryChange()
            self._offset = QPointF(offset)

    def set_colour(self, colour: str, halo: str) -> None:
        """The text's colour and its halo's (the palette changed)."""
        if QColor(colour) != self._colour or QColor(halo) != self._halo.color():
            self._colour = QColor(colour)
            self._halo.setColor(QColor(halo))
            self.update()

    def set_text(self, text: str, px: int, bold: bool = False) -> None:
        """Change the text or its size (nothing is rebuilt when they are the same)."""
        if (text, px, bold) == self._key:
            return
        self._key = (text, px, bold)
        self.prepareGeometryChange()
        self._font.setPixelSize(px)
        self._font.setBold(bold)
        path = QPainterPath()
        path.addText(QPointF(0, 0), self._font, text)
        self._path = path
        self._halo.setWidthF(max(3.0, px / 5) * 2)

    def boundingRect(self) -> QRectF:
        pad = self._halo.widthF() / 2 + 1
        return self._path.boundingRect().translated(self._offset).adjusted(-pad, -pad, pad, pad)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(self._offset)
        painter.strokePath(self._path, self._halo)
        painter.fillPath(self._path, self._colour)


class ShapeItem(QGraphicsItem):
    """A marker shape (path around the origin) drawn at a constant screen size."""

    def __init__(self, path: QPainterPath, fill: str | None, stroke: str | None,
                 stroke_px: float = 2.0, parent: QGraphicsItem | None = None) -> None:
        super().__init__(parent)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._style: tuple[str | None, str | None, float, bool, bool] | None = None
        self._path = path
        self._brush = QBrush(QColor(fill)) if fill else QBrush(Qt.BrushStyle.NoBrush)
        self._pen = QPen(QColor(stroke), stroke_px) if stroke else QPen(Qt.PenStyle.NoPen)
        self._pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)

    def set_path(self, path: QPainterPath) -> None:
        """Change the shape."""
        self.prepareGeometryChange()
        self._path = path

    def set_style(self, fill: str | None, stroke: str | None, stroke_px: float = 2.0,
                  dashed: bool = False, hatched: bool = False) -> None:
        """Change colours (always paired with the shape: never colour alone);
        ``hatched`` fills the shape with diagonal lines in the stroke's colour."""
        if (fill, stroke, stroke_px, dashed, hatched) == self._style:
            return
        self.prepareGeometryChange()
        self._style = (fill, stroke, stroke_px, dashed, hatched)
        self._brush = QBrush(QColor(fill)) if fill else QBrush(Qt.BrushStyle.NoBrush)
        if hatched and stroke:
            self._brush = QBrush(QColor(stroke), Qt.BrushStyle.BDiagPattern)
        self._pen = QPen(QColor(stroke), stroke_px) if stroke else QPen(Qt.PenStyle.NoPen)
        if dashed:
            self._pen.setStyle(Qt.PenStyle.DashLine)
        self.update()

    def boundingRect(self) -> QRectF:
        w = self._pen.widthF()
        return self._path.boundingRect().adjusted(-w, -w, w, w)

    def shape(self) -> QPainterPath:
        return self._path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(self._brush)
        painter.setPen(self._pen)
        painter.drawPath(self._path)




#: Which labels win a place when they collide: capitals, then cities, then the rest.
PRIORITY = {"capital": 0, "city": 1, "town": 2, "village": 3}

#: A rectangle (view pixels) a label must not cover, and whose it is (a place's own
#: dot and ring do not push its name away; None: nobody's, such as a note over the map).
Obstacle = tuple[QRectF, object]


def place_labels(items: list[tuple[LabelItem, QPointF, float, bool]],
                 obstacles: list[Obstacle] | None = None,
                 owners: dict[int, object] | None = None,
                 centred: frozenset[int] = frozenset()) -> None:
    """Place labels so that they overlap neither each other nor the obstacles.

    ``items`` holds (label, anchor in view pixels, priority, hidden) tuples. In priority
    order (lowest first), each label tries right, left, above and below its anchor and
    takes the first free spot; a label in ``centred`` (by ``id``: a country's or a
    river's name) has one spot, centred on its anchor. A label with no free spot (or
    ``hidden``) is hidden: the least important give way. ``owners`` maps a label's
    ``id`` to the owner whose obstacles it may cover (a place's own marks).
    """
    taken: list[Obstacle] = list(obstacles or [])
    owners = owners or {}
    for label, dot, priority, hidden in sorted(items, key=lambda item: item[2]):
        w, h = label.text_size()
        gap = 8
        if id(label) in centred:
            candidates = [QPointF(-w / 2, h / 2)]
        else:
            candidates = [QPointF(gap, h * 0.35), QPointF(-w - gap, h * 0.35),
                          QPointF(-w / 2, -gap), QPointF(-w / 2, h + gap),
                          QPointF(gap, -gap), QPointF(-w - gap, -gap),
                          QPointF(gap, h + gap), QPointF(-w - gap, h + gap)]
        # A name shown keeps its spot while it is free: names do not jump about as the
        # visitor steps through time.
        if label.isVisible() and label.offset in candidates:
            candidates.remove(label.offset)
            candidates.insert(0, label.offset)
        mine = owners.get(id(label))
        chosen = None
        # The capital, the cities and the selected place keep their names even where
        # every spot touches another place's mark (never another name or a note).
        passes = (False, True) if priority <= PRIORITY["city"] else (False,)
        for over_marks in passes if not hidden else ():
            for off in candidates:
                rect = label.placed_rect(dot, off)
                if not any(rect.intersects(r) for r, who in taken
                           if who is None or (who is not mine and not over_marks)):
                    chosen = (off, rect)
                    break
            if chosen is not None:
                break
        label.setVisible(chosen is not None)
        if chosen is not None:
            label.set_offset(chosen[0])
            taken.append((chosen[1], None))


class PulseRing(ShapeItem):
    """A ring that grows and fades around a point, again and again (full motion only).

    Parameters
    ----------
    owner
        The QObject that owns the animation (graphics items are not QObjects).
    colour
        The ring's colour.
    """

    def __init__(self, owner: QObject, colour: str) -> None:
        ring = QPainterPath()
        ring.addEllipse(QPointF(0, 0), 16, 16)
        super().__init__(ring, None, colour, 3)
        self.setZValue(19)
        self.hide()
        self._anim = QVariantAnimation(owner)
        self._anim.setObjectName("map_pulse")
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.setDuration(1400)
        self._anim.setLoopCount(-1)
        self._anim.valueChanged.connect(self._on_anim_value_changed)

    @property
    def running(self) -> bool:
        """Whether the ring is pulsing."""
        return self._anim.state() == QAbstractAnimation.State.Running

    def start_at(self, point: QPointF) -> None:
        """Pulse around ``point`` (scene coordinates)."""
        self.setPos(point)
        self.show()
        if not self.running:
            self._anim.start()

    def stop(self) -> None:
        """Stop and hide."""
        self._anim.stop()
        self.hide()

    def _on_anim_value_changed(self, value: float) -> None:
        self.setScale(1.0 + 1.2 * value)
        self.setOpacity(1.0 - value)


_SCENE_POINTS: dict[tuple[float, float], QPointF] = {}


def scene_point(place: Place) -> QPointF:
    """Where a (mapped) place lies in scene coordinates (projected once per place)."""
    assert place.lon is not None and place.lat is not None
    key = (place.lon, place.lat)
    point = _SCENE_POINTS.get(key)
    if point is None:
        x, y = project(place.lon, place.lat)
        point = _SCENE_POINTS[key] = QPointF(float(x), -float(y))
    return QPointF(point)
