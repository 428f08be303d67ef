"""Numbers, dates and formulas written for visitors, in English and French."""

from __future__ import annotations

import pytest

from minusma_kiosk.content.formatting import (
    NBSP,
    NNBSP,
    date_problem,
    decimal,
    evaluate,
    format_date,
    format_figure,
    format_formula,
    format_number,
    formula_names,
    group_digits,
)
from minusma_kiosk.content.model import (
    Derivation,
    Figure,
    FigureId,
    Qualifier,
    Source,
    SourceId,
    Text,
    Unit,
)

SRC = Source(SourceId("src"), "A document", "A publisher", "https://example.org")


def fig(fid: str, value: float, unit: Unit, qualifier: Qualifier = Qualifier.EXACT) -> Figure:
    return Figure(FigureId(fid), value, unit, qualifier, "2013", Text(fid), source=SRC)


def derived(formula: str, *inputs: Figure, unit: Unit = Unit.USD) -> Figure:
    by_id = {f.id: f for f in inputs}
    return Figure(FigureId("d"), evaluate(formula, by_id), unit, Qualifier.ABOUT, "2013",
                  Text("d"), derivation=Derivation(formula, inputs))


RATE = fig("us_rate", 26.94, Unit.PERCENT)
BUDGET = fig("pk_budget", 6.45e9, Unit.USD)


def test_the_separators_are_the_right_characters() -> None:
    assert NNBSP == "\u202f"
    assert NBSP == "\u00a0"


# --- US dollars --------------------------------------------------------------------


@pytest.mark.parametrize(("value", "en", "fr"), [
    (1_737_630_000, f"$1.74{NBSP}billion", f"1,74{NBSP}milliard de dollars"),
    (6.45e9, f"$6.45{NBSP}billion", f"6,45{NBSP}milliards de dollars"),
    (1.1e9, f"$1.1{NBSP}billion", f"1,1{NBSP}milliard de dollars"),
    (2e9, f"$2{NBSP}billion", f"2{NBSP}milliards de dollars"),
    (1.999e9, f"$2{NBSP}billion", f"2{NBSP}milliards de dollars"),
    (700e6, f"$700{NBSP}million", f"700{NBSP}millions de dollars"),
    (1.5e6, f"$1.5{NBSP}million", f"1,5{NBSP}million de dollars"),
    (999.9e6, f"$1{NBSP}billion", f"1{NBSP}milliard de dollars"),
    (999_999, f"$1{NBSP}million", f"1{NBSP}million de dollars"),  # rounded as read
    (998_000, "$998,000", f"998{NNBSP}000{NBSP}$"),
    (450, "$450", f"450{NBSP}$"),
])
def test_usd_rounded(value: float, en: str, fr: str) -> None:
    assert format_number(value, Unit.USD, "en") == en
    assert format_number(value, Unit.USD, "fr") == fr


def test_usd_exact() -> None:
    assert format_number(1_138_457_900, Unit.USD, "en", exact=True) == "$1,138,457,900"
    assert format_number(1_138_457_900, Unit.USD, "fr", exact=True) == \
        f"1{NNBSP}138{NNBSP}457{NNBSP}900{NBSP}$"
    # a computed value is rounded to the dollar
    assert format_number(1_737_630_000.0000002, Unit.USD, "en", exact=True) == "$1,737,630,000"


def test_usd_uses_no_plain_spaces_in_french() -> None:
    text = format_number(6.45e9, Unit.USD, "fr")
    assert " 6" not in text and "6,45 " not in text  # only no-break spaces after the number
    assert text.count(NBSP) == 1


# --- percent -----------------------------------------------------------------------


@pytest.mark.parametrize(("value", "en", "fr"), [
    (26.94, "26.94%", f"26,94{NNBSP}%"),
    (25, "25%", f"25{NNBSP}%"),
    (27.89, "27.89%", f"27,89{NNBSP}%"),
    (0.5, "0.5%", f"0,5{NNBSP}%"),
    (33.33333, "33.33%", f"33,33{NNBSP}%"),
])
def test_percent(value: float, en: str, fr: str) -> None:
    assert format_number(value, Unit.PERCENT, "en") == en
    assert format_number(value, Unit.PERCENT, "fr") == fr


def test_percent_exact_keeps_every_digit() -> None:
    assert format_number(33.33333, Unit.PERCENT, "en", exact=True) == "33.33333%"
    assert format_number(26.94, Unit.PERCENT, "fr", exact=True) == f"26,94{NNBSP}%"
    assert format_number(0.00001, Unit.PERCENT, "en", exact=True) == "0.00001%"
    assert format_number(-2.5, Unit.PERCENT, "fr", exact=True) == f"-2,5{NNBSP}%"


# --- people, counts and other units ------------------------------------------------


@pytest.mark.parametrize(("qualifier", "en", "fr"), [
    (Qualifier.ABOUT, "about 180", "environ 180"),
    (Qualifier.MORE_THAN, "more than 180", "plus de 180"),
    (Qualifier.AT_LEAST, "at least 180", "au moins 180"),
    (Qualifier.NEARLY, "nearly 180", "près de 180"),
    (Qualifier.EXACT, "180", "180"),
])
def test_people_with_qualifier(qualifier: Qualifier, en: str, fr: str) -> None:
    people = fig("killed", 180, Unit.PEOPLE, qualifier)
    assert format_figure(people, "en") == en
    assert format_figure(people, "fr") == fr
    assert format_figure(people, "fr", exact=True) == fr


@pytest.mark.parametrize(("value", "en", "fr"), [
    (13_289, "13,289", f"13{NNBSP}289"),
    (76_694, "76,694", f"76{NNBSP}694"),
    (229_000, "229,000", f"229{NNBSP}000"),
    (1_840, "1,840", f"1{NNBSP}840"),
    (311, "311", "311"),
    (2_500_000, f"2.5{NBSP}million", f"2,5{NBSP}millions"),
])
def test_people_thousands(value: float, en: str, fr: str) -> None:
    assert format_number(value, Unit.PEOPLE, "en") == en
    assert format_number(value, Unit.PEOPLE, "fr") == fr
    assert format_number(value, Unit.COUNT, "fr") == fr


def test_people_exact_above_a_million() -> None:
    assert format_number(2_500_000, Unit.PEOPLE, "fr", exact=True) == \
        f"2{NNBSP}500{NNBSP}000"


def test_other_units() -> None:
    assert format_number(8, Unit.TIMES, "en") == f"8{NBSP}×"
    assert format_number(1.5, Unit.TIMES, "fr") == f"1,5{NBSP}×"
    assert format_number(-0.5, Unit.TIMES, "en") == f"-0.5{NBSP}×"
    assert format_number(10, Unit.YEARS, "en") == f"10{NBSP}years"
    assert format_number(12.5, Unit.YEARS, "fr") == f"12,5{NBSP}ans"
    assert format_number(2_500, Unit.KM2, "fr") == f"2{NNBSP}500{NBSP}km²"
    assert format_number(1_240_000, Unit.KM2, "en") == f"1.24{NBSP}million km²"
    assert format_number(1_240_000, Unit.KM2, "fr") == f"1,24{NBSP}million de km²"
    assert format_number(1_240_000, Unit.KM2, "en", exact=True) == f"1,240,000{NBSP}km²"


def test_format_figure_usd_with_qualifier() -> None:
    share = fig("share", 1_737_630_000, Unit.USD, Qualifier.ABOUT)
    assert format_figure(share, "en") == f"about $1.74{NBSP}billion"
    assert format_figure(share, "fr") == f"environ 1,74{NBSP}milliard de dollars"
    assert format_figure(share, "en", exact=True) == "about $1,737,630,000"
    cost = fig("cost", 5.7e9, Unit.USD, Qualifier.AT_LEAST)
    assert format_figure(cost, "fr") == f"au moins 5,7{NBSP}milliards de dollars"


def test_group_digits_and_decimal() -> None:
    assert group_digits(1_234_567, "en") == "1,234,567"
    assert group_digits(1_234_567, "fr") == f"1{NNBSP}234{NNBSP}567"
    assert group_digits(-1_000, "fr") == f"-1{NNBSP}000"
    assert group_digits(0, "en") == "0"
    assert decimal(0, "en") == "0"
    assert decimal(1.7376, "en") == "1.74"
    assert decimal(1.7376, "fr") == "1,74"
    assert decimal(6.4, "en") == "6.4"  # no trailing zero
    assert decimal(0.000123456, "en") == "0.000123"
    assert decimal(-1234.5, "fr", sig=5) == f"-1{NNBSP}234,5"
    assert decimal(12345, "en") == "12,345"  # large values keep their whole part


# --- dates -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "en", "fr"), [
    ("2013-07-01", "1 July 2013", "1er juillet 2013"),
    ("2013-07-02", "2 July 2013", "2 juillet 2013"),
    ("2012-03-22", "22 March 2012", "22 mars 2012"),
    ("2023-08-30", "30 August 2023", "30 août 2023"),
    ("2014-02", "February 2014", "février 2014"),
    ("2023-12", "December 2023", "décembre 2023"),
    ("2013", "2013", "2013"),
    ("2022-23", "2022–23", "2022-2023"),
    ("2019-20", "2019–20", "2019-2020"),
    ("1999-00", "1999–00", "1999-2000"),
    ("2013/2018", "2013–2018", "2013-2018"),
    ("2022-03-27/2022-03-31", "27 March 2022 – 31 March 2022", "27 mars 2022 – 31 mars 2022"),
    ("2013-07-01 / 2014-02", "1 July 2013 – February 2014", "1er juillet 2013 – février 2014"),
    ("2022/2024", "2022–2024", "2022-2024"),
    ("2013 / 2018", "2013–2018", "2013-2018"),
    ("2013/2018-07", "2013 – July 2018", "2013 – juillet 2018"),
])
def test_format_date(text: str, en: str, fr: str) -> None:
    assert date_problem(text) is None
    assert format_date(text, "en") == en
    assert format_date(text, "fr") == fr


@pytest.mark.parametrize("text", [
    "2013-07-01", "2013-07", "2013", "2022-23", "1999-00", "2013/2018", "2024-02-29",
    "2022-03-27/2022-03-31", "2013-07-01 / 2014", "1900", "2100-12-31",
])
def test_date_problem_accepts(text: str) -> None:
    assert date_problem(text) is None


@pytest.mark.parametrize(("text", "reason"), [
    ("2013-02-30", "'2013-02-30' is not a real date"),
    ("2023-02-29", "'2023-02-29' is not a real date"),
    ("2013-04-31", "is not a real date"),
    ("2013-13", "'2013-13' is neither a month (YYYY-MM) nor a fiscal year (2022-23)"),
    ("2013-00", "is neither a month"),
    ("2022-24", "is neither a month"),
    ("not-a-date", ("'not-a-date' is not a date; write 2013-07-01, 2013-07, 2013, "
     "a fiscal year 2022-23, or a period A/B")),
    ("13/07/2013", "'13/07/2013' has more than one '/'"),
    ("2013-7-1", "is not a date"),
    ("July 2013", "is not a date"),
    ("20131", "is not a date"),
    ("1899", "'1899' has an impossible year"),
    ("2101-01", "has an impossible year"),
    ("", "is not a date"),
    ("2013/", "'' is not a date"),
    ("2013/2013-02-30", "'2013-02-30' is not a real date"),
])
def test_date_problem_rejects(text: str, reason: str) -> None:
    problem = date_problem(text)
    assert problem is not None
    assert reason in problem


# --- formulas ----------------------------------------------------------------------


def test_formula_names() -> None:
    assert formula_names("us_rate * pk_budget") == ["us_rate", "pk_budget"]
    assert sorted(formula_names("(a + b) / 2 - -c")) == ["a", "b", "c"]
    assert formula_names("3.5") == []


@pytest.mark.parametrize(("formula", "error"), [
    ("a ** 2", ValueError),
    ("a % 2", ValueError),
    ("f(a)", ValueError),
    ("a.b", ValueError),
    ("a if b else c", ValueError),
    ("'text'", ValueError),
    ("+a", ValueError),
    ("a *", SyntaxError),
    ("", SyntaxError),
])
def test_formula_names_rejects(formula: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        formula_names(formula)


def test_evaluate_counts_percent_as_a_fraction() -> None:
    figures = {"us_rate": RATE, "pk_budget": BUDGET}
    assert evaluate("us_rate * pk_budget", figures) == pytest.approx(0.2694 * 6.45e9)
    assert evaluate("pk_budget / 2 - 1", figures) == pytest.approx(3.225e9 - 1)
    assert evaluate("-(us_rate + 1)", figures) == pytest.approx(-1.2694)
    with pytest.raises(ZeroDivisionError):
        evaluate("pk_budget / 0", figures)


def test_format_formula_rate_times_budget() -> None:
    share = derived("us_rate * pk_budget", RATE, BUDGET)
    assert share.derivation is not None
    assert format_formula(share.derivation, "en") == f"26.94% × $6.45{NBSP}billion"
    assert format_formula(share.derivation, "fr") == \
        f"26,94{NNBSP}% × 6,45{NBSP}milliards de dollars"
    assert format_figure(share, "en") == f"about $1.74{NBSP}billion"


def test_format_formula_shows_input_qualifiers_and_constants() -> None:
    cost = fig("cost", 5.7e9, Unit.USD, Qualifier.AT_LEAST)
    paid = fig("paid", 700e6, Unit.USD, Qualifier.ABOUT)
    d = derived("cost / paid", cost, paid, unit=Unit.TIMES)
    assert d.derivation is not None
    assert format_formula(d.derivation, "en") == \
        f"at least $5.7{NBSP}billion ÷ about $700{NBSP}million"
    half = derived("pk_budget * 0.5", BUDGET)
    assert half.derivation is not None
    assert format_formula(half.derivation, "fr") == f"6,45{NBSP}milliards de dollars × 0,5"


@pytest.mark.parametrize(("formula", "shown"), [
    ("a + b * c", "1 + 2 × 3"),
    ("(a + b) * c", "(1 + 2) × 3"),
    ("a - (b - c)", "1 − (2 − 3)"),
    ("a - b - c", "1 − 2 − 3"),
    ("a / (b * c)", "1 ÷ (2 × 3)"),
    ("a * b / c", "1 × 2 ÷ 3"),
    ("-(a + b)", "−(1 + 2)"),
    ("-a * b", "−1 × 2"),
])
def test_format_formula_brackets(formula: str, shown: str) -> None:
    a, b, c = (fig(n, v, Unit.COUNT) for n, v in (("a", 1), ("b", 2), ("c", 3)))
    assert format_formula(Derivation(formula, (a, b, c)), "en") == shown


def test_format_formula_on_bundled_content(content_copy) -> None:
    from minusma_kiosk.content import load_content

    content = load_content(content_copy).content
    assert content is not None
    share = content.figure("us_share_2022_23")
    assert share.derivation is not None
    assert format_formula(share.derivation, "en") == f"26.94% × $6.45{NBSP}billion"
    assert format_figure(share, "en") == f"about $1.74{NBSP}billion"
    assert format_figure(share, "fr") == f"environ 1,74{NBSP}milliard de dollars"
    assert format_figure(share, "en", exact=True) == "about $1,737,630,000"
    assert format_figure(content.figure("minusma_killed_hostile"), "fr") == "environ 180"
    assert format_figure(content.figure("minusma_authorized_military"), "fr") == \
        f"13{NNBSP}289"
