"""A label whose font shrinks so its text fits the width it is given."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class FitLabel(QLabel):
    """Shows one line of large text (a key figure) as big as the width allows.

    Parameters
    ----------
    max_px, min_px
        Largest and smallest font pixel size.
    """

    def __init__(self, max_px: int = 150, min_px: int = 24, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._max, self._min = max_px, min_px
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

    def set_range(self, max_px: int, min_px: int) -> None:
        """Change the font size range (on a new window size)."""
        self._max, self._min = max_px, min_px
        self._fit()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def _fit(self) -> None:
        width = max(self.width(), 1)
        font = QFont(self.font())
        size = self._max
        while size > self._min:
            font.setPixelSize(size)
            if QFontMetrics(font).horizontalAdvance(self.text()) <= width:
                break
            size = max(self._min, int(size * 0.92))
        font.setPixelSize(size)
        if font.pixelSize() != self.font().pixelSize():
            self.setFont(font)
        self.setFixedHeight(QFontMetrics(font).height())

    def sizeHint(self) -> QSize:
        return QSize(0, QFontMetrics(self.font()).height())
