"""A cache of loaded content, so the exhibit starts without parsing every file.

The key is a digest of the software version and of every byte of every file in
the content folder: the same files always give the same result, so a cached
result can stand in for loading and checking them again. Only content that
loaded without a problem is cached. Any trouble with the cache (missing,
unreadable, from another version) simply means a full load.
``minusma-kiosk check`` never uses the cache.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from pathlib import Path

from minusma_kiosk import __version__
from minusma_kiosk.content import model
from minusma_kiosk.content.model import Content

log = logging.getLogger(__name__)

#: Bump when the pickled model changes shape in a way the version does not cover.
FORMAT = 1


def content_digest(root: Path) -> str:
    """A digest of every file below ``root`` (names and bytes), of the software version,
    of the model's source (so a changed model never meets an old pickle) and of the
    folder's own path: the model holds absolute paths (card pictures), so the same files
    in another folder (a bundle in ``dist/`` and its installed copy) are another entry."""
    digest = hashlib.sha256(f"{__version__}/{FORMAT}/{root.resolve()}".encode())
    try:
        digest.update(Path(model.__file__).read_bytes())
    except (OSError, TypeError):
        pass  # a frozen bundle may have no source: its version stands for it
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def load_from_cache(root: Path, cache_dir: Path) -> Content | None:
    """The cached content for ``root``, or None if there is none for these files."""
    try:
        key = content_digest(root)
        data = (cache_dir / f"content-{key}.pickle").read_bytes()
        content = pickle.loads(data)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged or foreign file: it is only a cache, load in full
        log.info("content cache not used: %s: %s", type(exc).__name__, exc)
        return None
    return content if isinstance(content, Content) else None


def store_in_cache(root: Path, cache_dir: Path, content: Content) -> None:
    """Keep ``content`` for the next start; older entries for the folder are replaced."""
    try:
        key = content_digest(root)
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in cache_dir.glob("content-*.pickle"):
            old.unlink(missing_ok=True)
        tmp = cache_dir / f"content-{key}.tmp"
        tmp.write_bytes(pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(cache_dir / f"content-{key}.pickle")
    except OSError as exc:
        log.info("content cache not written: %s", exc)
