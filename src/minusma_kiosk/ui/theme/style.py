"""The application style sheet, generated from the tokens for one window size.

Widgets never carry colours of their own: they set a dynamic ``role`` property
(``label.setProperty("role", "h1")``) and this sheet styles it.
"""

from __future__ import annotations

from minusma_kiosk.ui.theme import tokens
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.theme.tokens import Palette


def stylesheet(m: Metrics, p: Palette) -> str:
    """Return the style sheet for metrics ``m`` and palette ``p``."""
    radius = m.px(tokens.RADIUS)
    target = m.target()
    nav_target = m.target(tokens.NAV_PX - 16)
    pad = m.space("m")
    chip = m.target(tokens.CHIP_PX)
    return f"""
QWidget#Shell, QWidget[role="screen"], QWidget#presenter_notes, QLabel#step_indicator {{
    background: {p.background}; }}
QFrame[role="blank"] {{ background: {p.blank}; }}
QLabel {{ color: {p.text}; background: transparent; }}
QLabel[role="h1"] {{ font-size: {m.font("h1")}px; font-weight: bold; }}
QLabel[role="h2"] {{ font-size: {m.font("h2")}px; font-weight: bold; }}
QLabel[role="h3"] {{ font-size: {m.font("h3")}px; font-weight: bold; }}
QLabel[role="lead"] {{ font-size: {m.font("lead")}px; }}
QLabel[role="body"] {{ font-size: {m.font("body")}px; }}
QLabel[role="caption"] {{ font-size: {m.font("caption")}px; color: {p.text_muted}; }}
QLabel[role="figure"] {{ color: {p.accent}; }}
QLabel[role="stat"] {{ font-size: {m.font("h1")}px; font-weight: bold; color: {p.accent}; }}
QLabel[role="qualifier"] {{ font-size: {m.font("lead")}px; font-weight: bold; color: {p.accent}; }}
QLabel[role="kicker"] {{ font-size: {m.font("caption")}px; font-weight: bold;
    color: {p.accent}; letter-spacing: 1px; }}
QFrame[role="note"] {{ background: {p.surface}; border: 2px solid {p.outline};
    border-radius: {radius // 2}px; }}
QLabel[role="note_text"] {{ font-size: {m.font("caption")}px; color: {p.text}; }}
QLabel[role="note_heading"] {{ font-size: {m.font("caption")}px; color: {p.text};
    font-weight: bold; }}
QFrame[role="card"] {{ background: {p.surface}; border-radius: {radius}px;
    border: 1px solid {p.surface_alt}; }}
QFrame[role="panel"] {{ background: {p.surface_alt}; border-radius: {radius}px; }}
QFrame[role="warning"] {{ background: {p.warning_bg}; border-radius: {radius}px;
    border: 3px solid {p.warning_border}; }}
QFrame[role="warning"] QLabel {{ color: {p.warning_text}; }}
QFrame[role="banner"] {{ background: {p.warning_bg}; border-bottom: 3px solid {p.warning_border}; }}
QFrame[role="banner"] QLabel {{ color: {p.warning_text}; font-size: {m.font("caption")}px; }}
QPushButton {{ font-size: {m.font("body")}px; min-height: {target}px; min-width: {target}px;
    border-radius: {radius}px; padding: 0 {pad}px; }}
QPushButton[role="primary"] {{ background: {p.accent}; color: {p.accent_text}; border: none;
    font-weight: bold; }}
QPushButton[role="primary"]:pressed {{ background: {p.nav}; }}
QPushButton[role="secondary"] {{ background: {p.surface}; color: {p.accent};
    border: 3px solid {p.accent}; font-weight: bold; }}
QPushButton[role="secondary"]:pressed {{ background: {p.surface_alt}; }}
QPushButton[role="secondary"]:disabled {{ color: {p.text_muted}; border-color: {p.text_muted};
    font-weight: normal; }}
QPushButton[role="tile"] {{ background: {p.surface}; color: {p.text}; text-align: left;
    border: 3px solid {p.outline}; padding: {pad}px; font-size: {m.font("lead")}px;
    font-weight: bold; }}
QPushButton[role="tile"]:pressed {{ border-color: {p.accent}; }}
QPushButton[role="pick"] {{ background: {p.surface}; border: 3px solid {p.outline};
    text-align: left; padding: 0; }}
QPushButton[role="pick"][active="true"] {{ border: 4px solid {p.accent}; background: {p.surface}; }}
QPushButton[role="pick"] QLabel {{ font-weight: bold; }}
QPushButton[role="dot"] {{ background: transparent; border: 2px solid {p.text_muted};
    color: {p.text}; font-size: {m.font("body")}px; padding: 0;
    border-radius: {m.target() // 2 - 2}px; }}
QPushButton[role="dot"][active="true"] {{ background: {p.accent}; color: {p.accent_text};
    border-color: {p.accent}; font-weight: bold; }}
QPushButton[role="arrow"] {{ background: {p.surface}; color: {p.accent};
    border: 3px solid {p.accent}; font-size: {m.font("h1")}px; font-weight: bold;
    padding: 0 0 {m.px(10)}px 0; border-radius: {m.target() // 2 - 2}px; }}
QPushButton[role="arrow"]:pressed {{ background: {p.surface_alt}; }}
QPushButton[role="chip"] {{ background: {p.surface}; color: {p.text_muted};
    border: 2px solid {p.text_muted}; font-size: {m.font("caption")}px; padding: 0 {m.space("s")}px;
    min-height: {chip}px; border-radius: {chip // 2 - 2}px; }}
QPushButton#timeline_show_all {{ min-height: {chip}px; font-size: {m.font("caption")}px;
    border-radius: {chip // 2 - 2}px; }}
QPushButton[role="chip"][active="true"] {{ color: {p.text}; border: 3px solid {p.text};
    font-weight: bold; background: {p.surface_alt}; }}
QFrame#NavBar {{ background: {p.nav}; }}
QPushButton[role="nav"] {{ background: transparent; color: {p.nav_text}; border: none;
    border-radius: 0; padding: 0 {m.space("s")}px; border-top: {m.px(8)}px solid transparent;
    font-size: {m.font("nav")}px; font-weight: bold; min-height: {nav_target}px; }}
QPushButton[role="nav"][active="true"] {{ border-top-color: {p.nav_marker};
    background: rgba(255, 255, 255, 0.08); }}
QPushButton[role="nav"]:pressed {{ background: rgba(255, 255, 255, 0.16); }}
QPushButton[role="lang"] {{ background: {p.nav_active}; color: {p.nav_text};
    border: none; border-radius: 0; font-size: {m.font("nav")}px; font-weight: bold;
    min-height: {nav_target}px; }}
QPushButton[role="access"] {{ background: {p.nav}; color: {p.nav_text}; border: none;
    border-left: 2px solid {p.nav_text}; border-radius: 0; font-size: {m.font("h2")}px;
    font-weight: bold; min-height: {nav_target}px; }}
QPushButton[role="access"]:pressed {{ background: rgba(255, 255, 255, 0.16); }}
QFrame[role="reach"] {{ background: {p.surface_alt}; border-bottom: 3px solid {p.text_muted}; }}
QFrame[role="scrim"] {{ background: {p.scrim}; }}
QFrame[role="dialog"] {{ background: {p.surface}; border-radius: {radius}px; }}
QFrame[role="attract"] {{ background: {p.nav}; }}
QFrame[role="attract"] QLabel {{ color: {p.nav_text}; }}
QPushButton[role="key"] {{ background: {p.surface}; color: {p.text};
    border: 3px solid {p.outline}; border-radius: {radius}px;
    font-size: {m.font("h2")}px; font-weight: bold; }}
QPushButton[role="key"]:pressed {{ background: {p.surface_alt}; }}
QLabel[role="log"] {{ font-family: monospace; font-size: {m.font("caption")}px;
    color: {p.text}; background: {p.surface_alt}; padding: {m.space("xs")}px; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
QScrollBar:vertical {{ background: {p.surface_alt}; width: {m.px(14)}px;
    border-radius: {m.px(7)}px; }}
QScrollBar::handle:vertical {{ background: {p.text_muted}; border-radius: {m.px(7)}px;
    min-height: {m.px(60)}px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}
{focus_rules(p)}"""


#: Button roles on light surfaces, and on the dark navigation bar.
LIGHT_ROLES = ("primary", "secondary", "arrow", "chip", "tile", "pick", "dot", "key")
DARK_ROLES = ("nav", "lang", "access")


def focus_rules(p: Palette) -> str:
    """A ring a keyboard user can see on the control that has the focus (3:1 against
    what surrounds it: dark on the light surfaces, light on the navigation bar), only
    when the keyboard moved it there (``keyfocus``, set by ui/widgets/text.py): a
    visitor at the touch screen never sees it."""
    light = ", ".join(f'QPushButton[role="{r}"][keyfocus="true"]' for r in LIGHT_ROLES)
    dark = ", ".join(f'QPushButton[role="{r}"][keyfocus="true"]' for r in DARK_ROLES)
    return (f'QPushButton[keyfocus="true"], {light} {{ border: 4px solid {p.focus}; }}\n'
            f"{dark} {{ border-top: 8px solid {p.focus_on_dark}; "
            f"border-left: 4px solid {p.focus_on_dark}; "
            f"border-right: 4px solid {p.focus_on_dark}; }}\n")
