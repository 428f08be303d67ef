"""Design tokens: the only place colours and sizes are written down.

Sizes are in pixels at the design size (a 1920x1080 landscape screen, or
1080x1920 portrait); :mod:`.metrics` scales them to the real window. Touch
targets are in millimetres and converted with the screen's physical DPI.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class MapColours:
    """The map's colours (marks 3:1 on the regions; checked in the tests)."""

    sea: str = "#C6DBEA"               # the Atlantic, at the map's western edge
    country_label: str = "#5A564E"     # the neighbours' names
    river_label: str = "#1D4E7A"       # "Niger", written on the river
    neighbour: str = "#E4E1DA"
    neighbour_border: str = "#B9B4AA"
    region: str = "#EED9B0"
    region_alt: str = "#E6CC9A"
    region_border: str = "#FFFFFF"
    region_tint: str = "#C98B2B"       # the selected event's region (drawn at 45 %)
    country_border: str = "#6B5B45"
    river: str = "#2E6FA8"             # rivers and lakes, 3.4:1 on the regions
    city: str = "#1B1F24"              # place dots, labels, rings, the region filter
    camp: str = "#0B5CAD"
    occupied: str = "#B3261E"
    mark_edge: str = "#FFFFFF"         # the light edge around dots, camps and markers
    label_halo: str = "#D7FFFFFF"      # behind place names (#AARRGGBB: 84 % white)


@dataclass(frozen=True)
class ChartColours:
    """Chart colours besides the palette's accent (bars are outlined in the text colour,
    so each mark stands 3:1 from the plot whatever its fill)."""

    bar: str = "#A9C4E3"       # a bar; the highlighted one is the palette's accent
    part: str = "#B8C7D9"      # a part of a whole that is not the highlighted one
    second: str = "#A05A00"    # the second series of a line chart (with square symbols)
    memorial: str = "#8E9196"  # a chart of deaths: quiet grey bars, never money's blue
    memorial_mark: str = "#3C4043"  # its marked year (not the accent)
    gap: str = "#6B6F75"       # the hatching and dashed outline of a year with no figure


@dataclass(frozen=True)
class CategoryColours:
    """Event categories (Okabe–Ito colour-blind-safe hues, darkened where needed for
    3:1 against the strip and the map, then moved a little so that every two stay
    12 CIE76 units apart under simulated protanopia, deuteranopia and tritanopia:
    ``tests/ui/test_colour_blind.py``). Each category also has its own marker shape."""

    conflict: str = "#BD302C"       # restrained red, conflict only
    politics: str = "#6A3D9A"
    peacekeeping: str = "#2168BC"   # UN blue
    elections: str = "#007A5E"
    agreements: str = "#A05A00"
    humanitarian: str = "#694B00"

    def of(self, category: str) -> str:
        """The colour of a category by its name (``Category.value``)."""
        return asdict(self)[category]


@dataclass(frozen=True)
class Palette:
    """Colours. Text colours reach at least 4.5:1 on the surfaces they are used on."""

    background: str = "#F4EFE6"      # warm sand-white: the Sahel, calm
    surface: str = "#FFFFFF"         # cards and panels
    surface_alt: str = "#EAE1D2"     # quiet panels (disagreement box, chips)
    outline: str = "#7A7F86"         # the edge of a button: 3:1 on every surface
    text: str = "#1B1F24"
    text_muted: str = "#4A4F57"
    accent: str = "#0B5CAD"          # close to UN blue, dark enough for white text
    accent_text: str = "#FFFFFF"
    nav: str = "#15283C"             # navigation bar
    nav_text: str = "#FFFFFF"
    nav_active: str = "#2A74CC"      # the language button (white text 4.7:1)
    nav_marker: str = "#2A74CC"      # the bar over the current screen's button (3:1 on nav)
    warning_bg: str = "#FFF1CC"      # sources disagree / content rejected
    warning_border: str = "#8A5A00"
    warning_text: str = "#3D2A00"
    conflict: str = "#B3261E"        # restrained red: conflict markers only, with a shape
    focus: str = "#8A4B00"           # the keyboard focus ring on light surfaces (3:1+)
    focus_on_dark: str = "#FFD54F"   # the focus ring on the navigation bar
    blank: str = "#000000"           # the presenter's black screen
    scrim: str = "rgba(21, 40, 60, 0.82)"  # behind "Still there?", the PIN pad, admin panel
    #: The map, the charts and the event categories.
    map: MapColours = MapColours()
    chart: ChartColours = ChartColours()
    categories: CategoryColours = CategoryColours()
    #: Era bands on the time strip (light, so text on them stays legible).
    eras: tuple[str, ...] = ("#E8D9BF", "#D9E4F2", "#E3EBD9", "#EFD9D5", "#E6DDEE")


PALETTE = Palette()

#: The high-contrast theme (the accessibility panel): pure black on white, outlines
#: and dark accents; every text pair reaches 7:1 (WCAG AAA) and every mark 3:1 on
#: what it is drawn on, checked in the tests.
HIGH_CONTRAST = Palette(
    background="#FFFFFF",
    surface="#FFFFFF",
    surface_alt="#D9D9D9",
    outline="#000000",
    text="#000000",
    text_muted="#1A1A1A",
    accent="#00306B",
    accent_text="#FFFFFF",
    nav="#000000",
    nav_text="#FFFFFF",
    nav_active="#00306B",
    nav_marker="#FFD400",
    warning_bg="#FFF1CC",
    warning_border="#000000",
    warning_text="#000000",
    conflict="#8C0000",
    focus="#000000",
    focus_on_dark="#FFD400",
    blank="#000000",
    scrim="rgba(0, 0, 0, 0.9)",
    map=MapColours(
        sea="#9CC3E6",
        country_label="#000000",
        river_label="#00306B",
        neighbour="#C8C8C8",
        neighbour_border="#4D4D4D",
        region="#FFFFFF",
        region_alt="#EDEDED",
        region_border="#000000",
        region_tint="#E0A000",
        country_border="#000000",
        river="#0047AB",
        city="#000000",
        camp="#00306B",
        occupied="#8C0000",
        mark_edge="#FFFFFF",
        label_halo="#FFFFFFFF",
    ),
    chart=ChartColours(bar="#C4C4C4", part="#DADADA", second="#7A3E00", memorial="#BDBDBD",
                       memorial_mark="#000000", gap="#000000"),
    categories=CategoryColours(
        conflict="#87091F",
        politics="#4B0082",
        peacekeeping="#00306B",
        elections="#00573F",
        agreements="#703E00",
        humanitarian="#392E00",
    ),
    eras=("#FFFFFF", "#E0E0E0", "#FFFFFF", "#E0E0E0", "#FFFFFF"),
)

#: Type scale in px at design size. Body >= 24 px at 1080p kiosk scale (CONTENT-STYLE).
TYPE = {
    "caption": 24,
    "body": 30,
    "lead": 36,
    "h3": 38,
    "h2": 44,
    "h1": 72,
    "figure": 132,
    "nav": 28,
}
#: Smallest a scaled font may get (px), whatever the window size.
TYPE_FLOOR = 15

#: Spacing steps in px at design size.
SPACE = {"xs": 8, "s": 16, "m": 24, "l": 40, "xl": 64}

#: Corner radius in px at design size.
RADIUS = 18

#: Minimum touch target, physical size (the brief: >= 9 mm; kiosk >= 20 mm).
TARGET_MM_WINDOW = 9.0
TARGET_MM_KIOSK = 20.0
#: Design height of primary buttons and the navigation bar (px at design size).
BUTTON_PX = 96
#: Design height of the filter chips over the map (never under the touch minimum).
CHIP_PX = 64
NAV_PX = 120
#: Widest a column of reading text may be (px at design size): about 65 characters.
MEASURE_PX = 1150
