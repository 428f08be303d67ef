"""The palette in force: the standard one or the high-contrast one.

The shell chooses it (from the visitor's setting) before it restyles the window;
painters read it when they paint, so a theme switch needs no widget rebuilt.
"""

from __future__ import annotations

from minusma_kiosk.ui.theme.tokens import HIGH_CONTRAST, PALETTE, Palette

_current: Palette = PALETTE


def palette() -> Palette:
    """The palette every painter uses now."""
    return _current


def palette_for(high_contrast: bool) -> Palette:
    """The high-contrast palette or the standard one."""
    return HIGH_CONTRAST if high_contrast else PALETTE


def use_palette(high_contrast: bool) -> Palette:
    """Switch to the high-contrast palette or back; returns the one in force."""
    global _current
    _current = palette_for(high_contrast)
    return _current
