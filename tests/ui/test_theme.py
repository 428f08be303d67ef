"""The bundled typeface, the style sheet and fullscreen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from minusma_kiosk.ui.theme.metrics import compute_metrics
from minusma_kiosk.ui.theme.style import stylesheet
from minusma_kiosk.ui.theme.tokens import PALETTE


def test_bundled_font_is_the_application_font_and_covers_french_and_bambara(qapp):
    font = QApplication.font()
    assert font.family() == "Noto Sans"
    metrics = QFontMetrics(font)
    for ch in "éèêàçôœ«»\u202f\u00a0ɛɔɲŋƐƆƝŊ–—×›‹✕":
        assert metrics.inFontUcs4(ord(ch)), f"U+{ord(ch):04X} {ch!r} missing"


def test_body_text_is_at_least_24px_at_1080p():
    m = compute_metrics(1920, 1080, 2.71, kiosk=True)
    assert m.font("body") >= 24 and m.font("h1") >= 40
    sheet = stylesheet(m, PALETTE)
    assert f"font-size: {m.font('body')}px" in sheet


def test_f11_toggles_fullscreen_in_window_mode(make_shell, qtbot):
    shell = make_shell()
    qtbot.keyClick(shell, Qt.Key.Key_F11)
    assert shell.windowState() & Qt.WindowState.WindowFullScreen
    qtbot.keyClick(shell, Qt.Key.Key_F11)
    assert not shell.windowState() & Qt.WindowState.WindowFullScreen
