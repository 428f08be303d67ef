"""The story audit: is every primary text entirely in view?

A text marked with :func:`~minusma_kiosk.ui.widgets.text.primary` counts as seen only
when all of its lines are inside the window and inside every widget that clips it: a
label in a scroll area is not visible unless it is scrolled into view, and a label
cut short by its parent is not all there. The capture code visits the states; this
module says, for the state shown, which primary texts a visitor cannot read whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel, QWidget

#: Pixels of tolerance (rounding between layout and font metrics).
SLACK = 2


@dataclass(frozen=True)
class Hidden:
    """A primary text a visitor cannot read whole."""

    text: str
    needed_px: int
    shown_px: int

    def __str__(self) -> str:
        words = " ".join(self.text.split())
        short = words if len(words) <= 48 else words[:47] + "…"
        return f"{short!r}: {self.shown_px} of {self.needed_px} px in view"


def needed_height(label: QLabel) -> int:
    """How tall a label's text is at its width."""
    if label.wordWrap():
        return max(label.heightForWidth(label.width()), 0)
    lines = len(label.text().splitlines()) or 1
    return label.fontMetrics().height() * lines + label.contentsMargins().top() \
        + label.contentsMargins().bottom()


def in_view(widget: QWidget, window: QWidget) -> QRect:
    """The part of ``widget`` (in window coordinates) that no ancestor clips away."""
    rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        clip = QRect(parent.mapTo(window, parent.rect().topLeft()), parent.size())
        rect = rect.intersected(clip)
        if parent is window:
            break
        parent = parent.parentWidget()
    return rect


def hidden_primary_texts(window: QWidget) -> list[Hidden]:
    """The primary texts shown in ``window`` that are not entirely in view."""
    out = []
    for label in window.findChildren(QLabel):
        if not label.property("primary") or not label.text().strip():
            continue
        if not label.isVisibleTo(window):
            continue
        needed = needed_height(label)
        visible = in_view(label, window)
        # The text starts at the label's top: what is in view is the part from the top
        # of the label's rectangle that no ancestor clips, and all of it must be there.
        top = label.mapTo(window, label.rect().topLeft()).y()
        shown = 0 if visible.isEmpty() or visible.top() > top + SLACK else visible.height()
        shown = min(shown, label.height())
        if shown + SLACK < needed:
            out.append(Hidden(label.text(), needed, shown))
    return out
