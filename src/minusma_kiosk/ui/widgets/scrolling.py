"""Scroll areas a finger can drive."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QScroller, QWidget


def kinetic_scroll_area(widget: QWidget) -> QScrollArea:
    """A vertical scroll area that follows a finger (kinetic) as well as a wheel."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    area.setWidget(widget)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
    return area
