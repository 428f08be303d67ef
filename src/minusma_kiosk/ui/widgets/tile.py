"""A large entry-point button with a title and a wrapped description."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QVBoxLayout, QWidget

from minusma_kiosk.ui.widgets.text import label, ring_on_keyboard_focus


class Tile(QPushButton):
    """A push button (so taps, keys and screen readers work as usual) whose texts wrap."""

    def __init__(self, heading_role: str = "h2", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAutoDefault(False)
        ring_on_keyboard_focus(self)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)
        self.setSizePolicy(policy)
        lay = self._box = QVBoxLayout(self)
        self.heading = label(heading_role)
        self.description = label("body")
        for w in (self.heading, self.description):
            w.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            lay.addWidget(w)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        # A QPushButton ignores its inner layout when sizing; the texts wrap, so the
        # height follows the width.
        return self._box.totalHeightForWidth(width)

    def sizeHint(self) -> QSize:
        hint = self._box.totalSizeHint()
        return QSize(hint.width(), max(hint.height(), self.minimumHeight()))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._box.totalMinimumSize().width(), self.minimumHeight())

    def set_texts(self, heading: str, description: str) -> None:
        """Set the title and the description (also for screen readers)."""
        self.heading.setText(heading)
        self.description.setText(description)
        self.description.setVisible(bool(description))
        self.setAccessibleName(heading)
        self.setAccessibleDescription(description)

    def set_padding(self, px: int) -> None:
        """Inner margin."""
        self._box.setContentsMargins(px, px, px, px)
