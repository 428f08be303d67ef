"""Content layer: pure Python, no Qt.

Loads the curator-editable files under a content folder into frozen, typed
objects (:mod:`.model`), checking everything on the way (:mod:`.loader`). Every
problem names the file and the line, and all problems are reported at once.

The loader is imported on first use (``from minusma_kiosk.content import
load_content`` still works): the app starts from the content cache without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from minusma_kiosk.content.model import LANGUAGES, Content, Lang
from minusma_kiosk.content.problems import ContentInvalid, Problem

if TYPE_CHECKING:
    from minusma_kiosk.content.loader import LoadResult, load_content

__all__ = [
    "LANGUAGES",
    "Content",
    "ContentInvalid",
    "Lang",
    "LoadResult",
    "Problem",
    "load_content",
]


def __getattr__(name: str) -> Any:
    if name in ("load_content", "LoadResult"):
        from minusma_kiosk.content import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
