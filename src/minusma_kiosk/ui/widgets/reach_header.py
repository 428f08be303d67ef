"""The top of a tall screen in the low-reach layout: where the visitor is, nothing to press.

With "Controls lower" on, the part of the screen above a seated visitor's reach
(ADA: 48 in from the floor) holds no control: it names the screen and says why the
exhibit moved down.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from minusma_kiosk.state.app_state import LAYOUT, DisplayChange, DisplaySource
from minusma_kiosk.ui.display import follow, follow_language, metrics_of, style_root
from minusma_kiosk.ui.router import ScreenId, screen_title
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.widgets.text import label


class ReachHeader(QFrame):
    """Names the current screen above the lowered controls; as tall as the part of
    the window out of a seated visitor's reach, and hidden when controls are not lower."""

    def __init__(self, display: DisplaySource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style_root(self, display)
        self.setProperty("role", "reach")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        lay = self._box = QVBoxLayout(self)
        lay.addStretch(1)
        self.title = label("h1")
        self.hint = label("lead")
        for w in (self.title, self.hint):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            lay.addWidget(w)
        lay.addStretch(1)
        self._screen: ScreenId | None = None
        self.retranslate()
        follow_language(self, display, self.retranslate)
        follow(self, display, LAYOUT, self._on_display_changed)

    def _on_display_changed(self, change: DisplayChange) -> None:
        reach = change.display.reach_px
        self.setFixedHeight(reach)
        self.setVisible(reach > 0)
        m = metrics_of(change.display)
        if m is not None:
            self.apply_metrics(m)

    def set_screen(self, sid: ScreenId) -> None:
        """Name the screen shown below."""
        self._screen = sid
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(screen_title(self._screen) if self._screen else "")
        self.hint.setText(self.tr("Every control is lower down, within reach. "
                                  "Tap “Aa” to change it."))

    def apply_metrics(self, m: Metrics) -> None:
        margin = m.space("l")
        self._box.setContentsMargins(margin, margin, margin, margin)
