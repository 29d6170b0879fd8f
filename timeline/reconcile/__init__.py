"""Reconcile: combine every claim into one window per event, and say which reports decide it.

Two answers per event point (Marzullo / NTP's intersection idea, applied to reports):

* **agreed**: the instants every report allows, on some choice of clock for each report
  (``None`` when the reports cannot all be right);
* **robust**: the instants allowed when any one report (``tolerate=k``: any k) may be wrong:
  the union, over every report set aside, of what the rest allow. When more reports than
  that must be wrong for the rest to agree, the robust window assumes the smallest number
  that does (and says so in the event's notes).

A window side that nothing bounds is reported as unknown: the window is ``None`` and the
event's notes say why ("unbounded: ..." against "impossible: ...").

Each claim gets a status: ``pivotal`` (the agreed window rests on it: setting it aside
widens the window), ``conflict`` (it belongs to a smallest set of reports whose removal
makes the rest consistent), ``consistent``, or ``unresolved`` (nothing to reason with,
with the reason). The clocks on which it holds and the window it claims come with it.

How it scales: the story splits into connected components (events linked by claims; an
article's claims share a clock, so they are linked too), each reasoned about alone. Inside
a component of ``n`` claims, the drop-one answers come from divide and conquer over
incremental propagation (:mod:`.network`): ``O(n log n)`` claim additions, each costing what
its changes wake up, instead of ``n`` solves of ``n`` claims. See :func:`analyse`.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import timedelta
from typing import Any, TypeVar

from .. import _compiled
from ..model import Claim, ClaimOutcome, EventOutcome, EventSpec, Point, Story, Window, Within
from . import parallel
from .analysis import HORIZON, UNBOUNDED_MARGIN, Analysis, Domains, ReconcileOptions, analyse_part, components
from .domains import Domain, from_minutes, to_minutes
from .explain import clock_names, on_clocks, quote

_compiled.warn_if_stale("solver")

__all__ = ["HORIZON", "Analysis", "Domain", "ReconcileOptions", "analyse", "components", "outcomes", "reconcile",
           "unbounded"]

Part = tuple[tuple[str, ...], tuple[Claim, ...]]  # a component: its events and its claims
Shared = tuple[Story, ReconcileOptions]
Answer = TypeVar("Answer")


def analyse(story: Story, claims: Sequence[Claim], options: ReconcileOptions | None = None) -> list[Analysis]:
    """Solve every component of the story (claims with readings only)."""
    return _each_part(story, claims, options or ReconcileOptions(), _analyse_part)


def reconcile(
    story: Story, claims: Sequence[Claim], *, options: ReconcileOptions | None = None
) -> tuple[tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]]:
    """Outcomes for every event of the story and every claim, in input order for claims."""
    options = options or ReconcileOptions()
    # Each part's outcomes are worded with it; they come back without their claims (sending
    # claims between processes would cost more than the wording).
    worded = _each_part(story, claims, options, _part_outcomes_to_send)
    by_id = {c.id: c for c in claims}
    return _assemble(story, claims, [([ClaimOutcome(by_id[i], *rest) for i, *rest in sent], events)
                                     for sent, events in worded], options)


def _each_part(story: Story, claims: Sequence[Claim], options: ReconcileOptions,
               solve: Callable[[Shared, Part], Answer]) -> list[Answer]:
    """``solve`` on every component (claims with readings only), in several processes where
    that pays (:mod:`.parallel`), with the cycle collector paused."""
    parts = components(story, [c for c in claims if c.readings])
    sizes = [len(members) for _, members in parts]
    workers = parallel.workers_for(options.workers, sizes)
    with _without_cycle_collection():
        if workers > 1:
            found = parallel.solve_parts(solve, (story, options), parts, sizes, workers)
            if found is not None:
                return found
        return [solve((story, options), part) for part in parts]


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Solving allocates millions of small objects and makes no reference cycles (its recursion
    is in methods, not closures), so the cycle collector, which those allocations keep waking,
    would only walk them and everything else alive (a story's claims) for nothing: a tenth to a
    fifth of the run time. It is paused while solving and resumed as it was; forked workers
    inherit the pause."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _analyse_part(shared: Shared, part: Part) -> Analysis:
    story, options = shared
    return analyse_part(story, *part, options)


def _part_outcomes_to_send(shared: Shared, part: Part) -> tuple[list[tuple[Any, ...]], list[EventOutcome]]:
    story, options = shared
    claim_outcomes, events = _part_outcomes(story, analyse_part(story, *part, options), part[1], options)
    return [(o.claim.id, o.status, o.reason, o.zones, o.window, o.narrowing) for o in claim_outcomes], events


def unbounded(domain: Domain) -> tuple[bool, bool]:
    """Whether nothing bounds the domain from below, from above."""
    return domain.low <= HORIZON[0] + UNBOUNDED_MARGIN, domain.high >= HORIZON[1] - UNBOUNDED_MARGIN


def _window(domain: Domain | None, grain: str = "minute") -> Window | None:
    if not domain or any(unbounded(domain)):
        return None
    return Window(from_minutes(domain.low), from_minutes(domain.high), grain)


def outcomes(story: Story, claims: Sequence[Claim], analyses: Sequence[Analysis],
             options: ReconcileOptions) -> tuple[tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]]:
    """Event and claim outcomes from the analysed components (claims in input order)."""
    by_id = {c.id: c for c in claims}
    return _assemble(story, claims, [_part_outcomes(story, a, [by_id[i] for i in a.claims], options)
                                     for a in analyses], options)


def _part_outcomes(story: Story, analysis: Analysis, members: Sequence[Claim], options: ReconcileOptions
                   ) -> tuple[list[ClaimOutcome], list[EventOutcome]]:
    """The outcomes of one component: its claims' and its events' (a claim's event is in its
    claim's component)."""
    claim_outcomes = [_claim_outcome(c, story, analysis, options) for c in members]
    about: dict[str, list[ClaimOutcome]] = {}
    for item in claim_outcomes:
        if item.claim.event is not None and item.status != "unresolved":
            about.setdefault(item.claim.event, []).append(item)
    anchored = {a.event for a in story.anchors}
    specs = {e.id: e for e in story.events}
    events = [_event_outcome(specs[e], analysis, about.get(e, []), e in anchored) for e in analysis.events]
    return [_near_answer(c, analysis.robust) for c in claim_outcomes], events


def _assemble(story: Story, claims: Sequence[Claim], parts: Sequence[tuple[list[ClaimOutcome], list[EventOutcome]]],
              options: ReconcileOptions) -> tuple[tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]]:
    """The components' outcomes in the story's event order and the claims' input order (a claim
    in no component, having no reading, is unresolved with its reason)."""
    of_claim = {o.claim.id: o for claim_outcomes, _ in parts for o in claim_outcomes}
    of_event = {e.event: e for _, events in parts for e in events}
    return (tuple(of_event[e.id] for e in story.events),
            tuple(of_claim.get(c.id) or _claim_outcome(c, story, None, options) for c in claims))


def _claim_outcome(claim: Claim, story: Story, analysis: Analysis | None, options: ReconcileOptions) -> ClaimOutcome:
    who = f"{quote(claim.mention.text)} " \
          f"({claim.outlet or 'unknown outlet'}, {claim.article})"
    if not claim.readings or analysis is None:
        return ClaimOutcome(claim, "unresolved", f"{who}: {claim.unresolved}", (), None)
    conflicts, agreed = analysis.conflicts, analysis.agreed
    zones = analysis.zones[claim.id]
    claimed = analysis.claimed[claim.id]
    window = _window(claimed)
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
    loose = analysis.loose.get(claim.id)
    if agreed is not None and loose is not None and point in agreed:
        tight, wide = agreed[point], loose
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
            without = ("without it nothing bounds when it began" if any(unbounded(wide))
                       else f"without it the window widens by {_hours(narrowing)}")
            reason = (f"{who} is {where} and {' and '.join(bounds) or 'narrows the window'}; "
                      f"the agreed window rests on it ({without})")
    return ClaimOutcome(claim, status, reason, zones, window, narrowing)  # type: ignore[arg-type]


def _label(story: Story, event: str) -> str:
    try:
        return story.event(event).label
    except KeyError:
        return event


def _hours(delta: timedelta) -> str:
    hours = delta / timedelta(hours=1)
    return f"{hours:.1f} h" if hours < 48 else f"{hours / 24:.1f} days"


def _near_answer(outcome: ClaimOutcome, robust: Domains | None) -> ClaimOutcome:
    """A claim's window, cut to the pieces that meet the robust answer: "Tuesday" in an unknown
    week is shown as the Tuesday that matters, not as a fortnight."""
    window, claim = outcome.window, outcome.claim
    if window is None or robust is None or claim.event is None:
        return outcome
    answer = robust.get(Point(claim.event, "start"))
    if not answer:
        return outcome
    near = answer.shift(-1440, 1440)
    hull: tuple[int, int] | None = None  # of the pieces that meet it
    for reading in claim.readings:
        if reading.zone not in outcome.zones and claim.clock == "article":
            continue
        for constraint in (c for alt in reading.alternatives for c in alt if isinstance(c, Within)):
            low, high = to_minutes(constraint.earliest), to_minutes(constraint.latest)
            if high < near.low or low > near.high or not near.intersect(Domain([(low, high)])):
                continue
            hull = (low, high) if hull is None else (min(hull[0], low), max(hull[1], high))
    if hull is None:
        return outcome
    return ClaimOutcome(outcome.claim, outcome.status, outcome.reason, outcome.zones,
                        Window(from_minutes(hull[0]), from_minutes(hull[1]), window.grain), outcome.narrowing)


def _end_window(end: Domain, start: Domain) -> Window | None:
    """An end window, or None when nothing bounds it (see :func:`_open_ends`)."""
    if not start or any(unbounded(start)):
        return None
    return _window(end)


def _sides(domain: Domain, what: str) -> str:
    low, high = unbounded(domain)
    if low and high:
        return f"when {what}"
    return f"how early {what}" if low else f"how late {what}"


def _event_outcome(spec: EventSpec, analysis: Analysis, about: Sequence[ClaimOutcome], anchored: bool) -> EventOutcome:
    """``about``: the resolved claims about the event."""
    event_id = spec.id
    start, end = Point(event_id, "start"), Point(event_id, "end")
    exact = spec.instant and anchored
    agreed, robust = analysis.agreed, analysis.robust
    began, ended = f"the {spec.label} began", f"the {spec.label} ended"
    notes: list[str] = []
    agreed_start = agreed_end = None
    if agreed is None:
        doubt = sorted(analysis.conflicts)
        notes.append(f"impossible: the reports cannot all be right (in doubt: {', '.join(doubt) or 'none'})")
    else:
        agreed_start = _window(agreed[start])
        agreed_end = _end_window(agreed[end], agreed[start])
        if agreed_start is None:
            notes.append(f"unbounded: no report bounds {_sides(agreed[start], began)}")
        if agreed_end is None:
            notes.append(f"unbounded: no report bounds {ended.replace('the ', 'when the ', 1)}")
    robust_start = robust_end = None
    if robust is None:
        notes.append(f"impossible: no {analysis.tried} or fewer reports set aside make the rest agree")
    else:
        if analysis.wrong:
            notes.append(f"robust window assumes {analysis.wrong} reports wrong")
        robust_start = _window(robust[start])
        robust_end = _end_window(robust[end], robust[start])
        aside = "with a report set aside" if not analysis.wrong else f"with {analysis.wrong} reports set aside"
        if robust_start is None and agreed_start is not None:
            notes.append(f"unbounded: {aside}, nothing bounds {_sides(robust[start], began)}")
        if robust_end is None and agreed_end is not None:
            notes.append(f"unbounded: {aside}, nothing bounds {ended.replace('the ', 'when the ', 1)}")
    return EventOutcome(
        event=event_id,
        label=spec.label,
        start=robust_start,
        end=robust_end,
        agreed_start=agreed_start,
        agreed_end=agreed_end,
        start_spans=tuple(Window(from_minutes(a), from_minutes(b))
                          for a, b in (robust[start].spans if robust_start and robust else ())),
        reports=len({c.claim.article for c in about}),
        conflicts=tuple(sorted(c.claim.id for c in about if c.status == "conflict")),
        pivotal=tuple(sorted(c.claim.id for c in about if c.status == "pivotal")),
        exact=exact,
        notes=tuple(notes),
    )
