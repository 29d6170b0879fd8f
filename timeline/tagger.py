"""``tag()``: extraction plus resolution against a publication date, as TIMEX3 values and windows.

This is the tagger a journalist (or an evaluation script) calls on one text. The story
pipeline uses the same two stages (:mod:`timeline.extract`, :mod:`timeline.resolve`).

Relative expressions are resolved the way TimeML's ``anchorTimeID`` says: deictic ones
("yesterday", "last week", "on Tuesday") against the publication date; anaphoric ones ("the
next day", "that year", "two weeks later", "the same day") against the time last spoken of
in the text. In narrative text (history, a profile: ``narrative=True``, or detected when most
years written in the text lie well before the publication date), a month or day written
without a year ("in March" after "1941") takes its year from the text too. ``Timex.anchor``
says which reference was used: ``"publication date"``, ``"text:<offset>"`` (the start of the
expression that supplied it) or ``"none"`` (the expression is absolute).
"""

from __future__ import annotations

import calendar as _cal
import functools
import re
import warnings
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from ._positional import positional
from .errors import LossyInputWarning, PublicationTimeError
from .extract import extract, get_grammar
from .extract.grammar import ANAPHORIC_RULES, trie
from .extract.tables import Tables
from .model import (
    Calendar,
    Duration,
    Mention,
    Recurrence,
    Reference,
    Relation,
    Relative,
    Weekday,
    Window,
    add_years,
)
from .resolve.calendar import (
    OUT_OF_RANGE,
    LocalSpan,
    NoWindow,
    Unresolvable,
    duration_value,
    interpret,
    recurrence_value,
    to_window,
    undated,
    year_text,
)
from .zones import abbreviation_note, get_zone, zone_key

__all__ = ["Timex", "looks_narrative", "parse_reference_date", "stated_zones", "tag", "tense_of"]


@dataclass(frozen=True, slots=True)
class Timex:
    """One time expression: TIMEX3 type and value, span, and the window it stands for.

    ``earliest``/``latest`` are UTC (only when a zone is known); ``local_earliest`` and
    ``local_latest`` are wall-clock readings on the article's clock, as ISO strings without
    an offset. ``unresolved`` says why there is no window. ``anchor`` is the reference the
    value was computed from: ``"publication date"``, ``"text:<offset>"`` or ``"none"``.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    grain: str
    rule: str
    anchor: str
    mod: str | None = None
    earliest: datetime | None = None
    latest: datetime | None = None
    local_earliest: str | None = None
    local_latest: str | None = None
    zone: str | None = None
    unresolved: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in _TIMEX_FIELDS:  # a slotted class has no __dict__
            value = getattr(self, key)
            out[key] = value.isoformat() if isinstance(value, datetime) else value
        return out


_TIMEX_FIELDS = tuple(f.name for f in fields(Timex))
_new_timex = positional(Timex)  # one per expression: the cheaper constructor (see _positional)
_MINUTE = timedelta(minutes=1)

# What the Timex of a mention takes from it: start, end, text, type, rule, mod and zone.
_Head = tuple[int, int, str, str, str, str | None, str | None]


def _timex(head: _Head, value: str, grain: str, anchor: str, span: LocalSpan | None = None,
           window: Window | None = None, unresolved: str | None = None) -> Timex:
    """A Timex from its mention's fields, its value and, when known, its wall-clock span and window."""
    start, end, text, kind, rule, mod, zone = head
    first, last = _local_readings(span.start, span.end) if span is not None else (None, None)
    return _new_timex(start, end, text, kind, value, grain, rule, anchor, mod,
                      window.earliest if window is not None else None, window.latest if window is not None else None,
                      first, last, zone, unresolved)


# Pure functions of small values that recur from one expression to the next (the same years and
# days, the same undated months): computed once and kept. replace() and isoformat() are slow.
@functools.lru_cache(maxsize=4096)
def _local_readings(start: datetime, end: datetime) -> tuple[str, str]:
    """Timex.local_earliest and local_latest of the span [start, end): its first and last minute."""
    return start.isoformat(), (end - _MINUTE).isoformat()


@functools.lru_cache(maxsize=4096)
def _in_year(spec: Calendar, year: int) -> Calendar:
    return replace(spec, year=year)


@functools.lru_cache(maxsize=1024)
def _ahead(spec: Weekday) -> Weekday:
    return replace(spec, direction="future")


def parse_reference_date(published: date | datetime | str | None) -> date | None:
    """The calendar date of a publication time given as a date, datetime or ISO string."""
    if published is None or published == "":
        return None
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    if isinstance(published, str):
        text = published.strip()
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            pass
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            raise PublicationTimeError(
                f"cannot read the publication date {published!r}: give an ISO 8601 date such as "
                "'2025-01-21' or '2025-01-21T14:03:00+03:00'",
                field="published",
            ) from None
    raise PublicationTimeError(f"expected a date, datetime or ISO string, got {published!r}", field="published")


@functools.lru_cache(maxsize=8)
def _future_cues(cues: tuple[str, ...]) -> re.Pattern[str]:
    """The cues as one pattern, matched on lower-cased text (the table's cues are lower case).

    A cue is matched with the non-word character before it (the window searched starts with a
    space), not behind a look-behind: a pattern that opens on a character class lets the engine
    skip to the places where it can match, where one that opens on an assertion is tried at
    every character.
    """
    return re.compile(r"\W(?:" + trie(cues) + r")(?![\w])")


_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")


def tense_of(text: str, mention: Mention, tables: Tables) -> str:
    """'future' if a future cue ("will", "scheduled") stands shortly before the mention, else 'past'.

    News reports mostly tell what happened; a weekday is the most recent such day unless
    the sentence speaks of what is to come. The window stops at the sentence start and at a
    line break (a headline above is another sentence).
    """
    return _tense(text, mention.start, _future_cues(tables.future_cues))


def _tense(text: str, start: int, cues: re.Pattern[str]) -> str:
    # Lower-cased, so that the cues are matched without IGNORECASE (which lower-cases every
    # character the engine compares, several times over). Most windows hold no cue: the
    # sentence breaks are looked for only after one (a cue before a break is another sentence's).
    # The space put first stands before a cue at the window's start (see _future_cues).
    window = " " + text[start - 80 if start > 80 else 0:start].lower()
    found = cues.search(window)
    while found is not None:
        cut = _SENTENCE_BREAK.search(window, found.end())
        if cut is None:
            return "future"
        found = cues.search(window, cut.end() - 1)  # from the blank that ends the break
    return "past"


def stated_zones(mention: Mention, tables: Tables) -> tuple[str, ...]:
    """The IANA zones a mention names ("noon ET", "11:00 Beijing time"); () if none or "local time"."""
    written = getattr(mention.spec, "zone", None)
    if not written:
        return ()
    return tables.zones.get(written, ())


def _mod(mention: Mention) -> str | None:
    spec = mention.spec
    quantity = getattr(spec, "quantity", None)
    if quantity is not None and getattr(quantity, "mod", None):
        return str(quantity.mod)
    modifier = getattr(spec, "modifier", None)
    return str(modifier) if modifier else None


def _reads_tense(spec: object) -> bool:
    """Whether the tense decides what ``spec`` means: a weekday or a date without a year ("in
    March", "on Tuesday") said without "last" or "next". (Looking for a future cue is the
    costliest step of resolving, so it is skipped where its answer would not be used.)"""
    if isinstance(spec, Weekday):
        return spec.direction == "either"
    return (isinstance(spec, Calendar) and spec.direction == "either" and spec.year is None
            and spec.year_shift is None and spec.decade is None and spec.century is None)


def _is_absolute(spec: object) -> bool:
    return isinstance(spec, Calendar) and not spec.two_digit and (
        spec.year is not None or spec.decade is not None or spec.century is not None)


def looks_narrative(mentions: list[Mention], reference: date | None) -> bool:
    """Whether a text tells of times well before its publication (history, not news).

    News writes about the days around publication and what is planned; a narrative's years
    lie mostly years back. Narrative when at least three years are written and fewer than a
    quarter of them are the publication year, the year before, or later.
    """
    if reference is None:
        return True
    years = [m.spec.year for m in mentions
             if isinstance(m.spec, Calendar) and m.spec.year is not None and not m.spec.two_digit]
    if len(years) < 3:
        return False
    recent = sum(1 for y in years if y is not None and y >= reference.year - 1)
    return recent < 0.25 * len(years)


# ---------------------------------------------------------------------------- anchors


@dataclass(frozen=True, slots=True)
class _Point:
    """The time last spoken of: a year, perhaps a month and day, and where the text said it."""

    year: int
    month: int | None
    day: int | None
    offset: int  # start of the expression that gave it; -1 for the publication date

    @property
    def grain(self) -> str:
        return "day" if self.day is not None else ("month" if self.month is not None else "year")

    def as_date(self) -> date | None:
        if self.year < 1:
            return None
        return date(self.year, self.month or 7, self.day or (15 if self.month else 1))

    def value(self, grain: str) -> str:
        label = year_text(self.year)
        if grain == "year" or self.month is None:
            return label if grain == "year" else f"{label}-XX" + ("-XX" if grain == "day" else "")
        if grain == "month" or self.day is None:
            return f"{label}-{self.month:02d}" + ("-XX" if grain == "day" else "")
        return f"{label}-{self.month:02d}-{self.day:02d}"

    def week_value(self) -> str:
        day = self.as_date()
        if day is None or self.day is None:
            return self.value("month") if self.month else self.value("year")
        iso_year, iso_week, _ = day.isocalendar()
        return f"{iso_year}-W{iso_week:02d}"


_new_point = positional(_Point)  # one per dated expression (see _positional)
_POINT_VALUE = re.compile(r"(BC)?(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T|$)")
_WEEK_VALUE = re.compile(r"(\d{4})-W(\d\d)")


def _point_of(value: str, offset: int) -> _Point | None:
    """The point a TIMEX value names, if it names one at year grain or finer."""
    match = _POINT_VALUE.match(value)
    if not match:
        match_week = _WEEK_VALUE.match(value)
        if match_week:
            monday = date.fromisocalendar(int(match_week[1]), int(match_week[2]), 1)
            return _Point(monday.year, monday.month, monday.day, offset)
        return None
    year = int(match[2]) * (-1 if match[1] else 1)
    month = int(match[3]) if match[3] else None
    day = int(match[4]) if match[4] else None
    return _Point(year, month, day, offset)


# The grains of the spans the time last spoken of is taken from, by what it keeps of them.
_DAY_GRAINS = ("day", "minute", "part_of_day", "hour")
_YEAR_GRAINS = ("year", "quarter", "half", "season")
_POINT_GRAINS = frozenset((*_DAY_GRAINS, "month", *_YEAR_GRAINS, "week", "weekend"))


def _point_of_span(span: LocalSpan, offset: int) -> _Point:
    """The time a resolved span speaks of: its day, month or year (the Monday of a week)."""
    grain = span.grain
    start = span.start
    if grain in _DAY_GRAINS:
        return _new_point(start.year, start.month, start.day, offset)
    if grain == "month":
        return _new_point(start.year, start.month, None, offset)
    if grain in _YEAR_GRAINS:
        return _new_point(start.year, None, None, offset)
    monday = start.date() - timedelta(days=start.weekday())
    return _new_point(monday.year, monday.month, monday.day, offset)


# The start of a sentence, then at most one word ("In", "By"), right before a year.
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)(?:[A-Za-z]+,?\s+)?$")
# How many years from the story's time a year written alone must lie to be a glance aside, and
# how many years written after it are read to see where the story goes (a bound keeps it linear).
_ASIDE_YEARS = 15
_ASIDE_LOOKAHEAD = 8


def _asides(text: str, mentions: list[Mention]) -> frozenset[int]:
    """Starts of the years a story only glances at: "(Smith, 2003)", "documents found in 2004",
    "the largest battle since 1813", "as when they last met, in 1614".

    A year written alone more than fifteen years from the story's year is a glance when the next
    year written near either of them is near the story's: the text comes back, and the months
    told after the glance keep the story's year (and "the next day" counts from the story's
    time). When it is near the new year instead, the story has moved there. A year written again
    at once ("in 1614. The 1614 rules") is one glance.
    """
    years = [(m.start, m.spec.year, m.spec.month is None and m.spec.day is None)
             for m in mentions if _is_absolute(m.spec) and isinstance(m.spec, Calendar) and m.spec.year is not None]
    asides: list[int] = []
    story: int | None = None
    index = 0
    while index < len(years):
        _, year, alone = years[index]
        end = index + 1
        while alone and end < len(years) and years[end][1] == year and years[end][2]:
            end += 1
        if story is not None and alone and abs(year - story) > _ASIDE_YEARS:
            for _, later, _ in years[end:end + _ASIDE_LOOKAHEAD]:
                if abs(later - year) <= _ASIDE_YEARS < abs(later - story):
                    story = year
                    break
                if abs(later - story) <= _ASIDE_YEARS:
                    asides.extend(start for start, _, _ in years[index:end])
                    break
            else:
                # No year after it says where the story went. A year that opens its sentence ("In 1965,
                # the memorial was built") sets a new scene; one inside a clause ("documents found in
                # 2004", "the largest battle since 1813") is a glance.
                if not _OPENS_SENTENCE.search(text, max(0, years[index][0] - 16), years[index][0]):
                    asides.extend(start for start, _, _ in years[index:end])
        else:
            story = year
        index = end
    return frozenset(asides)


# How far ahead of the time last spoken of a month named without a year may lie across the new
# year and still be read in the next year. In WikiWars a month earlier in the calendar than the last
# one stays in the story's year far more often than it moves on (a flashback, a range, "since
# February": 39 times against 9), so only a month just after the turn of the year rolls over.
_ROLLOVER_MONTHS = 2


def _story_year(month: int | None, last: _Point) -> int:
    """The year of a month told without one in a story: that of the time last spoken of, or the next
    one when the month comes at most two months after it, across the new year ("in December 1941 ...
    In January" is January 1942; "in June 1941 ... in early April" stays 1941)."""
    if month is None or last.month is None or month >= last.month or month + 12 - last.month > _ROLLOVER_MONTHS:
        return last.year
    return add_years(last.year, 1)


def _shift(point: _Point, unit: str, amount: int) -> _Point | None:
    """``point`` moved by ``amount`` units; None when the point is too coarse for the unit."""
    if unit in ("year", "decade", "century"):
        years = amount * {"year": 1, "decade": 10, "century": 100}[unit]
        year = add_years(point.year, years)
        return _Point(year, point.month, point.day, point.offset) if unit == "year" else _Point(year, None, None,
                                                                                             point.offset)
    if unit in ("month", "quarter"):
        if point.month is None:
            return None
        months = amount * (3 if unit == "quarter" else 1)
        index = point.year * 12 + point.month - 1 + months
        year, month = divmod(index, 12)
        return _Point(year, month + 1, None, point.offset)
    if unit in ("week", "fortnight", "day"):
        day = point.as_date()
        if day is None or point.day is None:
            return None
        days = amount * {"week": 7, "fortnight": 14, "day": 1}[unit]
        moved = day + timedelta(days=days)
        return _Point(moved.year, moved.month, moved.day, point.offset)
    return None


# ---------------------------------------------------------------------------- tagging


def tag(
    text: str,
    *,
    published: date | datetime | str | None = None,
    tz: str | tzinfo | None = None,
    language: str = "en",
    narrative: bool | None = None,
) -> list[Timex]:
    """Every time expression in ``text`` with its TIMEX3 type and value and its window.

    ``published`` is the document creation time that relative expressions count from;
    ``tz`` the newsroom's zone (IANA name or zone object; pytz zones accepted). Without a
    zone, windows are given as wall-clock readings only; without a date, values stay open
    (``XXXX-WXX-2``) and ``unresolved`` says why. ``narrative`` says whether a month or day
    written without a year takes its year from the text ("in March" after "1941") rather
    than from the publication date; by default it is decided from the text
    (:func:`looks_narrative`).
    """
    reference = parse_reference_date(published)
    zone = get_zone(tz, field="tz") if tz is not None else None
    note = abbreviation_note(zone_key(zone)) if zone is not None else None
    if note is not None:
        warnings.warn(LossyInputWarning(f"field 'tz': {note}"), stacklevel=2)
    if zone is None and isinstance(published, datetime) and published.tzinfo is not None:
        zone = published.tzinfo
    tables = get_grammar(language).t
    mentions = [m for m in extract(text, language=language) if m.timex_type is not None]
    if not mentions:
        return []
    story = narrative if narrative is not None else looks_narrative(mentions, reference)
    resolver = _Resolver(text, reference, zone, tables, story, _asides(text, mentions) if story else frozenset())
    return [resolver.timex(mention) for mention in mentions]


class _Resolver:
    """Resolves the mentions of one text in order, keeping the time last spoken of."""

    def __init__(self, text: str, reference: date | None, zone: tzinfo | None, tables: Tables,
                 narrative: bool, asides: frozenset[int] = frozenset()) -> None:
        self.text = text
        self.asides = asides  # starts of years the story only glances at (see _asides)
        self.reference = reference
        self.zone = zone
        self.tables = tables
        self.narrative = narrative
        self._last: _Point | None = None
        # The span last resolved and where it was said: made into ``last`` when that is asked for,
        # which most dates and weekdays in news do not do.
        self._last_span: tuple[LocalSpan, int] | None = None
        self.zone_name = zone_key(zone) if zone else None
        self.cues = _future_cues(tables.future_cues)

    # -- helpers

    @property
    def last(self) -> _Point | None:
        """The time last spoken of."""
        if self._last_span is not None:
            self._last = _point_of_span(*self._last_span)
            self._last_span = None
        return self._last

    def _base(self, mention: Mention) -> tuple[_Point | None, str]:
        """The point an anaphoric expression counts from, and how to name it in ``Timex.anchor``."""
        if self.last is not None:
            return self.last, f"text:{self.last.offset}"
        if self.reference is not None:
            ref = self.reference
            return _Point(ref.year, ref.month, ref.day, -1), "publication date"
        return None, "none"

    def _same_sentence(self, point: _Point, mention: Mention) -> bool:
        if point.offset < 0:
            return False
        return _SENTENCE_BREAK.search(self.text, point.offset, mention.start) is None

    def _remember_span(self, span: LocalSpan, mention: Mention) -> None:
        """The time last spoken of, from a resolved span (see ``last``)."""
        if span.grain in _POINT_GRAINS and mention.start not in self.asides:
            self._last_span = (span, mention.start)

    def _remember(self, value: str, mention: Mention) -> None:
        point = _point_of(value, mention.start)
        if point is not None:
            self._last, self._last_span = point, None

    def _result(self, mention: Mention, base: _Head, span: LocalSpan, anchor: str, zone: tzinfo | None) -> Timex:
        window = to_window(span, zone) if zone is not None else None
        return _timex(base, self._zoned(span.value, mention), span.grain, anchor, span, window)

    def _zoned(self, value: str, mention: Mention) -> str:
        """A clock time written with a zone carries it in its value: T18:00Z, T18:40+08:00."""
        written = getattr(mention.spec, "zone", None)
        if not written or "T" not in value or ":" not in value:
            return value
        if written.startswith("UTC") and len(written) > 3:
            return value + str(written[3:])
        if self.tables.zones.get(written) == ("UTC",):
            return value + "Z"
        return value

    # -- one mention

    def timex(self, mention: Mention) -> Timex:
        spec = mention.spec
        zone, zone_name = self.zone, self.zone_name
        stated = stated_zones(mention, self.tables)
        if stated:
            zone = get_zone(stated[0])  # "noon ET" is on the clock it names, whatever the newsroom's
            zone_name = stated[0]
        base = (mention.start, mention.end, mention.text, mention.timex_type or "DATE", mention.rule, _mod(mention),
                zone_name)
        try:
            if isinstance(spec, Relation) and not spec.anchor_text and mention.timex_type in ("DATE", "TIME"):
                return self._anaphoric(mention, spec, base)
            no_date = undated(spec)
            if no_date is not None:  # a duration, a recurring time...: no reference can date it
                return _timex(base, self._open_value(mention), "", "none", unresolved=no_date)
            reference, anchor, resolved = self._reference_for(mention)
            tense = _tense(self.text, mention.start, self.cues) if _reads_tense(resolved) else "past"
            span = interpret(resolved, reference, self.tables, tense=tense)[0]
            if mention.timex_type in ("DATE", "TIME"):
                self._remember_span(span, mention)
            return self._result(mention, base, span, anchor, zone)
        except NoWindow as missing:
            self._remember(missing.value, mention)
            return _timex(base, missing.value, missing.grain, "none" if _is_absolute(spec) else self._base(mention)[1],
                          unresolved=str(missing))
        except Unresolvable as reason:
            return _timex(base, self._open_value(mention), "", "none", unresolved=str(reason))
        except (ValueError, OverflowError):  # said, not raised from deep inside (see OUT_OF_RANGE)
            return _timex(base, self._open_value(mention), "", "none", unresolved=OUT_OF_RANGE)

    def _reference_for(self, mention: Mention) -> tuple[date | None, str, Any]:
        """The date to resolve ``mention`` against, how to name it, and the spec to resolve."""
        spec = mention.spec
        dct = self.reference
        if _is_absolute(spec):
            return dct, "none", spec
        # Only a date without a year counts from the time last spoken of in news; in a story, weekdays
        # and two-digit years do too.
        last = self.last if self.narrative or (isinstance(spec, Calendar) and spec.year is None) else None
        if isinstance(spec, Calendar) and spec.year is None and spec.year_shift is None and last is not None:
            anaphoric = mention.rule in ANAPHORIC_RULES
            if spec.hour is not None and spec.month is None and spec.day is None and spec.season is None:
                # a clock time alone: on the day last spoken of in the same sentence (or story)
                if last.day is not None and (self.narrative or self._same_sentence(last, mention)):
                    day = last.as_date()
                    if day is not None:
                        return day, f"text:{last.offset}", spec
                    raise NoWindow("a time on a day before AD 1", f"{last.value('day')}T{spec.hour:02d}:"
                                   f"{spec.minute or 0:02d}", "minute")
            elif anaphoric or self.narrative:
                if spec.direction == "either":
                    resolved = _in_year(spec, last.year if anaphoric else _story_year(spec.month, last))
                    return None, f"text:{last.offset}", resolved
                around = last.as_date()
                if around is not None:
                    return around, f"text:{last.offset}", spec
        if isinstance(spec, Calendar) and spec.two_digit and self.narrative and last is not None:
            around = last.as_date()
            if around is not None:
                return around, f"text:{last.offset}", spec
        if isinstance(spec, Weekday) and self.narrative and last is not None and last.day is not None:
            around = last.as_date()
            if around is not None:
                return around, f"text:{last.offset}", _ahead(spec)
        return dct, "publication date" if dct is not None else "none", spec

    def _anaphoric(self, mention: Mention, spec: Relation, base: _Head) -> Timex:
        """"the next day", "that year", "two weeks later", "the same time": from the time last spoken of."""
        point, anchor = self._base(mention)
        quantity = spec.quantity
        cue = spec.cue
        if point is None:
            return _timex(base, self._open_value(mention), "", "none",
                          unresolved="it counts from a time the text has not given")
        if quantity is None:
            # "the time", "that period": the time last spoken of
            if cue.startswith("this") and anchor == "publication date":
                return _timex(base, "PRESENT_REF", "", anchor)
            value = point.value(point.grain)
            return self._finish(mention, base, value, point.grain, anchor)
        unit = quantity.unit
        if quantity.vague or quantity.stated is None or (quantity.approximate and quantity.stated is None):
            ref = "FUTURE_REF" if spec.kind in ("after", "day_after") else "PAST_REF"
            return _timex(base, ref, "", anchor)
        amount = round(quantity.stated)
        if spec.kind in ("before", "day_before"):
            amount = -amount
        if unit in ("hour", "minute", "second"):
            value = point.value("day")
            return self._finish(mention, base, value, "day", anchor, remember=False)
        if unit == "weekend":
            return self._finish(mention, base, point.week_value() + "-WE", "weekend", anchor, remember=False)
        grain = {"fortnight": "day", "week": "day" if amount else "week", "quarter": "month"}.get(unit, unit)
        moved = _shift(point, unit, amount) if amount else point
        if moved is None:
            coarse = point.value(grain if grain in ("year", "month", "day") else "year")
            return _timex(base, coarse, "", anchor)
        if unit == "week" and (amount == 0 or mention.rule == "anaphoric_unit"):
            # "that week", "the following week": a calendar week; "a week later" is a day
            return self._finish(mention, base, moved.week_value(), "week", anchor, remember=False)
        if unit in ("decade", "century"):
            size = 10 if unit == "decade" else 100
            value = f"{moved.year // size:0{4 - len(str(size)) + 1}d}" if moved.year > 0 else \
                f"BC{-moved.year // size:0{4 - len(str(size)) + 1}d}"
            return self._finish(mention, base, value, unit, anchor, remember=False)
        value = moved.value(grain if grain in ("year", "month", "day") else "day")
        if _norm_cue(cue).endswith(("morning", "afternoon", "evening", "night")):
            part = self.tables.parts_of_day.get(_norm_cue(cue).split()[-1])
            if part is not None and moved.day is not None:
                value += f"T{part.code}"
        # A look back ("the previous year", "two years earlier") tells of an earlier time; the story
        # stays where it was, and the month it names next is in the story's year, not the look-back's.
        return self._finish(mention, base, value, grain, anchor, remember=amount >= 0)

    def _finish(self, mention: Mention, base: _Head, value: str, grain: str, anchor: str,
                remember: bool = True) -> Timex:
        """A Timex for an anaphoric value, with a window when the value is a whole day, month or year."""
        if remember:
            self._remember(value, mention)
        point = _point_of(value, mention.start)
        span = _span_of(point, grain) if point is not None and "X" not in value else None
        if span is None:
            return _timex(base, value, grain, anchor)
        window = to_window(span, self.zone) if self.zone is not None else None
        return _timex(base, value, grain, anchor, span, window)

    def _open_value(self, mention: Mention) -> str:
        """The TIMEX3 value when no reference date can fill it in."""
        spec = mention.spec
        if isinstance(spec, Weekday):
            return f"XXXX-WXX-{spec.weekday + 1}"
        if isinstance(spec, Reference):
            return spec.ref
        if isinstance(spec, Duration):
            return duration_value(spec.quantity)
        if isinstance(spec, Relation) and spec.quantity is not None and mention.timex_type == "DURATION":
            return duration_value(spec.quantity)
        if isinstance(spec, Recurrence):
            return recurrence_value(spec)
        if isinstance(spec, Relative) and spec.approximate:
            return "PAST_REF" if spec.offset < 0 else "FUTURE_REF"
        return "XXXX-XX-XX"


def _norm_cue(cue: str) -> str:
    return " ".join(cue.lower().split())


def _span_of(point: _Point, grain: str) -> LocalSpan | None:
    if point.year < 1:
        return None
    if grain == "day" and point.day is not None and point.month is not None:
        start = datetime(point.year, point.month, point.day)
        return LocalSpan(start, start + timedelta(days=1), "day", point.value("day"))
    if grain == "month" and point.month is not None:
        start = datetime(point.year, point.month, 1)
        days = _cal.monthrange(point.year, point.month)[1]
        return LocalSpan(start, start + timedelta(days=days), "month", point.value("month"))
    if grain == "year":
        return LocalSpan(datetime(point.year, 1, 1), datetime(point.year + 1, 1, 1), "year", point.value("year"))
    return None

