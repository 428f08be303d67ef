"""'Still there?': shown when nobody touched the screen for a while, with a countdown."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from minusma_kiosk.state.app_state import DisplaySource
from minusma_kiosk.ui.display import follow_language, follow_metrics
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.widgets.overlay import Overlay
from minusma_kiosk.ui.widgets.text import button, label


class IdleOverlay(Overlay):
    """Asks whether someone is still there; any touch answers yes.

    Parameters
    ----------
    host
        The window.
    display
        The display it follows.
    remaining_ms
        Time left before the exhibit starts over (read for the countdown).

    Signals
    -------
    continue_requested()
        The visitor tapped "Continue" (any other touch counts too; the kiosk sees it).
    """

    continue_requested = Signal()

    def __init__(self, host: QWidget, display: DisplaySource,
                 remaining_ms: Callable[[], int]) -> None:
        super().__init__(host, display)
        self.setObjectName("idle_overlay")
        self._remaining = remaining_ms
        lay = self.add_panel()
        self.title = label("h1")
        self.text = label("lead")
        self.countdown = label("body")
        self.continue_button = button("primary")
        self.continue_button.setObjectName("idle_continue")
        self.continue_button.clicked.connect(self.continue_requested)
        for w in (self.title, self.text, self.countdown):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            lay.addWidget(w)
        lay.addWidget(self.continue_button)
        self._tick = QTimer(self)
        self._tick.setObjectName("idle_countdown")
        self._tick.setInterval(250)
        self._tick.timeout.connect(self._update_countdown)
        self.retranslate()
        follow_language(self, display, self.retranslate)
        follow_metrics(self, display, self.apply_metrics)

    def show_over(self) -> None:
        super().show_over()
        self._update_countdown()
        self._tick.start()

    def on_hidden(self) -> None:
        self._tick.stop()

    def _update_countdown(self) -> None:
        seconds = math.ceil(self._remaining() / 1000)
        self.countdown.setText(self.tr("The exhibit starts again in {n} s.").format(n=seconds))

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        self.title.setText(self.tr("Still there?"))
        self.text.setText(self.tr("Touch anywhere to keep exploring."))
        self.continue_button.setText(self.tr("Continue"))
        self.continue_button.setAccessibleName(self.continue_button.text())
        self._update_countdown()

    def apply_metrics(self, m: Metrics) -> None:
        """Sizes for the window."""
        margin = m.space("xl")
        self.panel_box.setContentsMargins(margin, margin, margin, margin)
        self.panel_box.setSpacing(m.space("m"))
        self.panel.setFixedWidth(min(m.px(1100), self.host.width() - 2 * margin))
        self.continue_button.setMinimumHeight(m.target())
