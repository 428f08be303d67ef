"""Reading curator files safely: paths, encodings, CSV rows and TOML key lines.

Everything here reports into a :class:`~.problems.ProblemLog` instead of raising,
so one run of ``minusma-kiosk check`` lists every problem at once.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from minusma_kiosk.content.problems import LineRef, ProblemLog

#: Every file a content folder may hold (the curator preview watches them all), and
#: the folder of card pictures.
CONTENT_FILES = ("site.toml", "sources.csv", "figures.csv", "cards.toml", "charts.toml",
                 "credits.toml", "places.csv", "events.csv", "camps.csv", "occupation.csv",
                 "eras.toml", "tour.toml")
IMAGES = "images"


def folder_problem(root: Path) -> str | None:
    """Why the content folder ``root`` cannot be used at all, or None.

    Asked once, before any file is read, so that a folder the exhibit may not read
    is one clear problem instead of one per file (or a crash)."""
    import os

    try:
        with os.scandir(root) as entries:
            first = next(entries, None)
            if first is not None:
                first.stat()  # a folder that lists its files but may not be searched
    except FileNotFoundError:
        return "this content folder does not exist"
    except NotADirectoryError:
        return "this is a file, not a content folder"
    except PermissionError:
        return ("this content folder cannot be read (permission denied): give the "
                "exhibit's user read access to it and to its files")
    except OSError as exc:
        return f"this content folder cannot be read ({exc.strerror or exc})"
    return None


def resolve_inside(root: Path, rel: str, log: ProblemLog, file: str, line: LineRef) -> Path | None:
    """Return ``root / rel`` if it stays inside ``root``, else report and return None.

    Rejects absolute paths, ``..`` components, backslashes and symbolic links that
    lead out of the content folder (checked after resolving every link).
    """
    if not rel.strip():
        log.add(file, line, "the file name is empty")
        return None
    posix = PurePosixPath(rel)
    if posix.is_absolute() or re.match(r"^[A-Za-z]:", rel) or "\\" in rel:
        log.add(file, line, f"{rel!r} must be a path inside the content folder, "
                "written with '/' (for example images/map.svg), not an absolute path")
        return None
    if ".." in posix.parts:
        log.add(file, line, f"{rel!r} points outside the content folder ('..' is not allowed)")
        return None
    candidate = root.joinpath(*posix.parts)
    try:
        real = candidate.resolve(strict=False)
        real.relative_to(root.resolve())
    except ValueError:
        log.add(file, line, f"{rel!r} is a link that leads outside the content folder")
        return None
    try:
        is_file = real.is_file()
    except OSError as exc:  # a folder on the way that may not be searched
        log.add(file, line, f"{rel!r} cannot be read ({exc.strerror or exc})")
        return None
    if not is_file:
        log.add(file, line, f"{rel!r} does not exist in the content folder")
        return None
    return candidate


#: Largest picture file: a card's picture is a small icon (the bundled SVGs are under
#: 1 kB); a 50 MB SVG took the exhibit to about 1 GB of memory.
MAX_PICTURE_BYTES = 2_000_000
#: Largest PNG side in pixels (a card shows its picture about 120 px wide at 1080p).
MAX_PNG_SIDE = 4096


def check_picture(path: Path, rel: str, log: ProblemLog, file: str,
                  line: LineRef) -> Path | None:
    """``path`` if it is a picture the exhibit can draw (an SVG or a PNG, not too large),
    else report and return None (Qt shows nothing for a file it cannot parse)."""
    suffix = path.suffix.lower()
    if suffix not in (".svg", ".png"):
        log.add(file, line, f"{rel!r}: pictures must be SVG (.svg) or PNG (.png) files")
        return None
    try:
        size = path.stat().st_size
    except OSError as exc:
        log.add(file, line, f"{rel!r} cannot be read ({exc.strerror or exc})")
        return None
    if size > MAX_PICTURE_BYTES:
        log.add(file, line, f"{rel!r} is {size / 1e6:.1f} MB; a card's picture may be at most "
                f"{MAX_PICTURE_BYTES / 1e6:.0f} MB (it is shown as a small icon: simplify "
                "the drawing or make the image smaller)")
        return None
    return _check_svg(path, rel, log, file, line) if suffix == ".svg" \
        else _check_png(path, rel, log, file, line)


def _check_svg(path: Path, rel: str, log: ProblemLog, file: str, line: LineRef) -> Path | None:
    import xml.etree.ElementTree as ET

    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        log.add(file, line, f"{rel!r} is not a readable SVG picture ({exc})")
        return None
    except OSError as exc:
        log.add(file, line, f"{rel!r} cannot be read ({exc.strerror or exc})")
        return None
    if root.tag.rpartition("}")[2] != "svg":
        log.add(file, line, f"{rel!r} is XML but not an SVG picture (it starts with "
                            f"<{root.tag.rpartition('}')[2]}>)")
        return None
    return path


def _check_png(path: Path, rel: str, log: ProblemLog, file: str, line: LineRef) -> Path | None:
    import struct

    try:
        with path.open("rb") as f:
            head = f.read(33)
    except OSError as exc:
        log.add(file, line, f"{rel!r} cannot be read ({exc.strerror or exc})")
        return None
    if len(head) < 33 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        log.add(file, line, f"{rel!r} is not a PNG picture (save it again as PNG)")
        return None
    width, height = struct.unpack(">II", head[16:24])
    if not (0 < width <= MAX_PNG_SIDE and 0 < height <= MAX_PNG_SIDE):
        log.add(file, line, f"{rel!r} is {width}x{height} pixels; at most "
                f"{MAX_PNG_SIDE}x{MAX_PNG_SIDE} (it is shown as a small icon)")
        return None
    return path


def read_text(root: Path, name: str, log: ProblemLog) -> str | None:
    """Read a content file as UTF-8 text, or report why it cannot be read (then the
    file counts as broken: what refers to it is a consequence)."""
    p = resolve_inside(root, name, log, name, None)
    if p is None:
        log.broken.add(name)
        return None
    try:
        size = p.stat().st_size
        if size > MAX_TEXT_BYTES:
            log.add_broken(name, None, f"this file is {size / 1e6:.0f} MB; a content file is "
                           f"at most {MAX_TEXT_BYTES // 1_000_000} MB (is it the right file?)")
            return None
        data = p.read_bytes()
    except OSError as exc:
        log.add_broken(name, None, f"this file cannot be read ({exc.strerror or exc})")
        return None
    if (why := _not_utf8(data)) is not None:
        line, what = why
        sep = _other_separator(data.decode("latin-1")) if name.endswith(".csv") else None
        if sep:  # what a French Excel writes: say both at once, not one per check
            what += f", and it uses {sep} between values"
        log.add_broken(name, line, f"{what}: {_SAVE_AS}"
                       + (" with commas between values" if sep else ""))
        return None
    text = data.decode("utf-8-sig")
    if not text.strip():
        log.add_broken(name, None, "the file is empty")
        return None
    return text


#: Largest content file read (the biggest bundled one is about 60 kB).
MAX_TEXT_BYTES = 5_000_000
_SAVE_AS = "save it as 'CSV UTF-8' (in a text editor: UTF-8)"


def _not_utf8(data: bytes) -> tuple[int | None, str] | None:
    """Why ``data`` is not UTF-8 text (its line, and what it is instead, naming the encoding
    a spreadsheet used), or None."""
    head = data[:4000]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or \
            head.count(b"\x00") * 4 > len(head) > 0:
        return None, "this file is UTF-16 text (Excel's 'Unicode text'), not UTF-8"
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # utf-8-sig reports positions after a byte-order mark it has skipped
        offset = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        line = data[: exc.start + offset].count(b"\n") + 1
        try:
            sample = data.decode("cp1252")
        except UnicodeDecodeError:
            return line, "this file is not UTF-8 text"
        bad = sample.splitlines()[line - 1] if sample.splitlines() else ""
        word = next((w for w in re.split(r"[^\w'-]+", bad) if any(ord(c) > 127 for c in w)),
                    "")
        return line, ("this file is in the Windows-1252 encoding (as Excel's plain 'CSV' "
                      f"saves), not UTF-8{f' (see {word!r})' if word else ''}")
    if b"\x00" in data:
        return data[: data.index(b"\x00")].count(b"\n") + 1, \
            "this file holds a NUL byte (it is not text)"
    return None


@dataclass(frozen=True)
class Row:
    """One CSV record with the line it starts on."""

    line: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        """Return the stripped value of ``column`` ('' if absent)."""
        return self.values.get(column, "").strip()


def read_csv(
    root: Path,
    name: str,
    log: ProblemLog,
    required: tuple[str, ...],
    optional: tuple[str, ...] = (),
) -> list[Row]:
    """Read a CSV file with a header row.

    Reports a missing or unknown column, a row with too many or too few values and
    an unclosed quote, each with its line. A ``notes`` column is always allowed
    (curators' remarks, never shown).
    """
    text = read_text(root, name, log)
    if text is None:
        return []
    if (separator := _other_separator(text)) is not None:
        log.add_broken(name, 1, f"this file uses {separator} between values (as a spreadsheet "
                       "set to French does): save it as 'CSV UTF-8' with commas between "
                       "values (LibreOffice: field delimiter ','; Excel: set the list "
                       "separator to ',' in the system's region settings)")
        return []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[Row] = []
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error) as exc:
        log.add_broken(name, 1, f"the header row cannot be read ({exc})")
        return []
    allowed = set(required) | set(optional) | {"notes"}
    missing = [col for col in required if col not in header]
    if missing:
        log.broken.add(name)
    for col in missing:
        log.add(name, 1, f"the column {col!r} is missing from the header row")
    for col in header:
        if col not in allowed:
            log.add(name, 1, f"unknown column {col!r}; the columns are: "
                    + ", ".join(required + optional) + " (and notes)")
    if len(set(header)) != len(header):
        log.add(name, 1, "a column name appears twice in the header row")
    last = reader.line_num
    while True:
        start = last + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            log.add(name, start, f"this row cannot be read: {exc} "
                    "(is a quote \" left open?)")
            break
        last = reader.line_num
        if not any(v.strip() for v in record):
            continue  # blank lines are harmless
        if len(record) != len(header):
            log.add(name, start, f"this row has {len(record)} values but the header has "
                    f"{len(header)} columns (a comma inside a value needs \"quotes\")")
            continue
        rows.append(Row(start, dict(zip(header, record, strict=True))))
    if not rows and not log_has(log, name):
        log.add_broken(name, None, "the file has a header but no rows")
    return rows


def _other_separator(text: str) -> str | None:
    """``"';'"`` or ``"tabs"`` when the header row is separated by those, not commas."""
    header = text.split("\n", 1)[0]
    for sep, called in ((";", "';'"), ("\t", "tabs")):
        if header.count(sep) >= 2 and header.count(sep) > header.count(","):
            return called
    return None


def log_has(log: ProblemLog, name: str) -> bool:
    """Whether a problem was already recorded for ``name``."""
    return any(p.file == name for p in log.items)


class TomlDoc:
    """A parsed TOML file that can tell on which line a key path is written.

    ``tomllib`` keeps no positions, so the lines are recovered from the text: the
    n-th ``[[table]]`` header, then the key (``headline.en = …``, ``headline = …``
    or a ``[table.headline]`` sub-table) below it. When a key cannot be found the
    line of the enclosing table is given, which is still where the curator looks.
    """

    _HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]\s*(#.*)?$")
    _TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]\s*(#.*)?$")
    _KEY = re.compile(r"^\s*([A-Za-z0-9_.\-\"' ]+?)\s*=")

    def __init__(self, name: str, text: str, data: dict[str, Any]) -> None:
        self.name = name
        self.data = data
        self._lines = text.splitlines()

    def line_of(self, *path: str | int) -> int | None:
        """Return the 1-based line where ``path`` is written (best effort).

        ``("card", 2, "headline", "en")`` is the ``headline.en`` key of the third
        ``[[card]]`` table; ``("site", "title")`` a key of the ``[site]`` table.
        """
        parts = list(path)
        start, end, prefix, best = 0, len(self._lines), "", None
        if len(parts) >= 2 and isinstance(parts[1], int):
            table, index = str(parts[0]), parts[1]
            headers = [n for n, text in enumerate(self._lines)
                       if (m := self._HEADER.match(text)) and m.group(1) == table]
            if index >= len(headers):
                return None
            start = headers[index]
            end = self._region_end(start, table)
            prefix, best, parts = table, start + 1, parts[2:]
            start += 1
        dotted = ".".join(str(p) for p in parts)
        if not dotted:
            return best
        section = ""
        child: int | None = None  # first line of a key below ``dotted``
        for n in range(start, end):
            text = self._lines[n]
            header = self._TABLE.match(text) or self._HEADER.match(text)
            if header:
                section = header.group(1)
                if prefix:
                    section = section.removeprefix(prefix + ".")
                if dotted == section:
                    return n + 1  # a sub-table: [card.headline]
                if dotted.startswith(section + "."):
                    best = n + 1
                continue
            key = self._KEY.match(text)
            if not key:
                continue
            name = re.sub(r"[\s\"']", "", key.group(1))
            full = f"{section}.{name}" if section else name
            if full == dotted:
                return n + 1
            if dotted.startswith(full + "."):
                best = n + 1  # an inline table: headline = { en = "…" }
            if child is None and full.startswith(dotted + "."):
                child = n + 1  # dotted keys: headline.en = "…" when asked for headline
        return child if child is not None else best

    def _region_end(self, start: int, table: str) -> int:
        """Line index where the ``[[table]]`` starting at ``start`` ends."""
        for n in range(start + 1, len(self._lines)):
            m = self._HEADER.match(self._lines[n]) or self._TABLE.match(self._lines[n])
            if m and not m.group(1).startswith(table + "."):
                return n
        return len(self._lines)


def read_toml(root: Path, name: str, log: ProblemLog) -> TomlDoc | None:
    """Parse a TOML file, reporting a syntax error with its line."""
    text = read_text(root, name, log)
    if text is None:
        return None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        line = int(m.group(1)) if m else None
        reason = msg[: m.start()].strip() if m else msg
        log.add_broken(name, line, f"this is not valid TOML: {reason}"
                + (f" (column {m.group(2)})" if m else "")
                + ". Check quotes \"…\" around text and '=' between key and value")
        return None
    return TomlDoc(name, text, data)
