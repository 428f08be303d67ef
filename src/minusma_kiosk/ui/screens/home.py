"""Home: what the exhibit is about, and where to go from here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QVBoxLayout, QWidget

from minusma_kiosk.content.model import Content
from minusma_kiosk.state.app_state import AppState
from minusma_kiosk.ui.display import follow_language, follow_metrics
from minusma_kiosk.ui.router import Screen, ScreenId, screen_title
from minusma_kiosk.ui.theme import tokens
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.widgets.figure_view import StatView, source_line
from minusma_kiosk.ui.widgets.reader_page import Block, ReaderPage
from minusma_kiosk.ui.widgets.scrolling import kinetic_scroll_area
from minusma_kiosk.ui.widgets.source_list import breakable_url
from minusma_kiosk.ui.widgets.text import button, label, primary
from minusma_kiosk.ui.widgets.tile import Tile


class HomeScreen(Screen):
    """Title, a short introduction with its sources, and one tile per screen.

    Parameters
    ----------
    content
        The loaded content (site texts and their sources).
    state
        Shared state (language).
    entries
        The screens to offer as tiles, in order.
    """

    screen_id = ScreenId.HOME

    def __init__(self, content: Content, state: AppState, entries: list[ScreenId],
                 parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self._content, self._state = content, state
        # One scrolling page: text column and tiles side by side in landscape,
        # one under the other in portrait. It scrolls only when it must.
        page = QWidget()
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        column = QWidget()
        text = QVBoxLayout(column)
        text.setContentsMargins(0, 0, 0, 0)
        self.kicker = label("kicker")
        self.title = label("h1")
        self.subtitle = label("lead")
        self.intro = label("body")
        primary(self.title, self.intro)
        self.sources_button = button("secondary")
        self.sources_button.setObjectName("home_sources")
        self.sources_button.clicked.connect(lambda: self.show_sources(True))
        # The sources open on a page over the window (made when first asked for: it is
        # off the start-up path), so the introduction stays where it is.
        self.reader: ReaderPage | None = None
        self.footnote = label("caption")
        for w in (self.kicker, self.title, self.subtitle, self.intro):
            text.addWidget(w)
        self._text_layout = text
        self.stats = [StatView(f, self.display) for f in content.site.key_figures]
        self._stats_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        for stat in self.stats:
            self._stats_row.addWidget(stat, 1)
        text.addWidget(self.sources_button, 0, Qt.AlignmentFlag.AlignLeft)
        text.addLayout(self._stats_row)
        text.addStretch(1)
        text.addWidget(self.footnote)
        self._box.addWidget(column, 3)
        self._column = column
        tiles = QVBoxLayout()
        tiles.addStretch(1)
        self.tiles: dict[ScreenId, Tile] = {}
        for sid in entries:
            if sid is ScreenId.HOME:
                continue
            tile = Tile()
            tile.setObjectName(f"tile_{sid.value}")
            tile.clicked.connect(lambda _=False, s=sid: self.navigate_requested.emit(s))
            self.tiles[sid] = tile
        self._tiles_grid = QGridLayout()
        tiles.addLayout(self._tiles_grid)
        self._place_tiles(columns=1)
        tiles.addStretch(1)
        self._box.addLayout(tiles, 2)
        self._tiles_layout = tiles
        self._page = page
        self.text_area = kinetic_scroll_area(page)
        outer.addWidget(self.text_area)
        self.retranslate()
        follow_language(self, self.display, self.retranslate)
        follow_metrics(self, self.display, self.apply_metrics)

    def _place_tiles(self, columns: int) -> None:
        """One column beside the text (landscape), two under it (portrait)."""
        for tile in self.tiles.values():
            self._tiles_grid.removeWidget(tile)
        for i, tile in enumerate(self.tiles.values()):
            self._tiles_grid.addWidget(tile, i // columns, i % columns)

    def _describe(self, sid: ScreenId) -> str:
        descriptions = {
            ScreenId.TIMELINE: self.tr("Mali since 2012 on the map, event by event"),
            ScreenId.BUDGET: self.tr("Who paid for peacekeeping, and what MINUSMA cost"),
            ScreenId.CARDS: self.tr("Reasons given for supporting the mission, "
                                    "each with its figures and sources"),
            ScreenId.SOURCES: self.tr("Every document this exhibit cites, and credits"),
        }
        return descriptions.get(sid, "")

    def retranslate(self) -> None:
        lang = self._state.language
        site = self._content.site
        self.kicker.setText(self.tr("UN PEACEKEEPING IN MALI"))
        self.title.setText(site.title.get(lang))
        self.subtitle.setText(site.subtitle.get(lang))
        self.intro.setText(site.intro.get(lang))
        self.footnote.setText(site.footnote.get(lang))
        self.footnote.setVisible(bool(site.footnote))
        self.sources_button.setText(self.tr("Sources for this text"))
        self.sources_button.setVisible(bool(site.sources))
        for sid, tile in self.tiles.items():
            tile.set_texts(f"{screen_title(sid)}  ›", self._describe(sid))

    def apply_metrics(self, m: Metrics) -> None:
        margin = m.space("xl")
        self._box.setContentsMargins(margin, m.space("l"), margin, m.space("s"))
        self._box.setSpacing(m.space("xl"))
        self._box.setDirection(QBoxLayout.Direction.TopToBottom if m.portrait
                               else QBoxLayout.Direction.LeftToRight)
        self._text_layout.setSpacing(m.space("s"))
        self._stats_row.setSpacing(m.space("l"))
        for w in (self.intro, self.subtitle):
            w.setMaximumWidth(m.px(tokens.MEASURE_PX))
        # Portrait: the tiles follow the text; landscape: they face it.
        self._tiles_layout.setStretch(0, 0 if m.portrait else 1)
        self._box.setStretch(0, 0 if m.portrait else 2)
        self._box.setStretch(1, 1 if m.portrait else 1)
        self._tiles_layout.setSpacing(m.space("s" if m.portrait else "m"))
        self._place_tiles(2 if m.portrait else 1)
        self._tiles_grid.setSpacing(m.space("s" if m.portrait else "m"))
        for tile in self.tiles.values():
            tile.setMinimumHeight(m.target(110 if m.portrait else 150))
            tile.set_padding(m.space("m"))

    def show_sources(self, on: bool) -> None:
        """Open (as the "Sources" button does) or close the introduction's sources."""
        if not on:
            if self.reader is not None:
                self.reader.hide()
            return
        if self.reader is None:
            self.reader = ReaderPage(self.window(), self.display)
        lang = self._state.language
        blocks = []
        for src in self._content.site.sources:
            blocks.append(Block(source_line(src, lang), "body", keep_with_next=True))
            blocks.append(Block(breakable_url(src.url), "caption"))
        self.reader.open(self.tr("Sources for this text"), blocks,
                         self.tr("Back to the start"))

    def on_leave(self) -> None:
        self.show_sources(False)

    def reset(self) -> None:
        self.show_sources(False)
        self.text_area.verticalScrollBar().setValue(0)
