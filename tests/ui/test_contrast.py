"""Colour contrast, computed from the theme tokens for both themes (WCAG 2.2 formula):
text >= 4.5:1 (7:1 in high contrast), large text and chart/map marks >= 3:1."""

from __future__ import annotations

from dataclasses import fields

import pytest

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


def colour(palette: Palette, token: str) -> str:
    """A token's colour: ``"text"``, ``"map.river"``, ``"chart.bar"``,
    ``"categories.conflict"`` or ``"eras.2"``."""
    value: object = palette
    for part in token.split("."):
        value = value[int(part)] if isinstance(value, tuple) else getattr(value, part)
    assert isinstance(value, str), token
    return value


def eras(palette: Palette) -> list[str]:
    return [f"eras.{i}" for i in range(len(palette.eras))]


def categories(palette: Palette) -> list[str]:
    return [f"categories.{f.name}" for f in fields(palette.categories)]


def text_pairs(palette: Palette) -> list[tuple[str, str]]:
    """(text, what it is drawn on), for every text the exhibit draws."""
    pairs = [
        # the style sheet (style.py)
        ("text", "background"), ("text", "surface"), ("text", "surface_alt"),
        ("text_muted", "background"), ("text_muted", "surface"), ("text_muted", "surface_alt"),
        ("accent", "background"), ("accent", "surface"), ("accent_text", "accent"),
        ("accent_text", "nav"), ("nav_text", "nav"), ("nav_text", "nav_active"),
        ("warning_text", "warning_bg"), ("conflict", "surface"), ("text", "warning_bg"),
        # the time strip: era names on their bands, the years under the axis
        *[("text", band) for band in eras(palette)], ("text_muted", "background"),
        # the map: place names on the regions and the neighbours
        ("map.city", "map.region"), ("map.city", "map.region_alt"),
        ("map.city", "map.neighbour"), ("map.city", "map.sea"),
        ("map.country_label", "map.neighbour"), ("map.country_label", "map.sea"),
        ("map.river_label", "map.region"), ("map.river_label", "map.region_alt"),
        # the charts: axes, gap labels and the legend in the text colour, the reference
        # line's name in the conflict colour, all on the plot's surface
        ("text", "surface"), ("conflict", "surface"),
    ]
    return pairs


def mark_pairs(palette: Palette) -> list[tuple[str, str]]:
    """(mark, what it is drawn on), for every non-text mark (WCAG 1.4.11: 3:1)."""
    on_map = ("map.region", "map.region_alt")
    return [
        ("accent", "surface"), ("conflict", "surface"), ("text_muted", "surface"),
        ("warning_border", "warning_bg"), ("accent", "surface_alt"), ("nav_marker", "nav"),
        # the edges of tiles, chart picks and PIN keys
        ("outline", "surface"), ("outline", "background"), ("outline", "surface_alt"),
        # event markers on the time strip, and the selected one on the map
        *[(c, "background") for c in categories(palette)],
        *[(c, bg) for c in categories(palette) for bg in on_map],
        # the strip's axis and cursor
        ("text_muted", "background"), ("text", "background"),
        # the map's marks on the regions; Mali's border against the neighbours too
        *[(f"map.{m}", bg) for m in ("city", "camp", "occupied", "river", "country_border")
          for bg in on_map],
        ("map.country_border", "map.neighbour"),
        # charts: outlines and lines on the plot, the highlighted bar among the others
        ("text", "surface"), ("accent", "surface"), ("chart.second", "surface"),
        ("accent", "chart.bar"), ("accent", "chart.part"),
        ("chart.memorial_mark", "chart.memorial"), ("chart.memorial_mark", "surface"),
        ("chart.gap", "surface"),
        # the keyboard focus ring, on what surrounds the control that has it
        ("focus", "background"), ("focus", "surface"), ("focus", "surface_alt"),
        ("focus_on_dark", "nav"), ("focus_on_dark", "nav_active"),
    ]


THEMES = [("standard", PALETTE, 4.5), ("high contrast", HIGH_CONTRAST, 7.0)]
IDS = [t[0] for t in THEMES]


def below(pairs: list[tuple[str, str]], palette: Palette, minimum: float) -> dict[str, float]:
    return {f"{fg} on {bg}": round(ratio(colour(palette, fg), colour(palette, bg)), 2)
            for fg, bg in pairs
            if ratio(colour(palette, fg), colour(palette, bg)) < minimum}


@pytest.mark.parametrize(("theme", "palette", "minimum"), THEMES, ids=IDS)
def test_text_contrast(theme: str, palette: Palette, minimum: float):
    low = below(text_pairs(palette), palette, minimum)
    assert not low, f"{theme}: text below {minimum}:1: {low}"


@pytest.mark.parametrize(("theme", "palette"), [t[:2] for t in THEMES], ids=IDS)
def test_mark_contrast(theme: str, palette: Palette):
    low = below(mark_pairs(palette), palette, 3.0)
    assert not low, f"{theme}: marks below 3:1: {low}"


def test_high_contrast_changes_every_colour_it_should():
    """Every map, chart, category and era colour has its own high-contrast value, and
    high contrast never lowers a pair's contrast."""
    for group in ("map", "chart", "categories"):
        standard, high = getattr(PALETTE, group), getattr(HIGH_CONTRAST, group)
        assert standard != high, group
    assert PALETTE.eras != HIGH_CONTRAST.eras
    worse = {f"{fg} on {bg}": (round(ratio(colour(PALETTE, fg), colour(PALETTE, bg)), 2),
                               round(ratio(colour(HIGH_CONTRAST, fg),
                                           colour(HIGH_CONTRAST, bg)), 2))
             for fg, bg in text_pairs(PALETTE) + mark_pairs(PALETTE)
             if ratio(colour(HIGH_CONTRAST, fg), colour(HIGH_CONTRAST, bg))
             < ratio(colour(PALETTE, fg), colour(PALETTE, bg)) - 0.01
             and ratio(colour(HIGH_CONTRAST, fg), colour(HIGH_CONTRAST, bg)) < 7.0}
    assert not worse, f"high contrast makes these worse (standard, high): {worse}"


def test_every_colour_token_is_checked():
    """A new colour token must be added to the pairs above (or it goes unchecked)."""
    checked = {t for pair in text_pairs(PALETTE) + mark_pairs(PALETTE) for t in pair}
    unchecked_on_purpose = {
        "blank", "scrim",                   # a black screen, a veil
        "nav_active",                       # checked as a surface (nav_text on it)
        "map.region_border",                # white lines between regions
        "map.neighbour_border",             # thin lines between neighbours
        "map.region_tint",                  # a 45 % tint under the selected marker
        "map.mark_edge",                    # the light edge around marks
        "map.label_halo",                   # a translucent white halo behind names
    }
    tokens_ = [f.name for f in fields(PALETTE) if isinstance(getattr(PALETTE, f.name), str)]
    tokens_ += [f"{g}.{f.name}" for g in ("map", "chart", "categories")
                for f in fields(getattr(PALETTE, g))]
    tokens_ += eras(PALETTE)
    missing = [t for t in tokens_ if t not in checked and t not in unchecked_on_purpose]
    assert missing == []
