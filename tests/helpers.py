"""Build small stories in code for the resolve and reconcile tests.

Every helper returns the frozen model objects the pipeline uses, so a test reads as the
story a journalist would enter: clocks, events, anchors and a few reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from timeline.model import (
    Anchor,
    Article,
    Claim,
    Clock,
    Constraint,
    EventSpec,
    Mention,
    Point,
    Published,
    Reading,
    Story,
    Within,
)

BEIJING = Clock("Beijing", "Asia/Shanghai")
MOSCOW = Clock("Moscow", "Europe/Moscow")
WASHINGTON = Clock("Washington", "America/New_York")
LONDON = Clock("London", "Europe/London")
TOKYO = Clock("Tokyo", "Asia/Tokyo")
AUCKLAND = Clock("Auckland", "Pacific/Auckland")


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def event(event_id: str, *words: str, instant: bool = False) -> EventSpec:
    return EventSpec(event_id, event_id.capitalize(), tuple(words) or (event_id,), instant)


def anchor(event_id: str, earliest: datetime, latest: datetime | None = None, side: str = "start") -> Anchor:
    return Anchor(event_id, side, earliest, latest or earliest, "test fact")  # type: ignore[arg-type]


def article(
    article_id: str,
    text: str,
    *,
    published: date | None = None,
    published_time: time | None = None,
    published_zone: str | None = None,
    newsroom_zone: str | None = None,
    outlet: str = "",
    boilerplate_start: int | None = None,
) -> Article:
    raw = published.isoformat() if published else ""
    return Article(
        id=article_id,
        outlet=outlet,
        url="",
        published=Published(raw, published, published_time, published_zone,
                            "test" if published_zone else "unknown"),
        newsroom_zone=newsroom_zone,
        zone_source="test" if newsroom_zone else "unknown",
        language="en",
        text=text,
        boilerplate_start=boilerplate_start,
    )


def story(
    articles: Sequence[Article],
    *,
    events: Sequence[EventSpec] = (),
    anchors: Sequence[Anchor] = (),
    clocks: Sequence[Clock] = (BEIJING, MOSCOW, WASHINGTON),
    period: tuple[date, date] | None = None,
    subject: str | None = None,
    outlet_zones: Sequence[tuple[str, str]] = (),
) -> Story:
    return Story(
        id="test",
        title="Test story",
        subtitle="",
        source_line="",
        credit="",
        clocks=tuple(clocks),
        events=tuple(events),
        anchors=tuple(anchors),
        articles=tuple(articles),
        subject_event=subject,
        period=period,
        outlet_zones=tuple(outlet_zones),
    )


# ----------------------------------------------------------------------------- claims by hand


def mention(text: str = "x") -> Mention:
    from timeline.model import Reference

    return Mention(text, 0, len(text), "test", Reference("PAST_REF"), "DATE")


def claim(
    claim_id: str,
    readings: Sequence[Reading],
    *,
    event_id: str = "e",
    article_id: str | None = None,
    clock: str = "article",
) -> Claim:
    return Claim(
        id=claim_id,
        article=article_id or claim_id.split(":")[0],
        outlet="",
        mention=mention(claim_id),
        event=event_id,
        anchor_event=None,
        readings=tuple(readings),
        clock=clock,  # type: ignore[arg-type]
    )


def within(event_id: str, earliest: datetime, latest: datetime, side: str = "start") -> Within:
    return Within(Point(event_id, side), earliest, latest)  # type: ignore[arg-type]


def reading(zone: str, *alternatives: Sequence[Constraint]) -> Reading:
    return Reading(zone, tuple(tuple(a) for a in alternatives))


def local_day(day: date, zone: str) -> tuple[datetime, datetime]:
    """[first instant, last minute] of a calendar day on ``zone``, in UTC."""
    from timeline.zones import get_zone, local_day_bounds

    begin, end = local_day_bounds(day, get_zone(zone))
    return begin.astimezone(UTC), (end - timedelta(minutes=1)).astimezone(UTC)


# ----------------------------------------------------------------------------- a synthetic archive


def synthetic(claims_wanted: int, *, chain: int = 10, per_event: int = 10, wrong_rate: float = 0.01,
              seed: int = 0) -> tuple[Story, list[Claim]]:
    """A story imitating a large news archive, with ``claims_wanted`` claims over
    ``claims_wanted / per_event`` events (used by the tests and scripts/bench_reconcile.py).

    Events come in chains of ``chain`` ("hours after", "a day after" the previous event); the
    first of each chain is a known anchor. Reports name weekdays on unknown clocks (one reading
    per clock, this week or the last), give stated times, durations and elapsed-time relations;
    a share ``wrong_rate`` of them is wrong. Articles carry 2..5 claims about one chain, so
    they share a clock."""
    import random

    from timeline.model import CalendarShift, Offset, Reference, Within
    from timeline.zones import get_zone, local_day_bounds

    rng = random.Random(seed)
    zones = (BEIJING.zone, MOSCOW.zone, WASHINGTON.zone)
    first = datetime(2025, 1, 6, 12, tzinfo=UTC)
    minute = timedelta(minutes=1)
    n_events = max(chain, claims_wanted // per_event)
    events: list[EventSpec] = []
    anchors: list[Anchor] = []
    truth: dict[str, datetime] = {}
    lasts: dict[str, int] = {}
    for index in range(n_events):
        which, link = divmod(index, chain)
        event_id = f"e{index}"
        if link == 0:
            moment = first + timedelta(days=7 * (which % 40), hours=rng.randint(0, 23))
            anchors.append(Anchor(event_id, "start", moment, moment + timedelta(minutes=2), "synthetic"))
        else:
            previous = f"e{index - 1}"
            moment = truth[previous] + timedelta(hours=lasts[previous] + rng.randint(2, 30))
        truth[event_id] = moment
        lasts[event_id] = 0 if link == 0 else rng.randint(1, 5)
        events.append(EventSpec(event_id, f"Event {index}", (event_id,), instant=link == 0))

    def day(on: date, zone: str) -> tuple[datetime, datetime]:
        begin, end = local_day_bounds(on, get_zone(zone))
        return begin.astimezone(UTC), (end - minute).astimezone(UTC)

    def make(claim_id: str, article_id: str, index: int, writer: str) -> Claim:
        event_id = f"e{index}"
        start = Point(event_id, "start")
        moment = truth[event_id]
        kind = rng.choices(("weekday", "relation", "day_after", "duration", "stated"), (45, 25, 10, 10, 10))[0]
        if index % chain == 0 and kind in ("relation", "day_after", "duration"):
            kind = "weekday"  # the first event of a chain is an instant with nothing before it
        wrong = rng.random() < wrong_rate
        clock = "article"
        readings: list[Reading] = []
        if kind == "weekday":
            shift = timedelta(days=rng.choice((2, 3, -2))) if wrong else timedelta(0)
            for zone in zones:
                on = (moment + shift).astimezone(get_zone(writer)).date()
                alternatives = tuple((Within(start, *day(on - timedelta(weeks=w), zone)),) for w in (0, 1))
                readings.append(Reading(zone, alternatives))
        elif kind == "relation":
            previous = Point(f"e{index - 1}", "end")
            readings.append(Reading("*", ((Offset(previous, start, timedelta(hours=1), timedelta(hours=31)),),)))
            clock = "any"
        elif kind == "day_after":
            previous = Point(f"e{index - 1}", "start")
            for zone in zones:
                readings.append(Reading(zone, ((CalendarShift(previous, start, zone, 0, 3),),)))
        elif kind == "duration":
            hours = lasts[event_id]
            offset = Offset(start, Point(event_id, "end"), timedelta(hours=hours - 0.5), timedelta(hours=hours + 0.5))
            readings.append(Reading("*", ((offset,),)))
            clock = "any"
        else:
            low = moment - timedelta(minutes=rng.randint(0, 60))
            if wrong:
                low += timedelta(days=3)
            readings.append(Reading("Europe/Moscow", ((Within(start, low, low + timedelta(hours=1)),),)))
            clock = "stated"
        mention = Mention(kind, 0, len(kind), "synthetic", Reference("PAST_REF"), "DATE")
        return Claim(claim_id, article_id, "", mention, event_id, None, tuple(readings),
                     clock=clock)  # type: ignore[arg-type]

    claims: list[Claim] = []
    article_index = 0
    while len(claims) < claims_wanted:
        which = rng.randrange(n_events // chain)
        article_id = f"A{article_index}"
        article_index += 1
        writer = rng.choice(zones)
        for _ in range(rng.randint(2, 5)):
            if len(claims) >= claims_wanted:
                break
            index = which * chain + rng.randrange(chain)
            claims.append(make(f"{article_id}:{len(claims)}", article_id, index, writer))
    story_ = Story("synthetic", "Synthetic", "", "", "", (BEIJING, MOSCOW, WASHINGTON), tuple(events),
                   tuple(anchors), ())
    return story_, claims


# ----------------------------------------------------------------------------- the reference reconciler


def naive_analyses(story_: Story, claims: Sequence[Claim], options: object = None) -> list[object]:
    """What :func:`timeline.reconcile.analyse` computes, done the plain way: components by a
    breadth-first walk, and one full solve (in rounds) for every subset of claims needed, every
    removed set tried by brute force (the algorithm before divide and conquer)."""
    import itertools

    from timeline.reconcile.analysis import HORIZON, Analysis, ReconcileOptions, _fixed_constraints, _open_ends, _union
    from timeline.reconcile.domains import Domain
    from timeline.reconcile.solver import Problem, group_claims, solve

    opts = options if isinstance(options, ReconcileOptions) else ReconcileOptions()
    resolved = [c for c in claims if c.readings]
    # Components: events linked by a claim; claims of one article linked.
    links: dict[str, set[str]] = {e.id: set() for e in story_.events}
    nodes_of: dict[str, set[str]] = {}
    for c in resolved:
        nodes = {p.event for p in c.points} | ({c.event} if c.event in links else set())
        nodes_of[c.id] = nodes
    for c in resolved:
        same = [n for d in resolved if d.article == c.article for n in nodes_of[d.id]]
        for a in same:
            for b in same:
                links.setdefault(a, set()).add(b)
    seen: set[str] = set()
    out: list[object] = []
    for first in [e.id for e in story_.events]:
        if first in seen:
            continue
        todo, part = [first], []
        seen.add(first)
        while todo:
            node = todo.pop()
            part.append(node)
            for other in sorted(links.get(node, ())):
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        events = tuple(e.id for e in story_.events if e.id in part)
        members = sorted((c for c in resolved if nodes_of[c.id] & set(events)), key=lambda c: c.id)
        by_id = {c.id: c for c in members}
        points = tuple(Point(e, side) for e in events for side in ("start", "end"))  # type: ignore[arg-type]
        fixed = tuple(_fixed_constraints(story_, events))

        cache: dict[tuple[frozenset[str], tuple[tuple[str, str], ...]], dict[Point, Domain] | None] = {}

        def solve_ids(ids: frozenset[str], only_zone: dict[str, str] | None = None,
                      chosen: Sequence[Claim] | None = None, points: tuple[Point, ...] = points,
                      fixed: tuple[Constraint, ...] = fixed, by_id: dict[str, Claim] = by_id,
                      cache: dict[tuple[frozenset[str], tuple[tuple[str, str], ...]],
                                  dict[Point, Domain] | None] = cache) -> dict[Point, Domain] | None:
            if chosen is not None:
                return solve(Problem(points, fixed, tuple(group_claims(chosen)), HORIZON))
            key = (ids, tuple(sorted((only_zone or {}).items())))
            if key not in cache:
                subset = [by_id[i] for i in sorted(ids)]
                cache[key] = solve(Problem(points, fixed, tuple(group_claims(subset, only_zone=only_zone)), HORIZON))
            return cache[key]

        ids = frozenset(by_id)
        full = solve_ids(ids)
        without = {i: solve_ids(ids - {i}) for i in sorted(ids)}
        most = max(opts.tolerate, opts.max_conflict_size, opts.max_wrong)

        def removed(size: int, ids: frozenset[str] = ids) -> list[dict[Point, Domain]]:
            found = [solve_ids(ids - set(r)) for r in itertools.combinations(sorted(ids), size)]
            return [f for f in found if f is not None]

        answers: list[dict[Point, Domain]] = []
        conflicts: frozenset[str] = frozenset()
        wrong = 0
        if full is not None:
            answers.append(full)
            if opts.tolerate >= 1:
                answers += [w for w in without.values() if w is not None]
            for size in range(2, opts.tolerate + 1):
                answers += removed(size)
        else:
            for size in range(1, most + 1):
                sets = [frozenset(r) for r in itertools.combinations(sorted(ids), size)
                        if solve_ids(ids - set(r)) is not None]  # (each solve remembered)
                if sets:
                    conflicts = frozenset().union(*sets)
                    answers += removed(size)
                    for more in range(size + 1, opts.tolerate + 1):
                        answers += removed(more)
                    wrong = size if size > opts.tolerate else 0
                    break
            else:
                conflicts = ids
        loose: dict[str, Domain | None] = {}
        zones: dict[str, tuple[str, ...]] = {}
        claimed: dict[str, Domain | None] = {}
        trusted = ids - conflicts
        for c in members:
            point = Point(c.event or "", "start")
            w = without[c.id]
            loose[c.id] = w[point] if w is not None and point in w else None
            if c.clock != "article":
                zones[c.id] = tuple(sorted({r.zone for r in c.readings}))
            else:
                base = trusted | {c.id} if c.id in conflicts else trusted
                zones[c.id] = tuple(r.zone for r in c.readings if solve_ids(base, {c.article: r.zone}) is not None)
            union: Domain | None = None
            if c.event is not None:
                for r in c.readings:
                    if zones[c.id] and r.zone not in zones[c.id] and c.clock == "article":
                        continue
                    single = Claim(**{**c.__dict__, "readings": (r,), "article": f"{c.article}#alone"})
                    answer = solve_ids(frozenset(), chosen=[single])
                    if answer is not None:
                        union = answer[point] if union is None else union.union(answer[point])
            claimed[c.id] = union
        out.append(Analysis(events, tuple(sorted(ids)), _open_ends(full, events) if full else None,
                            _union([_open_ends(a, events) for a in answers]), loose, conflicts, wrong, zones,
                            claimed, most))
    return out
