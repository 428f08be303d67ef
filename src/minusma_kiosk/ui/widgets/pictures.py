"""Pictures from the content folder: SVG drawings and PNG images (checked by the content
check: readable, and small enough)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer


def render_picture(path: Path, side: int) -> QPixmap:
    """Draw a picture into a square, transparent pixmap of ``side`` pixels (a PNG keeps
    its proportions, centred)."""
    pixmap = QPixmap(QSize(side, side))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    if path.suffix.lower() == ".svg":
        QSvgRenderer(str(path)).render(painter, QRectF(0, 0, side, side))
    else:
        image = QImage(str(path))
        if not image.isNull():
            scaled = image.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)
            painter.drawImage((side - scaled.width()) // 2, (side - scaled.height()) // 2,
                              scaled)
    painter.end()
    return pixmap
