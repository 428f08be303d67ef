"""Fixtures for the content-layer tests (pure Python: no Qt is imported here).

``content_copy``  a copy of the bundled resources/content folder in tmp_path
``bundled``       the same copy wrapped in a :class:`ContentFolder` helper
``tiny``          a small hand-written content folder whose line numbers are known
"""

from __future__ import annotations

import shutil
import textwrap
import tomllib
from pathlib import Path

import pytest

from minusma_kiosk.content import LoadResult, load_content

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "resources" / "content"
PLACEHOLDER_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8">'
                   '<rect width="8" height="8"/></svg>\n')


def referenced_images(content_dir: Path) -> list[str]:
    """The ``image = "…"`` paths of cards.toml, in card order."""
    data = tomllib.loads((content_dir / "cards.toml").read_text(encoding="utf-8"))
    return [card["image"] for card in data.get("card", []) if isinstance(card.get("image"), str)]


class ContentFolder:
    """A writable content folder with small helpers to break it on purpose."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self, name: str) -> str:
        return (self.path / name).read_text(encoding="utf-8")

    def write(self, name: str, text: str) -> Path:
        target = self.path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return target

    def append(self, name: str, text: str) -> int:
        """Append ``text`` (on a new line) and return the line number it starts on."""
        old = self.read(name)
        if not old.endswith("\n"):
            old += "\n"
        self.write(name, old + text)
        return old.count("\n") + 1

    def edit(self, name: str, old: str, new: str) -> int:
        """Replace the one occurrence of ``old``; return the line where it started."""
        text = self.read(name)
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {name}"
        self.write(name, text.replace(old, new))
        return text[: text.index(old)].count("\n") + 1

    def edit_line(self, name: str, start: str, new: str) -> int:
        """Replace the first line starting with ``start`` by ``new``; return its number."""
        lines = self.read(name).split("\n")
        n = next((n for n, text in enumerate(lines) if text.startswith(start)), None)
        assert n is not None, f"no line of {name} starts with {start!r}"
        lines[n] = new
        self.write(name, "\n".join(lines))
        return n + 1

    def line(self, name: str, needle: str, nth: int = 0) -> int:
        """1-based line of the ``nth`` line containing ``needle``."""
        hits = [n for n, text in enumerate(self.read(name).splitlines(), 1) if needle in text]
        assert len(hits) > nth, f"{needle!r} not found {nth + 1} times in {name}"
        return hits[nth]

    def load(self) -> LoadResult:
        return load_content(self.path)

    def problems(self) -> list[str]:
        """Every problem as ``"file:line: message"``; asserts the load failed."""
        result = self.load()
        assert result.content is None, "the content loaded although it was broken"
        assert not result.ok
        return [str(p) for p in result.problems]


def assert_problem(problems: list[str], file: str, line: int | None, *fragments: str) -> str:
    """Assert one problem is at ``file:line`` and mentions every fragment; return it."""
    where = file if line is None else f"{file}:{line}"
    for text in problems:
        if text.startswith(where + ": ") and all(f in text for f in fragments):
            return text
    listing = "\n  ".join(problems) or "(none)"
    raise AssertionError(f"no problem at {where} mentioning {fragments!r}; got:\n  {listing}")


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """Copy resources/content into tmp_path and return the copy's path.

    Images referenced by cards.toml that are not (yet) in the bundle get a tiny
    placeholder SVG, in the copy only: the repository is never written to.
    """
    target = tmp_path / "content"
    shutil.copytree(BUNDLED, target, symlinks=True)
    for rel in referenced_images(target):
        image = target / rel
        if rel.startswith("images/") and rel.endswith(".svg") and not image.exists():
            image.parent.mkdir(parents=True, exist_ok=True)
            image.write_text(PLACEHOLDER_SVG, encoding="utf-8")
    return target


@pytest.fixture
def bundled(content_copy: Path) -> ContentFolder:
    return ContentFolder(content_copy)


# A small valid folder. Line numbers used by the tests are noted on the right.
TINY = {
    "site.toml": """\
        [site]
        version = "t.1"
        sources = ["src_a"]
        title.en = "Title"
        title.fr = "Titre"
        subtitle.en = "A subtitle"
        subtitle.fr = "Un sous-titre"
        intro.en = "Some intro text."
        intro.fr = "Un texte d'introduction."
        """,
    "sources.csv": """\
        id,title,publisher,published,url,notes
        src_a,Document A,Publisher A,2013-07-01,https://example.org/a,a note
        src_b,Document B,Publisher B,2022-06,https://example.org/b,
        src_c,Document C,Publisher C,,http://example.org/c,
        """,
    "figures.csv": """\
        id,value,unit,qualifier,as_of,source,formula,label_en,label_fr,note_en,note_fr
        fig_rate,26.94,percent,,2022/2024,src_a,,a rate,un taux,,
        fig_budget,6450000000,usd,,2022-23,src_b,,a budget,un budget,,
        fig_share,,usd,about,2022-23,,fig_rate * fig_budget,a share,une part,Computed.,Calculé.
        fig_people,180,people,about,2023-12,src_c,,people,personnes,,
        """,
    "cards.toml": """\
        # two cards
        [[card]]
        id = "one"
        figure = "fig_people"
        sources = ["src_a"]
        headline.en = "First card"
        headline.fr = "Première carte"
        text.en = "Short text."
        text.fr = "Texte court."
        detail.en = "More detail."
        detail.fr = "Plus de détails."

        [[card]]
        id = "two"
        figure = "fig_share"
        more_figures = ["fig_budget"]
        image = "images/pic.svg"
        headline = { en = "Second card", fr = "Deuxième carte" }
        text.en = "Second text."
        detail.en = "Detail."
        text.fr = "Deuxième texte."
        detail.fr = "Détail."
        """,
    "credits.toml": """\
        [[credit]]
        what.en = "A typeface"
        what.fr = "Une police"
        who = "Someone"
        licence = "OFL-1.1"
        url = "https://example.org/font"
        """,
    "images/pic.svg": PLACEHOLDER_SVG,
    "places.csv": """\
        id,name_en,name_fr,lat,lon,kind,region,source,coordinates
        gao,Gao,Gao,16.2667,-0.0400,city,Gao,src_a,
        ber,Ber,Ber,,,town,Timbuktu,,unknown
        """,
    "events.csv": """\
        id,date,date_precision,title_en,title_fr,text_en,text_fr,gentle_en,gentle_fr,place,category,deaths,source
        EV1,2013-01-26,day,Gao retaken,Gao reprise,Troops retook Gao.,Les troupes reprennent Gao.,,,gao,conflict,no,src_a
        EV2,2013-07,month,A vote,Un vote,The Council voted.,Le Conseil vote.,,,national,peacekeeping,no,src_b
        """,
    "camps.csv": """\
        id,place,name_en,name_fr,opened,closed,source,source_opened
        gao_camp,gao,Gao camp,Camp de Gao,,2023-12-11,src_a,
        """,
    "occupation.csv": """\
        id,place,held_from,held_to,held_by_en,held_by_fr,source
        occ_gao,gao,2012-03-31,2013-01-26,Armed groups,Groupes armés,src_a
        """,
    "charts.toml": """\
        [[chart]]
        id = "budget"
        kind = "bars"
        axis = "fiscal_year"
        title.en = "A budget"
        title.fr = "Un budget"
        subtitle.en = "By fiscal year."
        subtitle.fr = "Par exercice."
        points = [
          { key = "2021-22", gap = true },
          { key = "2022-23", figure = "fig_budget" },
          { key = "2023-24", figure = "fig_share" },
        ]
        """,
    "eras.toml": """\
        [[era]]
        id = "crisis"
        start = "2012-01-17"
        end = "2013-01-10"
        title.en = "Crisis"
        title.fr = "Crise"
        summary.en = "The north is taken."
        summary.fr = "Le nord est pris."
        sources = ["src_a"]
        """,
}


@pytest.fixture
def tiny(tmp_path: Path) -> ContentFolder:
    folder = ContentFolder(tmp_path / "tiny")
    for name, text in TINY.items():
        folder.write(name, textwrap.dedent(text))
    return folder


ContentFolder.assert_problem = staticmethod(assert_problem)  # type: ignore[attr-defined]
