"""Curator preview: reload the content when its files change (``--watch``).

Editors often save by replacing a file, which drops it from the watch list, so
the watcher re-adds every file after each change. Changes are gathered for a
quarter of a second, then the folder is loaded and checked in full: a clean
folder replaces the content of every screen at once; a folder with problems keeps
the last good content on screen and reports the problems.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from minusma_kiosk.content.files import CONTENT_FILES, IMAGES

log = logging.getLogger(__name__)


class ContentWatcher(QObject):
    """Watches a content folder.

    Parameters
    ----------
    root
        The content folder.

    Signals
    -------
    reloaded(object)
        The folder changed and loaded cleanly (the new :class:`Content`).
    failed(object)
        The folder changed and has problems (a list of :class:`Problem`).
    """

    reloaded = Signal(object)
    failed = Signal(object)

    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = Path(root)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_watcher_changed)
        self._watcher.directoryChanged.connect(self._on_watcher_changed)
        self._debounce = QTimer(self)
        self._debounce.setObjectName("content_watch_debounce")
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self._watch_files()

    def _watch_files(self) -> None:
        paths = [str(self.root / name) for name in CONTENT_FILES if (self.root / name).exists()]
        images = self.root / IMAGES
        if images.is_dir():
            paths.append(str(images))
            paths.extend(str(f) for f in sorted(images.iterdir()) if f.is_file())
        missing = [p for p in [str(self.root), *paths] if p not in
                   self._watcher.files() + self._watcher.directories()]
        if missing:
            self._watcher.addPaths(missing)

    def _on_watcher_changed(self, _path: str) -> None:
        self._debounce.start()

    def _on_debounce_timeout(self) -> None:
        from minusma_kiosk.content.loader import load_content

        self._watch_files()
        result = load_content(self.root)
        if result.content is not None:
            log.info("content reloaded from %s", self.root)
            self.reloaded.emit(result.content)
        else:
            for problem in result.problems:
                log.error("content change rejected: %s", problem)
            self.failed.emit(list(result.problems))

    def stop(self) -> None:
        """Stop watching."""
        self._debounce.stop()
        paths = self._watcher.files() + self._watcher.directories()
        if paths:
            self._watcher.removePaths(paths)
