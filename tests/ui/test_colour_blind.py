"""The event categories stay apart for colour-blind visitors (issue #14 item 4).

Each category has its own marker shape, so no one needs the colour; but the colours
should still tell the six kinds apart at a glance. Every pair of category colours is
simulated as seen with protanopia, deuteranopia and tritanopia (Machado, Oliveira and
Fernandes 2009, severity 1, applied to linear RGB) and must stay at least 12 CIE76
units apart in CIE Lab (about five times a just-noticeable difference), in both themes.
The test also checks the simulation itself on known cases.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from minusma_kiosk.content.model import Category
from minusma_kiosk.ui.theme.tokens import HIGH_CONTRAST, PALETTE
from minusma_kiosk.ui.widgets.markers import marker_path

MACHADO = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}
MINIMUM = 12.0


def linear(hex_colour: str) -> np.ndarray:
    h = hex_colour.lstrip("#")
    c = np.array([int(h[i:i + 2], 16) for i in (0, 2, 4)]) / 255
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def lab(rgb_linear: np.ndarray) -> np.ndarray:
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722],
                    [0.0193, 0.1192, 0.9505]]) @ rgb_linear
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def seen(hex_colour: str, vision: str) -> np.ndarray:
    """The colour in Lab as seen with ``vision`` ("normal" or a MACHADO key)."""
    m = np.eye(3) if vision == "normal" else np.array(MACHADO[vision])
    return lab(np.clip(m @ linear(hex_colour), 0, 1))


def test_the_simulation_confuses_what_it_should():
    red, green = "#D62728", "#2CA02C"
    far = np.linalg.norm(seen(red, "normal") - seen(green, "normal"))
    # Red and green merge for red-green colour blindness, not for tritanopia.
    assert np.linalg.norm(seen(red, "deuteranopia") - seen(green, "deuteranopia")) < far / 2
    assert np.linalg.norm(seen(red, "protanopia") - seen(green, "protanopia")) < far / 2
    assert np.linalg.norm(seen(red, "tritanopia") - seen(green, "tritanopia")) > far / 2
    # Greys are unchanged.
    assert np.allclose(seen("#777777", "protanopia"), seen("#777777", "normal"), atol=1.0)


@pytest.mark.parametrize("palette", [PALETTE, HIGH_CONTRAST], ids=["standard", "high contrast"])
@pytest.mark.parametrize("vision", ["normal", *MACHADO])
def test_every_two_categories_stay_apart(palette, vision):
    colours = {c.value: palette.categories.of(c.value) for c in Category}
    close = {f"{a}/{b}": round(float(np.linalg.norm(seen(colours[a], vision)
                                                    - seen(colours[b], vision))), 1)
             for a, b in itertools.combinations(colours, 2)
             if np.linalg.norm(seen(colours[a], vision) - seen(colours[b], vision)) < MINIMUM}
    assert not close, f"{vision}: closer than {MINIMUM}: {close}"


def test_every_category_has_its_own_shape():
    """The shapes carry the meaning without any colour."""
    from PySide6.QtCore import QPointF

    outlines = set()
    for c in Category:
        path = marker_path(c, QPointF(0, 0), 10)
        outlines.add(tuple((round(p.x(), 2), round(p.y(), 2))
                           for p in path.toFillPolygon()))
    assert len(outlines) == len(Category)
