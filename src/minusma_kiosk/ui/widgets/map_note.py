"""A short note kept in a corner of the map: the period shown, the legend, the filter.

A note sizes itself to its text (:meth:`MapNote.height_for`), so the map can place it
and, when the map is too small for it, leave it out (:meth:`MapNote.fits`): a note
gives way before the map or the story does.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from minusma_kiosk.ui.widgets.text import height_at, label


class MapNote(QFrame):
    """A heading (optional, bold) and a text on a light card."""

    def __init__(self, parent: QWidget | None = None, max_share: float = 0.6,
                 across: bool = False) -> None:
        super().__init__(parent)
        #: The most of the map's height (below the chips) the note may take.
        self.max_share = max_share
        #: The widest it is made (its text wraps at this width).
        self.widest = 400
        #: A bottom note that spans the map's width (the other bottom note gives way
        #: while it shows).
        self.across = across
        self.setProperty("role", "note")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        lay = QVBoxLayout(self)
        lay.setSpacing(0)
        self.heading = label("note_heading")
        self.text = label("note_text")
        lay.addWidget(self.heading)
        lay.addWidget(self.text)
        self._layout = lay
        self._stale = False
        self._words: tuple[tuple[str, ...] | None, int] = (None, 0)

    def fit(self, width: int, limit: int) -> bool:
        """Whether the note fits ``limit`` pixels high at ``width`` (a note that can say
        less may shorten itself here)."""
        return self.height_for(width) <= limit

    def set_text(self, heading: str, text: str) -> bool:
        """Show ``heading`` (empty: none) above ``text``; whether that changed it."""
        if (heading, text) == (self.heading.text(), self.text.text()):
            return False
        self.heading.setText(heading)
        self.heading.setVisible(bool(heading))
        self.text.setText(text)
        self._stale = True
        self.updateGeometry()
        return True

    def relayout(self) -> None:
        """Lay the texts out again for the geometry just given, once after a text
        changed (its label keeps a stale height otherwise)."""
        if self._stale:
            self._stale = False
            self._layout.invalidate()
            self._layout.activate()

    def set_padding(self, px: int) -> None:
        """Room inside the card's edge."""
        self._layout.setContentsMargins(px, px // 2, px, px // 2)

    def words_width(self) -> int:
        """The widest word (a word cannot wrap): the narrowest the note may be."""
        key = (self.heading.text(), self.text.text(), self.heading.font().key(),
               self.text.font().key())
        if self._words[0] == key:
            return self._words[1]
        m = self._layout.contentsMargins()
        widest = 0
        for lab in (self.heading, self.text):
            if lab.text():
                metrics = lab.fontMetrics()
                widest = max([widest, *(metrics.horizontalAdvance(w) for w in lab.text().split())])
        self._words = (key, widest + m.left() + m.right() + 2 * self.frameWidth() + 2)
        return self._words[1]

    def natural_width(self) -> int:
        """The width of its longest line unwrapped."""
        m = self._layout.contentsMargins()
        widest = max((lab.fontMetrics().horizontalAdvance(lab.text())
                      for lab in (self.heading, self.text) if lab.text()), default=0)
        return widest + m.left() + m.right() + 2 * self.frameWidth() + 2

    def height_for(self, width: int) -> int:
        """The height it needs at ``width``."""
        m = self._layout.contentsMargins()
        frame = 2 * self.frameWidth()
        inner = width - m.left() - m.right() - frame
        return frame + m.top() + m.bottom() + sum(height_at(lab, inner) for lab in
                                          (self.heading, self.text) if lab.text())
