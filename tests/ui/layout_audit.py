"""Find text that is cut off and widgets that overlap, in whatever the window shows.

Used by the text-size tests: a label whose text needs more room than it has, a
widget that sticks out of its parent, or two widgets of one layout on top of each
other is a problem a visitor would see. Labels inside scroll areas may be as tall
as they like (the visitor scrolls); their width still has to fit.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QWidget

from minusma_kiosk.ui.widgets.fit_label import FitLabel
from minusma_kiosk.ui.widgets.overlay import Overlay

#: Pixels of tolerance (rounding between layout and font metrics).
SLACK = 2


def _name(w: QWidget) -> str:
    text = w.text() if isinstance(w, (QLabel, QAbstractButton)) else ""
    text = " ".join(text.split())
    return f"{type(w).__name__} {w.objectName() or ''} {text[:40]!r}".strip()


def _in_scroll_area(w: QWidget, top: QWidget) -> bool:
    p = w.parentWidget()
    while p is not None and p is not top:
        if isinstance(p, QScrollArea):
            return True
        p = p.parentWidget()
    return False


def _shown(w: QWidget, top: QWidget) -> bool:
    return w.isVisibleTo(top) and w.width() > 0 and w.height() > 0


def clipped_labels(top: QWidget) -> list[str]:
    """Labels whose text does not fit in them."""
    out = []
    for lab in top.findChildren(QLabel):
        text = lab.text()
        if not text or not _shown(lab, top) or isinstance(lab, FitLabel) or lab.pixmap() \
                and not lab.pixmap().isNull():
            continue
        rect = lab.contentsRect()
        fm = lab.fontMetrics()
        if lab.wordWrap():
            words = text.replace("\u200b", " ").split()  # URLs break at zero-width spaces
            widest = max(fm.horizontalAdvance(word) for word in words) if words else 0
            if widest > rect.width() + SLACK:
                out.append(f"{_name(lab)}: a word needs {widest} px, has {rect.width()}")
            needed = lab.heightForWidth(lab.width())
            if needed > lab.height() + SLACK:
                out.append(f"{_name(lab)}: needs {needed} px tall, has {lab.height()}")
        else:
            widest = max(fm.horizontalAdvance(line) for line in text.splitlines())
            if widest > rect.width() + SLACK:
                out.append(f"{_name(lab)}: needs {widest} px wide, has {rect.width()}")
            lines = len(text.splitlines()) or 1
            if fm.height() * lines > rect.height() + SLACK:
                out.append(f"{_name(lab)}: needs {fm.height() * lines} px tall, "
                           f"has {rect.height()}")
    return out


def outside_parents(top: QWidget) -> list[str]:
    """Widgets that stick out of their parent (and are cut there)."""
    out = []
    for w in top.findChildren(QWidget):
        parent = w.parentWidget()
        if parent is None or not _shown(w, top) or isinstance(w, Overlay) or w.isWindow() \
                or isinstance(parent.parentWidget(), QScrollArea):
            continue  # a scroll area's content may be taller than its viewport
        inner = parent.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK)
        if not inner.contains(w.geometry()):
            out.append(f"{_name(w)} at {_rect(w.geometry())} sticks out of "
                       f"{_name(parent)} {parent.width()}x{parent.height()}")
    return out


def overlapping(top: QWidget) -> list[str]:
    """Sibling widgets laid out on top of one another."""
    out = []
    for parent in [top, *top.findChildren(QWidget)]:
        if not _shown(parent, top) and parent is not top:
            continue
        kids = [w for w in parent.findChildren(QWidget, options=_direct())
                if _shown(w, top) and not isinstance(w, Overlay) and not w.isWindow()
                and parent.layout() is not None and _managed(parent, w)]
        for i, a in enumerate(kids):
            for b in kids[i + 1:]:
                common = a.geometry().intersected(b.geometry())
                if common.width() > SLACK and common.height() > SLACK:
                    out.append(f"{_name(a)} {_rect(a.geometry())} overlaps {_name(b)} "
                               f"{_rect(b.geometry())}")
    return out


def _direct():
    from PySide6.QtCore import Qt

    return Qt.FindChildOption.FindDirectChildrenOnly


def _managed(parent: QWidget, w: QWidget) -> bool:
    """Whether ``w`` sits in ``parent``'s layout (or one nested in it)."""
    def search(layout) -> bool:
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item.widget() is w:
                return True
            if item.layout() is not None and search(item.layout()):
                return True
        return False

    return search(parent.layout())


def _rect(r: QRect) -> str:
    return f"({r.x()},{r.y()} {r.width()}x{r.height()})"


def audit(top: QWidget) -> list[str]:
    """Every problem found in what ``top`` shows now."""
    return clipped_labels(top) + outside_parents(top) + overlapping(top)
