"""The navigation bar: one large button per screen, the display settings and the
language button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from minusma_kiosk.ui.router import ScreenId, screen_title
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.widgets.text import button, set_flag

#: The language button names the language it switches to, in that language.
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}


class NavBar(QFrame):
    """Always visible at the bottom of the screen, within a seated visitor's reach.

    Parameters
    ----------
    screens
        The registered screens, in order.

    Signals
    -------
    screen_requested(object)
        A screen button was tapped (its :class:`ScreenId`).
    language_requested()
        The language button was tapped.
    access_requested()
        The display settings button ("Aa") was tapped.
    """

    screen_requested = Signal(object)
    language_requested = Signal()
    access_requested = Signal()

    def __init__(self, screens: list[ScreenId], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NavBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.buttons: dict[ScreenId, QPushButton] = {}
        for sid in screens:
            b = button("nav")
            b.setObjectName(f"nav_{sid.value}")
            b.clicked.connect(lambda _=False, s=sid: self.screen_requested.emit(s))
            lay.addWidget(b, 1)
            self.buttons[sid] = b
        self.access = button("access")
        self.access.setObjectName("nav_access")
        self.access.clicked.connect(self.access_requested)
        lay.addWidget(self.access)
        self.language = button("lang")
        self.language.setObjectName("nav_language")
        self.language.clicked.connect(self.language_requested)
        lay.addWidget(self.language)
        self._next_lang = "fr"
        self.retranslate()

    def set_active(self, sid: ScreenId) -> None:
        """Mark the shown screen."""
        for s, b in self.buttons.items():
            set_flag(b, "active", s == sid)
            b.setAccessibleDescription(self.tr("current screen") if s == sid else "")

    def set_next_language(self, lang: str) -> None:
        """Name the language the button switches to."""
        self._next_lang = lang
        self.retranslate()

    def retranslate(self) -> None:
        """Set the button texts again."""
        for sid, b in self.buttons.items():
            b.setText(screen_title(sid))
            b.setAccessibleName(screen_title(sid))
        self._fit_labels()
        name = LANGUAGE_NAMES.get(self._next_lang, self._next_lang)
        self.language.setText(name)
        self.language.setAccessibleName(self.tr("Change language to {name}").format(name=name))
        self.access.setText("Aa")
        self.access.setAccessibleName(self.tr("Display settings"))
        self.access.setAccessibleDescription(
            self.tr("Text size, high contrast, less motion, controls lower"))

    def apply_metrics(self, m: Metrics) -> None:
        """Size the bar for the window; labels shrink (never below the body size's
        floor) rather than be cut when many screens share a narrow bar."""
        self.setFixedHeight(m.target(112))
        self.language.setMinimumWidth(m.target(240))
        self.access.setMinimumWidth(m.target(150))
        self._metrics = m
        self._fit_labels()

    def _fit_labels(self) -> None:
        m = getattr(self, "_metrics", None)
        if m is None or not self.buttons:
            return
        per_button = ((m.width - m.target(240) - m.target(150)) / len(self.buttons)
                      - 2 * m.space("s"))
        px = m.font("nav")
        font = QFont(self.font())
        font.setBold(True)
        while px > 14:
            font.setPixelSize(px)
            widest = max(QFontMetrics(font).horizontalAdvance(b.text())
                         for b in self.buttons.values())
            if widest <= per_button:
                break
            px -= 1
        self.setStyleSheet(f'QPushButton[role="nav"] {{ font-size: {px}px; }}')
