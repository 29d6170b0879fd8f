"""Incremental propagation over one connected part of a story, and the work built on it.

A :class:`Network` holds the points, fixed constraints and claims of one component of the
constraint graph (events linked by claims; an article's claims share a clock, so they are
linked too). A :class:`State` is the fixpoint for a set of included claims; adding claims
re-runs, from a worklist, only the propagators whose points changed. Because propagators
are monotone and contracting, the state reached is the same as solving from scratch
(:func:`.solver.solve`): the greatest common fixpoint below the start.

On top of it:

* :meth:`Network.drop_one`: the fixpoint without each claim, for every claim, by divide
  and conquer (add one half, recurse into the other): ``O(n log n)`` claim additions
  instead of ``n`` solves of ``n`` claims.
* :meth:`Network.conflict`: a small set of claims that cannot all hold (additive, as in
  QuickXplain's linear form): every set of reports whose removal makes the rest agree
  contains one of its claims, which prunes the search for two or more wrong reports.
* :meth:`Network.removals`: every set of ``k`` claims whose removal leaves the rest consistent,
  with the fixpoint of the rest.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Claim, Constraint, Point, Reading
from .domains import Domain
from .solver import (
    Compiled,
    CompiledGroup,
    Contribution,
    State,
    compile_constraint,
    contribution,
    plan,
    round_limit,
)

__all__ = ["NetState", "Network"]

# Divide and conquer stops splitting at this many claims.
_DIRECT = 5


@dataclass(frozen=True)
class NetState:
    """A fixpoint: the domains, each article's group over its included claims, and those claims."""

    domains: State
    active: dict[str, CompiledGroup]
    included: dict[str, frozenset[str]]


class Network:
    def __init__(self, points: Sequence[Point], fixed: Sequence[Constraint], claims: Sequence[Claim],
                 horizon: tuple[int, int]) -> None:
        self.points = tuple(points)
        self.index = {p: i for i, p in enumerate(self.points)}
        self.fixed: list[Compiled] = [compile_constraint(c, self.index) for c in fixed]
        self.fixed_points = [c.points for c in self.fixed]
        self.limit = round_limit(len(self.points))
        self.claims = {c.id: c for c in claims}
        # Claims in the order divide and conquer splits them: an article's claims together.
        self.order = sorted(self.claims, key=lambda i: (self.claims[i].article, i))
        self._parts: dict[tuple[str, str | None], Contribution | None] = {}
        self._groups: dict[tuple[str, frozenset[str], str | None], CompiledGroup] = {}
        # Per set of alternatives (by value: many reports say the same "Tuesday"), its fixpoint alone.
        self._alone: dict[tuple[tuple[Constraint, ...], ...], NetState | None] = {}
        watchers: dict[int, dict[int | str, None]] = {i: {} for i in range(len(self.points))}
        for number, constraint in enumerate(self.fixed):
            for number_of_point in constraint.points:
                watchers[number_of_point][number] = None
        for claim in self.claims.values():
            for point in claim.points:
                watchers[self.index[point]][claim.article] = None
        self.watchers = {p: tuple(keys) for p, keys in watchers.items()}
        start = Domain([horizon])
        domains: State = [start] * len(self.points)
        root = NetState(domains, {}, {})
        self.root: NetState | None = root if self._propagate(root, list(range(len(self.fixed)))) else None

    # ------------------------------------------------------------------ building blocks

    def _part(self, claim: Claim, zone: str) -> Contribution | None:
        """What ``claim`` asks when its article is read on the clock ``zone`` (compiled once)."""
        on_clock = claim.clock == "article"
        key = (claim.id, zone if on_clock else None)
        if key not in self._parts:
            alternatives = (alt for r in claim.readings if not on_clock or r.zone == zone for alt in r.alternatives)
            self._parts[key] = contribution(tuple(self._compile(alt) for alt in alternatives))
        return self._parts[key]

    def _compile(self, alternative: tuple[Constraint, ...]) -> tuple[Compiled, ...]:
        return tuple(compile_constraint(c, self.index) for c in alternative)

    def group(self, article: str, ids: frozenset[str], only_zone: str | None = None) -> CompiledGroup:
        """The propagator of an article's claims ``ids``: a writer keeps one clock, so it is a
        disjunction over the article's candidate clocks (``only_zone``: that clock only) of the
        conjunction of the claims read on it (as :func:`.solver.group_claims` builds it)."""
        key = (article, ids, only_zone)
        found = self._groups.get(key)
        if found is None:
            members = sorted((self.claims[i] for i in ids), key=lambda c: c.id)
            zones = sorted({r.zone for c in members if c.clock == "article" for r in c.readings}) or ["*"]
            if only_zone is not None:
                zones = [z for z in zones if z == only_zone]
            found = self._groups[key] = CompiledGroup(
                zones, [plan(self._part(c, zone) for c in members) for zone in zones])
        return found

    def _propagate(self, state: NetState, queue: list[int | str]) -> bool:
        """Run propagators from ``queue`` (and whatever their changes wake) to a fixpoint, in place."""
        domains, active, fixed, watchers = state.domains, state.active, self.fixed, self.watchers
        fixed_points = self.fixed_points
        pending = set(queue)
        work = deque(queue)
        runs: dict[int | str, int] = {}
        limit = self.limit
        while work:
            key = work.popleft()
            pending.discard(key)
            runs[key] = count = runs.get(key, 0) + 1
            if count > limit:
                return False  # still narrowing: a cycle that cannot hold (see solver.MAX_ROUNDS)
            propagator: Compiled | CompiledGroup | None
            if isinstance(key, int):
                propagator = fixed[key]
                points = fixed_points[key]
            else:
                propagator = active.get(key)
                if propagator is None:
                    continue
                points = propagator.points
            before = [domains[p] for p in points]
            if not propagator.apply(domains):
                return False
            for number in range(len(points)):  # index loop: zip(strict=True) is a costly call when compiled
                point = points[number]
                new, old = domains[point], before[number]
                if new is old or new == old:
                    continue
                for other in watchers[point]:
                    if other not in pending:
                        pending.add(other)
                        work.append(other)
        return True

    def add(self, state: NetState | None, ids: Iterable[str]) -> NetState | None:
        """The fixpoint with ``ids`` included too, or None if the claims cannot all hold."""
        if state is None:
            return None
        by_article: dict[str, set[str]] = {}
        for claim_id in ids:
            by_article.setdefault(self.claims[claim_id].article, set()).add(claim_id)
        if not by_article:
            return state
        new = NetState(list(state.domains), dict(state.active), dict(state.included))
        queue: list[int | str] = []
        for article in sorted(by_article):
            included = new.included.get(article, frozenset()) | by_article[article]
            new.included[article] = included
            new.active[article] = self.group(article, included)
            queue.append(article)
        return new if self._propagate(new, queue) else None

    def fits(self, state: NetState | None, article: str, zone: str) -> bool:
        """Whether ``state`` still holds with ``article`` read on the one clock ``zone``."""
        if state is None:
            return False
        if article not in state.included:
            return True
        domains = state.domains
        group = state.active[article]
        on_clock = group.on_clock(zone, domains)
        if on_clock is None:
            return False
        if all(domains[p] == d for p, d in zip(group.points, on_clock, strict=True)):
            return True  # that clock alone already gives the fixpoint: nothing else is woken
        new = NetState(list(domains), dict(state.active), dict(state.included))
        new.active[article] = self.group(article, state.included[article], zone)
        return self._propagate(new, [article])

    def alone(self, reading: Reading) -> NetState | None:
        """The fixpoint of the fixed constraints and one reading of a claim (as if it were its
        own article's only claim)."""
        if self.root is None:
            return None
        key = reading.alternatives
        if key not in self._alone:
            steps = plan([contribution(tuple(self._compile(alt) for alt in key))])
            new = NetState(list(self.root.domains), {"#alone": CompiledGroup(["*"], [steps])}, {})
            self._alone[key] = new if self._propagate(new, ["#alone"]) else None
        return self._alone[key]

    def domain(self, state: NetState, point: Point) -> Domain:
        return state.domains[self.index[point]]

    def as_points(self, state: NetState) -> dict[Point, Domain]:
        return {p: state.domains[i] for p, i in self.index.items()}

    # ------------------------------------------------------------------ the work

    def solve(self, ids: Iterable[str]) -> NetState | None:
        return self.add(self.root, ids)

    def drop_one(self, ids: Sequence[str] | None = None, full: NetState | None = None) -> dict[str, NetState | None]:
        """For each claim of ``ids``, the fixpoint of all the others (divide and conquer).

        ``full``, the fixpoint of all of ``ids``, prunes: once the claims outside a range
        already give it, setting aside any one claim of the range changes nothing (the
        fixpoint without it lies between the two)."""
        wanted = set(self.order if ids is None else ids)
        chosen = [i for i in self.order if i in wanted]
        out: dict[str, NetState | None] = {}
        if chosen:
            self._drop_range(self.root, chosen, 0, len(chosen), full, out)
        return out

    def _drop_range(self, state: NetState | None, chosen: list[str], low: int, high: int, full: NetState | None,
                    out: dict[str, NetState | None]) -> None:
        """:meth:`drop_one` for ``chosen[low:high]``, ``state`` the fixpoint of the claims outside it.
        (A method, not a nested function: a recursive closure is a reference cycle that would keep
        the whole network alive until the garbage collector runs.)"""
        if state is None or high - low == 1:
            for claim_id in chosen[low:high]:
                out[claim_id] = state
            return
        if full is not None and state.domains == full.domains:
            for claim_id in chosen[low:high]:
                out[claim_id] = full
            return
        if high - low <= _DIRECT:
            # A few claims: each one's answer directly (r additions instead of 2r - 2).
            for claim_id in chosen[low:high]:
                out[claim_id] = self.add(state, [i for i in chosen[low:high] if i != claim_id])
            return
        middle = (low + high) // 2
        self._drop_range(self.add(state, chosen[middle:high]), chosen, low, middle, full, out)
        self._drop_range(self.add(state, chosen[low:middle]), chosen, middle, high, full, out)

    def conflict(self, ids: Sequence[str]) -> list[str] | None:
        """Claims of ``ids`` that cannot all hold (found by adding claims until one fails),
        or None when ``ids`` are consistent."""
        found: list[str] = []
        wanted = set(ids)
        chosen = [i for i in self.order if i in wanted]
        while True:
            state = self.solve(found)
            if state is None:
                return found
            for claim_id in chosen:
                if claim_id in found:
                    continue
                following = self.add(state, [claim_id])
                if following is None:
                    found.append(claim_id)
                    break
                state = following
            else:
                return None

    def removals(self, ids: Sequence[str], size: int) -> dict[frozenset[str], NetState]:
        """Every set of ``size`` claims whose removal from ``ids`` leaves a consistent rest."""
        if size <= 0:
            state = self.solve(ids)
            return {frozenset(): state} if state is not None else {}
        if size == 1:
            return {frozenset({i}): s for i, s in self.drop_one(ids, self.solve(ids)).items() if s is not None}
        # Every such set holds a claim of any set of claims that cannot all hold; when all
        # hold, any claim may be one of them.
        must = self.conflict(ids)
        out: dict[frozenset[str], NetState] = {}
        for first in sorted(must if must is not None else ids):
            rest = [i for i in ids if i != first]
            for removed, state in self.removals(rest, size - 1).items():
                out.setdefault(removed | {first}, state)
        return out

