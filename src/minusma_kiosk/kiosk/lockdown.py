"""No way out for a visitor: the keys that close, leave or reveal the desktop do nothing.

An application-wide event filter for kiosk mode. It swallows Esc, F11, Alt+F4,
Ctrl+Q, Ctrl+W (and their shortcut overrides) and every context-menu request.
Closing the window is refused by the shell itself unless the admin panel asked
for it. Keys the operating system keeps for itself (Ctrl+Alt+Del, the
compositor's switcher) cannot be caught by any program: the kiosk session
(``packaging/``) runs without them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt

_MODS = Qt.KeyboardModifier
#: (key, modifier that must be held; NoModifier: with or without modifiers)
BLOCKED: tuple[tuple[Qt.Key, Qt.KeyboardModifier], ...] = (
    (Qt.Key.Key_Escape, _MODS.NoModifier),
    (Qt.Key.Key_F11, _MODS.NoModifier),
    (Qt.Key.Key_F4, _MODS.AltModifier),
    (Qt.Key.Key_Q, _MODS.ControlModifier),
    (Qt.Key.Key_W, _MODS.ControlModifier),
)
_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)


def is_blocked(key: int, modifiers: Qt.KeyboardModifier) -> bool:
    """Whether ``key`` with ``modifiers`` is a way out."""
    for blocked, needed in BLOCKED:
        if key == blocked and (needed == _MODS.NoModifier or modifiers & needed):
            return True
    return False


class Lockdown(QObject):
    """Install on the QApplication in kiosk mode (``app.installEventFilter``).

    Attributes
    ----------
    swallowed
        How many events it stopped (the admin panel shows it; tests read it).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.swallowed = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _KEY_EVENTS and is_blocked(event.key(),  # type: ignore[attr-defined]
                                              event.modifiers()):  # type: ignore[attr-defined]
            self.swallowed += 1
            return True
        if kind == QEvent.Type.ContextMenu:
            self.swallowed += 1
            return True
        return False
