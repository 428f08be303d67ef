"""packaging/build.py without freezing: version stamping, the .deb's files, the launcher."""

from __future__ import annotations

import configparser
import importlib.util
import os
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("packaging_build", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def bundle(tmp_path):
    """A stand-in for the frozen bundle: an executable that prints its arguments."""
    folder = tmp_path / "bundle"
    (folder / "_internal" / "numpy.libs").mkdir(parents=True)
    exe = folder / "minusma-kiosk"
    exe.write_text("#!/bin/sh\necho frozen \"$@\"\n", encoding="utf-8")
    exe.chmod(0o755)
    (folder / "_internal" / "data.txt").write_text("x", encoding="utf-8")
    return folder


def test_versions_are_read_without_importing(build):
    from minusma_kiosk import __version__

    assert build.version() == __version__
    site = tomllib.loads((ROOT / "resources" / "content" / "site.toml").read_text("utf-8"))
    assert build.content_version() == site["site"]["version"]


def test_the_stamp_names_versions_commit_and_time(build):
    import datetime as dt

    text = build.stamp_text("1.2.3", "2026.11.2", "abc1234",
                            dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC))
    assert text.splitlines() == ["minusma-kiosk 1.2.3", "content 2026.11.2", "commit abc1234",
                                 "built 2026-11-28T12:00:00+00:00"]


def test_the_control_file(build):
    control = dict(line.split(": ", 1) for line in build.control_text("1.2.3", 1234).splitlines()
                   if ": " in line and not line.startswith(" "))
    assert control["Package"] == "minusma-kiosk" and control["Version"] == "1.2.3"
    assert control["Architecture"] == "amd64" and control["Installed-Size"] == "1234"
    assert "libxcb-cursor0" in control["Depends"]


def test_staging_lays_out_every_file(build, bundle, tmp_path):
    root = tmp_path / "root"
    files = build.stage_deb(bundle, root, "1.2.3")
    expected = {
        "opt/minusma-kiosk/minusma-kiosk", "opt/minusma-kiosk/_internal/data.txt",
        "usr/bin/minusma-kiosk", "usr/share/applications/minusma-kiosk.desktop",
        "usr/share/icons/hicolor/scalable/apps/minusma-kiosk.svg",
        "usr/lib/systemd/user/minusma-kiosk.service",
        "usr/share/doc/minusma-kiosk/copyright", "usr/share/doc/minusma-kiosk/OFL.txt",
        "usr/share/doc/minusma-kiosk/credits.toml", "DEBIAN/control",
    } | {f"usr/share/icons/hicolor/{n}x{n}/apps/minusma-kiosk.png" for n in build.ICON_SIZES}
    assert expected <= set(files)
    assert os.access(root / "usr/bin/minusma-kiosk", os.X_OK)
    from PySide6.QtGui import QImage

    icon = QImage(str(root / "usr/share/icons/hicolor/256x256/apps/minusma-kiosk.png"))
    assert icon.width() == 256 and icon.pixelColor(128, 60).blue() > 150  # the blue pin
    # The launcher finds the bundle relative to itself: installed or unpacked anywhere.
    out = subprocess.run([str(root / "usr/bin/minusma-kiosk"), "--version"],
                         capture_output=True, text=True, timeout=30)
    assert out.stdout.strip() == "frozen --version"


def test_the_desktop_entry(build):
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "packaging" / "minusma-kiosk.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "minusma-kiosk" and desktop["Icon"] == "minusma-kiosk"
    assert desktop["Type"] == "Application" and desktop["Name[fr]"]


def test_strip_leaves_numpy_libraries_alone(build, bundle, monkeypatch):
    elf = b"\x7fELF" + b"\0" * 60
    (bundle / "_internal" / "libQt6Core.so.6").write_bytes(elf)
    (bundle / "_internal" / "numpy.libs" / "libopenblas.so").write_bytes(elf)
    stripped = []
    monkeypatch.setattr(build.shutil, "which", lambda _name: "/usr/bin/strip")
    monkeypatch.setattr(build.subprocess, "run",
                        lambda args, **_kw: stripped.append(Path(args[-1]).name))
    build.strip_bundle(bundle)
    assert stripped == ["libQt6Core.so.6"]


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb")
def test_the_deb_unpacks_and_its_launcher_runs(build, bundle, tmp_path):
    root = tmp_path / "root"
    build.stage_deb(bundle, root, "1.2.3")
    deb = build.build_deb(root, tmp_path / "x.deb")
    info = subprocess.run(["dpkg-deb", "-f", str(deb), "Package", "Version"],
                          capture_output=True, text=True, check=True).stdout
    assert info.split() == ["Package:", "minusma-kiosk", "Version:", "1.2.3"]
    unpacked = tmp_path / "unpacked"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(unpacked)], check=True)
    out = subprocess.run([str(unpacked / "usr/bin/minusma-kiosk"), "check"],
                         capture_output=True, text=True, timeout=30)
    assert out.stdout.strip() == "frozen check"


def test_the_windows_and_macos_recipes_carry_the_same_version(build):
    import re

    iss = (ROOT / "packaging" / "windows" / "minusma-kiosk.iss").read_text(encoding="utf-8")
    mac = (ROOT / "packaging" / "macos" / "minusma-kiosk-macos.spec").read_text(encoding="utf-8")
    assert re.search(r'#define AppVersion "([^"]+)"', iss).group(1) == build.version()
    assert re.search(r'"CFBundleShortVersionString": "([^"]+)"', mac).group(1) == build.version()
    for icon in ("minusma-kiosk.ico", "minusma-kiosk-1024.png"):
        assert (ROOT / "packaging" / "icons" / icon).stat().st_size > 1000
