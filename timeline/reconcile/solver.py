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
safe over-approximation otherwise. Every propagator is monotone and contracting, so the
fixpoint (the greatest common fixpoint below the start) does not depend on the order in
which propagators run: :func:`solve` runs them in rounds, :mod:`.network` from a worklist,
and both give the same domains.

Constraints are compiled once into integer minutes over numbered points
(:func:`compile_constraint`); calendar images are cached.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import ClassVar

from ..model import CalendarShift, Claim, Constraint, Offset, Point, Within
from ..zones import get_zone, local_day_bounds
from .domains import MINUTE, Domain, _normal, from_minutes, to_minutes

__all__ = ["CALENDAR_SPAN_LIMIT_DAYS", "MAX_ROUNDS", "CompiledGroup", "Group", "Problem", "compile_constraint",
           "compile_group", "group_claims", "round_limit", "solve"]

# Propagation that still narrows after this many rounds (plus two per point) is a cycle of
# offsets that cannot all hold (a negative cycle, in STN terms) being shaved a few minutes
# at a time from the horizon: it is reported as impossible rather than run to the end.
MAX_ROUNDS = 100
# A calendar relation is only propagated from a domain spanning fewer days than this:
# wider domains carry no usable information about which day it is, and enumerating
# their days would cost time for nothing.
CALENDAR_SPAN_LIMIT_DAYS = 800

Domains = dict[Point, Domain]
Alternative = tuple[Constraint, ...]
# Domains over numbered points (the compiled form): a list indexed by point number.
State = list[Domain]


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


# --------------------------------------------------------------------------- compiled constraints


# Steps say whether running one twice in a row can narrow more. Intersecting with a window
# cannot; nor can an offset (what survives of one side has a partner in what survives of the
# other). A calendar relation can (its image of a domain too wide to enumerate is coarse), and
# so can a disjunction over several points.


class _Step:
    """A propagator over numbered points: ``apply`` narrows ``domains`` in place (False: one
    became empty). One base class, so that calls to it are direct when compiled."""

    __slots__ = ("points",)
    idempotent: ClassVar[bool] = True

    def __init__(self, points: tuple[int, ...]) -> None:
        self.points = points

    def apply(self, domains: State) -> bool:
        raise NotImplementedError


class _Within(_Step):
    __slots__ = ("point", "window")

    def __init__(self, point: int, window: Domain) -> None:
        super().__init__((point,))
        self.point, self.window = point, window

    def apply(self, domains: State) -> bool:
        narrowed = domains[self.point].intersect(self.window)
        domains[self.point] = narrowed
        return bool(narrowed)


class _Offset(_Step):
    __slots__ = ("high", "low", "origin", "target")

    def __init__(self, origin: int, target: int, low: int, high: int) -> None:
        super().__init__((origin, target))
        self.origin, self.target, self.low, self.high = origin, target, low, high

    def apply(self, domains: State) -> bool:
        origin, target = domains[self.origin], domains[self.target]
        low, high = self.low, self.high
        if len(origin.spans) == 1 and len(target.spans) == 1 and low <= high:
            # Two intervals (the usual case): the same arithmetic on plain numbers, and a new
            # Domain only for a side that narrows.
            ((origin_low, origin_high),), ((target_low, target_high),) = origin.spans, target.spans
            if target_low < origin_low + low or target_high > origin_high + high:
                target_low, target_high = max(target_low, origin_low + low), min(target_high, origin_high + high)
                if target_low > target_high:
                    return False
                domains[self.target] = _normal(((target_low, target_high),))
            if origin_low < target_low - high or origin_high > target_high - low:
                origin_low, origin_high = max(origin_low, target_low - high), min(origin_high, target_high - low)
                if origin_low > origin_high:
                    return False
                domains[self.origin] = _normal(((origin_low, origin_high),))
            return True
        target = target.intersect(origin.shift(low, high))
        origin = origin.intersect(target.shift(-high, -low))
        domains[self.origin] = origin
        domains[self.target] = target
        return bool(origin) and bool(target)


class _Calendar(_Step):
    __slots__ = ("high", "low", "origin", "target", "zone")
    idempotent: ClassVar[bool] = False

    def __init__(self, origin: int, target: int, zone: str, low: int, high: int) -> None:
        super().__init__((origin, target))
        self.origin, self.target, self.zone, self.low, self.high = origin, target, zone, low, high

    def apply(self, domains: State) -> bool:
        origin, target = domains[self.origin], domains[self.target]
        target = target.intersect(_calendar_image(origin, self.zone, self.low, self.high, True))
        origin = origin.intersect(_calendar_image(target, self.zone, self.low, self.high, False))
        domains[self.origin] = origin
        domains[self.target] = target
        return bool(origin) and bool(target)


Compiled = _Within | _Offset | _Calendar


def compile_constraint(constraint: Constraint, index: Mapping[Point, int]) -> Compiled:
    """The constraint over numbered points, in whole minutes (durations rounded outwards)."""
    if isinstance(constraint, Within):
        window = Domain([(to_minutes(constraint.earliest), to_minutes(constraint.latest))])
        return _Within(index[constraint.point], window)
    origin, target = index[constraint.origin], index[constraint.target]
    if isinstance(constraint, Offset):
        low = int(constraint.low // MINUTE)
        high = -int(-constraint.high // MINUTE)
        return _Offset(origin, target, low, high)
    return _Calendar(origin, target, constraint.zone, constraint.low, constraint.high)


def _touched(steps: Iterable[_Step]) -> tuple[int, ...]:
    return tuple(dict.fromkeys(p for step in steps for p in step.points))


_NOTHING = Domain()


def _local(points: tuple[int, ...], domains: Sequence[Domain], size: int) -> State:
    """A scratch state holding ``domains`` at ``points`` (other places are never looked at)."""
    local = [_NOTHING] * size
    for number in range(len(points)):  # index loops: zip(strict=True) is a costly call when compiled
        local[points[number]] = domains[number]
    return local


class _Disjunction(_Step):
    """A claim with several alternatives: the union of what each alternative leaves."""

    __slots__ = ("alternatives",)
    idempotent: ClassVar[bool] = False

    def __init__(self, alternatives: tuple[tuple[Compiled, ...], ...]) -> None:
        super().__init__(_touched(c for alternative in alternatives for c in alternative))
        self.alternatives = alternatives

    def apply(self, domains: State) -> bool:
        alternatives, points = self.alternatives, self.points
        inputs = tuple([domains[p] for p in points])
        # Shared by every group holding the claim (a network compiles a claim's steps once per
        # clock: see Network._part), so the same question asked from another group is answered once.
        key = (id(alternatives), inputs)
        hit = _CLAIM_MEMO.get(key)
        if hit is None or hit[0] is not alternatives:
            hit = _CLAIM_MEMO[key] = (alternatives, _claim_union(alternatives, points, inputs, len(domains)))
            if len(_CLAIM_MEMO) > _CLAIM_MEMO_LIMIT:
                _CLAIM_MEMO.clear()
        union = hit[1]
        if union is None:
            return False
        for number in range(len(points)):
            domains[points[number]] = union[number]
        return True


Step = _Step
# What one claim asks on one clock: windows on single points, and the other steps.
Contribution = tuple[tuple[tuple[int, Domain], ...], tuple[Step, ...]]


def contribution(alternatives: tuple[tuple[Compiled, ...], ...]) -> Contribution | None:
    """The steps that enforce one claim (a disjunction of ``alternatives``); None: no alternative.

    A claim with one alternative is its constraints, and a claim whose alternatives only bound
    one point ("on Tuesday" in either week) is one window, the union of theirs. Windows are
    kept apart so that a group can intersect those of all its claims on a point (see :func:`plan`)."""
    if not alternatives:
        return None
    if len(alternatives) == 1:
        (alternative,) = alternatives
        return (tuple((c.point, c.window) for c in alternative if isinstance(c, _Within)),
                tuple(c for c in alternative if not isinstance(c, _Within)))
    windows = [a[0] for a in alternatives if len(a) == 1 and isinstance(a[0], _Within)]
    if len(windows) == len(alternatives) and len({w.point for w in windows}) == 1:
        return ((windows[0].point, Domain([span for w in windows for span in w.window.spans])),), ()
    return (), (_Disjunction(alternatives),)


def plan(contributions: Iterable[Contribution | None]) -> tuple[Step, ...] | None:
    """The steps that enforce every claim of a clock, or None when one has no alternative there.

    Propagating them reaches the same fixpoint as propagating the claims one by one (the
    fixpoint does not depend on order or grouping), more cheaply: one window per point first."""
    windows: dict[int, Domain] = {}
    others: list[Step] = []
    for part in contributions:
        if part is None:
            return None
        for point, window in part[0]:
            windows[point] = windows[point].intersect(window) if point in windows else window
        others.extend(part[1])
    return (*(_Within(point, window) for point, window in windows.items()), *others)


class CompiledGroup:
    """A :class:`Group` over numbered points: per clock (``zones``), the steps that enforce its
    claims (None: a clock on which some claim has no reading), and the points they name."""

    __slots__ = ("at_rest", "memo", "options", "points", "size", "zones")

    def __init__(self, zones: Sequence[str], options: Sequence[tuple[Step, ...] | None]) -> None:
        self.zones = tuple(zones)
        self.options = tuple(options)
        self.points = _touched(step for steps in self.options if steps for step in steps)
        self.size = max(self.points, default=-1) + 1
        # The group is a function of its points' domains: remember its answers ...
        self.memo: dict[tuple[Domain, ...], tuple[Domain, ...] | None] = {}
        # ... and, where it narrowed nothing (as at a fixpoint), what each clock left: "which
        # clocks fit" asks exactly that of the fixpoint.
        self.at_rest: dict[tuple[Domain, ...], tuple[tuple[Domain, ...] | None, ...]] = {}

    def apply(self, domains: State) -> bool:
        """Constructive disjunction over the group's clocks; narrows ``domains`` in place."""
        points = self.points
        key = tuple([domains[p] for p in points])
        if key in self.memo:
            answer = self.memo[key]
        else:
            answer = self.memo[key] = self._apply(key)
            if len(self.memo) > _MEMO_LIMIT:
                self.memo.clear()
        if answer is None:
            return False
        for number in range(len(points)):
            domains[points[number]] = answer[number]
        return True

    def on_clock(self, zone: str, domains: State) -> tuple[Domain, ...] | None:
        """What the clock ``zone`` alone leaves of the group's points (None: nothing)."""
        if zone not in self.zones:
            return None
        number = self.zones.index(zone)
        key = tuple([domains[p] for p in self.points])
        known = self.at_rest.get(key)
        if known is not None:
            return known[number]
        return self._on_clock(number, key)

    def _on_clock(self, number: int, key: tuple[Domain, ...]) -> tuple[Domain, ...] | None:
        steps = self.options[number]
        local = _local(self.points, key, self.size)
        if steps is None or not _conjunction(steps, local):
            return None
        return tuple([local[p] for p in self.points])

    def _apply(self, key: tuple[Domain, ...]) -> tuple[Domain, ...] | None:
        # Only the points the group's constraints name can change: unions and intersections are
        # taken over those alone (every other point is the same in every option).
        clocks = [self._on_clock(number, key) for number in range(len(self.options))]
        answer = _within_union(key, clocks)
        if answer == key:
            if len(self.at_rest) > _MEMO_LIMIT:
                self.at_rest.clear()
            self.at_rest[key] = tuple(clocks)
        return answer


_MEMO_LIMIT = 4096


def compile_group(group: Group, index: Mapping[Point, int],
                  cache: dict[int, tuple[Alternative, tuple[Compiled, ...]]] | None = None) -> CompiledGroup:
    """Compile ``group``; the cache (keyed by the alternatives' identities) saves recompiling."""
    cache = {} if cache is None else cache

    def one(alternative: Alternative) -> tuple[Compiled, ...]:
        hit = cache.get(id(alternative))
        if hit is None or hit[0] is not alternative:
            hit = (alternative, tuple(compile_constraint(c, index) for c in alternative))
            cache[id(alternative)] = hit
        return hit[1]

    return CompiledGroup([zone for zone, _ in group.options],
                         [plan(contribution(tuple(one(alt) for alt in alternatives)) for alternatives in claims)
                          for _, claims in group.options])


def _conjunction(steps: Sequence[Step], domains: State) -> bool:
    """Narrow ``domains`` by all ``steps`` to their common fixpoint, in place; False: empty.

    Round robin, but a step is not run again while none of its points has changed since it
    ran (for a :class:`_Disjunction`, changed by another step: it may narrow its own output)."""
    if len(steps) == 1 and steps[0].idempotent:
        return steps[0].apply(domains)
    tick = 0
    changed_at = [0] * len(domains)  # per point: the tick of the step that last changed it
    ran_at = [0] * len(steps)
    for _ in range(MAX_ROUNDS):
        progress = False
        for number, step in enumerate(steps):
            points = step.points
            last = ran_at[number]
            if last:
                newest = 0
                for point in points:
                    when = changed_at[point]
                    if when > newest:
                        newest = when
                # An idempotent step need not see its own changes again.
                if newest < last or (newest == last and step.idempotent):
                    continue
            tick += 1
            ran_at[number] = tick
            before = [domains[p] for p in points]
            if not step.apply(domains):
                return False
            for number in range(len(points)):
                point = points[number]
                new, old = domains[point], before[number]
                if new is not old and new != old:
                    changed_at[point] = tick
                    progress = True
        if not progress:
            return True
    return False


def _claim_union(alternatives: tuple[tuple[Compiled, ...], ...], touched: tuple[int, ...],
                 inputs: tuple[Domain, ...], size: int) -> tuple[Domain, ...] | None:
    """What a claim (a disjunction of alternatives) leaves of its points' domains; None: nothing.
    (``size``: how many points the state has; only ``touched`` are looked at.)"""
    held: list[tuple[Domain, ...] | None] = []
    for alternative in alternatives:
        local = _local(touched, inputs, size)
        held.append(tuple([local[p] for p in touched]) if all(c.apply(local) for c in alternative) else None)
    return _within_union(inputs, held)


def _within_union(inputs: tuple[Domain, ...],
                  options: Sequence[tuple[Domain, ...] | None]) -> tuple[Domain, ...] | None:
    """Constructive disjunction: ``inputs`` narrowed to the union of what each option left of them
    (None: an option that cannot hold); None when no option holds or a point is left empty."""
    union: list[Domain] | None = None
    for left in options:
        if left is not None:
            union = list(left) if union is None else [union[i].union(left[i]) for i in range(len(left))]
    if union is None:
        return None
    out = []
    for number in range(len(inputs)):
        narrowed = inputs[number].intersect(union[number])
        if not narrowed:
            return None
        out.append(narrowed)
    return tuple(out)


_CLAIM_MEMO: dict[tuple[int, tuple[Domain, ...]],
                  tuple[tuple[tuple[Compiled, ...], ...], tuple[Domain, ...] | None]] = {}
_CLAIM_MEMO_LIMIT = 200_000


# --------------------------------------------------------------------------- solving in rounds


def solve(problem: Problem) -> Domains | None:
    """The narrowed domain of every point, or ``None`` if the constraints cannot all hold."""
    index = {p: i for i, p in enumerate(problem.points)}
    fixed = [compile_constraint(c, index) for c in problem.fixed]
    cache: dict[int, tuple[Alternative, tuple[Compiled, ...]]] = {}
    groups = [compile_group(g, index, cache) for g in problem.groups]
    start = Domain([problem.horizon])
    domains: State = [start] * len(problem.points)
    for _ in range(round_limit(len(problem.points))):
        before = list(domains)
        for constraint in fixed:
            if not constraint.apply(domains):
                return None
        for group in groups:
            if not group.apply(domains):
                return None
        if domains == before:
            return {p: domains[i] for p, i in index.items()}
    return None


def round_limit(points: int) -> int:
    """How many rounds propagation over ``points`` points may take before it counts as a cycle."""
    return MAX_ROUNDS + 2 * points


# --------------------------------------------------------------------------- calendar days

_IMAGES: dict[tuple[tuple[tuple[int, int], ...], str, int, int, bool], Domain] = {}
_IMAGE_CACHE_LIMIT = 200_000


def _calendar_image(domain: Domain, zone_name: str, low: int, high: int, forward: bool) -> Domain:
    """The instants on the days ``low..high`` after (or before) any day ``domain`` touches."""
    if not domain:
        return domain
    key = (domain.spans, zone_name, low, high, forward)
    image = _IMAGES.get(key)
    if image is None:
        if len(_IMAGES) >= _IMAGE_CACHE_LIMIT:
            _IMAGES.clear()
        image = _IMAGES[key] = _image(domain, zone_name, low, high, forward)
    return image


_DAYS: dict[tuple[int, str], tuple[int, int]] = {}


def _day_minutes(ordinal: int, zone_name: str) -> tuple[int, int]:
    """The first and last minute of a local day, by its proleptic ordinal (DST days are 23 or
    25 hours long). Days are counted in plain integers: date arithmetic builds objects."""
    key = (ordinal, zone_name)
    found = _DAYS.get(key)
    if found is None:
        if len(_DAYS) >= _IMAGE_CACHE_LIMIT:
            _DAYS.clear()
        begin, finish = local_day_bounds(date.fromordinal(ordinal), get_zone(zone_name))
        found = _DAYS[key] = (to_minutes(begin), to_minutes(finish) - 1)
    return found


def _image(domain: Domain, zone_name: str, low: int, high: int, forward: bool) -> Domain:
    zone = get_zone(zone_name)
    first = _local_date(domain.low, zone)
    last = _local_date(domain.high, zone)
    if (last - first).days > CALENDAR_SPAN_LIMIT_DAYS:
        return Domain([(domain.low - 10**9, domain.high + 10**9)])
    if not forward:
        low, high = -high, -low
    spans = []
    for start, end in domain.spans:
        stop = _local_date(end, zone).toordinal()
        for day in range(_local_date(start, zone).toordinal(), stop + 1):
            spans.append((_day_minutes(day + low, zone_name)[0], _day_minutes(day + high, zone_name)[1]))
    return Domain(spans)


def _local_date(minutes: int, zone: tzinfo) -> date:
    moment: datetime = from_minutes(minutes)
    return moment.astimezone(zone).date()


def calendar_shift_image(domain: Domain, shift: CalendarShift, *, forward: bool) -> Domain:
    """The image of ``domain`` under a calendar shift (for callers outside the solver)."""
    return _calendar_image(domain, shift.zone, shift.low, shift.high, forward)
