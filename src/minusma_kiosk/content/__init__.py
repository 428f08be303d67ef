"""Content layer: pure Python, no Qt.

Loads the curator-editable files under a content folder into frozen, typed
objects (:mod:`.model`), checking everything on the way (:mod:`.loader`). Every
problem names the file and the line, and all problems are reported at once.
"""

from __future__ import annotations

from minusma_kiosk.content.loader import LoadResult, load_content
from minusma_kiosk.content.model import LANGUAGES, Content, Lang
from minusma_kiosk.content.problems import ContentInvalid, Problem

__all__ = [
    "LANGUAGES",
    "Content",
    "ContentInvalid",
    "Lang",
    "LoadResult",
    "Problem",
    "load_content",
]
