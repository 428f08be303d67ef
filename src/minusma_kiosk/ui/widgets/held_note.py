"""Who held the town or region the visitor tapped: a note across the bottom of the map.

It tells who held it, from when to when, where the sources disagree, and the sources
by publisher and date. Where that does not fit (150 % text, a portrait map), the note
says who and when and offers the rest on a "Read more" page.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QWidget

from minusma_kiosk.content.formatting import format_date
from minusma_kiosk.content.model import Lang, Occupation
from minusma_kiosk.content.typography import tidy
from minusma_kiosk.state.app_state import DisplaySource
from minusma_kiosk.ui.display import follow_language
from minusma_kiosk.ui.widgets.figure_view import source_line
from minusma_kiosk.ui.widgets.map_note import MapNote
from minusma_kiosk.ui.widgets.text import button, primary


class HeldTexts(NamedTuple):
    """The note's texts, in the visitor's language: the heading; who held it, from when
    to when; "Sources differ: ..." ("" when they agree); the sources by publisher and
    date, on one line; each source in full (title, publisher, date), for the "Read
    more" page."""

    heading: str
    when: str
    differ: str
    sources: str
    full_sources: tuple[str, ...]


def held_texts(occ: Occupation, name: str, lang: Lang) -> HeldTexts:
    """The texts about ``occ`` (a town or region called ``name`` in ``lang``)."""
    translate = QCoreApplication.translate
    if occ.place is not None:
        heading = translate("HeldNote", "{name}: held by armed groups")
    else:
        heading = translate("HeldNote", "{name} region: held by armed groups")
    who, start = occ.held_by.get(lang), format_date(occ.held_from.isoformat(), lang)
    if occ.held_to is None:
        when = translate("HeldNote", "{who}, since {start}.")
    else:
        when = translate("HeldNote", "{who}, from {start} to {end}.")
    end = format_date(occ.held_to.isoformat(), lang) if occ.held_to else ""
    if occ.region is not None:
        when += " " + translate("HeldNote", "Shown from the fall of its main town to the "
                                            "army's return.")
    differ = ""
    if occ.differ:
        differ = translate("HeldNote", "Sources differ: {text}").format(
            text=occ.differ.get(lang))
    # "AP, 1 April 2012": the publisher without "(copy on ...)"; the full titles and the
    # copies are on the "Read more" page and the Sources screen.
    named = [s.publisher.split(" (")[0] + (f", {format_date(s.published, lang)}"
                                           if s.published else "") for s in occ.sources]
    if len(named) > 1:
        listed = translate("HeldNote", "Sources: {list}.")
    else:
        listed = translate("HeldNote", "Source: {list}.")
    joined = tidy((" ; " if lang == "fr" else "; ").join(named), lang)
    return HeldTexts(heading.format(name=name), when.format(who=who, start=start, end=end),
                     differ, listed.format(list=joined),
                     tuple(source_line(s, lang) for s in occ.sources))


class HeldNote(MapNote):
    """The note on a held town or region; whole, or short with "Read more".

    Signals
    -------
    read_more()
        The visitor asked for the whole note (it was too long for the map).
    """

    read_more = Signal()

    def __init__(self, display: DisplaySource, parent: QWidget | None = None) -> None:
        super().__init__(parent, max_share=0.8, across=True)
        self.more = button("secondary")
        self.more.setObjectName("held_read_more")
        self.more.hide()
        self.more.clicked.connect(self.read_more)
        self._layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        primary(self.heading, self.text)
        self.texts: HeldTexts | None = None
        # Whether the note shows less than the whole (the rest behind "Read more").
        self.short = False
        follow_language(self, display, self._retranslate, now=True)

    def show_texts(self, texts: HeldTexts | None) -> None:
        """Show ``texts`` whole (None: nothing)."""
        self.texts = texts
        self._show(0)

    def _show(self, level: int, button: bool = True) -> None:
        """Whole (level 0), who and when (1), or the heading alone (2), the rest behind
        "Read more" (levels 1 and 2). The button (when ``button``) changes only when
        its need does: hiding it under a finger, even for a moment, would lose the tap."""
        t = self.texts
        if t is None:
            level, heading, text = 0, "", ""
        elif level == 0:
            heading, text = t.heading, "\n".join(x for x in (t.when, t.differ, t.sources) if x)
        elif level == 1:
            heading, text = t.heading, t.when
        else:
            heading, text = "", t.heading
        if (heading, text) != (self.heading.text(), self.text.text()):
            self.set_text(heading, text)
            # The labels' minimum heights were set for the last layout's width, which
            # may not be this one (the map sets the note's height for its width).
            for lab in (self.heading, self.text):
                lab.setMinimumHeight(0)
        self.short = level > 0
        if button and self.more.isVisibleTo(self) != self.short:
            self.more.setVisible(self.short)

    def _retranslate(self) -> None:
        self.more.setText(self.tr("Read more and sources"))

    def fit(self, width: int, limit: int) -> bool:
        """Whole if it fits, else shorter with "Read more"."""
        if self.texts is None:
            return False
        self._show(0, button=False)
        if self.height_for(width) <= limit:
            self._show(0)
            return True
        self._show(1, button=False)
        if self.height_for(width) > limit:
            self._show(2, button=False)
        self._show(2 if self.text.text() == self.texts.heading else 1)
        return self.height_for(width) <= limit

    def height_for(self, width: int) -> int:
        extra = self.more.sizeHint().height() + self._layout.contentsMargins().bottom() \
            if self.short else 0
        return super().height_for(width) + extra
