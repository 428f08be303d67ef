"""Build the installers: ``python packaging/build.py`` writes to ``dist/``

* ``dist/minusma-kiosk/`` — the PyInstaller one-folder bundle (Linux x86-64);
* ``dist/minusma-kiosk-<version>-linux-x86_64.tar.gz`` — that folder, packed;
* ``dist/minusma-kiosk_<version>_amd64.deb`` — the bundle under
  ``/opt/minusma-kiosk``, ``minusma-kiosk`` on the PATH, the desktop entry and
  icons, the systemd user unit, licences and credits.

It needs the project installed with ``.[package]`` (PyInstaller) and, for the
.deb, ``dpkg-deb``, ``strip`` and ``gcc`` (binutils; gcc assembles the smaller ICU data
library, see ``icu_subset.py``). ``--skip-deb`` stops after the
tar.gz; ``--bundle DIR`` packs an existing bundle instead of freezing again.

Every step prints what it did and its size; the functions are tested in
``tests/packaging/`` (staging, file list, version stamping) without freezing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
NAME = "minusma-kiosk"
PREFIX = f"opt/{NAME}"
ICON_SIZES = (48, 64, 128, 256, 512)
#: System libraries the bundle expects from the machine (Qt's xcb and EGL needs that
#: PyInstaller does not carry; present on any desktop, absent on minimal systems).
DEPENDS = ("libc6 (>= 2.35)", "libegl1", "libgl1", "libfontconfig1", "libxkbcommon0",
           "libxkbcommon-x11-0", "libdbus-1-3", "libxcb-cursor0", "libxcb-icccm4",
           "libxcb-keysyms1", "libxcb-shape0", "libxcb-xkb1", "libxcb-randr0",
           "libxcb-render-util0", "libxcb-image0")
LAUNCHER = """#!/bin/sh
# minusma-kiosk: start the exhibit installed in /opt/minusma-kiosk (found relative
# to this script, so an unpacked copy of the package works too).
here=$(dirname "$(readlink -f "$0")")
exec "$here/../../opt/minusma-kiosk/minusma-kiosk" "$@"
"""


def version() -> str:
    """The app's version, read from the package without importing it."""
    text = (ROOT / "src" / "minusma_kiosk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if not match:
        raise RuntimeError("no __version__ in src/minusma_kiosk/__init__.py")
    return match.group(1)


def content_version() -> str:
    """The bundled content's version (``site.toml``)."""
    data = tomllib.loads((ROOT / "resources" / "content" / "site.toml")
                        .read_text(encoding="utf-8"))
    return str(data.get("site", data).get("version", "unknown"))


def git_commit() -> str:
    """The checkout's commit, or "unknown" outside a git checkout."""
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, timeout=10, check=True)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return out.stdout.strip()


def stamp_text(app: str, content: str, commit: str, built: dt.datetime) -> str:
    """What ``BUILD.txt`` in the bundle says."""
    return (f"minusma-kiosk {app}\ncontent {content}\ncommit {commit}\n"
            f"built {built.isoformat(timespec='seconds')}\n")


# --- the bundle ---------------------------------------------------------------------------

def freeze(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; returns the bundle folder."""
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level",
                    "WARN", "--distpath", str(dist), "--workpath", str(work),
                    str(PACKAGING / f"{NAME}.spec")], check=True)
    return dist / NAME


def is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def strip_bundle(bundle: Path) -> int:
    """Strip debug symbols from the bundle's ELF files; returns the bytes saved.

    numpy's wheel libraries (``numpy.libs``, rewritten by auditwheel) are left alone:
    ``strip`` breaks them ("ELF load command address/offset not page-aligned").
    """
    if shutil.which("strip") is None:
        print("strip not found (binutils): bundle left unstripped")
        return 0
    before = folder_size(bundle)
    for path in sorted(bundle.rglob("*")):
        if (path.is_file() and not path.is_symlink() and "numpy.libs" not in path.parts
                and is_elf(path)):
            subprocess.run(["strip", "--strip-unneeded", str(path)], check=False,
                           capture_output=True)
    return before - folder_size(bundle)


def subset_icu(bundle: Path) -> int:
    """Replace Qt's ICU data library with its English/French subset (``icu_subset``);
    returns the bytes saved."""
    sys.path.insert(0, str(PACKAGING))
    import icu_subset

    libraries = sorted(bundle.rglob("libicudata.so.*"))
    return sum(icu_subset.replace_in_bundle(lib) for lib in libraries
               if lib.is_file() and not lib.is_symlink())


def folder_size(folder: Path) -> int:
    """Bytes in ``folder`` (symlinks not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and
               not p.is_symlink())


def make_tarball(bundle: Path, out: Path) -> Path:
    """``out``: the bundle folder packed as ``minusma-kiosk-<version>/``."""
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=f"{NAME}-{version()}")
    return out


# --- the .deb -----------------------------------------------------------------------------

def control_text(app_version: str, installed_kib: int) -> str:
    """The Debian control file."""
    return (f"Package: {NAME}\nVersion: {app_version}\nSection: education\n"
            "Priority: optional\nArchitecture: amd64\n"
            "Maintainer: minusma-kiosk team <exhibit@invalid>\n"
            f"Installed-Size: {installed_kib}\nDepends: {', '.join(DEPENDS)}\n"
            "Homepage: https://example.invalid/minusma-kiosk\n"
            "Description: touch-screen exhibit on Mali since 2012 and the UN mission MINUSMA\n"
            " A map-driven timeline, budget charts and interest cards, every figure with\n"
            " its source, in English and French. Runs in a window, as an unattended\n"
            " kiosk (supervised, restarted after a crash) or for presentations.\n")


def copyright_text() -> str:
    """``/usr/share/doc/minusma-kiosk/copyright`` (machine-readable format)."""
    return """Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: minusma-kiosk
Comment: The exhibit's credits (content sources, map, fonts) are in credits.toml
 next to this file and on the exhibit's Sources & credits screen.

Files: *
Copyright: minusma-kiosk team
License: proprietary
 The exhibit's code. Content and fonts are under their own licences below.

Files: opt/minusma-kiosk/_internal/minusma_kiosk/resources/fonts/*
Copyright: Google LLC
License: OFL-1.1
 See OFL.txt in this folder.

Files: opt/minusma-kiosk/_internal/PySide6/*
Copyright: The Qt Company Ltd.
License: LGPL-3.0-only
 Qt and Qt for Python, unmodified, as distributed on PyPI (PySide6-Essentials).

Files: opt/minusma-kiosk/_internal/numpy*
Copyright: NumPy Developers; OpenBLAS contributors
License: BSD-3-Clause

Files: opt/minusma-kiosk/_internal/pyqtgraph/*
Copyright: pyqtgraph developers
License: MIT

Files: opt/minusma-kiosk/_internal/libpython*
Copyright: Python Software Foundation
License: PSF-2.0
"""


def render_icons(svg: Path, sizes: tuple[int, ...], out: Path) -> list[Path]:
    """PNG icons of ``sizes`` from ``svg`` (Qt's SVG renderer); returns the files."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise RuntimeError(f"{svg} is not a valid SVG")
    files = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        path = out / f"{size}x{size}" / "apps" / f"{NAME}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(path)):
            raise RuntimeError(f"could not write {path}")
        files.append(path)
    return files


def write_platform_icons() -> list[Path]:
    """The Windows .ico and the macOS 1024 px PNG, from the SVG (committed; run after
    changing the SVG: ``python packaging/build.py --icons``)."""
    with_sizes = {256: PACKAGING / "icons" / f"{NAME}.ico",
                  1024: PACKAGING / "icons" / f"{NAME}-1024.png"}
    out = []
    for size, target in with_sizes.items():
        with_dir = PACKAGING / "build-icons"
        (png,) = render_icons(PACKAGING / "icons" / f"{NAME}.svg", (size,), with_dir)
        from PySide6.QtGui import QImage

        if not QImage(str(png)).save(str(target)):
            raise RuntimeError(f"could not write {target}")
        shutil.rmtree(with_dir)
        out.append(target)
    return out


def stage_deb(bundle: Path, root: Path, app_version: str) -> list[str]:
    """Lay out the package's files under ``root``; returns them relative to ``root``."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(bundle, root / PREFIX, symlinks=True)
    launcher = root / "usr" / "bin" / NAME
    launcher.parent.mkdir(parents=True)
    launcher.write_text(LAUNCHER, encoding="utf-8")
    launcher.chmod(0o755)
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy2(PACKAGING / f"{NAME}.desktop", apps / f"{NAME}.desktop")
    icons = root / "usr" / "share" / "icons" / "hicolor"
    (icons / "scalable" / "apps").mkdir(parents=True)
    shutil.copy2(PACKAGING / "icons" / f"{NAME}.svg", icons / "scalable" / "apps" / f"{NAME}.svg")
    render_icons(PACKAGING / "icons" / f"{NAME}.svg", ICON_SIZES, icons)
    unit = root / "usr" / "lib" / "systemd" / "user" / f"{NAME}.service"
    unit.parent.mkdir(parents=True)
    shutil.copy2(PACKAGING / "systemd" / f"{NAME}.service", unit)
    doc = root / "usr" / "share" / "doc" / NAME
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_text(), encoding="utf-8")
    shutil.copy2(ROOT / "resources" / "fonts" / "OFL.txt", doc / "OFL.txt")
    shutil.copy2(ROOT / "resources" / "content" / "credits.toml", doc / "credits.toml")
    shutil.copy2(ROOT / "README.md", doc / "README.md")
    debian = root / "DEBIAN"
    debian.mkdir()
    installed_kib = (folder_size(root) + 1023) // 1024
    (debian / "control").write_text(control_text(app_version, installed_kib), encoding="utf-8")
    for path in root.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")
                  if p.is_file() or p.is_symlink())


def build_deb(root: Path, out: Path) -> Path:
    """``dpkg-deb`` the staged ``root`` into ``out`` (xz-compressed, owned by root)."""
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root),
                    str(out)], check=True, stdout=subprocess.DEVNULL)
    return out


def mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Build the bundle, its tar.gz and the .deb in "
                                            "dist/.")
    p.add_argument("--dist", type=Path, default=ROOT / "dist")
    p.add_argument("--bundle", type=Path, help="pack this bundle instead of freezing again")
    p.add_argument("--skip-deb", action="store_true", help="stop after the tar.gz")
    p.add_argument("--icons", action="store_true",
                   help="only write the Windows .ico and macOS PNG from the SVG")
    args = p.parse_args(argv)
    if args.icons:
        for path in write_platform_icons():
            print(f"wrote {path}")
        return 0
    app = version()
    dist: Path = args.dist
    dist.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    if args.bundle is None:
        bundle = freeze(dist, dist / "build")
        saved = strip_bundle(bundle)
        icu = subset_icu(bundle)
        print(f"bundle: {bundle} ({mb(folder_size(bundle))}; strip saved {mb(saved)}, "
              f"ICU subset {mb(icu)}) in {time.monotonic() - started:.0f} s")
    else:
        bundle = args.bundle
    (bundle / "BUILD.txt").write_text(
        stamp_text(app, content_version(), git_commit(), dt.datetime.now(dt.UTC)),
        encoding="utf-8")
    tarball = make_tarball(bundle, dist / f"{NAME}-{app}-linux-x86_64.tar.gz")
    print(f"tar.gz: {tarball} ({mb(tarball.stat().st_size)})")
    if not args.skip_deb:
        files = stage_deb(bundle, dist / "deb-root", app)
        deb = build_deb(dist / "deb-root", dist / f"{NAME}_{app}_amd64.deb")
        print(f".deb: {deb} ({mb(deb.stat().st_size)}, {len(files)} files)")
    print(f"built in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
