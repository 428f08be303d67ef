"""Sources & credits: every document the exhibit cites, and who made what."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from minusma_kiosk import __version__
from minusma_kiosk.content.model import Content
from minusma_kiosk.state.app_state import AppState
from minusma_kiosk.ui.display import follow_language, follow_metrics
from minusma_kiosk.ui.router import Screen, ScreenId
from minusma_kiosk.ui.theme import tokens
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.widgets.scrolling import kinetic_scroll_area
from minusma_kiosk.ui.widgets.source_list import SourceList
from minusma_kiosk.ui.widgets.text import label


class SourcesScreen(Screen):
    """A scrolling list of sources in use, then the credits and versions.

    Parameters
    ----------
    content
        The loaded content.
    state
        Shared state (language).
    """

    screen_id = ScreenId.SOURCES

    def __init__(self, content: Content, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self._content, self._state = content, state
        self._scroll_to: float | None = None
        outer = QVBoxLayout(self)
        self._outer = outer
        self.title = label("h1")
        self.intro = label("body")
        outer.addWidget(self.title)
        outer.addWidget(self.intro)
        body = QWidget()
        lay = QVBoxLayout(body)
        self._body_layout = lay
        self.sources_title = label("kicker")
        lay.addWidget(self.sources_title)
        self.sources = SourceList(content.sources_in_use(), self.display)
        lay.addWidget(self.sources)
        self.credits_title = label("kicker")
        lay.addWidget(self.credits_title)
        self.credit_rows = []
        for _ in content.credits:
            what, who = label("body"), label("caption")
            lay.addWidget(what)
            lay.addWidget(who)
            self.credit_rows.append((what, who))
        self.versions = label("caption")
        lay.addWidget(self.versions)
        lay.addStretch(1)
        self.area = kinetic_scroll_area(body)
        outer.addWidget(self.area, 1)
        self.retranslate()
        follow_language(self, self.display, self.retranslate)
        follow_metrics(self, self.display, self.apply_metrics)

    def retranslate(self) -> None:
        lang = self._state.language
        self.title.setText(self.tr("Sources & credits"))
        self.intro.setText(self.tr(
            "Every figure in this exhibit comes from one of these documents. Figures "
            "marked 'computed for this exhibit' are calculated from sourced figures, "
            "and show their formula. Where sources disagree, the exhibit says so."))
        self.sources_title.setText(self.tr("SOURCES ({count})").format(
            count=len(self.sources.sources)))
        self.credits_title.setText(self.tr("CREDITS"))
        for credit, (what, who) in zip(self._content.credits, self.credit_rows, strict=True):
            what.setText(credit.what.get(lang))
            parts = [credit.who, credit.licence] + ([credit.url] if credit.url else [])
            who.setText(" · ".join(parts))
        self.versions.setText(self.tr("Content version {content} · software version {app}")
                              .format(content=self._content.site.version, app=__version__))

    def apply_metrics(self, m: Metrics) -> None:
        margin = m.space("xl")
        self._outer.setContentsMargins(margin, m.space("l"), margin, m.space("s"))
        self._body_layout.setSpacing(m.space("s"))
        self.intro.setMaximumWidth(m.px(tokens.MEASURE_PX + 300))

    def place(self) -> object:
        """How far down the list the visitor has scrolled (a fraction: the list may be
        longer or shorter with the new content)."""
        bar = self.area.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def restore(self, place: object) -> None:
        if isinstance(place, float) and place > 0:
            self.scroll_to(place)

    def scroll_to(self, fraction: float) -> None:
        """Scroll to ``fraction`` of the list (0: the top, 1: the end)."""
        if self.isVisible():
            self._outer.activate()
            bar = self.area.verticalScrollBar()
            bar.setValue(round(fraction * bar.maximum()))
        else:  # laid out when it is first shown: scroll once it is
            self._scroll_to = fraction

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._scroll_to is not None:
            bar = self.area.verticalScrollBar()
            self._outer.activate()
            bar.setValue(round(self._scroll_to * bar.maximum()))
            self._scroll_to = None

    def reset(self) -> None:
        self.area.verticalScrollBar().setValue(0)
