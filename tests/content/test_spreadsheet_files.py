"""Files as spreadsheets save them: French Excel's ';' and Windows-1252, UTF-16, decimal
commas. Each gets one line that says what to do; what follows from a broken file is
counted, not listed (the curator fixes the cause and checks again)."""

from __future__ import annotations

import codecs

import pytest


def _as_french_excel(text: str, encoding: str = "cp1252") -> bytes:
    """``text`` as a French Excel saves a CSV: ';' between values, a Windows encoding."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding, errors="replace")


@pytest.mark.adversarial(item=7)
def test_semicolons_are_named_in_one_line_and_their_consequences_counted(bundled):
    figures = bundled.path / "figures.csv"
    figures.write_bytes(_as_french_excel(figures.read_text(encoding="utf-8"), "utf-8"))
    result = bundled.load()
    lines = result.report()
    assert lines[0] == ("figures.csv:1: this file uses ';' between values (as a spreadsheet "
                        "set to French does): save it as 'CSV UTF-8' with commas between "
                        "values (LibreOffice: field delimiter ','; Excel: set the list "
                        "separator to ',' in the system's region settings)")
    assert len(lines) == 2, "\n".join(lines)  # the cause, then one line for what follows
    assert lines[1].startswith("… and ") and lines[1].endswith(
        "more problems caused by figures.csv: fix it first, then check again")
    n = int(lines[1].split()[2])
    assert n == len(result.problems) - 1 and n > 50


@pytest.mark.adversarial(item=7)
def test_a_windows_encoding_is_named_with_the_word_that_shows_it(bundled):
    figures = bundled.path / "figures.csv"
    figures.write_bytes(figures.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    lines = bundled.load().report()
    assert lines[0].startswith("figures.csv:")
    assert "Windows-1252" in lines[0] and "save it as 'CSV UTF-8'" in lines[0]
    assert "(see '" in lines[0]
    assert len(lines) == 2 and lines[1].startswith("… and ")


@pytest.mark.adversarial(item=7)
def test_both_at_once_is_one_line_too(bundled):
    """What a French Excel really writes: ';' and Windows-1252. The encoding is found
    first (the separator cannot be read before the text)."""
    sources = bundled.path / "sources.csv"
    sources.write_bytes(_as_french_excel(sources.read_text(encoding="utf-8")))
    lines = bundled.load().report()
    assert lines[0].startswith("sources.csv:") and "Windows-1252" in lines[0]
    assert "and it uses ';' between values" in lines[0] and lines[0].endswith(
        "with commas between values")
    assert lines[-1].endswith("caused by sources.csv: fix it first, then check again")
    assert len(lines) == 2


@pytest.mark.adversarial(item=7)
@pytest.mark.parametrize("bom", [True, False])
def test_utf16_is_named(bundled, bom):
    places = bundled.path / "places.csv"
    text = places.read_text(encoding="utf-8")
    places.write_bytes((codecs.BOM_UTF16_LE if bom else b"") + text.encode("utf-16-le"))
    lines = bundled.load().report()
    assert lines[0] == ("places.csv: this file is UTF-16 text (Excel's 'Unicode text'), not "
                        "UTF-8: save it as 'CSV UTF-8' (in a text editor: UTF-8)")
    assert all(line.startswith("… and ") for line in lines[1:])


@pytest.mark.adversarial(item=7)
def test_tabs_between_values_are_named(bundled):
    events = bundled.path / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace(",", "\t"), encoding="utf-8")
    assert "this file uses tabs between values" in bundled.load().report()[0]


@pytest.mark.adversarial(item=7)
def test_a_root_cause_comes_before_its_consequences(bundled):
    """Problems that are not consequences are listed first, whatever their file."""
    bundled.edit_line("cards.toml", "headline.en", 'headline.en = ""')
    (bundled.path / "sources.csv").write_bytes(b"")
    from minusma_kiosk.content.problems import consequence_roots

    result = bundled.load()
    roots = consequence_roots(result.problems, result.broken)
    follows = [p.cause in roots for p in result.problems]
    assert follows == sorted(follows) and any(follows) and not all(follows)
    lines = result.report()
    assert lines[0].startswith("cards.toml:") and "headline.en is empty" in lines[0]
    assert lines[1] == "sources.csv: the file is empty"
    assert lines[-1].endswith("caused by sources.csv: fix it first, then check again")


@pytest.mark.parametrize(("raw", "why"), [
    ("292,5", "uses a comma for decimals; write 292.5 with a point"),
    ("0,25", "uses a comma for decimals; write 0.25 with a point"),
    ("1 840", "is not a number"),
    ("12,34,5", "is not a number"),
])
@pytest.mark.adversarial(item=7)
def test_a_decimal_comma_is_refused_not_read_as_thousands(tiny, raw, why):
    """'292,5' used to be read as 2925: a figure ten times too large, on screen."""
    tiny.edit("figures.csv", "fig_people,180,", f'fig_people,"{raw}",')
    assert any(why in p for p in tiny.problems()), tiny.problems()


def test_thousands_commas_still_read(tiny):
    tiny.edit("figures.csv", "fig_people,180,", 'fig_people,"1,840.5",')
    result = tiny.load()
    assert result.ok, result.problems
    assert next(f for f in result.content.figures if f.id == "fig_people").value == 1840.5


@pytest.mark.adversarial(item=6)
def test_a_huge_formula_is_refused_before_it_is_computed(tiny):
    formula = "+".join(["fig_people"] * 5_000)  # deep enough to overflow a recursive walk
    tiny.append("figures.csv", f"fig_big,,people,,2020,,{formula},big,grand,,")
    assert any("the formula has" in p and "keep it to 300" in p for p in tiny.problems())


@pytest.mark.adversarial(item=1)
def test_a_formula_that_overflows_is_refused(tiny):
    tiny.append("figures.csv", "fig_inf,,people,,2020,,fig_people * 1e308 * 1e308,x,x,,")
    assert any("fig_inf" in p and "the formula gives inf" in p for p in tiny.problems())


@pytest.mark.adversarial(item=6)
def test_a_file_far_too_large_is_refused_without_reading_it(bundled):
    with (bundled.path / "events.csv").open("ab") as f:
        f.truncate(6_000_000)
    assert any(p.startswith("events.csv: this file is 6 MB") for p in bundled.load().report())

