"""Every control of every screen, both themes, both reference screens: large enough for
a finger (9 mm in a window, 20 mm in kiosk mode, from the screen's physical size) and
named for a screen reader (QAccessible)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QAbstractSlider, QWidget

from minusma_kiosk.ui.capture import visit_states
from minusma_kiosk.ui.theme.metrics import px_per_mm
from minusma_kiosk.ui.widgets.chart_plot import ChartPlot
from minusma_kiosk.ui.widgets.map_view import MapView
from minusma_kiosk.ui.widgets.swipe_area import SwipeArea
from minusma_kiosk.ui.widgets.time_strip import TimeStrip

#: Widgets a visitor touches besides buttons and sliders.
GESTURE_WIDGETS = (MapView, TimeStrip, SwipeArea, ChartPlot)

SCREENS = [  # window size, diagonal, mode, millimetres
    ((1920, 1080), 32.0, "window", 9.0),
    ((1366, 768), 15.6, "window", 9.0),
    ((1920, 1080), 32.0, "kiosk", 20.0),
]


def controls(shell) -> list[QWidget]:
    return [w for w in shell.findChildren(QWidget)
            if isinstance(w, (QAbstractButton, QAbstractSlider, *GESTURE_WIDGETS))
            and w.isVisible() and w.window() is shell
            and not w.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)]


def label(w: QWidget) -> str:
    text = w.text() if isinstance(w, QAbstractButton) else ""
    return f"{type(w).__name__} {w.objectName()} {text!r}"


@pytest.mark.parametrize("high_contrast", [False, True], ids=["standard", "high-contrast"])
@pytest.mark.parametrize(("size", "diagonal", "mode", "mm"), SCREENS,
                         ids=["1080p-32in", "1366x768-15.6in", "kiosk-1080p-32in"])
def test_every_control_is_large_enough_and_named(make_shell, size, diagonal, mode, mm,
                                                 high_contrast):
    shell = make_shell(size=size, diagonal_inches=diagonal, mode=mode, lang="fr")
    shell.state.set_access(high_contrast=high_contrast)
    # Computed here from the physical screen, independently of the app's own metrics.
    minimum = mm * px_per_mm(96, 1, diagonal, *size)
    small, unnamed, seen = [], [], 0
    for screen, state, _ in visit_states(shell):
        for w in controls(shell):
            seen += 1
            if min(w.width(), w.height()) < minimum - 0.5:
                small.append(f"{screen}/{state}: {label(w)} {w.width()}x{w.height()}")
            iface = QAccessible.queryAccessibleInterface(w)
            name = iface.text(QAccessible.Text.Name) if iface is not None else ""
            if not name.strip():
                unnamed.append(f"{screen}/{state}: {label(w)}")
    assert seen > 300
    assert small == [], f"under {minimum:.0f} px ({mm} mm): " + "; ".join(sorted(set(small)))
    assert unnamed == [], "no accessible name: " + "; ".join(sorted(set(unnamed)))
