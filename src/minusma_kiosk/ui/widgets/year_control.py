"""The year control under a chart: ‹ the year › and "Play the years"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.widgets.text import button, label


class YearControl(QWidget):
    """Steps the shared time cursor through a chart's years, one at a time or played.

    The screen writes the year (:meth:`show_year`); the control only reports taps.

    Signals
    -------
    step_requested(int)
        ‹ (-1) or › (+1) was tapped.
    play_requested()
        "Play the years" (or "Pause") was tapped.
    """

    step_requested = Signal(int)
    play_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.prev = button("arrow", "‹")
        self.prev.setObjectName("chart_year_previous")
        self.next = button("arrow", "›")
        self.next.setObjectName("chart_year_next")
        self.label = label("body")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.play = button("secondary")
        self.play.setObjectName("chart_year_play")
        self.prev.clicked.connect(lambda: self.step_requested.emit(-1))
        self.next.clicked.connect(lambda: self.step_requested.emit(+1))
        self.play.clicked.connect(self.play_requested)
        self._stacked: bool | None = None
        self._want_stacked = False
        self.set_stacked(False)
        self.set_playing(False)

    def set_stacked(self, stacked: bool) -> None:
        """One row, or (large text, portrait) the year's name above the buttons."""
        if stacked == self._stacked:
            return
        self._stacked = stacked
        grid = self._grid
        for w in (self.prev, self.label, self.play, self.next):
            grid.removeWidget(w)
        if stacked:
            grid.addWidget(self.label, 0, 0, 1, 3)
            grid.addWidget(self.prev, 1, 0)
            grid.addWidget(self.play, 1, 1)
            grid.addWidget(self.next, 1, 2)
        else:
            grid.addWidget(self.prev, 0, 0)
            grid.addWidget(self.label, 0, 1)
            grid.addWidget(self.play, 0, 2)
            grid.addWidget(self.next, 0, 3)
        for column in range(4):
            grid.setColumnStretch(column, 1 if column == 1 else 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # One row leaves the name what the buttons do not take: stack it when that is
        # under a third of the width.
        buttons = self.prev.width() + self.next.width() + self.play.sizeHint().width() \
            + 3 * self._grid.horizontalSpacing()
        self.set_stacked(self._want_stacked or self.width() - buttons < self.width() / 3)

    def show_year(self, text: str, can_go_back: bool, can_go_on: bool) -> None:
        """Name the year (or say how to choose one) and enable the arrows that lead on."""
        self.label.setText(text)
        self.prev.setEnabled(can_go_back)
        self.next.setEnabled(can_go_on)
        self.prev.setAccessibleName(self.tr("Previous year"))
        self.next.setAccessibleName(self.tr("Next year"))

    def set_playing(self, playing: bool) -> None:
        """"Pause" while the years play, "Play the years" otherwise."""
        self.play.setText(self.tr("Pause") if playing else self.tr("Play the years"))
        self.play.setAccessibleName(self.play.text())

    def size_for(self, m: Metrics, stacked: bool) -> None:
        """Sizes for the window; ``stacked`` as in :meth:`set_stacked` (it also stacks
        whenever one row would leave the year's name too narrow)."""
        self._want_stacked = stacked
        for b in (self.prev, self.next):
            b.setFixedSize(m.target(), m.target())
        # Room below the buttons: a push button's frame reaches past its layout cell.
        self._grid.setContentsMargins(0, 0, 0, m.space("s"))
        self.set_stacked(stacked)
