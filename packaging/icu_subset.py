"""A smaller ICU data library for the bundle: English, French and the core tables.

Qt Core in the PyPI wheels links ICU, whose data library (``libicudata.so.73``)
carries every locale, converter, transliterator and dictionary: 32 MB, a fifth of
the bundle. The exhibit uses none of them directly. Qt reaches ICU for collation,
case mapping and time-zone names; numbers and dates come from Qt's own CLDR tables.

This module reads the common data package out of the library (the exported symbol
``icudt73_dat``), keeps the core tables and the root, English and French locale
data, and writes a replacement library with the same soname and symbol (``gcc``
assembles it with ``.incbin``). ``verify`` then runs Qt against the new library
(``LD_LIBRARY_PATH`` comes before the wheel's ``RUNPATH``) and checks French
collation and case mapping, so a broken subset fails the build, not the exhibit.

The package format (ICU's ``udata``: a header, a sorted table of contents of
name and data offsets, then the items, 16-byte aligned) is documented in ICU's
``common/ucmndata.h``.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

#: Locale data kept (with their regional variants: ``fr_ML``, ``en_GB`` …).
LANGUAGES = ("en", "fr")
#: Item names that look like locale ids but are tables every tree needs.
TREE_TABLES = ("root", "pool", "res_index")
_LOCALE_ID = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")
_ALIGN = 16


@dataclass(frozen=True)
class Package:
    """An ICU common data package: its header bytes and its named items, in order."""

    header: bytes
    items: tuple[tuple[str, bytes], ...]

    @property
    def size(self) -> int:
        return sum(len(data) for _, data in self.items)


def find_symbol(elf: bytes, name: str) -> tuple[int, int]:
    """File offset and size of the exported symbol ``name`` in a 64-bit
    little-endian ELF shared library."""
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    (shoff,) = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", elf, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", elf, shoff + i * shentsize)
                for i in range(shnum)]
    dynsym = next((s for s in sections if s[1] == 11), None)  # SHT_DYNSYM
    if dynsym is None:
        raise ValueError("no dynamic symbol table")
    strtab_offset = sections[dynsym[6]][4]
    wanted = name.encode()
    for offset in range(dynsym[4], dynsym[4] + dynsym[5], 24):
        st_name, _info, _other, shndx, value, size = struct.unpack_from("<IBBHQQ", elf,
                                                                         offset)
        start = strtab_offset + st_name
        if elf[start:elf.index(b"\0", start)] == wanted and shndx:
            section = sections[shndx]
            return value - section[3] + section[4], size
    raise ValueError(f"symbol {name} not found")


def parse(data: bytes) -> Package:
    """Split a common data package into its header and items."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    (count,) = struct.unpack_from("<I", data, header_size)
    entries = [struct.unpack_from("<II", data, header_size + 4 + 8 * i)
               for i in range(count)]
    toc = data[header_size:]
    ends = [offset for _, offset in entries[1:]] + [len(toc)]
    items = []
    for (name_offset, data_offset), end in zip(entries, ends, strict=True):
        name = toc[name_offset:toc.index(b"\0", name_offset)].decode("ascii")
        items.append((name, toc[data_offset:end]))
    return Package(data[:header_size], tuple(items))


def build(package: Package) -> bytes:
    """The package as bytes: header, table of contents, names, aligned items."""
    names = sorted(package.items)  # ICU looks items up by binary search on the name
    toc_size = 4 + 8 * len(names)
    name_blob = b"".join(name.encode("ascii") + b"\0" for name, _ in names)
    name_offsets, position = [], toc_size
    for name, _ in names:
        name_offsets.append(position)
        position += len(name) + 1
    body, data_offsets = bytearray(), []
    position = _aligned(position)
    for _, item in names:
        data_offsets.append(position + len(body))
        body += item
        body += b"\0" * (_aligned(len(body)) - len(body))
    toc = struct.pack("<I", len(names)) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True))
    head = toc + name_blob
    head += b"\0" * (_aligned(len(head)) - len(head))
    return package.header + head + bytes(body)


def _aligned(n: int) -> int:
    return (n + _ALIGN - 1) // _ALIGN * _ALIGN


def keep(name: str, languages: tuple[str, ...] = LANGUAGES) -> bool:
    """Whether the item ``name`` (``icudt73l/coll/fr.res``) stays in the subset.

    Dropped: character-set converters (``.cnv``; Qt decodes UTF-8 itself),
    transliterators, break dictionaries (Thai, Lao, Khmer, Burmese, CJK; Qt breaks
    lines with its own tables) and the locale data of languages other than
    ``languages``. Kept: everything else (properties, normalisation, collation
    root, time zones, plural rules, likely subtags …).
    """
    parts = name.split("/")[1:]
    base, _, ext = parts[-1].rpartition(".")
    if ext in ("cnv", "dict") or parts[0] == "translit":
        return False
    if ext == "res" and base not in TREE_TABLES and _LOCALE_ID.match(base):
        return base.split("_")[0] in languages
    return True


def subset(package: Package, languages: tuple[str, ...] = LANGUAGES) -> Package:
    return Package(package.header,
                   tuple(item for item in package.items if keep(item[0], languages)))


def assembly(symbol: str, blob: Path) -> str:
    """GNU assembler source exporting ``symbol`` with the bytes of ``blob``."""
    return (f'\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n'
            f'\t.balign {_ALIGN}\n{symbol}:\n\t.incbin "{blob}"\n'
            f'\t.size {symbol}, . - {symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n')


def symbol_for(library: Path) -> str:
    """``libicudata.so.73`` → ``icudt73_dat``."""
    match = re.search(r"libicudata\.so\.(\d+)", library.name)
    if not match:
        raise ValueError(f"{library.name} is not an ICU data library")
    return f"icudt{match.group(1)}_dat"


def write_library(package: Package, symbol: str, out: Path) -> Path:
    """Compile ``package`` into a shared library ``out`` (soname = its file name)."""
    with tempfile.TemporaryDirectory() as tmp:
        blob = Path(tmp) / "data.dat"
        blob.write_bytes(build(package))
        source = Path(tmp) / "data.S"
        source.write_text(assembly(symbol, blob), encoding="ascii")
        subprocess.run(["gcc", "-shared", "-nostdlib", "-o", str(out),
                        f"-Wl,-soname,{out.name}", str(source)], check=True)
    return out


VERIFY_SCRIPT = """
import functools, sys
from PySide6.QtCore import QCollator, QCoreApplication, QLocale
app = QCoreApplication([])
maps = open("/proc/self/maps").read()
assert sys.argv[1] in maps, "the subset library was not loaded"
fr = QCollator(QLocale("fr_FR"))
words = ["Tombouctou", "Ségou", "Sévaré", "Sikasso", "Mopti", "Éléphant", "Gao"]
ordered = sorted(words, key=functools.cmp_to_key(fr.compare))
assert ordered == ["Éléphant", "Gao", "Mopti", "Ségou", "Sévaré", "Sikasso", "Tombouctou"], ordered
assert fr.compare("é", "f") < 0 and fr.compare("e", "é") < 0
assert QLocale("fr_FR").toUpper("ménaka, ségou") == "MÉNAKA, SÉGOU"
assert QLocale("en_US").toUpper("straße") == "STRASSE"
print("icu subset ok")
"""


def verify(library_dir: Path, python: str = sys.executable) -> str:
    """Run Qt on the library in ``library_dir``; returns its output, raises if wrong."""
    env = dict(os.environ, LD_LIBRARY_PATH=str(library_dir))
    result = subprocess.run([python, "-c", VERIFY_SCRIPT, str(library_dir)], env=env,
                            capture_output=True, text=True, timeout=60)
    if result.returncode != 0 or "icu subset ok" not in result.stdout:
        raise RuntimeError(f"ICU subset failed its check:\n{result.stdout}{result.stderr}")
    return result.stdout.strip()


def replace_in_bundle(library: Path, languages: tuple[str, ...] = LANGUAGES) -> int:
    """Swap ``library`` (inside a bundle) for its subset, after checking it; returns
    the bytes saved."""
    elf = library.read_bytes()
    offset, size = find_symbol(elf, symbol_for(library))
    package = subset(parse(elf[offset:offset + size]), languages)
    with tempfile.TemporaryDirectory() as tmp:
        candidate = write_library(package, symbol_for(library), Path(tmp) / library.name)
        verify(Path(tmp))
        saved = len(elf) - candidate.stat().st_size
        shutil.copyfile(candidate, library)
    return saved
