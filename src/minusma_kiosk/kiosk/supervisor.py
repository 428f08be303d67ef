"""Keep the exhibit running for months: restart it when it crashes or hangs.

``minusma-kiosk supervise [-- run options]`` starts the exhibit as a child
process and watches it:

* it **crashed** (any exit but 0 and 3, a signal included): started again at
  once; if it keeps crashing, each new start waits twice as long (1, 2, 4 … up to
  60 s), and a child that ran a minute or more starts the count again. After
  :data:`SAFE_AFTER` quick failures in a row it starts in **safe mode** (bundled
  content, default settings; ``MINUSMA_KIOSK_SAFE_MODE`` holds the cause), so
  visitors see the exhibit while staff fix what made it crash;
* it **hangs** (its heartbeat file is older than ``heartbeat_timeout_s``): the
  child is stopped (SIGTERM, then SIGKILL after 3 s) and started again;
* a **daily restart** time is set: at that time the child is stopped and started
  (out of safe mode: the cause may have been fixed);
* it **exited with 0** (staff used "Exit the exhibit"): the supervisor stops too;
* it **exited with 3** (another exhibit holds the lock): tried again a few times,
  since an exhibit whose supervisor died stops within a second or two; if the
  lock stays taken, the supervisor stops with 3;
* the supervisor gets SIGTERM, SIGINT or SIGHUP (``systemctl stop``, a closed
  terminal): it stops the child and exits.

The child finds the heartbeat file's path in ``MINUSMA_KIOSK_HEARTBEAT`` and
touches it every second from its event loop (``minusma_kiosk.app``), so a
frozen event loop is a stale file; it finds the supervisor's process id in
``MINUSMA_KIOSK_SUPERVISOR`` and stops when the supervisor is gone (no orphan
runs on unwatched). A heartbeat that cannot live in the data folder lives in the
temporary folder. The child's last error (its standard error, and ``crash.log``
for a native crash) is written to ``supervisor.log``. Pure Python: no Qt here.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from minusma_kiosk.kiosk.paths import HEARTBEAT_ENV, SAFE_MODE_ENV, SUPERVISOR_ENV

log = logging.getLogger("minusma_kiosk.supervisor")

EXIT_ALREADY_RUNNING = 3
STOP_GRACE_S = 3.0
#: Quick failures in a row (each within ``stable_s`` of its start) before safe mode.
SAFE_AFTER = 3
#: Starts that find another exhibit holding the lock before the supervisor gives up.
LOCK_TRIES = 3
LOCK_RETRY_S = 2.0
#: Signals that stop the supervisor and its child.
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP")
                     if hasattr(signal, name))


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


def last_error(stderr_lines: list[str], crash_text: str = "") -> str:
    """One line saying what the child last complained of: the end of its last traceback,
    a native crash from ``crash.log``, or its last line on standard error."""
    crash = [line.strip() for line in crash_text.splitlines() if line.strip()]
    fatal = next((line for line in reversed(crash) if line.startswith("Fatal Python error")),
                 None)
    if fatal:
        frame = next((line for line in crash if line.startswith("File ")), "")
        return f"{fatal} ({frame})" if frame else fatal
    lines = [line.rstrip() for line in stderr_lines if line.strip()]
    if "Traceback (most recent call last):" in (line.strip() for line in lines):
        at = max(i for i, line in enumerate(lines)
                 if line.strip() == "Traceback (most recent call last):")
        tail = [line for line in lines[at + 1:] if not line.startswith((" ", "\t"))]
        if tail:
            return tail[0].strip()
    words = ("error", "failed", "cannot", "fatal")
    hit = next((line for line in reversed(lines) if any(w in line.lower() for w in words)),
               None)
    return (hit or (lines[-1] if lines else "")).strip()[:500]


@dataclass
class Supervisor:
    """Runs ``command`` and starts it again when needed (see the module's docstring).

    Parameters
    ----------
    command
        The child's command line.
    heartbeat
        The file the child touches every second (another one in the temporary folder
        if this one cannot be written).
    heartbeat_timeout_s
        A heartbeat older than this is a hang.
    daily_restart
        A time of day to restart at, or None.
    crash_log
        The child's ``crash.log`` (where a native crash's stack goes), if any.
    """

    command: list[str]
    heartbeat: Path
    heartbeat_timeout_s: float = 10.0
    daily_restart: dt.time | None = None
    crash_log: Path | None = None
    poll_s: float = 0.2
    max_backoff_s: float = 60.0
    stable_s: float = 60.0
    lock_retry_s: float = LOCK_RETRY_S
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    now: Callable[[], dt.datetime] = dt.datetime.now
    restarts: int = 0
    #: Why the child runs in safe mode ("" when it does not).
    safe_reason: str = ""
    _stop: bool = False
    _signal: int | None = None
    _child: subprocess.Popen[bytes] | None = None
    _beat: Path | None = None
    _crash_size: int = 0
    _stderr: deque[str] = field(default_factory=lambda: deque(maxlen=60))
    _reader: threading.Thread | None = None

    def request_stop(self, signum: int | None = None, _frame: object = None) -> None:
        """Stop the child and return from :meth:`run` (a signal handler too)."""
        self._stop = True
        self._signal = signum if isinstance(signum, int) else None

    def install_signal_handlers(self) -> None:
        """SIGTERM, SIGINT and SIGHUP stop the supervisor (and its child) cleanly."""
        for signum in STOP_SIGNALS:
            signal.signal(signum, self.request_stop)

    def run(self) -> int:
        """Supervise until the child exits with 0 or keeps finding the lock taken, or a
        stop is requested."""
        backoff = 0.0
        quick_failures = 0
        lock_taken = 0
        while not self._stop:
            started = time.monotonic()
            try:
                child = self._start()
            except OSError as exc:  # the command itself is missing or not executable
                backoff = min(max(1.0, backoff * 2), self.max_backoff_s)
                log.error("the exhibit cannot be started (%s: %s); trying again in %.0f s",
                          self.command[0], exc.strerror or exc, backoff)
                self._wait(backoff)
                continue
            why, code = self._watch(child, started)
            ran = time.monotonic() - started
            if why == "stop" or self._stop:
                self._terminate(child)
                name = signal.Signals(self._signal).name if self._signal else "a request"
                log.info("supervisor stopping (%s): the exhibit was stopped", name)
                return 0
            if why == "exit" and code == 0:
                log.info("the exhibit exited normally after %.0f s; supervisor stops", ran)
                return 0
            if why == "exit" and code == EXIT_ALREADY_RUNNING:
                lock_taken += 1
                if lock_taken >= LOCK_TRIES:
                    log.error("another exhibit is already running (its lock stayed taken "
                              "over %d starts); supervisor stops", lock_taken)
                    return EXIT_ALREADY_RUNNING
                log.warning("another exhibit holds the lock; trying again in %.0f s",
                            self.lock_retry_s)
                self._wait(self.lock_retry_s)
                continue
            lock_taken = 0
            if why in ("hang", "daily"):
                self._terminate(child)
            if ran >= self.stable_s:
                backoff, quick_failures = 0.0, 0
            delay = 0.0 if why == "daily" else backoff
            self.restarts += 1
            if why == "exit":
                error = self._last_error()
                log.error("the exhibit stopped with exit code %s after %.1f s; restart %d in "
                          "%.0f s%s", code, ran, self.restarts, delay,
                          f"; its last error: {error}" if error else "")
            elif why == "hang":
                log.error("the exhibit gave no sign of life for %.0f s (hung) after %.1f s; "
                          "stopped it; restart %d in %.0f s", self.heartbeat_timeout_s, ran,
                          self.restarts, delay)
            else:
                log.info("daily restart (%s)", self.daily_restart)
                if self.safe_reason:
                    log.info("leaving safe mode: trying the usual content and settings")
                self.safe_reason, quick_failures = "", 0
            if why != "daily":
                quick_failures += 1
                backoff = min(max(1.0, backoff * 2), self.max_backoff_s)
                if quick_failures >= SAFE_AFTER and not self.safe_reason:
                    cause = (self._last_error() if why == "exit" else "") or \
                        ("it hung" if why == "hang" else f"exit code {code}")
                    self.safe_reason = (f"the exhibit failed {quick_failures} times in a row "
                                        f"at start; last error: {cause}")
                    log.error("starting in safe mode (bundled content, default settings): "
                              "%s", self.safe_reason)
                if delay >= self.max_backoff_s:
                    log.error("the exhibit keeps failing: waiting %.0f s between starts "
                              "(see the log above for its errors)", delay)
            self._wait(delay)
        return 0

    # --- the child ------------------------------------------------------------------------
    def _start(self) -> subprocess.Popen[bytes]:
        self._beat = self._heartbeat_file()
        env = dict(self.env)
        env[SUPERVISOR_ENV] = str(os.getpid())
        if self._beat is not None:
            env[HEARTBEAT_ENV] = str(self._beat)
        if self.safe_reason:
            env[SAFE_MODE_ENV] = self.safe_reason
        else:
            env.pop(SAFE_MODE_ENV, None)
        self._crash_size = self._crash_log_size()
        log.info("starting the exhibit%s: %s", " in safe mode" if self.safe_reason else "",
                 " ".join(self.command))
        self._stderr.clear()
        self._child = subprocess.Popen(self.command, env=env, stderr=subprocess.PIPE)
        self._reader = threading.Thread(target=self._pass_stderr, args=(self._child,),
                                        name="child-stderr", daemon=True)
        self._reader.start()
        return self._child

    def _pass_stderr(self, child: subprocess.Popen[bytes]) -> None:
        """Copy the child's standard error to ours (the terminal, the journal) and keep
        its last lines for the log."""
        assert child.stderr is not None
        out = getattr(sys.stderr, "buffer", None)
        for raw in iter(child.stderr.readline, b""):
            self._stderr.append(raw.decode("utf-8", errors="replace"))
            try:
                if out is not None:
                    out.write(raw)
                    out.flush()
            except (OSError, ValueError):
                out = None  # our own stderr is gone; keep reading so the child never blocks
        child.stderr.close()

    def _last_error(self) -> str:
        if self._reader is not None:
            self._reader.join(timeout=2.0)  # the rest of its output, now that it ended
        crash = ""
        if self.crash_log is not None:
            try:
                with self.crash_log.open("rb") as f:
                    f.seek(self._crash_size)
                    crash = f.read(64_000).decode("utf-8", errors="replace")
            except OSError:
                crash = ""
        return last_error(list(self._stderr), crash)

    def _crash_log_size(self) -> int:
        try:
            return self.crash_log.stat().st_size if self.crash_log is not None else 0
        except OSError:
            return 0

    def _heartbeat_file(self) -> Path | None:
        """A heartbeat file that can be written: the usual one, else one in the temporary
        folder, else None (then no hang can be seen; said once)."""
        if self._beat is not None and _touch(self._beat):
            return self._beat
        if _touch(self.heartbeat):
            return self.heartbeat
        spare = Path(tempfile.gettempdir()) / f"minusma-kiosk-heartbeat-{os.getpid()}"
        if _touch(spare):
            log.warning("the heartbeat file %s cannot be written: using %s instead",
                        self.heartbeat, spare)
            return spare
        log.error("no heartbeat file can be written (%s, nor the temporary folder): a hung "
                  "exhibit will not be noticed", self.heartbeat)
        return None

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
            if self._beat is not None:
                try:
                    age = time.time() - self._beat.stat().st_mtime
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


def _touch(path: Path) -> bool:
    """Touch ``path`` (its folder made if needed); False if it cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()
        return True
    except OSError:
        return False
