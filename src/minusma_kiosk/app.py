"""Composition root: options → content → QApplication → fonts, translations → Shell.

Nothing else in the code creates the application or decides which content to
show. The content is read and checked before the QApplication exists.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minusma_kiosk import resources
from minusma_kiosk.content.model import Content, Lang
from minusma_kiosk.kiosk.config import Config

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from minusma_kiosk.content.loader import LoadResult
    from minusma_kiosk.content.problems import Problem
    from minusma_kiosk.ui.shell import Shell

log = logging.getLogger("minusma_kiosk")


@dataclass(frozen=True)
class Options:
    """How to run the exhibit: the configuration file, overridden by command-line flags."""

    mode: str = "window"
    content_dir: Path | None = None
    lang: Lang = "en"
    diagonal_inches: float | None = None
    animation: str = "full"
    gentle: bool = False
    watch: bool = False
    bench_first_frame: bool = False
    screen: int = 0
    screen_bottom_cm: int = 76
    idle_explore_s: int = 60
    idle_reading_s: int = 90
    idle_warning_s: int = 20
    attract_step_s: int = 10
    pin_hash: str = ""
    admin_hold_s: int = 3
    analytics: bool = False
    config_path: Path | None = None
    #: Why the exhibit runs in safe mode (set by the supervisor after repeated crashes).
    safe_reason: str = ""

    @classmethod
    def from_config(cls, config: Config, **extra: Any) -> Options:
        """Options from the configuration in force (``extra``: flags with no config key)."""
        return cls(mode=config.exhibit_mode,
                   content_dir=Path(config.exhibit_content) if config.exhibit_content else None,
                   lang=config.exhibit_language,  # type: ignore[arg-type]  # checked choices
                   diagonal_inches=config.exhibit_diagonal_inches or None,
                   animation=config.exhibit_animation, gentle=config.exhibit_gentle,
                   screen=config.exhibit_screen,
                   screen_bottom_cm=config.exhibit_screen_bottom_cm,
                   idle_explore_s=config.idle_explore_s,
                   idle_reading_s=config.idle_reading_s, idle_warning_s=config.idle_warning_s,
                   attract_step_s=config.attract_step_s, pin_hash=config.admin_pin_hash,
                   admin_hold_s=config.admin_hold_s, analytics=config.analytics_enabled,
                   **extra)


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
        for line in result.report():
            log.error("  %s", line)
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


def create_application(argv: list[str] | None = None) -> QApplication:
    """Create (or return) the QApplication with the bundled fonts installed."""
    from PySide6.QtWidgets import QApplication

    from minusma_kiosk.ui.theme.fonts import install_fonts

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        QApplication.setApplicationName("minusma-kiosk")
        QApplication.setOrganizationName("minusma-kiosk")
        QApplication.setApplicationDisplayName("MINUSMA — Mali since 2012")
        app = QApplication(argv or [sys.argv[0]])
    install_fonts(app)
    return app


def create_shell(loaded: LoadedContent, options: Options,
                 notices: Sequence[str] = ()) -> Shell:
    """Build the main window for ``loaded`` content with ``options``; ``notices``: what
    staff should know about this machine (the kiosk's admin panel shows them)."""
    from minusma_kiosk.state.app_state import AnimationLevel, AppState
    from minusma_kiosk.ui.shell import RunMode, Shell

    state = AppState(options.lang, AnimationLevel(options.animation))
    rejected = None
    if loaded.rejected_dir is not None and loaded.rejected is not None:
        rejected = (str(loaded.rejected_dir), len(loaded.rejected.problems))
    shell = Shell(loaded.content, state, RunMode(options.mode),
                  diagonal_inches=options.diagonal_inches, rejected=rejected,
                  screen_bottom_cm=options.screen_bottom_cm,
                  gentle=options.gentle, watch=options.watch)
    state.setParent(shell)
    if shell.mode is RunMode.KIOSK:
        _add_kiosk(shell, options, list(notices))
    elif shell.mode is RunMode.PRESENT:
        from minusma_kiosk.ui.presenter import Presenter

        shell.presenter = Presenter(shell.host, loaded.content.tour)
    return shell


def _add_kiosk(shell: Shell, options: Options, notices: list[str]) -> None:
    """Kiosk mode: lockdown, idle reset, attract loop, admin panel (saving its settings)."""
    from minusma_kiosk.kiosk import paths
    from minusma_kiosk.kiosk.config import set_value
    from minusma_kiosk.kiosk.pin import LOCK_STATE_NAME
    from minusma_kiosk.ui.kiosk_controller import KioskController, KioskSettings

    config_path = options.config_path or paths.config_path()
    analytics = None
    if options.analytics:
        from minusma_kiosk.kiosk.analytics import DB_NAME, Analytics

        analytics = Analytics(paths.data_dir() / DB_NAME)
        notices = list(dict.fromkeys([*notices, *analytics.notices]))  # once, after a reload
    kiosk = KioskController(shell.host, KioskSettings(
        explore_ms=options.idle_explore_s * 1000, reading_ms=options.idle_reading_s * 1000,
        warning_ms=options.idle_warning_s * 1000, step_ms=options.attract_step_s * 1000,
        hold_ms=options.admin_hold_s * 1000, pin_hash=options.pin_hash,
        config_path=config_path, log_dir=paths.log_dir(),
        pin_state_path=paths.data_dir() / LOCK_STATE_NAME, notices=tuple(notices)))
    kiosk.attract_overlay.motion = options.animation == "full"

    def save(section: str, key: str, value: object) -> None:
        try:
            set_value(config_path, section, key, value)
            log.info("admin changed [%s] %s = %r (saved in %s)", section, key, value,
                     config_path)
        except (OSError, ValueError) as exc:
            log.error("could not save [%s] %s in %s: %s", section, key, config_path, exc)

    def leave() -> None:
        log.info("exit requested from the admin panel")
        shell.may_close = True
        shell.close()

    kiosk.setting_changed.connect(save)
    kiosk.exit_requested.connect(leave)
    shell.kiosk = kiosk
    if analytics is not None:
        from minusma_kiosk.ui.visit_recorder import VisitRecorder

        recorder = VisitRecorder(shell.host, kiosk, analytics)
        shell.recorder = recorder
        create_application().aboutToQuit.connect(recorder.close)  # SIGTERM too


def run(options: Options, config_problems: Sequence[Problem] = ()) -> int:
    """Start the exhibit and run until it is closed; returns the exit code.

    Logs go to the rotating log file; a second exhibit on the same machine
    (same user) says so and exits with 3. A folder the exhibit cannot write
    (logs, data) is reported, and the exhibit runs without what needs it.
    """
    from minusma_kiosk.kiosk import paths
    from minusma_kiosk.kiosk.logs import LOG_NAME, setup_logging
    from minusma_kiosk.process import stop_on_signals_at_start

    stop_on_signals_at_start()
    notices: list[str] = []  # what staff should know: the admin panel shows it
    log_problem = setup_logging(paths.log_dir(), rotate=False)  # rotating once the window is up
    if options.safe_reason:
        notice = f"safe mode (bundled content, default settings): {options.safe_reason}"
        log.error("%s. Fix the cause, then restart the exhibit (or wait for the daily "
                  "restart)", notice)
        notices.append(notice)
    if log_problem:
        notices.append(log_problem)
    log.info("minusma-kiosk %s starting in %s mode (log: %s)", _version(), options.mode,
             "the terminal only" if log_problem else paths.log_dir() / LOG_NAME)
    config_path = options.config_path or paths.config_path()
    for problem in config_problems:
        where = "" if problem.file == "command line" else f" ({config_path})"
        log.error("configuration %s%s", problem, where)
    if config_problems:
        notices.append(f"configuration: {len(config_problems)} problem(s), the first: "
                       f"{config_problems[0]} (the log lists them all)")
    claim = None
    if not options.bench_first_frame:
        from minusma_kiosk.kiosk.single_instance import claim as claim_instance

        claim = claim_instance(paths.data_dir())
        if claim.other is not None:
            message = ("minusma-kiosk is already running on this machine"
                       + (f" (process {claim.other})" if claim.other else "")
                       + "; not starting another.")
            print(message, file=sys.stderr)
            log.warning(message)
            return 3
        if claim.notice:
            log.warning("%s", claim.notice)
            notices.append(claim.notice)
    try:
        return _run_window(options, notices)
    finally:
        if claim is not None and claim.lock is not None:
            claim.lock.release()


def _version() -> str:
    from minusma_kiosk import __version__

    return __version__


def _run_window(options: Options, notices: list[str]) -> int:
    # Safe mode trusts nothing it can do without: no curator folder, no cache.
    safe = bool(options.safe_reason)
    loaded = load_with_fallback(None if safe else options.content_dir, use_cache=not safe)
    app = create_application()
    from minusma_kiosk.ui.shell import FirstFrameProbe

    shell = _show(create_shell(loaded, options, notices), options)
    if options.bench_first_frame:
        FirstFrameProbe(shell, _report_first_frame)
    from minusma_kiosk.process import serve_supervisor

    serve_supervisor(app)
    from PySide6.QtCore import QTimer

    from minusma_kiosk.kiosk.logs import enable_rotation

    QTimer.singleShot(2000, enable_rotation)
    code = int(app.exec())
    log.info("minusma-kiosk stopped (exit code %d)", code)
    return code


def _show(shell: Shell, options: Options) -> Shell:
    """Show ``shell`` as the mode asks; in kiosk mode start the attract loop."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    if options.mode == "kiosk":
        shell.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        screens = QGuiApplication.screens()
        screen = screens[options.screen] if options.screen < len(screens) \
            else QGuiApplication.primaryScreen()
        shell.setGeometry(screen.geometry())  # no window manager under some kiosks
        shell.showFullScreen()
    else:
        area = QGuiApplication.primaryScreen().availableGeometry()
        shell.resize(min(1600, area.width()), min(900, area.height()))
        shell.show()
    if shell.kiosk is not None:
        notices = shell.kiosk.settings.notices
        shell.kiosk.reload_requested.connect(lambda: _reload(shell, options, notices))
        shell.kiosk.start_attract()
    if shell.presenter is not None:
        shell.presenter.start()
    return shell


def _reload(old: Shell, options: Options, notices: Sequence[str]) -> None:
    """Admin "reload the content": read it again (no cache) and replace the window."""
    log.info("content reload requested from the admin panel")
    loaded = load_with_fallback(options.content_dir, use_cache=False)
    if old.recorder is not None:
        old.recorder.close()  # the new window records from now on
    new = create_shell(loaded, options, notices)
    _show(new, options)
    close_shell(old)


def close_shell(shell: Shell) -> None:
    """Close a window for good, whatever its mode: its kiosk or presenter stops (a kiosk
    filters the whole application's input until then) and a kiosk window, which refuses
    a visitor's close, is allowed to close."""
    for part in (shell.kiosk, shell.presenter):
        if part is not None:
            part.stop()
    shell.may_close = True
    shell.close()
    shell.deleteLater()


def _report_first_frame() -> None:
    """Print a marker the startup benchmark waits for, with peak memory, then quit."""
    import resource

    from PySide6.QtWidgets import QApplication

    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"FIRST_FRAME maxrss_kib={rss_kib}", flush=True)
    QApplication.quit()
