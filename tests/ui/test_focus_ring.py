"""A keypad or keyboard user reaches every control and sees where the focus is
(issue #14 item 9): Tab walks every button of the screen and of the navigation bar,
and the button with the focus wears a ring of the focus colour (3:1 against what
surrounds it, in tests/ui/test_contrast.py), but only when the keyboard moved the
focus there: the ring never shows on a button a visitor touched."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from minusma_kiosk.ui.capture import settle
from minusma_kiosk.ui.router import ScreenId
from minusma_kiosk.ui.theme.palette import palette
from tests.ui.touch import tap

SCREENS = [ScreenId.HOME, ScreenId.TIMELINE, ScreenId.BUDGET, ScreenId.CARDS,
           ScreenId.SOURCES]


def ring_colour(button: QPushButton) -> bool:
    """Whether the button's left edge is drawn in a focus colour."""
    image = button.grab().toImage()
    wanted = {QColor(palette().focus).rgb(), QColor(palette().focus_on_dark).rgb()}
    y = image.height() // 2
    return any(image.pixel(x, y) in wanted for x in range(min(6, image.width())))


@pytest.mark.parametrize("sid", SCREENS, ids=[s.value for s in SCREENS])
def test_tab_reaches_every_button_and_shows_a_ring(make_shell, sid):
    shell = make_shell()
    shell.router.navigate(sid)
    settle()
    buttons = [b for b in shell.findChildren(QPushButton) if b.isVisible() and b.isEnabled()]
    assert buttons
    reached = set()
    for _ in range(len(buttons) * 2 + 4):
        QTest.keyClick(shell, Qt.Key.Key_Tab)
        settle()
        focused = QApplication.focusWidget()
        if isinstance(focused, QPushButton):
            reached.add(id(focused))
            assert ring_colour(focused), focused.objectName() or focused.text()
    missed = [b.objectName() or b.text() for b in buttons if id(b) not in reached]
    assert not missed, f"never reached by Tab: {missed}"


def test_a_tap_or_a_page_opening_shows_no_ring(make_shell):
    shell = make_shell()
    shell.router.navigate(ScreenId.TIMELINE)
    settle()
    chip = next(b for b in shell.findChildren(QPushButton) if b.objectName().startswith("chip_"))
    tap(chip)
    settle()
    assert not ring_colour(chip)
    # The window opening gives the first button the focus: no ring either.
    assert not any(ring_colour(b) for b in shell.findChildren(QPushButton) if b.isVisible())
