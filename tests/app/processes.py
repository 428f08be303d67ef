"""Start the real exhibit (and its commands) in child processes, as an IT person would.

Start-up faults can only be seen from outside: a crash, an exit code, what the
terminal and the log say. ``Exhibit`` runs ``python -m minusma_kiosk`` offscreen
with its own configuration, logs and data (``MINUSMA_KIOSK_HOME``) and tells when
its window is up: it beats a heartbeat file, as under the supervisor.

Permissions: as root, files with no permission can still be read, so children
that must meet a permission problem run with root's permission override dropped
(``setpriv`` from util-linux); as another user they run as they are.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def environment(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a child exhibit: offscreen, its own home."""
    env = dict(os.environ, MINUSMA_KIOSK_HOME=str(home), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(REPO / "src"))
    env.pop("MINUSMA_KIOSK_HEARTBEAT", None)
    env.pop("MINUSMA_KIOSK_SAFE_MODE", None)
    env.update(extra)
    return env


def unprivileged() -> list[str]:
    """A command prefix under which file permissions apply, even to root."""
    if os.name != "posix" or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("as root, permission faults need setpriv (util-linux) to drop "
                    "root's override")
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search"]


def command(*args: str, home: Path, unprivileged_: bool = False, timeout: float = 180,
            **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``minusma-kiosk ARGS`` to its end."""
    prefix = unprivileged() if unprivileged_ else []
    return subprocess.run([*prefix, sys.executable, "-m", "minusma_kiosk", *args],
                          env=environment(home, **env), capture_output=True, text=True,
                          timeout=timeout)


@dataclass
class Exhibit:
    """A running exhibit in a child process."""

    process: subprocess.Popen[str]
    home: Path
    beat: Path

    @property
    def log(self) -> str:
        """Its log file so far ('' if it has none)."""
        try:
            return (self.home / "log" / "minusma-kiosk.log").read_text(encoding="utf-8")
        except OSError:
            return ""

    def up(self) -> bool:
        """Whether its window is up (it has beaten since it started)."""
        assert self.process.poll() is None, self.finish()
        return self.beat.exists()

    def stop(self, signum: int = signal.SIGTERM, timeout: float = 30) -> tuple[int, str, str]:
        """Send ``signum`` and wait: (exit code, stdout, stderr)."""
        if self.process.poll() is None:
            self.process.send_signal(signum)
        return self.finish(timeout)

    def finish(self, timeout: float = 30) -> tuple[int, str, str]:
        """Wait for it to end: (exit code, stdout, stderr)."""
        try:
            out, err = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            try:
                out, err = self.process.communicate(timeout=10)
            except subprocess.TimeoutExpired:  # a child of its own still holds the pipes
                for pipe in (self.process.stdout, self.process.stderr):
                    if pipe is not None:
                        pipe.close()
                self.process.wait()
                out, err = "", "(its output pipes were still held by a process it started)"
        return self.process.returncode, out, err


def start(qtbot, home: Path, *args: str, unprivileged_: bool = False, wait: bool = True,
          **env: str) -> Exhibit:
    """Start the exhibit with ``args``; with ``wait``, until its window is up."""
    beat = home.parent / f"{home.name}-beat-{time.monotonic_ns()}"
    prefix = unprivileged() if unprivileged_ else []
    process = subprocess.Popen([*prefix, sys.executable, "-m", "minusma_kiosk", *args],
                               env=environment(home, MINUSMA_KIOSK_HEARTBEAT=str(beat), **env),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    exhibit = Exhibit(process, home, beat)
    if wait:
        try:
            qtbot.waitUntil(exhibit.up, timeout=90_000)
        except BaseException:
            code, out, err = exhibit.stop(signal.SIGKILL)
            pytest.fail(f"the exhibit did not come up (exit {code}):\n{out}\n{err}")
    return exhibit


def wait_for(qtbot, condition, what: str, seconds: float = 60.0) -> None:
    """Until ``condition()`` holds (other processes: polled, no Qt signal to wait on)."""
    try:
        qtbot.waitUntil(condition, timeout=int(seconds * 1000))
    except qtbot.TimeoutError:
        pytest.fail(f"timed out waiting for {what}")
