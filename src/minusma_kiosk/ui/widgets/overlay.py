"""A layer over the whole window: the attract band, "Still there?", the PIN pad, the admin panel.

Overlays are children of the window, never separate windows or dialogs: nothing
a visitor can move, close with the window manager, or use to reach the desktop.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget


class Overlay(QFrame):
    """Covers ``host`` (and follows its size) while shown.

    Parameters
    ----------
    host
        The window to cover.
    role
        Style role: ``scrim`` (dims what is below) or ``""`` (transparent).
    """

    def __init__(self, host: QWidget, role: str = "scrim") -> None:
        super().__init__(host)
        self._host = host
        self._shown = False
        if role:
            self.setProperty("role", role)
            self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        host.installEventFilter(self)
        self.hide()

    def add_panel(self) -> QVBoxLayout:
        """A white panel centred on the overlay (``self.panel``); returns its layout."""
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._outer = outer
        self.panel = QFrame()
        self.panel.setProperty("role", "dialog")
        # Centred, the panel would get its plain size hint, which ignores how tall its
        # wrapped texts grow at its width: it is given that height on every re-layout.
        self.panel.installEventFilter(self)
        outer.addWidget(self.panel)
        return QVBoxLayout(self.panel)

    def _fit_panel(self) -> None:
        lay = self.panel.layout()
        if lay is None:
            return
        needed = max(lay.totalHeightForWidth(self.panel.width()), lay.totalMinimumSize().height())
        room = self.height() - self._outer.contentsMargins().top() if self.height() else needed
        height = min(needed, room)
        if self.panel.minimumHeight() != height:
            self.panel.setMinimumHeight(height)

    def set_reach(self, top_px: int) -> None:
        """Low reach: keep the panel below the top ``top_px`` pixels (0: centred)."""
        outer = getattr(self, "_outer", None)
        if outer is not None:
            outer.setContentsMargins(0, top_px, 0, 0)

    def show_over(self) -> None:
        """Show on top of everything in the window."""
        self._shown = True
        self.setGeometry(self._host.rect())
        if hasattr(self, "panel"):
            self._fit_panel()
        self.show()
        self.raise_()

    def on_hidden(self) -> None:
        """Hidden after being shown: stop what runs only while visible."""

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        if self._shown:
            self.on_hidden()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._host.rect())
        elif watched is getattr(self, "panel", None) and event.type() in (
                QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self._fit_panel()
        return False
