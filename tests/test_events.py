"""Attachment: which story event a time expression dates, and a relation's anchor.

Each row names the rule it exercises (see timeline/extract/events.py).
"""

from __future__ import annotations

import pytest

from timeline.extract import EventMatcher, attach, extract, load_tables, sentence_spans
from timeline.model import EventSpec

EVENTS = (
    EventSpec("inauguration", "Trump sworn in", ("inauguration", "sworn in", "took office", "began his term",
                                                  "second term", "returned to the White House"), True),
    EventSpec("call", "Xi–Putin call", ("video call", "call", "video conference", "talks", "spoke",
                                        "phone conversation")),
)
TABLES = load_tables()


def attached(text: str, subject: str | None = "call") -> dict[str, tuple[str | None, str | None, str | None]]:
    matcher = EventMatcher(EVENTS)
    mentions = extract(text, events=matcher)
    return {a.mention.text: (a.event, a.anchor_event, a.reason)
            for a in attach(text, mentions, matcher, TABLES, subject=subject)}


@pytest.mark.parametrize(("rule", "text", "expression", "event", "anchor"), [
    ("nearest event before", "Putin waved during virtual talks on Tuesday.", "Tuesday", "call", None),
    ("relation anchor inside its phrase", "Xi held a video conference on Tuesday, hours after the inauguration.",
     "hours", "call", "inauguration"),
    ("adjacent event wins", "They had a video call hours after Trump was sworn in yesterday, pledging ties.",
     "yesterday", "inauguration", None),
    ("anchor of another relation is skipped",
     "A day after the inauguration of Trump, Putin and Xi on Tuesday had a phone conversation.",
     "Tuesday", "call", None),
    ("lede subject stands in", "Putin and Xi praised ties as Trump began his term.", "as Trump began his term",
     "call", "inauguration"),
    ("lede subject for a bare weekday", "Xi reaffirmed ties with Putin on Tuesday, as both face pressure.",
     "Tuesday", "call", None),
])
def test_attachment(rule: str, text: str, expression: str, event: str, anchor: str | None) -> None:
    found = attached(text)
    assert expression in found, (rule, found)
    assert found[expression][:2] == (event, anchor), rule


def test_relative_clause_blocks_attachment_and_subject() -> None:
    text = ("Xi reaffirmed ties with Putin on Tuesday, as the two face a US government led by Trump, "
            "who criticised the war on the first day of his second term as president.")
    found = attached(text)
    assert found["Tuesday"][0] == "call"
    event, anchor, reason = found["the first day"]
    assert event is None and anchor == "inauguration"
    assert reason == "no event of the story is named in its sentence"


def test_subject_only_in_the_lede() -> None:
    text = "Putin spoke with Xi.\nChina stood by Moscow after the invasion in 2022."
    event, _, reason = attached(text)["2022"]
    assert event is None and reason


def test_relation_whose_anchor_names_no_event_says_so() -> None:
    text = "The talks came hours after the storm hit the coast."
    event, anchor, reason = attached(text)["hours"]
    assert event == "call" and anchor is None
    assert reason is not None and "the storm hit the coast" in reason


def test_simultaneity_needs_an_event_in_its_clause() -> None:
    mentions = extract("Putin spoke as the two face pressure from Washington.", events=EVENTS)
    assert [m.rule for m in mentions] == []


def test_sentences_do_not_split_after_abbreviations() -> None:
    text = "Trump became the 47th U.S. president on Monday. Mr. Putin called Xi on Jan. 21. Then he left."
    spans = [text[a:b].strip() for a, b in sentence_spans(text, TABLES)]
    assert spans == ["Trump became the 47th U.S. president on Monday.", "Mr. Putin called Xi on Jan. 21.",
                     "Then he left."]


def test_the_47th_is_not_a_date() -> None:
    assert extract("Donald Trump was sworn in as the 47th U.S. president.") == []


@pytest.mark.parametrize(("text", "expression", "event", "anchor"), [
    ("Trump was sworn in at noon. Hours later, Putin spoke with Xi.", "Hours later", "call", "inauguration"),
    ("Trump was sworn in on Monday. The next day Putin had a call with Xi.", "The next day", "call", "inauguration"),
    ("Trump took office. It rained. Two days later the talks began.", "Two days later", "call", None),
])
def test_anaphoric_relations_count_from_the_event_named_just_before(
    text: str, expression: str, event: str, anchor: str | None
) -> None:
    dated, anchor_event, reason = attached(text, subject=None)[expression]
    assert (dated, anchor_event) == (event, anchor)
    assert (reason is None) == (anchor is not None)
