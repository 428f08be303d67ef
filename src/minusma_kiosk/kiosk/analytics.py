"""Local, anonymous visit counts: what the exhibit's visitors looked at, never who they are.

A **session** runs from the first touch after the attract loop to the reset
(nobody answered "Still there?"). Within it: the screens shown and how long
(``screen``), the buttons tapped by their names (``tap``), the events and cards
opened (``event``, ``card``), language switches (``language``). Nothing else:
no text typed, no positions, no times finer than the second, nothing personal.
Everything goes to one SQLite file on this machine and is never sent anywhere.

A failing database (disk full, file locked) is logged once and recording stops;
the exhibit goes on.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import logging
import sqlite3
import statistics
from collections import Counter
from dataclasses import dataclass
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


class Analytics:
    """Records sessions into ``path`` (created if needed).

    Parameters
    ----------
    path
        The SQLite file.
    now
        The clock (local time; tests pass their own).
    """

    def __init__(self, path: Path, now=dt.datetime.now) -> None:
        self.path = path
        self._now = now
        self._db: sqlite3.Connection | None = None
        self._session: int | None = None
        self._screen: tuple[str, dt.datetime] | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
            # A session left open by a crash or a power cut ends where it stopped.
            self._db.execute("UPDATE sessions SET ended = started, end_reason = 'restart' "
                             "WHERE ended IS NULL")
            self._db.commit()
        except (sqlite3.Error, OSError) as exc:
            self._fail(exc)

    @property
    def in_session(self) -> bool:
        """Whether a visit is being recorded."""
        return self._session is not None

    def start_session(self, language: str) -> None:
        """A visitor's first touch."""
        if self._db is None:
            return
        if self._session is not None:
            self.end_session("restart")
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
        if self._db is not None:
            self._db.close()
            self._db = None

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
            self._fail(exc)

    def _fail(self, exc: Exception) -> None:
        log.error("visit counts stopped (%s: %s); the exhibit goes on", self.path, exc)
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None
        self._session = None


# --- the report ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Summary:
    """What ``minusma-kiosk stats`` prints."""

    sessions_per_day: list[tuple[str, int]]
    median_session_s: float | None
    screens: list[tuple[str, int, float]]   # name, times shown, total seconds
    taps: list[tuple[str, int]]
    events: list[tuple[str, int]]
    cards: list[tuple[str, int]]
    languages: list[tuple[str, int]]
    resets: int
    settings: list[tuple[str, int]] = dataclasses.field(default_factory=list)

    def text(self, top: int = 5) -> str:
        """The summary for a terminal."""
        if not self.sessions_per_day:
            return "No visits recorded in this period."
        total = sum(n for _, n in self.sessions_per_day)
        lines = [f"Visits: {total} on {len(self.sessions_per_day)} days"]
        lines += [f"  {day}  {n}" for day, n in self.sessions_per_day]
        if self.median_session_s is not None:
            lines.append(f"Median visit: {self.median_session_s / 60:.1f} min")
        lines.append(f"Visits ended by the idle reset: {self.resets}")
        lines.append("Screens (times shown, total time):")
        lines += [f"  {name}: {n}, {seconds / 60:.1f} min" for name, n, seconds in self.screens]
        for title, rows in (("Most-opened events", self.events), ("Most-read cards", self.cards),
                            ("Most-tapped buttons", self.taps),
                            ("Languages chosen", self.languages),
                            ("Display settings chosen", self.settings)):
            lines.append(f"{title}:")
            lines += [f"  {name}: {n}" for name, n in rows[:top]] or ["  (none)"]
        return "\n".join(lines)


def summarize(path: Path, since: dt.date | None = None) -> Summary:
    """Read the file at ``path`` (visits from ``since`` on)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        start = since.isoformat() if since else ""
        sessions = db.execute("SELECT id, started, ended, end_reason, language FROM sessions "
                              "WHERE started >= ? ORDER BY started", (start,)).fetchall()
        ids = [s[0] for s in sessions]
        marks = ",".join("?" * len(ids))
        events = db.execute(f"SELECT kind, name, dwell_s FROM events WHERE session_id IN "
                            f"({marks})", ids).fetchall() if ids else []
    finally:
        db.close()
    per_day = Counter(s[1][:10] for s in sessions)
    lengths = [(dt.datetime.fromisoformat(s[2]) - dt.datetime.fromisoformat(s[1])).total_seconds()
               for s in sessions if s[2] and s[3] != "restart"]
    shown: Counter[str] = Counter()
    dwell: Counter[str] = Counter()
    by_kind: dict[str, Counter[str]] = {k: Counter() for k in ("tap", "event", "card",
                                                                "language", "setting")}
    for kind, name, seconds in events:
        if kind == "screen":
            shown[name] += 1
            dwell[name] += seconds or 0.0
        elif kind in by_kind:
            by_kind[kind][name] += 1
    languages = Counter(s[4] for s in sessions) + by_kind["language"]
    return Summary(
        sessions_per_day=sorted(per_day.items()),
        median_session_s=statistics.median(lengths) if lengths else None,
        screens=[(name, n, dwell[name]) for name, n in shown.most_common()],
        taps=by_kind["tap"].most_common(), events=by_kind["event"].most_common(),
        cards=by_kind["card"].most_common(), languages=languages.most_common(),
        resets=sum(1 for s in sessions if s[3] == "idle"),
        settings=by_kind["setting"].most_common())


def export_csv(path: Path, out: Path, since: dt.date | None = None) -> int:
    """Every recorded event with its session, one row each; returns the number of rows."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = db.execute(
            "SELECT s.id, s.started, s.ended, s.end_reason, s.language, e.at, e.kind, e.name, "
            "e.dwell_s FROM sessions s LEFT JOIN events e ON e.session_id = s.id "
            "WHERE s.started >= ? ORDER BY s.started, e.at",
            (since.isoformat() if since else "",)).fetchall()
    finally:
        db.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["session", "session_started", "session_ended", "end_reason",
                         "first_language", "at", "kind", "name", "seconds_shown"])
        writer.writerows(rows)
    return len(rows)
