"""Typographic clean-up of curator text, so curators can type ordinary spaces.

French (CONTENT-STYLE.md): narrow no-break space before ; : ! ? and %, and as
thousands separator (229 000); no-break spaces inside « guillemets »; a number
never separated from "milliard(s)" or "million(s)". English: a number never
separated from "billion", "million" or "percent" at a line end.
"""

from __future__ import annotations

import re

from minusma_kiosk.content.model import Lang

NBSP = "\u00a0"
NNBSP = "\u202f"

_FR_PUNCT = re.compile(r"[ \u00a0]+([;:!?%])")
_FR_THOUSANDS = re.compile(r"(?<=\d)[ \u00a0](?=\d{3}(?!\d))")
_FR_OPEN = re.compile(r"«[ \u00a0\u202f]*")
_FR_CLOSE = re.compile(r"[ \u00a0\u202f]*»")
_FR_UNITS = re.compile(r"(?<=\d) (?=(milliards?|millions?|ans)\b)")
_EN_UNITS = re.compile(r"(?<=\d) (?=(billion|million|percent)\b)")


def colon(lang: Lang) -> str:
    """": " in English, a narrow no-break space before the colon in French."""
    return f"{NNBSP}: " if lang == "fr" else ": "


def sentence(text: str) -> str:
    """``text`` with a capital first letter ("part des…" -> "Part des…")."""
    return text[:1].upper() + text[1:]


def tidy(text: str, lang: Lang) -> str:
    """Return ``text`` with the typography of ``lang`` applied."""
    if lang == "fr":
        text = _FR_THOUSANDS.sub(NNBSP, text)
        text = _FR_PUNCT.sub(lambda m: NNBSP + m.group(1), text)
        text = _FR_OPEN.sub("«" + NBSP, text)
        text = _FR_CLOSE.sub(NBSP + "»", text)
        text = _FR_UNITS.sub(NBSP, text)
    else:
        text = _EN_UNITS.sub(NBSP, text)
    return text
