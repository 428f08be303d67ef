"""The admin PIN: stored only as a salted scrypt hash; wrong guesses slow down.

A hash reads ``scrypt$32768$8$1$<salt>$<hash>`` (base64). The PIN itself is
never stored or logged. A PIN is 8 to 12 ASCII digits (what the on-screen pad
types). Why 8: the hash sits in the configuration file; whoever can read that
file can try PINs offline at the cost of one scrypt each (about 0.12 s and
32 MiB on a laptop core). A 4-digit PIN then falls in minutes, an 8-digit one
takes about 10^8 / 2 x 0.12 s, some 70 core-days on average. The file is also
kept readable by its owner only (``config_file.write_private``).

After 3 wrong PINs in a row the pad locks for 30 s, and each further wrong PIN
doubles the wait, up to 15 minutes. The count and the lock are kept in a small
file in the data folder, so restarting the exhibit gives no fresh tries.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

N, R, P = 2**15, 8, 1
MIN_DIGITS, MAX_DIGITS = 8, 12
FREE_TRIES = 3
FIRST_LOCK_S = 30.0
LONGEST_LOCK_S = 900.0
#: The file in the data folder that keeps wrong tries across restarts.
LOCK_STATE_NAME = "admin-lock.json"
_PIN = re.compile(rf"[0-9]{{{MIN_DIGITS},{MAX_DIGITS}}}")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """The stored form of ``pin``.

    Raises
    ------
    ValueError
        If ``pin`` is not 8 to 12 ASCII digits (other scripts' digits, such as
        Arabic-Indic ones, cannot be typed on the pad).
    """
    if not _PIN.fullmatch(pin):
        raise ValueError(f"a PIN is {MIN_DIGITS} to {MAX_DIGITS} digits 0-9 "
                         "(what the on-screen pad can type)")
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=N, r=R, p=P, dklen=32,
                            maxmem=_maxmem(N, R))
    return f"scrypt${N}${R}${P}${_b64(salt)}${_b64(digest)}"


def _maxmem(n: int, r: int) -> int:
    return 128 * r * (n + 2) + 1024 * 1024  # scrypt's need, and some room


def is_weak_hash(stored: str) -> bool:
    """Whether ``stored`` was made at a lower cost than :data:`N` (an older rule)."""
    try:
        return int(stored.split("$")[1]) < N
    except (IndexError, ValueError):
        return False


def check_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches the stored hash (False for a malformed hash)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt" or not int(n) <= 2**20:
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(pin.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r),
                             p=int(p), dklen=len(expected), maxmem=_maxmem(int(n), int(r)))
    except (ValueError, TypeError, MemoryError):
        return False
    return hmac.compare_digest(got, expected)


class PinGate:
    """Checks PINs against a hash, with a growing lock after wrong ones.

    Parameters
    ----------
    stored
        The stored hash (empty: no PIN set, nothing opens the gate).
    clock
        Seconds since the epoch (``time.time``; tests pass their own). Wall time,
        not a monotonic clock: the lock must outlive the process.
    state_path
        Where the wrong tries and the lock are kept between runs (None: in memory
        only). A file that cannot be read or written is logged, and the gate goes
        on in memory.
    """

    def __init__(self, stored: str, clock: Callable[[], float] = time.time,
                 state_path: Path | None = None) -> None:
        self._stored = stored
        self._clock = clock
        self._path = state_path
        self._wrong = 0
        self._locked_until = 0.0
        self._load()

    @property
    def configured(self) -> bool:
        """Whether a PIN is set."""
        return bool(self._stored)

    @property
    def wrong_tries(self) -> int:
        """Wrong PINs in a row so far."""
        return self._wrong

    def wait_s(self) -> float:
        """Seconds before another PIN may be tried (0: now)."""
        return max(0.0, self._locked_until - self._clock())

    def try_pin(self, pin: str) -> bool:
        """True if ``pin`` is right; a wrong PIN (or any PIN while locked) is False."""
        if not self.configured or self.wait_s() > 0:
            return False
        if check_pin(pin, self._stored):
            self._wrong = 0
            self._save()
            return True
        self._wrong += 1
        if self._wrong >= FREE_TRIES:
            lock = FIRST_LOCK_S * 2 ** min(self._wrong - FREE_TRIES, 16)
            self._locked_until = self._clock() + min(lock, LONGEST_LOCK_S)
        self._save()
        return False

    def _load(self) -> None:
        if self._path is None:
            return
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
            wrong, until = int(data["wrong"]), float(data["locked_until"])
        except FileNotFoundError:
            return
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("admin lock state %s unreadable (%s); starting with no wrong tries",
                        self._path, exc)
            return
        if wrong < 0 or until != until:  # NaN
            return
        self._wrong = wrong
        # A clock set back must not lock staff out for longer than the longest lock.
        self._locked_until = min(until, self._clock() + LONGEST_LOCK_S)

    def _save(self) -> None:
        if self._path is None:
            return
        from minusma_kiosk.kiosk.config_file import write_private

        try:
            write_private(self._path, json.dumps({"wrong": self._wrong,
                                                  "locked_until": self._locked_until}))
        except OSError as exc:
            log.warning("admin lock state %s not saved (%s): a restart would forget "
                        "the wrong tries", self._path, exc)
