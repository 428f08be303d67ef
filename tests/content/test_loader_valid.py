"""The bundled content and small valid folders load, with every reference resolved."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from minusma_kiosk.content import Content, load_content
from minusma_kiosk.content.model import Qualifier, Text, Unit

BUNDLED = Path(__file__).resolve().parents[2] / "resources" / "content"


def referenced_images(content_dir: Path) -> list[str]:
    data = tomllib.loads((content_dir / "cards.toml").read_text(encoding="utf-8"))
    return [card["image"] for card in data["card"] if "image" in card]


# --- the bundled content ------------------------------------------------------------


@pytest.fixture
def content(content_copy: Path) -> Content:
    result = load_content(content_copy)
    assert result.problems == ()
    assert result.ok
    assert result.content is not None
    return result.content


def test_bundled_copy_loads_with_zero_problems(content_copy: Path) -> None:
    result = load_content(content_copy)
    assert [str(p) for p in result.problems] == []
    assert result.ok and result.content is not None
    assert result.content.root == content_copy


def test_bundled_folder_itself_has_no_problem_except_images_not_yet_added() -> None:
    """Loaded in place; the only problems allowed are images that are not there yet."""
    cards_text = (BUNDLED / "cards.toml").read_text(encoding="utf-8").splitlines()
    expected = []
    for rel in referenced_images(BUNDLED):
        if not (BUNDLED / rel).is_file():
            line = next(n for n, text in enumerate(cards_text, 1) if f'"{rel}"' in text)
            expected.append(f"cards.toml:{line}: {rel!r} does not exist in the content folder")
    result = load_content(BUNDLED)
    assert sorted(str(p) for p in result.problems) == sorted(expected)
    assert result.ok is (not expected)


def test_bundled_counts_match_the_files(content: Content, content_copy: Path) -> None:
    with open(content_copy / "sources.csv", encoding="utf-8-sig", newline="") as f:
        source_ids = [row["id"] for row in csv.DictReader(f)]
    with open(content_copy / "figures.csv", encoding="utf-8-sig", newline="") as f:
        figure_ids = [row["id"] for row in csv.DictReader(f)]
    assert [s.id for s in content.sources] == source_ids
    assert sorted(f.id for f in content.figures) == sorted(figure_ids)
    cards = tomllib.loads((content_copy / "cards.toml").read_text(encoding="utf-8"))
    assert [c.id for c in content.cards] == [c["id"] for c in cards["card"]]
    assert len(content.cards) >= 1
    assert content.credits, "credits.toml should give at least one credit"
    assert content.site.version
    assert content.site.title.en and content.site.title.fr


def test_every_card_has_a_figure_with_sources(content: Content) -> None:
    for card in content.cards:
        assert card.figure.sources(), f"card {card.id}: its figure has no source"
        assert card.headline.en and card.headline.fr, card.id
        assert card.text.en and card.text.fr, card.id
        assert card.detail.en, card.id
        for fig in card.more_figures:
            assert fig.sources(), f"card {card.id}: figure {fig.id} has no source"
        ids = [s.id for s in card.all_sources()]
        assert len(ids) == len(set(ids)), f"card {card.id}: repeated sources"
        # the figure's sources come first
        assert ids[: len(card.figure.sources())] == [s.id for s in card.figure.sources()]


def test_every_figure_has_a_source_or_a_derivation(content: Content) -> None:
    for fig in content.figures:
        assert (fig.source is None) != (fig.derivation is None), fig.id
        assert fig.derived is (fig.derivation is not None)
        assert fig.label.en, fig.id


def test_card_images_resolve_inside_the_copy(content: Content, content_copy: Path) -> None:
    images = [c.image for c in content.cards if c.image is not None]
    assert [i.relative_to(content_copy).as_posix() for i in images] == \
        referenced_images(content_copy)
    for image in images:
        assert image.is_file()
        assert image.resolve().is_relative_to(content_copy.resolve())


def test_derived_us_share_is_rate_times_budget(content: Content) -> None:
    share = content.figure("us_share_2022_23")
    assert share.derived
    assert share.value == pytest.approx(0.2694 * 6.45e9, rel=1e-12)
    assert share.value == pytest.approx(1_737_630_000, abs=1)
    assert share.unit is Unit.USD
    assert share.qualifier is Qualifier.ABOUT
    assert share.source is None
    assert share.derivation is not None
    assert [f.id for f in share.derivation.inputs] == ["us_rate_2022_2024", "pk_budget_2022_23"]
    assert {s.id for s in share.sources()} == {"crs_if10597_2023", "un_gaab4388"}


def test_second_derived_figure(content: Content) -> None:
    share = content.figure("us_share_2019_20")
    assert share.value == pytest.approx(0.2789 * 6.51e9, rel=1e-12)


def test_sources_in_use_contains_every_card_and_site_source(content: Content) -> None:
    in_use = [s.id for s in content.sources_in_use()]
    for card in content.cards:
        for src in (*card.sources, *card.all_sources(), *card.figure.sources()):
            assert src.id in in_use, f"card {card.id}: {src.id} missing from sources_in_use()"
    for src in content.site.sources:
        assert src.id in in_use
    for fig in content.figures:
        for src in fig.sources():
            assert src.id in in_use
    # in the order of sources.csv, no repeats
    order = [s.id for s in content.sources]
    assert in_use == [sid for sid in order if sid in in_use]
    assert len(in_use) == len(set(in_use))


def test_content_figure_unknown_id_lists_known_ids(content: Content) -> None:
    with pytest.raises(KeyError, match="unknown figure 'nope'.*us_share_2022_23"):
        content.figure("nope")


# --- a small hand-written folder ---------------------------------------------------


def test_tiny_folder_loads(tiny) -> None:
    result = tiny.load()
    assert result.problems == ()
    content = result.content
    assert content is not None
    assert content.site.version == "t.1"
    assert [s.id for s in content.site.sources] == ["src_a"]
    assert [c.id for c in content.cards] == ["one", "two"]
    one, two = content.cards
    assert one.figure.id == "fig_people"
    assert one.figure.qualifier is Qualifier.ABOUT
    assert [s.id for s in one.sources] == ["src_a"]
    assert [s.id for s in one.all_sources()] == ["src_c", "src_a"]
    # inline table for a per-language text
    assert two.headline == Text("Second card", "Deuxième carte")
    # dotted keys given after another key still belong to their card
    assert two.text == Text("Second text.", "Deuxième texte.")
    assert one.text.get("fr") == "Texte court."
    assert [f.id for f in two.more_figures] == ["fig_budget"]
    assert [s.id for s in two.all_sources()] == ["src_a", "src_b"]
    assert two.image == tiny.path / "images" / "pic.svg"
    assert one.image is None
    assert content.credits[0].who == "Someone"
    assert content.credits[0].what.get("fr") == "Une police"
    assert content.figure("fig_share").note == Text("Computed.", "Calculé.")
    # src_c has no published date: allowed
    assert content.sources[2].published == ""


def test_text_whitespace_is_collapsed(tiny) -> None:
    tiny.edit("cards.toml", 'text.en = "Short text."',
              'text.en = """Short\n   text\n\n  on lines."""')
    content = tiny.load().content
    assert content is not None
    assert content.cards[0].text.en == "Short text on lines."


def test_derived_from_derived_in_any_order(tiny) -> None:
    tiny.append("figures.csv",
                "fig_double,,usd,,2022-23,,fig_half * 4,double,double,,\n"
                "fig_half,,usd,,2022-23,,fig_share / 2,half,moitié,,\n")
    content = tiny.load().content
    assert content is not None
    assert content.figure("fig_double").value == pytest.approx(0.2694 * 6.45e9 * 2)
    assert {s.id for s in content.figure("fig_double").sources()} == {"src_a", "src_b"}


def test_csv_with_byte_order_mark_blank_lines_and_quoted_newlines(tiny) -> None:
    text = tiny.read("sources.csv").replace(
        "src_b,Document B,", 'src_b,"Document\nB, on two lines",', 1)
    (tiny.path / "sources.csv").write_bytes(b"\xef\xbb\xbf" + (text + "\n\n").encode())
    result = tiny.load()
    assert result.problems == ()
    assert result.content is not None
    assert result.content.sources[1].title == "Document\nB, on two lines"


def test_csv_line_numbers_after_a_value_on_two_lines(tiny) -> None:
    """Rows after a multi-line value are reported on their real line."""
    tiny.edit("sources.csv", "src_b,Document B,", 'src_b,"Document\nB",')
    # src_c is now on line 5, and its url is broken
    tiny.edit("sources.csv", "http://example.org/c", "example.org/c")
    problems = tiny.problems()
    tiny.assert_problem(problems, "sources.csv", 5, "source 'src_c'", "http://")
    assert len(problems) == 1


def test_symlink_that_stays_inside_is_accepted(tiny) -> None:
    os.symlink(tiny.path / "images" / "pic.svg", tiny.path / "images" / "alias.svg")
    tiny.edit("cards.toml", '"images/pic.svg"', '"images/alias.svg"')
    result = tiny.load()
    assert result.problems == ()
    assert result.content is not None


def test_content_folder_given_as_string(tiny) -> None:
    assert load_content(str(tiny.path)).ok  # type: ignore[arg-type]


def test_content_layer_imports_no_qt(content_copy: Path) -> None:
    """Loading and formatting work without PySide6 or pyqtgraph being imported."""
    code = (
        "import sys\n"
        "from minusma_kiosk.content import load_content\n"
        "from minusma_kiosk.content import formatting\n"
        f"result = load_content({str(content_copy)!r})\n"
        "assert result.ok, result.problems\n"
        "formatting.format_figure(result.content.cards[0].figure, 'fr')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph'))\n"
        "print(' '.join(bad))\n"
    )
    src = Path(__file__).resolve().parents[2] / "src"
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
