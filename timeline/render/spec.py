"""The figure as plain data: :func:`describe` decides everything, :mod:`.paint` only paints.

Every position is in pixels at 1× from the top-left corner of the figure; every instant is
an aware UTC ``datetime``. Text is measured with DejaVu Sans metrics (:mod:`.metrics`), so
the layout (which labels go on which row, which day label fits) is decided and testable
here, without matplotlib. This module must not import matplotlib: ``import timeline`` stays
fast and the description can be checked in tests without drawing.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Literal

from ..errors import InputError
from ..model import ClaimOutcome, Clock, EventOutcome, Story, Window
from ..zones import UTC, get_zone, local_day_bounds
from . import text as words
from .alt import describe_figure
from .clock import local_hours, offsets
from .style import STYLE, Status

__all__ = [
    "DEFAULT_OPTIONS",
    "Box",
    "DayBand",
    "EventRow",
    "EvidenceRow",
    "FigureSpec",
    "KeyInstant",
    "Label",
    "Lane",
    "LegendItem",
    "RenderOptions",
    "Span",
    "Tick",
    "alt_text",
    "describe",
    "evidence_order",
]

Hours = Literal[12, 24]
HAlign = Literal["left", "right"]
InstantKind = Literal["exact", "agreed_from", "agreed_to"]
_STATUS_ORDER: dict[str, int] = {"pivotal": 0, "conflict": 1, "consistent": 2}


# --------------------------------------------------------------------------- options


@dataclass(frozen=True)
class RenderOptions:
    """What to show and how; every field has a newsroom default.

    ``clocks`` overrides the story's clocks (lane order = this order); ``time_range`` is a pair
    of aware datetimes; ``events``/``claims`` are ids to show (``None``: all); ``hours`` is 12 or
    24; ``language`` a key of :data:`timeline.render.text.LANGUAGES`; ``width`` the figure width
    in px at 1×; ``scale`` the pixel density of bitmaps (2 for retina).
    """

    clocks: tuple[Clock, ...] | None = None
    time_range: tuple[datetime, datetime] | None = None
    events: tuple[str, ...] | None = None
    claims: tuple[str, ...] | None = None
    hours: Hours = 24
    language: str = "en"
    width: int = 640
    scale: int = 1
    max_evidence_rows: int = 12

    def __post_init__(self) -> None:
        # Lists are welcome from notebooks; store tuples so options stay hashable.
        for name in ("clocks", "events", "claims", "time_range"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))
        if self.hours not in (12, 24):
            raise InputError(f"hours must be 12 or 24, got {self.hours!r}")
        if self.width < STYLE.min_width:
            raise InputError(f"width must be at least {STYLE.min_width:.0f} px, got {self.width!r}")
        if self.scale not in (1, 2, 3):
            raise InputError(f"scale must be 1, 2 or 3, got {self.scale!r}")
        if self.max_evidence_rows < 0:
            raise InputError(f"max_evidence_rows must not be negative, got {self.max_evidence_rows!r}")
        words.language(self.language)  # fail now, with the list of languages, not at draw time
        if self.time_range is not None:
            if len(self.time_range) != 2:
                raise InputError(f"time_range must be (start, end), got {self.time_range!r}")
            start, end = self.time_range
            for moment in (start, end):
                if not isinstance(moment, datetime) or moment.utcoffset() is None:
                    raise InputError(
                        f"time_range needs aware datetimes (with tzinfo), got {moment!r}",
                        field="time_range",
                    )
            if end <= start:
                raise InputError(f"time_range ends before it starts: {start} .. {end}", field="time_range")


DEFAULT_OPTIONS = RenderOptions()


# --------------------------------------------------------------------------- the description


@dataclass(frozen=True)
class Box:
    """A rectangle in px at 1×, from the figure's top-left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def overlaps(self, other: Box, gap: float = 0.0) -> bool:
        return not (
            self.right + gap <= other.x
            or other.right + gap <= self.x
            or self.bottom + gap <= other.y
            or other.bottom + gap <= self.y
        )


@dataclass(frozen=True)
class Label:
    """One line of text: ``x`` is its left edge (``ha="left"``) or right edge; ``y`` its top."""

    text: str
    x: float
    y: float
    role: str
    ha: HAlign = "left"
    halo: bool = False  # white outline: the label sits on lines or shading

    @property
    def width(self) -> float:
        return words.text_width(self.text, self.role)

    @property
    def box(self) -> Box:
        left = self.x if self.ha == "left" else self.x - self.width
        return Box(left, self.y, self.width, words.text_height(self.role))


@dataclass(frozen=True)
class Span:
    """A stretch of time clipped to the figure; ``continues_*`` when the true window goes on."""

    start: datetime
    end: datetime
    continues_before: bool = False
    continues_after: bool = False


@dataclass(frozen=True)
class DayBand:
    """One local calendar day of a clock, as drawn (clipped to the figure's range)."""

    day: date
    start: datetime
    end: datetime
    shaded: bool
    label: Label | None


@dataclass(frozen=True)
class Tick:
    at: datetime  # UTC
    local: datetime  # on the lane's clock
    label: str  # empty where a centred label would stick out past the axis ends


@dataclass(frozen=True)
class Lane:
    """A clock: header, its local days as bands, its local hours as ticks, key-instant labels."""

    clock: Clock
    box: Box  # the banded area; header above it, tick labels below it
    header: tuple[Label, ...]
    days: tuple[DayBand, ...]
    ticks: tuple[Tick, ...]
    tick_every: int  # hours between ticks on this clock (0: no ticks); the ticks are ``ticks``
    instant_labels: tuple[Label, ...]  # one per key instant, in the order of FigureSpec.instants


@dataclass(frozen=True)
class KeyInstant:
    """A vertical line through all lanes, read on each clock (``labels`` in lane order)."""

    at: datetime
    event: str
    kind: InstantKind
    labels: tuple[str, ...]
    times: tuple[str, ...] = ()  # the clock times alone ("10:00"), drawn where a whole label crosses a midnight


@dataclass(frozen=True)
class EventRow:
    event: str
    label: Label
    y: float  # centre of the bar or marker
    robust: tuple[Span, ...]  # light: holds if any one report is wrong
    agreed: Span | None  # dark: holds if every report is right
    exact: datetime | None  # a known instant, drawn as a point


@dataclass(frozen=True)
class EvidenceRow:
    """One row of the evidence panel: a time phrase, or several that say the same thing.

    Phrases are grouped when their words (normalised), status, window and clocks are the same;
    ``claims`` and ``articles`` list every one of them, ``claim``/``article`` the first.
    """

    claim: str
    article: str
    status: Status
    texts: tuple[Label, ...]  # tag, the report(s), then what it needs / the ids that did not fit
    marker: tuple[float, float]  # centre of the status marker, px
    y: float  # centre of the window bar
    window: Span | None
    highlight: Box | None  # pale background behind a pivotal report
    claims: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()  # each report once, in natural order


@dataclass(frozen=True)
class LegendItem:
    kind: Literal["robust", "agreed", "exact"]
    swatch: Box
    label: Label


@dataclass(frozen=True)
class FigureSpec:
    """Everything the figure shows, decided; :func:`timeline.render.draw` paints it."""

    width: float
    height: float
    scale: int
    language: str
    hours: Hours
    start: datetime  # the time range, UTC
    end: datetime
    axis_left: float  # px of ``start`` and ``end`` on every time axis
    axis_right: float
    title: str
    texts: tuple[Label, ...]  # title, subtitle, headings, notes, footnotes, source, credit
    legend: tuple[LegendItem, ...]
    events_box: Box
    events: tuple[EventRow, ...]
    lanes: tuple[Lane, ...]
    instants: tuple[KeyInstant, ...]
    evidence_box: Box | None
    evidence: tuple[EvidenceRow, ...]
    agreed_columns: tuple[Span, ...]  # agreed windows, shaded behind the evidence rows
    footnotes: tuple[str, ...]
    alt_text: str
    not_drawn: tuple[str, ...] = field(default=())  # claim ids left out (footnoted), for the record

    def x(self, moment: datetime) -> float:
        """Horizontal px of an instant (linear in UTC: one axis for every clock)."""
        return _Frame(self.start, self.end, self.axis_left, self.axis_right).x(moment)

    def labels(self) -> Iterator[Label]:
        """Every text placed by the description (tick labels are placed by the axis)."""
        yield from self.texts
        for item in self.legend:
            yield item.label
        for row in self.events:
            yield row.label
        for lane in self.lanes:
            yield from lane.header
            yield from (band.label for band in lane.days if band.label is not None)
            yield from lane.instant_labels
        for evidence in self.evidence:
            yield from evidence.texts

    def _repr_png_(self) -> bytes:
        """Jupyter shows a FigureSpec as its PNG (matplotlib is imported only now)."""
        from .paint import png_bytes

        return png_bytes(self)


def alt_text(spec: FigureSpec) -> str:
    """The plain-language description to publish beside the image."""
    return spec.alt_text


# --------------------------------------------------------------------------- describe


@dataclass(frozen=True)
class _Shown:
    """The selection: clocks, events, claims, after applying the options."""

    clocks: tuple[Clock, ...]
    zones: tuple[tzinfo, ...]
    events: tuple[EventOutcome, ...]
    labels: dict[str, str]
    claims: tuple[ClaimOutcome, ...]
    unresolved: tuple[ClaimOutcome, ...]
    unplaced_events: tuple[str, ...]


def describe(
    story: Story,
    events: Sequence[EventOutcome],
    claims: Sequence[ClaimOutcome],
    *,
    options: RenderOptions = DEFAULT_OPTIONS,
) -> FigureSpec:
    """Decide the whole figure: lanes, days, ticks, key instants, bars, evidence, text, alt text."""
    lang = words.language(options.language)
    shown = _select(story, events, claims, options)
    width = float(options.width)
    left, right = STYLE.margin, width - STYLE.margin
    every_instant = _key_instants(shown, options.hours, lang)
    start, end = options.time_range or _default_range(shown, every_instant, right - left, story)
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    frame = _Frame(start, end, left, right)
    instants = tuple(instant for instant in every_instant if start <= instant.at <= end)

    texts: list[Label] = []
    y = STYLE.margin
    y = _block(texts, story.title, "title", left, y, right - left)
    y = _block(texts, story.subtitle, "subtitle", left, y, right - left)
    legend, y = _legend(shown.events, lang, left, y + STYLE.gap, right)

    event_rows, events_box = _event_rows(shown, frame, y + STYLE.gap)
    lanes, y = _lanes(shown, frame, instants, options.hours, lang, events_box.bottom + STYLE.gap)

    evidence, evidence_box, limited, y = _evidence(story, shown, frame, options, lang, texts, y + STYLE.gap)
    footnotes = _footnotes(shown, limited, lang, right - left)
    for note in footnotes:
        y = _block(texts, note, "note", left, y, right - left)
    y += STYLE.gap / 2
    for line in (story.source_line, story.credit):
        y = _block(texts, line, "small", left, y, right - left)
    height = float(math.ceil(y + STYLE.margin))  # whole pixels: 1× and 2× bitmaps match exactly

    columns = tuple(
        span
        for outcome in shown.events
        if outcome.agreed_start is not None and not outcome.exact
        for span in [frame.clip(outcome.agreed_start)]
        if span is not None
    )
    return FigureSpec(
        width=width,
        height=height,
        scale=options.scale,
        language=lang.code,
        hours=options.hours,
        start=start,
        end=end,
        axis_left=left,
        axis_right=right,
        title=story.title,
        texts=tuple(texts),
        legend=legend,
        events_box=events_box,
        events=event_rows,
        lanes=lanes,
        instants=instants,
        evidence_box=evidence_box,
        evidence=evidence,
        agreed_columns=columns,
        footnotes=footnotes,
        alt_text=describe_figure(
            clocks=shown.clocks,
            zones=shown.zones,
            events=shown.events,
            labels=shown.labels,
            drawn=tuple(row.status for row in evidence for _ in row.claims),
            pivotal=tuple(_pivotal_sentence(story, outcome, shown, lang) for outcome in _pivotal(shown.claims)),
            not_drawn=len(shown.unresolved) + len(limited),
            unplaced=shown.unplaced_events,
            lang=lang,
            hours=options.hours,
        ),
        not_drawn=tuple(outcome.claim.id for outcome in (*shown.unresolved, *limited)),
    )


@dataclass(frozen=True)
class _Frame:
    """The time range and where it lies on the page."""

    start: datetime
    end: datetime
    left: float
    right: float

    def x(self, moment: datetime) -> float:
        return self.left + (moment - self.start) / (self.end - self.start) * (self.right - self.left)

    @property
    def px_per_hour(self) -> float:
        return (self.right - self.left) / ((self.end - self.start) / timedelta(hours=1))

    def clip(self, window: Window) -> Span | None:
        if window.latest < self.start or window.earliest > self.end:
            return None
        return Span(
            max(window.earliest, self.start),
            min(window.latest, self.end),
            continues_before=window.earliest < self.start,
            continues_after=window.latest > self.end,
        )

    def clip_or_edge(self, window: Window) -> Span:
        """Like :meth:`clip`, but a window off the range becomes an arrow at the nearer edge."""
        span = self.clip(window)
        if span is not None:
            return span
        edge = self.start if window.latest < self.start else self.end
        return Span(edge, edge, continues_before=edge == self.start, continues_after=edge == self.end)


# --------------------------------------------------------------------------- selection


def _select(
    story: Story, events: Sequence[EventOutcome], claims: Sequence[ClaimOutcome], options: RenderOptions
) -> _Shown:
    clocks = options.clocks if options.clocks is not None else story.clocks
    if not clocks:
        raise InputError("no clocks to draw: give the story clocks or RenderOptions(clocks=...)")
    zones = tuple(get_zone(clock.zone, field=f"clock {clock.name!r}") for clock in clocks)

    chosen = list(events)
    if options.events is not None:
        known = {outcome.event for outcome in events}
        missing = [event_id for event_id in options.events if event_id not in known]
        if missing:
            raise InputError(f"no outcome for event(s) {missing}; known: {sorted(known)}", field="events")
        chosen = [outcome for outcome in events if outcome.event in options.events]
    placed = sorted((o for o in chosen if o.start is not None), key=lambda o: _robust_start(o).earliest)
    unplaced = tuple(_event_label(story, o) for o in chosen if o.start is None)

    picked = list(claims)
    if options.claims is not None:
        known = {outcome.claim.id for outcome in claims}
        missing = [claim_id for claim_id in options.claims if claim_id not in known]
        if missing:
            raise InputError(f"no outcome for claim(s) {missing}; known: {sorted(known)}", field="claims")
        picked = [outcome for outcome in claims if outcome.claim.id in options.claims]
    if options.events is not None:
        picked = [o for o in picked if o.claim.event is None or o.claim.event in options.events]
    return _Shown(
        clocks=tuple(clocks),
        zones=zones,
        events=tuple(placed),
        labels={o.event: _event_label(story, o) for o in placed},
        claims=tuple(o for o in picked if o.status != "unresolved"),
        unresolved=tuple(o for o in picked if o.status == "unresolved"),
        unplaced_events=unplaced,
    )


def _event_label(story: Story, outcome: EventOutcome) -> str:
    if outcome.label:
        return outcome.label
    try:
        return story.event(outcome.event).label
    except KeyError:
        return outcome.event


def _robust_start(outcome: EventOutcome) -> Window:
    assert outcome.start is not None  # only placed events get here
    return outcome.start


# How far past the starts an end window may reach and still set the default range (× their span).
END_REACH = 2


def _no_window_hull(story: Story) -> tuple[datetime, datetime] | None:
    """The days the articles came out (else the story's period), as UTC days: the time axis when
    no event has a window and no time is known, so the figure still says that nothing was placed."""
    days = [a.published.date for a in story.articles if a.published.date is not None]
    if not days and story.period is not None:
        days = list(story.period)
    if not days:
        return None
    return datetime.combine(min(days), datetime.min.time(), UTC), datetime.combine(max(days), datetime.max.time(), UTC)


def _default_range(shown: _Shown, instants: tuple[KeyInstant, ...], plot_width: float,
                   story: Story | None = None) -> tuple[datetime, datetime]:
    """Hull of the events' robust windows (start and end), widened by a margin, whole UTC hours.

    Where no event has a window, the key instants (known times) span the axis, else the
    ``story``'s publication days; with neither there is nothing to draw, which is said.

    The right margin also leaves room for the last key instant's labels to sit to the right of
    its line, like all the others: a label flipped to the left of the last line would sit next
    to the line before it and read as that line's.
    """
    starts = [
        window
        for outcome in shown.events
        for window in (outcome.start, outcome.agreed_start, *outcome.start_spans)
        if window is not None
    ]
    # Ends join the range only when they stay near the starts: one loosely bounded end ("the
    # talks lasted days") must not shrink every hour of the story to a hair; a bar running past
    # the edge is drawn with an arrowhead.
    windows = list(starts)
    if starts:
        span = max(w.latest for w in starts) - min(w.earliest for w in starts)
        reach = max(span, timedelta(hours=12)) * END_REACH
        windows += [
            o.end for o in shown.events
            if o.end is not None and o.end.latest - max(w.latest for w in starts) <= reach
        ]
    if windows:
        low = min(w.earliest for w in windows).astimezone(UTC)
        high = max(w.latest for w in windows).astimezone(UTC)
    elif instants:
        low, high = min(i.at for i in instants).astimezone(UTC), max(i.at for i in instants).astimezone(UTC)
    elif story is not None and (days := _no_window_hull(story)) is not None:
        low, high = days
    else:
        raise InputError("nothing places this story in time: no report could be dated, and the story gives no "
                         "known times, publication dates or period to draw an axis for; the claims table says "
                         "why each expression is unresolved (or give RenderOptions(time_range=...))")
    try:
        margin = max((high - low) * STYLE.range_margin, timedelta(hours=1))
        low, high = low - margin, high + margin
        if instants:
            last = instants[-1]
            room = max(words.text_width(label, "instant") for label in last.labels) + 2 * STYLE.label_pad
            # The first line's label goes left of it on a clock where, on the right, it would run past
            # midnight into the next day's band and, on the left, it stays on its own day (see
            # _place_instant_labels): room for it there too.
            first = instants[0]
            rooms_left = []
            for label, zone in zip(first.labels, shown.zones, strict=True):
                day_start, day_end = local_day_bounds(first.at.astimezone(zone).date(), zone)
                needed = words.text_width(label, "instant") + 2 * STYLE.label_pad + STYLE.text_gap
                rooms_left.append((needed, first.at - day_start, day_end - first.at))
            # Room in time depends on the range it widens: a few rounds settle it.
            for _ in range(4):
                high = max(high, last.at + (high - low) * (room / plot_width))
                for needed, since_midnight, to_midnight in rooms_left:
                    width = (high - low) * (needed / plot_width)
                    if to_midnight < width <= since_midnight:
                        low = min(low, first.at - width)
        floor = low.replace(minute=0, second=0, microsecond=0)
        ceil = high.replace(minute=0, second=0, microsecond=0)
        end = ceil if ceil == high else ceil + timedelta(hours=1)
        inside = floor >= _CALENDAR_START and end <= _CALENDAR_END
    except OverflowError:
        inside = False
    if not inside:
        raise InputError(f"the figure would run from {low:%Y-%m-%d} to {high:%Y-%m-%d}, to the ends of the calendar "
                         "the clocks can draw: check the publication dates and the story's known times, or give "
                         "RenderOptions(time_range=...)") from None
    return floor, end


# Each lane shows local days up to 14 hours either side of UTC: keep the axis two days inside
# the years 1 to 9999 that datetime holds.
_CALENDAR_START = datetime(1, 1, 3, tzinfo=UTC)
_CALENDAR_END = datetime(9999, 12, 29, tzinfo=UTC)


# --------------------------------------------------------------------------- text blocks


def _block(texts: list[Label], content: str, role: str, x: float, y: float, width: float) -> float:
    """Wrap ``content`` into lines at ``y``; return the y below it."""
    pitch = STYLE.font(role).size * STYLE.line_height
    for line in words.wrap(content, width, role):
        texts.append(Label(line, x, y, role))
        y += pitch
    return y


def _legend(
    events: tuple[EventOutcome, ...], lang: words.Language, left: float, y: float, right: float
) -> tuple[tuple[LegendItem, ...], float]:
    kinds: list[Literal["robust", "agreed", "exact"]] = []
    if any(not o.exact for o in events):
        kinds.append("robust")
    if any(not o.exact and o.agreed_start is not None for o in events):
        kinds.append("agreed")
    if any(o.exact for o in events):
        kinds.append("exact")
    pitch = STYLE.font("label").size * STYLE.line_height
    items: list[LegendItem] = []
    x = left
    swatch, item_gap = STYLE.legend_swatch, 2 * STYLE.text_gap
    for kind in kinds:
        text = lang.words[kind]
        needed = swatch + STYLE.label_pad + words.text_width(text, "label")
        if x > left and x + needed > right:  # flow onto the next line
            x, y = left, y + pitch
        text = words.fit(text, right - x - swatch - STYLE.label_pad, "label")
        height = words.text_height("label")
        box = Box(x, y + height * 0.3, swatch, height * 0.45)
        label = Label(text, x + swatch + STYLE.label_pad, y, "label")
        items.append(LegendItem(kind, box, label))
        x = label.box.right + item_gap
    return tuple(items), (y + pitch if items else y)


# --------------------------------------------------------------------------- events


def _event_rows(shown: _Shown, frame: _Frame, top: float) -> tuple[tuple[EventRow, ...], Box]:
    rows: list[EventRow] = []
    text_h = words.text_height("event")
    for index, outcome in enumerate(shown.events):
        row_top = top + index * STYLE.event_row
        bar_y = row_top + text_h + 2 + STYLE.event_bar / 2
        start = _robust_start(outcome)
        exact = start.earliest.astimezone(UTC) if outcome.exact else None
        robust = () if exact else tuple(frame.clip_or_edge(w) for w in (outcome.start_spans or (start,)))
        agreed = None if exact or outcome.agreed_start is None else frame.clip_or_edge(outcome.agreed_start)
        text = words.fit(shown.labels[outcome.event], frame.right - frame.left, "event")
        width = words.text_width(text, "event")
        anchor = frame.x(exact) - STYLE.event_bar / 2 if exact else frame.x(robust[0].start)
        x = min(max(anchor, frame.left), frame.right - width)
        rows.append(
            EventRow(
                event=outcome.event,
                label=Label(text, x, row_top, "event", halo=True),
                y=bar_y,
                robust=robust,
                agreed=agreed,
                exact=exact,
            )
        )
    box = Box(frame.left, top, frame.right - frame.left, max(len(rows), 1) * STYLE.event_row)
    return tuple(rows), box


def _key_instants(shown: _Shown, hours: Hours, lang: words.Language) -> tuple[KeyInstant, ...]:
    """The oath's start, the edges of each agreed window: the moments readers compare clocks at."""
    found: list[tuple[datetime, str, InstantKind]] = []
    for outcome in shown.events:
        if outcome.exact:
            found.append((_robust_start(outcome).earliest, outcome.event, "exact"))
        elif outcome.agreed_start is not None:
            found.append((outcome.agreed_start.earliest, outcome.event, "agreed_from"))
            if outcome.agreed_start.width > timedelta(0):
                found.append((outcome.agreed_start.latest, outcome.event, "agreed_to"))
    instants: list[KeyInstant] = []
    seen: set[datetime] = set()
    for at, event, kind in sorted(found, key=lambda item: item[0]):
        at = at.astimezone(UTC)
        if at in seen:
            continue
        seen.add(at)
        labels = tuple(words.instant_label(at.astimezone(zone), hours, lang) for zone in shown.zones)
        times = tuple(words.clock_time(at.astimezone(zone), hours, lang) for zone in shown.zones)
        instants.append(KeyInstant(at, event, kind, labels, times))
    return tuple(instants)


# --------------------------------------------------------------------------- lanes


def _lanes(
    shown: _Shown,
    frame: _Frame,
    instants: tuple[KeyInstant, ...],
    hours: Hours,
    lang: words.Language,
    top: float,
) -> tuple[tuple[Lane, ...], float]:
    step = _tick_step(shown.zones, frame, hours, lang)
    # Lay out each lane's instant labels in rows first: every lane gets the height of the busiest.
    placed = [
        _place_instant_labels(instants, index, frame, _midnights(zone, frame)) for index, zone in enumerate(shown.zones)
    ]
    rows = max((row for lane in placed for _, row, _ in lane), default=-1) + 1
    box_height = STYLE.lane_day_row + rows * STYLE.lane_instant_row + STYLE.lane_bottom_pad
    below = STYLE.tick_length + STYLE.tick_label_pad + words.text_height("small") + STYLE.lane_gap
    lanes: list[Lane] = []
    y = top
    for index, (clock, zone) in enumerate(zip(shown.clocks, shown.zones, strict=True)):
        box = Box(frame.left, y + STYLE.lane_header, frame.right - frame.left, box_height)
        labels = tuple(
            Label(text, x, box.y + STYLE.lane_day_row + row * STYLE.lane_instant_row, "instant", ha=ha, halo=True)
            for (x, ha), row, text in placed[index]
        )
        lanes.append(
            Lane(
                clock=clock,
                box=box,
                header=_lane_header(clock, zone, frame, hours, lang, y),
                days=_day_bands(zone, frame, lang, box, tuple(frame.x(i.at) for i in instants)),
                ticks=_ticks(zone, frame, step, hours, lang) if step else (),
                tick_every=step,
                instant_labels=labels,
            )
        )
        y = box.bottom + below
    return tuple(lanes), y


def _offsets(zone: tzinfo, frame: _Frame) -> list[tuple[datetime, timedelta]]:
    return offsets(zone, frame.start, frame.end)


def _lane_header(
    clock: Clock, zone: tzinfo, frame: _Frame, hours: Hours, lang: words.Language, y: float
) -> tuple[Label, ...]:
    name = Label(clock.name, frame.left, y, "event")
    offsets = _offsets(zone, frame)
    parts = [words.offset_label(offsets[0][1])]
    for moment, offset in offsets[1:]:
        local = moment.astimezone(zone)
        # Daylight saving, said in words: readers should not have to infer it from the ticks.
        when = f"{words.clock_time(local, hours, lang)} {words.day_labels(local.date(), lang)[0]}"
        parts.append(lang.words["offset_change"].format(offset=words.offset_label(offset), when=when))
    x = name.box.right + STYLE.text_gap
    text = words.fit(" ".join(parts), frame.right - x, "small")
    return (name, Label(text, x, y + 1, "small"))


def _day_bands(
    zone: tzinfo, frame: _Frame, lang: words.Language, box: Box, lines: tuple[float, ...] = ()
) -> tuple[DayBand, ...]:
    bands: list[DayBand] = []
    day = frame.start.astimezone(zone).date()
    while True:
        begin, finish = local_day_bounds(day, zone)
        if begin >= frame.end:
            break
        start, end = max(begin, frame.start), min(finish, frame.end)
        x0, x1 = frame.x(start) + STYLE.label_pad, frame.x(end) - STYLE.label_pad
        label = _day_label(words.day_labels(day, lang), x0, x1, lines, box.y + 3)
        # Shade by the calendar (odd ordinal days), so a day keeps its shade when the range moves.
        bands.append(DayBand(day, start, end, shaded=day.toordinal() % 2 == 1, label=label))
        day += timedelta(days=1)
    return tuple(bands)


def _day_label(candidates: tuple[str, ...], x0: float, x1: float, lines: tuple[float, ...], y: float) -> Label | None:
    """The longest day label that fits its band ("Wed 18 Jun" before "Wed"): at the band's start,
    or just past the key line that would run through it there, if past it the label fits and
    touches no other line (one step: further on it would no longer head its day); else at the
    start, where its halo keeps it legible over the line. Never shortened to dodge a line."""

    def crossing(x: float, width: float) -> list[float]:
        return sorted(line for line in lines if x - STYLE.label_pad < line < x + width + STYLE.label_pad)

    for candidate in candidates:
        width = words.text_width(candidate, "day")
        if x0 + width > x1:
            continue
        x = x0
        in_the_way = crossing(x0, width)
        if in_the_way:
            moved = in_the_way[-1] + STYLE.label_pad
            if moved + width <= x1 and not crossing(moved, width):
                x = moved
        return Label(candidate, x, y, "day", halo=True)
    return None


def _tick_step(zones: tuple[tzinfo, ...], frame: _Frame, hours: Hours, lang: words.Language) -> int:
    """Hours between ticks: the smallest step whose labels never touch, even across a DST jump."""
    sample = datetime(2001, 1, 1)
    labels = (words.hour_label(sample.replace(hour=hour), hours, lang) for hour in range(24))
    widest = max(words.text_width(label, "small") for label in labels)
    jump = max(
        (abs(b[1] - a[1]) / timedelta(hours=1) for zone in zones for a, b in itertools.pairwise(_offsets(zone, frame))),
        default=0.0,
    )
    for step in STYLE.tick_steps:
        # Labels are centred on their ticks: neighbours need a label width plus a gap between them.
        if (step - jump) * frame.px_per_hour >= widest + 2 * STYLE.text_gap:
            return step
    return 0


def _ticks(zone: tzinfo, frame: _Frame, step: int, hours: Hours, lang: words.Language) -> tuple[Tick, ...]:
    """Whole local hours divisible by ``step`` (DST-correct: see :mod:`.clock`)."""
    ticks: list[Tick] = []
    for moment in local_hours(zone, frame.start, frame.end, step):
        local = moment.astimezone(zone)
        label = words.hour_label(local, hours, lang)
        half = words.text_width(label, "small") / 2
        if not frame.left <= frame.x(moment) - half <= frame.x(moment) + half <= frame.right:
            label = ""  # centred on a tick near the edge it would stick out of the figure
        ticks.append(Tick(moment, local, label))
    return tuple(ticks)


def _midnights(zone: tzinfo, frame: _Frame) -> tuple[datetime, ...]:
    """Each local midnight inside the range: where one day's band ends and the next begins."""
    found: list[datetime] = []
    day = frame.start.astimezone(zone).date() + timedelta(days=1)
    while True:
        begin, _ = local_day_bounds(day, zone)
        if begin >= frame.end:
            return tuple(found)
        found.append(begin)
        day += timedelta(days=1)


def _free_row(rows: list[list[tuple[float, float]]], low: float, high: float) -> int:
    """The first row where ``[low, high]`` touches no label (``len(rows)``: a new row)."""
    free = (
        number
        for number, taken in enumerate(rows)
        if all(high + STYLE.text_gap <= a or b + STYLE.text_gap <= low for a, b in taken)
    )
    return next(free, len(rows))


def _place_instant_labels(
    instants: tuple[KeyInstant, ...], lane: int, frame: _Frame, midnights: tuple[datetime, ...] = ()
) -> list[tuple[tuple[float, HAlign], int, str]]:
    """Each label right of its line, on the first row where it touches no other label: its
    anchor, row and text.

    A label goes left of its line where the right edge leaves no room, and where on the right
    it would run past a local midnight into the next day's band ("23:59 Mon" under "Tue 21
    Jan") while the left is clear of midnights and of other lines and needs no lower row. Never
    to save a row: next to another line it would read as that line's. Where neither side keeps
    it on its day (many days on a narrow axis), the clock time alone ("10:00") goes right of the
    line, or else left of it, under the band that names the day; where not even that fits, the
    whole label stays right of the line.
    """
    lines = [frame.x(instant.at) for instant in instants]
    rows: list[list[tuple[float, float]]] = []
    placed: list[tuple[tuple[float, HAlign], int, str]] = []
    for index, instant in enumerate(instants):
        x = lines[index]
        others = [line for i, line in enumerate(lines) if i != index]
        text = instant.labels[lane]
        width = words.text_width(text, "instant")
        ha: HAlign = "left"
        if x + STYLE.label_pad + width > frame.right:
            ha = "right"
        elif _past_midnight(width, x, instant.at, frame, midnights):
            # The whole label left of the line, else the clock time alone right of it, else left of it.
            choices: list[tuple[str, HAlign]] = [(text, "right")]
            if instant.times:
                choices += [(instant.times[lane], "left"), (instant.times[lane], "right")]
            for choice, side in choices:
                size = words.text_width(choice, "instant")
                if (_fits_left(size, x, instant.at, others, frame, midnights, rows) if side == "right"
                        else not _past_midnight(size, x, instant.at, frame, midnights)):
                    text, width, ha = choice, size, side
                    break
        low = x + STYLE.label_pad if ha == "left" else max(frame.left, x - STYLE.label_pad - width)
        high = low + width
        row = _free_row(rows, low, high)
        if row == len(rows):
            rows.append([])
        rows[row].append((low, high))
        placed.append(((low if ha == "left" else high, ha), row, text))
    return placed


def _past_midnight(width: float, x: float, at: datetime, frame: _Frame, midnights: tuple[datetime, ...]) -> bool:
    """Whether a label this wide, right of the line at ``x``, runs into the next day's band (later
    in time, not only in px: a line one minute before midnight is on the earlier day)."""
    return any(at < m and frame.x(m) < x + STYLE.label_pad + width for m in midnights)


def _fits_left(width: float, x: float, at: datetime, others: list[float], frame: _Frame,
               midnights: tuple[datetime, ...], rows: list[list[tuple[float, float]]]) -> bool:
    """Whether a label this wide fits left of the line at ``x``: inside the axis, clear of the
    midnights before it and of other lines, and on no lower row than it would take on the right."""
    left = x - STYLE.label_pad - width
    right_of_line = x + STYLE.label_pad
    return (
        left >= frame.left
        and not any(left - STYLE.text_gap <= frame.x(m) and m < at for m in midnights)
        and not any(left - 2 * STYLE.text_gap <= line < x for line in others)
        and _free_row(rows, left, x - STYLE.label_pad) <= _free_row(rows, right_of_line, right_of_line + width)
    )


# --------------------------------------------------------------------------- evidence


def _pivotal(claims: tuple[ClaimOutcome, ...]) -> list[ClaimOutcome]:
    return [outcome for outcome in claims if outcome.status == "pivotal"]


def _clock_names(zones: Sequence[str], shown: _Shown, lang: words.Language) -> str:
    by_zone = {clock.zone: clock.name for clock in shown.clocks}
    names = [by_zone.get(zone, zone.rsplit("/", 1)[-1].replace("_", " ")) for zone in zones]
    return lang.words["or"].join(names)


def _window_on(window: Window, zone: str, hours: Hours, lang: words.Language) -> str:
    tz = get_zone(zone)
    return " – ".join(
        words.instant_label(moment.astimezone(tz), hours, lang) for moment in (window.earliest, window.latest)
    )


def _needs(outcome: ClaimOutcome, shown: _Shown, hours: Hours, lang: words.Language) -> str:
    """What a pivotal report needs, in words: the clock, and the window read on it."""
    clocks = _clock_names(outcome.zones, shown, lang)
    if len(outcome.zones) == 1 and outcome.window is not None:
        window = _window_on(outcome.window, outcome.zones[0], hours, lang)
        return lang.words["needs_one"].format(clocks=clocks, window=window)
    return lang.words["needs_many"].format(clocks=clocks)


def _quote(story: Story, outcome: ClaimOutcome) -> str:
    """The words of the report: the quote span of the article if we have it, else the mention."""
    mention = outcome.claim.mention
    article = next((a for a in story.articles if a.id == outcome.claim.article), None)
    quoted = mention.text
    if article is not None and 0 <= mention.quote_start < mention.quote_end <= len(article.text):
        quoted = article.text[mention.quote_start : mention.quote_end]
    return " ".join(quoted.split())


def _pivotal_sentence(story: Story, outcome: ClaimOutcome, shown: _Shown, lang: words.Language) -> str:
    """A sentence of the alt text: which report holds on which clock only."""
    outlet = outcome.claim.outlet or lang.words["unknown_outlet"]
    template = lang.alt["needs_one" if len(outcome.zones) == 1 else "needs_many"]
    clocks = _clock_names(outcome.zones, shown, lang)
    return template.format(article=outcome.claim.article, outlet=outlet, quote=_quote(story, outcome), clocks=clocks)


def _normalised(text: str) -> str:
    """Words of a phrase for comparison: case, punctuation and spacing do not count."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


Group = tuple[ClaimOutcome, ...]


def _groups(claims: Sequence[ClaimOutcome]) -> list[Group]:
    """Phrases that say the same thing (words, status, window, clocks, event) as one group each.

    A conflict's or a pivotal phrase's reason is part of what it says: those group only when
    the reasons match too.
    """
    found: dict[tuple[object, ...], list[ClaimOutcome]] = {}
    for outcome in claims:
        window = None if outcome.window is None else (outcome.window.earliest, outcome.window.latest)
        reason = "" if outcome.status == "consistent" else outcome.reason
        key = (
            _normalised(outcome.claim.mention.text),
            outcome.status,
            window,
            tuple(sorted(outcome.zones)),
            outcome.claim.event,
            reason,
        )
        found.setdefault(key, []).append(outcome)
    return [tuple(sorted(group, key=lambda o: _natural(o.claim.id))) for group in found.values()]


def _clock_known(outcome: ClaimOutcome) -> bool:
    """The phrase is read on one clock only: a single zone fits, the text names it, or it is elapsed time."""
    return len(outcome.zones) == 1 or outcome.claim.clock in ("stated", "any")


def evidence_order(claims: Sequence[ClaimOutcome]) -> list[Group]:
    """Groups of phrases, the most telling first.

    Pivotal, then conflict, then consistent; within a status: phrases that narrow the agreed
    window most; then phrases with a window before those without; then phrases whose clock is
    known before those read on any of several clocks; then the narrowest window; then the
    earliest; then report ids in natural order (S2 before S11).
    """

    def key(group: Group) -> tuple[object, ...]:
        first = group[0]
        window = first.window
        return (
            _STATUS_ORDER.get(first.status, 3),
            -max(o.narrowing for o in group),
            window is None,
            not _clock_known(first),
            window.width if window is not None else timedelta(0),
            window.earliest if window is not None else datetime.min.replace(tzinfo=UTC),
            _natural(first.claim.id),
        )

    return sorted(_groups(claims), key=key)


def _group_quote(story: Story, group: Group) -> str:
    """The words the group shares: the quote if all say it alike, else their common first words and "…"."""
    quotes = [_quote(story, outcome) for outcome in group]
    if len({_normalised(q) for q in quotes}) == 1:
        return quotes[0]
    split = [q.split() for q in quotes]
    common: list[str] = []
    for column in zip(*split, strict=False):
        if len({_normalised(word) for word in column}) != 1:
            break
        common.append(column[0])
    shared = " ".join(common) or group[0].claim.mention.text
    return f"{shared} …"


def _report_ids(group: Group) -> str:
    """``"S1, S2 (CNN), S13 (Worthy News, ×2)"``: each report once, its outlet where known."""
    counts = Counter(o.claim.article for o in group)
    outlets = {o.claim.article: o.claim.outlet for o in group}
    parts = []
    for article in sorted(counts, key=_natural):
        extra = [outlets[article]] if outlets[article] else []
        if counts[article] > 1:
            extra.append(f"×{counts[article]}")
        parts.append(f"{article} ({', '.join(extra)})" if extra else article)
    return ", ".join(parts)


def _evidence(
    story: Story,
    shown: _Shown,
    frame: _Frame,
    options: RenderOptions,
    lang: words.Language,
    texts: list[Label],
    top: float,
) -> tuple[tuple[EvidenceRow, ...], Box | None, tuple[ClaimOutcome, ...], float]:
    ordered = evidence_order(shown.claims)
    drawn = ordered[: options.max_evidence_rows]
    limited = tuple(outcome for group in ordered[options.max_evidence_rows :] for outcome in group)
    if not drawn:
        return (), None, limited, top
    width = frame.right - frame.left
    y = _block(texts, lang.words["evidence"], "heading", frame.left, top, width)
    y = _block(texts, lang.words["evidence_note"], "small", frame.left, y, width)
    y += STYLE.label_pad
    box_top = y
    rows: list[EvidenceRow] = []
    line = STYLE.font("label").size * STYLE.line_height
    small_line = STYLE.font("small").size * STYLE.line_height
    marker = max(STYLE.status_marker_sizes.values())
    indent = frame.left + marker + STYLE.label_pad
    for group in drawn:
        outcome = group[0]
        row_top = y
        tag = Label(lang.words[outcome.status], indent, y, STYLE.status_tags[outcome.status])
        body_x = tag.box.right + STYLE.text_gap
        room = frame.right - body_x
        articles = tuple(sorted({o.claim.article for o in group}, key=_natural))
        details: list[str] = []
        if len(group) == 1:
            outlet = outcome.claim.outlet or lang.words["unknown_outlet"]
            body = _fit_quote(lang, f"{outcome.claim.article} · {outlet} · ", _quote(story, outcome), "", room)
        else:
            quote = _group_quote(story, group)
            ids, count = _report_ids(group), words.counted(lang, "reports", len(articles))
            body = f"{lang.quoted(quote)} · {ids} · {count}"
            if words.text_width(body, "label") > room:
                # Every id must be read: the list goes on its own lines below, never cut.
                body = _fit_quote(lang, "", quote, f" · {count}", room)
                details += words.wrap(ids, frame.right - indent, "small")
        labels = [tag, Label(body, body_x, y, "label")]
        y += line
        detail = ""
        if outcome.status == "pivotal":
            detail = _needs(outcome, shown, options.hours, lang)
        elif outcome.status == "conflict":
            detail = outcome.reason
        if outcome.window is None:
            detail = f"{detail} · {lang.words['no_window']}" if detail else lang.words["no_window"]
        if detail:
            details += _wrap_detail(detail, frame.right - indent)
        for text in details:
            labels.append(Label(text, indent, y, "small"))
            y += small_line
        bar_y = y + STYLE.evidence_bar / 2 + 1
        y = bar_y + STYLE.evidence_bar / 2 + STYLE.gap
        marker_y = row_top + words.text_height("label") / 2
        highlight = None
        if outcome.status == "pivotal":
            highlight = Box(frame.left - 4, row_top - 3, width + 8, y - row_top - 2)
        rows.append(
            EvidenceRow(
                claim=outcome.claim.id,
                article=outcome.claim.article,
                status=outcome.status,
                texts=tuple(labels),
                marker=(frame.left + marker / 2, marker_y),
                y=bar_y,
                window=frame.clip_or_edge(outcome.window) if outcome.window is not None else None,
                highlight=highlight,
                claims=tuple(o.claim.id for o in group),
                articles=articles,
            )
        )
    box = Box(frame.left, box_top, width, y - box_top)
    return tuple(rows), box, limited, y


def _wrap_detail(text: str, width: float) -> tuple[str, ...]:
    """Wrapped, never cut; too long for one line, it breaks after its colon first, so a time
    window ("12:00 a.m. Mon – 11:59 p.m. Mon") stays whole on the next line where it can."""
    if words.text_width(text, "small") <= width or ": " not in text:
        return words.wrap(text, width, "small")
    head, tail = text.split(": ", 1)
    return (*words.wrap(f"{head}:", width, "small"), *words.wrap(tail, width, "small"))


def _fit_quote(lang: words.Language, before: str, quote: str, after: str, room: float) -> str:
    """``before“quote”after`` in ``room`` px: the quote is shortened inside its marks, which stay."""
    whole = f"{before}{lang.quoted(quote)}{after}"
    if words.text_width(whole, "label") <= room:
        return whole
    fixed = words.text_width(f"{before}{lang.quoted('')}{after}", "label")
    inner = words.fit(quote, room - fixed, "label") if room - fixed >= 2 * STYLE.font("label").size else ""
    return f"{before}{lang.quoted(inner)}{after}" if inner else words.fit(whole, room, "label")


def _natural(text: str) -> tuple[tuple[int, str], ...]:
    """Sort key that puts S2 before S11."""
    return tuple((int(part), "") if part.isdigit() else (-1, part) for part in re.split(r"(\d+)", text))


def _articles(outcomes: Sequence[ClaimOutcome]) -> str:
    """``"S2, S5, S13 ×7"``: each article once, in reading order, with how many of its phrases."""
    counts = Counter(o.claim.article for o in outcomes)
    return ", ".join(f"{a} ×{n}" if n > 1 else a for a, n in sorted(counts.items(), key=lambda i: _natural(i[0])))


def _footnotes(shown: _Shown, limited: tuple[ClaimOutcome, ...], lang: words.Language, width: float) -> tuple[str, ...]:
    notes: list[str] = []
    if shown.unresolved:
        count = len(shown.unresolved)
        reasons = ", ".join(f"{o.claim.article}: {o.reason or o.claim.unresolved or '?'}" for o in shown.unresolved)
        note = words.counted(lang, "unresolved", count, ids=reasons)
        if len(words.wrap(note, width, "note")) > 2:  # too many reasons for a footnote: name articles
            note = words.counted(lang, "unresolved", count, ids=_articles(shown.unresolved))
        notes.append(note)
    if limited:
        notes.append(words.counted(lang, "limited", len(limited), ids=_articles(limited)))
    if shown.unplaced_events:
        notes.append(lang.words["no_event"].format(labels=", ".join(shown.unplaced_events)))
    return tuple(notes)
