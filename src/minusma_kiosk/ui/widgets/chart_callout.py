"""The callout beside (or under) a chart: the value tapped, what it is and its source,
always whole; the figure's note under them, cut at a word with "Read more" when the
room is short.

The screen says what to show (:class:`CalloutTexts`) and how much room the callout
has; the callout fits its texts to it. Measuring sets the labels' texts, so a resize
that arrives meanwhile is held and the callout fits again once done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from minusma_kiosk.ui.widgets.text import button, cut_to_fit, height_at, label, primary


class CalloutTexts(NamedTuple):
    """What a callout says: the value line, what it is, the figure's note, its source,
    and the source by publisher and date (for the largest text on a small screen)."""

    value: str
    what: str
    note: str = ""
    source: str = ""
    short_source: str = ""


class ChartCallout(QFrame):
    """The value tapped, explained.

    Signals
    -------
    read_more()
        "Read more" was tapped: the screen shows :attr:`texts` whole.
    height_changed()
        The callout got another height (the room beside the plot may change).
    """

    read_more = Signal()
    height_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "panel")
        lay = QVBoxLayout(self)
        self._layout = lay
        self.value = label("h3")
        self.text = label("body")
        self.note = label("caption")
        self.source = label("caption")
        primary(self.value, self.text, self.source)
        self._labels = (self.value, self.text, self.note, self.source)
        for w in self._labels:
            lay.addWidget(w)
        self.more = button("secondary")
        self.more.setObjectName("chart_callout_more")
        self.more.hide()
        self.more.clicked.connect(self.read_more)
        lay.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addStretch(1)
        self._texts = CalloutTexts("", "")
        #: Tries to give the callout more width (beside the plot); True if it did (a
        #: resize then fits the callout again). None: the width is what it is.
        self.widen: Callable[[], bool] | None = None
        self._measuring = False
        self._resized = False
        #: The height the callout may take when the screen sets it (under the plot);
        #: None: its own height (beside the plot).
        self.room: int | None = None

    @property
    def texts(self) -> CalloutTexts:
        """What the callout says, whole."""
        return self._texts

    @property
    def cut(self) -> bool:
        """Whether what the value is, or its source, is cut short for want of room (only
        with the largest text on a small screen)."""
        return self.text.text() != self._texts.what or self.source.text() != self._texts.source

    @property
    def note_cut(self) -> bool:
        """Whether the figure's note stops short, with "Read more"."""
        return self.more.isVisibleTo(self)

    @contextmanager
    def measuring(self) -> Iterator[None]:
        """Hold resizes while texts are set to be measured; fit again afterwards if one
        came (the outermost measurement does)."""
        was, self._measuring = self._measuring, True
        try:
            yield
        finally:
            self._measuring = was
        if not was and self._resized:
            self._resized = False
            self.fit()

    def show_texts(self, texts: CalloutTexts) -> None:
        """Say ``texts``, fitted to the room the callout has."""
        self._texts = texts
        self.fit()

    def need(self, texts: tuple[str, ...], width: int, more: bool = False) -> int:
        """The height the callout needs for ``texts`` (value, what, note, source) at
        ``width``, with the "Read more" button if ``more``."""
        lay = self._layout
        m = lay.contentsMargins()
        frame = 2 * self.frameWidth()
        inner = width - m.left() - m.right() - frame
        shown = [(w, t) for w, t in zip(self._labels, texts[:4], strict=True) if t]
        kept = [w.text() for w, _ in shown]
        with self.measuring():
            for w, t in shown:
                w.setText(t)
            need = frame + m.top() + m.bottom() + sum(height_at(w, inner) for w, _ in shown) \
                + lay.spacing() * max(len(shown) - 1, 0)
            for (w, _), t in zip(shown, kept, strict=True):
                w.setText(t)
        if more:
            need += lay.spacing() + max(self.more.sizeHint().height(), self.more.minimumHeight())
        return need

    def fit(self) -> None:
        """The value, what it is and the source whole, then as much of the note as fits
        (the rest behind "Read more"); if even that does not fit, a wider callout first,
        then the source by publisher and date, then what the value is cut."""
        with self.measuring():
            self._fit()

    def _hide_empty(self) -> None:
        """An empty label (a note cut to nothing) would still take the layout's spacing,
        which :meth:`need` does not count: hidden, it takes none."""
        for w in self._labels:
            if w.isVisibleTo(self) != bool(w.text()):
                w.setVisible(bool(w.text()))

    def _fit(self) -> None:
        self._fit_texts()
        self._hide_empty()

    def _fit_texts(self) -> None:
        t = self._texts
        for w, text in zip(self._labels, t[:4], strict=True):
            w.setText(text)
        self.more.hide()
        self.more.setText(self.tr("Read more"))
        room, width = (self.room if self.room is not None else self.height()), self.width()
        if room <= 0 or width <= 0 or self.need(t, width) <= room:
            return
        self.more.show()

        def fits() -> bool:
            shown = (t.value, self.text.text(), self.note.text(), self.source.text())
            return self.need(shown, width, True) <= room

        if not cut_to_fit(self.note, t.note, fits) or self.note.text() or fits():
            return
        if self.widen is not None and self.widen():
            return
        if t.short_source:
            self.source.setText(t.short_source)
        cut_to_fit(self.text, t.what, fits)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._measuring:
            self._resized = True
            return
        with self.measuring():
            if event.size().height() != event.oldSize().height():
                self.height_changed.emit()
            self._fit()
