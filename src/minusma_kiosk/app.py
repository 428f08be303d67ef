"""Composition root: options → content → QApplication → fonts, translations → Shell.

Nothing else in the code creates the application or decides which content to
show. The content is read and checked before the QApplication exists.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from minusma_kiosk import resources
from minusma_kiosk.content.model import Content, Lang

if TYPE_CHECKING:
    from minusma_kiosk.content.loader import LoadResult

log = logging.getLogger("minusma_kiosk")


@dataclass(frozen=True)
class Options:
    """How to run the exhibit (from the command line)."""

    mode: str = "window"
    content_dir: Path | None = None
    lang: Lang = "en"
    diagonal_inches: float | None = None
    animation: str = "full"
    gentle: bool = False
    watch: bool = False
    bench_first_frame: bool = False


@dataclass(frozen=True)
class LoadedContent:
    """The content to show, and what was rejected on the way."""

    content: Content
    rejected_dir: Path | None = None
    rejected: LoadResult | None = None


def cache_dir() -> Path:
    """Where loaded content is cached between starts (the platform's cache folder)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("minusma-kiosk", appauthor=False))


def load_cached(root: Path, use_cache: bool = True) -> tuple[Content | None, LoadResult | None]:
    """Load ``root`` from the cache if its files are unchanged, else fully (and cache it)."""
    from minusma_kiosk.content.cache import load_from_cache, store_in_cache

    if use_cache and (content := load_from_cache(root, cache_dir())) is not None:
        return content, None
    from minusma_kiosk.content.loader import load_content

    result = load_content(root)
    if result.content is not None and use_cache:
        store_in_cache(root, cache_dir(), result.content)
    return result.content, result


def load_with_fallback(content_dir: Path | None, use_cache: bool = True) -> LoadedContent:
    """Load a curator's folder; if it fails its checks, the bundled content instead.

    Raises
    ------
    RuntimeError
        If the bundled content itself is invalid (a packaging error).
    """
    if content_dir is not None:
        content, result = load_cached(content_dir, use_cache)
        if content is not None:
            return LoadedContent(content)
        assert result is not None
        log.error("content in %s rejected (%d problems); showing the bundled content",
                  content_dir, len(result.problems))
        for problem in result.problems:
            log.error("  %s", problem)
        bundled = _load_bundled(use_cache)
        return LoadedContent(bundled, content_dir, result)
    return LoadedContent(_load_bundled(use_cache))


def _load_bundled(use_cache: bool) -> Content:
    content, result = load_cached(resources.content_dir(), use_cache)
    if content is None:
        assert result is not None
        details = "\n".join(str(p) for p in result.problems)
        raise RuntimeError(f"the bundled content is invalid:\n{details}")
    return content


def ensure_platform(offscreen: bool) -> None:
    """Choose the offscreen platform for headless work (screenshots, self-test)."""
    if offscreen and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def create_application(argv: list[str] | None = None):  # -> QApplication
    """Create (or return) the QApplication with the bundled fonts installed."""
    from PySide6.QtWidgets import QApplication

    from minusma_kiosk.ui.theme.fonts import install_fonts

    app = QApplication.instance()
    if app is None:
        QApplication.setApplicationName("minusma-kiosk")
        QApplication.setOrganizationName("minusma-kiosk")
        QApplication.setApplicationDisplayName("MINUSMA — Mali since 2012")
        app = QApplication(argv or [sys.argv[0]])
    install_fonts(app)
    return app


def create_shell(loaded: LoadedContent, options: Options):  # -> Shell
    """Build the main window for ``loaded`` content with ``options``."""
    from minusma_kiosk.state.app_state import AnimationLevel, AppState
    from minusma_kiosk.ui.shell import RunMode, Shell

    state = AppState(options.lang, AnimationLevel(options.animation))
    rejected = None
    if loaded.rejected_dir is not None and loaded.rejected is not None:
        rejected = (str(loaded.rejected_dir), len(loaded.rejected.problems))
    shell = Shell(loaded.content, state, RunMode(options.mode),
                  diagonal_inches=options.diagonal_inches, rejected=rejected,
                  gentle=options.gentle, watch=options.watch)
    state.setParent(shell)
    return shell


def run(options: Options) -> int:
    """Start the exhibit and run until it is closed; returns the exit code."""
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    loaded = load_with_fallback(options.content_dir)
    app = create_application()
    from PySide6.QtCore import Qt

    from minusma_kiosk.ui.shell import FirstFrameProbe

    shell = create_shell(loaded, options)
    if options.mode == "kiosk":
        shell.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        screen = app.primaryScreen()
        shell.setGeometry(screen.geometry())  # no window manager under some kiosks
        shell.showFullScreen()
    else:
        screen = app.primaryScreen().availableGeometry()
        shell.resize(min(1600, screen.width()), min(900, screen.height()))
        shell.show()
    if options.bench_first_frame:
        FirstFrameProbe(shell, _report_first_frame)
    return app.exec()


def _report_first_frame() -> None:
    """Print a marker the startup benchmark waits for, with peak memory, then quit."""
    import resource

    from PySide6.QtWidgets import QApplication

    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"FIRST_FRAME maxrss_kib={rss_kib}", flush=True)
    QApplication.quit()
