"""The report of the kiosk's visit counts (``minusma-kiosk stats``): a summary and a CSV.

The database is only read, never changed (the exhibit may be running). A
damaged file gives what can still be read of it, and says how much; a file that
is not a visit database at all is one clear error (:class:`Unreadable`).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import sqlite3
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minusma_kiosk.kiosk.analytics import is_damage

#: A session as read: id, started, ended, end_reason, language.
SessionRow = tuple[int, str, str | None, str | None, str]
#: An event as read: session id, at, kind, name, seconds shown (screens).
EventRow = tuple[int, str, str, str, float | None]

_SESSIONS = "SELECT id, started, ended, end_reason, language FROM sessions"
_EVENTS = "SELECT session_id, at, kind, name, dwell_s FROM events"


class Unreadable(Exception):
    """The file cannot be read as a visit database; the message says why, in one line."""


@dataclass(frozen=True)
class Visits:
    """What could be read: sessions and their events, and whether the file is damaged."""

    sessions: list[SessionRow]  # by start time
    events: list[EventRow]
    damage: str = ""       # why part of the file could not be read ("" when all could)


def read_visits(path: Path, since: dt.date | None = None) -> Visits:
    """Every session from ``since`` on, with its events.

    A file cut short (a disk that filled up, a copy that stopped) often cannot be
    opened at all, since its header promises pages it lacks: then a copy with the
    header mended is read instead, which gives back the pages that are there.

    Raises
    ------
    Unreadable
        If ``path`` cannot be opened, is not a database, or holds no visit tables.
    """
    visits = _read(path, since)
    if visits.damage and not visits.sessions:
        mended = _mended_copy(path)
        if mended is not None:
            try:
                again = _read(mended, since)
            except Unreadable:
                again = visits
            finally:
                mended.unlink(missing_ok=True)
            if again.sessions:
                return Visits(again.sessions, again.events, visits.damage)
    return visits


def _mended_copy(path: Path) -> Path | None:
    """A temporary copy of ``path`` whose header matches what is left of the file: its
    page count, and the rollback journal instead of a write-ahead log that is gone."""
    import struct
    import tempfile

    try:
        data = bytearray(path.read_bytes())
    except OSError:
        return None
    if len(data) < 100 or not data.startswith(b"SQLite format 3\0"):
        return None
    page = struct.unpack(">H", data[16:18])[0]
    page = 65536 if page == 1 else page
    if page < 512 or len(data) < page:
        return None
    data[18:20] = b"\x01\x01"
    data[28:32] = struct.pack(">I", len(data) // page)
    fd, name = tempfile.mkstemp(suffix=".sqlite3")
    with open(fd, "wb") as f:
        f.write(data[: len(data) // page * page])
    return Path(name)


def _read(path: Path, since: dt.date | None) -> Visits:
    try:
        db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise Unreadable(f"{path} cannot be opened ({exc})") from None
    damage: list[str] = []
    try:
        sessions = _rows(db, _SESSIONS, damage, path)
        events = _rows(db, _EVENTS, damage, path)
    finally:
        db.close()
    start = since.isoformat() if since else ""
    sessions = sorted((s for s in sessions if s[1] >= start), key=lambda s: (s[1], s[0]))
    ids = {s[0] for s in sessions}
    events = sorted((e for e in events if e[0] in ids), key=lambda e: (e[1], e[0]))
    return Visits(sessions, events, "; ".join(dict.fromkeys(damage)))


def _rows(db: sqlite3.Connection, sql: str, damage: list[str],
          path: Path) -> list[tuple[Any, ...]]:
    """The rows of ``sql`` one at a time, so that a damaged page ends the reading there
    and the rows before it are kept (no ORDER BY: sorting would read them all first)."""
    rows: list[tuple[Any, ...]] = []
    try:
        for row in db.execute(sql):
            rows.append(tuple(row))
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            if "no such table" in str(exc):
                raise Unreadable(f"{path} holds no visit counts (it is empty or is not "
                                 "the exhibit's visit database)") from None
            raise Unreadable(f"{path} cannot be read ({exc})") from None
        if not rows and "not a database" in str(exc):
            raise Unreadable(f"{path} is not a visit database ({exc}). If it is the "
                             "exhibit's, the exhibit moves it aside at its next start "
                             "and begins a new one") from None
        damage.append(str(exc))
    return rows


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
    #: Why part of the file could not be read ("" when all of it could).
    damage: str = ""

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
    """Read the file at ``path`` (visits from ``since`` on).

    Raises
    ------
    Unreadable
        See :func:`read_visits`.
    """
    visits = read_visits(path, since)
    sessions = visits.sessions
    per_day = Counter(s[1][:10] for s in sessions)
    lengths = [(dt.datetime.fromisoformat(s[2]) - dt.datetime.fromisoformat(s[1])).total_seconds()
               for s in sessions if s[2] and s[3] != "restart"]
    shown: Counter[str] = Counter()
    dwell: dict[str, float] = {}
    by_kind: dict[str, Counter[str]] = {k: Counter() for k in ("tap", "event", "card",
                                                                "language", "setting")}
    for _session, _at, kind, name, seconds in visits.events:
        if kind == "screen":
            shown[name] += 1
            dwell[name] = dwell.get(name, 0.0) + (seconds or 0.0)
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
        settings=by_kind["setting"].most_common(), damage=visits.damage)


def export_csv(path: Path, out: Path, since: dt.date | None = None) -> int:
    """Every recorded event with its session, one row each; returns the number of rows.

    Raises
    ------
    Unreadable
        See :func:`read_visits`.
    OSError
        If ``out`` cannot be written.
    """
    visits = read_visits(path, since)
    by_session: dict[int, list[EventRow]] = {}
    for event in visits.events:
        by_session.setdefault(event[0], []).append(event)
    rows: list[tuple[object, ...]] = []
    for session in visits.sessions:
        events = by_session.get(session[0])
        rows += [(*session, *event[1:]) for event in events] if events \
            else [(*session, None, None, None, None)]
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["session", "session_started", "session_ended", "end_reason",
                         "first_language", "at", "kind", "name", "seconds_shown"])
        writer.writerows(rows)
    return len(rows)
