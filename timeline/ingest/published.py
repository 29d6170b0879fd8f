"""Publication times as journalists have them: ISO 8601, RFC 2822, plain English, or unknown.

What is not written is not invented: a date alone has no time of day, a time without a zone
is wall-clock time on an unknown clock (never silently UTC), and a zone abbreviation such as
"CST" (China, US Central or Cuba) is only trusted when it is the newsroom zone's own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any

from ..model import Published
from ..zones import UTC, get_zone, zone_key
from ._where import Where, cell, is_missing

__all__ = ["parse_published"]

# A time of day, or the words that end one, then a zone: "14:03:00 +0300", "2:03 p.m. EST",
# "noon (GMT+3)". AM/PM look like abbreviations and are excluded.
_TRAILING_ZONE = re.compile(
    r"(?P<body>.*?(?:\d|(?i:[ap]\.?m\.?|noon|midnight)))\s*,?\s*\(?"
    r"(?P<zone>Z|(?:UTC|GMT|UT)?\s*[+-]\s*\d{1,2}(?::?\d{2})?|(?!(?:AM|PM)\b)[A-Z]{2,5})\)?\s*$"
)
_OFFSET = re.compile(r"(?:UTC|GMT|UT)?\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2}):?(?P<minutes>\d{2})?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATE_TIME = re.compile(r"\d{4}-?\d{2}-?\d{2}[T ]\d")
# 01/02/2025 is 2 January in the US and 1 February elsewhere: refuse to guess.
_NUMERIC_DATE = re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.]\d{4}\b")


@dataclass(frozen=True)
class _Reading:
    """What a publication time says, before zones are applied."""

    day: date
    clock: time | None = None  # time of day as written; None for a date alone
    offset: timedelta | None = None  # a UTC offset written with it
    zone_text: str = ""  # a zone abbreviation written with it ("EST")


class _Unreadable(Exception):
    """The value cannot be read; the message says why (quoted in the warning)."""


def parse_published(
    raw: object,
    *,
    newsroom_zone: str | tzinfo | None = None,
    languages: Sequence[str] = ("en",),
    file: object | None = None,
    row: int | None = None,
    field: str = "published",
) -> Published:
    """Read a publication time, keeping the raw text and saying where the zone came from.

    ``raw`` may be a string, a ``date``, or a ``datetime``/``pandas.Timestamp`` (notebooks).
    Accepted strings: ISO 8601 (``2025-01-21``, ``2025-01-21T14:03+03:00``, ``...Z``,
    ``2025-01-21 14:03``), RFC 2822 (``Tue, 21 Jan 2025 14:03:00 +0300``) and written dates
    (``January 21, 2025``, ``21 Jan 2025 2:03 p.m.``) in ``languages``.

    * empty or missing: unknown, silently (unknown publication times are normal);
    * with a UTC offset: ``zone`` is ``newsroom_zone`` when its offset at that instant is the
      one written, else the fixed offset (``'UTC+03:00'``); ``zone_source`` "offset in published";
    * a date alone: ``time`` None, ``zone`` = ``newsroom_zone`` if known;
    * a time without a zone: wall-clock time on ``newsroom_zone`` if known; else on an unknown
      clock (``zone`` None) with a :class:`~timeline.errors.LossyInputWarning`;
    * a naive ``datetime`` at exactly midnight is read as a date alone, because that is what
      pandas makes of a date-only column;
    * unreadable: a LossyInputWarning quoting the value, and ``Published(raw=..., date=None)``,
      so one bad row never stops a batch.
    """
    at = Where(None if file is None else str(file), row)
    zone = (
        None
        if is_missing(newsroom_zone) or newsroom_zone == ""
        else get_zone(newsroom_zone, file=file, row=row, field="newsroom_zone")
    )
    if is_missing(raw):  # before the datetime test: pandas.NaT is a datetime
        return Published(raw="")
    if isinstance(raw, datetime):
        text = raw.isoformat()
        offset = raw.utcoffset()
        if offset is None and raw.time() == time(0):
            return _published(text, _Reading(raw.date()), zone, at, field)
        return _published(text, _Reading(raw.date(), raw.time(), offset), zone, at, field)
    if isinstance(raw, date):
        return _published(raw.isoformat(), _Reading(raw), zone, at, field)
    text = cell(raw, strip=False)
    if not text.strip():
        return Published(raw=text)
    try:
        reading = _read(text.strip(), tuple(languages))
    except _Unreadable as why:
        at.warn(
            f"cannot read {text!r} as a publication time ({why}); it is kept as unknown. "
            "Write it as ISO 8601 (2025-01-21, or 2025-01-21T14:03+03:00 with the time), "
            "or leave the cell empty.",
            field=field,
        )
        return Published(raw=text)
    return _published(text, reading, zone, at, field)


def _read(text: str, languages: tuple[str, ...]) -> _Reading:
    whole = _iso(text)
    if whole is not None:
        return whole
    match = _TRAILING_ZONE.fullmatch(text)
    body, zone_text = (match["body"], match["zone"]) if match else (text, "")
    reading = _iso(body) or _written(body, languages)
    if not zone_text:
        return reading
    if reading.clock is None:
        raise _Unreadable(f"a zone {zone_text!r} but no time of day")
    offset = _offset(zone_text)
    if offset is None:
        return _Reading(reading.day, reading.clock, None, zone_text)
    return _Reading(reading.day, reading.clock, offset)


def _iso(text: str) -> _Reading | None:
    """ISO 8601, or None (then the other readers get a go: "2025-01-21 14:03 EST")."""
    try:
        if _ISO_DATE.fullmatch(text):
            return _Reading(date.fromisoformat(text))
        if _ISO_DATE_TIME.match(text):
            moment = datetime.fromisoformat(text)
            return _Reading(moment.date(), moment.time(), moment.utcoffset())
    except ValueError:
        pass
    return None


def _offset(text: str) -> timedelta | None:
    """The offset of 'Z', 'GMT', '+0300', 'UTC+3'; None for an abbreviation such as 'EST'."""
    if text.upper() in {"Z", "UTC", "GMT", "UT"}:
        return timedelta(0)
    match = _OFFSET.fullmatch(text)
    if match is None:
        return None
    size = timedelta(hours=int(match["hours"]), minutes=int(match["minutes"] or 0))
    if size > timedelta(hours=14):
        raise _Unreadable(f"offset {text!r} is larger than 14 hours")
    return size if match["sign"] == "+" else -size


def _written(text: str, languages: tuple[str, ...]) -> _Reading:
    """A date as people write it, read by dateparser, keeping only what the text gives."""
    numeric = _NUMERIC_DATE.match(text)
    if numeric and numeric["a"] != numeric["b"] and max(int(numeric["a"]), int(numeric["b"])) <= 12:
        raise _Unreadable("day and month could be either way round")
    try:
        found: Any = _parser(languages).get_date_data(text)
    except ValueError:  # dateparser checks the languages only here ("Unknown language(s): 'xx'")
        found = _parser(("en",)).get_date_data(text)
    moment = found.date_obj
    if not isinstance(moment, datetime):
        raise _Unreadable("not a date we know")
    # dateparser fills in what is missing ("yesterday" is relative to today, "Jan 21" gets this
    # year): only keep a reading whose year and day are written in the text.
    if not re.search(rf"(?<!\d){moment.year}(?!\d)", text) or not re.search(
        rf"(?<!\d)0?{moment.day}(?!\d)", text
    ):
        raise _Unreadable("it does not give a day, month and year")
    clock = moment.time() if found.period == "time" else None
    if moment.tzinfo is not None:  # a zone name dateparser knows but we did not split off
        return _Reading(moment.date(), clock, None, moment.tzname() or "?")
    return _Reading(moment.date(), clock)


@functools.lru_cache(maxsize=32)
def _parser(languages: tuple[str, ...]) -> Any:
    from dateparser.date import DateDataParser  # slow to import; only written dates need it

    settings = {
        "RETURN_TIME_AS_PERIOD": True,  # tells us whether a time of day was written
        "REQUIRE_PARTS": ["day", "month", "year"],
        "STRICT_PARSING": True,
    }
    try:
        return DateDataParser(languages=list(languages), settings=settings)
    except ValueError:  # a language dateparser does not have: English is better than nothing (see _written)
        return DateDataParser(languages=["en"], settings=settings)


def _published(raw: str, reading: _Reading, zone: tzinfo | None, at: Where, field: str) -> Published:
    """Apply the zone rules to what was read."""
    newsroom = zone_key(zone) if zone is not None else None
    if reading.clock is None:  # a day on the newsroom's calendar, if we know it
        return Published(raw, reading.day, None, newsroom, "newsroom_zone" if newsroom else "unknown")
    wall = datetime.combine(reading.day, reading.clock)
    if reading.offset is not None:
        instant = (wall - reading.offset).replace(tzinfo=UTC)
        same = zone is not None and instant.astimezone(zone).utcoffset() == reading.offset
        name = newsroom if same else zone_key(timezone(reading.offset))
        return Published(raw, reading.day, reading.clock, name, "offset in published")
    if zone is not None and not reading.zone_text:
        return Published(raw, reading.day, reading.clock, newsroom, "newsroom_zone")
    if zone is not None and wall.replace(tzinfo=zone).tzname() == reading.zone_text.upper():
        return Published(raw, reading.day, reading.clock, newsroom, "abbreviation in published")
    if reading.zone_text:
        shown = f" (newsroom_zone {newsroom} shows {wall.replace(tzinfo=zone).tzname()})" if zone else ""
        why = (
            f"its zone {reading.zone_text!r} is an abbreviation, and abbreviations can name several "
            f"zones (CST is China, US Central or Cuba){shown}"
        )
    else:
        why = "it has a time of day but no zone"
    at.warn(
        f"{raw!r}: {why}; read as wall-clock time on an unknown clock, not UTC. "
        "Add an offset (2025-01-21T14:03+03:00) or fill newsroom_zone.",
        field=field,
    )
    return Published(raw, reading.day, reading.clock, None, "unknown")
