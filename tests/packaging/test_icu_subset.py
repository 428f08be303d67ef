"""packaging/icu_subset.py: the English/French ICU data library that replaces Qt's."""

from __future__ import annotations

import importlib.util
import shutil
import struct
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def icu():
    spec = importlib.util.spec_from_file_location("icu_subset",
                                                  ROOT / "packaging" / "icu_subset.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["icu_subset"] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop("icu_subset", None)


@pytest.fixture(scope="module")
def wheel_package(icu):
    """The common data package inside the PySide6 wheel's libicudata."""
    import PySide6

    (library,) = (Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*")
    elf = library.read_bytes()
    offset, size = icu.find_symbol(elf, icu.symbol_for(library))
    return icu.parse(elf[offset:offset + size]), len(elf)


needs_gcc = pytest.mark.skipif(shutil.which("gcc") is None,
                               reason="gcc missing (.ci/package installs it)")


@pytest.mark.parametrize(("name", "kept"), [
    ("icudt73l/uprops.icu", True),
    ("icudt73l/root.res", True),
    ("icudt73l/pool.res", True),
    ("icudt73l/res_index.res", True),
    ("icudt73l/supplementalData.res", True),
    ("icudt73l/fr.res", True),
    ("icudt73l/fr_ML.res", True),
    ("icudt73l/en_GB.res", True),
    ("icudt73l/coll/fr.res", True),
    ("icudt73l/coll/ucadata.icu", True),
    ("icudt73l/zone/res_index.res", True),
    ("icudt73l/de.res", False),
    ("icudt73l/zh_Hant_TW.res", False),
    ("icudt73l/coll/zh.res", False),
    ("icudt73l/ibm-943_P15A-2003.cnv", False),
    ("icudt73l/brkitr/cjdict.dict", False),
    ("icudt73l/brkitr/line.brk", True),
    ("icudt73l/translit/root.res", False),
])
def test_keep_rule(icu, name, kept):
    assert icu.keep(name) is kept


def test_build_lays_out_a_sorted_aligned_table(icu):
    header = struct.pack("<HBB", 32, 0xDA, 0x27) + b"\0" * 8 + b"CmnD" + b"\0" * 16
    package = icu.Package(header, (("t/b.res", b"B" * 20), ("t/a.icu", b"A" * 16)))
    data = icu.build(package)
    again = icu.parse(data)
    assert [name for name, _ in again.items] == ["t/a.icu", "t/b.res"]
    assert again.items[0][1] == b"A" * 16
    assert again.items[1][1].rstrip(b"\0") == b"B" * 20
    count, = struct.unpack_from("<I", data, 32)
    offsets = [struct.unpack_from("<II", data, 36 + 8 * i)[1] for i in range(count)]
    assert all(offset % 16 == 0 for offset in offsets)


def test_parse_refuses_what_is_not_a_package(icu):
    with pytest.raises(ValueError, match="not an ICU"):
        icu.parse(b"\0" * 64)


def test_the_wheel_package_round_trips(icu, wheel_package):
    package, _ = wheel_package
    assert len(package.items) > 1000
    assert icu.parse(icu.build(package)) == package


def test_the_subset_keeps_french_and_english_and_is_small(icu, wheel_package):
    package, library_size = wheel_package
    small = icu.subset(package)
    names = {name.split("/", 1)[1] for name, _ in small.items}
    assert {"coll/fr.res", "coll/root.res", "coll/ucadata.icu", "fr.res", "en.res",
            "unames.icu", "nfkc.nrm", "zoneinfo64.res"} <= names
    assert not any(name.endswith(".cnv") for name in names)
    assert "de.res" not in names
    assert small.size < library_size / 5


@needs_gcc
def test_the_subset_library_passes_the_qt_check(icu, wheel_package, tmp_path):
    package, _ = wheel_package
    icu.write_library(icu.subset(package), "icudt73_dat", tmp_path / "libicudata.so.73")
    assert "icu subset ok" in icu.verify(tmp_path)


@needs_gcc
def test_the_check_fails_without_collation_data(icu, wheel_package, tmp_path):
    package, _ = wheel_package
    broken = icu.Package(package.header, tuple(
        item for item in icu.subset(package).items if "/coll/" not in item[0]))
    icu.write_library(broken, "icudt73_dat", tmp_path / "libicudata.so.73")
    with pytest.raises(RuntimeError, match="failed its check"):
        icu.verify(tmp_path)
