"""Constraint propagation over event points with disjunctive claims.

Each point (an event's start or end) has a :class:`Domain` of possible instants. Claims
are grouped by article: a writer uses one clock, so an article whose zone is unknown is a
disjunction over its candidate clocks of the conjunction of its claims, each claim itself a
disjunction of alternatives. Propagation narrows domains by constructive disjunction (the
union over alternatives of what each alternative allows) until nothing changes.

This is sound: no instant that some choice of readings allows is ever removed. Point
constraints ``low <= t_j - t_i <= high`` are those of a Simple Temporal Network (Dechter,
Meiri & Pearl 1991); with interval-union domains and disjunctions, propagation gives the
exact answer on tree-shaped stories (every report relates an event to one other) and a
safe over-approximation otherwise. The fixpoint does not depend on the order of claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..model import CalendarShift, Claim, Constraint, Offset, Point, Within
from ..zones import get_zone, local_day_bounds
from .domains import Domain, to_minutes

__all__ = ["CALENDAR_SPAN_LIMIT_DAYS", "MAX_ROUNDS", "Group", "Problem", "solve"]

MAX_ROUNDS = 100
# A calendar relation is only propagated from a domain spanning fewer days than this:
# wider domains carry no usable information about which day it is, and enumerating
# their days would cost time for nothing.
CALENDAR_SPAN_LIMIT_DAYS = 800

Domains = dict[Point, Domain]
Alternative = tuple[Constraint, ...]


@dataclass(frozen=True)
class Group:
    """The claims of one article: one chosen clock for all of them (``options``: per clock, the
    alternatives of each claim)."""

    article: str
    options: tuple[tuple[str, tuple[tuple[Alternative, ...], ...]], ...]


def group_claims(claims: Sequence[Claim], *, only_zone: Mapping[str, str] | None = None) -> list[Group]:
    """Groups by article; ``only_zone`` restricts an article to one clock (for "which reading fits")."""
    by_article: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.readings:
            by_article.setdefault(claim.article, []).append(claim)
    groups = []
    for article in sorted(by_article):
        members = sorted(by_article[article], key=lambda c: c.id)
        zones = sorted({r.zone for c in members if c.clock == "article" for r in c.readings}) or ["*"]
        if only_zone and article in only_zone:
            zones = [z for z in zones if z == only_zone[article]]
        options = []
        for zone in zones:
            per_claim = []
            for claim in members:
                # The writer's clock is shared by the article's claims; a clock the text names
                # ("noon ET") or elapsed time ("hours after") does not depend on it.
                readings = [r for r in claim.readings if claim.clock != "article" or r.zone == zone]
                per_claim.append(tuple(alt for r in readings for alt in r.alternatives))
            options.append((zone, tuple(per_claim)))
        groups.append(Group(article, tuple(options)))
    return groups


@dataclass(frozen=True)
class Problem:
    """Everything the solver needs: fixed constraints (anchors, event structure) and groups."""

    points: tuple[Point, ...]
    fixed: tuple[Constraint, ...]
    groups: tuple[Group, ...]
    horizon: tuple[int, int]


def solve(problem: Problem) -> Domains | None:
    """The narrowed domain of every point, or ``None`` if the constraints cannot all hold."""
    domains: Domains = {p: Domain([problem.horizon]) for p in problem.points}
    for _ in range(MAX_ROUNDS):
        before = dict(domains)
        for constraint in problem.fixed:
            if not _apply(constraint, domains):
                return None
        for group in problem.groups:
            if not _apply_group(group, domains):
                return None
        if domains == before:
            break
    return domains


def _apply_group(group: Group, domains: Domains) -> bool:
    """Constructive disjunction over the group's clocks; narrows ``domains`` in place."""
    # Only the points the group's constraints name can change: unions and intersections are
    # taken over those alone (every other point is the same in every option), which keeps the
    # cost of a group independent of the size of the story.
    touched = _points_of(group)
    union: dict[Point, Domain] | None = None
    for _, claims in group.options:
        local = dict(domains)
        if not _conjunction(claims, local):
            continue
        union = {p: local[p] if union is None else union[p].union(local[p]) for p in touched}
    if union is None:
        return False
    for point, domain in union.items():
        domains[point] = domains[point].intersect(domain)
        if not domains[point]:
            return False
    return True


def _points(alternatives: Iterable[Alternative]) -> tuple[Point, ...]:
    found: dict[Point, None] = {}
    for alternative in alternatives:
        for constraint in alternative:
            if isinstance(constraint, Within):
                found[constraint.point] = None
            else:
                found[constraint.origin] = None
                found[constraint.target] = None
    return tuple(found)


def _points_of(group: Group) -> tuple[Point, ...]:
    return _points(alt for _, claims in group.options for alternatives in claims for alt in alternatives)


def _conjunction(claims: Iterable[tuple[Alternative, ...]], domains: Domains) -> bool:
    indexed = [(alternatives, _points(alternatives)) for alternatives in claims]
    for _ in range(MAX_ROUNDS):
        changed = False
        for alternatives, touched in indexed:
            union: dict[Point, Domain] | None = None
            for alternative in alternatives:
                local = {p: domains[p] for p in touched}
                if all(_apply(c, local) for c in alternative):
                    union = local if union is None else {p: union[p].union(local[p]) for p in touched}
            if union is None:
                return False
            for point in touched:
                narrowed = domains[point].intersect(union[point])
                if not narrowed:
                    return False
                if narrowed != domains[point]:
                    domains[point] = narrowed
                    changed = True
        if not changed:
            return True
    return True


def _apply(constraint: Constraint, domains: Domains) -> bool:
    """Narrow the domains of the constraint's points; False if one becomes empty."""
    if isinstance(constraint, Within):
        window = Domain([(to_minutes(constraint.earliest), to_minutes(constraint.latest))])
        domains[constraint.point] = domains[constraint.point].intersect(window)
        return bool(domains[constraint.point])
    origin, target = domains[constraint.origin], domains[constraint.target]
    if isinstance(constraint, Offset):
        low = int(constraint.low // timedelta(minutes=1))
        high = -int(-constraint.high // timedelta(minutes=1))
        target = target.intersect(origin.shift(low, high))
        origin = origin.intersect(target.shift(-high, -low))
    else:
        target = target.intersect(_calendar_image(origin, constraint, forward=True))
        origin = origin.intersect(_calendar_image(target, constraint, forward=False))
    domains[constraint.origin] = origin
    domains[constraint.target] = target
    return bool(origin) and bool(target)


def _calendar_image(domain: Domain, shift: CalendarShift, *, forward: bool) -> Domain:
    """The instants on the days ``low..high`` after (or before) any day ``domain`` touches."""
    if not domain:
        return domain
    zone = get_zone(shift.zone)
    first = _local_date(domain.low, zone)
    last = _local_date(domain.high, zone)
    if (last - first).days > CALENDAR_SPAN_LIMIT_DAYS:
        return Domain([(domain.low - 10**9, domain.high + 10**9)])
    low, high = (shift.low, shift.high) if forward else (-shift.high, -shift.low)
    spans = []
    for start, end in domain.spans:
        day = _local_date(start, zone)
        stop = _local_date(end, zone)
        while day <= stop:
            begin, _ = local_day_bounds(day + timedelta(days=low), zone)
            _, finish = local_day_bounds(day + timedelta(days=high), zone)
            spans.append((to_minutes(begin), to_minutes(finish) - 1))
            day += timedelta(days=1)
    return Domain(spans)


def _local_date(minutes: int, zone: object) -> date:
    from .domains import from_minutes

    moment: datetime = from_minutes(minutes)
    return moment.astimezone(zone).date()  # type: ignore[arg-type]
