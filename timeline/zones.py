"""Time zones: one way in (zoneinfo), pytz accepted at the edge, DST policy in one place.

Policy for local wall-clock times (decided once, tested in ``tests/test_zones.py``):

* a wall time that happens twice (the autumn fold) is read as *both* instants: the
  earliest reading uses the first occurrence, the latest reading the second;
* a wall time that never happens (the spring gap) is moved forward to the first
  instant after the gap, as ``pandas.Timestamp.tz_localize(nonexistent="shift_forward")``.
"""

from __future__ import annotations

import difflib
import functools
import zoneinfo
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

from .errors import ZoneError

__all__ = [
    "UTC",
    "abbreviation_note",
    "ensure_aware",
    "get_zone",
    "local_date",
    "local_day_bounds",
    "local_span_bounds",
    "wall_to_utc",
    "zone_key",
]

UTC = UTC


@functools.cache
def _available() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@functools.lru_cache(maxsize=512)
def _zoneinfo(name: str) -> tzinfo:
    if name.upper() in {"UTC", "Z", "GMT", "ETC/UTC"}:
        return UTC
    if name.upper().startswith(("UTC+", "UTC-")):
        return _fixed_offset(name)
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise KeyError(name) from None


def _fixed_offset(name: str) -> tzinfo:
    sign = 1 if name[3] == "+" else -1
    hours, _, minutes = name[4:].partition(":")
    try:
        delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    except ValueError:
        raise KeyError(name) from None
    if delta > timedelta(hours=14):
        raise KeyError(name)
    return timezone(sign * delta)


def get_zone(
    value: object,
    *,
    file: object | None = None,
    row: int | None = None,
    field: str | None = None,
) -> tzinfo:
    """Return a zoneinfo zone for an IANA name, a zoneinfo/pytz zone or a fixed offset.

    pytz zones are accepted here, at the edge, and turned into zoneinfo zones: a pytz
    zone passed as ``tzinfo=`` to ``datetime`` silently gives local mean time.
    """
    if isinstance(value, zoneinfo.ZoneInfo) or value is UTC:
        return value  # type: ignore[return-value]
    if isinstance(value, timezone):
        return value
    pytz_name = getattr(value, "zone", None)  # pytz zones carry their IANA name here
    if isinstance(pytz_name, str):
        value = pytz_name
    if not isinstance(value, str) or not value.strip():
        raise ZoneError(
            f"expected an IANA time-zone name such as 'Europe/Moscow', got {value!r}",
            file=file,
            row=row,
            field=field,
        )
    name = value.strip()
    try:
        return _zoneinfo(name)
    except KeyError:
        close = difflib.get_close_matches(name, sorted(_available()), n=3, cutoff=0.6)
        hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise ZoneError(
            f"unknown time zone {name!r}: use an IANA name such as 'America/New_York', "
            f"'Europe/Moscow' or 'Asia/Shanghai', or a fixed offset such as 'UTC+03:00'; "
            f"leave the field empty if the zone is unknown.{hint}",
            file=file,
            row=row,
            field=field,
        ) from None


# Names in the IANA database that look like abbreviations. "EST" is a fixed UTC-05:00 with no
# summer time, not New York; "CET" follows EU rules but names no city. Accepted, with a warning.
_ABBREVIATION_ZONES = frozenset(
    {"EST", "MST", "HST", "CET", "EET", "MET", "WET", "EST5EDT", "CST6CDT", "MST7MDT", "PST8PDT"}
)


def abbreviation_note(key: str) -> str | None:
    """What to warn about a zone key named like an abbreviation ('EST'), or None for a place's zone."""
    if key not in _ABBREVIATION_ZONES:
        return None
    return (f"zone {key!r} is an abbreviation-style zone (EST is UTC-05:00 all year, with no summer "
            "time); it is used as given. Use the newsroom's city zone, such as 'America/New_York' "
            "or 'Europe/Paris'.")


def zone_key(zone: tzinfo) -> str:
    """The stable name of a zone: its IANA key, 'UTC' or 'UTC+hh:mm'."""
    key = getattr(zone, "key", None)
    if isinstance(key, str):
        return key
    if zone is UTC:
        return "UTC"
    offset = zone.utcoffset(None)
    if offset is None:
        raise ZoneError(f"zone {zone!r} has no fixed offset and no IANA name")
    if offset == timedelta(0):
        return "UTC"
    sign = "+" if offset >= timedelta(0) else "-"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def ensure_aware(moment: datetime, what: str = "datetime") -> datetime:
    """Refuse naive datetimes: inside the pipeline every instant carries its zone."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ZoneError(
            f"{what} {moment.isoformat()!r} has no time zone; attach one with "
            "zoneinfo (datetime(..., tzinfo=ZoneInfo('Europe/Moscow'))) or pass the zone separately"
        )
    return moment


def wall_to_utc(wall: datetime, zone: tzinfo, *, latest: bool = False) -> datetime:
    """Turn a naive wall-clock time on ``zone`` into a UTC instant, by the module's DST policy.

    ``latest`` picks the second occurrence of a repeated wall time (the fold).
    """
    if wall.tzinfo is not None:
        raise ValueError("wall_to_utc takes a naive wall-clock time")
    candidate = wall.replace(tzinfo=zone, fold=1 if latest else 0)
    as_utc = candidate.astimezone(UTC)
    if as_utc.astimezone(zone).replace(tzinfo=None) == wall:
        return as_utc
    # In the spring gap: the two folds bracket the transition; find the first instant
    # whose wall time is not before ``wall`` (that is the end of the gap).
    readings = sorted(wall.replace(tzinfo=zone, fold=f).astimezone(UTC) for f in (0, 1))
    low, high = readings
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        if middle.astimezone(zone).replace(tzinfo=None) >= wall:
            high = middle
        else:
            low = middle
    return high.replace(microsecond=0)


def local_span_bounds(start_wall: datetime, end_wall: datetime, zone: tzinfo) -> tuple[datetime, datetime]:
    """UTC bounds [earliest, latest) of the wall-clock span [start_wall, end_wall) on ``zone``."""
    return wall_to_utc(start_wall, zone), wall_to_utc(end_wall, zone, latest=True)


def local_day_bounds(day: date, zone: tzinfo, days: int = 1) -> tuple[datetime, datetime]:
    """UTC bounds [earliest, latest) of ``days`` calendar days starting on ``day`` on ``zone``."""
    start = datetime.combine(day, time(0))
    return local_span_bounds(start, start + timedelta(days=days), zone)


def local_date(moment: datetime, zone: tzinfo) -> date:
    """The calendar date of an instant on a clock."""
    return ensure_aware(moment).astimezone(zone).date()
