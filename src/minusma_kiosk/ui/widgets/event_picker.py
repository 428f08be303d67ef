"""The events behind one bubble of the time strip, each a large button.

Events closer together on the strip than a fingertip share a bubble with their
number (:mod:`strip_clusters`); a tap on it opens this page over the window: the
events in date order, a page at a time, each with its date and title. A tap on one
opens it on the timeline; "Back" closes the page.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from minusma_kiosk.content.formatting import format_date
from minusma_kiosk.content.model import Event, Lang
from minusma_kiosk.state.app_state import DisplaySource
from minusma_kiosk.ui.display import follow_metrics
from minusma_kiosk.ui.theme import tokens
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.widgets.overlay import Overlay
from minusma_kiosk.ui.widgets.paged_tiles import PagedTiles
from minusma_kiosk.ui.widgets.text import button, label
from minusma_kiosk.ui.widgets.tile import Tile


def event_date(event: Event, lang: Lang) -> str:
    """The event's date as the panel writes it (a month where only the month is known)."""
    return format_date(event.date.isoformat()[: 7 if event.precision == "month" else 10],
                       lang)


class EventPicker(Overlay):
    """A page listing ``events`` to choose from.

    Signals
    -------
    chosen(object)
        The visitor tapped this event (the page is closed).
    """

    chosen = Signal(object)

    def __init__(self, host: QWidget, display: DisplaySource) -> None:
        super().__init__(host, display)
        self.setObjectName("event_picker")
        box = self.add_panel()
        self.heading = label("h2")
        box.addWidget(self.heading)
        self._list = QVBoxLayout()
        box.addLayout(self._list, 1)
        self.back_button = button("primary")
        self.back_button.setObjectName("event_picker_back")
        self.back_button.clicked.connect(self.hide)
        box.addWidget(self.back_button)
        self.pages: PagedTiles | None = None
        self.events: tuple[Event, ...] = ()
        self._metrics: Metrics | None = None
        follow_metrics(self, display, self._apply_metrics)

    def open(self, events: tuple[Event, ...], lang: Lang, heading: str, back: str) -> None:
        """Show ``events`` (in date order) under ``heading``."""
        self.events = tuple(sorted(events, key=lambda e: e.date))
        self.heading.setText(heading)
        self.back_button.setText(back)
        if self.pages is not None:
            self._list.removeWidget(self.pages)
            self.pages.hide()
            self.pages.deleteLater()
        tiles = []
        for event in self.events:
            tile = Tile("h3")
            tile.set_texts(event.title.get(lang), event_date(event, lang))
            tile.clicked.connect(lambda _=False, e=event: self._choose(e))
            tiles.append(tile)
        self.pages = PagedTiles(tiles, self.display)
        self.pages.setObjectName("event_picker_pages")
        self._list.addWidget(self.pages)
        if self._metrics is not None:
            self._apply_metrics(self._metrics)
        self.show_over()
        self.back_button.setFocus()

    def _choose(self, event: Event) -> None:
        self.hide()
        self.chosen.emit(event)

    def _apply_metrics(self, m: Metrics) -> None:
        self._metrics = m
        pad = m.space("l")
        self.panel_box.setContentsMargins(pad, pad, pad, pad)
        self.panel_box.setSpacing(m.space("m"))
        self.panel.setFixedWidth(min(m.px(tokens.MEASURE_PX) + 2 * pad, m.width - 2 * pad))
        self.back_button.setMinimumHeight(m.target())
        if self.pages is not None:
            self.pages.setFixedHeight(round(m.height * 0.62))
            self.pages.set_spacing(m.space("s"))
            self.pages.set_button_side(m.target())
            for tile in self.pages.tiles:
                tile.set_padding(m.space("s"))
                tile.setMinimumHeight(m.target())
