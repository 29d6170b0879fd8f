"""Extract: find every time expression in a text, with offsets and what it says.

No reference date and no clock is applied here (that is :mod:`timeline.resolve`); a
mention records its span, the rule that found it and a structured spec (duckling's
``Entity {body, start, end}`` with HeidelTime's open ``UNDEF-REF`` values as data).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from .. import _compiled
from ..errors import TextError
from ..model import Calendar, EventSpec, Mention, Relation, Relative, Weekday
from .events import Attachment, EventMatcher, EventMention, attach, sentence_spans
from .grammar import Grammar, alt, select
from .tables import Tables, load_tables

_compiled.warn_if_stale("tagger")  # extract.grammar and resolve.calendar (through extract.tables) import this package

__all__ = [
    "Attachment",
    "EventMatcher",
    "EventMention",
    "Tables",
    "attach",
    "extract",
    "get_grammar",
    "grammar_for",
    "load_tables",
    "sentence_spans",
]


@functools.lru_cache(maxsize=8)
def get_grammar(language: str = "en") -> Grammar:
    """The compiled grammar of a language (compiled once per process)."""
    return Grammar(load_tables(language))


# Grammars of tables other than a language's own (a story's bounds for vague amounts), by the
# tables' identity: callers keep one Tables object per story (see pipeline.story_tables).
_OTHER_GRAMMARS: dict[int, tuple[Tables, Grammar]] = {}


def grammar_for(tables: Tables) -> Grammar:
    """The compiled grammar of ``tables`` (the language's own grammar when they are its own)."""
    if tables is load_tables(tables.language):
        return get_grammar(tables.language)
    found = _OTHER_GRAMMARS.get(id(tables))
    if found is None or found[0] is not tables:
        if len(_OTHER_GRAMMARS) >= 8:
            _OTHER_GRAMMARS.clear()
        found = _OTHER_GRAMMARS[id(tables)] = (tables, Grammar(tables))
    return found[1]


def extract(
    text: str,
    *,
    language: str = "en",
    events: Sequence[EventSpec] | EventMatcher | None = None,
    tables: Tables | None = None,
) -> list[Mention]:
    """Every time expression in ``text``, in order, without overlaps.

    With ``events`` (the story's events and their words), relations that TimeML does not
    tag are found too: "as Trump began his term", "after the inauguration". ``tables``
    (default: ``language``'s own) may carry a story's bounds for vague amounts.
    """
    if not isinstance(text, str):
        raise TextError(f"expected text (str), got {type(text).__name__}: {text!r:.80}")
    grammar = get_grammar(language) if tables is None else grammar_for(tables)
    candidates = list(grammar.candidates(text))
    if events is not None:
        matcher = events if isinstance(events, EventMatcher) else EventMatcher(events)
        priority = len(grammar.rules)
        candidates.extend((priority, m) for m in _event_relations(text, matcher, grammar.t))
    mentions = _drop_covered_relations(select(candidates))
    mentions = _merge_clock_with_day(text, mentions)
    return _trim_anchors(mentions)


def _drop_covered_relations(mentions: list[Mention]) -> list[Mention]:
    """"after the inauguration" inside "hours after the inauguration" is the same relation."""
    quoted = sorted((m.quote_start, m.quote_end) for m in mentions
                    if isinstance(m.spec, Relation) and m.spec.quantity is not None)
    if not quoted:
        return mentions
    starts = [start for start, _ in quoted]
    reach = list(itertools.accumulate((end for _, end in quoted), max))  # furthest end so far

    def covered(offset: int) -> bool:
        index = bisect.bisect_right(starts, offset) - 1
        return index >= 0 and reach[index] > offset

    return [m for m in mentions if not (m.rule == "event_relation" and covered(m.start))]


def _event_relations(text: str, matcher: EventMatcher, tables: Tables) -> list[Mention]:
    """"as Trump began his term", "after the inauguration": cue + a clause naming an event."""
    cues = {**{c: "same_time" for c in tables.simultaneity_cues},
            **{c: k for c, k in tables.relation_cues.items() if c not in ("later", "earlier")}}
    pattern = re.compile(
        r"(?<![\w])(?P<cue>" + alt(cues) + r")[ \t]+(?P<anchor>[^.,;:!?\n\"“”()]{1,120})",
        re.IGNORECASE,
    )
    found = []
    for match in pattern.finditer(text):
        anchor_start, anchor_end = match.span("anchor")
        named = matcher.find(text, anchor_start, anchor_end)
        if not named:
            continue
        # The anchor clause runs to the end of the first event phrase it names (plus the rest
        # of its verb group, "began his term"), not to the end of the sentence.
        anchor_end = named[0].end
        cue = " ".join(match["cue"].lower().split())
        kind = cues[cue]
        spec = Relation(kind=kind, quantity=None, cue=cue,  # type: ignore[arg-type]
                        anchor_text=text[anchor_start:anchor_end], anchor_start=anchor_start,
                        anchor_end=anchor_end)
        found.append(Mention(text[match.start():anchor_end], match.start(), anchor_end,
                             "event_relation", spec, None))
    return found


def _is_day(mention: Mention) -> bool:
    spec = mention.spec
    if isinstance(spec, Weekday):
        return spec.hour is None
    if isinstance(spec, Relative):
        return spec.unit == "day" and spec.hour is None
    if isinstance(spec, Calendar):
        return spec.day is not None and spec.hour is None
    return False


def _is_clock(mention: Mention) -> bool:
    spec = mention.spec
    return (isinstance(spec, Calendar) and spec.hour is not None and spec.day is None
            and spec.month is None and spec.year is None)


_JOIN = re.compile(r"[ \t]*(?:,[ \t]*)?(?:(?:on|at)[ \t]+)?$", re.IGNORECASE)


def _merge_clock_with_day(text: str, mentions: list[Mention]) -> list[Mention]:
    """"noon on Monday", "Tuesday at 3 p.m." are one TIME: the day's spec with the clock time."""
    merged: list[Mention] = []
    index = 0
    while index < len(mentions):
        current = mentions[index]
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if following is not None and following.start - current.end <= 6:
            gap = text[current.end:following.start]
            pair = ((current, following) if _is_clock(current) and _is_day(following)
                    else (following, current) if _is_day(current) and _is_clock(following) else None)
            if pair is not None and _JOIN.match(gap):
                clock, day = pair
                assert isinstance(clock.spec, Calendar)
                assert isinstance(day.spec, Weekday | Relative | Calendar)
                spec = replace(day.spec, hour=clock.spec.hour, minute=clock.spec.minute, zone=clock.spec.zone)
                merged.append(Mention(text[current.start:following.end], current.start, following.end,
                                      f"{day.rule}+clock", spec, "TIME"))
                index += 2
                continue
        merged.append(current)
        index += 1
    return merged


def _trim_anchors(mentions: list[Mention]) -> list[Mention]:
    """An anchor phrase stops where another time expression starts ("sworn in | yesterday")."""
    starts = [m.start for m in mentions]  # mentions come sorted by start
    trimmed = []
    for index, mention in enumerate(mentions):
        spec = mention.spec
        if isinstance(spec, Relation) and spec.anchor_end > spec.anchor_start:
            following = bisect.bisect_left(starts, spec.anchor_start)
            if following == index:
                following += 1  # never cut an anchor at its own relation
            if following < len(mentions) and starts[following] < spec.anchor_end:
                anchor = spec.anchor_text[: starts[following] - spec.anchor_start].rstrip()
                spec = replace(spec, anchor_text=anchor, anchor_end=spec.anchor_start + len(anchor))
                mention = replace(mention, spec=spec)
        trimmed.append(mention)
    return trimmed
