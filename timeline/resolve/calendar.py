"""What a mention means on one clock, given a reference date: a span of wall-clock time.

This module works on one clock at a time and in wall-clock terms ("the day of 21 January on
this clock"); :func:`to_window` turns a span into an absolute UTC window with the DST policy
of :mod:`timeline.zones`. Wall-clock values are naive ``datetime`` objects that never leave
this module's functions except as :class:`LocalSpan`, whose docstring says what they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, datetime, timedelta, tzinfo

from .._positional import mypyc_attr, positional
from ..extract.tables import Tables
from ..model import Calendar, Duration, Quantity, Recurrence, Reference, Relation, Relative, Spec, Weekday, Window
from ..zones import local_span_bounds

__all__ = [
    "OUT_OF_RANGE",
    "SEASON_MONTHS",
    "LocalSpan",
    "NoWindow",
    "Unresolvable",
    "duration_value",
    "easter_sunday",
    "interpret",
    "quantity_seconds",
    "recurrence_value",
    "to_window",
    "undated",
    "weekday_dates",
    "year_text",
]

# Northern-hemisphere meteorological seasons: first month and length in months.
SEASON_MONTHS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}
_UNIT_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W",
               "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE"}
# Built once: a timedelta made from keywords parses them on every call.
_MINUTE, _DAY, _WEEK = timedelta(minutes=1), timedelta(days=1), timedelta(days=7)
_UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 7 * 86400,
                 "fortnight": 14 * 86400, "month": 30.44 * 86400, "quarter": 91.31 * 86400,
                 "year": 365.25 * 86400, "decade": 3652.5 * 86400, "century": 36525 * 86400}


# Why a date has no span when its arithmetic leaves the years ``datetime`` holds ("9999 AD" and
# the year after it, "2008 decades ago"): callers catch ValueError and OverflowError and say this.
OUT_OF_RANGE = "it falls outside the years 1 to 9999, which a calendar span here can hold"


class Unresolvable(Exception):
    """The mention cannot be placed with what is known; the message is the reason."""


class NoWindow(Unresolvable):
    """The TIMEX3 value is known but there is no wall-clock span for it (years before AD 1:
    ``datetime`` cannot hold them). ``value`` and ``grain`` still say what the text means."""

    def __init__(self, reason: str, value: str, grain: str) -> None:
        super().__init__(reason)
        self.value = value
        self.grain = grain


def year_text(year: int) -> str:
    """A year as TIMEX writes it: 2008, 0079, BC0480 (480 BC is stored as -480; there is no year 0)."""
    if year >= 1000:
        return str(year)  # the common case, without parsing a width
    return f"{year:04d}" if year > 0 else f"BC{-year:04d}"


# Months, days, hours and minutes as TIMEX values write them, looked up: formatting with a width
# ("{:02d}", "%02d", date.isoformat()) parses the width every time, and most values hold two or three.
_TWO_DIGITS = tuple(f"{n:02d}" for n in range(100))


def easter_sunday(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


@mypyc_attr(native_class=False)  # a Python class when compiled: built by _span, pickled, copied
@dataclass(frozen=True, slots=True)
class LocalSpan:
    """A half-open span ``[start, end)`` of wall-clock time on one clock (naive values:
    readings of a clock, not instants), its grain and its TIMEX3 value."""

    start: datetime
    end: datetime
    grain: str
    value: str


_span = positional(LocalSpan)  # LocalSpan(start, end, grain, value), built for every date resolved


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    """``calendar.monthrange(year, month)[1]`` without working out the weekday it also returns."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month - 1]


def _day(d: date) -> LocalSpan:
    return _day_of(d.year, d.month, d.day)


def _day_of(year: int, month: int, day: int) -> LocalSpan:
    """The span of a day; its value is the ISO date."""
    start = datetime(year, month, day)
    return _span(start, start + _DAY, "day", f"{year_text(year)}-{_TWO_DIGITS[month]}-{_TWO_DIGITS[day]}")


def _month_span(year: int, month: int, months: int = 1) -> tuple[datetime, datetime]:
    start = datetime(year, month, 1)
    end_month = month - 1 + months
    return start, datetime(year + end_month // 12, end_month % 12 + 1, 1)


def _edge(span: LocalSpan, modifier: str | None) -> LocalSpan:
    """early/mid/late: the first, middle or last third of a span (TIMEX3 mod START/MID/END)."""
    if modifier not in ("START", "MID", "END"):
        return span
    third = (span.end - span.start) / 3
    offset = {"START": 0, "MID": 1, "END": 2}[modifier]
    start = span.start + third * offset
    return _span(start, start + third, span.grain, span.value)


def _with_clock(span: LocalSpan, hour: int | None, minute: int | None, part: str | None, tables: Tables) -> LocalSpan:
    if hour is not None:
        day = span.start  # midnight: replace(hour=..., minute=...) parses keywords, which costs more
        start = datetime(day.year, day.month, day.day, hour, minute or 0)
        return _span(start, start + _MINUTE, "minute", f"{span.value}T{_TWO_DIGITS[hour]}:{_TWO_DIGITS[minute or 0]}")
    if part is not None:
        pod = tables.part_of_day(part)
        return _span(span.start + timedelta(hours=pod.start_hour), span.start + timedelta(hours=pod.end_hour),
                         "part_of_day", f"{span.value}T{part}")
    return span


def _pick_year(month: int, day: int | None, reference: date, direction: str, strict: bool = False) -> int:
    """The year of a date written without one: the nearest such date, or the last/next one.

    ``strict`` ("last March" said in March): the current month does not count as past.
    """
    if direction == "past" and strict and day is None:
        return reference.year if month < reference.month else reference.year - 1
    years = (reference.year - 1, reference.year, reference.year + 1)
    if years[0] < MINYEAR or years[2] > MAXYEAR:  # the dates either side are weighed: there must be some
        raise ValueError(f"year {years[0] if years[0] < MINYEAR else years[2]} is out of range")
    # Compared as (month, day) within the reference's year, without building dates: the date a
    # year before is always past and the one a year after always to come.
    if direction == "past":  # this year's, unless it is after the reference (a month alone: has begun)
        this_year = (month, min(day or 1, _days_in(reference.year, month)))
        return reference.year if this_year <= (reference.month, reference.day) else reference.year - 1
    if direction == "future":  # this year's, unless its month is over
        return reference.year if month >= reference.month else reference.year + 1

    def as_date(year: int) -> date:
        return date(year, month, min(day or 1, _days_in(year, month)))

    return min(years, key=lambda y: abs((as_date(y) - reference).days))


def weekday_dates(weekday: int, reference: date, direction: str) -> list[date]:
    """The dates a weekday name can mean, seen from ``reference`` (a news article's date).

    past: the most recent such day, the reference day included; future: the next one,
    the reference day included; either: both.
    """
    back = (reference.weekday() - weekday) % 7
    forward = (weekday - reference.weekday()) % 7
    past = reference - _DAY * back
    future = reference + _DAY * forward
    if direction == "past":
        return [past]
    if direction == "future":
        return [future]
    return sorted({past, future})


def interpret(spec: Spec, reference: date | None, tables: Tables, *, tense: str = "past") -> list[LocalSpan]:
    """The wall-clock spans ``spec`` can mean, seen from ``reference`` (the publication date on
    this clock). Several spans mean several readings (a weekday either side of the date).

    Raises :class:`Unresolvable` with the reason when the spec gives no date.
    """
    if isinstance(spec, Calendar):
        return [_calendar(spec, reference, tables, tense)]
    if isinstance(spec, Relative):
        if reference is None:
            raise Unresolvable("it counts from the publication date, which is unknown")
        return [_relative(spec, reference, tables)]
    if isinstance(spec, Weekday):
        if reference is None:
            raise Unresolvable("a weekday needs the publication date to say which week")
        direction = spec.direction if spec.direction != "either" else tense
        return [
            _with_clock(_day(d), spec.hour, spec.minute, spec.part_of_day, tables)
            for d in weekday_dates(spec.weekday, reference, direction)
        ]
    raise Unresolvable(undated(spec) or f"unknown kind of expression {type(spec).__name__}")


def undated(spec: Spec) -> str | None:
    """Why ``spec`` can give no date whatever the reference (a duration, a recurring time...), or None."""
    if isinstance(spec, (Calendar, Relative, Weekday)):  # the common case first
        return None
    if isinstance(spec, Duration):
        return "a duration gives a length, not a date"
    if isinstance(spec, Reference):
        return f"{spec.ref} (a reference to the present, past or future) gives no date"
    if isinstance(spec, Recurrence):
        return "a recurring time gives no single date"
    if isinstance(spec, Relation):
        return "a time relative to another event is placed by the reconciler"
    return None


def _season_year(season: str, reference: date, direction: str) -> int:
    """The year of a season named without one: this year's, or the last/next one."""
    first, length = SEASON_MONTHS[season]
    start = date(reference.year, first, 1)
    end_index = first - 1 + length
    end = date(reference.year + end_index // 12, end_index % 12 + 1, 1)
    if direction == "past":  # "last summer": the last one that is over
        return reference.year if end <= reference else reference.year - 1
    if direction == "future":  # "next spring": the next one still to begin
        return reference.year if start > reference else reference.year + 1
    return reference.year


# How many years after the reference a two-digit year may lie. Names of products, seasons, games
# and elections give the year they are for ("iLife '11" in October 2010, "Rio '16" in 2010, "the
# class of '14"), a few years ahead at most; anything later is a year gone by ("the crash of '29").
_TWO_DIGIT_AHEAD = 10


def _two_digit_year(year: int, reference: date | None, ahead: int = _TWO_DIGIT_AHEAD) -> int:
    """'82 read from the reference: the latest such year at most ``ahead`` years after it.

    1982 in 2008, 2011 in 2010 ("iLife '11"), 1929 in 2010, 1799 in 1800 ('99 in a narrative).
    """
    base = reference.year if reference is not None else date.today().year
    full = base // 100 * 100 + year
    if full > base + ahead:
        return full - 100
    if full + 100 <= base + ahead:
        return full + 100  # '05 read from 1998: 2005
    return full


def _week_of_month(year: int, month: int, which: int) -> date:
    """The Monday of the first (1), second... or last (-1) full week of a month."""
    first = date(year, month, 1)
    monday = first + timedelta(days=(7 - first.weekday()) % 7)
    if which > 0:
        return monday + timedelta(weeks=which - 1)
    last_day = date(year, month, _days_in(year, month))
    sunday = last_day - timedelta(days=(last_day.weekday() + 1) % 7)
    return sunday - timedelta(days=6)


def _calendar(spec: Calendar, reference: date | None, tables: Tables, tense: str = "past") -> LocalSpan:
    direction = spec.direction if spec.direction != "either" else tense
    year = spec.year
    if spec.two_digit and year is not None:
        year = _two_digit_year(year, reference)
    if year is None and spec.year_shift is not None and reference is not None:
        year = reference.year + spec.year_shift
    if spec.decade is not None:
        decade = spec.decade
        if spec.two_digit:
            # a decade is named once it has begun: "the '20s" in 2015 are the 1920s
            decade = _two_digit_year(decade * 10, reference, ahead=0) // 10
        value = f"{decade:03d}" if decade >= 0 else f"BC{-decade:03d}"
        if decade < 100:
            raise NoWindow("a decade before AD 1000 has no calendar span here", value, "decade")
        start = datetime(decade * 10, 1, 1)
        return _edge(_span(start, datetime(decade * 10 + 10, 1, 1), "decade", value), spec.modifier)
    if spec.century is not None:
        century = spec.century
        value = f"{century:02d}" if century >= 0 else f"BC{-century - 1:02d}"
        if century < 1:
            raise NoWindow("a century before AD 100 has no calendar span here", value, "century")
        start = datetime(century * 100, 1, 1)
        return _edge(_span(start, datetime(century * 100 + 100, 1, 1), "century", value), spec.modifier)
    if year is None:
        if reference is None:
            raise Unresolvable("it gives no year and the publication date is unknown")
        if spec.easter is not None:
            candidates = [y for y in (reference.year - 1, reference.year, reference.year + 1)]
            days = {y: easter_sunday(y) + timedelta(days=spec.easter) for y in candidates}
            if direction == "future":
                year = min(y for y in candidates if days[y] >= reference)
            else:
                year = max(y for y in candidates if days[y] <= reference)
        elif spec.month is not None:
            year = _pick_year(spec.month, spec.day, reference, direction, strict=spec.direction == "past")
        elif spec.season is not None:
            year = _season_year(spec.season, reference, spec.direction if spec.direction != "either" else "either")
        elif spec.quarter is not None or spec.half is not None:
            first_month = 3 * spec.quarter - 2 if spec.quarter is not None else 6 * (spec.half or 1) - 5
            year = reference.year
            if direction == "past" and date(year, first_month, 1) > reference:
                year -= 1
        elif spec.hour is not None:
            return _with_clock(_day(reference), spec.hour, spec.minute, spec.part_of_day, tables)
        else:
            year = reference.year
    label = year_text(year)
    if year < 1:
        raise NoWindow("a date before AD 1 has no calendar span here", _bc_value(spec, label), "year")
    if spec.easter is not None:
        day = easter_sunday(year) + timedelta(days=spec.easter)
        return _with_clock(_day(day), spec.hour, spec.minute, spec.part_of_day, tables)
    if spec.month is not None and spec.week_of_month is not None:
        monday = _week_of_month(year, spec.month, spec.week_of_month)
        iso_year, iso_week, _ = monday.isocalendar()
        start = datetime(monday.year, monday.month, monday.day)
        return _span(start, start + _WEEK, "week", f"{iso_year}-W{iso_week:02d}")
    if spec.month is not None and spec.day is not None:
        if spec.day > _days_in(year, spec.month):
            raise Unresolvable(f"{year}-{spec.month:02d} has no day {spec.day}")
        span = _day_of(year, spec.month, spec.day)
        return _with_clock(span, spec.hour, spec.minute, spec.part_of_day, tables)
    if spec.month is not None:
        start, end = _month_span(year, spec.month)
        return _edge(_span(start, end, "month", f"{label}-{_TWO_DIGITS[spec.month]}"), spec.modifier)
    if spec.quarter is not None:
        start, end = _month_span(year, 3 * spec.quarter - 2, 3)
        return _span(start, end, "quarter", f"{label}-Q{spec.quarter}")
    if spec.half is not None:
        start, end = _month_span(year, 6 * spec.half - 5, 6)
        return _span(start, end, "half", f"{label}-H{spec.half}")
    if spec.season is not None:
        first, length = SEASON_MONTHS[spec.season]
        start, end = _month_span(year, first, length)
        return _edge(_span(start, end, "season", f"{label}-{spec.season}"), spec.modifier)
    return _edge(_span(datetime(year, 1, 1), datetime(year + 1, 1, 1), "year", label), spec.modifier)


def _bc_value(spec: Calendar, label: str) -> str:
    """The TIMEX value of a date before AD 1 (no span can be computed for it)."""
    if spec.month is not None and spec.day is not None:
        return f"{label}-{spec.month:02d}-{spec.day:02d}"
    if spec.month is not None:
        return f"{label}-{spec.month:02d}"
    if spec.season is not None:
        return f"{label}-{spec.season}"
    if spec.quarter is not None:
        return f"{label}-Q{spec.quarter}"
    return label


def _relative(spec: Relative, reference: date, tables: Tables) -> LocalSpan:
    unit, offset = spec.unit, spec.offset
    if spec.approximate and unit != "day":
        # "years ago": somewhere in the past, not a datable unit.
        raise Unresolvable("an approximate amount of time ago gives no date")
    if unit in ("day", "night"):
        day = reference + _DAY * offset
        return _with_clock(_day(day), spec.hour, spec.minute, spec.part_of_day, tables)
    if unit in ("week", "weekend", "fortnight"):
        monday = reference - _DAY * reference.weekday() + _WEEK * offset
        iso_year, iso_week, _ = monday.isocalendar()
        start = datetime(monday.year, monday.month, monday.day)
        if unit == "weekend":
            return _span(start + timedelta(days=5), start + _WEEK, "weekend",
                             f"{iso_year}-W{iso_week:02d}-WE")
        return _edge(_span(start, start + _WEEK, "week", f"{iso_year}-W{iso_week:02d}"),
                     spec.modifier)
    if unit == "month":
        index = reference.year * 12 + reference.month - 1 + offset
        year, month = divmod(index, 12)
        start, end = _month_span(year, month + 1)
        return _edge(_span(start, end, "month", f"{year}-{month + 1:02d}"), spec.modifier)
    if unit == "quarter":
        index = reference.year * 4 + (reference.month - 1) // 3 + offset
        year, quarter = divmod(index, 4)
        start, end = _month_span(year, 3 * quarter + 1, 3)
        return _span(start, end, "quarter", f"{year}-Q{quarter + 1}")
    if unit == "year":
        year = reference.year + offset
        return _edge(_span(datetime(year, 1, 1), datetime(year + 1, 1, 1), "year", str(year)), spec.modifier)
    if unit == "decade":
        decade = reference.year // 10 + offset
        return _span(datetime(decade * 10, 1, 1), datetime(decade * 10 + 10, 1, 1), "decade", str(decade))
    if unit == "century":
        century = reference.year // 100 + offset
        return _span(datetime(century * 100, 1, 1), datetime(century * 100 + 100, 1, 1), "century",
                         str(century))
    if unit in ("hour", "minute", "second"):
        raise Unresolvable(f"'{unit}s ago' needs the publication time of day")
    raise Unresolvable(f"cannot count {unit}s from the publication date")


def to_window(span: LocalSpan, zone: tzinfo) -> Window:
    """The UTC window of a wall-clock span on ``zone``: [first instant, last minute]."""
    earliest, end = local_span_bounds(span.start, span.end, zone)
    latest = max(earliest, end - _MINUTE)
    return Window(earliest, latest, span.grain)


def quantity_seconds(quantity: Quantity) -> tuple[float, float]:
    scale = _UNIT_SECONDS[quantity.unit]
    return quantity.low * scale, quantity.high * scale


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def duration_value(quantity: Quantity) -> str:
    """TIMEX3 duration value: P3D, PT1H30M, PXH (vague "hours"), P10Y (a decade), P2.5Y."""
    unit = quantity.unit
    code = _UNIT_CODES[unit]
    time_part = unit in ("second", "minute", "hour")
    prefix = "PT" if time_part else "P"
    if quantity.vague or quantity.stated is None:
        return f"{prefix}X{code}"
    amount = quantity.stated * (2 if unit == "fortnight" else 1)
    if unit == "hour" and amount != int(amount) and (amount * 60) == int(amount * 60):
        hours, minutes = divmod(int(amount * 60), 60)
        return f"PT{hours}H{minutes}M" if hours else f"PT{minutes}M"
    if unit == "day" and amount != int(amount) and (amount * 24) == int(amount * 24):
        days, hours = divmod(int(amount * 24), 24)
        return f"P{days}DT{hours}H" if days else f"PT{hours}H"
    if unit == "decade":  # TimeML writes a decade in years: "the past decade" is P10Y
        return f"P{_number(amount * 10)}Y"
    return f"{prefix}{_number(amount)}{code}"


def recurrence_value(spec: Recurrence) -> str:
    """TIMEX3 value of a set of times (type SET), as TimeML writes them.

    A named day, month or season stays a date with the rest left open: "every Tuesday night"
    XXXX-WXX-2TNI, "each January" XXXX-01, "every summer" XXXX-SU, "every morning" XXXX-XX-XXTMO,
    "every weekend" XXXX-WXX-WE. A regular interval is its period: "every week" P1W, "every two
    weeks" P2W, "every few days" PXD.
    """
    part = f"T{spec.part_of_day}" if spec.part_of_day else ""
    if spec.weekday is not None:
        return f"XXXX-WXX-{spec.weekday + 1}{part}"
    if spec.month is not None:
        return f"XXXX-{spec.month:02d}"
    if spec.season is not None:
        return f"XXXX-{spec.season}"
    if spec.unit == "weekend":
        return "XXXX-WXX-WE"
    if part:
        return f"XXXX-XX-XX{part}"
    return duration_value(Quantity(spec.every, spec.every, spec.unit, vague=spec.vague,
                                   stated=None if spec.vague else spec.every))
