"""Resolve: turn each article's mentions into claims about the story's events.

A claim is read on every clock its writer may have used: the newsroom zone when known,
else each of the story's clocks (and the outlet's home zone, when the story gives one).
Each reading is a disjunction of alternatives (a weekday on either side of an unknown
week), each a conjunction of constraints on event points. Nothing is picked here; the
reconciler decides which readings fit together.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo

from ..extract import Attachment, EventMatcher, attach, extract
from ..extract.tables import Tables
from ..model import (
    Article,
    Calendar,
    CalendarShift,
    Claim,
    Constraint,
    Duration,
    Mention,
    Offset,
    Point,
    Reading,
    Relation,
    Story,
    Weekday,
    Within,
)
from ..tagger import stated_zones, tense_of
from ..zones import get_zone, local_day_bounds, wall_to_utc
from .calendar import OUT_OF_RANGE, LocalSpan, Unresolvable, duration_value, interpret, quantity_seconds, to_window

__all__ = [
    "PERIOD_MARGIN_DAYS",
    "candidate_zones",
    "claims_for_article",
    "claims_for_story",
    "publication_bound",
    "story_period",
]

# When the story gives no period, dates without a year or week are looked for this many days
# either side of what is known (anchors and known publication dates).
PERIOD_MARGIN_DAYS = 7
# "after X" with no amount: no later than this (a bound the solver can work with).
OPEN_AFTER = timedelta(days=3650)
_MINUTE = timedelta(minutes=1)  # windows are closed: a day's last instant is its last minute
_MIDNIGHT = time(0)


@dataclass(frozen=True)
class _Context:
    story: Story
    tables: Tables
    period: tuple[date, date] | None
    matcher: EventMatcher


def story_period(story: Story) -> tuple[date, date] | None:
    """The dates the story can fall in: story.toml's period, else anchors and publication dates ± margin."""
    if story.period is not None:
        return story.period
    known = [a.earliest.date() for a in story.anchors] + [a.latest.date() for a in story.anchors]
    known += [a.published.date for a in story.articles if a.published.date is not None]
    if not known:
        return None
    margin = timedelta(days=PERIOD_MARGIN_DAYS)
    return min(known) - margin, max(known) + margin


def candidate_zones(article: Article, story: Story) -> tuple[str, ...]:
    """The clocks a report may have been written on, in the story's order."""
    if article.newsroom_zone:
        return (article.newsroom_zone,)
    if article.published.zone:
        return (article.published.zone,)
    zones = [clock.zone for clock in story.clocks]
    home = dict(story.outlet_zones).get(article.outlet)
    if home:
        zones.append(home)
    return tuple(dict.fromkeys(zones))


def _reference_date(article: Article, zone: tzinfo) -> date | None:
    """The publication date as seen on ``zone`` (an instant's date differs between clocks)."""
    published = article.published
    if published.date is None:
        return None
    if published.time is not None and published.zone is not None:
        instant = datetime.combine(published.date, published.time, tzinfo=get_zone(published.zone))
        return instant.astimezone(zone).date()
    return published.date


def claims_for_story(story: Story, tables: Tables) -> list[Claim]:
    context = _Context(story, tables, story_period(story), EventMatcher(story.events))
    claims: list[Claim] = []
    for article in story.articles:
        claims.extend(claims_for_article(article, context))
    return claims


def claims_for_article(article: Article, context: _Context) -> list[Claim]:
    """Every mention of one article as a claim (resolved, or unresolved with the reason)."""
    mentions = extract(article.text, events=context.matcher, tables=context.tables)
    attachments = attach(article.text, mentions, context.matcher, context.tables,
                         subject=context.story.subject_event)
    return [_claim(article, index, attachment, context) for index, attachment in enumerate(attachments, start=1)]


def _claim(article: Article, index: int, attachment: Attachment, context: _Context) -> Claim:
    mention = attachment.mention
    claim = Claim(
        id=f"{article.id}:{index}",
        article=article.id,
        outlet=article.outlet,
        mention=mention,
        event=attachment.event,
        anchor_event=attachment.anchor_event,
        readings=(),
    )

    def unresolved(reason: str) -> Claim:
        return Claim(**{**claim.__dict__, "unresolved": reason})

    if article.boilerplate_start is not None and mention.start >= article.boilerplate_start:
        return unresolved("it stands in the site's trailing boilerplate, not in the article")
    if attachment.event is None or attachment.reason:
        return unresolved(attachment.reason or "no event of the story is named in its sentence")
    stated = stated_zones(mention, context.tables)
    zones = stated or candidate_zones(article, context.story)
    readings = []
    reasons = []
    for zone_name in zones:
        try:
            alternatives, value = _alternatives(article, attachment, zone_name, context)
        except Unresolvable as reason:
            reasons.append(str(reason))
            continue
        except (ValueError, OverflowError):
            reasons.append(OUT_OF_RANGE)
            continue
        readings.append(Reading(zone_name, alternatives, value))
    if not readings:
        return unresolved(reasons[0] if reasons else "no clock to read it on")
    clock = "stated" if stated else "any" if _elapsed_only(readings) else "article"
    return Claim(**{**claim.__dict__, "readings": tuple(readings), "clock": clock})


def _elapsed_only(readings: list[Reading]) -> bool:
    """Elapsed time ("hours after", "a 1.5-hour call") reads the same on every clock."""
    return all(isinstance(c, Offset) for r in readings for alt in r.alternatives for c in alt)


def _alternatives(
    article: Article, attachment: Attachment, zone_name: str, context: _Context
) -> tuple[tuple[tuple[Constraint, ...], ...], str]:
    """The alternatives of one claim on one clock, and their TIMEX-style value."""
    mention, event = attachment.mention, attachment.event
    assert event is not None
    spec = mention.spec
    zone = get_zone(zone_name)
    start = Point(event, "start")
    end = Point(event, "end")
    if isinstance(spec, Relation):
        return _relation(spec, attachment, zone_name, context.tables)
    if isinstance(spec, Duration):
        if not _modifies_event(article.text, mention, context):
            raise Unresolvable("a length of time that does not describe an event of the story")
        low, high = quantity_seconds(spec.quantity)
        offset = Offset(start, end, timedelta(seconds=low), timedelta(seconds=high))
        return ((offset,),), duration_value(spec.quantity)
    reference = _reference_date(article, zone)
    tense = tense_of(article.text, mention, context.tables)
    if reference is None and context.period is not None and _needs_period(spec):
        return _over_period(spec, start, zone, context)  # type: ignore[arg-type]
    spans = interpret(spec, reference, context.tables, tense=tense)
    bound = publication_bound(article, zone) if tense == "past" else None
    alternatives = []
    for span in spans:
        window = to_window(span, zone)
        latest = window.latest
        # A report tells as past only what had begun when it was published ("on Tuesday" in a
        # report of Tuesday 10:00 is Tuesday before 10:00). A window wholly after the publication
        # is left as written: a plan told in the wrong tense, or a wrong date, for the reconciler.
        if bound is not None and window.earliest <= bound < latest:
            latest = bound
        alternatives.append((Within(start, window.earliest, latest),))
    return tuple(alternatives), " | ".join(s.value for s in spans)


def publication_bound(article: Article, zone: tzinfo) -> datetime | None:
    """The last instant an event a report tells of as past can have begun: its publication time,
    or with a date alone the last minute of that day. Where the report's zone is unknown, the
    time is read on ``zone``, the clock the claim is being read on. None without a date.

    A time of exactly midnight counts as a date alone: feeds and site maps write "T00:00:00" for
    a date they have no time for, and taking it at its word would cut the day's events short.
    """
    published = article.published
    if published.date is None:
        return None
    clock = get_zone(published.zone) if published.zone is not None else zone
    if published.time is not None and published.time != _MIDNIGHT:
        return wall_to_utc(datetime.combine(published.date, published.time), clock)
    return local_day_bounds(published.date, clock)[1] - _MINUTE


def _needs_period(spec: object) -> bool:
    """A weekday, or a date or clock time without a year, can be placed within the story's period."""
    if isinstance(spec, Weekday):
        return True
    return isinstance(spec, Calendar) and all(
        v is None for v in (spec.year, spec.decade, spec.century, spec.year_shift, spec.season, spec.quarter)
    )


def _over_period(
    spec: Weekday | Calendar, point: Point, zone: tzinfo, context: _Context
) -> tuple[tuple[tuple[Constraint, ...], ...], str]:
    """With no publication date, a weekday or a yearless date is any such day in the story's period."""
    assert context.period is not None
    first, last = context.period
    alternatives = []
    values = []
    day = first
    while day <= last:
        for span in _spans_on_day(spec, day, context):
            window = to_window(span, zone)
            alternatives.append((Within(point, window.earliest, window.latest),))
            values.append(span.value)
        day += timedelta(days=1)
    if not alternatives:
        raise Unresolvable("no such day in the story's period")
    return tuple(alternatives), " | ".join(dict.fromkeys(values))


def _spans_on_day(spec: Weekday | Calendar, day: date, context: _Context) -> list[LocalSpan]:
    """The spans ``spec`` means if the day in question is ``day`` (none if it cannot be)."""
    if isinstance(spec, Weekday):
        if day.weekday() != spec.weekday:
            return []
        return interpret(replace(spec, direction="past"), day, context.tables)
    if spec.month is not None and spec.day is not None:
        return interpret(spec, day, context.tables) if (day.month, day.day) == (spec.month, spec.day) else []
    if spec.month is not None:
        return interpret(spec, day, context.tables) if (day.month, day.day) == (spec.month, 1) else []
    if spec.hour is not None:
        return interpret(spec, day, context.tables)
    return []


def _relation(
    spec: Relation, attachment: Attachment, zone_name: str, tables: Tables
) -> tuple[tuple[tuple[Constraint, ...], ...], str]:
    event, anchor = attachment.event, attachment.anchor_event
    assert event is not None
    if anchor is None:
        raise Unresolvable(f"its anchor {spec.anchor_text!r} names no event of the story")
    target = Point(event, "start")
    if spec.kind in ("day_after", "day_before", "same_day"):
        days = int(spec.quantity.low) if spec.quantity else 0
        days_high = int(spec.quantity.high) if spec.quantity else 0
        if spec.kind == "day_before":
            days, days_high = -days_high, -days
        shift = CalendarShift(Point(anchor, "start"), target, zone_name, days, days_high)
        return ((shift,),), f"{anchor}{days:+d}D ({zone_name})"
    if spec.kind == "same_time":
        tolerance = timedelta(hours=tables.simultaneity_tolerance_hours)
        return ((Offset(Point(anchor, "start"), target, -tolerance, tolerance),),), f"~{anchor}"
    if spec.quantity is None:
        low, high = timedelta(0), OPEN_AFTER
    else:
        low_s, high_s = quantity_seconds(spec.quantity)
        low, high = timedelta(seconds=low_s), timedelta(seconds=high_s)
    if spec.kind == "after":
        constraint: Constraint = Offset(Point(anchor, "end"), target, low, high)
        return ((constraint,),), f"{anchor}+{duration_value(spec.quantity) if spec.quantity else 'P'}"
    constraint = Offset(target, Point(anchor, "start"), low, high)
    return ((constraint,),), f"{anchor}-{duration_value(spec.quantity) if spec.quantity else 'P'}"


def _modifies_event(text: str, mention: Mention, context: _Context) -> bool:
    """"the 1.5-hour video call": a duration describes an event only when it stands right before its word."""
    following = text[mention.end:mention.end + 40]
    named = context.matcher.find(following)
    return bool(named) and not following[: named[0].start].strip(" -")
