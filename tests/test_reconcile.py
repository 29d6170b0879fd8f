"""Reconcile: windows, statuses and reasons on small stories built in code, and on the seed story.

Expected numbers are worked out by hand in the comments (UTC unless said otherwise), so
each test fails if the solver, the resolver or the DST policy drifts.
"""

from __future__ import annotations

import functools
import random
import warnings
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from helpers import (
    AUCKLAND,
    LONDON,
    TOKYO,
    WASHINGTON,
    anchor,
    article,
    claim,
    event,
    local_day,
    naive_analyses,
    reading,
    story,
    synthetic,
    utc,
    within,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.errors import TimelineWarning
from timeline.extract import EventMatcher, extract
from timeline.model import (
    STATUSES,
    CalendarShift,
    Claim,
    ClaimOutcome,
    Constraint,
    EventOutcome,
    Offset,
    Point,
    Story,
    Window,
    Within,
)
from timeline.pipeline import StoryResult, run
from timeline.reconcile import ReconcileOptions, analyse, outcomes, reconcile
from timeline.reconcile.domains import from_minutes, to_minutes
from timeline.zones import get_zone

SEED = Path(__file__).resolve().parents[1] / "examples" / "xi_putin_call"
MINUTE = timedelta(minutes=1)


def outcome(result: StoryResult | tuple[EventOutcome, ...], event_id: str) -> EventOutcome:
    events = result.event_outcomes if isinstance(result, StoryResult) else result
    return next(e for e in events if e.event == event_id)


def by_id(outcomes: Sequence[ClaimOutcome]) -> dict[str, ClaimOutcome]:
    return {o.claim.id: o for o in outcomes}


def span(window: Window | None) -> tuple[datetime, datetime] | None:
    return (window.earliest, window.latest) if window else None


# ----------------------------------------------------------------------------- 1. the seed story


@functools.lru_cache(maxsize=1)
def _seed() -> StoryResult:
    from timeline.ingest import load_story

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the known boilerplate warning on S13
        return run(load_story(SEED))


def test_seed_oath_is_the_anchor() -> None:
    oath = outcome(_seed(), "inauguration")
    assert span(oath.agreed_start) == (utc(2025, 1, 20, 17, 0), utc(2025, 1, 20, 17, 2))
    assert span(oath.start) == (utc(2025, 1, 20, 17, 0), utc(2025, 1, 20, 17, 2))
    assert oath.exact


def test_seed_call_windows() -> None:
    call = outcome(_seed(), "call")
    # Tuesday on the Moscow clock begins at 21:00 UTC Monday; "Monday" on the Washington
    # clock ends at 04:59 UTC Tuesday.
    assert span(call.agreed_start) == (utc(2025, 1, 20, 21, 0), utc(2025, 1, 21, 4, 59))
    # Without "Monday": "hours after" the oath (<= 24 h after 17:02) is the last word.
    assert span(call.start) == (utc(2025, 1, 20, 21, 0), utc(2025, 1, 21, 17, 2))
    assert call.pivotal == ("S7:2",)
    assert call.conflicts == ()


def test_seed_monday_is_pivotal_on_the_washington_clock() -> None:
    monday = by_id(_seed().claim_outcomes)["S7:2"]
    assert monday.claim.mention.text == "Monday"
    assert monday.status == "pivotal"
    assert monday.zones == ("America/New_York",)
    assert "Washington" in monday.reason
    # Setting it aside widens the agreed window from 04:59 to 17:02 UTC Tuesday: 12 h 03 min.
    assert monday.narrowing == timedelta(hours=12, minutes=3)


def test_seed_every_expression_has_a_status_and_a_reason() -> None:
    result = _seed()
    matcher = EventMatcher(result.story.events)
    found = sum(len(extract(a.text, language="en", events=matcher)) for a in result.story.articles)
    # Every expression the tagger finds becomes exactly one claim, resolved or not (the
    # tagger's count moves as it learns words, so it is not pinned here).
    assert len(result.claim_outcomes) == found
    ids = [o.claim.id for o in result.claim_outcomes]
    assert len(ids) == len(set(ids))
    for item in result.claim_outcomes:
        assert item.status in STATUSES
        assert item.reason.strip(), item.claim.id
        assert (item.status == "unresolved") == (not item.claim.readings)
    counts = result.counts()
    # The twelve reports with a usable time give 16 claims: one pivotal ("Monday"), none in conflict.
    assert (counts.get("consistent"), counts.get("pivotal"), counts.get("conflict", 0)) == (15, 1, 0)
    assert sum(counts.values()) == len(result.claim_outcomes)
    rows = result.claim_rows()
    assert len(rows) == found and all(row["status"] and row["reason"] for row in rows)


class _Grid:
    """Brute force on the seed story, vectorised: every call start minute ``t`` in a range
    against every oath minute ``i`` (the oath is an instant: its start is its end). The call's
    end is left free: only the duration (S8) speaks of it, and every start allows some end."""

    def __init__(self, starts: range, oath: range) -> None:
        self.t = np.arange(starts.start, starts.stop)[:, None]
        self.i = np.arange(oath.start, oath.stop)[None, :]
        self.values = {Point("call", "start"): self.t, Point("inauguration", "start"): self.i,
                       Point("inauguration", "end"): self.i}
        self.days: dict[tuple[Point, str], np.ndarray] = {}

    def _day(self, point: Point, zone_name: str) -> np.ndarray:
        """The local calendar day (ordinal) of each of the point's minutes on a clock."""
        if (point, zone_name) not in self.days:
            zone = get_zone(zone_name)
            minutes = self.values[point]
            ordinals = [from_minutes(int(m)).astimezone(zone).date().toordinal() for m in minutes.ravel()]
            self.days[point, zone_name] = np.array(ordinals).reshape(minutes.shape)
        return self.days[point, zone_name]

    def holds(self, constraint: Constraint) -> np.ndarray | bool:
        if isinstance(constraint, Within):
            if constraint.point not in self.values:
                return True
            value = self.values[constraint.point]
            return (to_minutes(constraint.earliest) <= value) & (value <= to_minutes(constraint.latest))
        if constraint.origin not in self.values or constraint.target not in self.values:
            return True
        if isinstance(constraint, Offset):
            gap = self.values[constraint.target] - self.values[constraint.origin]
            return (constraint.low / MINUTE <= gap) & (gap <= constraint.high / MINUTE)
        days = self._day(constraint.target, constraint.zone) - self._day(constraint.origin, constraint.zone)
        fits: np.ndarray = (constraint.low <= days) & (days <= constraint.high)
        return fits

    def article(self, items: Sequence[Claim]) -> np.ndarray:
        """Where the article's claims all hold on one of its clocks (the writer uses one)."""
        zones = sorted({r.zone for c in items if c.clock == "article" for r in c.readings}) or ["*"]
        fits = np.zeros(np.broadcast_shapes(self.t.shape, self.i.shape), dtype=bool)
        for zone in zones:
            every = np.ones_like(fits)
            for item in items:
                some = np.zeros_like(fits)
                for r in item.readings:
                    if item.clock == "article" and r.zone != zone:
                        continue
                    for alternative in r.alternatives:
                        one = np.ones_like(fits)
                        for constraint in alternative:
                            one &= self.holds(constraint)
                        some |= one
                every &= some
            fits |= every
        return fits

    def allowed(self, claims: Sequence[Claim]) -> set[int]:
        by_article: dict[str, list[Claim]] = {}
        for item in claims:
            by_article.setdefault(item.article, []).append(item)
        fits = np.ones(np.broadcast_shapes(self.t.shape, self.i.shape), dtype=bool)
        for items in by_article.values():
            fits &= self.article(items)
        return {int(m) for m in self.t[:, 0][fits.any(axis=1)]}


def test_seed_robust_window_holds_every_start_one_wrong_report_allows() -> None:
    result = _seed()
    claims = [o.claim for o in result.claim_outcomes if o.claim.readings]
    oath = range(to_minutes(utc(2025, 1, 20, 17, 0)), to_minutes(utc(2025, 1, 20, 17, 2)) + 1)
    # Two days either side of the answer: every reading of every claim lies well inside.
    grid = _Grid(range(to_minutes(utc(2025, 1, 19)), to_minutes(utc(2025, 1, 23))), oath)
    call = outcome(result, "call")
    assert call.start is not None and call.agreed_start is not None
    robust = [(to_minutes(w.earliest), to_minutes(w.latest)) for w in call.start_spans]

    everyone = grid.allowed(claims)
    assert (min(everyone), max(everyone)) == (to_minutes(call.agreed_start.earliest),
                                              to_minutes(call.agreed_start.latest))
    union: set[int] = set(everyone)
    for removed in claims:
        allowed = grid.allowed([c for c in claims if c is not removed])
        outside = [t for t in allowed if not any(a <= t <= b for a, b in robust)]
        assert not outside, f"without {removed.id}: {len(outside)} starts outside the robust window"
        union |= allowed
    # And the robust window is no wider than that union (on this tree-shaped story it is exact).
    assert (min(union), max(union)) == (to_minutes(call.start.earliest), to_minutes(call.start.latest))
    assert len(union) == sum(b - a + 1 for a, b in robust)


# ----------------------------------------------------------------------------- 2. the date line

# 2025-03-04 23:30 UTC is Tuesday evening in London (UTC+0) and Wednesday morning in Tokyo
# (UTC+9) and Auckland (UTC+13, daylight time).
SUMMIT = [event("summit", "summit")]


def test_date_line_known_zones_window_is_the_intersection() -> None:
    reports = [
        article("L", "The summit opened on Tuesday.", published=date(2025, 3, 5), newsroom_zone="Europe/London"),
        article("T", "The summit opened on Wednesday.", published=date(2025, 3, 5), newsroom_zone="Asia/Tokyo"),
    ]
    result = run(story(reports, events=SUMMIT, clocks=(LONDON, TOKYO)))
    summit = outcome(result, "summit")
    # Tuesday in London: 4 Mar 00:00..23:59; Wednesday in Tokyo: 4 Mar 15:00..5 Mar 14:59.
    assert span(summit.agreed_start) == (utc(2025, 3, 4, 15, 0), utc(2025, 3, 4, 23, 59))
    assert summit.agreed_start is not None and summit.agreed_start.earliest <= utc(2025, 3, 4, 23, 30)
    claims = by_id(result.claim_outcomes)
    assert claims["L:1"].zones == ("Europe/London",) and claims["T:1"].zones == ("Asia/Tokyo",)
    for item in claims.values():
        # Both are true; each also narrows the other's day (so each is pivotal), none conflicts.
        assert item.status in ("consistent", "pivotal")
    assert summit.conflicts == ()
    # The robust window: either report alone.
    assert span(summit.start) == (utc(2025, 3, 4, 0, 0), utc(2025, 3, 5, 14, 59))


def test_date_line_unknown_zones_name_the_readings_that_fit() -> None:
    reports = [
        article("L", "The summit opened on Tuesday.", published=date(2025, 3, 5)),
        article("T", "The summit opened on Wednesday.", published=date(2025, 3, 5)),
    ]
    result = run(story(reports, events=SUMMIT, clocks=(LONDON, TOKYO, AUCKLAND)))
    claims = by_id(result.claim_outcomes)
    # Tuesday on Auckland's clock (3 Mar 11:00..4 Mar 10:59) meets no Wednesday; on London's and
    # Tokyo's it does. Wednesday in London (5 Mar) meets no Tuesday; in Tokyo and Auckland it does.
    assert claims["L:1"].zones == ("Europe/London", "Asia/Tokyo")
    assert claims["T:1"].zones == ("Asia/Tokyo", "Pacific/Auckland")
    assert "London" in claims["L:1"].reason and "Tokyo" in claims["L:1"].reason
    assert "Auckland" in claims["T:1"].reason
    # The union over the fitting pairs: Tue London ∩ Wed Tokyo (4 Mar 15:00..23:59),
    # Tue London ∩ Wed Auckland (11:00..23:59), Tue Tokyo ∩ Wed Auckland (11:00..14:59).
    assert span(outcome(result, "summit").agreed_start) == (utc(2025, 3, 4, 11, 0), utc(2025, 3, 4, 23, 59))
    assert all(c.status != "conflict" for c in claims.values())


# ----------------------------------------------------------------------------- 3. a chain


def test_chain_follows_from_the_anchor() -> None:
    events = [event("vote", "vote", instant=True), event("statement", "statement", instant=True),
              event("protest", "protest")]
    reports = [
        article("B", "The statement came a day after the vote.", published=date(2025, 3, 6),
                newsroom_zone="Asia/Tokyo"),
        article("A", "The protest began hours after the statement.", published=date(2025, 3, 6)),
    ]
    # The vote: 10:00 UTC on 4 March = 19:00 on 4 March in Tokyo.
    result = run(story(reports, events=events, anchors=[anchor("vote", utc(2025, 3, 4, 10))],
                       clocks=(LONDON, TOKYO)))
    # "a day after" on the Tokyo clock: 5 March in Tokyo = 4 Mar 15:00 .. 5 Mar 14:59 UTC.
    assert span(outcome(result, "statement").agreed_start) == (utc(2025, 3, 4, 15, 0), utc(2025, 3, 5, 14, 59))
    # "hours" = 1..24 h after the statement: 4 Mar 16:00 .. 6 Mar 14:59 UTC.
    protest = outcome(result, "protest")
    assert span(protest.agreed_start) == (utc(2025, 3, 4, 16, 0), utc(2025, 3, 6, 14, 59))
    claims = by_id(result.claim_outcomes)
    assert claims["B:1"].claim.anchor_event == "vote" and claims["A:1"].claim.anchor_event == "statement"
    assert claims["A:1"].claim.clock == "any"
    # Each link is the only word on its event: without it the event is anywhere.
    assert claims["A:1"].status == "pivotal" and claims["B:1"].status == "pivotal"


def test_chain_backwards_narrows_the_middle() -> None:
    """Propagation runs both ways: a later event's window narrows an earlier one's."""
    e = "e"
    claims = [
        claim("A:1", [reading("UTC", [Offset(Point("b", "start"), Point(e, "start"), timedelta(hours=1),
                                              timedelta(hours=2))])], clock="any"),
        claim("B:1", [reading("UTC", [within("b", utc(2025, 1, 1), utc(2025, 1, 2))])], event_id="b"),
        claim("C:1", [reading("UTC", [within(e, utc(2025, 1, 1, 23), utc(2025, 1, 3))])]),
    ]
    events, _ = reconcile(story([], events=[event(e), event("b")]), claims)
    # e - b in [1 h, 2 h], e >= 23:00 on 1 Jan, b <= 00:00 on 2 Jan: b in [21:00, 00:00].
    assert span(outcome(events, "b").agreed_start) == (utc(2025, 1, 1, 21), utc(2025, 1, 2))
    assert span(outcome(events, e).agreed_start) == (utc(2025, 1, 1, 23), utc(2025, 1, 2, 2))


# ----------------------------------------------------------------------------- 4. conflicts


def test_reports_that_cannot_all_be_right() -> None:
    reports = [
        article("M", "The strike began on Monday.", published=date(2025, 3, 6), newsroom_zone="Europe/London"),
        article("W", "The strike began on Wednesday.", published=date(2025, 3, 6), newsroom_zone="Europe/London"),
    ]
    result = run(story(reports, events=[event("strike", "strike")], clocks=(LONDON,)))
    strike = outcome(result, "strike")
    assert strike.agreed_start is None and strike.agreed_end is None
    claims = by_id(result.claim_outcomes)
    assert claims["M:1"].status == claims["W:1"].status == "conflict"
    assert "W:1" in claims["M:1"].reason and "M:1" in claims["W:1"].reason
    assert set(strike.conflicts) == {"M:1", "W:1"}
    # Robust: the union of each one alone, Monday 3 March and Wednesday 5 March in London (UTC).
    assert [span(w) for w in strike.start_spans] == [(utc(2025, 3, 3), utc(2025, 3, 3, 23, 59)),
                                                      (utc(2025, 3, 5), utc(2025, 3, 5, 23, 59))]
    assert span(strike.start) == (utc(2025, 3, 3), utc(2025, 3, 5, 23, 59))


def test_one_liar_among_three_is_the_only_conflict() -> None:
    reports = [
        article("A", "The strike began on Monday.", published=date(2025, 3, 6), newsroom_zone="Europe/London"),
        article("B", "The strike began on Monday.", published=date(2025, 3, 6), newsroom_zone="Europe/London"),
        article("C", "The strike began on Wednesday.", published=date(2025, 3, 6), newsroom_zone="Europe/London"),
    ]
    result = run(story(reports, events=[event("strike", "strike")], clocks=(LONDON,)))
    statuses = {k: v.status for k, v in by_id(result.claim_outcomes).items()}
    # Only C alone explains the disagreement (removing A or B leaves Monday against Wednesday).
    assert statuses == {"A:1": "consistent", "B:1": "consistent", "C:1": "conflict"}
    assert outcome(result, "strike").agreed_start is None


# ----------------------------------------------------------------------------- 5. daylight saving


@pytest.mark.parametrize(
    ("published", "hours", "first"),
    [(date(2025, 3, 10), 23, utc(2025, 3, 9, 5)),  # EST until 02:00, then EDT
     (date(2025, 11, 3), 25, utc(2025, 11, 2, 4)),  # EDT until 02:00, then EST
     (date(2025, 3, 17), 24, utc(2025, 3, 16, 4))],
)
def test_a_weekday_across_a_dst_change(published: date, hours: int, first: datetime) -> None:
    reports = [article("A", "The rally was held on Sunday.", published=published,
                       newsroom_zone="America/New_York")]
    result = run(story(reports, events=[event("rally", "rally")], clocks=(WASHINGTON,)))
    window = outcome(result, "rally").agreed_start
    assert window is not None and window.earliest == first
    # Closed window of whole minutes: the last minute starts 1 min before the day ends.
    assert window.latest + MINUTE - window.earliest == timedelta(hours=hours)


@pytest.mark.parametrize(("published", "noon"), [(date(2025, 3, 10), utc(2025, 3, 9, 16)),
                                                 (date(2025, 11, 3), utc(2025, 11, 2, 17))])
def test_noon_et_on_a_dst_day(published: date, noon: datetime) -> None:
    # The zone is stated in the text, so the (unknown) newsroom clock does not matter.
    reports = [article("A", "The rally began at noon ET on Sunday.", published=published)]
    result = run(story(reports, events=[event("rally", "rally")], clocks=(WASHINGTON, TOKYO)))
    assert span(outcome(result, "rally").agreed_start) == (noon, noon)
    assert by_id(result.claim_outcomes)["A:1"].claim.clock == "stated"


def test_a_day_after_across_the_spring_gap() -> None:
    """A calendar shift on the New York clock into the 23-hour day."""
    claims = [claim("A:1", [reading("America/New_York",
                                    [CalendarShift(Point("b", "start"), Point("e", "start"),
                                                   "America/New_York", 1, 1)])])]
    s = story([], events=[event("e"), event("b", instant=True)],
              anchors=[anchor("b", utc(2025, 3, 8, 17))])  # noon EST, Saturday 8 March
    events, _ = reconcile(s, claims)
    assert span(outcome(events, "e").agreed_start) == local_day(date(2025, 3, 9), "America/New_York")
    assert local_day(date(2025, 3, 9), "America/New_York") == (utc(2025, 3, 9, 5), utc(2025, 3, 10, 3, 59))


# ----------------------------------------------------------------------------- solver details


def test_a_writer_uses_one_clock_for_all_of_an_article() -> None:
    """Two claims of one article cannot be read on different clocks."""
    tue_tokyo = local_day(date(2025, 3, 4), "Asia/Tokyo")
    wed_london = local_day(date(2025, 3, 5), "Europe/London")
    claims = [
        claim("A:1", [reading("Asia/Tokyo", [within("e", *tue_tokyo)]),
                      reading("Europe/London", [within("e", *local_day(date(2025, 3, 4), "Europe/London"))])]),
        claim("A:2", [reading("Asia/Tokyo", [within("f", *local_day(date(2025, 3, 5), "Asia/Tokyo"))]),
                      reading("Europe/London", [within("f", *wed_london)])], event_id="f"),
        # Another report pins e to Tokyo's Tuesday only (a London Tuesday would fit it too).
        claim("B:1", [reading("UTC", [within("e", utc(2025, 3, 3, 15), utc(2025, 3, 3, 16))])]),
    ]
    events, outcomes = reconcile(story([], events=[event("e"), event("f")]), claims)
    # So f is on Tokyo's Wednesday, not London's.
    assert span(outcome(events, "f").agreed_start) == local_day(date(2025, 3, 5), "Asia/Tokyo")
    assert by_id(outcomes)["A:2"].zones == ("Asia/Tokyo",)


def test_unresolved_claims_pass_through_with_their_reason() -> None:
    unresolved = Claim(id="A:1", article="A", outlet="", mention=claim("A:1", []).mention, event=None,
                       anchor_event=None, readings=(), unresolved="no event of the story is named")
    _, outcomes = reconcile(story([], events=[event("e")]), [unresolved])
    assert outcomes[0].status == "unresolved" and "no event of the story is named" in outcomes[0].reason


# ----------------------------------------------------------------------------- 7. properties

ZONES = ("Europe/London", "Asia/Tokyo", "America/New_York")
EVENTS = ("e0", "e1", "e2")
BASE = date(2025, 3, 2)


@st.composite
def claim_sets(draw: st.DrawFn) -> list[Claim]:
    """Small stories: weekday-like day windows on unknown clocks (one alternative per week),
    stated windows, elapsed time between events and calendar shifts."""
    count = draw(st.integers(1, 5))
    claims = []
    for index in range(count):
        article_id = f"a{draw(st.integers(0, 2))}"
        target = draw(st.sampled_from(EVENTS))
        kind = draw(st.sampled_from(("day", "window", "offset", "shift")))
        clock = "article"
        readings = []
        if kind == "day":
            day = BASE + timedelta(days=draw(st.integers(0, 6)))
            weeks = draw(st.integers(1, 2))
            for zone in draw(st.lists(st.sampled_from(ZONES), min_size=1, max_size=3, unique=True)):
                alternatives = [[within(target, *local_day(day + timedelta(weeks=w), zone))] for w in range(weeks)]
                readings.append(reading(zone, *alternatives))
        elif kind == "window":
            start = datetime.combine(BASE, datetime.min.time(), tzinfo=utc(2025, 1, 1).tzinfo)
            start += timedelta(hours=draw(st.integers(0, 24 * 8)))
            readings.append(reading("UTC", [within(target, start, start + timedelta(hours=draw(st.integers(0, 48))))]))
            clock = "stated"
        else:
            origin = draw(st.sampled_from([e for e in EVENTS if e != target]))
            if kind == "offset":
                low = draw(st.integers(0, 30))
                constraint: Constraint = Offset(Point(origin, "start"), Point(target, "start"),
                                                timedelta(hours=low), timedelta(hours=low + draw(st.integers(0, 24))))
                readings.append(reading("UTC", [constraint]))
                clock = "any"
            else:
                for zone in draw(st.lists(st.sampled_from(ZONES), min_size=1, max_size=2, unique=True)):
                    readings.append(reading(zone, [CalendarShift(Point(origin, "start"), Point(target, "start"),
                                                                 zone, 1, 1)]))
        claims.append(claim(f"{article_id}:{index}", readings, event_id=target, article_id=article_id,
                            clock=clock))
    return claims


PROPERTY_STORY = story([], events=[event(e) for e in EVENTS],
                       anchors=[anchor("e0", utc(2025, 3, 2), utc(2025, 3, 9))])
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _summary(result: tuple[tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]]) -> object:
    events, outcomes = result
    # Conflicting and pivotal ids are listed in input order: compare them as sets.
    events = tuple(replace(e, conflicts=tuple(sorted(e.conflicts)), pivotal=tuple(sorted(e.pivotal)))
                   for e in events)
    return (events, sorted((o.claim.id, o.status, o.zones, o.window, o.narrowing) for o in outcomes))


def _contains(outer: Window | None, inner: Window | None) -> bool:
    if inner is None:
        return True
    return outer is not None and outer.earliest <= inner.earliest and inner.latest <= outer.latest


@FAST
@given(claim_sets(), st.randoms(use_true_random=False))
def test_order_of_claims_does_not_matter(claims: list[Claim], rng: random.Random) -> None:
    shuffled = list(claims)
    rng.shuffle(shuffled)
    assert _summary(reconcile(PROPERTY_STORY, claims)) == _summary(reconcile(PROPERTY_STORY, shuffled))


def impossible(event: EventOutcome) -> bool:
    """The agreed windows are None because the reports cannot all be right (not because nothing bounds them)."""
    return any(note.startswith("impossible: the reports") for note in event.notes)


@FAST
@given(claim_sets(), claim_sets())
def test_another_report_never_widens_the_agreed_window(claims: list[Claim], more: list[Claim]) -> None:
    extra = [Claim(**{**c.__dict__, "id": f"x{c.id}", "article": f"x{c.article}"}) for c in more]
    before, _ = reconcile(PROPERTY_STORY, claims)
    after, _ = reconcile(PROPERTY_STORY, claims + extra)
    for old, new in zip(before, after, strict=True):
        if impossible(old):
            assert impossible(new) and new.agreed_start is None and new.agreed_end is None
        # Every window, start and end: the horizon is fixed, and a side nothing bounds is None
        # (with a note), so a window some report bounds can only narrow or become impossible.
        for was, now in ((old.agreed_start, new.agreed_start), (old.agreed_end, new.agreed_end)):
            if was is not None:
                assert impossible(new) or (now is not None and _contains(was, now)), (old, new)


@FAST
@given(claim_sets())
def test_windows_are_ordered_and_every_claim_has_a_status(claims: list[Claim]) -> None:
    events, outcomes = reconcile(PROPERTY_STORY, claims)
    assert [o.claim.id for o in outcomes] == [c.id for c in claims]
    for item in outcomes:
        assert item.status in STATUSES and item.reason
        if item.status == "conflict":
            assert any(e.agreed_start is None for e in events)
    for ev in events:
        if ev.start is not None:
            assert _contains(ev.start, ev.agreed_start), ev.event
        # Every missing window says why: unknown (nothing bounds it) or impossible.
        for name in ("start", "end", "agreed_start", "agreed_end"):
            if getattr(ev, name) is None:
                assert any(n.startswith(("unbounded: ", "impossible: ")) for n in ev.notes), (name, ev)
        for window in (ev.start, ev.end, ev.agreed_start, ev.agreed_end, *ev.start_spans):
            assert window is None or window.earliest <= window.latest
        if ev.agreed_start is not None and ev.agreed_end is not None:
            assert ev.agreed_start.earliest <= ev.agreed_end.earliest
            assert ev.agreed_start.latest <= ev.agreed_end.latest


def test_shuffling_articles_gives_the_same_story() -> None:
    reports = [
        article("L", "The summit opened on Tuesday.", published=date(2025, 3, 5)),
        article("T", "The summit opened on Wednesday.", published=date(2025, 3, 5)),
        article("N", "The summit opened at noon ET on Tuesday.", published=date(2025, 3, 5)),
    ]
    clocks = (LONDON, TOKYO, AUCKLAND)
    first = run(story(reports, events=SUMMIT, clocks=clocks))
    second = run(story(list(reversed(reports)), events=SUMMIT, clocks=clocks))
    assert first.event_outcomes == second.event_outcomes
    assert sorted((o.claim.id, o.status, o.zones) for o in first.claim_outcomes) == \
        sorted((o.claim.id, o.status, o.zones) for o in second.claim_outcomes)


# ----------------------------------------------------------------------------- 8. what nothing bounds, what cannot be


def test_a_side_nothing_bounds_is_none_with_a_note() -> None:
    far = timedelta(days=365 * 900)  # "some time after": later than the horizon's last century
    claims = [
        claim("A:1", [reading("UTC", [within("e", utc(2025, 1, 1), utc(2025, 1, 2))])], clock="stated"),
        claim("B:1", [reading("UTC", [Offset(Point("b", "start"), Point("f", "start"), timedelta(hours=1), far)])],
              event_id="f", clock="any"),
    ]
    s = story([], events=[event("e"), event("f"), event("g"), event("b", instant=True)],
              anchors=[anchor("b", utc(2025, 3, 1))])
    events, _ = reconcile(s, claims)
    e, f, g = outcome(events, "e"), outcome(events, "f"), outcome(events, "g")
    # e's start is bounded; nothing says when it ended (no duration): None, with the reason.
    assert span(e.agreed_start) == (utc(2025, 1, 1), utc(2025, 1, 2))
    assert e.agreed_end is None and e.end is None
    assert "unbounded: no report bounds when the E ended" in e.notes
    assert not any(n.startswith("impossible") for n in e.notes)
    # f began at least an hour after b, but nothing says how late: unknown, not "year 2925".
    assert f.agreed_start is None and f.start is None and f.start_spans == ()
    assert "unbounded: no report bounds how late the F began" in f.notes
    # g: nothing at all.
    assert g.agreed_start is None and "unbounded: no report bounds when the G began" in g.notes


def test_impossible_is_none_with_a_different_note() -> None:
    monday = local_day(date(2025, 3, 3), "Europe/London")
    wednesday = local_day(date(2025, 3, 5), "Europe/London")
    claims = [claim("M:1", [reading("UTC", [within("e", *monday)])], clock="stated"),
              claim("W:1", [reading("UTC", [within("e", *wednesday)])], clock="stated")]
    events, _ = reconcile(story([], events=[event("e")]), claims)
    e = outcome(events, "e")
    assert e.agreed_start is None and e.agreed_end is None
    assert "impossible: the reports cannot all be right (in doubt: M:1, W:1)" in e.notes
    assert not any(n.startswith("unbounded: no report bounds when the E began") for n in e.notes)
    assert e.conflicts == ("M:1", "W:1")
    assert [span(w) for w in e.start_spans] == [monday, wednesday]


def test_two_wrong_reports_give_a_robust_window_from_two_set_aside() -> None:
    monday, wednesday, friday = (local_day(date(2025, 3, d), "Europe/London") for d in (3, 5, 7))
    days = {"A": monday, "B": monday, "C": monday, "D": wednesday, "E": friday}
    claims = [claim(f"{k}:1", [reading("UTC", [within("e", *v)])], clock="stated") for k, v in days.items()]
    events, said = reconcile(story([], events=[event("e")]), claims)
    e = outcome(events, "e")
    # No one report explains the rest; D and E together do: Monday.
    assert e.agreed_start is None
    assert span(e.start) == monday and "robust window assumes 2 reports wrong" in e.notes
    assert e.conflicts == ("D:1", "E:1")
    assert {o.claim.id: o.status for o in said} == {"A:1": "consistent", "B:1": "consistent",
                                                        "C:1": "consistent", "D:1": "conflict", "E:1": "conflict"}
    # With two reports tolerated, the same window without the fallback note.
    events, _ = reconcile(story([], events=[event("e")]), claims, options=ReconcileOptions(tolerate=2))
    assert span(outcome(events, "e").start) == monday
    assert not any("assumes" in n for n in outcome(events, "e").notes)


def test_an_unrelated_event_does_not_change_another_events_outcome() -> None:
    tuesday = local_day(date(2025, 3, 4), "Asia/Tokyo")
    mine = [claim("A:1", [reading("Asia/Tokyo", [within("e", *tuesday)]),
                          reading("Europe/London", [within("e", *local_day(date(2025, 3, 4), "Europe/London"))])]),
            claim("B:1", [reading("UTC", [within("e", utc(2025, 3, 3, 15), utc(2025, 3, 3, 18))])], clock="stated")]
    # Reports on f only, two of which cannot both be right: before, that made every agreed window None.
    theirs = [claim("C:1", [reading("UTC", [within("f", utc(2025, 3, 1), utc(2025, 3, 1, 1))])], event_id="f"),
              claim("D:1", [reading("UTC", [within("f", utc(2025, 3, 2), utc(2025, 3, 2, 1))])], event_id="f")]
    s = story([], events=[event("e"), event("f")])
    alone_events, alone_claims = reconcile(s, mine)
    both_events, both_claims = reconcile(s, mine + theirs)
    assert outcome(both_events, "e") == outcome(alone_events, "e")
    assert outcome(both_events, "e").agreed_start is not None
    assert by_id(both_claims)["A:1"] == by_id(alone_claims)["A:1"]
    assert by_id(both_claims)["B:1"] == by_id(alone_claims)["B:1"]
    assert outcome(both_events, "f").agreed_start is None and outcome(both_events, "f").conflicts == ("C:1", "D:1")


def test_propagation_that_shaves_a_cycle_is_impossible_not_endless() -> None:
    """e - b = 0 and e - b = 1 h: bounds propagation would shave an hour at a time off a
    two-thousand-year horizon; it is stopped and reported as impossible."""
    b, e = Point("b", "start"), Point("e", "start")
    claims = [claim(f"A:{i}", [reading("UTC", [Offset(b, e, timedelta(hours=i), timedelta(hours=i))])], clock="any")
              for i in (0, 1)]
    events, said = reconcile(story([], events=[event("e"), event("b")]), claims)
    assert outcome(events, "e").agreed_start is None and impossible(outcome(events, "e"))
    assert {o.status for o in said} == {"conflict"}


# ----------------------------------------------------------------------------- 9. the fast path against the plain one


@functools.lru_cache(maxsize=1)
def _mid_size() -> tuple[Story, list[Claim]]:
    # 300 claims over 30 events in chains of three: ten components, some with one wrong
    # report and (this seed) one with two.
    s, claims = synthetic(300, chain=3, wrong_rate=0.03, seed=3)
    return s, claims


def test_fast_path_equals_the_plain_reference_on_a_mid_size_story() -> None:
    s, claims = _mid_size()
    fast = analyse(s, claims)
    plain = naive_analyses(s, claims)
    assert len(fast) == len(plain) == 10
    assert any(a.agreed is None for a in fast) and any(a.agreed is not None for a in fast)
    assert any(a.wrong == 2 for a in fast), "the seed should give a component needing two removals"
    for mine, theirs in zip(fast, plain, strict=True):
        assert mine == theirs, mine.events
    # And so the outcomes, built from either.
    assert reconcile(s, claims) == outcomes(s, claims, plain, ReconcileOptions())  # type: ignore[arg-type]


def test_fast_path_does_not_depend_on_the_order_of_a_mid_size_story() -> None:
    s, claims = _mid_size()
    shuffled = list(claims)
    random.Random(7).shuffle(shuffled)
    events, outcomes_ = reconcile(s, claims)
    events2, outcomes2 = reconcile(replace(s, events=tuple(reversed(s.events))), shuffled)
    assert sorted(events, key=lambda e: e.event) == sorted(events2, key=lambda e: e.event)
    assert by_id(outcomes_) == by_id(outcomes2)


def test_solving_parts_in_several_processes_gives_the_same_answer() -> None:
    # Forced to two processes even for a small story; where fork is unavailable it runs in one.
    s, claims = _mid_size()
    assert reconcile(s, claims, options=ReconcileOptions(workers=2)) == \
        reconcile(s, claims, options=ReconcileOptions(workers=1))


def test_a_small_story_is_solved_in_this_process() -> None:
    from timeline.reconcile.parallel import MIN_CLAIMS, workers_for

    assert workers_for(None, [MIN_CLAIMS // 4, MIN_CLAIMS // 4]) == 1
    assert workers_for(None, [MIN_CLAIMS * 2]) == 1  # one part: nothing to share out
    assert workers_for(1, [MIN_CLAIMS, MIN_CLAIMS]) == 1
    with pytest.raises(ValueError, match="workers=0"):
        workers_for(0, [10])


def test_a_failed_process_falls_back_to_this_one_with_a_warning() -> None:
    from timeline.reconcile import parallel

    if parallel.workers_for(2, [1, 1]) < 2:
        pytest.skip("this platform cannot fork worker processes")
    with pytest.warns(TimelineWarning, match="solving it in this process instead"):
        assert parallel.solve_parts(_exit_in_worker, None, [1, 2], [1, 1], 2) is None


def _exit_in_worker(shared: object, part: int) -> int:
    import os

    os._exit(3)  # a worker killed from outside (out of memory, say)


def test_the_cycle_collector_is_left_as_it_was() -> None:
    import gc

    s, claims = _mid_size()
    reconcile(s, claims)
    assert gc.isenabled()
    gc.disable()  # the caller's choice: kept
    try:
        reconcile(s, claims)
        assert not gc.isenabled()
    finally:
        gc.enable()
