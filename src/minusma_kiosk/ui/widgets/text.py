"""Labels and buttons styled through the theme's ``role`` property."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget


class _WrappedHeight(QObject):
    """Gives a wrapped label, whenever its width changes, the minimum height its lines
    need at that width. Qt's layouts size wrapped labels from their plain size hint in
    many arrangements (grids, nested rows, scroll areas), which cut their last lines."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(obj, QLabel) and obj.wordWrap():
            needed = text_height(obj) if obj.text() else 0
            if needed != obj.minimumHeight():
                obj.setMinimumHeight(needed)
        return False


class _FocusRing(QObject):
    """Marks a button with ``keyfocus`` while a press of Tab or Shift+Tab gave it the
    focus, like CSS ``:focus-visible``: the style sheet rings it then only. Qt's
    ``:focus`` also matches a button focused by a tap, by the window opening or by a
    page opening, and Qt says "Tab" when it moves the focus off a widget that hides:
    a touch-screen visitor would see a ring they never chose."""

    def __init__(self) -> None:
        super().__init__()
        self._tabbed = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            self._tabbed = event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        elif kind == QEvent.Type.FocusIn and isinstance(obj, QWidget) and \
                obj.property("role") is not None:
            set_flag(obj, "keyfocus", self._tabbed)
            self._tabbed = False
        elif kind == QEvent.Type.FocusOut and isinstance(obj, QWidget) and \
                obj.property("keyfocus"):
            set_flag(obj, "keyfocus", False)
        return False


_FOCUS_RING = _FocusRing()


def ring_on_keyboard_focus(widget: QWidget) -> None:
    """Give ``widget`` the focus ring when a Tab press moves the focus to it (also put
    on the window, which holds the focus before the first Tab)."""
    widget.installEventFilter(_FOCUS_RING)


def text_height(lab: QLabel) -> int:
    """How tall a word-wrapped label's lines are at its present width."""
    return height_at(lab, lab.width())


def height_at(lab: QLabel, width: int) -> int:
    """How tall a label's lines are at ``width`` (one line's height if it does not wrap).

    QLabel's ``heightForWidth`` never answers less than the label's minimum height, so
    a label once laid out narrow (a hidden card) would keep that height when it widens
    (the card's text pushed half out of view): the minimum is lifted while it is asked.
    """
    lab.ensurePolished()
    if not lab.wordWrap():
        return lab.sizeHint().height()
    kept = lab.minimumHeight()
    if kept == 0:
        return lab.heightForWidth(width)
    lab.setMinimumHeight(0)
    needed = lab.heightForWidth(width)
    lab.setMinimumHeight(kept)
    return needed


_WRAPPED_HEIGHT = _WrappedHeight()


class Label(QLabel):
    """A label whose minimum height follows its text as well as its width: a shorter
    text set without a resize must not keep the longer one's height (its lines would
    float in the middle of an empty band)."""

    def setText(self, text: str) -> None:
        super().setText(text)
        if self.wordWrap() and self.minimumHeight():
            self.setMinimumHeight(text_height(self) if text else 0)


def label(role: str, text: str = "", parent: QWidget | None = None, wrap: bool = True) -> QLabel:
    """A label with a theme role (h1, h2, lead, body, caption, figure, kicker)."""
    w = Label(text, parent)
    w.setProperty("role", role)
    w.setWordWrap(wrap)
    if wrap:
        w.installEventFilter(_WRAPPED_HEIGHT)
    w.setTextFormat(Qt.TextFormat.PlainText)
    w.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    w.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    w.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return w


def button(role: str, text: str = "", parent: QWidget | None = None) -> QPushButton:
    """A push button with a theme role (primary, secondary, tile, nav, lang, dot)."""
    w = QPushButton(text, parent)
    w.setProperty("role", role)
    w.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    ring_on_keyboard_focus(w)
    w.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    w.setAutoDefault(False)
    return w


def set_flag(widget: QWidget, name: str, value: bool) -> None:
    """Set a boolean style property and make the style sheet notice it (only on a change)."""
    text = "true" if value else "false"
    if widget.property(name) == text:
        return
    widget.setProperty(name, text)
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        # Only a widget already styled needs re-styling; the others get the property
        # when they are first polished (this also keeps QStyle off the start-up path).
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)


def set_role(widget: QWidget, role: str) -> None:
    """Give ``widget`` another theme role, and restyle it (only on a change)."""
    if widget.property("role") == role:
        return
    widget.setProperty("role", role)
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)


def cut_to_fit(lab: QLabel, text: str, fits: Callable[[], bool]) -> bool:
    """Show as much of ``text`` in ``lab`` as ``fits()`` allows, cut after a word with
    "…" (nothing at all if not even one word fits). Returns whether it was cut."""
    lab.setText(text)
    if fits():
        return False
    words = text.split()
    lo, hi = 0, len(words)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        lab.setText(" ".join(words[:mid]) + " …")
        if fits():
            lo = mid
        else:
            hi = mid - 1
    lab.setText(" ".join(words[:lo]) + " …" if lo else "")
    return True


def primary(*widgets: QWidget) -> None:
    """Mark the texts a visitor came for (a headline, the story, its date, place and
    source; a card's figure with its date and source): the story audit
    (:mod:`minusma_kiosk.ui.audit`) checks that each is entirely in view."""
    for w in widgets:
        w.setProperty("primary", True)
