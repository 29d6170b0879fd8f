"""Alt text: the figure in plain sentences, for screen readers and the CMS alt field.

The fixed wording comes from the language's ``alt`` table (:mod:`.text`); titles, event
labels, clock names and quotes stay as written. Clocks are read west to east (smallest UTC
offset first), so dates only ever move forward within a sentence and each date is written
once: "Monday 20 January 12:00 in Washington, 20:00 in Moscow, Tuesday 21 January 01:00 in
Beijing".
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta, tzinfo
from typing import Literal

from ..model import Clock, EventOutcome, Window
from . import text as words

__all__ = ["describe_figure"]

Hours = Literal[12, 24]


def _join(items: list[str], lang: words.Language) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + lang.alt["and"] + items[-1]


def _sentence(text: str) -> str:
    """Capitalise the first letter only ("three clocks" → "Three clocks"; "iPhone" stays)."""
    return text[:1].upper() + text[1:]


class _Dates:
    """Writes a date only when it differs from the last one written in the sentence."""

    def __init__(self, lang: words.Language, hours: Hours) -> None:
        self.lang, self.hours = lang, hours
        self.last: date | None = None

    def __call__(self, local: datetime) -> str:
        time = words.clock_time(local, self.hours, self.lang)
        if local.date() == self.last:
            return time
        self.last = local.date()
        return f"{words.long_date(local.date(), self.lang)} {time}"


class _Writer:
    def __init__(self, clocks: tuple[Clock, ...], zones: tuple[tzinfo, ...], lang: words.Language, hours: Hours):
        self.clocks, self.zones, self.lang, self.hours = clocks, zones, lang, hours

    def west_to_east(self, at: datetime) -> list[tuple[Clock, tzinfo]]:
        pairs = zip(self.clocks, self.zones, strict=True)
        return sorted(pairs, key=lambda pair: at.astimezone(pair[1]).utcoffset() or timedelta(0))

    def instant(self, moment: datetime) -> str:
        dates = _Dates(self.lang, self.hours)
        return ", ".join(
            self.lang.alt["at"].format(when=dates(moment.astimezone(zone)), clock=clock.name)
            for clock, zone in self.west_to_east(moment)
        )

    def window(self, window: Window) -> str:
        dates = _Dates(self.lang, self.hours)
        parts = []
        for clock, zone in self.west_to_east(window.earliest):
            low, high = dates(window.earliest.astimezone(zone)), dates(window.latest.astimezone(zone))
            parts.append(self.lang.alt["between"].format(low=low, high=high, clock=clock.name))
        return ", ".join(parts)

    def event(self, outcome: EventOutcome, label: str) -> str:
        assert outcome.start is not None  # unplaced events are listed separately
        alt = self.lang.alt
        if outcome.exact:
            return alt["exact"].format(label=label, when=self.instant(outcome.start.earliest))
        robust = self.window(outcome.start)
        if outcome.agreed_start is None:
            return alt["impossible"].format(label=label, robust=robust)
        return alt["agreed"].format(label=label, agreed=self.window(outcome.agreed_start), robust=robust)


def describe_figure(
    *,
    clocks: tuple[Clock, ...],
    zones: tuple[tzinfo, ...],
    events: tuple[EventOutcome, ...],
    labels: dict[str, str],
    drawn: tuple[str, ...],
    pivotal: tuple[str, ...],
    not_drawn: int,
    unplaced: tuple[str, ...],
    lang: words.Language | None = None,
    hours: Hours = 24,
) -> str:
    """The alt text; the arguments are what :func:`~timeline.render.spec.describe` decided to show.

    ``drawn`` has the status of every time phrase drawn (a grouped row counts each of its
    phrases); ``pivotal`` holds finished sentences, already in ``lang``.
    """
    lang = lang or words.LANGUAGES["en"]
    writer = _Writer(clocks, zones, lang, hours)
    names = _join([c.name for c in clocks], lang)
    sentences = [_sentence(_counted(lang, "clocks", len(clocks), names=names))]
    sentences += [writer.event(outcome, labels[outcome.event]) for outcome in events]
    if drawn:
        counts = Counter(drawn)
        kinds = [
            words.counted(lang, status, counts[status], table="alt")
            for status in ("consistent", "pivotal", "conflict")
            if counts[status]
        ]
        sentences.append(_sentence(_counted(lang, "shown", len(drawn), kinds=_join(kinds, lang))))
    sentences += list(pivotal)
    if not_drawn:
        sentences.append(_sentence(_counted(lang, "not_drawn", not_drawn)))
    if unplaced:
        sentences.append(lang.alt["no_event"].format(labels=_join(list(unplaced), lang)))
    return " ".join(sentences)


def _counted(lang: words.Language, key: str, count: int, **values: object) -> str:
    """An alt sentence for ``count`` things, the count in words up to ten."""
    template = lang.alt.get(f"{key}_1", lang.alt[key]) if count == 1 else lang.alt[key]
    return template.format(count=lang.number(count), **values)
