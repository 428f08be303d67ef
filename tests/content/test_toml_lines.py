"""TomlDoc.line_of finds the line a key is written on (tomllib keeps no positions)."""

from __future__ import annotations

import textwrap
import tomllib
from pathlib import Path

import pytest

from minusma_kiosk.content.files import TomlDoc, read_toml
from minusma_kiosk.content.problems import ProblemLog

CARDS = textwrap.dedent('''\
    # comment line 1
    [[card]]  # the first card (line 2)
    id = "first"
    headline.en = "One"
    headline.fr = "Un"
    sources = [
        "a",
        "b",
    ]
    text.en = """A text
    on two lines = not a key"""

    [[card]]
    id = "second"
    headline = { en = "Two", fr = "Deux" }
    "text" . "en" = "Quoted and spaced"
      text.fr = "Indenté"

    [card.detail]
    en = "Sub-table detail"
    fr = "Détail"

    [[ card ]]
    id = "third"
    image = "images/x.svg"
    [card.headline]
    en = "Three"
    ''')
#  2 [[card]] first      13 [[card]] second      23 [[ card ]] third
#  3 id                  14 id                   24 id
#  4 headline.en         15 headline = {…}       25 image
#  5 headline.fr         16 "text"."en"          26 [card.headline]
#  6 sources = [         17 text.fr              27 en
# 10 text.en = """       19 [card.detail]
#                        20 en  21 fr


@pytest.fixture
def doc() -> TomlDoc:
    return TomlDoc("cards.toml", CARDS, tomllib.loads(CARDS))


def test_sample_parses_as_expected(doc: TomlDoc) -> None:
    cards = doc.data["card"]
    assert [c["id"] for c in cards] == ["first", "second", "third"]
    assert cards[1]["detail"] == {"en": "Sub-table detail", "fr": "Détail"}
    assert cards[2]["headline"] == {"en": "Three"}


@pytest.mark.parametrize(("index", "line"), [(0, 2), (1, 13), (2, 23)])
def test_nth_card_header(doc: TomlDoc, index: int, line: int) -> None:
    assert doc.line_of("card", index) == line


def test_card_index_past_the_end(doc: TomlDoc) -> None:
    assert doc.line_of("card", 3) is None
    assert doc.line_of("card", 3, "id") is None


@pytest.mark.parametrize(("path", "line"), [
    (("card", 0, "id"), 3),
    (("card", 1, "id"), 14),
    (("card", 2, "id"), 24),
    (("card", 0, "headline", "en"), 4),
    (("card", 0, "headline", "fr"), 5),
    (("card", 0, "sources"), 6),
    (("card", 0, "text", "en"), 10),
])
def test_dotted_keys(doc: TomlDoc, path: tuple[str | int, ...], line: int) -> None:
    assert doc.line_of(*path) == line


def test_prefix_of_dotted_keys_gives_the_first_of_them(doc: TomlDoc) -> None:
    """``headline`` written as ``headline.en = …`` is found on its first line."""
    assert doc.line_of("card", 0, "headline") == 4
    assert doc.line_of("card", 0, "text") == 10
    assert doc.line_of("card", 1, "text") == 16


def test_inline_table(doc: TomlDoc) -> None:
    assert doc.line_of("card", 1, "headline") == 15
    assert doc.line_of("card", 1, "headline", "en") == 15
    assert doc.line_of("card", 1, "headline", "fr") == 15


def test_quoted_and_indented_keys(doc: TomlDoc) -> None:
    assert doc.line_of("card", 1, "text", "en") == 16
    assert doc.line_of("card", 1, "text", "fr") == 17


def test_sub_tables(doc: TomlDoc) -> None:
    assert doc.line_of("card", 1, "detail") == 19
    assert doc.line_of("card", 1, "detail", "en") == 20
    assert doc.line_of("card", 1, "detail", "fr") == 21
    assert doc.line_of("card", 2, "headline") == 26
    assert doc.line_of("card", 2, "headline", "en") == 27
    # a key the sub-table lacks: the sub-table's header
    assert doc.line_of("card", 2, "headline", "fr") == 26


def test_missing_key_falls_back_to_its_own_card(doc: TomlDoc) -> None:
    # card 0 has no image; card 2 has one, which must not be found
    assert doc.line_of("card", 0, "image") == 2
    assert doc.line_of("card", 1, "image") == 13
    assert doc.line_of("card", 2, "image") == 25
    # card 1's detail is a sub-table; card 0 has none
    assert doc.line_of("card", 0, "detail") == 2
    assert doc.line_of("card", 0, "detail", "en") == 2


def test_top_level_tables_and_keys() -> None:
    text = textwrap.dedent('''\
        top = 1
        [site]
        version = "1"
        title.en = "T"
        title . fr = "T"
        intro = { en = "I" }

        [other]  # comment
        x = 2
        [[cards]]
        id = "x"
        ''')
    doc = TomlDoc("site.toml", text, tomllib.loads(text))
    assert doc.line_of("top") == 1
    assert doc.line_of("site") == 2
    assert doc.line_of("site", "version") == 3
    assert doc.line_of("site", "title") == 4
    assert doc.line_of("site", "title", "en") == 4
    assert doc.line_of("site", "title", "fr") == 5
    assert doc.line_of("site", "intro", "en") == 6
    assert doc.line_of("site", "subtitle") == 2  # missing: the [site] table
    assert doc.line_of("other") == 8
    assert doc.line_of("other", "x") == 9
    assert doc.line_of("cards") == 10
    assert doc.line_of("nothing") is None


def test_bundled_cards_lines(content_copy: Path) -> None:
    log = ProblemLog()
    doc = read_toml(content_copy, "cards.toml", log)
    assert doc is not None and not log
    lines = (content_copy / "cards.toml").read_text(encoding="utf-8").splitlines()
    headers = [n for n, text in enumerate(lines, 1) if text.startswith("[[card]]")]
    assert len(headers) == len(doc.data["card"])
    for i, card in enumerate(doc.data["card"]):
        assert doc.line_of("card", i) == headers[i]
        id_line = doc.line_of("card", i, "id")
        assert id_line is not None and lines[id_line - 1] == f'id = "{card["id"]}"'
        for key in ("headline", "text", "detail"):
            for lang in ("en", "fr"):
                line = doc.line_of("card", i, key, lang)
                assert line is not None
                assert lines[line - 1].startswith(f"{key}.{lang} = "), (i, key, lang)
        fig_line = doc.line_of("card", i, "figure")
        assert fig_line is not None and lines[fig_line - 1] == f'figure = "{card["figure"]}"'


def test_read_toml_reports_syntax_errors_with_line(tmp_path: Path) -> None:
    (tmp_path / "x.toml").write_text('[site]\nversion = "1"\ntitle.en = "unclosed\n')
    log = ProblemLog()
    assert read_toml(tmp_path, "x.toml", log) is None
    assert [str(p) for p in log.items] == [
        ("x.toml:3: this is not valid TOML: Illegal character '\\n' (column 21). "
        "Check quotes \"…\" around text and '=' between key and value")]


def test_read_toml_error_at_end_of_document(tmp_path: Path) -> None:
    (tmp_path / "x.toml").write_text('[site]\ntitle.en = """never closed\n')
    log = ProblemLog()
    assert read_toml(tmp_path, "x.toml", log) is None
    assert len(log.items) == 1
    assert log.items[0].file == "x.toml"
    assert "not valid TOML" in log.items[0].message
