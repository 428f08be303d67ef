"""The map's scale bar: a round length (about a seventh of the view's width) drawn in
the top right corner under the chips, in view pixels, with a halo like the names."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from minusma_kiosk.ui.theme.tokens import MapColours

#: Lengths the scale bar may show, km.
SCALE_KM = (25, 50, 100, 200, 250, 500, 1000)


def scale_bar(view_width: int, top_inset: int, px_per_km: float, font: QFont,
              px_per_mm: float) -> tuple[QRectF, float, str]:
    """Where the scale bar goes (view pixels), its length in pixels and its text."""
    wanted = view_width * 0.14 / (px_per_km or 1.0)
    km = next((k for k in SCALE_KM if k >= wanted * 0.7), SCALE_KM[-1])
    length = km * (px_per_km or 1.0)
    text = f"{km:g}\u00a0km"
    metrics = QFontMetricsF(font)
    gap = 2 * px_per_mm
    width = max(length, metrics.horizontalAdvance(text))
    height = metrics.height() + gap * 2
    x = view_width - gap * 2 - width
    y = top_inset + gap * 2
    return QRectF(x, y, width, height), length, text


def paint_scale_bar(painter: QPainter, box: QRectF, length: float, text: str, font: QFont,
                    colours: MapColours) -> None:
    """The bar with end ticks and its length above it, in the view's pixels."""
    painter.save()
    painter.resetTransform()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    base = box.bottom() - 2
    left = box.right() - length
    path = QPainterPath()
    tick = 6.0
    path.moveTo(left, base - tick)
    path.lineTo(left, base)
    path.lineTo(box.right(), base)
    path.lineTo(box.right(), base - tick)
    halo = QPen(QColor(colours.label_halo), 6)
    halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.strokePath(path, halo)
    painter.strokePath(path, QPen(QColor(colours.city), 2))
    text_path = QPainterPath()
    text_path.addText(QPointF(box.right() - QFontMetricsF(font).horizontalAdvance(text),
                              base - tick - 4), font, text)
    painter.strokePath(text_path, QPen(QColor(colours.label_halo), 4))
    painter.fillPath(text_path, QColor(colours.city))
    painter.restore()
