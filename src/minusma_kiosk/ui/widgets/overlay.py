"""A layer over the whole window: the attract band, "Still there?", the PIN pad, the admin panel.

Overlays are children of the window, never separate windows or dialogs: nothing
a visitor can move, close with the window manager, or use to reach the desktop.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from minusma_kiosk.state.app_state import LAYOUT, DisplayChange, DisplaySource
from minusma_kiosk.ui.display import follow, style_root


class Overlay(QFrame):
    """Covers ``host`` (and follows its size) while shown.

    Parameters
    ----------
    host
        The window to cover.
    display
        The display it follows (its style sheet, and the low-reach header it keeps
        clear of).
    role
        Style role: ``scrim`` (dims what is below) or ``""`` (transparent).
    """

    def __init__(self, host: QWidget, display: DisplaySource, role: str = "scrim") -> None:
        super().__init__(host)
        self._host = host
        self.display = display
        self.style_root = style_root(self, display)
        self._shown = False
        if role:
            self.setProperty("role", role)
            self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        # The centred panel, its layout and the layout around it (made by add_panel).
        self._panel: QFrame | None = None
        self._panel_box: QVBoxLayout | None = None
        self._outer: QVBoxLayout | None = None
        host.installEventFilter(self)
        self.hide()
        follow(self, display, LAYOUT, self._on_display_changed)

    def _on_display_changed(self, change: DisplayChange) -> None:
        self.set_reach(change.display.reach_px)

    def add_panel(self) -> QVBoxLayout:
        """A white panel centred on the overlay (:attr:`panel`); returns its layout
        (:attr:`panel_box`)."""
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._outer = outer
        self.set_reach(self.display.display.reach_px)
        self._panel = QFrame()
        self._panel.setProperty("role", "dialog")
        outer.addWidget(self._panel)
        self._panel_box = QVBoxLayout(self._panel)
        return self._panel_box

    @property
    def host(self) -> QWidget:
        """The window it covers."""
        return self._host

    @property
    def panel(self) -> QFrame:
        """The centred panel (after :meth:`add_panel`)."""
        assert self._panel is not None, "add_panel() makes the panel"
        return self._panel

    @property
    def panel_box(self) -> QVBoxLayout:
        """The panel's layout (after :meth:`add_panel`)."""
        assert self._panel_box is not None, "add_panel() makes the panel"
        return self._panel_box

    def set_reach(self, top_px: int) -> None:
        """Low reach: keep the panel below the top ``top_px`` pixels (0: centred)."""
        if self._outer is not None:
            self._outer.setContentsMargins(0, top_px, 0, 0)

    def show_over(self) -> None:
        """Show on top of everything in the window."""
        self._shown = True
        self.setGeometry(self._host.rect())
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
        return False
