"""Display settings a visitor can change: text size, contrast, motion, reach, read aloud.

Opened from the navigation bar's "Aa" button, in every mode. Each setting is one
large button that says what it does and whether it is on; the kiosk's idle reset
puts them all back.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QWidget

from minusma_kiosk.state.app_state import LAYOUT, TEXT_SIZES, Access, AppState, Aspect
from minusma_kiosk.ui.display import follow, follow_language, follow_metrics
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.widgets.overlay import Overlay
from minusma_kiosk.ui.widgets.text import button, label, set_flag


def percent(value: int, lang: str) -> str:
    """``125 %`` with the space French typography wants (narrow no-break), none in English."""
    return f"{value}\u202f%" if lang == "fr" else f"{value}%"


class AccessPanel(Overlay):
    """The display settings, over the window.

    Parameters
    ----------
    host
        The window.
    state
        The shared state whose :class:`Access` settings the buttons change.
    read_aloud
        Whether a read-aloud button is offered (a speech engine exists).
    low_reach
        Whether the low-reach button is offered (the screen is tall enough for it
        to move anything).

    Signals
    -------
    read_aloud_requested()
        "Read aloud" was tapped: the shell reads the current card or event.
    """

    read_aloud_requested = Signal()

    def __init__(self, host: QWidget, state: AppState, read_aloud: bool = False,
                 low_reach: bool = True) -> None:
        super().__init__(host, state)
        self.setObjectName("access_panel")
        self._state = state
        lay = self.add_panel()
        self.title = label("h2")
        lay.addWidget(self.title)
        self.size_label = label("body")
        lay.addWidget(self.size_label)
        sizes = QHBoxLayout()
        self.sizes: dict[int, QPushButton] = {}
        for value in TEXT_SIZES:
            b = button("chip")
            b.setObjectName(f"access_size_{value}")
            b.setCheckable(True)
            b.clicked.connect(lambda _=False, v=value: state.set_access(text_size=v))
            sizes.addWidget(b, 1)
            self.sizes[value] = b
        lay.addLayout(sizes)
        self._toggles = QGridLayout()
        self.toggles: dict[str, QPushButton] = {}
        names = ["high_contrast", "reduced_motion"] + (["low_reach"] if low_reach else [])
        for i, name in enumerate(names):
            b = button("chip")
            b.setObjectName(f"access_{name}")
            b.setCheckable(True)
            b.clicked.connect(lambda checked, n=name: state.set_access(**{n: checked}))
            self._toggles.addWidget(b, i // 2, i % 2)
            self.toggles[name] = b
        lay.addLayout(self._toggles)
        self.read_aloud = None
        if read_aloud:
            self.read_aloud = button("secondary")
            self.read_aloud.setObjectName("access_read_aloud")
            self.read_aloud.clicked.connect(self._on_read_aloud_clicked)
            lay.addWidget(self.read_aloud)
        self.done = button("primary")
        self.done.setObjectName("access_done")
        self.done.clicked.connect(self.hide)
        lay.addWidget(self.done)
        follow(self, state, LAYOUT | Aspect.PALETTE | Aspect.MOTION,
               lambda change: self._show_access(change.display.access))
        follow_language(self, state, self.retranslate)
        follow_metrics(self, state, self.apply_metrics)

    def _on_read_aloud_clicked(self) -> None:
        self.hide()
        self.read_aloud_requested.emit()

    def _show_access(self, access: Access) -> None:
        for value, b in self.sizes.items():
            b.setChecked(value == access.text_size)
            set_flag(b, "active", value == access.text_size)
        for name, b in self.toggles.items():
            on = bool(access.value(name))
            b.setChecked(on)
            set_flag(b, "active", on)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language; each toggle says whether it is on."""
        lang = self._state.language
        self.title.setText(self.tr("Display"))
        self.size_label.setText(self.tr("Text size"))
        for value, b in self.sizes.items():
            b.setText(percent(value, lang))
            b.setAccessibleName(self.tr("Text size {size}").format(size=percent(value, lang)))
        names = {"high_contrast": self.tr("High contrast"),
                 "reduced_motion": self.tr("Less motion"),
                 "low_reach": self.tr("Controls lower")}
        descriptions = {
            "high_contrast": self.tr("Black text on white, darker colours"),
            "reduced_motion": self.tr("No moving animations"),
            "low_reach": self.tr("Every control within reach of a seated visitor")}
        for name, b in self.toggles.items():
            state = self.tr("on") if b.isChecked() else self.tr("off")
            b.setText(self.tr("{setting}: {state}").format(setting=names[name], state=state))
            b.setAccessibleName(names[name])
            b.setAccessibleDescription(descriptions[name])
        if self.read_aloud is not None:
            self.read_aloud.setText(self.tr("Read this aloud"))
            self.read_aloud.setAccessibleName(self.read_aloud.text())
        self.done.setText(self.tr("Done"))
        self.done.setAccessibleName(self.tr("Close the display settings"))

    def apply_metrics(self, m: Metrics) -> None:
        """Sizes for the window."""
        margin = m.space("l")
        panel = self.panel_box
        panel.setContentsMargins(margin, margin, margin, margin)
        panel.setSpacing(m.space("m"))
        self._toggles.setSpacing(m.space("s"))
        host = self.host
        self.panel.setFixedWidth(min(m.px(1200), host.width() - 2 * m.space("m")))
        for b in [*self.sizes.values(), *self.toggles.values(), self.done,
                  *([self.read_aloud] if self.read_aloud else [])]:
            b.setMinimumHeight(m.target())
        # Each size is written in the size it gives.
        base = m.font("body") / m.text_scale
        for value, b in self.sizes.items():
            b.setStyleSheet(f"font-size: {round(base * value / 100)}px;")

    def mousePressEvent(self, event) -> None:
        """A tap beside the panel closes it."""
        if not self.panel.geometry().contains(event.position().toPoint()):
            self.hide()
        event.accept()
