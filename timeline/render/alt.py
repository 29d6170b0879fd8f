"""Alt text: the figure in plain English sentences, for screen readers and the CMS alt field.

Clocks are read west to east (smallest UTC offset first), so dates only ever move forward
within a sentence and each date is written once: "Monday 20 January 12:00 in Washington,
20:00 in Moscow, Tuesday 21 January 01:00 in Beijing".
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta, tzinfo

from ..model import Clock, EventOutcome, Window
from . import text as words

__all__ = ["describe_figure"]

_EN = words.LANGUAGES["en"]
_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _number(count: int) -> str:
    return _NUMBERS[count] if count < len(_NUMBERS) else str(count)


def _plural(count: int, noun: str) -> str:
    return f"{_number(count)} {noun}{'' if count == 1 else 's'}"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class _Dates:
    """Writes a date only when it differs from the last one written in the sentence."""

    def __init__(self) -> None:
        self.last: date | None = None

    def __call__(self, local: datetime) -> str:
        time = words.clock_time(local, 24, _EN)
        if local.date() == self.last:
            return time
        self.last = local.date()
        return f"{words.long_date(local.date(), _EN)} {time}"


def _west_to_east(clocks: tuple[Clock, ...], zones: tuple[tzinfo, ...], at: datetime) -> list[tuple[Clock, tzinfo]]:
    pairs = zip(clocks, zones, strict=True)
    return sorted(pairs, key=lambda pair: at.astimezone(pair[1]).utcoffset() or timedelta(0))


def _instant(moment: datetime, clocks: tuple[Clock, ...], zones: tuple[tzinfo, ...]) -> str:
    dates = _Dates()
    pairs = _west_to_east(clocks, zones, moment)
    return ", ".join(f"{dates(moment.astimezone(zone))} in {clock.name}" for clock, zone in pairs)


def _window(window: Window, clocks: tuple[Clock, ...], zones: tuple[tzinfo, ...]) -> str:
    dates = _Dates()
    parts = []
    for clock, zone in _west_to_east(clocks, zones, window.earliest):
        low, high = dates(window.earliest.astimezone(zone)), dates(window.latest.astimezone(zone))
        parts.append(f"between {low} and {high} in {clock.name}")
    return ", ".join(parts)


def _event(outcome: EventOutcome, label: str, clocks: tuple[Clock, ...], zones: tuple[tzinfo, ...]) -> str:
    assert outcome.start is not None  # unplaced events are listed separately
    if outcome.exact:
        return f"{label}: {_instant(outcome.start.earliest, clocks, zones)}."
    robust = _window(outcome.start, clocks, zones)
    if outcome.agreed_start is None:
        return f"{label}: the reports cannot all be right; it started {robust}."
    agreed = _window(outcome.agreed_start, clocks, zones)
    return f"{label}: if every report is right, it started {agreed}. If any one report is wrong: {robust}."


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
) -> str:
    """The alt text; the arguments are what :func:`~timeline.render.spec.describe` decided to show."""
    sentences = [f"Timeline on {_plural(len(clocks), 'clock')}: {_join([c.name for c in clocks])}."]
    sentences += [_event(outcome, labels[outcome.event], clocks, zones) for outcome in events]
    if drawn:
        counts = Counter(drawn)
        names = {"consistent": "consistent", "pivotal": "pivotal", "conflict": "in conflict"}
        kinds = [f"{counts[status]} {name}" for status, name in names.items() if counts[status]]
        sentences.append(f"{_plural(len(drawn), 'report').capitalize()} shown: {_join(kinds)}.")
    sentences += [f"{sentence}." for sentence in pivotal]
    if not_drawn:
        sentences.append(f"{_plural(not_drawn, 'report').capitalize()} not drawn.")
    if unplaced:
        sentences.append(f"No time could be given for {_join(list(unplaced))}.")
    return " ".join(sentences)
