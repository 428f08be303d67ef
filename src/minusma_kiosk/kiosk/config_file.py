"""The configuration file on disk: reading it whatever state it is in, writing it safely.

Reading never raises: a file that cannot be read (a folder, no permission, not
UTF-8) is one problem; a file that is not valid TOML is read line by line, so
that every key on a good line still counts and each broken line is one problem.
Writing replaces the file in one step and leaves it readable by its owner only.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minusma_kiosk.content.problems import ProblemLog

_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_-]+)\s*\]\s*(#.*)?$")
#: What a broken header still says: ``[admin`` or ``[[admin]`` is the section admin.
_BROKEN_HEADER = re.compile(r"^\s*\[+\s*([A-Za-z0-9_-]+)")


@dataclass(frozen=True)
class Entry:
    """One ``key = value`` of the file, with where it is written."""

    section: str
    name: str
    value: Any
    line: int | None
    section_line: int | None


def read_text(path: Path, log: ProblemLog) -> str | None:
    """The file's text, or None with one problem saying why it cannot be read."""
    name = path.name
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        log.add(name, None, f"{path} is a folder, not a file: remove the folder (or name a "
                "file with --config); using the defaults")
        return None
    except PermissionError:
        log.add(name, None, f"{path} cannot be read (permission denied): give the exhibit's "
                "user read access to it; using the defaults")
        return None
    except OSError as exc:
        log.add(name, None, f"{path} cannot be read ({exc.strerror or exc}); using the "
                "defaults")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        log.add(name, line, "this file is not UTF-8 text: save it as UTF-8 in your editor; "
                "using the defaults")
        return None


def entries(name: str, text: str, log: ProblemLog) -> Iterator[Entry]:
    """Every ``key = value`` in ``text``: from the whole file when it is valid TOML,
    else from each line that is (each broken line reported)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        yield from _line_by_line(name, text, log)
        return
    from minusma_kiosk.content.files import TomlDoc

    doc = TomlDoc(name, text, data)
    for section, table in data.items():
        section_line = doc.line_of(section)
        if not isinstance(table, dict):
            yield Entry(section, "", table, section_line, section_line)
            continue
        for key, value in table.items():
            yield Entry(section, key, value, doc.line_of(section, key), section_line)


def _line_by_line(name: str, text: str, log: ProblemLog) -> Iterator[Entry]:
    section, section_line = "", None
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if header := _HEADER.match(line):
            section, section_line = header.group(1), n
            continue
        if stripped.startswith("["):
            broken = _BROKEN_HEADER.match(line)
            section, section_line = (broken.group(1) if broken else ""), n
            log.add(name, n, "this section header is not valid TOML (write it as "
                    f"[{section or 'name'}]); the keys below it are still read")
            continue
        try:
            data = tomllib.loads(line)
        except tomllib.TOMLDecodeError as exc:
            reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
            log.add(name, n, f"this line is not valid TOML ({reason}) and is ignored; the "
                    "other lines are used. Write it as key = value, with text in quotes")
            continue
        for key, value in data.items():
            yield Entry(section, key, value, n, section_line)


def readable_by_others(path: Path) -> bool:
    """Whether users other than the file's owner may read it (POSIX permissions)."""
    if os.name != "posix":
        return False
    try:
        return bool(path.stat().st_mode & 0o044)
    except OSError:
        return False


def write_private(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step, readable and writable by its owner only.

    A crash or a power cut during the write leaves the old file (the new one is
    written beside it and renamed over it)."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:  # mkstemp: mode 0600
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
