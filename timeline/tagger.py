"""``tag()``: extraction plus resolution against a publication date, as TIMEX3 values and windows.

This is the tagger a journalist (or an evaluation script) calls on one text. The story
pipeline uses the same two stages (:mod:`timeline.extract`, :mod:`timeline.resolve`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from .errors import PublicationTimeError
from .extract import extract, get_grammar
from .extract.tables import Tables
from .model import Duration, Mention, Recurrence, Reference, Relation, Relative, Weekday
from .resolve.calendar import LocalSpan, Unresolvable, duration_value, interpret, to_window
from .zones import get_zone, zone_key

__all__ = ["Timex", "tag", "parse_reference_date", "tense_of", "stated_zones"]


@dataclass(frozen=True)
class Timex:
    """One time expression: TIMEX3 type and value, span, and the window it stands for.

    ``earliest``/``latest`` are UTC (only when a zone is known); ``local_earliest`` and
    ``local_latest`` are wall-clock readings on the article's clock, as ISO strings without
    an offset. ``unresolved`` says why there is no window.
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
        for key, value in self.__dict__.items():
            out[key] = value.isoformat() if isinstance(value, datetime) else value
        return out


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


def tense_of(text: str, mention: Mention, tables: Tables) -> str:
    """'future' if a future cue ("will", "scheduled") stands shortly before the mention, else 'past'.

    News reports mostly tell what happened; a weekday is the most recent such day unless
    the sentence speaks of what is to come.
    """
    window = text[max(0, mention.start - 80):mention.start].lower()
    window = re.split(r"[.!?]\s", window)[-1]
    for cue in tables.future_cues:
        if re.search(r"(?<![\w])" + re.escape(cue) + r"(?![\w])", window):
            return "future"
    return "past"


def _open_value(mention: Mention) -> str:
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
        if spec.weekday is not None:
            return f"XXXX-WXX-{spec.weekday + 1}"
        return duration_value(_quantity_of(spec))
    if isinstance(spec, Relative) and spec.approximate:
        return "PAST_REF" if spec.offset < 0 else "FUTURE_REF"
    return "XXXX-XX-XX"


def _quantity_of(spec: Recurrence) -> Any:
    from .model import Quantity

    return Quantity(spec.every, spec.every, spec.unit, stated=spec.every)


def _mod(mention: Mention) -> str | None:
    spec = mention.spec
    quantity = getattr(spec, "quantity", None)
    if quantity is not None and getattr(quantity, "mod", None):
        return str(quantity.mod)
    modifier = getattr(spec, "modifier", None)
    return str(modifier) if modifier else None


def tag(
    text: str,
    *,
    published: date | datetime | str | None = None,
    tz: str | tzinfo | None = None,
    language: str = "en",
) -> list[Timex]:
    """Every time expression in ``text`` with its TIMEX3 type and value and its window.

    ``published`` is the document creation time that relative expressions count from;
    ``tz`` the newsroom's zone (IANA name or zone object; pytz zones accepted). Without a
    zone, windows are given as wall-clock readings only; without a date, values stay open
    (``XXXX-WXX-2``) and ``unresolved`` says why.
    """
    reference = parse_reference_date(published)
    zone = get_zone(tz, field="tz") if tz is not None else None
    if zone is None and isinstance(published, datetime) and published.tzinfo is not None:
        zone = published.tzinfo
    tables = get_grammar(language).t
    found = []
    for mention in extract(text, language=language):
        if mention.timex_type is None:
            continue
        found.append(_timex(text, mention, reference, zone, tables))
    return found


def _timex(text: str, mention: Mention, reference: date | None, zone: tzinfo | None, tables: Tables) -> Timex:
    base = dict(start=mention.start, end=mention.end, text=mention.text, type=mention.timex_type or "DATE",
                rule=mention.rule, mod=_mod(mention), zone=zone_key(zone) if zone else None)
    try:
        spans = interpret(mention.spec, reference, tables, tense=tense_of(text, mention, tables))
    except Unresolvable as reason:
        return Timex(**base, value=_open_value(mention), grain="", anchor="none",  # type: ignore[arg-type]
                     unresolved=str(reason))
    span: LocalSpan = spans[0]
    uses_reference = not _is_absolute(mention)
    stated = stated_zones(mention, tables)
    if stated:
        zone = get_zone(stated[0])  # "noon ET" is on the clock it names, whatever the newsroom's
        base["zone"] = stated[0]
    window = to_window(span, zone) if zone is not None else None
    return Timex(
        **base,  # type: ignore[arg-type]
        value=span.value,
        grain=span.grain,
        anchor="publication date" if uses_reference else "none",
        earliest=window.earliest if window else None,
        latest=window.latest if window else None,
        local_earliest=span.start.isoformat(),
        local_latest=(span.end - timedelta(minutes=1)).isoformat(),
    )


def stated_zones(mention: Mention, tables: Tables) -> tuple[str, ...]:
    """The IANA zones a mention names ("noon ET", "11:00 Beijing time"); () if none or "local time"."""
    written = getattr(mention.spec, "zone", None)
    if not written:
        return ()
    return tables.zones.get(written, ())


def _is_absolute(mention: Mention) -> bool:
    from .model import Calendar

    spec = mention.spec
    return isinstance(spec, Calendar) and (spec.year is not None or spec.decade is not None
                                           or spec.century is not None)
