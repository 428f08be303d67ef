"""The one way to reach bundled resources (fonts, content, translations, images).

Resources live in the top-level ``resources/`` folder of the repository. The wheel
and the frozen bundle carry them as the package directory
``minusma_kiosk/resources``; a source checkout (editable install, tests) has them
two levels above this file. Everything else in the code asks this module, so the
same code runs from a checkout, an installed wheel and a PyInstaller bundle.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

#: Top-level resource folders; asking for anything else is a programming error.
KNOWN = ("content", "fonts", "translations", "map", "images")


def root() -> Path:
    """Return the folder holding the bundled resources.

    Returns
    -------
    Path
        ``minusma_kiosk/resources`` inside an installed package or bundle, else the
        repository's ``resources/`` (source checkout).
    """
    packaged = importlib.resources.files("minusma_kiosk") / "resources"
    if packaged.is_dir():
        # Wheels and PyInstaller one-folder bundles are plain directories on disk.
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"bundled resources not found (looked in {packaged} and {checkout})"
    )


def path(folder: str, *parts: str) -> Path:
    """Return the path of a bundled resource.

    Parameters
    ----------
    folder
        One of :data:`KNOWN`.
    *parts
        Path components below that folder.

    Raises
    ------
    KeyError
        If ``folder`` is not a known resource folder (the message lists them).
    FileNotFoundError
        If the resource does not exist.
    """
    if folder not in KNOWN:
        raise KeyError(f"unknown resource folder {folder!r}; known: {', '.join(KNOWN)}")
    p = root().joinpath(folder, *parts)
    if not p.exists():
        raise FileNotFoundError(f"bundled resource missing: {folder}/{'/'.join(parts)}")
    return p


def content_dir() -> Path:
    """Return the bundled content folder (what ``--content`` replaces)."""
    return path("content")
