"""Simulated touch input, through Qt's real touch pipeline (QTest touch events).

Pass the widget as the third positional argument of press/move/release, so the
point is in widget coordinates (TOOLCHAIN.md).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

_device = None


def device():
    """One touch screen device for the whole test session."""
    global _device
    if _device is None:
        _device = QTest.createTouchDevice()
    return _device


def _window_point(widget: QWidget, point: QPoint) -> tuple[QWidget, QPoint]:
    window = widget.window()
    return window, widget.mapTo(window, point)


def tap(widget: QWidget, point: QPoint | None = None) -> None:
    """A one-finger tap at ``point`` (default: the centre) of ``widget``."""
    window, p = _window_point(widget, point or widget.rect().center())
    QTest.touchEvent(window, device()).press(0, p, window).commit()
    QTest.touchEvent(window, device()).release(0, p, window).commit()
    QApplication.processEvents()


def swipe(widget: QWidget, dx: int, dy: int = 0, steps: int = 8,
          start: QPoint | None = None) -> None:
    """A one-finger swipe of (dx, dy) pixels starting at ``start`` (default: centre)."""
    window, p = _window_point(widget, start or widget.rect().center())
    QTest.touchEvent(window, device()).press(0, p, window).commit()
    for i in range(1, steps + 1):
        q = p + QPoint(dx * i // steps, dy * i // steps)
        QTest.touchEvent(window, device()).move(0, q, window).commit()
    QTest.touchEvent(window, device()).release(0, p + QPoint(dx, dy), window).commit()
    QApplication.processEvents()


def mouse_drag(widget: QWidget, dx: int, dy: int = 0) -> None:
    """The same gesture with a mouse (press, move, release)."""
    from PySide6.QtCore import Qt

    start = widget.rect().center()
    end = start + QPoint(dx, dy)
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(widget, end)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def pinch(widget: QWidget, spread: int, steps: int = 6) -> None:
    """Two fingers moving apart (spread > 0) or together around the centre of ``widget``."""
    window = widget.window()
    c = widget.mapTo(window, widget.rect().center())
    a0, b0 = c + QPoint(-40, 0), c + QPoint(40, 0)
    QTest.touchEvent(window, device()).press(0, a0, window).press(1, b0, window).commit()
    for i in range(1, steps + 1):
        d = QPoint(spread * i // (2 * steps), 0)
        QTest.touchEvent(window, device()).move(0, a0 - d, window).move(1, b0 + d, window) \
            .commit()
    d = QPoint(spread // 2, 0)
    QTest.touchEvent(window, device()).release(0, a0 - d, window).release(1, b0 + d, window) \
        .commit()
    QApplication.processEvents()
