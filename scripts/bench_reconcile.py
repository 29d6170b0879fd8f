"""Benchmark reconcile() on synthetic stories (prints numbers; not a test).

The story imitates a large news archive: events come in chains ("hours after", "a day
after" the previous event), the first of each chain is a known anchor; reports name
weekdays on unknown clocks (one reading per clock, two weeks each), give stated times,
durations and elapsed-time relations; a few reports are wrong (they name a day that
contradicts the rest). Articles carry 2..5 claims about one chain, so they share a clock.

    python scripts/bench_reconcile.py                 # 1k, 2k, 5k, 10k claims (10 per event)
    python scripts/bench_reconcile.py --sizes 200 500 --repeat 3
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline.model import (
    Anchor,
    CalendarShift,
    Claim,
    Clock,
    EventSpec,
    Mention,
    Offset,
    Point,
    Reading,
    Reference,
    Story,
    Within,
)
from timeline.reconcile import reconcile
from timeline.zones import get_zone, local_day_bounds

CLOCKS = (Clock("Beijing", "Asia/Shanghai"), Clock("Moscow", "Europe/Moscow"),
          Clock("Washington", "America/New_York"))
ZONES = tuple(c.zone for c in CLOCKS)
CHAIN = 10  # events per chain: a component of the event graph
CLAIMS_PER_EVENT = 10
CONFLICT_RATE = float(__import__("os").environ.get("BENCH_CONFLICT_RATE", "0.01"))
START = datetime(2025, 1, 6, 12, tzinfo=UTC)
MINUTE = timedelta(minutes=1)


def _day(day: date, zone: str) -> tuple[datetime, datetime]:
    begin, end = local_day_bounds(day, get_zone(zone))
    return begin.astimezone(UTC), (end - MINUTE).astimezone(UTC)


def _mention(text: str) -> Mention:
    return Mention(text, 0, len(text), "bench", Reference("PAST_REF"), "DATE")


def synthetic(claims_wanted: int, seed: int = 0) -> tuple[Story, list[Claim]]:
    """A story with ``claims_wanted`` claims over ``claims_wanted / 10`` events."""
    rng = random.Random(seed)
    n_events = max(CHAIN, claims_wanted // CLAIMS_PER_EVENT)
    events: list[EventSpec] = []
    anchors: list[Anchor] = []
    truth: dict[str, datetime] = {}  # every event's true start
    lasts: dict[str, int] = {}  # and how many hours it lasted (0: an instant)
    for index in range(n_events):
        chain, link = divmod(index, CHAIN)
        event_id = f"e{index}"
        if link == 0:
            moment = START + timedelta(days=7 * (chain % 40), hours=rng.randint(0, 23))
            anchors.append(Anchor(event_id, "start", moment, moment + timedelta(minutes=2), "bench"))
        else:
            previous = f"e{index - 1}"
            moment = truth[previous] + timedelta(hours=lasts[previous] + rng.randint(2, 30))
        truth[event_id] = moment
        lasts[event_id] = 0 if link == 0 else rng.randint(1, 5)
        events.append(EventSpec(event_id, f"Event {index}", (event_id,), instant=link == 0))

    claims: list[Claim] = []
    article_index = 0
    while len(claims) < claims_wanted:
        chain = rng.randrange(n_events // CHAIN)
        article = f"A{article_index}"
        article_index += 1
        zone_of_writer = rng.choice(ZONES)
        for _ in range(rng.randint(2, 5)):
            if len(claims) >= claims_wanted:
                break
            index = chain * CHAIN + rng.randrange(CHAIN)
            claims.append(_claim(rng, f"{article}:{len(claims)}", article, index, truth, lasts, zone_of_writer))
    story = Story("bench", "Benchmark", "", "", "", CLOCKS, tuple(events), tuple(anchors), ())
    return story, claims


def _claim(rng: random.Random, claim_id: str, article: str, index: int, truth: dict[str, datetime],
           lasts: dict[str, int], writer: str) -> Claim:
    event_id = f"e{index}"
    start = Point(event_id, "start")
    moment = truth[event_id]
    kind = rng.choices(("weekday", "relation", "day_after", "duration", "stated"), (45, 25, 10, 10, 10))[0]
    if index % CHAIN == 0 and kind in ("relation", "day_after", "duration"):
        kind = "weekday"  # the first event of a chain is an instant with nothing before it
    wrong = rng.random() < CONFLICT_RATE
    clock = "article"
    readings: list[Reading] = []
    if kind == "weekday":
        # "on Tuesday" in an unknown week and on an unknown clock: this week or the last.
        shift = timedelta(days=rng.choice((2, 3, -2))) if wrong else timedelta(0)
        for zone in ZONES:
            day = (moment + shift).astimezone(get_zone(writer)).date()
            alternatives = tuple((Within(start, *_day(day - timedelta(weeks=w), zone)),) for w in (0, 1))
            readings.append(Reading(zone, alternatives))
    elif kind == "relation":
        previous = Point(f"e{index - 1}", "end")
        readings.append(Reading("*", ((Offset(previous, start, timedelta(hours=1), timedelta(hours=31)),),)))
        clock = "any"
    elif kind == "day_after":
        previous = Point(f"e{index - 1}", "start")
        for zone in ZONES:
            readings.append(Reading(zone, ((CalendarShift(previous, start, zone, 0, 3),),)))
    elif kind == "duration":
        hours = lasts[event_id]
        offset = Offset(start, Point(event_id, "end"), timedelta(hours=hours - 0.5), timedelta(hours=hours + 0.5))
        readings.append(Reading("*", ((offset,),)))
        clock = "any"
    else:
        # "at 14:00 Moscow time": a stated clock, within an hour of the truth.
        low = moment - timedelta(minutes=rng.randint(0, 60))
        if wrong:
            low += timedelta(days=3)
        readings.append(Reading("Europe/Moscow", ((Within(start, low, low + timedelta(hours=1)),),)))
        clock = "stated"
    return Claim(claim_id, article, "", _mention(kind), event_id, None, tuple(readings),
                 clock=clock)  # type: ignore[arg-type]


def bench(size: int, repeat: int) -> float:
    story, claims = synthetic(size)
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        events, outcomes = reconcile(story, claims)
        best = min(best, time.perf_counter() - began)
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    agreed = sum(e.agreed_start is not None for e in events)
    print(f"{size:>6} claims {len(story.events):>5} events: {best:8.2f} s   "
          f"({agreed} events agreed; {', '.join(f'{v} {k}' for k, v in sorted(counts.items()))})", flush=True)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 5000, 10000])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    times = [(size, bench(size, args.repeat)) for size in args.sizes]
    for (small, t_small), (large, t_large) in itertools.pairwise(times):
        if t_small > 0:
            print(f"{small} -> {large} claims: x{large / small:.1f} size, x{t_large / t_small:.1f} time")


if __name__ == "__main__":
    main()
