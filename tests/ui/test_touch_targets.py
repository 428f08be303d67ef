"""Every control is large enough for a finger: >= 9 mm, >= 20 mm in kiosk mode."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton

from minusma_kiosk.ui.capture import screen_states, settle
from minusma_kiosk.ui.theme.metrics import px_per_mm


@pytest.mark.parametrize(("size", "diagonal", "mode", "mm"), [
    ((1920, 1080), 32.0, "window", 9.0),
    ((1366, 768), 15.6, "window", 9.0),
    ((1920, 1080), 32.0, "kiosk", 20.0),
    ((1080, 1920), 32.0, "kiosk", 20.0),
])
def test_every_button_on_every_screen_is_large_enough(make_shell, size, diagonal, mode, mm):
    shell = make_shell(size=size, diagonal_inches=diagonal, mode=mode)
    minimum = mm * px_per_mm(96, 1, diagonal, *size) - 0.5
    too_small = []
    for sid in shell.router.registered():
        shell.router.navigate(sid)
        for name, show in screen_states(shell, sid):
            show()
            settle()
            for button in shell.findChildren(QAbstractButton):
                if button.isVisible() and (button.width() < minimum or button.height() < minimum):
                    too_small.append(f"{sid.value}/{name}: {button.objectName() or button.text()!r}"
                                     f" {button.width()}x{button.height()}")
    assert too_small == [], f"under {minimum:.0f} px: " + "; ".join(sorted(set(too_small)))


def test_physical_sizes():
    # A 32" 1080p screen has about 2.71 px per mm; a 15.6" 1366x768 laptop about 3.95.
    assert px_per_mm(96, 1, 32.0, 1920, 1080) == pytest.approx(2.71, abs=0.01)
    assert px_per_mm(96, 1, 15.6, 1366, 768) == pytest.approx(3.95, abs=0.01)
    # A screen that reports nonsense falls back to 96 dpi.
    assert px_per_mm(0.0) == pytest.approx(96 / 25.4)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1080, 1920)])
def test_button_texts_are_not_clipped(make_shell, size, lang):
    shell = make_shell(size=size, lang=lang, diagonal_inches=15.6 if size == (1366, 768) else 32)
    clipped = []
    for sid in shell.router.registered():
        shell.router.navigate(sid)
        for name, show in screen_states(shell, sid):
            show()
            settle()
            for button in shell.findChildren(QAbstractButton):
                if not button.isVisible() or not button.text():
                    continue
                widest = max(button.fontMetrics().horizontalAdvance(line)
                             for line in button.text().splitlines())
                if widest > button.width() - 8:
                    clipped.append(f"{sid.value}/{name}: {button.text()!r} needs {widest} px, "
                                   f"has {button.width()}")
    assert clipped == [], "; ".join(sorted(set(clipped)))
