"""The exhibit as a process: how signals stop it, its heartbeat and its supervisor,
and whether there is a display to show it on.

Only a staff "Exit the exhibit" ends the exhibit with 0 (the supervisor then stops
too); a signal ends it cleanly with 128 + the signal, so the supervisor starts it
again. Under ``minusma-kiosk supervise`` the exhibit beats a heartbeat file every
second and stops when the supervisor is gone.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

log = logging.getLogger("minusma_kiosk")


def display_problem() -> str | None:
    """Why no window can be shown here, or None. Qt's own message for a missing display
    blames a missing library ("xcb-cursor0 is needed … reinstalling may fix") and aborts."""
    if not sys.platform.startswith("linux"):
        return None
    names = {n.split(":")[0].strip() for n in os.environ.get("QT_QPA_PLATFORM", "").split(";")}
    if names - {"", "xcb", "wayland", "wayland-egl"}:
        return None  # offscreen, eglfs, vnc …: no display server needed
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and (Path(runtime) / "wayland-0").exists():
        return None  # Qt finds a Wayland compositor there by default
    return ("no display found (DISPLAY and WAYLAND_DISPLAY are unset): start the exhibit "
            "in a desktop or kiosk session (README: 'A kiosk that starts on boot'); for a "
            "headless check run 'minusma-kiosk self-test'")


#: Signals that stop the exhibit cleanly, with a line in the log (any that exist here).
STOP_SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2")


#: Stop signals that came during start-up, before the event loop could act on them.
_pending: list[int] = []


def stop_on_signals_at_start() -> None:
    """Until the event loop runs, a stop signal is noted and acted on as soon as it runs
    (:func:`serve_supervisor`): a few hundred milliseconds later.

    The handler neither raises nor writes. An exception raised from a handler surfaces
    wherever Python happens to be, inside a Qt callback too, where it is reported as
    unhandled and the start-up goes on without the signal; and a handler that logs while
    the interrupted code writes to the same stream fails with "reentrant call"."""

    def note(signum: int, _frame: object) -> None:
        _pending.append(signum)

    _on_stop_signals(note)


def _on_stop_signals(handler: Callable[[int, object], None]) -> None:
    """Install ``handler`` for every stop signal this system has."""
    import signal

    for name in STOP_SIGNALS:
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), handler)


def serve_supervisor(app: QCoreApplication) -> None:
    """Signals end the exhibit cleanly with exit code 128 + the signal (not 0: only staff's
    "Exit the exhibit" is 0, which tells the supervisor to stop for good). Under
    ``minusma-kiosk supervise``: a heartbeat every second from the event loop (a hung
    loop stops it), and the exhibit stops if the supervisor is gone."""
    import signal

    from PySide6.QtCore import QTimer

    from minusma_kiosk.kiosk.paths import HEARTBEAT_ENV, SUPERVISOR_ENV

    def stop(signum: int, _frame: object) -> None:
        # Only a timer here (see stop_on_signals_at_start: no writing in a handler). From
        # a timer, too, because a signal that arrives before the event loop runs would
        # otherwise be lost (exit() does nothing then).
        QTimer.singleShot(0, lambda: _stop_app(app, signum))

    _on_stop_signals(stop)
    beat_path = os.environ.get(HEARTBEAT_ENV)
    supervisor = _supervisor_pid(os.environ.get(SUPERVISOR_ENV, ""))
    timer = QTimer(app)
    timer.setObjectName("heartbeat")
    timer.setInterval(1000)  # also lets Python run its signal handlers while Qt waits
    failing = False

    def beat() -> None:
        nonlocal failing
        if supervisor is not None and os.getppid() != supervisor:
            log.error("the supervisor (process %d) is gone: stopping, so that a new one "
                      "can start the exhibit again", supervisor)
            timer.stop()
            app.exit(128 + signal.SIGTERM)
            return
        if beat_path:
            try:
                Path(beat_path).touch()
                failing = False
            except OSError as exc:
                if not failing:  # once, not every second
                    log.warning("heartbeat file %s: %s (the supervisor will think the "
                                "exhibit hung)", beat_path, exc)
                failing = True

    timer.timeout.connect(beat)
    beat()
    timer.start()
    if _pending:  # a signal came during start-up: act on it now that the loop will run
        signum = _pending[0]
        QTimer.singleShot(0, lambda: _stop_app(app, signum))


def _stop_app(app: QCoreApplication, signum: int) -> None:
    import signal

    log.info("signal %d: stopping (%s)", signum, signal.Signals(signum).name)
    # exit(), not quit(): Qt 6's quit() first asks every window to close, and a kiosk
    # window refuses.
    app.exit(128 + signum)


def _supervisor_pid(text: str) -> int | None:
    """The supervisor's process id; on Linux the kernel also sends SIGTERM the moment
    it dies (an exhibit with a hung event loop must not outlive it)."""
    if not text.isdigit():
        return None
    if sys.platform.startswith("linux"):
        import signal

        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGTERM), 0, 0, 0)  # PR_SET_PDEATHSIG
        except (ImportError, OSError, AttributeError):
            pass  # the check in the heartbeat still sees it, within a second
    return int(text)
