"""Labels and buttons styled through the theme's ``role`` property."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget


def label(role: str, text: str = "", parent: QWidget | None = None, wrap: bool = True) -> QLabel:
    """A label with a theme role (h1, h2, lead, body, caption, figure, kicker)."""
    w = QLabel(text, parent)
    w.setProperty("role", role)
    w.setWordWrap(wrap)
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
