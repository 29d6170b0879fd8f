"""The data that flows between the stages, as frozen dataclasses.

ingest -> :class:`Story` (articles) -> extract -> :class:`Mention` (what the text says)
-> resolve -> :class:`Claim` (what it means, one reading per candidate clock)
-> reconcile -> :class:`StoryResult` (:class:`EventOutcome`, :class:`ClaimOutcome`) -> render.

Every instant is an aware UTC ``datetime``; windows are closed ``[earliest, latest]``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Literal

__all__ = [
    "STATUSES",
    "Anchor",
    "Article",
    "Calendar",
    "CalendarShift",
    "Claim",
    "ClaimOutcome",
    "Clock",
    "Constraint",
    "Duration",
    "EventOutcome",
    "EventSpec",
    "Mention",
    "Offset",
    "Point",
    "Published",
    "Quantity",
    "Reading",
    "Recurrence",
    "Reference",
    "Relation",
    "Relative",
    "Spec",
    "Story",
    "Weekday",
    "Window",
    "Within",
    "add_years",
]

Side = Literal["start", "end"]
Status = Literal["consistent", "conflict", "pivotal", "unresolved"]
STATUSES: tuple[str, ...] = ("consistent", "conflict", "pivotal", "unresolved")


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True)
class Clock:
    """A clock to show: a name readers know and an IANA zone."""

    name: str
    zone: str


@dataclass(frozen=True)
class EventSpec:
    """An event of the story and the words that name it in the reports."""

    id: str
    label: str
    words: tuple[str, ...]
    instant: bool = False  # an instant (the oath): its end is its start


@dataclass(frozen=True)
class Anchor:
    """A known fact: an event point lies in ``[earliest, latest]`` (UTC), with its source."""

    event: str
    side: Side
    earliest: datetime
    latest: datetime
    source: str


@dataclass(frozen=True)
class Published:
    """A publication time as known: raw text, date, time of day, zone, and where each came from.

    ``zone`` is ``None`` when the zone is unknown; then ``date``/``time`` are wall-clock
    values on an unknown clock, never silently UTC.
    """

    raw: str
    date: date | None = None
    time: time | None = None
    zone: str | None = None
    zone_source: str = "unknown"

    @property
    def known(self) -> bool:
        return self.date is not None


@dataclass(frozen=True)
class Article:
    id: str
    outlet: str
    url: str
    published: Published
    newsroom_zone: str | None
    zone_source: str
    language: str
    text: str
    source: str = ""
    row: int | None = None
    # Offset where trailing site boilerplate starts ("Copyright ...", "More ... News"): time
    # expressions past it are reported but date nothing in the story.
    boilerplate_start: int | None = None
    note: str = ""  # provenance as the journalist knows it ("outlet likely", "not found")


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    subtitle: str
    source_line: str
    credit: str
    clocks: tuple[Clock, ...]
    events: tuple[EventSpec, ...]
    anchors: tuple[Anchor, ...]
    articles: tuple[Article, ...]
    subject_event: str | None = None
    period: tuple[date, date] | None = None
    outlet_zones: tuple[tuple[str, str], ...] = ()
    path: str = ""
    # The story's own bounds for vague amounts, over the language table's: (phrase, unit, low,
    # high) for "hours"-like words, (phrase, low, high) for counting words such as "a few".
    vague_quantities: tuple[tuple[str, str, float, float], ...] = ()
    vague_counts: tuple[tuple[str, float, float], ...] = ()

    def event(self, event_id: str) -> EventSpec:
        """The event with this id (KeyError if there is none)."""
        return self._events_by_id[event_id]

    @functools.cached_property
    def _events_by_id(self) -> dict[str, EventSpec]:
        # Looked up once per pivotal report when outcomes are worded: a scan would be O(events) each.
        # (cached_property writes the instance's __dict__ directly, which a frozen dataclass allows.)
        return {spec.id: spec for spec in self.events}


# --------------------------------------------------------------------------- extract
# What the text says, before any reference date or clock is applied (HeidelTime's
# UNDEF-REF values, as data).


@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount of time: ``low``..``high`` units; vague words ("hours") get bounds from a table."""

    low: float
    high: float
    unit: str  # second, minute, hour, day, week, month, year, decade, century
    vague: bool = False
    approximate: bool = False
    stated: float | None = None  # the number as written (1.5 in "1.5-hour"), for TIMEX values
    mod: str | None = None  # TIMEX3 mod of an approximator: APPROX, MORE_THAN, ...


def add_years(year: int, years: int) -> int:
    """``year`` moved by ``years``, counting years as they are written: -480 is 480 BC and there
    is no year 0, so AD 1 minus one year is 1 BC (-1) and 1 BC plus one year is AD 1."""
    moved = year + years
    if year > 0 >= moved:
        return moved - 1
    if year < 0 <= moved:
        return moved + 1
    return moved


@dataclass(frozen=True, slots=True)
class Calendar:
    """A (partly) absolute date or time: "January 20, 2025", "2025", "noon ET", "the 1990s"."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    week: int | None = None
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    decade: int | None = None  # 199 for the 1990s
    century: int | None = None  # 19 for the 1900s (the 20th century)
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    part_of_day: str | None = None  # MO, AF, EV, NI, MI (midday)
    zone: str | None = None  # the zone as written ("ET", "Beijing time")
    modifier: str | None = None  # START, MID, END (early/mid/late)
    year_shift: int | None = None  # year = reference year + shift ("the first quarter of last year")
    direction: Literal["past", "future", "either"] = "either"  # "last March", "next spring"
    week_of_month: int | None = None  # 1 = the first full week of ``month``, -1 = the last ("the last week of March")
    easter: int | None = None  # days after Easter Sunday (-2 = Good Friday): a movable holiday
    two_digit: bool = False  # "'82", "the '70s": the century is left to the context


@dataclass(frozen=True, slots=True)
class Relative:
    """Counted from the reference date: "yesterday" (day, -1), "last week", "this year", "tonight"."""

    unit: str
    offset: int
    part_of_day: str | None = None
    hour: int | None = None
    minute: int | None = None
    zone: str | None = None
    modifier: str | None = None
    approximate: bool = False  # "a few days ago"


@dataclass(frozen=True, slots=True)
class Weekday:
    """A weekday name (0 = Monday); which week it falls in is decided by the resolver."""

    weekday: int
    direction: Literal["past", "future", "either"] = "either"
    part_of_day: str | None = None
    hour: int | None = None
    minute: int | None = None
    zone: str | None = None


@dataclass(frozen=True, slots=True)
class Duration:
    """An amount of time: "the 1.5-hour call", "three days", "hours"."""

    quantity: Quantity
    modifier: str | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    """A time given relative to another event: "hours after the inauguration", "as Trump began".

    ``kind``: ``after``/``before`` by ``quantity`` (elapsed time); ``day_after``/``day_before``
    (calendar days on the writer's clock, ``quantity`` in days); ``same_day``; ``same_time``.
    """

    kind: Literal["after", "before", "day_after", "day_before", "same_day", "same_time"]
    quantity: Quantity | None
    cue: str
    anchor_text: str
    anchor_start: int
    anchor_end: int
    # Where the phrase a reader would quote begins, when before the TIMEX extent ("mere hours").
    quote_start: int | None = None


@dataclass(frozen=True, slots=True)
class Reference:
    """A deictic reference without a date: "now" (PRESENT_REF), "recently" (PAST_REF)."""

    ref: Literal["PRESENT_REF", "PAST_REF", "FUTURE_REF"]


@dataclass(frozen=True, slots=True)
class Recurrence:
    """A set of times: "every week", "daily", "15 a year", "every Tuesday night", "each January".

    ``every`` units apart ("every two weeks"; unknown when ``vague``: "every few days"); or on a
    named weekday, month or season, at a part of day ("every morning"), or at weekends.
    """

    unit: str
    every: float = 1
    weekday: int | None = None
    month: int | None = None
    season: str | None = None  # SP, SU, FA, WI
    part_of_day: str | None = None  # MO, AF, EV, NI
    vague: bool = False


Spec = Calendar | Relative | Weekday | Duration | Relation | Reference | Recurrence


@dataclass(frozen=True, slots=True)
class Mention:
    """One time expression as found: text, offsets, the rule that found it, and what it says.

    ``timex_type`` is the TIMEX3 type, or ``None`` for relations that TimeML does not tag
    ("as Trump began his term"). ``quote_end`` extends past ``end`` to include an anchor phrase.
    """

    text: str
    start: int
    end: int
    rule: str
    spec: Spec
    timex_type: Literal["DATE", "TIME", "DURATION", "SET"] | None

    @property
    def quote_start(self) -> int:
        if isinstance(self.spec, Relation) and self.spec.quote_start is not None:
            return min(self.start, self.spec.quote_start)
        return self.start

    @property
    def quote_end(self) -> int:
        if isinstance(self.spec, Relation):
            return max(self.end, self.spec.anchor_end)
        return self.end


# --------------------------------------------------------------------------- resolve


@dataclass(frozen=True)
class Window:
    """A closed window of absolute time with the grain it was stated at."""

    earliest: datetime
    latest: datetime
    grain: str = "minute"

    def __post_init__(self) -> None:
        for moment in (self.earliest, self.latest):
            if moment.tzinfo is None:
                raise ValueError(f"Window needs aware datetimes, got {moment!r}")
        if self.latest < self.earliest:
            raise ValueError(f"Window ends before it starts: {self.earliest} > {self.latest}")

    @property
    def width(self) -> timedelta:
        return self.latest - self.earliest


@dataclass(frozen=True, order=True)
class Point:
    """The start or end of an event: the unknowns the reconciler solves for."""

    event: str
    side: Side

    def __str__(self) -> str:
        return f"{self.event}.{self.side}"


@dataclass(frozen=True)
class Within:
    """``point`` lies in ``[earliest, latest]``."""

    point: Point
    earliest: datetime
    latest: datetime


@dataclass(frozen=True)
class Offset:
    """``low <= target - origin <= high``: elapsed time between two points."""

    origin: Point
    target: Point
    low: timedelta
    high: timedelta


@dataclass(frozen=True)
class CalendarShift:
    """``target`` falls ``low``..``high`` calendar days after ``origin``'s day on the clock ``zone``."""

    origin: Point
    target: Point
    zone: str
    low: int
    high: int


Constraint = Within | Offset | CalendarShift


@dataclass(frozen=True)
class Reading:
    """What a claim means on one clock: a disjunction of alternatives, each a conjunction."""

    zone: str
    alternatives: tuple[tuple[Constraint, ...], ...]
    value: str = ""  # TIMEX3-style value of this reading, e.g. 2025-01-21 or XXXX-WXX-2


@dataclass(frozen=True)
class Claim:
    """A mention of an article, tied to the event it dates, read on each candidate clock."""

    id: str
    article: str
    outlet: str
    mention: Mention
    event: str | None
    anchor_event: str | None
    readings: tuple[Reading, ...]
    unresolved: str | None = None  # the reason, when the claim cannot constrain anything
    # Whose clock the readings are on: "article" (the writer's, unknown: one per candidate),
    # "stated" (the text names it: "noon ET"), "any" (elapsed time: the same on every clock).
    clock: Literal["article", "stated", "any"] = "article"

    @property
    def points(self) -> frozenset[Point]:
        found: set[Point] = set()
        for reading in self.readings:
            for alternative in reading.alternatives:
                for constraint in alternative:
                    if isinstance(constraint, Within):
                        found.add(constraint.point)
                    else:
                        found.update((constraint.origin, constraint.target))
        return frozenset(found)


# --------------------------------------------------------------------------- reconcile


@dataclass(frozen=True)
class ClaimOutcome:
    """A claim after reconciliation: status, reason, the clocks on which it holds, its window."""

    claim: Claim
    status: Status
    reason: str
    zones: tuple[str, ...]  # the readings under which it fits the answer
    window: Window | None  # what the claim alone says about its event (hull over ``zones``)
    narrowing: timedelta = timedelta(0)  # how much the agreed window shrinks because of it


@dataclass(frozen=True)
class EventOutcome:
    """One event: the robust and the every-report-right windows for its start and end."""

    event: str
    label: str
    start: Window | None  # robust: holds if any one report is wrong
    end: Window | None
    agreed_start: Window | None  # every report right; None when impossible
    agreed_end: Window | None
    start_spans: tuple[Window, ...] = ()  # the robust start window as disjoint pieces
    reports: int = 0
    conflicts: tuple[str, ...] = ()
    pivotal: tuple[str, ...] = ()
    exact: bool = False  # a known anchor, drawn as a point
    notes: tuple[str, ...] = field(default=())
