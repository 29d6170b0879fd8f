"""The answers for one connected part of a story (see :func:`timeline.reconcile.analyse`):
the every-report-right and robust windows, each claim's answer with it set aside, the clocks
on which each claim fits and what each claim alone says. Compiled by ``scripts/compile.py``
with the solver, as it runs once per part."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from ..model import Claim, Constraint, Offset, Point, Story, Within
from .domains import Domain, to_minutes
from .network import NetState, Network

__all__ = ["HORIZON", "LONGEST_EVENT", "UNBOUNDED_MARGIN", "Analysis", "Domains", "ReconcileOptions", "analyse_part",
           "components"]


# Every point starts from this fixed horizon, the same whatever the claims say ...
HORIZON = (to_minutes(datetime(1000, 1, 1, tzinfo=UTC)), to_minutes(datetime(3000, 1, 1, tzinfo=UTC)))
# ... and a window side within this of it is one that no report bounds.
UNBOUNDED_MARGIN = int(timedelta(days=36525) / timedelta(minutes=1))
# The longest an event may last when nothing says how long it took.
LONGEST_EVENT = timedelta(days=3650)


@dataclass(frozen=True)
class ReconcileOptions:
    tolerate: int = 1  # the robust window holds if this many reports are wrong
    pivotal_minutes: int = 15  # setting a report aside must widen the agreed window this much
    max_conflict_size: int = 2  # look for smallest conflicting sets up to this size ...
    max_wrong: int = 3  # ... and, for the robust window's fallback, up to this many wrong reports
    # Processes that solve the story's independent parts side by side: None decides (more than
    # one only for a large story with several parts, on Linux, from a process without threads);
    # 1 solves in this process. The answer is the same either way.
    workers: int | None = None


Domains = dict[Point, Domain]


@dataclass
class Analysis:
    """What the solver found for one connected component of the story."""

    events: tuple[str, ...]
    claims: tuple[str, ...]
    agreed: Domains | None  # every report right; None when they cannot all be
    robust: Domains | None  # None when no small set of wrong reports explains the rest
    loose: dict[str, Domain | None]  # per claim: its event's start with the claim set aside
    conflicts: frozenset[str]
    wrong: int  # how many wrong reports the robust window assumes, when more than tolerated
    zones: dict[str, tuple[str, ...]]  # per claim: the clocks it fits on
    claimed: dict[str, Domain | None]  # per claim: its event's start from the claim alone
    tried: int = field(default=0)  # the most wrong reports looked for


def _fixed_constraints(story: Story, events: Sequence[str] | None = None) -> list[Constraint]:
    chosen = set(events) if events is not None else None
    fixed: list[Constraint] = []
    for event in story.events:
        if chosen is not None and event.id not in chosen:
            continue
        start, end = Point(event.id, "start"), Point(event.id, "end")
        longest = timedelta(0) if event.instant else LONGEST_EVENT
        fixed.append(Offset(start, end, timedelta(0), longest))
    for anchor in story.anchors:
        if chosen is None or anchor.event in chosen:
            fixed.append(Within(Point(anchor.event, anchor.side), anchor.earliest, anchor.latest))
    return fixed


def components(story: Story, claims: Sequence[Claim]) -> list[tuple[tuple[str, ...], tuple[Claim, ...]]]:
    """The connected components: events linked by a claim, or by two claims of one article.
    Events in story order, claims by id; components in the order of their first event."""
    parent: dict[str, str] = {e.id: e.id for e in story.events}

    def find(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def join(a: str, b: str) -> None:
        a, b = find(a), find(b)
        if a != b:
            parent[max(a, b)] = min(a, b)

    known = set(parent)
    first_of_article: dict[str, str] = {}
    nodes_of: dict[str, str] = {}
    for claim in sorted(claims, key=lambda c: c.id):
        nodes = sorted({p.event for p in claim.points} | ({claim.event} if claim.event in known else set()))
        node = nodes[0] if nodes else f"#claim {claim.id}"
        for other in nodes[1:]:
            join(node, other)
        join(node, first_of_article.setdefault(claim.article, node))
        nodes_of[claim.id] = node
    order = [e.id for e in story.events] + sorted(n for n in parent if n not in known)
    members: dict[str, list[str]] = {}
    for node in order:
        members.setdefault(find(node), []).append(node)
    grouped: dict[str, list[Claim]] = {}
    for claim in claims:
        grouped.setdefault(find(nodes_of[claim.id]), []).append(claim)
    return [(tuple(n for n in nodes if not n.startswith("#claim ")),
             tuple(sorted(grouped.get(root, []), key=lambda c: c.id))) for root, nodes in members.items()]


def _points(events: Sequence[str]) -> tuple[Point, ...]:
    return tuple(Point(e, side) for e in events for side in ("start", "end"))  # type: ignore[arg-type]


def _union(answers: Sequence[Domains]) -> Domains | None:
    if not answers:
        return None
    union = dict(answers[0])
    for answer in answers[1:]:
        union = {p: union[p].union(answer[p]) for p in union}
    return union


def analyse_part(story: Story, events: tuple[str, ...], members: tuple[Claim, ...],
             options: ReconcileOptions) -> Analysis:
    net = Network(_points(events), _fixed_constraints(story, events), members, HORIZON)
    ids = [c.id for c in members]
    full = net.solve(ids)
    drops = net.drop_one(ids, full)
    most = max(options.tolerate, options.max_conflict_size, options.max_wrong)
    answers: list[NetState] = []
    conflicts: frozenset[str] = frozenset()
    wrong = 0
    if full is not None:
        answers.append(full)
        if options.tolerate >= 1:
            answers += [s for s in drops.values() if s is not None]
        for size in range(2, options.tolerate + 1):
            answers += net.removals(ids, size).values()
    else:
        for size in range(1, most + 1):
            found = ({frozenset({i}): s for i, s in drops.items() if s is not None} if size == 1
                     else net.removals(ids, size))
            if found:
                conflicts = frozenset().union(*found)
                answers += found.values()
                for more in range(size + 1, options.tolerate + 1):
                    answers += net.removals(ids, more).values()
                wrong = size if size > options.tolerate else 0
                break
        else:
            conflicts = frozenset(ids)
    loose: dict[str, Domain | None] = {}
    for claim in members:
        state = drops.get(claim.id)
        point = Point(claim.event or "", "start")
        loose[claim.id] = net.domain(state, point) if state is not None and point in net.index else None
    zones = _fitting_zones(net, members, conflicts, full)
    claimed = {c.id: _claimed(net, c, zones[c.id]) for c in members}
    distinct = list({id(s): s for s in answers}.values())  # most claims' answer is the full fixpoint itself
    return Analysis(events, tuple(ids), _open_ends(net.as_points(full), events) if full else None,
                    _union([_open_ends(net.as_points(s), events) for s in distinct]), loose, conflicts, wrong,
                    zones, claimed, most)


def _open_ends(domains: Domains, events: Sequence[str]) -> Domains:
    """An end that only the longest-event rule bounds runs to the horizon: nothing bounds it.
    (Done per answer, before any union, so a union cannot hide it.)"""
    longest = int(LONGEST_EVENT / timedelta(minutes=1)) - 1
    for event in events:
        start, end = domains[Point(event, "start")], domains[Point(event, "end")]
        if start and end and end.high - start.high >= longest:
            domains[Point(event, "end")] = Domain((*end.spans, (end.high, HORIZON[1])))
    return domains


def _fitting_zones(net: Network, members: Sequence[Claim], conflicts: frozenset[str],
                   full: NetState | None) -> dict[str, tuple[str, ...]]:
    """Per claim, the readings of its article under which the trusted claims (and, for a claim
    in conflict, the claim itself) are consistent."""
    trusted = full if not conflicts else net.solve([c.id for c in members if c.id not in conflicts])
    fits: dict[tuple[str, str], bool] = {}
    out: dict[str, tuple[str, ...]] = {}
    for claim in members:
        if claim.clock != "article":
            out[claim.id] = tuple(sorted({r.zone for r in claim.readings}))
            continue
        if claim.id in conflicts:
            base = net.add(trusted, [claim.id])
            out[claim.id] = tuple(r.zone for r in claim.readings if net.fits(base, claim.article, r.zone))
            continue
        for reading in claim.readings:
            key = (claim.article, reading.zone)
            if key not in fits:
                fits[key] = net.fits(trusted, claim.article, reading.zone)
        out[claim.id] = tuple(r.zone for r in claim.readings if fits[claim.article, r.zone])
    return out


def _claimed(net: Network, claim: Claim, zones: tuple[str, ...]) -> Domain | None:
    """What the claim alone says about its event's start, with the story's known anchors."""
    point = Point(claim.event or "", "start")
    if claim.event is None or point not in net.index:
        return None
    readings = [r for r in claim.readings if not zones or r.zone in zones or claim.clock != "article"]
    union: Domain | None = None
    for reading in readings:
        state = net.alone(reading)
        if state is None:
            continue
        answer = net.domain(state, point)
        union = answer if union is None else union.union(answer)
    return union


# --------------------------------------------------------------------------- outcomes
