"""Colour contrast, computed from the theme tokens for both themes (WCAG 2.2 formula):
text >= 4.5:1 (7:1 in high contrast), large text and chart/map marks >= 3:1."""

from __future__ import annotations

import pytest

from minusma_kiosk.ui.theme import tokens
from minusma_kiosk.ui.theme.tokens import HIGH_CONTRAST, PALETTE, Palette


def luminance(colour: str) -> float:
    rgb = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def ratio(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_formula_matches_known_values():
    assert ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


#: (foreground, background) token pairs where text is drawn (style.py and painters).
TEXT_PAIRS = [
    ("text", "background"), ("text", "surface"), ("text", "surface_alt"),
    ("text_muted", "background"), ("text_muted", "surface"), ("text_muted", "surface_alt"),
    ("accent", "background"), ("accent", "surface"), ("accent_text", "accent"),
    ("accent_text", "nav"), ("nav_text", "nav"), ("nav_text", "nav_active"),
    ("warning_text", "warning_bg"), ("conflict", "surface"), ("text", "warning_bg"),
]
#: Marks and outlines that must stand out from what is around them (non-text, 3:1).
MARK_PAIRS = [
    ("accent", "surface"), ("conflict", "surface"), ("text_muted", "surface"),
    ("warning_border", "warning_bg"), ("accent", "surface_alt"), ("nav_marker", "nav"),
    # the edges of tiles, chart picks and PIN keys (WCAG 1.4.11)
    ("outline", "surface"), ("outline", "background"), ("outline", "surface_alt"),
]
THEMES = [("standard", PALETTE, 4.5), ("high contrast", HIGH_CONTRAST, 7.0)]


@pytest.mark.parametrize(("theme", "palette", "minimum"), THEMES, ids=[t[0] for t in THEMES])
def test_text_contrast(theme: str, palette: Palette, minimum: float):
    low = {f"{fg} on {bg}": round(ratio(getattr(palette, fg), getattr(palette, bg)), 2)
           for fg, bg in TEXT_PAIRS
           if ratio(getattr(palette, fg), getattr(palette, bg)) < minimum}
    assert not low, f"{theme}: text below {minimum}:1: {low}"


@pytest.mark.parametrize(("theme", "palette"), [t[:2] for t in THEMES],
                         ids=[t[0] for t in THEMES])
def test_mark_contrast(theme: str, palette: Palette):
    low = {f"{fg} on {bg}": round(ratio(getattr(palette, fg), getattr(palette, bg)), 2)
           for fg, bg in MARK_PAIRS
           if ratio(getattr(palette, fg), getattr(palette, bg)) < 3.0}
    assert not low, f"{theme}: marks below 3:1: {low}"


@pytest.mark.parametrize(("theme", "palette"), [t[:2] for t in THEMES],
                         ids=[t[0] for t in THEMES])
def test_chart_marks_stand_out_from_the_plot(theme: str, palette: Palette):
    # Bars are filled with light colours but outlined in the text colour.
    assert ratio(palette.text, palette.surface) >= 3.0
    # Lines and symbols have no outline: their own colour must stand out.
    for colour in (palette.accent, tokens.CHART["second"]):
        assert ratio(colour, palette.surface) >= 3.0, colour
    # The highlighted bar is told from the others by more than colour (its label),
    # and by lightness too.
    assert ratio(palette.accent, tokens.CHART["bar"]) >= 3.0
    assert ratio(palette.accent, tokens.CHART["part"]) >= 3.0


def test_event_categories_stand_out_from_the_time_strip_and_map():
    for name, colour in tokens.CATEGORY_COLOURS.items():
        for bg in (PALETTE.background, tokens.MAP["region"], tokens.MAP["region_alt"]):
            assert ratio(colour, bg) >= 3.0, f"{name} {colour} on {bg}"


def test_map_marks_stand_out_from_the_regions():
    for mark in ("city", "camp", "occupied", "river", "country_border"):
        for bg in (tokens.MAP["region"], tokens.MAP["region_alt"]):
            assert ratio(tokens.MAP[mark], bg) >= 3.0, f"{mark} on {bg}"


def test_era_bands_keep_text_legible():
    for band in tokens.ERA_COLOURS:
        assert ratio(PALETTE.text, band) >= 4.5
        assert ratio(PALETTE.text_muted, band) >= 4.5
