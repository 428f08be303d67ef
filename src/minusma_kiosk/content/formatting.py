"""Numbers and dates written for people, in English and French (pure Python).

Rounded for reading on the card ("$1.74 billion"), exact in the detail view
("$1,737,630,000"). French follows CONTENT-STYLE.md: decimal comma, narrow
no-break space for thousands and before %, currency after the number,
"1er juillet 2013".
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from typing import TYPE_CHECKING

from minusma_kiosk.content.model import Derivation, Figure, Lang, Qualifier, Unit

if TYPE_CHECKING:
    import ast

NNBSP = "\u202f"  # narrow no-break space (French thousands, before %)
NBSP = "\u00a0"

_MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
}
_QUALIFIERS = {
    "en": {Qualifier.ABOUT: "about", Qualifier.MORE_THAN: "more than",
           Qualifier.AT_LEAST: "at least", Qualifier.NEARLY: "nearly"},
    "fr": {Qualifier.ABOUT: "environ", Qualifier.MORE_THAN: "plus de",
           Qualifier.AT_LEAST: "au moins", Qualifier.NEARLY: "près de"},
}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_FISCAL = re.compile(r"^(\d{4})-(\d{2})$")


def group_digits(n: int, lang: Lang) -> str:
    """Write an integer with thousands separators ("13,289" / "13 289")."""
    s = f"{abs(n):,}"
    if lang == "fr":
        s = s.replace(",", NNBSP)
    return ("-" if n < 0 else "") + s


def decimal(x: float, lang: Lang, sig: int = 3) -> str:
    """Write ``x`` with ``sig`` significant digits, no trailing zeros."""
    if x == 0:
        return "0"
    digits = max(0, sig - 1 - int(math.floor(math.log10(abs(x)))))
    s = f"{round(x, digits):.{digits}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    whole, _, frac = s.partition(".")
    out = group_digits(int(whole), lang)
    if frac:
        out += ("," if lang == "fr" else ".") + frac
    return out


def _scaled(value: float, lang: Lang, unit_en: str, unit_fr: str, sig: int) -> str | None:
    """Write large values as "1.74 billion" / "1,74 milliard"; None if small."""
    shown = float(f"{value:.{sig}g}")  # as read: 999.9 million is "1 billion"
    for size, en, fr in ((1e9, "billion", "milliard"), (1e6, "million", "million")):
        if abs(shown) >= size:
            number = decimal(value / size, lang, sig)
            if lang == "fr":
                word = fr + ("s" if abs(shown) / size >= 2 else "")
                return f"{number}{NBSP}{word}{(' de ' + unit_fr) if unit_fr else ''}"
            return f"{number}{NBSP}{en}{(' ' + unit_en) if unit_en else ''}"
    return None


def format_number(value: float, unit: Unit, lang: Lang, exact: bool = False) -> str:
    """Write a value in its unit, rounded for reading unless ``exact``."""
    if unit is Unit.PERCENT:
        # Exact: as many digits as a published rate has, without float noise.
        number = decimal(value, lang, sig=4 if not exact else 10)
        return f"{number}{NNBSP}%" if lang == "fr" else f"{number}%"
    if unit is Unit.USD:
        if not exact:
            scaled = _scaled(value, lang, "", "dollars", 3)
            if scaled is not None:
                return f"${scaled}" if lang == "en" else scaled
        amount = group_digits(round(value), lang)
        return f"${amount}" if lang == "en" else f"{amount}{NBSP}$"
    if unit is Unit.KM2:
        if not exact:
            scaled = _scaled(value, lang, "km²", "km²", 3)
            if scaled is not None:
                return scaled
        return f"{group_digits(round(value), lang)}{NBSP}km²"
    if unit in (Unit.PEOPLE, Unit.COUNT):
        if not exact and abs(value) >= 1e6:
            scaled = _scaled(value, lang, "", "", 3)
            if scaled is not None:
                return scaled
        return group_digits(round(value), lang) if value == round(value) else _plain(value, lang)
    if unit is Unit.TIMES:
        return f"{_plain(value, lang)}{NBSP}×"
    if unit is Unit.YEARS:
        n = _plain(value, lang)
        return f"{n}{NBSP}{'ans' if lang == 'fr' else 'years'}"
    raise ValueError(f"unknown unit {unit}")


def _plain(value: float, lang: Lang) -> str:
    if value == round(value):
        return group_digits(round(value), lang)
    s = format(Decimal(repr(abs(float(value)))), "f")  # never "1e-05"
    whole, _, frac = s.partition(".")
    sign = "-" if value < 0 else ""  # int("-0") would lose it
    return sign + group_digits(int(whole), lang) + ("," if lang == "fr" else ".") + frac


def qualifier_word(qualifier: Qualifier, lang: Lang) -> str:
    """The word for a qualifier ("about", "environ"), '' for an exact figure."""
    return _QUALIFIERS[lang].get(qualifier, "")


def format_figure(fig: Figure, lang: Lang, exact: bool = False) -> str:
    """Write a figure with its qualifier: "about 180", "plus de 700"."""
    text = format_number(fig.value, fig.unit, lang, exact)
    word = qualifier_word(fig.qualifier, lang)
    return f"{word} {text}" if word else text


# --- dates -----------------------------------------------------------------

def date_problem(text: str) -> str | None:
    """Return why ``text`` is not a valid date, or None if it is.

    Accepted: ``2013-07-01``, ``2013-07``, ``2013``, a fiscal year ``2022-23``
    (1 July 2022 - 30 June 2023) and a period ``A/B`` of two of these.
    """
    parts = text.split("/")
    if len(parts) > 2:
        return f"{text!r} has more than one '/'"
    for part in parts:
        part = part.strip()
        if m := _DAY.match(part):
            try:
                dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return f"{part!r} is not a real date"
        elif m := _MONTH.match(part):
            year, second = int(m.group(1)), int(m.group(2))
            if second == (year + 1) % 100:
                continue  # a fiscal year such as 2022-23
            if not 1 <= second <= 12:
                return f"{part!r} is neither a month (YYYY-MM) nor a fiscal year (2022-23)"
        elif not _YEAR.match(part):
            return (f"{part!r} is not a date; write 2013-07-01, 2013-07, 2013, "
                    "a fiscal year 2022-23, or a period A/B")
        if not 1900 <= int(part[:4]) <= 2100:
            return f"{part!r} has an impossible year"
    return None


def is_day(text: str) -> bool:
    """Whether a date accepted by :func:`date_problem` is one day (not a month, year or period)."""
    return bool(_DAY.match(text))


def format_date(text: str, lang: Lang) -> str:
    """Write a date accepted by :func:`date_problem` for reading."""
    if "/" in text:
        a, b = (part.strip() for part in text.split("/"))
        if _YEAR.match(a) and _YEAR.match(b):
            return f"{a}–{b}" if lang == "en" else f"{a}-{b}"
        return f"{format_date(a, lang)} – {format_date(b, lang)}"
    months = _MONTHS[lang]
    if m := _DAY.match(text):
        day = int(m.group(3))
        d = "1er" if (lang == "fr" and day == 1) else str(day)
        return f"{d} {months[int(m.group(2)) - 1]} {m.group(1)}"
    if m := _MONTH.match(text):
        year, second = int(m.group(1)), int(m.group(2))
        if second == (year + 1) % 100:
            return f"{year}-{year + 1}" if lang == "fr" else f"{year}–{m.group(2)}"
        month = months[second - 1]
        return f"{month} {year}"
    return text


# --- derived figures ---------------------------------------------------------

def formula_names(formula: str) -> list[str]:
    """Return the figure ids a formula uses; raises SyntaxError/ValueError if invalid."""
    import ast

    tree = ast.parse(formula, mode="eval")
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            names.append(node.id)
        elif not isinstance(node, (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Constant,
                                   ast.Add, ast.Sub, ast.Mult, ast.Div, ast.USub, ast.Load)):
            raise ValueError(f"only figure ids, numbers and + - * / ( ) are allowed, "
                             f"not {type(node).__name__}")
        elif isinstance(node, ast.Constant) and not isinstance(node.value, (int, float)):
            raise ValueError("only numbers may appear besides figure ids")
    return names


def _number(value: object) -> float:
    """A numeric constant of a formula (formula_names has already refused others)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    raise ValueError(f"{value!r} is not a number")


def evaluate(formula: str, values: dict[str, Figure]) -> float:
    """Compute a formula; a percent figure counts as a fraction."""
    import ast

    def ev(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant):
            return _number(node.value)
        if isinstance(node, ast.Name):
            fig = values[node.id]
            return fig.value / 100 if fig.unit is Unit.PERCENT else fig.value
        if isinstance(node, ast.UnaryOp):
            return -ev(node.operand)
        assert isinstance(node, ast.BinOp)
        a, b = ev(node.left), ev(node.right)
        if isinstance(node.op, ast.Add):
            return a + b
        if isinstance(node.op, ast.Sub):
            return a - b
        if isinstance(node.op, ast.Mult):
            return a * b
        return a / b
    return ev(ast.parse(formula, mode="eval"))


def format_formula(derivation: Derivation, lang: Lang) -> str:
    """Write a derivation with its input values: "26.94% × $6.45 billion"."""
    import ast

    by_id: dict[str, Figure] = {f.id: f for f in derivation.inputs}
    symbols = {ast.Add: " + ", ast.Sub: " − ", ast.Mult: " × ", ast.Div: " ÷ "}

    def show(node: ast.AST, parent_prec: int = 0) -> str:
        if isinstance(node, ast.Expression):
            return show(node.body)
        if isinstance(node, ast.Constant):
            return decimal(_number(node.value), lang, sig=6)
        if isinstance(node, ast.Name):
            return format_figure(by_id[node.id], lang)
        if isinstance(node, ast.UnaryOp):
            return "−" + show(node.operand, 3)
        assert isinstance(node, ast.BinOp)
        prec = 1 if isinstance(node.op, (ast.Add, ast.Sub)) else 2
        text = show(node.left, prec) + symbols[type(node.op)] + show(node.right, prec + 1)
        return f"({text})" if prec < parent_prec else text
    return show(ast.parse(derivation.formula, mode="eval"))
