"""The PIN pad that guards the admin panel: on screen, digits only, no keyboard needed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minusma_kiosk.state.app_state import DisplaySource
from minusma_kiosk.ui.display import follow_language, follow_metrics
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.widgets.overlay import Overlay
from minusma_kiosk.ui.widgets.text import button, label

MAX_DIGITS = 12


class PinPad(Overlay):
    """Ten digits, erase, OK and cancel; the typed digits show as dots.

    Signals
    -------
    submitted(str)
        OK with the digits typed (the kiosk checks them).
    cancelled()
        Cancel: back to the exhibit.
    """

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, host: QWidget, display: DisplaySource) -> None:
        super().__init__(host, display)
        self.setObjectName("pin_pad")
        self._digits = ""
        self._configured = True
        lay = self.add_panel()
        self.title = label("h2")
        self.dots = label("h1")
        self.message = label("body")
        # The texts above the keys (portrait) or beside them (landscape, where large
        # text would otherwise push the keys off a 1080-pixel-high screen).
        self._body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        texts = QVBoxLayout()
        for w in (self.title, self.dots, self.message):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            texts.addWidget(w)
        texts.addStretch(1)
        self._body.addLayout(texts, 1)
        lay.addLayout(self._body)
        self.grid = QGridLayout()
        self.keys: dict[str, QPushButton] = {}
        for i, key in enumerate([*"123456789", "erase", "0", "ok"]):
            b = button("key", key) if key.isdigit() else button("secondary")
            b.setObjectName(f"pin_key_{key}")
            b.clicked.connect(lambda _=False, k=key: self.press(k))
            self.grid.addWidget(b, i // 3, i % 3)
            self.keys[key] = b
        self._body.addLayout(self.grid)
        row = QHBoxLayout()
        self.cancel_button = button("secondary")
        self.cancel_button.setObjectName("pin_cancel")
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        row.addWidget(self.cancel_button)
        lay.addLayout(row)
        self.retranslate()
        follow_language(self, display, self.retranslate)
        follow_metrics(self, display, self.apply_metrics)

    def open(self, configured: bool) -> None:
        """Show the pad, empty (``configured`` False: say how to set a PIN)."""
        self._digits = ""
        self._configured = configured
        for key in self.keys.values():
            key.setEnabled(configured)
        self.retranslate()
        self.show_over()

    def press(self, key: str) -> None:
        """A key of the pad: a digit, ``erase`` (the last digit) or ``ok`` (submit)."""
        if key == "erase":
            self._digits = self._digits[:-1]
        elif key == "ok":
            digits, self._digits = self._digits, ""
            self._show_dots()
            self.submitted.emit(digits)
            return
        elif len(self._digits) < MAX_DIGITS:
            self._digits += key
        self._show_dots()

    def refuse(self, wait_s: float) -> None:
        """The PIN was wrong (``wait_s`` > 0: the pad is locked that long)."""
        if wait_s > 0:
            self.message.setText(self.tr("Wrong PIN. Too many tries: wait {n} s.").format(
                n=round(wait_s)))
        else:
            self.message.setText(self.tr("Wrong PIN."))

    def _on_cancel_clicked(self) -> None:
        self._digits = ""
        self.hide()
        self.cancelled.emit()

    def _show_dots(self) -> None:
        self.dots.setText(" ".join("•" * len(self._digits)))

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        self.title.setText(self.tr("Staff only: enter the admin PIN"))
        self.cancel_button.setText(self.tr("Back to the exhibit"))
        self.cancel_button.setAccessibleName(self.cancel_button.text())
        self.keys["erase"].setText(self.tr("Erase"))
        self.keys["ok"].setText(self.tr("OK"))
        for key in ("erase", "ok"):
            self.keys[key].setAccessibleName(self.keys[key].text())
        if self._configured:
            self.message.setText("")
        else:
            self.message.setText(self.tr(
                "No admin PIN is set on this machine. Set one with: minusma-kiosk set-pin"))
        self._show_dots()

    def apply_metrics(self, m: Metrics) -> None:
        """Sizes for the window (keys at least the kiosk's touch target)."""
        margin = m.space("l")
        self.panel_box.setContentsMargins(margin, margin, margin, margin)
        self.panel_box.setSpacing(m.space("s"))
        self.grid.setSpacing(m.space("s"))
        self._body.setDirection(QBoxLayout.Direction.TopToBottom if m.portrait
                                else QBoxLayout.Direction.LeftToRight)
        self._body.setSpacing(m.space("l"))
        # Wider than tall, like a telephone's keys: room for "Effacer" too, at any size.
        for key in self.keys.values():
            key.setFixedSize(m.target(200 * m.text_scale), m.target(110))
        host = self.host
        design = 1000 if m.portrait else 1600
        self.panel.setFixedWidth(min(m.px(design), host.width() - 2 * m.space("m")))
        self.cancel_button.setMinimumHeight(m.target())
        self.dots.setMinimumHeight(round(m.font("h1") * 1.4))
