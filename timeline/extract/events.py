"""Which story event a time expression dates, and which event a relation is anchored to.

Rules (general, documented in the README):

1. Event mentions are the story's event words, matched as whole words, case-insensitively,
   longest phrase first.
2. A relation's anchor event is the event named inside its anchor phrase
   ("hours after *the inauguration*"); a relation whose anchor names no story event is
   reported unresolved.
3. The event a time expression dates is the nearest event mention in the same sentence,
   preferring one before it, never the relation's own anchor, and never across the start of a
   relative clause ("..., who criticised ... on the first day of his second term").
4. In the article's first sentence (the lede) an expression with no event in its sentence dates
   the story's subject event, when the story names one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import EventSpec, Mention, Relation
from .grammar import alt
from .tables import Tables

__all__ = ["Attachment", "EventMatcher", "EventMention", "sentence_spans"]


@dataclass(frozen=True)
class EventMention:
    event: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Attachment:
    """A mention with the event it dates and, for relations, the anchor event; or why not."""

    mention: Mention
    event: str | None
    anchor_event: str | None
    reason: str | None = None  # set when event (or a needed anchor) is missing


class EventMatcher:
    """Finds the story's events in text; built once per story."""

    def __init__(self, events: Sequence[EventSpec]) -> None:
        self.events = tuple(events)
        self.word_to_event: dict[str, str] = {}
        for spec in self.events:
            for word in spec.words:
                # The first event to claim a word keeps it; the story loader warns about clashes.
                self.word_to_event.setdefault(" ".join(word.lower().split()), spec.id)
        self.pattern = (
            re.compile(r"(?<![\w])" + alt(self.word_to_event) + r"(?![\w])", re.IGNORECASE)
            if self.word_to_event
            else None
        )

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[EventMention]:
        if self.pattern is None:
            return []
        stop = len(text) if end is None else end
        return [
            EventMention(self.word_to_event[" ".join(m.group().lower().split())], m.start(), m.end(), m.group())
            for m in self.pattern.finditer(text, start, stop)
        ]


_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])|\n+")


def sentence_spans(text: str, tables: Tables) -> list[tuple[int, int]]:
    """Sentence boundaries: a full stop before a capital, unless it ends an abbreviation; newlines."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group().startswith("."):
            word = re.search(r"([\w.]+)$", text[start:match.start()])
            if word and word.group(1).lower().rstrip(".") in tables.abbreviations:
                continue
        end = match.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def attach(
    text: str,
    mentions: Sequence[Mention],
    matcher: EventMatcher,
    tables: Tables,
    *,
    subject: str | None = None,
) -> list[Attachment]:
    """Tie every mention to the event it dates (see the module's rules)."""
    sentences = sentence_spans(text, tables)
    events = matcher.find(text)
    clause = re.compile(r",\s*" + alt(tables.clause_openers) + r"(?![\w])", re.IGNORECASE)
    anchor_spans = [(m.spec.anchor_start, m.spec.anchor_end) for m in mentions
                     if isinstance(m.spec, Relation) and m.spec.anchor_end > m.spec.anchor_start]
    attachments = []
    for mention in mentions:
        sentence_index, (s_start, s_end) = _sentence_of(sentences, mention.start)
        anchor_event: str | None = None
        anchor_span = (mention.start, mention.start)
        spec = mention.spec
        if isinstance(spec, Relation) and spec.anchor_end > spec.anchor_start:
            anchor_span = (spec.anchor_start, spec.anchor_end)
            in_anchor = [e for e in events if spec.anchor_start <= e.start and e.end <= spec.anchor_end]
            if in_anchor:
                anchor_event = in_anchor[0].event
        quote = (mention.quote_start, mention.quote_end)
        # Inside a relative clause ("..., who criticised ... on his first day") only events
        # named within the clause count, and the lede's subject does not stand in.
        openers = [m.end() for m in clause.finditer(text, s_start, mention.start)]
        region_start = openers[-1] if openers else s_start
        later_opener = clause.search(text, quote[1], s_end)
        region_end = later_opener.start() if later_opener else s_end
        pool = [
            e for e in events
            if region_start <= e.start < region_end
            and not (anchor_span[0] <= e.start < anchor_span[1])
            and not (quote[0] <= e.start < quote[1])
            and e.event != anchor_event
        ]
        # An event named right before the expression is the one it dates ("sworn in
        # yesterday"), even inside another relation's anchor; otherwise events that serve as
        # another relation's anchor ("a day after the inauguration, ... on Tuesday had a call")
        # are not what the expression dates.
        adjacent = [e for e in pool if e.end <= mention.start and not text[e.end:mention.start].strip()]
        pool = adjacent if adjacent else [e for e in pool if not any(a <= e.start < b for a, b in anchor_spans)]
        before = [e for e in pool if e.end <= mention.start]
        after = [e for e in pool if e.start >= quote[1]]
        dated: str | None = None
        reason: str | None = None
        if before:
            dated = max(before, key=lambda e: e.end).event
        elif after:
            dated = min(after, key=lambda e: e.start).event
        elif sentence_index == 0 and not openers and subject is not None and subject != anchor_event:
            dated = subject
        else:
            reason = "no event of the story is named in its sentence"
        if isinstance(spec, Relation) and not spec.anchor_text and dated is not None:
            # "Hours later", "the next day": counted from the last other event the text named,
            # in this sentence or the one before.
            window_start = sentences[sentence_index - 1][0] if 0 < sentence_index <= len(sentences) else s_start
            earlier = [e for e in events if window_start <= e.start and e.end <= mention.start and e.event != dated]
            if earlier:
                anchor_event = earlier[-1].event
        if isinstance(spec, Relation) and anchor_event is None and reason is None:
            reason = (
                f"its anchor {spec.anchor_text!r} names no event of the story"
                if spec.anchor_text
                else "it counts from an event that this sentence and the one before do not name"
            )
        attachments.append(Attachment(mention, dated, anchor_event, reason))
    return attachments


def _sentence_of(sentences: Sequence[tuple[int, int]], offset: int) -> tuple[int, tuple[int, int]]:
    for index, (start, end) in enumerate(sentences):
        if start <= offset < end:
            return index, (start, end)
    return len(sentences), (offset, offset + 1)
