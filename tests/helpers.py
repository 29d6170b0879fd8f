"""Build small stories in code for the resolve and reconcile tests.

Every helper returns the frozen model objects the pipeline uses, so a test reads as the
story a journalist would enter: clocks, events, anchors and a few reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from timeline.model import (
    Anchor,
    Article,
    Claim,
    Clock,
    Constraint,
    EventSpec,
    Mention,
    Point,
    Published,
    Reading,
    Story,
    Within,
)

BEIJING = Clock("Beijing", "Asia/Shanghai")
MOSCOW = Clock("Moscow", "Europe/Moscow")
WASHINGTON = Clock("Washington", "America/New_York")
LONDON = Clock("London", "Europe/London")
TOKYO = Clock("Tokyo", "Asia/Tokyo")
AUCKLAND = Clock("Auckland", "Pacific/Auckland")


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def event(event_id: str, *words: str, instant: bool = False) -> EventSpec:
    return EventSpec(event_id, event_id.capitalize(), tuple(words) or (event_id,), instant)


def anchor(event_id: str, earliest: datetime, latest: datetime | None = None, side: str = "start") -> Anchor:
    return Anchor(event_id, side, earliest, latest or earliest, "test fact")  # type: ignore[arg-type]


def article(
    article_id: str,
    text: str,
    *,
    published: date | None = None,
    published_time: time | None = None,
    published_zone: str | None = None,
    newsroom_zone: str | None = None,
    outlet: str = "",
    boilerplate_start: int | None = None,
) -> Article:
    raw = published.isoformat() if published else ""
    return Article(
        id=article_id,
        outlet=outlet,
        url="",
        published=Published(raw, published, published_time, published_zone,
                            "test" if published_zone else "unknown"),
        newsroom_zone=newsroom_zone,
        zone_source="test" if newsroom_zone else "unknown",
        language="en",
        text=text,
        boilerplate_start=boilerplate_start,
    )


def story(
    articles: Sequence[Article],
    *,
    events: Sequence[EventSpec] = (),
    anchors: Sequence[Anchor] = (),
    clocks: Sequence[Clock] = (BEIJING, MOSCOW, WASHINGTON),
    period: tuple[date, date] | None = None,
    subject: str | None = None,
    outlet_zones: Sequence[tuple[str, str]] = (),
) -> Story:
    return Story(
        id="test",
        title="Test story",
        subtitle="",
        source_line="",
        credit="",
        clocks=tuple(clocks),
        events=tuple(events),
        anchors=tuple(anchors),
        articles=tuple(articles),
        subject_event=subject,
        period=period,
        outlet_zones=tuple(outlet_zones),
    )


# ----------------------------------------------------------------------------- claims by hand


def mention(text: str = "x") -> Mention:
    from timeline.model import Reference

    return Mention(text, 0, len(text), "test", Reference("PAST_REF"), "DATE")


def claim(
    claim_id: str,
    readings: Sequence[Reading],
    *,
    event_id: str = "e",
    article_id: str | None = None,
    clock: str = "article",
) -> Claim:
    return Claim(
        id=claim_id,
        article=article_id or claim_id.split(":")[0],
        outlet="",
        mention=mention(claim_id),
        event=event_id,
        anchor_event=None,
        readings=tuple(readings),
        clock=clock,  # type: ignore[arg-type]
    )


def within(event_id: str, earliest: datetime, latest: datetime, side: str = "start") -> Within:
    return Within(Point(event_id, side), earliest, latest)  # type: ignore[arg-type]


def reading(zone: str, *alternatives: Sequence[Constraint]) -> Reading:
    return Reading(zone, tuple(tuple(a) for a in alternatives))


def local_day(day: date, zone: str) -> tuple[datetime, datetime]:
    """[first instant, last minute] of a calendar day on ``zone``, in UTC."""
    from timeline.zones import get_zone, local_day_bounds

    begin, end = local_day_bounds(day, get_zone(zone))
    return begin.astimezone(UTC), (end - timedelta(minutes=1)).astimezone(UTC)
