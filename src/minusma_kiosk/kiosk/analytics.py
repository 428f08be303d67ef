"""Local, anonymous visit counts: what the exhibit's visitors looked at, never who they are.

A **session** runs from the first touch after the attract loop to the reset
(nobody answered "Still there?"). Within it: the screens shown and how long
(``screen``), the buttons tapped by their names (``tap``), the events and cards
opened (``event``, ``card``), language switches (``language``). Nothing else:
no text typed, no positions, no times finer than the second, nothing personal.
Everything goes to one SQLite file on this machine and is never sent anywhere.

A failing database never stops the exhibit and never loses what it holds:

* **damaged** (not a database, or a malformed one: a power cut, a bad disk): the
  file is moved aside as ``analytics.sqlite3.damaged-<time>`` (never deleted;
  ``minusma-kiosk stats --file`` reads what is left of it), a new database is
  started, and the log and the admin panel say so (:attr:`Analytics.notices`);
* **out of reach** for a while (disk full, file locked, a folder that cannot be
  written): that record is dropped, the log says so once, and the next visit
  tries again.

The report (``minusma-kiosk stats``) is :mod:`.visit_report`.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("minusma_kiosk.analytics")

DB_NAME = "analytics.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,          -- local time, to the second
    ended TEXT,
    end_reason TEXT,                -- idle | exit | restart
    language TEXT NOT NULL          -- the language at the first touch
);
CREATE TABLE IF NOT EXISTS events (
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    at TEXT NOT NULL,
    kind TEXT NOT NULL,             -- screen | tap | event | card | language | setting
    name TEXT NOT NULL,
    dwell_s REAL                    -- screens: seconds shown
);
CREATE INDEX IF NOT EXISTS events_session ON events(session_id);
"""


def _stamp(moment: dt.datetime) -> str:
    return moment.replace(microsecond=0).isoformat()


#: SQLite's result codes for a file that is damaged, not merely out of reach.
_DAMAGED = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


class Damaged(Exception):
    """The database file is damaged (its integrity check failed)."""


def is_damage(exc: BaseException) -> bool:
    """Whether ``exc`` says the file is damaged (rather than locked, full, read-only)."""
    if isinstance(exc, Damaged):
        return True
    return isinstance(exc, sqlite3.DatabaseError) and (
        getattr(exc, "sqlite_errorcode", None) in _DAMAGED
        or "malformed" in str(exc) or "not a database" in str(exc))


class Analytics:
    """Records sessions into ``path`` (created if needed).

    Parameters
    ----------
    path
        The SQLite file.
    now
        The clock (local time; tests pass their own).

    Attributes
    ----------
    notices
        What staff should know about the database (moved aside, out of reach), for the
        admin panel; empty when all is well.
    """

    def __init__(self, path: Path,
                 now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self.path = path
        self._now = now
        self._db: sqlite3.Connection | None = None
        self._session: int | None = None
        self._screen: tuple[str, dt.datetime] | None = None
        self._failing = False
        self.notices: list[str] = []
        self._open()

    def _open(self) -> None:
        """Open (or create) the file; a damaged one is moved aside and a new one started."""
        for attempt in (1, 2):
            try:
                self._db = self._connect()
                if self._failing:
                    log.info("visit counts resumed (%s)", self.path)
                self._failing = False
                return
            except (sqlite3.Error, OSError, Damaged) as exc:
                if attempt == 1 and is_damage(exc) and self._move_aside(exc):
                    continue
                self._fail(exc)
                return

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path)
        try:
            check = db.execute("PRAGMA quick_check").fetchone()
            if not check or check[0] != "ok":
                raise Damaged(f"integrity check: {check[0] if check else 'no answer'}")
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(_SCHEMA)
            # A session left open by a crash or a power cut ends where it stopped.
            db.execute("UPDATE sessions SET ended = started, end_reason = 'restart' "
                       "WHERE ended IS NULL")
            db.commit()
        except BaseException:
            db.close()
            raise
        return db

    def _move_aside(self, exc: BaseException) -> bool:
        """Rename the damaged file (and its journal) out of the way; False if it cannot be."""
        self._close_quietly()
        stamp = self._now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        n = 1
        while aside.exists():  # never over an earlier one
            n += 1
            aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}-{n}")
        try:
            self.path.rename(aside)
            for suffix in ("-wal", "-shm"):
                companion = self.path.with_name(self.path.name + suffix)
                if companion.exists():
                    companion.rename(aside.with_name(aside.name + suffix))
        except OSError as move_exc:
            notice = (f"visit database {self.path} is damaged ({exc}) and cannot be moved "
                      f"aside ({move_exc.strerror or move_exc}): visit counts are off until "
                      "it is moved or removed by hand")
            log.error("%s", notice)
            self.notices.append(notice)
            return False
        notice = (f"visit database damaged ({exc}): moved aside as {aside.name}, a new one "
                  "started")
        log.error("%s (in %s; 'minusma-kiosk stats --file %s' reads what is left of it)",
                  notice, self.path.parent, aside)
        self.notices.append(notice)
        return True

    @property
    def in_session(self) -> bool:
        """Whether a visit is being recorded."""
        return self._session is not None

    def start_session(self, language: str) -> None:
        """A visitor's first touch."""
        if self._session is not None:
            self.end_session("restart")
        if self._db is None:
            self._open()  # out of reach last time: try again for this visit
        if self._db is None:
            return
        self._run("INSERT INTO sessions (started, language) VALUES (?, ?)",
                  (_stamp(self._now()), language))
        if self._db is not None:
            row = self._db.execute("SELECT last_insert_rowid()").fetchone()
            self._session = int(row[0])

    def screen(self, name: str) -> None:
        """A screen is shown (the previous one's time on screen is recorded)."""
        self._close_screen()
        if self._session is not None:
            self._screen = (name, self._now())

    def record(self, kind: str, name: str) -> None:
        """A tap on a named button, an event or card opened, a language chosen."""
        if self._session is not None:
            self._run("INSERT INTO events (session_id, at, kind, name) VALUES (?, ?, ?, ?)",
                      (self._session, _stamp(self._now()), kind, name))

    def end_session(self, reason: str) -> None:
        """The visit is over (``idle``: nobody answered; ``exit``: staff stopped the exhibit)."""
        if self._session is None:
            return
        self._close_screen()
        self._run("UPDATE sessions SET ended = ?, end_reason = ? WHERE id = ?",
                  (_stamp(self._now()), reason, self._session))
        self._session = None

    def close(self) -> None:
        """End any session and close the file."""
        self.end_session("exit")
        self._close_quietly()

    def _close_screen(self) -> None:
        if self._screen is None or self._session is None:
            self._screen = None
            return
        name, since = self._screen
        self._screen = None
        now = self._now()
        self._run("INSERT INTO events (session_id, at, kind, name, dwell_s) "
                  "VALUES (?, ?, 'screen', ?, ?)",
                  (self._session, _stamp(since), name, (now - since).total_seconds()))

    def _run(self, sql: str, args: tuple[object, ...]) -> None:
        if self._db is None:
            return
        try:
            self._db.execute(sql, args)
            self._db.commit()
        except sqlite3.Error as exc:
            self._session = None  # this visit's rows are not all there: count it no further
            if is_damage(exc) and self._move_aside(exc):
                self._open()
            else:
                self._fail(exc)

    def _fail(self, exc: BaseException) -> None:
        if not self._failing:  # once per failure, not once per tap
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            log.error("visit counts stopped (%s: %s); the exhibit goes on, and tries again "
                      "at the next visit", self.path, why)
            self.notices.append(f"visit counts are off: {self.path} cannot be used ({why})")
        self._failing = True
        self._close_quietly()
        self._session = None

    def _close_quietly(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None
