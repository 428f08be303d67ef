"""A list of sources: title, publisher, date and address."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from minusma_kiosk.content.model import Lang, Source
from minusma_kiosk.state.app_state import DisplaySource
from minusma_kiosk.ui.display import follow_language
from minusma_kiosk.ui.widgets.figure_view import source_line
from minusma_kiosk.ui.widgets.text import label


def breakable_url(url: str) -> str:
    """Let a long address wrap after / ? & = - _ . (zero-width spaces)."""
    out = []
    for ch in url:
        out.append(ch)
        if ch in "/?&=-_.":
            out.append("\u200b")
    return "".join(out)


class SourceList(QWidget):
    """Shows sources one under the other, with their web addresses written out.

    Addresses are text, never links: a kiosk must not open a browser.
    """

    def __init__(self, sources: tuple[Source, ...], display: DisplaySource,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sources = sources
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self._rows = []
        for _ in sources:
            title, url = label("body"), label("caption")
            lay.addWidget(title)
            lay.addWidget(url)
            lay.addSpacing(8)
            self._rows.append((title, url))
        follow_language(self, display, lambda: self.set_language(display.display.language),
                        now=True)

    def set_language(self, lang: Lang) -> None:
        """Write dates in ``lang``."""
        for src, (title, url) in zip(self.sources, self._rows, strict=True):
            title.setText(source_line(src, lang))
            url.setText(breakable_url(src.url))
