"""A full-window page for what a panel cannot hold: a story, a list of sources.

It shows a heading and blocks of text, as many as fit the window, and turns pages
with large arrows ("1 / 3" between them); "Back" closes it. Nothing scrolls.
Screens open it when their own room is short (the timeline's "Read more", the home
screen's sources); an idle reset or leaving the screen closes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from minusma_kiosk.state.app_state import DisplaySource
from minusma_kiosk.ui.display import follow_metrics
from minusma_kiosk.ui.theme import tokens
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.widgets.overlay import Overlay
from minusma_kiosk.ui.widgets.text import button, height_at, label, primary


@dataclass(frozen=True)
class Block:
    """One paragraph of the page: its text and theme role (``primary``: part of the
    story the visitor came for, checked by the story audit)."""

    text: str
    role: str = "body"
    primary: bool = False
    #: Keep with the next block on the same page (a source's title and its address).
    keep_with_next: bool = False


class ReaderPage(Overlay):
    """Heading, blocks of text a page at a time, page arrows and "Back"."""

    def __init__(self, host: QWidget, display: DisplaySource) -> None:
        self._edge = 0
        super().__init__(host, display)
        self.setObjectName("reader_page")
        box = self.add_panel()
        self.heading = label("h2")
        primary(self.heading)
        box.addWidget(self.heading)
        self._page_box = QVBoxLayout()
        box.addLayout(self._page_box)
        box.addStretch(1)
        foot = QHBoxLayout()
        self.prev_button = button("arrow", "‹")
        self.prev_button.setObjectName("reader_previous")
        self.page_label = label("caption", wrap=False)
        self.next_button = button("arrow", "›")
        self.next_button.setObjectName("reader_next")
        self.back_button = button("primary")
        self.back_button.setObjectName("reader_back")
        foot.addWidget(self.prev_button)
        foot.addWidget(self.page_label)
        foot.addWidget(self.next_button)
        foot.addStretch(1)
        foot.addWidget(self.back_button)
        box.addLayout(foot)
        self._box, self._foot = box, foot
        self._blocks: list[Block] = []
        self._labels: list[QLabel] = []
        self._pages: list[list[int]] = [[]]
        self._page = 0
        self.prev_button.clicked.connect(lambda: self.turn(-1))
        self.next_button.clicked.connect(lambda: self.turn(+1))
        self.back_button.clicked.connect(self.hide)
        self.prev_button.setAccessibleName(self.tr("Previous page"))
        self.next_button.setAccessibleName(self.tr("Next page"))
        self.installEventFilter(self)
        follow_metrics(self, display, self.apply_metrics)

    # --- what it shows ----------------------------------------------------------------
    @property
    def page(self) -> int:
        """The page shown (from 0)."""
        return self._page

    @property
    def page_count(self) -> int:
        return len(self._pages)

    @property
    def shown_texts(self) -> list[str]:
        """The blocks' texts on the page shown."""
        return [self._blocks[i].text for i in self._pages[self._page]]

    def open(self, heading: str, blocks: list[Block], back: str) -> None:
        """Show ``heading`` and ``blocks`` over the window, from the first page; the
        closing button says ``back``."""
        self.heading.setText(heading)
        self.back_button.setText(back)
        self.setAccessibleName(heading)
        for lab in self._labels:
            # Out of the page now: deleted later, it would still be laid out (and shown
            # over the new blocks) when the page is opened again at once.
            self._page_box.removeWidget(lab)
            lab.hide()
            lab.deleteLater()
        self._blocks = list(blocks)
        self._labels = []
        for b in blocks:
            lab = label(b.role, b.text)
            if b.primary:
                primary(lab)
            lab.hide()
            self._page_box.addWidget(lab)
            self._labels.append(lab)
        self._page = 0
        self.show_over()
        self._paginate()
        self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def turn(self, direction: int) -> None:
        """The previous (-1) or next (+1) page."""
        page = max(0, min(self._page + direction, len(self._pages) - 1))
        if page != self._page:
            self._page = page
            self._show_page()

    # --- layout -----------------------------------------------------------------------
    def set_reach(self, top_px: int) -> None:
        # Room around the page, below the low-reach header if there is one.
        edge = self._edge
        lay = self.layout()
        if lay is not None:
            lay.setContentsMargins(edge, top_px + edge, edge, edge)

    def apply_metrics(self, m: Metrics) -> None:
        pad = m.space("l")
        self._edge = m.space("m")
        self.set_reach(self.display.display.reach_px)
        self._box.setContentsMargins(pad, pad, pad, pad)
        self._box.setSpacing(m.space("m"))
        self._page_box.setSpacing(m.space("s"))
        self._foot.setSpacing(m.space("m"))
        self.panel.setFixedWidth(min(m.px(tokens.MEASURE_PX) + 2 * pad, m.width - 2 * pad))
        for b in (self.prev_button, self.next_button):
            b.setFixedWidth(m.target())
        self._paginate()

    def _room(self) -> tuple[int, int]:
        """(width, height) a page's blocks may take."""
        m = self._box.contentsMargins()
        width = self.panel.width() - m.left() - m.right() - 2 * self.panel.frameWidth()
        lay = self.layout()
        top = lay.contentsMargins().top() + lay.contentsMargins().bottom() \
            if lay is not None else 0
        foot = max(self.back_button.sizeHint().height(), self.next_button.sizeHint().height(),
                   self.back_button.minimumHeight(), self.next_button.minimumHeight())
        height = self.height() - top - m.top() - m.bottom() - 2 * self.panel.frameWidth() \
            - height_at(self.heading, width) - foot - 2 * self._box.spacing()
        return width, height

    def _paginate(self) -> None:
        if not self._blocks or self.width() <= 0:
            self._pages = [list(range(len(self._blocks)))]
            self._show_page()
            return
        width, room = self._room()
        sp = self._page_box.spacing()
        heights = [height_at(lab, width) for lab in self._labels]
        # Blocks kept together (a source's title and address) move as one.
        groups: list[list[int]] = []
        for i in range(len(self._blocks)):
            if groups and self._blocks[groups[-1][-1]].keep_with_next:
                groups[-1].append(i)
            else:
                groups.append([i])
        pages: list[list[int]] = []
        page: list[int] = []
        used = 0
        for group in groups:
            need = sum(heights[i] for i in group) + sp * len(group)
            if page and used + need > room:
                pages.append(page)
                page, used = [], 0
            page += group
            used += need
        pages.append(page)
        self._pages = pages
        self._page = min(self._page, len(pages) - 1)
        self._show_page()

    def _show_page(self) -> None:
        shown = set(self._pages[self._page])
        for i, lab in enumerate(self._labels):
            lab.setVisible(i in shown)
        many = len(self._pages) > 1
        for w in (self.prev_button, self.next_button, self.page_label):
            w.setVisible(many)
        self.page_label.setText(f"{self._page + 1} / {len(self._pages)}")
        self.prev_button.setEnabled(self._page > 0)
        self.next_button.setEnabled(self._page < len(self._pages) - 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.Resize:
            self._paginate()
        return super().eventFilter(watched, event)
