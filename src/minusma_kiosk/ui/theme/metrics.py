"""Turn design tokens into pixels for a given window and screen."""

from __future__ import annotations

import math
from dataclasses import dataclass

from minusma_kiosk.ui.theme import tokens

#: DPI assumed when the screen reports an implausible physical size (common on
#: kiosk panels with broken EDID); 96 is the desktop convention.
FALLBACK_DPI = 96.0


@dataclass(frozen=True)
class Metrics:
    """Pixel sizes for one window size on one screen.

    Parameters
    ----------
    width, height
        Window size in device-independent pixels.
    px_per_mm
        Device-independent pixels per physical millimetre.
    kiosk
        Whether kiosk touch targets (20 mm) apply.
    text_scale
        The visitor's text size (1.0, 1.25 or 1.5): it scales type, never spacing.
    high_contrast
        The high-contrast palette is in force.
    """

    width: int
    height: int
    px_per_mm: float
    kiosk: bool
    text_scale: float = 1.0
    high_contrast: bool = False

    @property
    def portrait(self) -> bool:
        """Taller than wide."""
        return self.height > self.width

    @property
    def scale(self) -> float:
        """Factor from the design size (1920x1080, or 1080x1920 in portrait)."""
        long_side, short_side = max(self.width, self.height), min(self.width, self.height)
        return min(long_side / 1920, short_side / 1080)

    def px(self, design_px: float) -> int:
        """Scale a design size."""
        return max(1, round(design_px * self.scale))

    def font(self, role: str) -> int:
        """Font pixel size for a role of :data:`tokens.TYPE`."""
        return max(round(tokens.TYPE_FLOOR * self.text_scale),
                   round(tokens.TYPE[role] * self.scale * self.text_scale))

    def space(self, step: str) -> int:
        """Spacing for a step of :data:`tokens.SPACE`."""
        return self.px(tokens.SPACE[step])

    @property
    def min_target(self) -> int:
        """Smallest allowed touch target side in pixels (9 mm, or 20 mm in kiosk mode)."""
        mm = tokens.TARGET_MM_KIOSK if self.kiosk else tokens.TARGET_MM_WINDOW
        return round(mm * self.px_per_mm + 0.5)

    def target(self, design_px: float = tokens.BUTTON_PX) -> int:
        """A touch target side: the design size, never under :attr:`min_target`."""
        return max(self.px(design_px), self.min_target)


def px_per_mm(physical_dpi: float, device_pixel_ratio: float = 1.0,
              diagonal_inches: float | None = None, width_px: int = 0,
              height_px: int = 0) -> float:
    """Device-independent pixels per millimetre.

    Parameters
    ----------
    physical_dpi
        What the screen reports (``QScreen.physicalDotsPerInch``).
    device_pixel_ratio
        Physical pixels per device-independent pixel.
    diagonal_inches
        The screen's real diagonal, from the config, which wins over the
        reported DPI (kiosk panels often report nonsense).
    width_px, height_px
        Screen size in device-independent pixels (needed with ``diagonal_inches``).
    """
    if diagonal_inches and math.isfinite(diagonal_inches) and diagonal_inches > 0 \
            and width_px and height_px:
        diag_px = (width_px ** 2 + height_px ** 2) ** 0.5
        return diag_px / (diagonal_inches * 25.4)
    dpi = physical_dpi / max(device_pixel_ratio, 0.1)
    if not 40 <= dpi <= 600:
        dpi = FALLBACK_DPI
    return dpi / 25.4


#: The highest a seated visitor reaches forward, from the floor (ADA 308: 48 in).
REACH_HIGH_MM = 1220
#: The most of the window the low-reach header may take: the exhibit stays usable.
REACH_HEADER_MAX = 0.6


def reach_header_px(height_px: int, ppmm: float, screen_bottom_mm: float) -> int:
    """How many pixels at the top of a window ``height_px`` tall lie above a seated
    visitor's reach when the screen's lower edge is ``screen_bottom_mm`` above the
    floor (0 when the whole window is within reach)."""
    above_mm = height_px / ppmm - max(0.0, REACH_HIGH_MM - screen_bottom_mm)
    return min(max(0, round(above_mm * ppmm)), round(height_px * REACH_HEADER_MAX))


def compute_metrics(width: int, height: int, ppmm: float, kiosk: bool,
                    text_scale: float = 1.0, high_contrast: bool = False) -> Metrics:
    """Metrics for a window of ``width`` x ``height`` on a screen with ``ppmm``."""
    return Metrics(max(width, 1), max(height, 1), ppmm, kiosk, text_scale, high_contrast)
