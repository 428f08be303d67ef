"""The navigation bar: one large button per screen, the display settings and the
language button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QFrame, QGridLayout, QPushButton, QWidget

from minusma_kiosk.state.app_state import DisplaySource, next_language
from minusma_kiosk.ui.display import follow_language, follow_metrics, style_root
from minusma_kiosk.ui.router import ScreenId, screen_title
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.widgets.text import button, set_flag

#: The language button names the language it switches to, in that language.
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
# Design widths (px) of the language and "Aa" buttons in a one-row bar, and the
# design height of the second row of a two-row bar.
LANGUAGE_PX, ACCESS_PX, TOP_ROW_PX = 240, 150, 72


class NavBar(QFrame):
    """Always visible at the bottom of the screen, within a seated visitor's reach.

    Parameters
    ----------
    screens
        The registered screens, in order.
    display
        The display it follows (sizes, language).

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

    def __init__(self, screens: list[ScreenId], display: DisplaySource,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NavBar")
        self._display = display
        self._style = style_root(self, display)
        self._metrics: Metrics | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(0)
        self.buttons: dict[ScreenId, QPushButton] = {}
        for sid in screens:
            b = button("nav")
            b.setObjectName(f"nav_{sid.value}")
            b.clicked.connect(lambda _=False, s=sid: self.screen_requested.emit(s))
            self.buttons[sid] = b
        self.access = button("access")
        self.access.setObjectName("nav_access")
        self.access.clicked.connect(self.access_requested)
        self.language = button("lang")
        self.language.setObjectName("nav_language")
        self.language.clicked.connect(self.language_requested)
        self.two_rows = False
        self._arrange(two_rows=False)
        self.retranslate()
        follow_metrics(self, display, self.apply_metrics)
        follow_language(self, display, self.retranslate)

    def _arrange(self, two_rows: bool) -> None:
        """One row: the screens, then "Aa" and the language. Two rows (a narrow
        screen, where the labels would shrink past reading): "Aa" and the language
        above the screens, each half the width."""
        grid = self._grid
        for w in (*self.buttons.values(), self.access, self.language):
            grid.removeWidget(w)
        n = len(self.buttons)
        row = 1 if two_rows else 0
        for i, b in enumerate(self.buttons.values()):
            grid.addWidget(b, row, i)
            grid.setColumnStretch(i, 1)
        if two_rows:
            half = max(1, n // 2)
            grid.addWidget(self.access, 0, 0, 1, half)
            grid.addWidget(self.language, 0, half, 1, n - half)
        else:
            grid.addWidget(self.access, 0, n)
            grid.addWidget(self.language, 0, n + 1)
        for extra in (n, n + 1):
            grid.setColumnStretch(extra, 0)
        self.two_rows = two_rows

    def set_active(self, sid: ScreenId) -> None:
        """Mark the shown screen."""
        for s, b in self.buttons.items():
            set_flag(b, "active", s == sid)
            b.setAccessibleDescription(self.tr("current screen") if s == sid else "")

    def retranslate(self) -> None:
        """Set the button texts again."""
        for sid, b in self.buttons.items():
            b.setText(screen_title(sid))
            b.setAccessibleName(screen_title(sid))
        self._fit_labels()
        lang = next_language(self._display.display.language)
        name = LANGUAGE_NAMES.get(lang, lang)
        self.language.setText(name)
        self.language.setAccessibleName(self.tr("Change language to {name}").format(name=name))
        self.access.setText("Aa")
        self.access.setAccessibleName(self.tr("Display settings"))
        self.access.setAccessibleDescription(
            self.tr("Text size, high contrast, less motion, controls lower"))

    def apply_metrics(self, m: Metrics) -> None:
        """Size the bar for the window; labels shrink (never below the body size's
        floor) rather than be cut when many screens share a narrow bar."""
        self.language.setMinimumWidth(m.target(LANGUAGE_PX))
        self.access.setMinimumWidth(m.target(ACCESS_PX))
        self._metrics = m
        self._fit_labels()

    def _room(self, m: Metrics, two_rows: bool) -> float:
        """Pixels for each screen button's label."""
        side = 0 if two_rows else m.target(LANGUAGE_PX) + m.target(ACCESS_PX)
        return (m.width - side) / max(len(self.buttons), 1) - 2 * m.space("s")

    def _widest(self, px: int) -> int:
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(px)
        return max(QFontMetrics(font).horizontalAdvance(b.text())
                   for b in self.buttons.values())

    def _fit_labels(self) -> None:
        m = self._metrics
        if m is None or not self.buttons:
            return
        # Two rows when one would shrink the labels under the caption size.
        two_rows = self._widest(m.font("caption")) > self._room(m, False)
        if two_rows != self.two_rows:
            self._arrange(two_rows)
        # The second row ("Aa", language) is lower: the screen keeps most of its height.
        top_row = m.target(TOP_ROW_PX)
        self.setFixedHeight(m.target(112) + (top_row if two_rows else 0))
        per_button = self._room(m, two_rows)
        px = m.font("nav")
        while px > 14 and self._widest(px) > per_button:
            px -= 1
        sheet = f'QPushButton[role="nav"] {{ font-size: {px}px; }}'
        if two_rows:
            sheet += (f' QPushButton[role="lang"], QPushButton[role="access"] {{ '
                      f'min-height: {top_row}px; max-height: {top_row}px; }}')
        self._style.set_extra(sheet)
