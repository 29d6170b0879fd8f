"""Reconcile: combine every claim into one window per event, and say which reports decide it.

Two answers per event point (Marzullo / NTP's intersection idea, applied to reports):

* **agreed**: the instants every report allows, on some choice of clock for each report
  (empty when the reports cannot all be right);
* **robust**: the instants allowed when any one report (``tolerate=k``: any k) may be wrong:
  the union, over every report set aside, of what the rest allow.

Each claim gets a status: ``pivotal`` (the agreed window rests on it: setting it aside
widens the window), ``conflict`` (it belongs to a smallest set of reports whose removal
makes the rest consistent), ``consistent``, or ``unresolved`` (nothing to reason with,
with the reason). The clocks on which it holds and the window it claims come with it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, timedelta

from ..model import Claim, ClaimOutcome, Constraint, EventOutcome, Offset, Point, Story, Window, Within
from .domains import Domain, from_minutes, to_minutes
from .explain import clock_names, on_clocks, quote
from .solver import Domains, Problem, group_claims, solve

__all__ = ["Domain", "ReconcileOptions", "reconcile"]

# The horizon every point starts from: what is known, widened by this much.
HORIZON_MARGIN = timedelta(days=400)
# The longest an event may last when nothing says how long it took.
LONGEST_EVENT = timedelta(days=3650)


@dataclass(frozen=True)
class ReconcileOptions:
    tolerate: int = 1  # the robust window holds if this many reports are wrong
    pivotal_minutes: int = 15  # setting a report aside must widen the agreed window this much
    max_conflict_size: int = 2  # look for smallest conflicting sets up to this size


def _fixed_constraints(story: Story) -> list[Constraint]:
    fixed: list[Constraint] = []
    for event in story.events:
        start, end = Point(event.id, "start"), Point(event.id, "end")
        longest = timedelta(0) if event.instant else LONGEST_EVENT
        fixed.append(Offset(start, end, timedelta(0), longest))
    for anchor in story.anchors:
        fixed.append(Within(Point(anchor.event, anchor.side), anchor.earliest, anchor.latest))
    return fixed


def _horizon(story: Story, claims: Sequence[Claim]) -> tuple[int, int]:
    known = [to_minutes(a.earliest) for a in story.anchors] + [to_minutes(a.latest) for a in story.anchors]
    for claim in claims:
        for reading in claim.readings:
            for alternative in reading.alternatives:
                for constraint in alternative:
                    if isinstance(constraint, Within):
                        known += [to_minutes(constraint.earliest), to_minutes(constraint.latest)]
    margin = int(HORIZON_MARGIN / timedelta(minutes=1))
    if not known:
        return to_minutes_year(1900), to_minutes_year(2100)
    return min(known) - margin, max(known) + margin


def to_minutes_year(year: int) -> int:
    from datetime import datetime

    return to_minutes(datetime(year, 1, 1, tzinfo=UTC))


class _Solver:
    """Solves the story for subsets of its claims, remembering each answer."""

    def __init__(self, story: Story, claims: Sequence[Claim]) -> None:
        self.story = story
        self.points = tuple(Point(e.id, side) for e in story.events for side in ("start", "end"))
        self.fixed = tuple(_fixed_constraints(story))
        self.horizon = _horizon(story, claims)
        self.cache: dict[tuple[frozenset[str], tuple[tuple[str, str], ...]], Domains | None] = {}
        self.claims = {c.id: c for c in claims}

    def solve(self, ids: frozenset[str], only_zone: dict[str, str] | None = None) -> Domains | None:
        key = (ids, tuple(sorted((only_zone or {}).items())))
        if key not in self.cache:
            chosen = [self.claims[i] for i in sorted(ids)]
            groups = tuple(group_claims(chosen, only_zone=only_zone))
            self.cache[key] = solve(Problem(self.points, self.fixed, groups, self.horizon))
        return self.cache[key]


def _window(domain: Domain | None, grain: str = "minute") -> Window | None:
    if not domain:
        return None
    return Window(from_minutes(domain.low), from_minutes(domain.high), grain)


def reconcile(
    story: Story, claims: Sequence[Claim], *, options: ReconcileOptions | None = None
) -> tuple[tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]]:
    """Outcomes for every event of the story and every claim, in input order for claims."""
    options = options or ReconcileOptions()
    solver = _Solver(story, claims)
    resolved = frozenset(c.id for c in claims if c.readings)
    full = solver.solve(resolved)
    without = {cid: solver.solve(resolved - {cid}) for cid in sorted(resolved)}

    conflicts: set[str] = set()
    if full is None:
        conflicts = _smallest_conflicts(solver, resolved, options.max_conflict_size)
    trusted = resolved - conflicts
    robust = _robust(solver, resolved, options.tolerate, full, without)
    agreed = full

    claim_outcomes = []
    for claim in claims:
        claim_outcomes.append(_claim_outcome(claim, solver, story, trusted, conflicts, agreed, without, options))
    events = tuple(_event_outcome(story, e.id, agreed, robust, claim_outcomes, solver.horizon[1])
                   for e in story.events)
    claim_outcomes = [_near_answer(c, robust) for c in claim_outcomes]
    return events, tuple(claim_outcomes)


def _smallest_conflicts(solver: _Solver, resolved: frozenset[str], max_size: int) -> set[str]:
    """Every claim in some smallest set whose removal makes the rest consistent."""
    for size in range(1, max_size + 1):
        found: set[str] = set()
        for removed in itertools.combinations(sorted(resolved), size):
            if solver.solve(resolved - set(removed)) is not None:
                found.update(removed)
        if found:
            return found
    return set(resolved)  # nothing small explains it: every report is in doubt


def _robust(solver: _Solver, resolved: frozenset[str], tolerate: int, full: Domains | None,
            without: dict[str, Domains | None]) -> Domains | None:
    answers = [full] if full is not None else []
    if tolerate >= 1:
        answers += [d for d in without.values() if d is not None]
    for size in range(2, tolerate + 1):
        for removed in itertools.combinations(sorted(resolved), size):
            answer = solver.solve(resolved - set(removed))
            if answer is not None:
                answers.append(answer)
    if not answers:
        return None
    union = dict(answers[0])
    for answer in answers[1:]:
        union = {p: union[p].union(answer[p]) for p in union}
    return union


def _claim_outcome(
    claim: Claim,
    solver: _Solver,
    story: Story,
    trusted: frozenset[str],
    conflicts: set[str],
    agreed: Domains | None,
    without: dict[str, Domains | None],
    options: ReconcileOptions,
) -> ClaimOutcome:
    who = f"{quote(claim.mention.text if claim.mention.timex_type else _quote_text(claim))} " \
          f"({claim.outlet or 'unknown outlet'}, {claim.article})"
    if not claim.readings:
        return ClaimOutcome(claim, "unresolved", f"{who}: {claim.unresolved}", (), None)
    base = (trusted | {claim.id}) if claim.id in conflicts else trusted
    zones = _fitting_zones(claim, solver, base)
    window = _claimed_window(claim, solver, zones)
    point = Point(claim.event or "", "start")
    if claim.id in conflicts:
        others = sorted(conflicts - {claim.id})
        fit = f"it would fit on {clock_names(zones, story.clocks)}" if zones else "it fits on no clock"
        reason = (f"{who} cannot be true together with every other report; setting it aside "
                  f"makes the rest agree ({fit}; also in doubt: {', '.join(others) or 'none'})")
        return ClaimOutcome(claim, "conflict", reason, zones, window)
    narrowing = timedelta(0)
    status = "consistent"
    reason = f"{who} fits on {clock_names(zones, story.clocks)}" if claim.clock == "article" else f"{who} fits"
    loose = without.get(claim.id)
    if agreed is not None and loose is not None and point in agreed:
        tight, wide = agreed[point], loose[point]
        widening = wide.width() - tight.width()
        narrowing = timedelta(minutes=max(widening, 0))
        if widening >= max(options.pivotal_minutes, 0.05 * max(tight.width(), 1)):
            status = "pivotal"
            bounds = []
            if tight.high < wide.high:
                latest = on_clocks(from_minutes(tight.high), story)
                bounds.append(f"only if the {_label(story, point.event)} began by {latest}")
            if tight.low > wide.low:
                bounds.append(f"only if it began at or after {on_clocks(from_minutes(tight.low), story)}")
            where = f"true only on {clock_names(zones, story.clocks)}" if claim.clock == "article" else "true"
            reason = (f"{who} is {where} and {' and '.join(bounds) or 'narrows the window'}; "
                      f"the agreed window rests on it (without it the window widens by {_hours(narrowing)})")
    return ClaimOutcome(claim, status, reason, zones, window, narrowing)  # type: ignore[arg-type]


def _quote_text(claim: Claim) -> str:
    return claim.mention.text


def _label(story: Story, event: str) -> str:
    try:
        return story.event(event).label
    except KeyError:
        return event


def _hours(delta: timedelta) -> str:
    hours = delta / timedelta(hours=1)
    return f"{hours:.1f} h" if hours < 48 else f"{hours / 24:.1f} days"


def _fitting_zones(claim: Claim, solver: _Solver, base: frozenset[str]) -> tuple[str, ...]:
    """The readings of the claim's article under which ``base`` is consistent."""
    if claim.clock != "article":
        return tuple(sorted({r.zone for r in claim.readings}))
    fitting = []
    for reading in claim.readings:
        if solver.solve(base, only_zone={claim.article: reading.zone}) is not None:
            fitting.append(reading.zone)
    return tuple(fitting)


def _claimed_window(claim: Claim, solver: _Solver, zones: tuple[str, ...]) -> Window | None:
    """What the claim alone says about its event's start, with the story's known anchors."""
    if claim.event is None:
        return None
    readings = [r for r in claim.readings if not zones or r.zone in zones or claim.clock != "article"]
    point = Point(claim.event, "start")
    union: Domain | None = None
    for reading in readings:
        single = Claim(**{**claim.__dict__, "readings": (reading,), "article": f"{claim.article}#alone"})
        local = _Solver(solver.story, [single])
        local.horizon = solver.horizon
        answer = local.solve(frozenset({single.id}))
        if answer is None:
            continue
        union = answer[point] if union is None else union.union(answer[point])
    if union is None or union.low <= solver.horizon[0] or union.high >= solver.horizon[1]:
        return None
    return _window(union)


def _near_answer(outcome: ClaimOutcome, robust: Domains | None) -> ClaimOutcome:
    """A claim's window, cut to the pieces that meet the robust answer: "Tuesday" in an unknown
    week is shown as the Tuesday that matters, not as a fortnight."""
    window, claim = outcome.window, outcome.claim
    if window is None or robust is None or claim.event is None:
        return outcome
    answer = robust.get(Point(claim.event, "start"))
    if not answer:
        return outcome
    pieces = [
        Domain([(to_minutes(c.earliest), to_minutes(c.latest))])
        for r in claim.readings if r.zone in outcome.zones or claim.clock != "article"
        for alt in r.alternatives for c in alt if isinstance(c, Within)
    ]
    meeting = [p for p in pieces if p.intersect(answer.shift(-1440, 1440))]
    if not meeting:
        return outcome
    hull = meeting[0]
    for piece in meeting[1:]:
        hull = hull.union(piece)
    return ClaimOutcome(outcome.claim, outcome.status, outcome.reason, outcome.zones,
                        Window(from_minutes(hull.low), from_minutes(hull.high), window.grain), outcome.narrowing)


def _bounded(domain: Domain | None, start: Domain | None, horizon_end: int) -> Window | None:
    """An end window, or None when nothing bounds how long the event lasted."""
    if not domain or not start:
        return None
    if domain.high >= horizon_end or domain.high - start.high >= int(LONGEST_EVENT / timedelta(minutes=1)) - 1:
        return None
    return _window(domain)


def _event_outcome(story: Story, event_id: str, agreed: Domains | None, robust: Domains | None,
                   claims: Sequence[ClaimOutcome], horizon_end: int) -> EventOutcome:
    spec = story.event(event_id)
    start, end = Point(event_id, "start"), Point(event_id, "end")
    about = [c for c in claims if c.claim.event == event_id and c.status != "unresolved"]
    exact = any(a.event == event_id for a in story.anchors) and spec.instant
    robust_start = robust[start] if robust else None
    return EventOutcome(
        event=event_id,
        label=spec.label,
        start=_window(robust_start),
        end=_bounded(robust[end], robust[start], horizon_end) if robust else None,
        agreed_start=_window(agreed[start]) if agreed else None,
        agreed_end=_bounded(agreed[end], agreed[start], horizon_end) if agreed else None,
        start_spans=tuple(
            Window(from_minutes(a), from_minutes(b)) for a, b in (robust_start.spans if robust_start else ())
        ),
        reports=len({c.claim.article for c in about}),
        conflicts=tuple(c.claim.id for c in about if c.status == "conflict"),
        pivotal=tuple(c.claim.id for c in about if c.status == "pivotal"),
        exact=exact,
    )
