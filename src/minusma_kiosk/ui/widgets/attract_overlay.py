"""The attract loop's invitation: a band across the bottom, in every language at once.

The exhibit plays on its own above it; the visitor's language is not known yet,
so the invitation is written in each language. With full motion a ring pulses
beside it, like a finger about to touch.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEasingCurve, QPointF, Qt, QVariantAnimation
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from minusma_kiosk.content.model import LANGUAGES
from minusma_kiosk.state.app_state import DisplaySource
from minusma_kiosk.ui.display import follow_metrics
from minusma_kiosk.ui.i18n import translate_to
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.theme.palette import palette
from minusma_kiosk.ui.widgets.overlay import Overlay
from minusma_kiosk.ui.widgets.text import label

INVITATION = str(QT_TRANSLATE_NOOP("AttractOverlay", "Touch the screen to explore"))
SUBJECT = str(QT_TRANSLATE_NOOP("AttractOverlay", "Mali since 2012 and the UN mission MINUSMA"))


class Pulse(QWidget):
    """A ring that grows and fades (full motion), or stays still."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._t = 0.0
        self.anim = QVariantAnimation(self)
        self.anim.setObjectName("attract_pulse")
        self.anim.setStartValue(0.0)
        self.anim.setEndValue(1.0)
        self.anim.setDuration(1600)
        self.anim.setLoopCount(-1)
        self.anim.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.anim.valueChanged.connect(self._on_anim_value_changed)

    def _on_anim_value_changed(self, value: float) -> None:
        self._t = value
        self.update()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        centre = QPointF(self.width() / 2, self.height() / 2)
        core = side * 0.18
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(palette().nav_text))
        p.drawEllipse(centre, core, core)
        ring = QColor(palette().nav_text)
        ring.setAlphaF(1.0 - self._t if self.anim.state() == self.anim.State.Running else 0.6)
        p.setPen(QPen(ring, max(2.0, side * 0.04)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        radius = core + (side * 0.5 - core) * (self._t if self._t else 0.7)
        p.drawEllipse(centre, radius - side * 0.03, radius - side * 0.03)


class AttractOverlay(Overlay):
    """A band inviting a touch; the screens play behind it.

    Attributes
    ----------
    motion
        Whether the ring pulses (full motion only).
    """

    def __init__(self, host: QWidget, display: DisplaySource) -> None:
        super().__init__(host, display, role="")
        self.setObjectName("attract_overlay")
        self.motion = True
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addStretch(1)
        self.band = QFrame()
        self.band.setProperty("role", "attract")
        self.band.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row = self._band_box = QHBoxLayout(self.band)
        self.pulse = Pulse()
        row.addWidget(self.pulse)
        texts = QVBoxLayout()
        self.lines = []
        for lang in LANGUAGES:
            line = label("h2")
            line.setText(translate_to(lang, "AttractOverlay", INVITATION))
            texts.addWidget(line)
            self.lines.append(line)
        self.subject = label("caption")
        self.subject.setText(" · ".join(translate_to(lang, "AttractOverlay", SUBJECT)
                                        for lang in LANGUAGES))
        texts.addWidget(self.subject)
        row.addLayout(texts, 1)
        outer.addWidget(self.band)
        follow_metrics(self, display, self.apply_metrics)

    def show_over(self) -> None:
        super().show_over()
        if self.motion:
            self.pulse.anim.start()

    def on_hidden(self) -> None:
        self.pulse.anim.stop()

    def apply_metrics(self, m: Metrics) -> None:
        """Sizes for the window."""
        side = m.px(150)
        self.pulse.setFixedSize(side, side)
        self._band_box.setContentsMargins(m.space("xl"), m.space("m"), m.space("xl"),
                                          m.space("m"))
        self._band_box.setSpacing(m.space("l"))
