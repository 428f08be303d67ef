"""The admin PIN: stored only as a salted scrypt hash; wrong guesses slow down.

A hash reads ``scrypt$16384$8$1$<salt>$<hash>`` (base64). The PIN itself is
never stored or logged. After 3 wrong PINs in a row the pad locks for 30 s,
and each further wrong PIN doubles the wait, up to 15 minutes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import time
from collections.abc import Callable

N, R, P = 2**14, 8, 1
FREE_TRIES = 3
FIRST_LOCK_S = 30.0
LONGEST_LOCK_S = 900.0


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """The stored form of ``pin``."""
    if not (pin.isdigit() and 4 <= len(pin) <= 12):
        raise ValueError("a PIN is 4 to 12 digits")
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${_b64(salt)}${_b64(digest)}"


def check_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches the stored hash (False for a malformed hash)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(pin.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r),
                             p=int(p), dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


class PinGate:
    """Checks PINs against a hash, with a growing lock after wrong ones.

    Parameters
    ----------
    stored
        The stored hash (empty: no PIN set, nothing opens the gate).
    clock
        Seconds from any fixed point (``time.monotonic``; tests pass their own).
    """

    def __init__(self, stored: str, clock: Callable[[], float] = time.monotonic) -> None:
        self._stored = stored
        self._clock = clock
        self._wrong = 0
        self._locked_until = 0.0

    @property
    def configured(self) -> bool:
        """Whether a PIN is set."""
        return bool(self._stored)

    def wait_s(self) -> float:
        """Seconds before another PIN may be tried (0: now)."""
        return max(0.0, self._locked_until - self._clock())

    def try_pin(self, pin: str) -> bool:
        """True if ``pin`` is right; a wrong PIN (or any PIN while locked) is False."""
        if not self.configured or self.wait_s() > 0:
            return False
        if check_pin(pin, self._stored):
            self._wrong = 0
            return True
        self._wrong += 1
        if self._wrong >= FREE_TRIES:
            lock = FIRST_LOCK_S * 2 ** (self._wrong - FREE_TRIES)
            self._locked_until = self._clock() + min(lock, LONGEST_LOCK_S)
        return False
