"""Widgets kept over the map: the filter chips across its top and a note in each
corner (the period, the legend, the filter, who held a place).

The notes in one column share the height below the chips: a note across the bottom
first, then the other bottom notes, then the top ones, each at most its share of the
height; a note that does not fit gives way (the map and the story do not). The view
keeps Mali clear of the notes on the left when that costs it little.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtWidgets import QWidget

from minusma_kiosk.ui.widgets.map_note import MapNote

TOPS = (Qt.Corner.TopLeftCorner, Qt.Corner.TopRightCorner)
LEFTS = (Qt.Corner.TopLeftCorner, Qt.Corner.BottomLeftCorner)


class MapOverlays:
    """The top widget and the corner notes of ``view`` (a widget the size of the map)."""

    def __init__(self, view: QWidget) -> None:
        self.view = view
        self.corners: dict[Qt.Corner, MapNote] = {}
        self.top: QWidget | None = None
        #: Millimetres to pixels, for the gaps between the notes and the edges.
        self.px_per_mm = 96 / 25.4

    def set_corner_note(self, note: MapNote, corner: Qt.Corner) -> None:
        """Keep ``note`` in ``corner`` (the note there before is hidden)."""
        note.setParent(self.view)
        old = self.corners.get(corner)
        if old is not None and old is not note:
            old.hide()
        self.corners[corner] = note

    def set_top_widget(self, widget: QWidget) -> None:
        """Keep ``widget`` across the top (the filter chips)."""
        widget.setParent(self.view)
        self.top = widget
        widget.show()

    @property
    def gap(self) -> int:
        return round(2 * self.px_per_mm)

    @property
    def top_inset(self) -> int:
        """The height the top widget covers (0: none)."""
        if self.top is None or not self.top.isVisibleTo(self.view):
            return 0
        return self.top.height() + self.gap

    def left_inset(self, viewport: QRect, mali: QRectF) -> int:
        """The width the notes on the left cover, when keeping Mali (``mali``, in view
        pixels at scale 1) clear of them costs little (a wide view, where the height
        limits Mali's size); else 0. A note across the bottom does not count: Mali does
        not move for it."""
        left = [n for c, n in self.corners.items() if n.isVisibleTo(self.view)
                and c in LEFTS and not n.across]
        inset = max((n.geometry().right() + self.gap for n in left), default=0)
        height = viewport.height() - self.top_inset
        if inset <= 0 or mali.isEmpty() or height <= 0:
            return 0
        full = min(viewport.width() / mali.width(), height / mali.height())
        kept = min((viewport.width() - inset) / mali.width(), height / mali.height())
        return inset if kept >= 0.9 * full else 0

    def place(self) -> None:
        """Place the top widget and every corner note for the view's size."""
        view, gap = self.view, self.gap
        if self.top is not None:
            hint = self.top.sizeHint()
            self.top.setGeometry(gap, gap, max(view.width() - 2 * gap, 1), hint.height())
        below_top = gap + self.top_inset
        avail = view.height() - below_top - gap
        used = dict.fromkeys(TOPS, 0)
        order = sorted(self.corners.items(), key=lambda item: (not item[1].across,
                                                                 item[0] in TOPS))
        across = False
        for corner, note in order:
            room = max(view.width() - 2 * gap, 1)
            top = corner in TOPS
            width = room if note.across else \
                min(max(min(note.natural_width(), note.widest), note.words_width()), room)
            share = round(avail * note.max_share)
            limit = min(avail - used[corner] - gap, share) if top else share
            fits = bool(note.text.text()) and note.fit(width, limit) and \
                note.words_width() <= room and (top or not across)
            height = note.height_for(width)
            note.setVisible(fits)
            if not fits:
                continue
            left = corner in LEFTS
            x = gap if left or note.across else view.width() - gap - width
            y = below_top if top else view.height() - gap - height
            if note.across:
                across = True
                used = dict.fromkeys(TOPS, height + gap)
            elif not top:
                used[Qt.Corner.TopLeftCorner if left else Qt.Corner.TopRightCorner] = \
                    height + gap
            # Wrapped labels keep the minimum height of their narrowest layout: set it,
            # or the geometry below would be stretched to it.
            note.setMinimumHeight(height)
            note.setGeometry(x, y, width, height)
            note.relayout()
