"""Every kind of problem is reported with its file and line, all in one load.

Each test breaks a copy of a content folder on purpose and checks ``str(problem)``,
which is ``"file:line: message"``.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from minusma_kiosk.content import ContentInvalid, Problem, load_content

CARD = '''
[[card]]
id = "{id}"
figure = "{figure}"
headline.en = "A headline"
headline.fr = "Un titre"
text.en = "A text."
text.fr = "Un texte."
detail.en = "A detail."
detail.fr = "Un détail."
'''


def drop_column(text: str, column: str, header_only: bool = False) -> str:
    """Remove ``column`` from a CSV text (from the header only if asked)."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    index = rows[0].index(column)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for n, row in enumerate(rows):
        if n == 0 or not header_only:
            row = row[:index] + row[index + 1:]
        writer.writerow(row)
    return out.getvalue()


# --- all at once -------------------------------------------------------------------


def test_three_errors_in_three_files_are_all_reported_in_one_load(bundled) -> None:
    toml_line = bundled.edit_line("site.toml", "title.en = ", "title.en = Mali since 2012")
    csv_line = bundled.append("sources.csv", "extra_src,A title,A publisher,2013,"
                              "https://example.org,notes,one value too many\n")
    date_line = bundled.line("figures.csv", "minusma_deaths_total,")
    bundled.edit("figures.csv", "minusma_deaths_total,311,people,,2023-12-31,",
                 "minusma_deaths_total,311,people,,2023-12-32,")
    problems = bundled.problems()
    bundled.assert_problem(problems, "site.toml", toml_line, "not valid TOML")
    bundled.assert_problem(problems, "sources.csv", csv_line, "has 7 values",
                           "header has 6 columns")
    bundled.assert_problem(problems, "figures.csv", date_line, "'minusma_deaths_total'",
                           "'2023-12-32' is not a real date")
    assert len(problems) == 3, problems


def test_problems_are_sorted_by_file_and_line(tiny) -> None:
    tiny.edit("sources.csv", "2022-06", "2022-00")
    tiny.edit("sources.csv", "2013-07-01", "2013-07-00")
    tiny.edit("cards.toml", 'id = "two"', 'id = "Two"')
    result = tiny.load()
    assert result.content is None
    keys = [(p.file, p.line or 0) for p in result.problems]
    assert keys == sorted(keys)
    assert [str(p) for p in result.problems] == [
        "cards.toml:14: the id 'Two' may use only lower-case letters, digits and _",
        "sources.csv:2: source 'src_a': published date '2013-07-00' is not a real date",
        ("sources.csv:3: source 'src_b': published date '2022-00' is neither a month "
        "(YYYY-MM) nor a fiscal year (2022-23)"),
    ]


def test_content_invalid_carries_sorted_problems() -> None:
    problems = [Problem("b.csv", 2, "x"), Problem("a.toml", None, "y"), Problem("a.toml", 3, "z")]
    exc = ContentInvalid(problems)
    assert [str(p) for p in exc.problems] == ["a.toml: y", "a.toml:3: z", "b.csv:2: x"]
    assert str(exc) == "a.toml: y\na.toml:3: z\nb.csv:2: x"


# --- malformed files ---------------------------------------------------------------


def test_csv_row_with_extra_values(tiny) -> None:
    line = tiny.append("figures.csv", "fig_x,1,count,,2013,src_a,,x,x,,,surplus\n")
    problems = tiny.problems()
    assert problems == [(f"figures.csv:{line}: this row has 12 values but the header has "
                        "11 columns (a comma inside a value needs \"quotes\")")]


def test_csv_row_with_missing_values(tiny) -> None:
    line = tiny.append("sources.csv", "src_x,A title,A publisher\n")
    problems = tiny.problems()
    tiny.assert_problem(problems, "sources.csv", line, "has 3 values", "6 columns")


def test_csv_unclosed_quote_reports_the_row_where_it_opens(tiny) -> None:
    line = tiny.append("sources.csv", 'src_x,"A title,P,2013,https://example.org/x,\n'
                       "src_y,Y,P,2013,https://example.org/y,\n")
    problems = tiny.problems()
    tiny.assert_problem(problems, "sources.csv", line, "cannot be read", 'quote " left open')
    assert len(problems) == 1, problems


def test_csv_unclosed_quote_in_bundled_figures(bundled) -> None:
    line = bundled.line("figures.csv", "us_cap,")
    bundled.edit("figures.csv", "us_cap,25,percent,,1994,crs_if10597_2023,,share",
                 'us_cap,25,percent,,1994,crs_if10597_2023,,"share')
    problems = bundled.problems()
    bundled.assert_problem(problems, "figures.csv", line, "cannot be read", "left open")


def test_toml_syntax_error_line_comes_from_tomllib(tiny) -> None:
    line = tiny.edit("cards.toml", 'text.fr = "Texte court."', 'text.fr = "Texte court.')
    assert line == 9
    problems = tiny.problems()
    assert len(problems) == 1
    text = tiny.assert_problem(problems, "cards.toml", 9, "this is not valid TOML",
                               "(column 24)")
    assert "at line" not in text  # the line is given once, in front


def test_toml_missing_equals(tiny) -> None:
    tiny.edit("credits.toml", 'who = "Someone"', 'who "Someone"')
    problems = tiny.problems()
    assert problems == [problems[0]]
    tiny.assert_problem(problems, "credits.toml", 4, "not valid TOML", "Expected '='")


def test_toml_duplicate_key(tiny) -> None:
    tiny.append("site.toml", 'version = "t.2"\n')
    problems = tiny.problems()
    tiny.assert_problem(problems, "site.toml", 10, "not valid TOML")


# --- missing required fields -----------------------------------------------------


def test_missing_headline_en_in_bundled_card(bundled) -> None:
    line = bundled.edit("cards.toml", 'headline.en = "Helping Malians vote"\n', "")
    assert bundled.read("cards.toml").splitlines()[line - 1].startswith("headline.fr")
    problems = bundled.problems()
    assert problems == [f"cards.toml:{line}: headline.en is missing"]


# --- French parity: every text the exhibit shows exists in both languages -------------


def test_missing_french_in_a_bundled_card(bundled) -> None:
    line = bundled.edit("cards.toml", 'headline.fr = "Aider les Maliens à voter"\n', "")
    assert bundled.problems() == [f"cards.toml:{line - 1}: headline.fr is missing"]


def test_empty_french_in_toml(tiny) -> None:
    line = tiny.edit("cards.toml", 'text.fr = "Texte court."', 'text.fr = ""')
    assert tiny.problems() == [f"cards.toml:{line}: text.fr is empty"]


def test_missing_french_of_a_bundled_event_title(bundled) -> None:
    line = bundled.edit("events.csv", ",Des rebelles touareg attaquent Ménaka,", ",,")
    assert bundled.problems() == [f"events.csv:{line}: title_fr is empty (the French of "
                                  "title_en)"]


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    ("figures.csv", "a share,une part,Computed.,Calculé.", "a share,une part,Computed.,",
     "note_fr is empty but note_en is not: give the text in French too"),
    ("figures.csv", "a share,une part,Computed.,Calculé.", "a share,une part,,Calculé.",
     "note_en is empty but note_fr is not: give the text in English too"),
    ("figures.csv", "a rate,un taux", "a rate,", "label_fr is empty (the French of label_en)"),
    ("places.csv", "gao,Gao,Gao,", "gao,Gao,,", "name_fr is empty (the French of name_en)"),
    ("camps.csv", "Gao camp,Camp de Gao", "Gao camp,",
     "name_fr is empty but name_en is not: give the text in French too"),
    ("occupation.csv", "Armed groups,Groupes armés", "Armed groups,",
     "held_by_fr is empty but held_by_en is not"),
    ("events.csv", "Troops retook Gao.,Les troupes reprennent Gao.", "Troops retook Gao.,",
     "text_fr is empty (the French of text_en)"),
])
def test_missing_french_in_csv(tiny, file: str, old: str, new: str, message: str) -> None:
    line = tiny.edit(file, old, new)
    problems = tiny.problems()
    tiny.assert_problem(problems, file, line, message)


def test_missing_whole_text_points_at_the_card(tiny) -> None:
    tiny.edit("cards.toml", 'detail.en = "More detail."\ndetail.fr = "Plus de détails."\n', "")
    problems = tiny.problems()
    assert problems == [('cards.toml:2: detail.en is missing (write detail.en = "…" and '
                        'detail.fr = "…")')]


def test_missing_en_in_inline_table(tiny) -> None:
    tiny.edit("cards.toml", 'en = "Second card", fr', "fr")
    assert tiny.problems() == ["cards.toml:18: headline.en is missing"]


def test_missing_en_is_reported_with_another_language_problem(tiny) -> None:
    tiny.edit("cards.toml", 'headline.en = "First card"', 'headline.de = "Erste Karte"')
    problems = tiny.problems()
    tiny.assert_problem(problems, "cards.toml", 6, "headline.de unknown language 'de'")
    tiny.assert_problem(problems, "cards.toml", 6, "headline.en is missing")
    assert len(problems) == 2


def test_missing_card_figure_and_site_version(tiny) -> None:
    tiny.edit("cards.toml", 'figure = "fig_share"\n', "")
    tiny.edit("site.toml", 'version = "t.1"\n', "")
    problems = tiny.problems()
    assert problems == ["cards.toml:13: figure is missing", "site.toml:1: version is missing"]


def test_missing_csv_column_in_header_and_rows(tiny) -> None:
    tiny.write("sources.csv", drop_column(tiny.read("sources.csv"), "published"))
    problems = tiny.problems()
    assert problems == ["sources.csv:1: the column 'published' is missing from the header row"]


def test_missing_required_column_also_empties_its_cells(tiny) -> None:
    tiny.write("sources.csv", drop_column(tiny.read("sources.csv"), "publisher"))
    assert tiny.problems() == [
        "sources.csv:1: the column 'publisher' is missing from the header row",
        "sources.csv:2: source 'src_a': the publisher is empty",
        "sources.csv:3: source 'src_b': the publisher is empty",
        "sources.csv:4: source 'src_c': the publisher is empty",
    ]


def test_missing_csv_column_in_header_only(bundled) -> None:
    bundled.write("figures.csv",
                  drop_column(bundled.read("figures.csv"), "qualifier", header_only=True))
    problems = bundled.problems()
    bundled.assert_problem(problems, "figures.csv", 1,
                           "the column 'qualifier' is missing from the header row")
    # every row now has one value too many, each on its own line
    bundled.assert_problem(problems, "figures.csv", 2, "has 11 values", "10 columns")
    bundled.assert_problem(problems, "figures.csv", 3, "has 11 values", "10 columns")


def test_empty_required_cells(tiny) -> None:
    tiny.edit("sources.csv", "src_b,Document B,Publisher B,2022-06,https://example.org/b,",
              "src_b,,Publisher B,2022-06,,")
    tiny.edit("figures.csv", "fig_people,180,people,about,2023-12,src_c,,people",
              "fig_people,180,people,about,,src_c,,")
    problems = tiny.problems()
    tiny.assert_problem(problems, "sources.csv", 3, "source 'src_b': the title is empty")
    tiny.assert_problem(problems, "sources.csv", 3, "source 'src_b': the url is empty")
    tiny.assert_problem(problems, "figures.csv", 5, "'fig_people': as_of is empty")
    tiny.assert_problem(problems, "figures.csv", 5, "'fig_people': label_en is empty")
    assert len(problems) == 4


def test_bad_values_in_figures(tiny) -> None:
    tiny.edit("figures.csv", "fig_people,180,people,about", "fig_people,lots,folks,roughly")
    tiny.edit("sources.csv", "https://example.org/a", "ftp://example.org/a")
    problems = tiny.problems()
    tiny.assert_problem(problems, "figures.csv", 5, "unknown unit 'folks'", "usd, percent")
    tiny.assert_problem(problems, "figures.csv", 5, "unknown qualifier 'roughly'", "about")
    tiny.assert_problem(problems, "figures.csv", 5, "the value 'lots' is not a number")
    tiny.assert_problem(problems, "sources.csv", 2, "url must start with http:// or https://")


@pytest.mark.parametrize("raw", ["nan", "inf", "1e999", ""])
def test_value_must_be_a_finite_number(tiny, raw: str) -> None:
    tiny.edit("figures.csv", "fig_people,180,", f"fig_people,{raw},")
    assert tiny.problems() == [
        "cards.toml:4: unknown figure 'fig_people' (not an id in figures.csv)",
        f"figures.csv:5: figure 'fig_people': the value {raw!r} is not a number (write it "
        "with digits, a point for decimals: 292.5)",
    ]


def test_value_with_thousands_commas_is_read(tiny) -> None:
    tiny.edit("figures.csv", "fig_budget,6450000000,", 'fig_budget,"6,450,000,000",')
    content = tiny.load().content
    assert content is not None
    assert content.figure("fig_budget").value == 6_450_000_000


def test_derived_figure_with_a_value(tiny) -> None:
    tiny.edit("figures.csv", "fig_share,,usd", "fig_share,5,usd")
    tiny.assert_problem(tiny.problems(), "figures.csv", 4, "'fig_share'", "leave its value empty")


# --- unknown ids -------------------------------------------------------------------


def test_unknown_ids_everywhere(tiny) -> None:
    tiny.edit("cards.toml", 'figure = "fig_people"', 'figure = "nope"')
    tiny.edit("cards.toml", 'sources = ["src_a"]', 'sources = ["src_a", "nosrc"]')
    tiny.edit("cards.toml", 'more_figures = ["fig_budget"]', 'more_figures = ["fig_budget", "nofig"]')
    tiny.edit("figures.csv", "2023-12,src_c,", "2023-12,src_zz,")
    tiny.edit("site.toml", '["src_a"]', '["src_q"]')
    tiny.append("figures.csv", "fig_f,,usd,,2013,,fig_rate * ghost,f,f,,\n")
    assert tiny.problems() == [
        "cards.toml:4: unknown figure 'nope' (not an id in figures.csv)",
        "cards.toml:5: unknown source 'nosrc' (not an id in sources.csv)",
        "cards.toml:16: unknown figure 'nofig' (not an id in figures.csv)",
        "figures.csv:5: figure 'fig_people': unknown source 'src_zz' (not an id in sources.csv)",
        "figures.csv:6: figure 'fig_f': the formula uses unknown figure id(s) ghost",
        "site.toml:3: unknown source 'src_q' (not an id in sources.csv)",
    ]


def test_unknown_card_figure_in_bundled(bundled) -> None:
    line = bundled.edit("cards.toml", 'figure = "gao_cost_ratio"', 'figure = "gao_cost_ration"')
    problems = bundled.problems()
    assert problems == [(f"cards.toml:{line}: unknown figure 'gao_cost_ration' "
                        "(not an id in figures.csv)")]


def test_unknown_source_in_bundled_figure(bundled) -> None:
    line = bundled.line("figures.csv", "us_cap,")
    bundled.edit("figures.csv", "us_cap,25,percent,,1994,crs_if10597_2023,",
                 "us_cap,25,percent,,1994,crs_if10597_2032,")
    problems = bundled.problems()
    bundled.assert_problem(problems, "figures.csv", line, "figure 'us_cap'",
                           "unknown source 'crs_if10597_2032'")
    # the card that shows us_cap as a more_figure now names an unknown figure
    bundled.assert_problem(problems, "cards.toml", bundled.line("cards.toml", '"us_cap"'),
                           "unknown figure 'us_cap'")


def test_id_lists_of_the_wrong_type(tiny) -> None:
    tiny.edit("cards.toml", 'sources = ["src_a"]', 'sources = "src_a"')
    tiny.edit("cards.toml", 'more_figures = ["fig_budget"]', "more_figures = [1, 2]")
    problems = tiny.problems()
    assert problems == [
        'cards.toml:5: sources must be a list of source ids: sources = ["id1", "id2"]',
        ('cards.toml:16: more_figures must be a list of figure ids: '
        'more_figures = ["id1", "id2"]'),
    ]


# --- dates -------------------------------------------------------------------------


@pytest.mark.parametrize(("as_of", "reason"), [
    ("2013-02-30", "'2013-02-30' is not a real date"),
    ("2013-13", "'2013-13' is neither a month (YYYY-MM) nor a fiscal year (2022-23)"),
    ("2013-00", "is neither a month"),
    ("soon", "'soon' is not a date; write 2013-07-01"),
    ("01/07/2013", "has more than one '/'"),
    ("2013-7-1", "'2013-7-1' is not a date"),
    ("1850", "'1850' has an impossible year"),
    ("2013/later", "'later' is not a date"),
])
def test_impossible_dates(tiny, as_of: str, reason: str) -> None:
    tiny.edit("figures.csv", "about,2023-12,src_c", f"about,{as_of},src_c")
    problems = tiny.problems()
    assert len(problems) == 1
    tiny.assert_problem(problems, "figures.csv", 5, "figure 'fig_people': as_of", reason)


def test_impossible_published_date_in_bundled_sources(bundled) -> None:
    line = bundled.line("sources.csv", "un_news_2013_07_01,")
    bundled.edit("sources.csv", ",UN News,2013-07-01,", ",UN News,2013-02-29,")
    problems = bundled.problems()
    assert problems == [(f"sources.csv:{line}: source 'un_news_2013_07_01': published date "
                        "'2013-02-29' is not a real date")]


# --- duplicate ids -----------------------------------------------------------------


def test_duplicate_ids_in_all_three_files(tiny) -> None:
    tiny.append("sources.csv", "src_a,Again,P,2013,https://example.org/again,\n")
    tiny.append("figures.csv", "fig_rate,1,count,,2013,src_b,,again,encore,,\n")
    tiny.append("cards.toml", CARD.format(id="one", figure="fig_rate"))
    problems = tiny.problems()
    assert problems == [
        "cards.toml:25: the id 'one' is used twice (first on line 3)",
        "figures.csv:6: the id 'fig_rate' is used twice (first on line 2)",
        "sources.csv:5: the id 'src_a' is used twice (first on line 2)",
    ]


def test_duplicate_ids_in_bundled_files(bundled) -> None:
    first_source = bundled.line("sources.csv", "bwc_value,")
    first_figure = bundled.line("figures.csv", "us_cap,")
    first_card = bundled.line("cards.toml", 'id = "elections"')
    source_line = bundled.append("sources.csv", "bwc_value,T,P,2018,https://example.org,\n")
    figure_line = bundled.append("figures.csv", "us_cap,25,percent,,1994,bwc_value,,x,y,,\n")
    card_line = bundled.append("cards.toml", CARD.format(id="elections", figure="us_cap")) + 2
    problems = bundled.problems()
    assert problems == [
        f"cards.toml:{card_line}: the id 'elections' is used twice (first on line {first_card})",
        (f"figures.csv:{figure_line}: the id 'us_cap' is used twice "
        f"(first on line {first_figure})"),
        (f"sources.csv:{source_line}: the id 'bwc_value' is used twice "
        f"(first on line {first_source})"),
    ]


@pytest.mark.parametrize("bad", ["Src_A", "src-a", "_src", "src a"])
def test_badly_written_ids(tiny, bad: str) -> None:
    tiny.append("sources.csv", f"{bad},T,P,2013,https://example.org/x,\n")
    assert tiny.problems() == [(f"sources.csv:5: the id {bad!r} may use only lower-case "
                               "letters, digits and _")]


def test_row_without_id(tiny) -> None:
    tiny.append("figures.csv", ",1,count,,2013,src_a,,x,,,\n")
    assert tiny.problems() == ["figures.csv:6: the figure has no id"]


# --- encodings and empty files -----------------------------------------------------


def test_non_utf8_csv_reports_the_line_of_the_bad_byte(tiny) -> None:
    text = tiny.read("sources.csv").replace("Publisher B", "Publié B")
    (tiny.path / "sources.csv").write_bytes(text.encode("latin-1"))
    problems = tiny.problems()
    tiny.assert_problem(problems, "sources.csv", 3, "not UTF-8", "CSV UTF-8")


def test_non_utf8_toml_reports_the_line_of_the_bad_byte(tiny) -> None:
    text = tiny.read("cards.toml")
    (tiny.path / "cards.toml").write_bytes(text.encode("utf-8").replace(
        "Première".encode(), "Première".encode("latin-1")))
    problems = tiny.problems()
    assert problems == [("cards.toml:7: this file is in the Windows-1252 encoding (as Excel's "
                         "plain 'CSV' saves), not UTF-8 (see 'Première'): save it as 'CSV UTF-8' "
                         "(in a text editor: UTF-8)")]


def test_non_utf8_after_a_byte_order_mark(tiny) -> None:
    """The mark is skipped by the decoder; the line must still be right."""
    text = "id,title,publisher,published,url\nsrc_a,T,P,2013,https://example.org\né,x,y,,\n"
    (tiny.path / "sources.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("latin-1"))
    problems = tiny.problems()
    tiny.assert_problem(problems, "sources.csv", 3, "not UTF-8")


def test_non_utf8_bundled_figures(bundled) -> None:
    line = bundled.line("figures.csv", "us_cap,")
    data = (bundled.path / "figures.csv").read_bytes()
    (bundled.path / "figures.csv").write_bytes(
        data.replace(b"us_cap,25,percent", b"us_cap,25,pourcent\xe9", 1))
    problems = bundled.problems()
    bundled.assert_problem(problems, "figures.csv", line, "not UTF-8")


def test_empty_files(tiny) -> None:
    tiny.write("site.toml", "")
    tiny.write("credits.toml", "  \n\n")
    tiny.write("figures.csv", "")
    problems = tiny.problems()
    tiny.assert_problem(problems, "site.toml", None, "the file is empty")
    tiny.assert_problem(problems, "credits.toml", None, "the file is empty")
    tiny.assert_problem(problems, "figures.csv", None, "the file is empty")


def test_header_only_csv(tiny) -> None:
    tiny.write("sources.csv", "id,title,publisher,published,url\n\n")
    problems = tiny.problems()
    assert "sources.csv: the file has a header but no rows" in problems
    # and the figures that cited them are reported too
    tiny.assert_problem(problems, "figures.csv", 2, "unknown source 'src_a'")


def test_missing_file(tiny) -> None:
    (tiny.path / "credits.toml").unlink()
    assert tiny.problems() == ["credits.toml: 'credits.toml' does not exist in the content folder"]


def test_content_folder_that_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = load_content(missing)
    assert result.content is None and not result.ok
    assert [str(p) for p in result.problems] == [f"{missing}: this content folder does not exist"]


def test_content_folder_that_is_a_file(tmp_path: Path) -> None:
    file = tmp_path / "content.txt"
    file.write_text("x")
    assert [p.message for p in load_content(file).problems] == ["this is a file, not a content folder"]


# --- images ------------------------------------------------------------------------


def test_missing_image(tiny) -> None:
    (tiny.path / "images" / "pic.svg").unlink()
    assert tiny.problems() == [("cards.toml:17: 'images/pic.svg' does not exist in the "
                               "content folder")]


def test_missing_image_in_bundled_card(bundled) -> None:
    line = bundled.edit("cards.toml", 'image = "images/coins.svg"', 'image = "images/coin.svg"')
    assert bundled.problems() == [(f"cards.toml:{line}: 'images/coin.svg' does not exist in "
                                  "the content folder")]


@pytest.mark.parametrize(("text", "reason"), [
    ("<svg", "'images/pic.svg' is not a readable SVG picture (unclosed token: line 1"),
    ("", "'images/pic.svg' is not a readable SVG picture (no element found"),
    ("<html/>", "'images/pic.svg' is XML but not an SVG picture (it starts with <html>)"),
])
def test_image_qt_could_not_draw(tiny, text: str, reason: str) -> None:
    (tiny.path / "images" / "pic.svg").write_text(text, encoding="utf-8")
    problems = tiny.problems()
    assert len(problems) == 1
    tiny.assert_problem(problems, "cards.toml", 17, reason)


def _png(width: int, height: int) -> bytes:
    """A real PNG of one colour (pure Python: the content tests import no Qt)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    rows = b"".join(b"\x00" + b"\x80\x20\x20" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                            0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.mark.adversarial(item=9)
def test_a_png_picture_is_accepted(tiny) -> None:
    (tiny.path / "images" / "pic.png").write_bytes(_png(16, 12))
    tiny.edit("cards.toml", '"images/pic.svg"', '"images/pic.png"')
    result = tiny.load()
    assert result.ok, result.problems
    assert [c.image.name for c in result.content.cards if c.image] == ["pic.png"]


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("pic.png", b"\x89PNG", "'images/pic.png' is not a PNG picture (save it again as PNG)"),
    ("pic.png", _png(5000, 10), "'images/pic.png' is 5000x10 pixels; at most 4096x4096"),
    ("pic.jpg", b"\xff\xd8\xff", "'images/pic.jpg': pictures must be SVG (.svg) or PNG (.png)"),
    ("pic.svg", b'<svg xmlns="http://www.w3.org/2000/svg">' + b"<g/>" * 600_000 + b"</svg>",
     "'images/pic.svg' is 2.4 MB; a card's picture may be at most 2 MB"),
])
@pytest.mark.adversarial(item=9)
def test_a_picture_the_exhibit_cannot_show_is_refused(tiny, name, data, reason) -> None:
    (tiny.path / "images" / name).write_bytes(data)
    tiny.edit("cards.toml", '"images/pic.svg"', f'"images/{name}"')
    tiny.assert_problem(tiny.problems(), "cards.toml", 17, reason)


@pytest.mark.parametrize(("image", "reason"), [
    ("../x.svg", "'../x.svg' points outside the content folder ('..' is not allowed)"),
    ("images/../../x.svg", "points outside the content folder"),
    ("/etc/passwd", "'/etc/passwd' must be a path inside the content folder"),
    ("C:/pictures/x.svg", "must be a path inside the content folder"),
    ("images\\pic.svg", "written with '/'"),
    ("", "the file name is empty"),
    ("images", "'images' does not exist in the content folder"),
])
def test_image_path_must_stay_inside(tiny, image: str, reason: str) -> None:
    tiny.edit("cards.toml", '"images/pic.svg"', f"'{image}'")
    problems = tiny.problems()
    assert len(problems) == 1
    tiny.assert_problem(problems, "cards.toml", 17, reason)


def test_image_that_exists_outside_via_dotdot_is_still_rejected(tiny) -> None:
    (tiny.path.parent / "outside.svg").write_text("<svg/>")
    tiny.edit("cards.toml", '"images/pic.svg"', '"../outside.svg"')
    tiny.assert_problem(tiny.problems(), "cards.toml", 17, "'..' is not allowed")


def test_symlink_inside_the_folder_that_points_outside(tiny) -> None:
    outside = tiny.path.parent / "secret.svg"
    outside.write_text("<svg/>")
    os.symlink(outside, tiny.path / "images" / "evil.svg")
    tiny.edit("cards.toml", '"images/pic.svg"', '"images/evil.svg"')
    assert tiny.problems() == [("cards.toml:17: 'images/evil.svg' is a link that leads outside "
                               "the content folder")]


def test_symlinked_directory_that_points_outside(tiny) -> None:
    outside = tiny.path.parent / "elsewhere"
    outside.mkdir()
    (outside / "pic.svg").write_text("<svg/>")
    os.symlink(outside, tiny.path / "linked")
    tiny.edit("cards.toml", '"images/pic.svg"', '"linked/pic.svg"')
    tiny.assert_problem(tiny.problems(), "cards.toml", 17, "is a link that leads outside")


def test_content_file_that_is_a_symlink_to_outside(tiny) -> None:
    outside = tiny.path.parent / "credits.toml"
    outside.write_text(tiny.read("credits.toml"))
    (tiny.path / "credits.toml").unlink()
    os.symlink(outside, tiny.path / "credits.toml")
    assert tiny.problems() == [("credits.toml: 'credits.toml' is a link that leads outside "
                               "the content folder")]


def test_image_that_is_not_text(tiny) -> None:
    tiny.edit("cards.toml", 'image = "images/pic.svg"', "image = 3")
    assert tiny.problems() == ["cards.toml:17: image must be a file name in quotes"]


# --- unknown keys and columns ------------------------------------------------------


def test_unknown_toml_key_typo_is_reported_on_its_line(tiny) -> None:
    tiny.edit("cards.toml", 'headline.en = "First card"', 'headlien.en = "First card"')
    problems = tiny.problems()
    tiny.assert_problem(problems, "cards.toml", 6, "unknown key 'headlien'",
                        "the keys here are: id, figure")
    # headline.fr alone is left: English is missing, said on the headline.fr line
    tiny.assert_problem(problems, "cards.toml", 7, "headline.en is missing")
    assert len(problems) == 2


def test_unknown_toml_key_typo_in_bundled_card(bundled) -> None:
    line = bundled.edit("cards.toml", 'headline.en = "Sharing the bill"',
                        'headlien.en = "Sharing the bill"')
    problems = bundled.problems()
    bundled.assert_problem(problems, "cards.toml", line, "unknown key 'headlien'")


def test_unknown_keys_in_site_and_credits(tiny) -> None:
    tiny.append("site.toml", 'footnotes.en = "typo"\n')
    tiny.append("credits.toml", 'license = "MIT"\n')
    tiny.append("site.toml", "[extra]\nx = 1\n")
    problems = tiny.problems()
    tiny.assert_problem(problems, "site.toml", 10, "unknown key 'footnotes'", "footnote")
    tiny.assert_problem(problems, "site.toml", 11, "unknown table or key 'extra'")
    tiny.assert_problem(problems, "credits.toml", 7, "unknown key 'license'", "licence")
    assert len(problems) == 3


def test_unknown_table_in_cards(tiny) -> None:
    tiny.append("cards.toml", "[[cards]]\nid = \"x\"\n")
    assert tiny.problems() == [("cards.toml:23: unknown table or key 'cards'; this file "
                               "holds [[card]] entries")]


def test_no_cards_at_all(tiny) -> None:
    tiny.write("cards.toml", "# nothing yet\ntitle = \"x\"\n")
    problems = tiny.problems()
    tiny.assert_problem(problems, "cards.toml", None, "no [[card]] entry found")


def test_card_written_as_a_single_table(tiny) -> None:
    tiny.write("credits.toml", '[credit]\nwho = "x"\n')
    assert tiny.problems() == ["credits.toml:1: credit must be a list of [[credit]] tables"]


def test_unknown_csv_column(tiny) -> None:
    tiny.edit("figures.csv", "note_fr", "note_de")
    tiny.edit("sources.csv", ",notes", ",comment")
    problems = tiny.problems()
    assert problems == [
        ("figures.csv:1: unknown column 'note_de'; the columns are: id, value, unit, qualifier, "
        "as_of, source, formula, label_en, label_fr, note_en, note_fr (and notes)"),
        # with note_fr misnamed, the French of the one note is missing too
        ("figures.csv:4: note_fr is empty but note_en is not: give the text in French too"),
        ("sources.csv:1: unknown column 'comment'; the columns are: id, title, publisher, "
        "published, url (and notes)"),
    ]


def test_column_named_twice(tiny) -> None:
    tiny.edit("sources.csv", ",notes", ",url")
    tiny.assert_problem(tiny.problems(), "sources.csv", 1, "a column name appears twice")


def test_text_must_be_per_language(tiny) -> None:
    tiny.edit("cards.toml", 'text.en = "Short text."\ntext.fr = "Texte court."',
              'text = "Short text."')
    assert tiny.problems() == [('cards.toml:8: text must be given per language: '
                               'text.en = "…" and text.fr = "…"')]


def test_empty_and_non_text_language_values(tiny) -> None:
    tiny.edit("cards.toml", 'text.fr = "Texte court."', 'text.fr = "   "')
    tiny.edit("cards.toml", 'detail.en = "More detail."', "detail.en = 5")
    problems = tiny.problems()
    assert problems == ["cards.toml:9: text.fr is empty",
                        "cards.toml:10: detail.en must be text in quotes"]


def test_who_must_be_text(tiny) -> None:
    tiny.edit("credits.toml", 'who = "Someone"', 'who = ""')
    assert tiny.problems() == ["credits.toml:4: who must be a non-empty text in quotes"]


# --- word limits -------------------------------------------------------------------


def test_too_many_words_in_card_text(tiny) -> None:
    long = " ".join(["word"] * 61)
    tiny.edit("cards.toml", 'text.en = "Short text."', f'text.en = """{long[:40]}\n{long[40:]}"""')
    assert tiny.problems() == [("cards.toml:8: text.en has 61 words; keep it to 60 or fewer "
                               "(visitors read for seconds)")]


def test_sixty_words_are_allowed(tiny) -> None:
    tiny.edit("cards.toml", 'text.en = "Short text."', f'text.en = "{" ".join(["w"] * 60)}"')
    assert tiny.load().ok


def test_too_many_words_in_bundled_headline(bundled) -> None:
    line = bundled.edit("cards.toml", 'headline.fr = "Partager la facture"',
                        'headline.fr = "Partager la facture du maintien de la paix entre tous '
                        'les membres"')
    problems = bundled.problems()
    assert problems == [(f"cards.toml:{line}: headline.fr has 12 words; keep it to 8 or fewer "
                        "(visitors read for seconds)")]


# --- formulas ----------------------------------------------------------------------


def test_formula_cycle(tiny) -> None:
    start = tiny.append("figures.csv", "cyc_a,,usd,,2013,,cyc_b * 2,a,a,,\n"
                        "cyc_b,,usd,,2013,,cyc_a + 1,b,b,,\n"
                        "cyc_self,,usd,,2013,,cyc_self * 2,c,c,,\n")
    problems = tiny.problems()
    assert problems == [
        (f"figures.csv:{start}: figure 'cyc_a': its formula depends on itself through other "
        "figures"),
        (f"figures.csv:{start + 1}: figure 'cyc_b': its formula depends on itself through "
        "other figures"),
        (f"figures.csv:{start + 2}: figure 'cyc_self': its formula depends on itself through "
        "other figures"),
    ]


def test_formula_cycle_in_bundled_figures(bundled) -> None:
    line = bundled.line("figures.csv", "us_share_2022_23,")
    bundled.edit("figures.csv", "us_rate_2022_2024 * pk_budget_2022_23",
                 "us_rate_2022_2024 * us_share_2022_23")
    problems = bundled.problems()
    bundled.assert_problem(problems, "figures.csv", line, "'us_share_2022_23'",
                           "depends on itself")


def test_figure_with_both_source_and_formula(tiny) -> None:
    tiny.edit("figures.csv", "fig_share,,usd,about,2022-23,,", "fig_share,,usd,about,2022-23,src_a,")
    problems = tiny.problems()
    tiny.assert_problem(problems, "figures.csv", 4, "figure 'fig_share'",
                        "give a source or a formula, not both")
    # the card showing it now names an unknown figure
    tiny.assert_problem(problems, "cards.toml", 15, "unknown figure 'fig_share'")


def test_figure_with_neither_source_nor_formula(tiny) -> None:
    tiny.edit("figures.csv", "2023-12,src_c,", "2023-12,,")
    problems = tiny.problems()
    tiny.assert_problem(problems, "figures.csv", 5, "figure 'fig_people'",
                        "the source is empty", "(or a formula)")


@pytest.mark.parametrize(("formula", "reason"), [
    ("fig_rate ** 2", "not Pow"),
    ("fig_rate *", "invalid syntax"),
    ('"max(fig_rate, 1)"', "not Call"),
    ("fig_rate * 'x'", "only numbers may appear"),
])
def test_formula_that_cannot_be_read(tiny, formula: str, reason: str) -> None:
    tiny.edit("figures.csv", "fig_rate * fig_budget", formula)
    problems = tiny.problems()
    tiny.assert_problem(problems, "figures.csv", 4, "'fig_share': the formula cannot be read",
                        reason)


def test_formula_dividing_by_zero(tiny) -> None:
    tiny.edit("figures.csv", "fig_rate * fig_budget", "fig_budget / (fig_rate - fig_rate)")
    tiny.assert_problem(tiny.problems(), "figures.csv", 4, "'fig_share'", "divides by zero")
