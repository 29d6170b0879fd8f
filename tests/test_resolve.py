"""Resolve: mentions -> claims, one reading per candidate clock, with reasons for what cannot be read."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from helpers import AUCKLAND, LONDON, TOKYO, WASHINGTON, anchor, article, event, local_day, story, utc

from timeline.extract import load_tables
from timeline.extract.tables import Tables
from timeline.model import Article, CalendarShift, Claim, Clock, Offset, Point, Reading, Story, Within
from timeline.resolve.claims import PERIOD_MARGIN_DAYS, candidate_zones, claims_for_story, story_period

TABLES = load_tables("en")
EVENTS = (event("summit", "summit"), event("vote", "vote", instant=True))


def claims_of(s: Story, tables: Tables = TABLES) -> dict[str, Claim]:
    return {c.id: c for c in claims_for_story(s, tables)}


def windows(reading: Reading) -> list[tuple[datetime, datetime]]:
    """The Within windows of a reading, one per alternative."""
    found = []
    for alternative in reading.alternatives:
        (constraint,) = alternative
        assert isinstance(constraint, Within)
        found.append((constraint.earliest, constraint.latest))
    return found


# ----------------------------------------------------------------------------- candidate clocks


def test_a_known_newsroom_zone_is_the_only_clock() -> None:
    s = story([], clocks=(LONDON, TOKYO))
    report = article("A", "", newsroom_zone="Europe/Moscow")
    assert candidate_zones(report, s) == ("Europe/Moscow",)


def test_a_known_publication_zone_is_the_only_clock() -> None:
    s = story([], clocks=(LONDON, TOKYO))
    report = article("A", "", published=date(2025, 3, 5), published_time=time(9), published_zone="Asia/Tokyo")
    assert candidate_zones(report, s) == ("Asia/Tokyo",)


def test_unknown_zone_reads_on_every_story_clock_and_the_outlet_home() -> None:
    s = story([], clocks=(LONDON, TOKYO), outlet_zones=[("AFP", "Europe/Paris"), ("NHK", "Asia/Tokyo")])
    assert candidate_zones(article("A", "", outlet="AFP"), s) == ("Europe/London", "Asia/Tokyo", "Europe/Paris")
    # A home zone that is already a story clock is not read twice.
    assert candidate_zones(article("A", "", outlet="NHK"), s) == ("Europe/London", "Asia/Tokyo")
    assert candidate_zones(article("A", "", outlet="Other"), s) == ("Europe/London", "Asia/Tokyo")


# ----------------------------------------------------------------------------- the story period


def test_story_period_given_is_kept() -> None:
    s = story([article("A", "", published=date(2025, 6, 1))], period=(date(2025, 1, 1), date(2025, 1, 31)))
    assert story_period(s) == (date(2025, 1, 1), date(2025, 1, 31))


def test_story_period_defaults_to_what_is_known_with_a_margin() -> None:
    assert PERIOD_MARGIN_DAYS == 7
    s = story([article("A", "", published=date(2025, 3, 10)), article("B", "")],
              anchors=[anchor("vote", utc(2025, 3, 4, 10), utc(2025, 3, 4, 11))], events=EVENTS)
    assert story_period(s) == (date(2025, 2, 25), date(2025, 3, 17))


def test_story_period_is_unknown_when_nothing_is_known() -> None:
    assert story_period(story([article("A", "")])) is None


# ----------------------------------------------------------------------------- unknown publication dates


def test_a_weekday_without_a_date_is_every_such_day_of_the_period() -> None:
    s = story([article("A", "The summit opened on Tuesday.")], events=EVENTS, clocks=(LONDON, TOKYO),
              period=(date(2025, 3, 1), date(2025, 3, 20)))
    tuesday = claims_of(s)["A:1"]
    assert tuesday.unresolved is None and tuesday.clock == "article"
    assert [r.zone for r in tuesday.readings] == ["Europe/London", "Asia/Tokyo"]
    for reading in tuesday.readings:
        assert windows(reading) == [local_day(date(2025, 3, d), reading.zone) for d in (4, 11, 18)]
        assert reading.value == "2025-03-04 | 2025-03-11 | 2025-03-18"


def test_a_weekday_with_the_default_period() -> None:
    # No period in the story: the anchor (4 March) ± 7 days holds two Tuesdays.
    s = story([article("A", "The summit opened on Tuesday.")], events=EVENTS, clocks=(LONDON,),
              anchors=[anchor("vote", utc(2025, 3, 4, 10))])
    (reading,) = claims_of(s)["A:1"].readings
    assert windows(reading) == [local_day(date(2025, 2, 25), "Europe/London"),
                                local_day(date(2025, 3, 4), "Europe/London"),
                                local_day(date(2025, 3, 11), "Europe/London")]


def test_a_weekday_with_no_date_and_no_period_is_unresolved() -> None:
    tuesday = claims_of(story([article("A", "The summit opened on Tuesday.")], events=EVENTS))["A:1"]
    assert tuesday.readings == ()
    assert tuesday.unresolved and "publication date" in tuesday.unresolved


def test_yesterday_with_no_date_is_unresolved_even_with_a_period() -> None:
    s = story([article("A", "The summit opened yesterday.")], events=EVENTS,
              period=(date(2025, 3, 1), date(2025, 3, 20)))
    yesterday = claims_of(s)["A:1"]
    assert yesterday.readings == () and "publication date" in (yesterday.unresolved or "")


# ----------------------------------------------------------------------------- known date, unknown zone


def test_a_date_only_publication_is_the_writers_local_date_on_each_clock() -> None:
    s = story([article("A", "The summit opened yesterday.", published=date(2025, 3, 5))], events=EVENTS,
              clocks=(LONDON, TOKYO, WASHINGTON))
    yesterday = claims_of(s)["A:1"]
    assert [r.zone for r in yesterday.readings] == ["Europe/London", "Asia/Tokyo", "America/New_York"]
    # "yesterday" is 4 March on whichever clock the writer used: three different UTC days.
    for reading in yesterday.readings:
        assert reading.value == "2025-03-04"
        assert windows(reading) == [local_day(date(2025, 3, 4), reading.zone)]
    assert windows(yesterday.readings[1]) == [(utc(2025, 3, 3, 15), utc(2025, 3, 4, 14, 59))]


def test_a_weekday_seen_from_a_date_only_publication() -> None:
    # Published Wednesday 5 March: "on Tuesday" (past tense) is 4 March on each clock.
    s = story([article("A", "The summit opened on Tuesday.", published=date(2025, 3, 5))], events=EVENTS,
              clocks=(LONDON, AUCKLAND))
    readings = claims_of(s)["A:1"].readings
    assert [windows(r) for r in readings] == [[local_day(date(2025, 3, 4), r.zone)] for r in readings]


def test_a_publication_instant_is_turned_into_the_stated_clocks_date() -> None:
    # 01:00 on 5 March in Tokyo is still 4 March (11:00) in New York: "yesterday at noon ET"
    # is noon on 3 March, New York time (17:00 UTC).
    report = article("A", "The summit opened yesterday at noon ET.", published=date(2025, 3, 5),
                     published_time=time(1), published_zone="Asia/Tokyo")
    claim = claims_of(story([report], events=EVENTS, clocks=(LONDON, TOKYO)))["A:1"]
    assert claim.clock == "stated"
    (reading,) = claim.readings
    assert reading.zone == "America/New_York"
    assert windows(reading) == [(utc(2025, 3, 3, 17), utc(2025, 3, 3, 17))]


# ----------------------------------------------------------------------------- the publication as a bound


def only_reading(report: Article, *clocks: Clock) -> Reading:
    """The one reading of the first claim of a one-report story on ``clocks``."""
    (reading,) = claims_of(story([report], events=EVENTS, clocks=clocks))["A:1"].readings
    return reading


def test_a_report_tells_as_past_only_what_had_begun_when_it_was_published() -> None:
    # Published Tuesday 4 March 10:00 in London (GMT): the summit opened that Tuesday before 10:00.
    report = article("A", "The summit opened on Tuesday.", published=date(2025, 3, 4), published_time=time(10),
                     published_zone="Europe/London")
    reading = only_reading(report, LONDON, TOKYO)
    assert reading.value == "2025-03-04"
    assert windows(reading) == [(utc(2025, 3, 4), utc(2025, 3, 4, 10))]


def test_a_plan_is_not_bounded_by_the_publication() -> None:
    # "will open": the future tense; Tuesday is still the whole day.
    report = article("A", "The summit will open on Tuesday.", published=date(2025, 3, 4), published_time=time(10),
                     published_zone="Europe/London")
    reading = only_reading(report, LONDON)
    assert windows(reading) == [local_day(date(2025, 3, 4), "Europe/London")]


def test_a_publication_time_on_an_unknown_clock_bounds_each_reading_on_its_own_clock() -> None:
    report = article("A", "The summit opened today.", published=date(2025, 3, 4), published_time=time(10))
    readings = claims_of(story([report], events=EVENTS, clocks=(LONDON, TOKYO)))["A:1"].readings
    assert [windows(r) for r in readings] == [[(utc(2025, 3, 4), utc(2025, 3, 4, 10))],
                                              [(utc(2025, 3, 3, 15), utc(2025, 3, 4, 1))]]


def test_a_date_only_publication_bounds_a_longer_window_by_the_end_of_its_day() -> None:
    # "this week", published Wednesday 5 March: Monday 3 March to the end of that Wednesday.
    report = article("A", "The summit opened this week.", published=date(2025, 3, 5))
    reading = only_reading(report, TOKYO)
    first, _ = local_day(date(2025, 3, 3), "Asia/Tokyo")
    _, last = local_day(date(2025, 3, 5), "Asia/Tokyo")
    assert windows(reading) == [(first, last)]


def test_a_publication_at_exactly_midnight_bounds_like_a_date_alone() -> None:
    # "T00:00:00" is how feeds write a date without a time: the day's events are not cut at midnight.
    report = article("A", "The summit opened today.", published=date(2025, 3, 4), published_time=time(0),
                     published_zone="Europe/London")
    reading = only_reading(report, LONDON)
    assert windows(reading) == [local_day(date(2025, 3, 4), "Europe/London")]


def test_a_window_wholly_after_the_publication_is_left_as_written() -> None:
    # A past-tense report of a later date is a wrong date or a plan; the reconciler weighs it as written.
    report = article("A", "The summit opened on March 10, 2025.", published=date(2025, 3, 5), published_time=time(9),
                     published_zone="Asia/Tokyo")
    reading = only_reading(report, TOKYO)
    assert windows(reading) == [local_day(date(2025, 3, 10), "Asia/Tokyo")]


def test_a_publication_time_in_the_spring_gap_is_the_end_of_the_gap() -> None:
    # London skipped 01:00-02:00 on 30 March 2025: "01:30" is read as 02:00 BST, 01:00 UTC.
    report = article("A", "The summit opened today.", published=date(2025, 3, 30), published_time=time(1, 30),
                     published_zone="Europe/London")
    reading = only_reading(report, LONDON)
    assert windows(reading) == [(utc(2025, 3, 30), utc(2025, 3, 30, 1))]


# ----------------------------------------------------------------------------- what cannot be read


def test_boilerplate_claims_are_unresolved_with_the_reason() -> None:
    text = "The summit opened on Tuesday. More News: The summit ended on Monday."
    report = article("A", text, published=date(2025, 3, 5), boilerplate_start=text.index("More News"))
    claims = claims_of(story([report], events=EVENTS, clocks=(LONDON,)))
    assert claims["A:1"].unresolved is None
    assert claims["A:2"].mention.text == "Monday"
    assert claims["A:2"].readings == ()
    assert "boilerplate" in (claims["A:2"].unresolved or "")


def test_a_relation_to_something_that_is_no_event_is_unresolved() -> None:
    s = story([article("A", "The summit opened hours after the election.", published=date(2025, 3, 5))],
              events=EVENTS, clocks=(LONDON,))
    (hours,) = claims_of(s).values()
    assert hours.readings == () and hours.anchor_event is None
    assert hours.unresolved == "its anchor 'the election' names no event of the story"


def test_a_relation_to_an_event_is_elapsed_time_from_its_end() -> None:
    s = story([article("A", "The summit opened hours after the vote.", published=date(2025, 3, 5))],
              events=EVENTS, clocks=(LONDON, TOKYO))
    (hours,) = claims_of(s).values()
    assert hours.clock == "any" and hours.anchor_event == "vote"
    offsets = {c for r in hours.readings for alt in r.alternatives for c in alt}
    # The table's "hours": 1..24 h, the same on every clock.
    assert offsets == {Offset(Point("vote", "end"), Point("summit", "start"), timedelta(hours=1),
                              timedelta(hours=24))}


def test_a_day_after_is_a_calendar_day_on_each_clock() -> None:
    s = story([article("A", "The summit opened a day after the vote.", published=date(2025, 3, 5))],
              events=EVENTS, clocks=(LONDON, TOKYO))
    (day,) = claims_of(s).values()
    assert day.clock == "article"
    shifts = [(r.zone, c.zone, c.low, c.high) for r in day.readings for alt in r.alternatives for c in alt
              if isinstance(c, CalendarShift)]
    assert len(shifts) == sum(len(alt) for r in day.readings for alt in r.alternatives)
    assert shifts == [("Europe/London", "Europe/London", 1, 1), ("Asia/Tokyo", "Asia/Tokyo", 1, 1)]


@pytest.mark.parametrize("text", ["The summit lasted three hours.", "For three hours, the summit was delayed."])
def test_a_duration_that_does_not_modify_an_event_is_unresolved(text: str) -> None:
    s = story([article("A", text, published=date(2025, 3, 5))], events=EVENTS, clocks=(LONDON,))
    (duration,) = claims_of(s).values()
    assert duration.readings == ()
    assert duration.unresolved == "a length of time that does not describe an event of the story"


def test_a_duration_before_the_event_word_is_its_length() -> None:
    s = story([article("A", "In the 1.5-hour summit, leaders spoke.", published=date(2025, 3, 5))],
              events=EVENTS, clocks=(LONDON, TOKYO))
    (duration,) = claims_of(s).values()
    assert duration.clock == "any"
    constraints = {c for r in duration.readings for alt in r.alternatives for c in alt}
    # "1.5" is stated to a tenth of an hour: 1.45..1.55 h.
    assert constraints == {Offset(Point("summit", "start"), Point("summit", "end"), timedelta(minutes=87),
                                  timedelta(minutes=93))}


@pytest.mark.parametrize("hours", [24.0, 6.0])
def test_as_x_began_uses_the_tables_tolerance(hours: float) -> None:
    tables = replace(TABLES, simultaneity_tolerance_hours=hours)
    s = story([article("A", "The summit opened as the vote began.", published=date(2025, 3, 5))],
              events=EVENTS, clocks=(LONDON,))
    (same,) = claims_of(s, tables).values()
    assert same.anchor_event == "vote" and same.clock == "any"
    tolerance = timedelta(hours=hours)
    assert {c for r in same.readings for alt in r.alternatives for c in alt} == {
        Offset(Point("vote", "start"), Point("summit", "start"), -tolerance, tolerance)}


def test_the_seed_tolerance_is_a_day() -> None:
    assert TABLES.simultaneity_tolerance_hours == 24


def test_a_sentence_without_an_event_is_unresolved() -> None:
    s = story([article("A", "The summit opened on Tuesday. It rained on Monday.", published=date(2025, 3, 5))],
              events=EVENTS, clocks=(LONDON,))
    claims = claims_of(s)
    assert claims["A:1"].event == "summit"
    assert claims["A:2"].readings == ()
    assert claims["A:2"].unresolved == "no event of the story is named in its sentence"


def test_claim_ids_follow_the_text_and_every_mention_is_a_claim() -> None:
    text = "The summit opened on Tuesday, hours after the vote. It lasted until Friday."
    s = story([article("A", text, published=date(2025, 3, 8))], events=EVENTS, clocks=(LONDON,))
    claims = claims_for_story(s, TABLES)
    assert [c.id for c in claims] == [f"A:{i}" for i in range(1, len(claims) + 1)]
    assert [c.mention.start for c in claims] == sorted(c.mention.start for c in claims)
    assert all(c.readings or c.unresolved for c in claims)
