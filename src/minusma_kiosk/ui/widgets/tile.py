"""A large entry-point button with a title and a wrapped description."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from minusma_kiosk.ui.widgets.text import label


class Tile(QPushButton):
    """A push button (so taps, keys and screen readers work as usual) whose texts wrap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAutoDefault(False)
        lay = QVBoxLayout(self)
        self.heading = label("h2")
        self.description = label("body")
        for w in (self.heading, self.description):
            w.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            lay.addWidget(w)

    def set_texts(self, heading: str, description: str) -> None:
        """Set the title and the description (also for screen readers)."""
        self.heading.setText(heading)
        self.description.setText(description)
        self.setAccessibleName(heading)
        self.setAccessibleDescription(description)

    def set_padding(self, px: int) -> None:
        """Inner margin."""
        self.layout().setContentsMargins(px, px, px, px)
