"""Visit counts: sessions, screens and their time, taps, summary, CSV, failures."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from minusma_kiosk.kiosk.analytics import Analytics
from minusma_kiosk.kiosk.visit_report import export_csv, summarize


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 2, 10, 0, 0)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


def visit(a: Analytics, clock: Clock, minutes: float, lang: str = "en") -> None:
    a.start_session(lang)
    a.screen("timeline")
    a.record("event", "e2013_serval")
    a.record("tap", "timeline_play")
    clock.advance(minutes * 30)
    a.screen("cards")
    a.record("card", "terror_groups")
    clock.advance(minutes * 30)
    a.end_session("idle")


def test_a_visit_is_recorded_and_summarized(tmp_path):
    clock = Clock()
    db = tmp_path / "a.sqlite3"
    a = Analytics(db, now=clock)
    visit(a, clock, 2)
    clock.advance(3600)
    visit(a, clock, 4, lang="fr")
    clock.now = dt.datetime(2026, 11, 3, 9, 0)
    visit(a, clock, 6)
    a.close()
    s = summarize(db)
    assert s.sessions_per_day == [("2026-11-02", 2), ("2026-11-03", 1)]
    assert s.median_session_s == 240
    assert s.screens == [("timeline", 3, 360.0), ("cards", 3, 360.0)]
    assert s.events == [("e2013_serval", 3)] and s.cards == [("terror_groups", 3)]
    assert s.taps == [("timeline_play", 3)]
    assert dict(s.languages) == {"en": 2, "fr": 1}
    assert s.resets == 3
    text = s.text()
    assert "Visits: 3 on 2 days" in text and "Median visit: 4.0 min" in text
    assert summarize(db, dt.date(2026, 11, 3)).sessions_per_day == [("2026-11-03", 1)]


def test_nothing_is_recorded_outside_a_visit(tmp_path):
    db = tmp_path / "a.sqlite3"
    a = Analytics(db)
    a.screen("timeline")
    a.record("tap", "timeline_play")
    a.close()
    assert summarize(db).text() == "No visits recorded in this period."


def test_a_visit_cut_by_a_crash_is_closed_at_the_next_start(tmp_path):
    db = tmp_path / "a.sqlite3"
    a = Analytics(db)
    a.start_session("en")
    a._db.close()  # the process died
    a._db = None
    Analytics(db).close()
    s = summarize(db)
    assert s.sessions_per_day and s.median_session_s is None  # not counted as a visit length


def test_csv_has_every_record_with_its_session(tmp_path):
    clock = Clock()
    db = tmp_path / "a.sqlite3"
    a = Analytics(db, now=clock)
    visit(a, clock, 2)
    a.close()
    out = tmp_path / "out" / "visits.csv"
    assert export_csv(db, out) == 5
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {r["kind"] for r in rows} == {"screen", "event", "tap", "card"}
    assert all(r["session"] == "1" and r["end_reason"] == "idle" for r in rows)


def test_a_broken_database_is_logged_and_the_exhibit_goes_on(tmp_path, caplog):
    folder = tmp_path / "not-a-file.sqlite3"
    folder.mkdir()
    a = Analytics(folder)
    a.start_session("en")
    a.record("tap", "x")
    a.end_session("idle")
    assert "visit counts stopped" in caplog.text


@pytest.mark.adversarial(item=5)
def test_a_damaged_file_is_moved_aside_and_recording_goes_on(tmp_path, caplog):
    db = tmp_path / "a.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    clock = Clock()
    a = Analytics(db, now=clock)
    visit(a, clock, 2)
    a.close()
    aside = tmp_path / "a.sqlite3.damaged-20261102-100000"
    assert aside.read_bytes() == b"this is not a database" * 100  # kept, never deleted
    assert summarize(db).sessions_per_day == [("2026-11-02", 1)]  # the visit was recorded
    assert a.notices == ["visit database damaged (file is not a database): moved aside as "
                         "a.sqlite3.damaged-20261102-100000, a new one started"]


@pytest.mark.adversarial(item=5)
def test_a_second_damage_in_the_same_second_does_not_overwrite_the_first(tmp_path):
    db = tmp_path / "a.sqlite3"
    clock = Clock()
    for n in range(2):
        db.write_bytes(b"junk %d" % n * 500)
        Analytics(db, now=clock).close()
    assert sorted(p.name for p in tmp_path.glob("a.sqlite3.damaged-*")) == [
        "a.sqlite3.damaged-20261102-100000", "a.sqlite3.damaged-20261102-100000-2"]


@pytest.mark.adversarial(item=5)
def test_damage_found_while_recording_moves_the_file_aside(tmp_path):
    db = tmp_path / "a.sqlite3"
    clock = Clock()
    a = Analytics(db, now=clock)
    a.start_session("en")
    a._db.close()
    db.write_bytes(b"overwritten by something else" * 200)  # the disk went bad
    import sqlite3

    a._db = sqlite3.connect(db)
    a.record("tap", "x")  # fails: not a database → moved aside, a new one started
    visit(a, clock, 1)
    a.close()
    assert list(tmp_path.glob("a.sqlite3.damaged-*"))
    assert summarize(db).sessions_per_day == [("2026-11-02", 1)]


@pytest.mark.adversarial(item=2)
def test_a_folder_that_cannot_be_used_is_tried_again_at_the_next_visit(tmp_path, caplog):
    caplog.set_level("INFO", logger="minusma_kiosk.analytics")
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")
    db = blocker / "a.sqlite3"
    clock = Clock()
    a = Analytics(db, now=clock)
    assert a.notices and "visit counts are off" in a.notices[0]
    visit(a, clock, 1)
    assert caplog.text.count("visit counts stopped") == 1  # once, not once per tap
    blocker.unlink()  # staff fixed it
    visit(a, clock, 1)
    a.close()
    assert "visit counts resumed" in caplog.text
    assert summarize(db).sessions_per_day == [("2026-11-02", 1)]
