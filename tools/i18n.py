"""Update and compile the UI translations.

    python tools/i18n.py update    # collect tr() strings from the code into the .ts files
    python tools/i18n.py release   # compile .ts → .qm (committed, shipped in resources/)
    python tools/i18n.py check     # exit 1 if a .ts is out of date or a .qm is stale

Translators edit ``resources/translations/minusma_kiosk_<lang>.ts`` (Qt Linguist,
or any text editor), then run ``update`` and ``release``.
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "minusma_kiosk"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("fr",)


def tool(name: str) -> str:
    """Path of a PySide6 tool (pyside6-lupdate, pyside6-lrelease) next to this Python."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def python_sources() -> list[str]:
    """Every module that may hold translatable strings."""
    return sorted(str(p) for p in SOURCES.rglob("*.py") if "content" not in p.parts)


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"minusma_kiosk_{lang}.ts"


def update(target_dir: Path = TRANSLATIONS) -> None:
    """Run lupdate: new strings are added, vanished ones marked obsolete."""
    for lang in LANGUAGES:
        ts = target_dir / ts_path(lang).name
        if target_dir != TRANSLATIONS and ts_path(lang).exists():
            shutil.copy(ts_path(lang), ts)
        subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                        *python_sources(), "-ts", str(ts)],
                       check=True, capture_output=True)


def release(target_dir: Path = TRANSLATIONS) -> None:
    """Run lrelease: compile each .ts to the .qm the app loads."""
    for lang in LANGUAGES:
        qm = target_dir / f"minusma_kiosk_{lang}.qm"
        subprocess.run([tool("pyside6-lrelease"), str(ts_path(lang)), "-qm", str(qm)],
                       check=True, capture_output=True)


def check() -> int:
    """Whether the committed .ts and .qm match the code and each other."""
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        update(tmpdir)
        stale = [ts_path(lang).name for lang in LANGUAGES
                 if not filecmp.cmp(tmpdir / ts_path(lang).name, ts_path(lang), shallow=False)]
        release(tmpdir)
        stale += [f"minusma_kiosk_{lang}.qm" for lang in LANGUAGES
                  if not filecmp.cmp(tmpdir / f"minusma_kiosk_{lang}.qm",
                                     TRANSLATIONS / f"minusma_kiosk_{lang}.qm", shallow=False)]
    if stale:
        print("out of date: " + ", ".join(stale) + " (run: python tools/i18n.py update release)")
        return 1
    print("translations up to date")
    return 0


def main(argv: list[str]) -> int:
    if not argv or any(a not in ("update", "release", "check") for a in argv):
        print(__doc__)
        return 2
    for action in argv:
        if action == "update":
            update()
        elif action == "release":
            release()
        else:
            return check()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
