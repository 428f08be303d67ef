"""The timeline files: valid content, and every kind of mistake a curator can make."""

from __future__ import annotations

import datetime as dt

import pytest

from minusma_kiosk import resources
from minusma_kiosk.content import load_content
from minusma_kiosk.content.model import Category
from tests.content.conftest import assert_problem


def test_bundled_timeline_is_complete_and_sourced():
    result = load_content(resources.content_dir(), check_geography=True)
    assert result.ok, result.problems
    timeline = result.content.timeline
    assert len(timeline.events) >= 45
    assert timeline.events[0].date >= dt.date(2012, 1, 1)
    assert [e.date for e in timeline.events] == sorted(e.date for e in timeline.events)
    assert all(e.source.url.startswith("http") for e in timeline.events)
    assert all(e.gentle.en and e.gentle.fr for e in timeline.events if e.deaths)
    assert {e.category for e in timeline.events} == set(Category)
    assert len(timeline.eras) == 5
    for before, after in zip(timeline.eras, timeline.eras[1:], strict=False):
        assert before.end <= after.start
    kidal = next(p for p in timeline.places if p.id == "kidal")
    assert kidal.region == "Kidal" and kidal.mapped


def test_tiny_timeline_loads(tiny):
    result = tiny.load()
    assert result.ok, result.problems
    timeline = result.content.timeline
    assert [e.id for e in timeline.events] == ["EV1", "EV2"]
    ev2 = timeline.events[1]
    assert ev2.date == dt.date(2013, 7, 1) and ev2.precision == "month" and ev2.place is None
    ber = next(p for p in timeline.places if p.id == "ber")
    assert not ber.mapped and ber.region == "Timbuktu"
    occupation = timeline.occupations[0]
    assert occupation.held_on(dt.date(2012, 6, 1)) and not occupation.held_on(dt.date(2013, 2, 1))
    camp = timeline.camps[0]
    assert camp.open_on(dt.date(2023, 12, 12)) is False and camp.open_on(dt.date(2020, 1, 1)) is None


def test_unknown_region(tiny):
    line = tiny.edit_line("places.csv", "gao,", "gao,Gao,Gao,16.2667,-0.0400,city,Gaoo,src_a,")
    assert_problem(tiny.problems(), "places.csv", line, "unknown region 'Gaoo'", "Kidal")


def test_region_that_does_not_match_the_coordinates(tiny):
    line = tiny.edit_line("places.csv", "gao,", "gao,Gao,Gao,16.2667,-0.0400,city,Kidal,src_a,")
    result = load_content(tiny.path, check_geography=True)
    assert_problem([str(p) for p in result.problems], "places.csv", line,
                   "region 'Kidal' does not match its coordinates", "Gao")


def test_place_without_coordinates(tiny):
    line = tiny.edit_line("places.csv", "gao,", "gao,Gao,Gao,,,city,Gao,src_a,")
    assert_problem(tiny.problems(), "places.csv", line, "place 'gao' has no coordinates",
                   "unknown")


def test_place_outside_mali(tiny):
    line = tiny.edit_line("places.csv", "gao,", "gao,Gao,Gao,-0.0400,16.2667,city,Gao,src_a,")
    assert_problem(tiny.problems(), "places.csv", line, "is not in Mali", "swapped")


def test_event_date_outside_the_period(tiny):
    line = tiny.edit("events.csv", "EV1,2013-01-26", "EV1,2026-01-26")
    assert_problem(tiny.problems(), "events.csv", line, "event EV1: date 2026-01-26",
                   "outside the exhibit's period (2012–2024)")


def test_event_impossible_date(tiny):
    line = tiny.edit("events.csv", "EV1,2013-01-26", "EV1,2013-02-30")
    assert_problem(tiny.problems(), "events.csv", line, "not a real date")


def test_event_missing_and_unknown_source(tiny):
    line = tiny.edit("events.csv", "national,peacekeeping,no,src_b", "national,peacekeeping,no,")
    assert_problem(tiny.problems(), "events.csv", line, "event EV2: the source is empty")
    tiny.edit("events.csv", "national,peacekeeping,no,", "national,peacekeeping,no,nope")
    assert_problem(tiny.problems(), "events.csv", line, "unknown source 'nope'")


def test_event_unknown_place_and_category(tiny):
    line = tiny.edit("events.csv", "gao,conflict,no", "timbuktoo,battle,no")
    problems = tiny.problems()
    assert_problem(problems, "events.csv", line, "unknown place 'timbuktoo'")
    assert_problem(problems, "events.csv", line, "unknown category 'battle'")


def test_event_with_deaths_needs_a_gentle_text(tiny):
    line = tiny.edit("events.csv", "gao,conflict,no", "gao,conflict,yes")
    assert_problem(tiny.problems(), "events.csv", line, "needs gentle_en")


def test_event_title_too_long(tiny):
    line = tiny.edit("events.csv", "Gao retaken,", "One two three four five six seven eight nine,")
    assert_problem(tiny.problems(), "events.csv", line, "title_en has 9 words")


def test_camp_closed_before_it_opened_and_unknown_place(tiny):
    line = tiny.edit("camps.csv", "gao_camp,gao,Gao camp,Camp de Gao,,2023-12-11",
                     "gao_camp,gaoo,Gao camp,Camp de Gao,2024-01-01,2023-12-11")
    problems = tiny.problems()
    assert_problem(problems, "camps.csv", line, "unknown place 'gaoo'")
    assert_problem(problems, "camps.csv", line, "is not after opened")


def test_eras_must_not_overlap_and_need_dates(tiny):
    tiny.append("eras.toml", '[[era]]\nid = "second"\nstart = "2012-06-01"\nend = "2013-01-01"\n'
                'title.en = "Second"\nsummary.en = "Overlaps."\n')
    line = tiny.line("eras.toml", 'start = "2012-06-01"')
    assert_problem(tiny.problems(), "eras.toml", line, "starts before the previous era")


def test_era_short_names_are_read_and_limited():
    """Each bundled era has a short name (the strip's band) in both languages, of three
    words or fewer, and the check refuses a longer one."""
    from minusma_kiosk import resources
    from minusma_kiosk.content.limits import LIMITS
    from minusma_kiosk.content.loader import load_content

    content = load_content(resources.path("content")).content
    assert content is not None and content.timeline is not None
    for era in content.timeline.eras:
        assert era.short.en and era.short.fr
        assert len(era.short.en.split()) <= 3 and len(era.short.fr.split()) <= 3
    assert LIMITS["era.short"].words == 3
    assert LIMITS["era.short"].problem("one two three four") is not None


# --- occupation.csv: towns and regions held by armed groups (issue #14 item 3) ------

HELD_HEADER = ("id,place,region,held_from,held_to,held_by_en,held_by_fr,source_from,source,"
               "differ_en,differ_fr")


def held_rows(tiny, *rows: str) -> None:
    tiny.write("occupation.csv", "\n".join((HELD_HEADER, *rows)) + "\n")


def test_a_region_held_with_two_sources_and_where_they_differ(tiny):
    held_rows(tiny, "reg_gao,,Gao,2012-03-31,2013-01-26,Rebels,Rebelles,src_b,src_a,"
                    "AFP says 27 June.,L'AFP dit le 27 juin.")
    result = tiny.load()
    assert result.ok, result.problems
    occ = result.content.timeline.occupations[0]
    assert occ.place is None and occ.region == "Gao"
    assert [s.id for s in occ.sources] == ["src_b", "src_a"]
    assert occ.differ.en == "AFP says 27 June." and occ.differ.fr.startswith("L'AFP")
    assert occ.held_on(dt.date(2012, 3, 31)) and not occ.held_on(dt.date(2013, 1, 26))
    # The Sources screen lists both.
    assert {"src_a", "src_b"} <= {s.id for s in result.content.timeline.sources()}


def test_the_old_columns_still_load(tiny):
    """A curator's file from before the region and differ columns."""
    result = tiny.load()
    assert result.ok, result.problems
    occ = result.content.timeline.occupations[0]
    assert occ.place is not None and occ.region is None and not occ.differ


@pytest.mark.parametrize(("row", "fragments"), [
    ("bad,gao,Gao,2012-03-31,2013-01-26,Rebels,Rebelles,,src_a,,",
     ("give a place or a region, not both",)),
    ("bad,,,2012-03-31,2013-01-26,Rebels,Rebelles,,src_a,,",
     ("the place and the region are both empty",)),
    ("bad,,Gaoo,2012-03-31,2013-01-26,Rebels,Rebelles,,src_a,,",
     ("unknown region 'Gaoo'", "Kidal")),
    ("bad,,Gao,2012-03-31,2013-01-26,Rebels,Rebelles,src_zz,src_a,,",
     ("unknown source 'src_zz'",)),
    ("bad,,Gao,2012-03-31,2013-01-26,Rebels,Rebelles,,src_a,They differ.,",
     ("differ_fr is empty but differ_en is not",)),
    ("bad,,Gao,2012-03-31,2013-01-26,Rebels,Rebelles,,src_a," + " ".join(["word"] * 51) + ",x",
     ("differ_en has 51 words",)),
])
def test_bad_held_rows_are_named_with_their_line(tiny, row, fragments):
    held_rows(tiny, row)
    assert_problem(tiny.problems(), "occupation.csv", 2, *fragments)


def test_periods_of_one_region_must_not_overlap(tiny):
    held_rows(tiny, "a,,Gao,2012-03-31,2013-01-26,Rebels,Rebelles,,src_a,,",
                    "b,,Gao,2013-01-01,2014-01-01,Rebels,Rebelles,,src_a,,",
                    "c,,Gao,2013-01-26,2014-01-01,Rebels,Rebelles,,src_a,,")
    problems = tiny.problems()
    assert_problem(problems, "occupation.csv", 3, "overlaps row 'a'", "end one period")
    assert not any(p.startswith("occupation.csv:4") for p in problems)
