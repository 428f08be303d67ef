"""Tiles in a column (or a grid) that pages instead of scrolling.

As many tiles as fit the height are shown; if not all fit, large page arrows and
"1 / 2" sit under them. A public screen has no scroll bars: a finger turns a page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from minusma_kiosk.state.app_state import DisplaySource
from minusma_kiosk.ui.display import follow_language
from minusma_kiosk.ui.widgets.text import button, label
from minusma_kiosk.ui.widgets.tile import Tile


class PagedTiles(QWidget):
    """Shows ``tiles`` a page at a time, in ``columns`` columns.

    The page holding a given tile is shown with :meth:`show_tile`; the arrows turn
    pages. Which tiles fit is worked out from the widget's size whenever it changes.
    """

    def __init__(self, tiles: list[Tile], display: DisplaySource,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles = tiles
        self._columns = 1
        self._pages: list[list[Tile]] = [list(tiles)]
        self._page = 0
        # Its size is given by the screen, never taken from the tiles it shows.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._grid = QGridLayout()
        outer.addLayout(self._grid)
        self.pager = QWidget()
        row = QHBoxLayout(self.pager)
        row.setContentsMargins(0, 0, 0, 0)
        self.prev_button = button("arrow", "‹")
        self.prev_button.setObjectName("tiles_previous")
        self.next_button = button("arrow", "›")
        self.next_button.setObjectName("tiles_next")
        self.page_label = label("caption", wrap=False)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.prev_button)
        row.addWidget(self.page_label, 1)
        row.addWidget(self.next_button)
        outer.addWidget(self.pager)
        outer.addStretch(1)
        self._outer = outer
        self.prev_button.clicked.connect(lambda: self.turn(-1))
        self.next_button.clicked.connect(lambda: self.turn(+1))
        for tile in tiles:
            tile.setParent(self)
        follow_language(self, display, self.retranslate, now=True)
        self._show_page()

    def retranslate(self) -> None:
        self.prev_button.setAccessibleName(self.tr("Previous page"))
        self.next_button.setAccessibleName(self.tr("Next page"))

    @property
    def page_count(self) -> int:
        return len(self._pages)

    @property
    def page(self) -> int:
        """The page shown (from 0)."""
        return self._page

    @property
    def shown(self) -> list[Tile]:
        """The tiles on the page shown."""
        return list(self._pages[self._page])

    def set_columns(self, columns: int) -> None:
        self._columns = max(columns, 1)
        self._paginate()

    def set_spacing(self, px: int) -> None:
        self._grid.setSpacing(px)
        self._outer.setSpacing(px)
        self._paginate()

    def set_button_side(self, side: int) -> None:
        for b in (self.prev_button, self.next_button):
            b.setFixedWidth(side)

    def show_tile(self, tile: Tile) -> None:
        """Show the page that holds ``tile``."""
        for i, page in enumerate(self._pages):
            if tile in page:
                if i != self._page:
                    self._page = i
                    self._show_page()
                return

    def turn(self, direction: int) -> None:
        """The previous (-1) or next (+1) page."""
        page = max(0, min(self._page + direction, len(self._pages) - 1))
        if page != self._page:
            self._page = page
            self._show_page()

    def _paginate(self) -> None:
        """Pages of whole rows that fit the height (less the arrows' row when there is
        more than one page)."""
        if self.width() <= 0 or self.height() <= 0:
            return
        keep = self._pages[self._page][0] if self._pages[self._page] else None
        cols, sp = self._columns, self._grid.spacing()
        width = (self.width() - sp * (cols - 1)) // cols
        rows = [self.tiles[i:i + cols] for i in range(0, len(self.tiles), cols)]
        heights = [max(t.heightForWidth(width) for t in r) for r in rows]
        pages: list[list[Tile]] = []
        if sum(heights) + sp * (len(rows) - 1) <= self.height():
            pages = [list(self.tiles)]
        else:
            pager = max(self.pager.sizeHint().height(), self.next_button.minimumHeight())
            room = self.height() - pager - sp
            page: list[Tile] = []
            used = 0
            for r, h in zip(rows, heights, strict=True):
                need = h + (sp if page else 0)
                if page and used + need > room:
                    pages.append(page)
                    page, used, need = [], 0, h
                page += r
                used += need
            if page:
                pages.append(page)
        self._pages = pages
        self._page = next((i for i, p in enumerate(pages) if keep in p), 0)
        self._show_page()

    def _show_page(self) -> None:
        for tile in self.tiles:
            self._grid.removeWidget(tile)
            tile.hide()
        for i, tile in enumerate(self._pages[self._page]):
            self._grid.addWidget(tile, i // self._columns, i % self._columns)
            tile.show()
        self.pager.setVisible(len(self._pages) > 1)
        self.page_label.setText(f"{self._page + 1} / {len(self._pages)}")
        self.prev_button.setEnabled(self._page > 0)
        self.next_button.setEnabled(self._page < len(self._pages) - 1)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size() != event.oldSize():
            self._paginate()
