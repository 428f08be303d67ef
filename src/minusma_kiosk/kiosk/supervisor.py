"""Keep the exhibit running for months: restart it when it crashes or hangs.

``minusma-kiosk supervise [-- run options]`` starts the exhibit as a child
process and watches it:

* it **crashed** (any exit but 0): started again at once; if it keeps crashing,
  each new start waits twice as long (1, 2, 4 … up to 60 s), and a child that
  ran a minute or more starts the count again;
* it **hangs** (its heartbeat file is older than ``heartbeat_timeout_s``): the
  child is stopped (SIGTERM, then SIGKILL after 3 s) and started again;
* a **daily restart** time is set: at that time the child is stopped and started;
* it **exited with 0** (staff used "Exit the exhibit"): the supervisor stops too;
  exit code 3 (another exhibit already runs) also stops it;
* the supervisor gets SIGTERM or SIGINT (``systemctl stop``): it stops the
  child and exits.

The child finds the heartbeat file's path in ``MINUSMA_KIOSK_HEARTBEAT`` and
touches it every second from its event loop (``minusma_kiosk.app``), so a
frozen event loop is a stale file. Pure Python: no Qt in this process.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from minusma_kiosk.kiosk.paths import HEARTBEAT_ENV

log = logging.getLogger("minusma_kiosk.supervisor")

EXIT_ALREADY_RUNNING = 3
STOP_GRACE_S = 3.0


def parse_time(text: str) -> dt.time | None:
    """``"04:30"`` as a time of day; ``""`` as None."""
    if not text:
        return None
    hours, minutes = (int(part) for part in text.split(":"))
    return dt.time(hours, minutes)


def next_daily(after: dt.datetime, at: dt.time) -> dt.datetime:
    """The first moment at ``at`` strictly after ``after``."""
    candidate = after.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
    return candidate if candidate > after else candidate + dt.timedelta(days=1)


@dataclass
class Supervisor:
    """Runs ``command`` and starts it again when needed (see the module's docstring).

    Parameters
    ----------
    command
        The child's command line.
    heartbeat
        The file the child touches every second.
    heartbeat_timeout_s
        A heartbeat older than this is a hang.
    daily_restart
        A time of day to restart at, or None.
    """

    command: list[str]
    heartbeat: Path
    heartbeat_timeout_s: float = 10.0
    daily_restart: dt.time | None = None
    poll_s: float = 0.2
    max_backoff_s: float = 60.0
    stable_s: float = 60.0
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    now: Callable[[], dt.datetime] = dt.datetime.now
    restarts: int = 0
    _stop: bool = False
    _child: subprocess.Popen[bytes] | None = None

    def request_stop(self, *_args: object) -> None:
        """Stop the child and return from :meth:`run` (a signal handler too)."""
        self._stop = True

    def install_signal_handlers(self) -> None:
        """SIGTERM and SIGINT stop the supervisor (and its child) cleanly."""
        signal.signal(signal.SIGTERM, self.request_stop)
        signal.signal(signal.SIGINT, self.request_stop)

    def run(self) -> int:
        """Supervise until the child exits with 0 or 3, or a stop is requested."""
        backoff = 0.0
        while not self._stop:
            started = time.monotonic()
            child = self._start()
            why, code = self._watch(child, started)
            ran = time.monotonic() - started
            if why == "stop":
                self._terminate(child)
                log.info("supervisor stopping: the exhibit was stopped")
                return 0
            if why == "exit" and code == 0:
                log.info("the exhibit exited normally after %.0f s; supervisor stops", ran)
                return 0
            if why == "exit" and code == EXIT_ALREADY_RUNNING:
                log.error("another exhibit is already running; supervisor stops")
                return EXIT_ALREADY_RUNNING
            if why in ("hang", "daily"):
                self._terminate(child)
            if ran >= self.stable_s:
                backoff = 0.0
            delay = 0.0 if why == "daily" else backoff
            self.restarts += 1
            if why == "exit":
                log.error("the exhibit stopped with exit code %s after %.1f s; restart %d in "
                          "%.0f s", code, ran, self.restarts, delay)
            elif why == "hang":
                log.error("the exhibit gave no sign of life for %.0f s (hung) after %.1f s; "
                          "stopped it; restart %d in %.0f s", self.heartbeat_timeout_s, ran,
                          self.restarts, delay)
            else:
                log.info("daily restart (%s)", self.daily_restart)
            if why != "daily":
                backoff = min(max(1.0, backoff * 2), self.max_backoff_s)
                if delay >= self.max_backoff_s:
                    log.error("the exhibit keeps failing: waiting %.0f s between starts "
                              "(see the log above for its errors)", delay)
            self._wait(delay)
        return 0

    # --- the child ------------------------------------------------------------------------
    def _start(self) -> subprocess.Popen[bytes]:
        self.heartbeat.parent.mkdir(parents=True, exist_ok=True)
        self.heartbeat.touch()  # the timeout counts from the start
        env = dict(self.env, **{HEARTBEAT_ENV: str(self.heartbeat)})
        log.info("starting the exhibit: %s", " ".join(self.command))
        self._child = subprocess.Popen(self.command, env=env)
        return self._child

    def _watch(self, child: subprocess.Popen[bytes], started: float) -> tuple[str, int | None]:
        due = next_daily(self.now(), self.daily_restart) if self.daily_restart else None
        while True:
            code = child.poll()
            if code is not None:
                return "exit", code
            if self._stop:
                return "stop", None
            if due is not None and self.now() >= due:
                return "daily", None
            try:
                age = time.time() - self.heartbeat.stat().st_mtime
            except OSError:
                age = time.monotonic() - started
            if age > self.heartbeat_timeout_s:
                return "hang", None
            time.sleep(self.poll_s)

    def _terminate(self, child: subprocess.Popen[bytes]) -> None:
        if child.poll() is not None:
            return
        child.terminate()
        try:
            child.wait(STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            log.warning("the exhibit did not stop within %.0f s; killing it", STOP_GRACE_S)
            child.kill()
            child.wait()

    def _wait(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while not self._stop and time.monotonic() < end:
            time.sleep(min(self.poll_s, max(0.0, end - time.monotonic())))
