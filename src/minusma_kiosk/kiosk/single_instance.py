"""One exhibit at a time on a machine (per user): a lock file held while it runs.

Qt's ``QLockFile`` writes the holder's process id and host; a lock left by a
process that no longer exists (a crash, a power cut) is taken over at once.

Only a lock held by a living exhibit means "already running". A data folder the
exhibit cannot write is not that: the lock is then taken in the system's
temporary folder instead, and if that fails too the exhibit runs without one
(:func:`claim` says which, for the log and the admin panel).
"""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

LOCK_NAME = "instance.lock"


class Outcome(enum.Enum):
    """What :meth:`SingleInstance.acquire` found."""

    ACQUIRED = "acquired"
    HELD = "held"              # another exhibit is running
    UNAVAILABLE = "unavailable"  # the lock file cannot be made here


class SingleInstance:
    """Holds the instance lock in ``folder`` from :meth:`acquire` until :meth:`release`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOCK_NAME
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # only a dead holder's lock is stale, never an old one
        #: Why the lock could not be made (with :attr:`Outcome.UNAVAILABLE`).
        self.reason = ""

    def acquire(self) -> Outcome:
        """Take the lock."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.reason = f"{self.folder} cannot be created ({exc.strerror or exc})"
            return Outcome.UNAVAILABLE
        if self._lock.tryLock(0):
            return Outcome.ACQUIRED
        error = self._lock.error()
        # A holder that died leaves a lock QLockFile can remove.
        if error == QLockFile.LockError.LockFailedError:
            if self._lock.removeStaleLockFile() and self._lock.tryLock(0):
                return Outcome.ACQUIRED
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                return Outcome.HELD
            error = self._lock.error()
        why = ("permission denied" if error == QLockFile.LockError.PermissionError
               else "the lock file cannot be written")
        self.reason = f"{self.folder} cannot be written ({why})"
        return Outcome.UNAVAILABLE

    def holder(self) -> int | None:
        """The process id holding the lock, if it can be read."""
        pid = self._lock.getLockInfo()[0]  # (pid, host, app); pid 0 if unreadable
        return int(pid) or None

    def release(self) -> None:
        """Let the next exhibit start."""
        self._lock.unlock()


@dataclass
class Claim:
    """The outcome of :func:`claim`."""

    lock: SingleInstance | None  # what to release at the end (None: nothing held)
    other: int | None = None     # another exhibit holds the lock: its process id, or 0
    notice: str = ""             # the lock is not where it belongs, and why


def fallback_folder(folder: Path) -> Path:
    """A folder in the system's temporary folder standing in for ``folder`` (one per
    user and per data folder, so two exhibits with different data still both run)."""
    import hashlib
    import tempfile

    tag = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:12]
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"minusma-kiosk-{uid}-{tag}"


def claim(folder: Path) -> Claim:
    """Take the instance lock in ``folder``, else in :func:`fallback_folder`."""
    lock = SingleInstance(folder)
    outcome = lock.acquire()
    if outcome is Outcome.ACQUIRED:
        return Claim(lock)
    if outcome is Outcome.HELD:
        return Claim(None, other=lock.holder() or 0)
    first = lock.reason
    spare = SingleInstance(fallback_folder(folder))
    outcome = spare.acquire()
    if outcome is Outcome.ACQUIRED:
        return Claim(spare, notice=f"the data folder {first}: the instance lock is in "
                                   f"{spare.folder} instead")
    if outcome is Outcome.HELD:
        return Claim(None, other=spare.holder() or 0)
    return Claim(None, notice=f"the data folder {first}, and so is {spare.reason}: "
                              "running without the one-exhibit-at-a-time lock")
