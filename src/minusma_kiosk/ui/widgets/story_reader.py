"""The whole story of one event, over the window, when the panel cannot hold it.

At the largest text sizes the timeline's panel may be too small for a long story:
it then shows the story's start and a "Read more" button, which opens this page
with everything the panel holds, whole and large, and one big button back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget

from minusma_kiosk.state.app_state import DisplaySource
from minusma_kiosk.ui.display import follow_metrics
from minusma_kiosk.ui.theme import tokens
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.widgets.overlay import Overlay
from minusma_kiosk.ui.widgets.text import button, label, primary


class StoryReader(Overlay):
    """A full-window page: date, headline, place, the whole text, the source, "Back"."""

    def __init__(self, host: QWidget, display: DisplaySource) -> None:
        super().__init__(host, display)
        self.setObjectName("story_reader")
        box = self.add_panel()
        self.date = label("kicker")
        self.title = label("h2")
        self.meta = label("caption")
        self.text = label("body")
        self.source = label("caption")
        primary(self.date, self.title, self.meta, self.text, self.source)
        for w in (self.date, self.title, self.meta, self.text, self.source):
            box.addWidget(w)
        row = QHBoxLayout()
        row.addStretch(1)
        self.back_button = button("primary")
        self.back_button.setObjectName("story_reader_back")
        self.back_button.clicked.connect(self.hide)
        row.addWidget(self.back_button)
        box.addLayout(row)
        self._box = box
        self.retranslate()
        follow_metrics(self, display, self.apply_metrics)

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("Back to the timeline"))

    def apply_metrics(self, m: Metrics) -> None:
        pad = m.space("l")
        self._box.setContentsMargins(pad, pad, pad, pad)
        self._box.setSpacing(m.space("s"))
        self.panel.setMaximumWidth(min(m.px(tokens.MEASURE_PX) + 2 * pad, m.width))

    def show_story(self, date: str, title: str, meta: str, text: str, source: str) -> None:
        """Show the story over the window."""
        for lab, value in ((self.date, date), (self.title, title), (self.meta, meta),
                           (self.text, text), (self.source, source)):
            lab.setText(value)
        self.setAccessibleName(title)
        self.retranslate()
        self.show_over()
        self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)
