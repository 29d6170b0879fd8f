"""story.toml (what the story is about, which clocks to show, known facts) and load_story."""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from ..extract.tables import load_tables, with_bounds
from ..model import Anchor, Clock, EventSpec, Story
from ..zones import UTC
from ._where import Where, check_keys, suggest, zone_name
from .articles import read_articles_csv

__all__ = ["DEFAULT_CLOCKS", "MINIMAL_STORY_TOML", "load_story", "read_story_toml"]

# The clocks of the seed story; shown when story.toml has no [[clocks]].
DEFAULT_CLOCKS = (
    Clock("Beijing", "Asia/Shanghai"),
    Clock("Moscow", "Europe/Moscow"),
    Clock("Washington", "America/New_York"),
)

MINIMAL_STORY_TOML = """\
[story]
title = "Xi and Putin spoke hours after Trump was sworn in"

[[events]]
id = "call"
label = "Xi–Putin video call"
words = ["video call", "call", "talks"]
"""

_TOP = ("story", "clocks", "events", "anchors", "outlets", "vague_quantities", "vague_counts")
_STORY = ("title", "subtitle", "source", "credit", "subject", "period")
_CLOCK = ("name", "zone")
_EVENT = ("id", "label", "words", "instant")
_ANCHOR = ("event", "side", "earliest", "latest", "source")
# Event ids appear in point names ("call.start") and in tables: keep them plain.
_EVENT_ID = re.compile(r"[A-Za-z0-9_-]+")
_REQUIRED = object()


def load_story(path: str | os.PathLike[str]) -> Story:
    """Load a story folder (``story.toml`` + ``articles.csv``), or the folder of a story.toml.

    ``Story.id`` is the folder name and ``Story.path`` the folder. Raises
    :class:`~timeline.errors.StoryFileError` / :class:`~timeline.errors.ZoneError` for input
    that cannot be used, and warns (:class:`~timeline.errors.LossyInputWarning`) about input
    that was used with something ignored or guessed.
    """
    given = Path(path)
    folder = given.parent if given.suffix == ".toml" else given
    if not folder.is_dir():
        raise Where(str(given)).error(
            "no such story folder; give the folder that holds story.toml and articles.csv"
        )
    toml = given if given.suffix == ".toml" else folder / "story.toml"
    story = read_story_toml(toml)
    return dataclasses.replace(story, articles=read_articles_csv(folder / "articles.csv", folder=folder))


def read_story_toml(path: str | os.PathLike[str]) -> Story:
    """Read and check a story.toml: a :class:`Story` without articles (``load_story`` adds them).

    See the package docstring for the schema.
    """
    path = Path(path)
    at = Where(str(path))
    if not path.is_file():
        raise at.error(
            f"missing: create a story.toml here; the smallest that works is\n\n{MINIMAL_STORY_TOML}"
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise at.error(f"not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise at.error(
            f"not valid TOML: {exc}. Check quotes, brackets and '=' there; strings need double quotes"
        ) from None
    check_keys(data, _TOP, at, what="table")
    head = _table(data, "story", at)
    head_at = at.within("[story]")
    check_keys(head, _STORY, head_at)
    events = _events(data, at)
    ids = [event.id for event in events]
    subject = _take(head, "subject", str, head_at, "an event id", default=None)
    if subject is not None:
        _check_event(subject, ids, head_at, "subject")
    return Story(
        id=path.resolve().parent.name,
        title=_take(head, "title", str, head_at, "a string", default=path.resolve().parent.name),
        subtitle=_take(head, "subtitle", str, head_at, "a string", default=""),
        source_line=_take(head, "source", str, head_at, "a string", default=""),
        credit=_take(head, "credit", str, head_at, "a string", default=""),
        clocks=_clocks(data, at),
        events=events,
        anchors=_anchors(data, at, ids),
        articles=(),
        subject_event=subject,
        period=_period(head, head_at),
        outlet_zones=_outlets(data, at),
        path=str(path.parent),
        **_vague_bounds(data, at),
    )


def _take(
    table: Mapping[str, Any],
    key: str,
    kind: type | tuple[type, ...],
    at: Where,
    describe: str,
    *,
    default: Any = _REQUIRED,
) -> Any:
    """The one check of a story.toml value: present (or defaulted) and of the right type."""
    if key not in table:
        if default is _REQUIRED:
            raise at.error(f"{key!r} is missing; it must be {describe}", field=key)
        return default
    value = table[key]
    if not isinstance(value, kind):
        raise at.error(f"{key} must be {describe}, got {value!r}", field=key)
    if isinstance(value, str):
        value = value.strip()
        if default is _REQUIRED and not value:
            raise at.error(f"{key} is empty; it must be {describe}", field=key)
    return value


def _table(data: Mapping[str, Any], key: str, at: Where) -> dict[str, Any]:
    table: dict[str, Any] = _take(data, key, dict, at, f"a table: [{key}]", default={})
    return table


def _entries(
    data: Mapping[str, Any], key: str, known: tuple[str, ...], at: Where
) -> list[tuple[Where, dict[str, Any]]]:
    """The entries of an array of tables ([[key]]), each with its place for messages."""
    entries = _take(data, key, list, at, f"an array of tables, each starting with [[{key}]]", default=[])
    placed = []
    for number, entry in enumerate(entries, start=1):
        entry_at = at.within(f"[[{key}]] entry {number}")
        if not isinstance(entry, dict):
            raise entry_at.error(f"expected a table starting with [[{key}]], got {entry!r}", field=key)
        check_keys(entry, known, entry_at)
        placed.append((entry_at, entry))
    return placed


def _clocks(data: Mapping[str, Any], at: Where) -> tuple[Clock, ...]:
    if "clocks" not in data:
        return DEFAULT_CLOCKS
    clocks: list[Clock] = []
    for entry_at, entry in _entries(data, "clocks", _CLOCK, at):
        name = _take(entry, "name", str, entry_at, 'the clock\'s name readers know, such as "Moscow"')
        zone = _take(entry, "zone", str, entry_at, 'an IANA zone such as "Europe/Moscow"')
        if name in (clock.name for clock in clocks):
            raise entry_at.error(
                f"a clock named {name!r} is already defined; names must differ", field="name"
            )
        clocks.append(Clock(name, zone_name(zone, entry_at, "zone")))
    if not clocks:
        raise at.error(
            "clocks is empty; add [[clocks]] entries or remove it to get the default clocks", field="clocks"
        )
    return tuple(clocks)


def _events(data: Mapping[str, Any], at: Where) -> tuple[EventSpec, ...]:
    events: list[EventSpec] = []
    for entry_at, entry in _entries(data, "events", _EVENT, at):
        event_id = _take(entry, "id", str, entry_at, 'a short id such as "call"')
        if not _EVENT_ID.fullmatch(event_id):
            raise entry_at.error(f"id {event_id!r} may only hold letters, digits, '-' and '_'", field="id")
        if event_id in (event.id for event in events):
            raise entry_at.error(
                f"an event with id {event_id!r} is already defined; ids must differ", field="id"
            )
        words = _take(
            entry,
            "words",
            list,
            entry_at,
            'a list of the words that name the event, such as ["video call", "call"]',
        )
        if not words or not all(isinstance(word, str) and word.strip() for word in words):
            raise entry_at.error(
                f"words must list at least one non-empty string, got {words!r}", field="words"
            )
        events.append(
            EventSpec(
                id=event_id,
                label=_take(entry, "label", str, entry_at, "a string", default=event_id),
                words=tuple(word.strip() for word in words),
                instant=_take(entry, "instant", bool, entry_at, "true or false", default=False),
            )
        )
    if not events:
        raise at.error(
            f"no [[events]]: a story needs at least one event to date, e.g.\n\n{MINIMAL_STORY_TOML}",
            field="events",
        )
    return tuple(events)


def _anchors(data: Mapping[str, Any], at: Where, events: list[str]) -> tuple[Anchor, ...]:
    anchors = []
    for entry_at, entry in _entries(data, "anchors", _ANCHOR, at):
        event = _take(entry, "event", str, entry_at, "the id of an event")
        _check_event(event, events, entry_at, "event")
        side = _take(entry, "side", str, entry_at, '"start" or "end"', default="start")
        if side not in ("start", "end"):
            raise entry_at.error(f'side must be "start" or "end", got {side!r}', field="side")
        earliest = _instant(entry, "earliest", entry_at)
        latest = _instant(entry, "latest", entry_at)
        if latest < earliest:
            raise entry_at.error(
                f"latest {latest.isoformat()} is before earliest {earliest.isoformat()} (both in UTC); "
                "swap them",
                field="latest",
            )
        checked: Literal["start", "end"] = "start" if side == "start" else "end"
        source = _take(entry, "source", str, entry_at, "where the fact comes from", default="")
        anchors.append(Anchor(event, checked, earliest, latest, source))
    return tuple(anchors)


def _check_event(event: str, events: list[str], at: Where, field: str) -> None:
    if event not in events:
        raise at.error(
            f"{field} {event!r} is not an [[events]] id; the ids are {', '.join(events)}."
            f"{suggest(event, events)}",
            field=field,
        )


def _instant(entry: Mapping[str, Any], key: str, at: Where) -> datetime:
    """An aware ISO 8601 date-time (a string, or TOML's own date-time), converted to UTC."""
    describe = 'an ISO 8601 date-time with an offset, such as "2025-01-20T12:00:00-05:00"'
    value = _take(entry, key, (str, date), at, describe)  # TOML date-times are dates too
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    except ValueError:
        raise at.error(f"{key} {value!r} is not {describe}", field=key) from None
    if not isinstance(moment, datetime) or moment.utcoffset() is None:
        raise at.error(
            f"{key} {str(value)!r} has no UTC offset, so it could be on any clock; add one, such as "
            '-05:00 for Washington in winter or Z for UTC ("2025-01-20T12:00:00-05:00")',
            field=key,
        )
    return moment.astimezone(UTC)


def _period(head: Mapping[str, Any], at: Where) -> tuple[date, date] | None:
    describe = 'two dates, first and last, such as ["2025-01-13", "2025-01-28"]'
    value = _take(head, "period", list, at, describe, default=None)
    if value is None:
        return None
    days = []
    for item in value:
        try:
            day = date.fromisoformat(item) if isinstance(item, str) else item
        except ValueError:
            day = None
        if not isinstance(day, date) or isinstance(day, datetime):
            raise at.error(f"period must be {describe}; {item!r} is not a date", field="period")
        days.append(day)
    if len(days) != 2:
        raise at.error(f"period must be {describe}, got {len(days)} values", field="period")
    if days[1] < days[0]:
        raise at.error(f"period ends ({days[1]}) before it starts ({days[0]}); swap them", field="period")
    return days[0], days[1]


def _outlets(data: Mapping[str, Any], at: Where) -> tuple[tuple[str, str], ...]:
    table = _table(data, "outlets", at)
    outlets_at = at.within("[outlets]")
    return tuple(sorted((outlet, zone_name(zone, outlets_at, outlet)) for outlet, zone in table.items()))


def _vague_bounds(data: Mapping[str, Any], at: Where) -> dict[str, Any]:
    """[vague_quantities] and [vague_counts]: the story's own bounds, checked against the
    English word tables (the only ones that ship) so that a mistake is reported here."""
    quantities = _table(data, "vague_quantities", at)
    counts = _table(data, "vague_counts", at)
    tables = with_bounds(load_tables("en"), quantities, counts, source=at.file or "story.toml")
    return {
        "vague_quantities": tuple(sorted(
            (phrase.lower(), tables.vague_quantities[phrase.lower()].unit, tables.vague_quantities[phrase.lower()].low,
             tables.vague_quantities[phrase.lower()].high) for phrase in quantities)),
        "vague_counts": tuple(sorted((phrase.lower(), *tables.vague_counts[phrase.lower()]) for phrase in counts)),
    }
