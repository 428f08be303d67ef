"""One exhibit at a time on a machine (per user): a lock file held while it runs.

Qt's ``QLockFile`` writes the holder's process id and host; a lock left by a
process that no longer exists (a crash, a power cut) is taken over at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

LOCK_NAME = "instance.lock"


class SingleInstance:
    """Holds the instance lock in ``folder`` from :meth:`acquire` until :meth:`release`."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / LOCK_NAME
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # only a dead holder's lock is stale, never an old one

    def acquire(self) -> bool:
        """Take the lock; False if another exhibit holds it."""
        if self._lock.tryLock(0):
            return True
        # A holder that died leaves a lock QLockFile can remove.
        if self._lock.error() == QLockFile.LockError.LockFailedError \
                and self._lock.removeStaleLockFile():
            return self._lock.tryLock(0)
        return False

    def holder(self) -> int | None:
        """The process id holding the lock, if it can be read."""
        pid = self._lock.getLockInfo()[0]  # (pid, host, app); pid 0 if unreadable
        return int(pid) or None

    def release(self) -> None:
        """Let the next exhibit start."""
        self._lock.unlock()
