"""Interest cards: why the mission mattered, one card at a time.

Swipe left or right (one finger) or use the arrows and numbers to move between
cards; tap a card, or its button, to open the detail with every source.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from minusma_kiosk.content.model import Card, CardId, Content, TourStep
from minusma_kiosk.state.app_state import AppState, DisplaySource
from minusma_kiosk.state.card_deck import CardDeck
from minusma_kiosk.ui.display import follow_language, follow_metrics
from minusma_kiosk.ui.router import Screen, ScreenId
from minusma_kiosk.ui.theme import tokens
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.widgets.figure_view import FigureView
from minusma_kiosk.ui.widgets.pictures import render_picture
from minusma_kiosk.ui.widgets.scrolling import kinetic_scroll_area
from minusma_kiosk.ui.widgets.source_list import SourceList
from minusma_kiosk.ui.widgets.swipe_area import SwipeArea
from minusma_kiosk.ui.widgets.text import button, cut_to_fit, height_at, label, primary, set_flag

#: The words' share of a card front's width in landscape (the figure has the rest).
WORDS_SHARE = 0.6


class CardFront(QWidget):
    """What a visitor reads first, all of it in view: the icon and headline, the short
    text, the large figure with its date and source, and the way to the details.

    Landscape: words on the left (three fifths), the figure on the right. Portrait: one
    column. Nothing scrolls: if large text leaves too little room, the short text stops
    at a word with "…" and the opened card begins with all of it.
    """

    def __init__(self, card: Card, display: DisplaySource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self._display = display
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        words = QVBoxLayout()
        head = QHBoxLayout()
        self.picture = QLabel()
        self.picture.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.headline = label("h2")
        head.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.headline, 1)
        self._head = head
        self.text = label("body")
        primary(self.headline, self.text)
        words.addLayout(head)
        words.addWidget(self.text)
        words.addStretch(1)
        self.more = button("secondary")
        self.more.setObjectName(f"card_more_{card.id}")
        words.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        self.figure = FigureView(card.figure, display, large=True)
        self.figure.note.hide()
        number = QVBoxLayout()
        number.addWidget(self.figure)
        number.addStretch(1)
        self._box.addLayout(words, 3)
        self._box.addLayout(number, 2)
        self._words, self._number = words, number
        self._portrait = False
        self._split = WORDS_SHARE
        self._full_text = ""
        follow_language(self, display, self.retranslate, now=True)
        follow_metrics(self, display, self.apply_metrics)

    @property
    def cut(self) -> bool:
        """Whether the short text is cut to fit (large text in a small window)."""
        return self.text.text() != self._full_text

    def retranslate(self) -> None:
        lang = self._display.display.language
        self.headline.setText(self.card.headline.get(lang))
        self._full_text = self.card.text.get(lang)
        self.text.setText(self._full_text)
        self.figure.note.hide()
        self.more.setText(self.tr("Details and sources  ›"))
        self.more.setAccessibleName(self.tr("Open details and sources"))
        self._fit()

    def apply_metrics(self, m: Metrics) -> None:
        self._portrait = m.portrait
        # The way to the details comes last: under the words (landscape), under the
        # figure (portrait).
        self._words.removeWidget(self.more)
        self._number.removeWidget(self.more)
        (self._number if m.portrait else self._words).addWidget(
            self.more, 0, Qt.AlignmentFlag.AlignLeft)
        self._box.setDirection(QBoxLayout.Direction.TopToBottom if m.portrait
                               else QBoxLayout.Direction.LeftToRight)
        # Portrait: the figure follows the text directly; landscape: side by side.
        self._box.setStretch(0, 0 if m.portrait else round(self._split * 10))
        self._box.setStretch(1, 1 if m.portrait else round((1 - self._split) * 10))
        self._box.setSpacing(m.space("l"))
        self._number.setSpacing(0)
        self._words.setSpacing(m.space("s"))
        self._head.setSpacing(m.space("m"))
        if self.card.image is not None:
            self.picture.setPixmap(render_picture(self.card.image, m.px(96)))
        self.picture.setVisible(self.card.image is not None)
        self._fit()

    def _columns(self) -> tuple[int, int]:
        """The width of the words and of the figure (the same in portrait)."""
        width = self.width()
        if self._portrait:
            return width, width
        inner = width - self._box.spacing()
        return round(inner * self._split), round(inner * (1 - self._split))

    def needed_height(self) -> int:
        """The height everything on the front needs at its width, whole."""
        words_w, figure_w = self._columns()
        sp = self._words.spacing()
        picture = self.picture.sizeHint() if self.picture.isVisibleTo(self) else None
        head_w = words_w - (picture.width() + self._head.spacing() if picture else 0)
        head = max(picture.height() if picture else 0, height_at(self.headline, head_w))
        text = height_at(self.text, words_w) if self.text.text() else 0
        # head, text, the stretch and the button: three gaps
        more = max(self.more.sizeHint().height(), self.more.minimumSizeHint().height(),
                   self.more.minimumHeight())
        words = head + 3 * sp + text + more
        f = self.figure
        shown = [w for w in (f.qualifier, f.value, f.what, f.origin) if w.isVisibleTo(f)]
        lay = f.layout()
        inner = lay.spacing() if lay is not None else 0
        figure = sum(height_at(w, figure_w) for w in shown) \
            + self._number.spacing() + inner * max(len(shown) - 1, 0)
        if self._portrait:
            # words: head and text (the stretch and the button went under the figure)
            return words - more - sp + self._box.spacing() + figure + more
        return max(words, figure)

    def _fit(self) -> None:
        """Everything whole if it fits; else the figure condensed (in two steps); else
        the text cut too."""
        if self.width() <= 0 or self.height() <= 0:
            return
        room = self.height()
        self.text.setText(self._full_text)
        self._set_split(WORDS_SHARE)
        for level in (0, 1, 2):
            self.figure.condense(level)
            if self.needed_height() <= room:
                return
        # Last: the figure gets half the width (landscape), and the text gives way.
        if not self._portrait:
            self._set_split(0.5)
        cut_to_fit(self.text, self._full_text, lambda: self.needed_height() <= room)

    def _set_split(self, words: float) -> None:
        """The words' share of the width in landscape (the figure has the rest)."""
        self._split = words
        if not self._portrait:
            self._box.setStretch(0, round(words * 10))
            self._box.setStretch(1, round((1 - words) * 10))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event) -> None:
        # A hidden card is styled for new metrics only when shown: measure it then.
        super().showEvent(event)
        self._fit()


class CardBack(QWidget):
    """The opened card: detail, where sources differ, every figure and source."""

    def __init__(self, card: Card, display: DisplaySource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self._display = display
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.headline = label("h2")
        self.close_button = button("secondary")
        self.close_button.setObjectName(f"card_close_{card.id}")
        top.addWidget(self.headline, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(0, 0, 0, 0)
        # The opened card begins where the front left off: its short text, whole.
        self.intro = label("lead")
        self.detail = label("body")
        lay.addWidget(self.intro)
        lay.addWidget(self.detail)
        self.differ_box = QFrame()
        self.differ_box.setProperty("role", "warning")
        differ_lay = QVBoxLayout(self.differ_box)
        self.differ_title = label("kicker")
        self.differ_text = label("body")
        differ_lay.addWidget(self.differ_title)
        differ_lay.addWidget(self.differ_text)
        lay.addWidget(self.differ_box)
        self.differ_box.setVisible(bool(card.disagreement))
        self.figures_title = label("kicker")
        lay.addWidget(self.figures_title)
        self.figures = [FigureView(f, display, large=False)
                        for f in (card.figure, *card.more_figures)]
        for fv in self.figures:
            lay.addWidget(fv)
        self.sources_title = label("kicker")
        lay.addWidget(self.sources_title)
        self.sources = SourceList(card.all_sources(), display)
        lay.addWidget(self.sources)
        lay.addStretch(1)
        self._body_layout = lay
        self.area = kinetic_scroll_area(body)
        outer.addWidget(self.area, 1)
        follow_language(self, display, self.retranslate, now=True)
        follow_metrics(self, display, self.apply_metrics)

    def retranslate(self) -> None:
        lang = self._display.display.language
        card = self.card
        self.headline.setText(card.headline.get(lang))
        self.intro.setText(card.text.get(lang))
        self.detail.setText(card.detail.get(lang))
        self.differ_title.setText(self.tr("WHERE SOURCES DIFFER"))
        self.differ_text.setText(card.disagreement.get(lang))
        self.figures_title.setText(self.tr("THE FIGURES"))
        self.sources_title.setText(self.tr("SOURCES"))
        self.close_button.setText(self.tr("Close  ✕"))
        self.close_button.setAccessibleName(self.tr("Close the details"))

    def apply_metrics(self, m: Metrics) -> None:
        self._body_layout.setSpacing(m.space("m"))
        self.detail.setMaximumWidth(m.px(tokens.MEASURE_PX + 200))
        self.intro.setMaximumWidth(m.px(tokens.MEASURE_PX + 200))


class CardView(QStackedWidget):
    """One card: its front, and its back when opened."""

    def __init__(self, card: Card, display: DisplaySource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.front = CardFront(card, display)
        self.back = CardBack(card, display)
        self.addWidget(self.front)
        self.addWidget(self.back)

    def set_expanded(self, expanded: bool) -> None:
        self.setCurrentWidget(self.back if expanded else self.front)
        if not expanded:
            self.back.area.verticalScrollBar().setValue(0)


@dataclass(frozen=True)
class _CardPlace:
    card: CardId
    expanded: bool


class CardsScreen(Screen):
    """The deck of interest cards.

    Parameters
    ----------
    content
        The loaded content (cards).
    state
        Shared state (language).
    deck
        Which card is shown and whether it is open.
    """

    screen_id = ScreenId.CARDS

    def __init__(self, content: Content, state: AppState, deck: CardDeck,
                 px_per_mm: float, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self._content, self._state, self._deck = content, state, deck
        outer = QVBoxLayout(self)
        self._outer = outer
        head = QHBoxLayout()
        self.kicker = label("kicker")
        self.position = label("caption", wrap=False)
        head.addWidget(self.kicker, 1)
        head.addWidget(self.position)
        outer.addLayout(head)
        row = QHBoxLayout()
        self.prev_button = button("arrow", "‹")
        self.prev_button.setObjectName("cards_previous")
        self.next_button = button("arrow", "›")
        self.next_button.setObjectName("cards_next")
        self.card_frame = SwipeArea(px_per_mm)
        self.card_frame.setObjectName("card_frame")
        self.card_frame.setProperty("role", "card")
        self.card_frame.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        frame_lay = QVBoxLayout(self.card_frame)
        self._frame_layout = frame_lay
        self.stack = QStackedWidget()
        self.views = [CardView(card, self.display) for card in content.cards]
        for view in self.views:
            self.stack.addWidget(view)
            view.front.more.clicked.connect(lambda _=False: self._deck.set_expanded(True))
            view.back.close_button.clicked.connect(lambda _=False: self._deck.set_expanded(False))
        frame_lay.addWidget(self.stack)
        row.addWidget(self.card_frame, 1)
        self._row = row
        outer.addLayout(row, 1)
        # Under the card: the numbers in the middle; the arrows around them (portrait)
        # or the hint beside them (landscape, where the height is short).
        self._dots_row = QGridLayout()
        dots = QHBoxLayout()
        self._dots_layout = dots
        self.dots: list[QPushButton] = []
        for i in range(len(content.cards)):
            dot = button("dot", str(i + 1))
            dot.setObjectName(f"cards_dot_{i + 1}")
            dot.clicked.connect(lambda _=False, n=i: self._deck.go_to(n))
            dots.addWidget(dot)
            self.dots.append(dot)
        self._dots_row.addLayout(dots, 0, 1)
        self._dots_row.setColumnStretch(0, 1)
        self._dots_row.setColumnStretch(2, 1)
        self.hint = label("caption")
        outer.addLayout(self._dots_row)
        self._portrait: bool | None = None
        self._place_arrows(portrait=False)
        self.prev_button.clicked.connect(self._deck.previous)
        self.next_button.clicked.connect(self._deck.next)
        self.card_frame.swiped.connect(self._on_card_frame_swiped)
        self.card_frame.tapped.connect(self._on_card_frame_tapped)
        deck.current_changed.connect(self._on_deck_current_changed)
        deck.expanded_changed.connect(self._on_deck_expanded_changed)
        self._on_deck_current_changed(deck.current)
        self.retranslate()
        follow_language(self, self.display, self.retranslate)
        follow_metrics(self, self.display, self.apply_metrics)

    # --- slots -----------------------------------------------------------------
    def _on_card_frame_swiped(self, direction: int) -> None:
        if direction < 0:
            self._deck.next()
        else:
            self._deck.previous()

    def _on_card_frame_tapped(self) -> None:
        if not self._deck.expanded:
            self._deck.set_expanded(True)

    def _on_deck_current_changed(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        for i, dot in enumerate(self.dots):
            set_flag(dot, "active", i == index)
        self._update_position()

    def _on_deck_expanded_changed(self, expanded: bool) -> None:
        self.views[self._deck.current].set_expanded(expanded)

    def _place_arrows(self, portrait: bool) -> None:
        """Arrows beside the card in landscape, the hint beside the numbers; in portrait
        the arrows around the numbers and the hint under them."""
        if portrait == self._portrait:
            return
        self._portrait = portrait
        for w in (self.prev_button, self.next_button, self.hint):
            self._row.removeWidget(w)
            self._dots_row.removeWidget(w)
            self._outer.removeWidget(w)
        if portrait:
            self._dots_row.addWidget(self.prev_button, 0, 0, Qt.AlignmentFlag.AlignLeft)
            self._dots_row.addWidget(self.next_button, 0, 2, Qt.AlignmentFlag.AlignRight)
            self.hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self._outer.addWidget(self.hint)
        else:
            self._row.insertWidget(0, self.prev_button, 0, Qt.AlignmentFlag.AlignVCenter)
            self._row.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignVCenter)
            self.hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._dots_row.addWidget(self.hint, 0, 2)

    # --- Screen hooks ------------------------------------------------------------
    def _update_position(self) -> None:
        self.position.setText(self.tr("Card {n} of {total}").format(
            n=self._deck.current + 1, total=self._deck.count))
        card = self._content.cards[self._deck.current]
        self.card_frame.setAccessibleName(self.tr("Card {n}: {headline}").format(
            n=self._deck.current + 1, headline=card.headline.get(self._state.language)))
        self.card_frame.setAccessibleDescription(self.tr(
            "Swipe sideways for another card; tap to open its details and sources."))

    def retranslate(self) -> None:
        lang = self._state.language
        self.kicker.setText(self.tr("WHY THE MISSION MATTERED: REASONS GIVEN FOR SUPPORTING IT"))
        self.hint.setText(self.tr("Swipe the card, or tap the arrows or a number"))
        self.prev_button.setAccessibleName(self.tr("Previous card"))
        self.next_button.setAccessibleName(self.tr("Next card"))
        for i, dot in enumerate(self.dots):
            dot.setAccessibleName(self.tr("Card {n}: {headline}").format(
                n=i + 1, headline=self._content.cards[i].headline.get(lang)))
        self._update_position()

    def apply_metrics(self, m: Metrics) -> None:
        margin = m.space("l")
        self._outer.setContentsMargins(margin, m.space("m"), margin, m.space("s"))
        self._outer.setSpacing(m.space("s"))
        self._row.setSpacing(m.space("m"))
        pad = m.space("l" if m.portrait else "m")
        self._frame_layout.setContentsMargins(pad, pad, pad, pad)
        self._dots_row.setHorizontalSpacing(m.space("m"))
        self._dots_layout.setSpacing(m.space("s"))
        self.card_frame.px_per_mm = m.px_per_mm
        self._place_arrows(m.portrait)
        side = m.target()
        for b in (self.prev_button, self.next_button, *self.dots):
            b.setFixedSize(side, side)

    def on_leave(self) -> None:
        self._deck.set_expanded(False)

    def place(self) -> object:
        """The card shown (by id) and whether it is opened."""
        return _CardPlace(self._content.cards[self._deck.current].id, self._deck.expanded)

    def restore(self, place: object) -> None:
        if not isinstance(place, _CardPlace):
            return
        ids = [c.id for c in self._content.cards]
        if place.card in ids:
            self._deck.go_to(ids.index(place.card))
            self._deck.set_expanded(place.expanded)

    def reset(self) -> None:
        self._deck.reset()

    def present(self, step: TourStep) -> None:
        ids = [c.id for c in self._content.cards]
        if step.card is not None and step.card.id in ids:
            self._deck.go_to(ids.index(step.card.id))
        else:
            self._deck.reset()
        self._deck.set_expanded(step.open)

    def attract(self, on: bool) -> None:
        if on and self._deck.count:  # each pass of the attract loop shows the next card
            self._deck.go_to((self._deck.current + 1) % self._deck.count)

    def spoken_text(self) -> str:
        from minusma_kiosk.ui.speech import visible_text

        return visible_text(self.views[self._deck.current].currentWidget())

    def _open(self, index: int) -> None:
        self._deck.go_to(index)
        self._deck.set_expanded(True)
