"""The English grammar of time expressions: patterns built from the word tables.

Each rule is a compiled pattern plus a builder that turns a match into a :class:`Mention`
(what the text says; no reference date is applied here). Overlapping candidates are settled
by :func:`select` (longest first, then the rule listed first), which does not depend on the
order matches were found in.

Scanning is indexed by heads: every rule names the words its matches must contain (month
names, digits, unit words, ...). Those are found in one pass over the lower-cased text, and a
rule's pattern is tried only at a head and at the starts of the few words before it. A text
without heads costs that one pass; a text full of them costs a bounded amount per head. Patterns avoid nested
quantifiers and unbounded look-arounds, so time grows linearly with text length, also on
adversarial input (long runs of digits or month names).
"""

from __future__ import annotations

import codecs
import functools
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import ParamSpec, TypeVar, cast

from .._positional import positional
from ..model import (
    Calendar,
    Duration,
    Mention,
    Quantity,
    Recurrence,
    Reference,
    Relation,
    Relative,
    Spec,
    Weekday,
    add_years,
)
from .tables import Tables

__all__ = ["ANAPHORIC_RULES", "Grammar", "Rule", "alt", "select", "trie"]

Built = "Mention | list[Mention] | None"
Builder = Callable[[re.Match[str]], "Mention | list[Mention] | None"]

B = r"(?<![\w])"  # word start
E = r"(?![\w])"  # word end
S = r"[ \t]+"  # spaces inside an expression (never a newline: expressions do not cross lines)

# Rules whose mentions count from the time last spoken of in the text (TimeML's anchor), not
# from the publication date: the tagger resolves them against the latest date before them.
ANAPHORIC_RULES = frozenset({"anaphoric_unit", "anaphoric_time", "the_day", "later", "month_of_that_year",
                             "edge_anaphoric"})

# How far back (characters) the words before a head are looked for.
_REACH_CHARS = 40
_TOKEN = re.compile(r"(?<![\w'’])[\w'’]+")
# The same on ASCII text (most news): ASCII word tests are a table look-up, Unicode ones are not.
_TOKEN_ASCII = re.compile(r"(?<![\w'])[\w']+", re.ASCII)
APOSTROPHE = "#apostrophe"
# The last word before an offset, matched on the reversed text before it: the engine has no
# backward search, and a forward one tries every position of the window. Read forwards, it is
# what r"([\w'’]+)[^\w\n]*$" finds (a newline right before the offset is skipped, one elsewhere
# ends the search): the word run nearest the offset, whole, with apostrophes that follow it.
_WORD_BEFORE_REVERSED = re.compile(r"\n?[^\w\n]*(?<![\w'’])([\w'’]+)")
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
_OF_AFTER = re.compile(r"[ \t]+of[ \t]")
_FALL_AS_NOUN = re.compile(r"[ \t]+(?:in|of|from|to|by)(?![\w])", re.IGNORECASE)  # "every fall in prices"
_WORD_AFTER = re.compile(r"[ \t]+([a-zA-Z]+)")
_THE_DAY_AFTER = re.compile(r"[ \t]+(?:after|before|following|of[ \t]+(?:his|her|their|its))(?![\w])", re.IGNORECASE)
_TIME_AFTER = re.compile(r"[ \t]*(?:being|-)")
_HOURS_WORD = re.compile(r"h|hours|hrs")
_LEADING_NUMBER = re.compile(r"\d+")
_DAY_OR_YEAR_AFTER = re.compile(
    r"[ \t]*(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w,.:/]|,\d)|,?[ \t]*(?:1\d|20)\d\d(?!\d))")
# The words a quantity's TIMEX3 extent leaves out when it starts with them, each with the groups
# that may follow it (the extent starts at the first that took part).
_EXTENT_AFTER = (("approx", ("intens", "qdet", "count", "vcount", "vadj", "vunit")),
                 ("intens", ("qdet", "count", "vcount", "vadj", "vunit")))
_TRIMMED_ENDS = (" ", "\t", ".")  # the last characters _mention may take off a span
_WORD_DOT_END = re.compile(r"(?<![.\w])[A-Za-z]{2,}\.$")


def alt(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any run of blanks.

    Written as a trie: where several phrases match, the longest is still tried first (they share
    a prefix, and the longer one is the greedy branch), but the engine follows one branch per
    character instead of trying every phrase in turn.
    """
    return _alt(tuple(words))


@functools.lru_cache(maxsize=256)
def _alt(words: tuple[str, ...]) -> str:
    # Kept: some callers build their pattern on every call, and a trie costs more than a join.
    return "(?:" + trie(words, blank=S) + ")"


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern, the head words every match contains, and how many words may precede the head.

    The pattern is matched at a head and at the starts of up to ``reach`` words before it
    (on the same line) that can begin a match (``lead``); the earliest start whose match
    covers the head and is accepted by the builder wins. ``gate`` (matched at the head) and
    ``before`` (searched in the few characters before it) are cheap tests that skip heads
    the pattern cannot use; both are written in lower case and run on the lower-cased text,
    without IGNORECASE, which makes the engine lower-case every character it compares.
    """

    name: str
    pattern: re.Pattern[str]
    build: Builder
    heads: frozenset[str] = frozenset()  # lower-case head words, or DIGITS
    reach: int = 0
    gate: re.Pattern[str] | None = None
    before: re.Pattern[str] | None = None
    lead: frozenset[str] = frozenset()  # words a match may start with before its head (DIGITS: a number)


DIGITS = "#digits"
# A rule as the scan uses it, its parts taken out once: name, pattern.match, build,
# before.search or None, reach and lead.
_Step = tuple[str, Callable[[str, int], "re.Match[str] | None"], Builder,
              Callable[[str, int, int], "re.Match[str] | None"] | None, int, frozenset[str]]
_ASCII_LOWER = str.maketrans({c: c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})


class _Plan:
    """How the scan treats one head word: the gates of the rules it serves, matched at once (one
    optional, empty group per gate says which passed), and for each outcome of the gates the
    rules still worth trying, worked out the first time the outcome is met (at most one per
    subset of the gates)."""

    __slots__ = ("_gate_groups", "by_outcome", "gates", "steps")

    def __init__(self, gates: re.Pattern[str] | None, rules: Sequence[Rule]) -> None:
        self.gates = gates
        self.steps: tuple[_Step, ...] = tuple(
            (r.name, r.pattern.match, r.build, r.before.search if r.before is not None else None, r.reach, r.lead)
            for r in rules)
        self._gate_groups = tuple(gates.groupindex[r.name] if gates is not None and r.gate is not None else 0
                                  for r in rules)
        self.by_outcome: dict[tuple[str | None, ...], tuple[_Step, ...]] = {}

    def after(self, outcome: tuple[str | None, ...]) -> tuple[_Step, ...]:
        """The steps whose rule has no gate or a gate that passed (``outcome``: the gates' groups)."""
        steps = self.by_outcome[outcome] = tuple(
            step for step, group in zip(self.steps, self._gate_groups, strict=True)
            if not group or outcome[group - 1] is not None)
        return steps


# The head scan reads a copy of the lower-cased text in which every character that is not a word
# character is a space and every other character is ASCII: the engine then jumps from space to
# space (a literal it finds fast) instead of testing each character against a class. The copy is
# made as bytes (bytes.translate is a table look-up per byte; str.translate is several times slower).
_SEPARATORS = bytes(code if chr(code).isalnum() or chr(code) == "_" else 32 for code in range(128)) + bytes(128)


class _Placeholders(dict[str, str]):
    """An ASCII stand-in of the same class for each character outside ASCII: a decimal digit is
    "0", another word character "A", anything else a space. Filled in as characters are met."""

    def __missing__(self, char: str) -> str:
        found = self[char] = "0" if char.isdecimal() else "A" if char.isalnum() else " "
        return found


_PLACEHOLDERS = _Placeholders()


def _ascii_placeholders(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "".join([_PLACEHOLDERS[char] for char in error.object[error.start:error.end]]), error.end


codecs.register_error("timeline.heads", _ascii_placeholders)


class _FirstCharKind(dict[str, str]):
    """What a word's first character makes it in a lead set: DIGITS ("20th"), APOSTROPHE ("'82")
    or "" (the word stands for itself). Filled in as characters are met."""

    def __missing__(self, char: str) -> str:
        kind = self[char] = DIGITS if char.isdigit() else APOSTROPHE if char in "'’" else ""
        return kind


_KIND = _FirstCharKind()


def trie(words: Iterable[str], blank: str | None = None) -> str:
    """A regex matching any of ``words``, factored as a trie so the engine follows one branch.

    Longer words are tried before their prefixes; ``blank`` (a pattern) stands for each space.
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        branches: list[str] = [(blank if char == " " and blank else re.escape(char)) + emit(child)
                               for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if "" in node:  # a word ends here: try the longer ones first, then stop ("|", not "?": cheaper)
            branches.append("")
        elif len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(root)


def _letters(pattern: str) -> str:
    """A pattern without its escapes (``\\D`` is not an upper-case letter)."""
    return re.sub(r"\\.", "", pattern)


def _norm(text: str) -> str:
    lower = text.lower()
    return lower if lower.isalpha() else " ".join(lower.split())  # one word: nothing to collapse


def _opt(match: re.Match[str], group: str) -> str | None:
    """The text of ``group``, or None when it did not take part or the pattern has no such group.

    (``match.groupdict().get(group)`` without building the dictionary of every group.)
    """
    return match[group] if group in match.re.groupindex else None


class Grammar:
    """All rules of one language, compiled once (see :func:`timeline.extract.get_grammar`)."""

    def __init__(self, tables: Tables) -> None:
        self.t = tables
        t = tables
        months_full = [m for m in t.months if len(m) > 3 and m not in ("sept",)]
        months_abbr = [m for m in t.months if m not in months_full]
        self.MONTH = "(?:" + alt(months_full) + "|" + alt(months_abbr) + r"\.?)"
        weekdays_full = [w for w in t.weekdays if w.endswith("day")]
        weekdays_abbr = [w for w in t.weekdays if not w.endswith("day")]
        self.WEEKDAY = "(?:" + alt(weekdays_full) + "|" + alt(weekdays_abbr) + r"\.?)"
        self.WEEKDAY_FULL = alt(weekdays_full)
        number_words = [w for w in t.numbers if w not in ("a", "an")]
        word_number = alt(number_words)
        half = r"(?:[ \t]+and[ \t]+(?:an?[ \t]+)?half)?"
        self.NUMBER = (rf"(?:\d{{1,4}}(?:[.,]\d{{1,2}})?{half}|{word_number}(?:[ \t-]{word_number})?{half}"
                       rf"|an?(?=[ \t-]))")
        self.UNIT = alt(t.units)
        self.PLURAL_UNIT = alt(w for w in t.units if w.endswith("s") and w not in ("hrs", "secs", "mins"))
        self.APPROX = alt(t.approximators)
        self.VAGUE_COUNT = alt(t.vague_counts)
        self.INTENSIFIER = alt(t.intensifiers)
        self.ZONE = alt(t.zones)
        self.ORDINAL = alt(t.ordinals)
        self.YEAR = r"(?:1[0-9]\d\d|20\d\d)"
        self.DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
        self.PART = alt(t.parts_of_day)
        self.SHIFT = alt(t.shift_words)
        self.ANAPHORIC = alt(t.anaphoric_shifts)
        self.EDGE = alt(t.edge_modifiers)
        self.SEASON = alt(t.seasons)
        self._month_end = re.compile(r"(?<![\w.])" + self.MONTH + r"$", re.IGNORECASE)
        self._name_link = re.compile(r"[ \t]+(?:to|on|of|from)[ \t]+(?:the[ \t]+)?[A-Z]")
        self._month_link = re.compile(r"[ \t]+(?:to|from)[ \t]+" + self.MONTH + E, re.IGNORECASE)
        # An amount counted per unit of time, ending where "a year" starts: a number (with a scale
        # word) and at most two words or a bracket after it ("$1 billion", "20 miles (32 km)").
        counted = alt(w for w in t.numbers if t.numbers[w] > 1)
        self._amount_before = re.compile(
            rf"(?P<num>[$£€]?\d[\d,.]*|(?<![\w]){counted})(?:[ \t]+{alt(t.amount_words)})?(?![\w])"
            rf"(?P<words>(?:[ \t]+(?:\([^()\n]{{1,24}}\)|[\"“”‘’']?[^\W\d][\w'’-]*[\"“”‘’']?)){{0,2}})[ \t]*$",
            re.IGNORECASE)
        self.ADJ = alt(t.duration_adjectives)
        # Every dot of an era is optional ("B.C", "BC.", "B.C.E"): its value is looked up without them.
        self.ERA = "(?:" + "|".join(re.escape(e).replace(r"\.", r"\.?") for e in
                                    sorted(t.eras, key=lambda e: (-len(e), e))) + ")"
        self._era_values = {era.replace(".", ""): value for era, value in t.eras.items()}
        # Head words: one search over the lower-cased text for all of them (see the module docstring).
        self.unit_words = frozenset(t.units) | {"weekend", "time", "period", "morning", "afternoon", "evening",
                                                "night", "half", "midday", "overnight"}
        self.word_heads: dict[str, frozenset[str]] = {}
        for name, table in (("relative_days", t.relative_days), ("references", t.references),
                            ("frequencies", t.frequencies), ("clock_words", t.clock_words),
                            ("period_adjectives", t.period_adjectives), ("holidays", t.holidays)):
            self.word_heads[name] = frozenset(phrase.split()[-1].split("-")[-1] for phrase in table)
        # "on Mondays": a weekday in the plural is every such day (a SET)
        self.plural_weekdays = frozenset(w + "s" for w in t.weekdays if w.endswith("day"))
        all_words = (set(t.months) | set(t.weekdays) | self.plural_weekdays | self.unit_words | set(t.seasons)
                     | {"ago", "q1", "q2", "q3", "q4", "ad"})
        for words in self.word_heads.values():
            all_words |= words
        if any(not word[:1].isalpha() for word in all_words):
            raise ValueError("head words must start with a letter: a digit run is the DIGITS head")
        self.head_pattern = re.compile("(?:" + trie(sorted(all_words)) + r")(?!\w)")  # a whole word
        # Heads are found in one pass over the text with its separators made spaces (see
        # _SEPARATORS): a word head or a number of up to four digits, at the start or after a
        # space (a number not after "." or ",": not the tail of "30,441" or "1.5").
        # ("[0-9][0-9]{0,3}": an alternative that begins with a class is skipped at a glance)
        heads = rf"(?:({self.head_pattern.pattern})|[0-9][0-9]{{0,3}}(?![0-9]))"
        self._head_at_start = re.compile(heads)
        self._head_after_space = re.compile(" " + heads)
        self.rules = self._rules()
        # The rule a match came from, by its pattern's text (a compiled pattern hashes its whole
        # program on every lookup; the text's hash is cached): builders name their mentions with it.
        self._rule_names: dict[str, str] = {}
        # The patterns whose group "t" is the TIMEX extent when it matches.
        self._spans_t = frozenset(r.pattern.pattern for r in self.rules if "t" in r.pattern.groupindex)
        for rule in self.rules:
            named = self._rule_names.setdefault(rule.pattern.pattern, rule.name)
            if named != rule.name:
                raise ValueError(f"rules {named} and {rule.name} have the same pattern")
        # For each head word, its plan (see _Plan): the gates of the rules it serves in one pattern
        # of optional look-aheads, each followed by an empty group ("(?:(?=...)()|)" rather than
        # "(?=...)?", which the engine runs as a repeat).
        by_head: dict[str, list[Rule]] = {}
        for rule in self.rules:
            for word in rule.heads:
                by_head.setdefault(word, []).append(rule)
        gate_sets: dict[tuple[str, ...], re.Pattern[str] | None] = {}
        self._plans: dict[str, _Plan] = {}
        for word, served in by_head.items():
            gated = [r for r in served if r.gate is not None]
            names = tuple(r.name for r in gated)
            if names not in gate_sets:
                gate_sets[names] = re.compile("".join(
                    f"(?:(?={r.gate.pattern})(?P<{r.name}>)|)" for r in gated)) if gated else None  # type: ignore[union-attr]
            self._plans[word] = _Plan(gate_sets[names], served)

    # ------------------------------------------------------------------ helpers

    def number(self, text: str) -> float | None:
        text = _norm(text)
        if not text:
            return None
        extra = 0.0
        if text.endswith("half") and " and " in text:
            text = text[: text.index(" and ")]
            extra = 0.5
        if text[0].isdigit():
            return float(text.replace(",", ".")) + extra
        total = 0.0
        for part in text.replace("-", " ").split():
            value = self.t.numbers.get(part)
            if value is None:
                return None
            total += value
        return total + extra

    def month(self, text: str) -> int:
        return self.t.months[_norm(text).rstrip(".")]

    def weekday(self, text: str) -> int:
        return self.t.weekdays[_norm(text).rstrip(".")]

    @staticmethod
    def _capitalised(text: str) -> bool:
        return text[:1].isupper()

    def _zone(self, match: re.Match[str]) -> str | None:
        zone = _opt(match, "zone")
        if not zone:
            return None
        for phrase in self.t.zones:
            if _norm(phrase) == _norm(zone):
                zone = phrase
                break
        sign = _opt(match, "off")
        if sign:
            hours = int(match["offh"])
            minutes = int(match["offm"] or 0)
            return f"UTC{'-' if sign in '-−' else '+'}{hours:02d}:{minutes:02d}"
        return zone

    def _era(self, text: str | None) -> int:
        if not text:
            return 1
        return self._era_values.get(text.lower().replace(".", ""), 1)

    @staticmethod
    def _word_before(text: str, start: int) -> str:
        """The word right before ``start`` on the same line (lower case), or ''."""
        return _word_before(text, start).lower()

    @staticmethod
    def _sentence_start(text: str, start: int) -> bool:
        """Whether only punctuation, quotes or a line break stand between ``start`` and the sentence start."""
        before = text[max(0, start - 4):start]
        stripped = before.rstrip(" \t\"'“‘`(")
        return not stripped or stripped[-1] in ".!?\n:;"

    # ------------------------------------------------------------------ rules

    def _rules(self) -> list[Rule]:
        m, wd, y, d = self.MONTH, self.WEEKDAY, self.YEAR, self.DAYNUM
        clock = (
            rf"(?P<clock>(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?[ \t]*"
            rf"(?P<ampm>[ap]\.?[ \t]?m\.?(?![\w])|[AP]M{E})"
            rf"|(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?:[ \t]*h(?:rs|ours)?)?{E}"
            rf"|(?P<hourm>[01]\d|2[0-3])(?P<minutem>[0-5]\d)(?:[ \t]*h(?:rs|ours)?{E}|(?=[ \t]*(?:UTC|GMT|Z){E}))"
            rf"|(?P<word>{alt(self.t.clock_words)}){E})"
        )
        zone = (rf"(?:[ \t]*\(?[ \t]*(?P<zone>{self.ZONE}){E}"
                rf"(?:[ \t]*(?P<off>[-+−])[ \t]*(?P<offh>1[0-4]|0?\d)(?::?(?P<offm>[0-5]\d))?)?[ \t]*\)?)?")
        weekday_prefix = rf"(?:(?P<wd>{wd}){E}[ \t]*,?[ \t]*)?"
        sep = r"[ \t]*,?[ \t]*"
        the_shift = rf"(?:(?P<qdet>the|these|those){S}(?P<qshift>next|past|last|first|final|previous|following|" \
                    rf"coming|preceding|remaining|same|ensuing|subsequent){S})"
        quantity = (
            rf"(?:(?P<approx>{self.APPROX}){S})?(?:(?P<intens>{self.INTENSIFIER}){S})?{the_shift}?"
            rf"(?:(?P<count>{self.NUMBER})(?:[ \t]+|-)(?:(?P<adj>{self.ADJ}){S})?(?P<unit>{self.UNIT})"
            rf"(?P<suffix>-long|-old|{S}old|{S}of{S}age)?{E}"
            rf"|(?:(?P<vcount>{self.VAGUE_COUNT}){S})?(?:(?P<vadj>{self.ADJ}){S})?(?P<vunit>{self.PLURAL_UNIT})"
            rf"(?P<vsuffix>-long)?{E})"
        )
        cue = alt(c for c in self.t.relation_cues if c not in ("later", "earlier"))
        anchor = r"(?P<anchor>(?:[^.,;:!?\n\"“”()]|\.(?=\w)){1,120})"
        that_year = r"(?P<yref>that|the[ \t]+same|the[ \t]+following|the[ \t]+previous|the[ \t]+next)[ \t]+year"
        shift_year = r"(?P<yshift>next|last|this)[ \t]+year"
        range_sep = r"[ \t]*(?:-|–|—|to|and|or|through|until|till)[ \t]*"
        # (the night of) May 3, 3 May 1904, 3(-4 May), May 3(-4, 1904): the first day of a range takes the month
        # and year written after the second ("sd3", "smo3", "sy3", read through a look-ahead)
        date_sub = (rf"(?:(?P<swd>{wd}){E}[ \t]*,?[ \t]*)?(?:(?P<smo>{m})[ \t]*(?P<sd>{d})|(?P<sd2>{d})(?:[ \t]+"
                    rf"(?:of[ \t]+)?(?P<smo2>{m}))?){E}(?:(?={range_sep}(?:the[ \t]+)?(?P<sd3>{d})(?:[ \t]+"
                    rf"(?:of[ \t]+)?(?P<smo3>{m}))?{E}(?:{sep}(?P<sy3>{y}){E})?)|)(?:{sep}(?P<sy>{y}){E})?")
        # The year written once, after the second part of a range, read by the first part through a look-ahead
        # (the first part's own match, and so its extent, ends where it did): "ry" and its era "rera".
        # A year of four digits, or a shorter one with an era after it ("479 BC"; "June 30" is a day).
        y_era = rf"{y}|\d{{1,3}}(?=[ \t]*{self.ERA}(?![\w]))"
        range_year = (rf"(?:of[ \t]+)?(?P<ry>{y_era}){E}"
                      rf"(?:[ \t]*(?P<rera>{self.ERA})(?![\w]))?")
        era = rf"(?P<era>{self.ERA})(?![\w])"
        era_words = r"(?:bce|bc|b\.c|ad|a\.d|ce|c\.e)(?![\w])"  # an era, for gates (on lower-cased text)
        months, weekdays, units = frozenset(self.t.months), frozenset(self.t.weekdays), frozenset(self.t.units)
        words = self.word_heads
        digits = frozenset({DIGITS})
        day_units = frozenset({"day", "night", "morning", "afternoon", "evening", "week", "weekend", "month", "year",
                               "decade", "century"})
        parts = frozenset(self.t.parts_of_day)
        rules: list[Rule] = []
        self.priority: dict[str, int] = {}
        tb = self.t

        def first(phrases: Iterable[str]) -> set[str]:
            return {p.split()[0].split("-")[0].lower() for p in phrases}

        edge, shift, ana = first(tb.edge_modifiers), set(tb.shift_words), set(tb.anaphoric_shifts)
        ordinals, number_words = set(tb.ordinals), set(tb.numbers)
        quantity_lead = (first(tb.approximators) | set(tb.intensifiers) | first(tb.vague_counts) | number_words
                         | set(tb.duration_adjectives) | {"the", "these", "those", "a", "an", DIGITS})
        leads: dict[str, set[str]] = {
            "month_day_year": set(tb.weekdays), "day_month_year": set(tb.weekdays) | {"the", DIGITS},
            "day_range_first": {"the"}, "month_range_first": edge, "month_year": edge, "month_of_that_year": edge,
            "edge_year": edge, "month_name": shift | edge | {"the", "every", "each"}, "week_of_month": {"the"},
            "decade": {"the", APOSTROPHE} | edge, "century": {"the", DIGITS} | edge | ordinals,
            "short_year": {APOSTROPHE}, "era_year": {"ca", "c", "circa", "ad", "a"},
            "quarter": {"the", DIGITS} | ordinals, "season": {"the", "every", "each"} | shift | edge | ana,
            "relative_day": {"earlier", "later", "early", "late"} | first(tb.relative_days),
            "relative_unit": edge | shift | {"the"}, "anaphoric_unit": {"early", "late", "the", "that"} | ana,
            "edge_unit": {"earlier", "later", "early", "late"} | edge, "same_period": {"the"},
            "quantity": quantity_lead, "day_relation": {"the"}, "nth_day_of": {"the"},
            "part_of_date": {"early", "late", "the"} | set(tb.parts_of_day), "weekday": {"last", "next", "this",
                                                                                      "coming", "past"},
            "clock_time": {"at"}, "the_day": {"the"}, "anaphoric_time": {"the", "that", "this", "these", "those"},
            "vague_span": {"over", "the", "these", "those", "recent", "coming", "past", "following", "intervening",
                           "previous", "last", "next", "ensuing", "subsequent", "few", "several", "many"},
            "set_every": {"every", "each", "per"}, "slash_rate": {DIGITS},
            "set_rate": {"once", "twice", "thrice", "a", "an", "per", DIGITS} | number_words,
            "holiday": first(tb.holidays), "reference": first(tb.references),
        }

        def rule(name: str, heads: Iterable[str], reach: int, pattern: str, build: Builder,
                 gate: str | None = None, before: str | None = None, also: Iterable[str] = ()) -> None:
            for test in (gate, before):
                if test and _letters(test) != _letters(test).lower():
                    raise ValueError(f"rule {name}: {test!r} is matched on lower-cased text, so it must be lower case")
            rules.append(Rule(name, re.compile(pattern, re.IGNORECASE), build, frozenset(heads), reach,
                              re.compile(gate) if gate else None, re.compile(before + "$") if before else None,
                              frozenset(leads.get(name, ()))))
            for label in (name, *also):
                self.priority.setdefault(label, len(rules) - 1)

        # A gate starts at its head, a whole word: giving back letters never helps (and retries the rest per letter).
        month_word = r"[a-z]++\.?"
        # 2025-01-21, 2025-01-21T14:03
        rule("iso_date", digits, 0,
             rf"{B}(?P<y>{y})-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
             rf"(?:T(?P<hour24>[01]\d|2[0-3]):(?P<minute24>[0-5]\d))?{E}", self._iso_date, gate=r"\d{4}-\d\d-\d\d")
        # 01/21/2025, 21.01.2025
        rule("numeric_date", digits, 0, rf"{B}(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>{y}|\d\d){E}",
             self._numeric_date, gate=r"\d{1,2}+[/.]\d{1,2}[/.]\d")
        # November 8-9, 1918: two dates
        rule("month_day_range", months, 0,
             rf"{B}(?P<mo>{m})[ \t]*(?P<d>{d})[ \t]*(?:-|–|—|to|and)[ \t]*(?P<d2>{d}){E}(?:{sep}(?P<y>{y}){E})?",
             self._month_day_range, gate=rf"{month_word}[ \t]*\d{{1,2}}(?:st|nd|rd|th)?[ \t]*(?:-|–|—|to|and)")
        # Tuesday, January 21, 2025 / Jan. 21 / January 21st , 2008 / July 25 of that year / May 15 (to August 16,
        # 1988), March 12 (to April 2008): the first date of a range takes the year written after the second
        rule("month_day_year", months, 2,
             rf"{B}{weekday_prefix}(?P<mo>{m})[ \t]*(?:the[ \t]+)?(?P<d>{d}){E}"
             rf"(?:{sep}(?P<y>{y_era}){E}(?:[ \t]*(?P<era>{self.ERA})(?![\w]))?|[ \t]+of[ \t]+{that_year}{E}"
             rf"|(?={range_sep}(?:{wd}{E}[ \t]*,?[ \t]*)?(?P<mo2>{m})(?:[ \t]*{d})?{E}{sep}{range_year}))?",
             self._month_day, gate=rf"{month_word}[ \t]*(?:the[ \t]+)?\d")
        # Tuesday 21 January 2025 / the 21st of January / 21 July of that year / 26 June (- 4 August 1952)
        # (see month_day_year)
        rule("day_month_year", months, 5,
             rf"{B}{weekday_prefix}(?:the[ \t]+)?(?P<d>{d})[ \t]+(?:of[ \t]+)?(?P<mo>{m}){E}"
             rf"(?:{sep}(?P<y>{y_era}){E}(?:[ \t]*(?P<era>{self.ERA})(?![\w]))?|[ \t]+of[ \t]+{that_year}{E}"
             rf"|(?={range_sep}(?:{wd}{E}[ \t]*,?[ \t]*)?(?:(?:the[ \t]+)?{d}[ \t]+(?:of[ \t]+)?)?(?P<mo2>{m}){E}{sep}"
             rf"{range_year}))?",
             self._month_day, before=r"\d(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?")
        # 6-7 January 1916, from 15 to 22 February: the first day takes the month after it (and is the earlier
        # day: "26 - 4 August" is a score or a list, not a range)
        rule("day_range_first", digits, 1,
             rf"{B}(?:the[ \t]+)?(?P<d>{d})(?={range_sep}(?:the[ \t]+)?(?P<d2>{d})[ \t]+(?:of[ \t]+)?(?P<mo>{m}){E}"
             rf"(?:{sep}(?P<y>{y}){E})?)", self._day_range_first,
             gate=r"\d{1,2}+(?:st|nd|rd|th)?[ \t]*+(?:-|–|—|to|and|or)[ \t]*+(?:the[ \t]+)?\d")
        # May-August 1950, between March and April 1918, August/September 1956: the first month takes the year
        # after it (the year before when the range crosses a new year: December-February 1950)
        rule("month_range_first", months, 3,
             rf"{B}(?:(?P<edge>{self.EDGE})[ \t-]+)?(?P<mo>{m}){E}(?=(?:{range_sep}|/)(?:{self.EDGE}[ \t-]+)?"
             rf"(?P<mo2>{m}){sep}{range_year})", self._month_year,
             gate=rf"{month_word}[ \t]*(?:[-–—/]|(?:to|and|or|through|until|till)[ \t])")
        # January 2025, early March 2008, February of 1940, June 479 BC
        rule("month_year", months, 4,
             rf"{B}(?:(?P<edge>{self.EDGE})[ \t-]+)?(?P<mo>{m}){sep}(?:of[ \t]+)?"
             rf"(?P<y>{y_era}){E}(?:[ \t]*{era})?", self._month_year,
             gate=rf"{month_word}[ \t]*+,?[ \t]*+(?:of[ \t]+)?(?:\d{{4}}|\d{{1,3}}+[ \t]*+{era_words})")
        # August of that year, October of next year
        rule("month_of_that_year", months, 4,
             rf"{B}(?:(?P<edge>{self.EDGE})[ \t-]+)?(?P<mo>{m})[ \t]+of[ \t]+(?:{that_year}|{shift_year}){E}",
             self._month_year, gate=rf"{month_word}[ \t]+of[ \t]+(?:that|the|next|last|this)[ \t]")
        # mid-2008, late 2008, early in 1914, the end of 1958
        rule("edge_year", digits, 4,
             rf"{B}(?P<edge>{self.EDGE})[ \t-]+(?P<y>{y}){E}(?:[ \t]*(?P<era>{self.ERA})(?![\w]))?",
             self._month_year, gate=r"(?:1\d|20)\d\d(?!\d)", before=r"[a-z][ \t-]+")
        # (in) March, last March, early March, the end of May; not "March 12" or "March 2008", where a
        # longer date holds the month (month_day_year, month_year): the engine rejects those itself.
        rule("month_name", months, 4,
             rf"{B}(?:(?P<shift>{self.SHIFT}|{self.EDGE}|the[ \t]+(?:previous|following|same))[ \t-]+"
             rf"|(?P<every>every|each)[ \t]+)?"
             rf"(?>(?P<mo>{m}){E})(?!(?-i:{_DAY_OR_YEAR_AFTER.pattern}))", self._month_alone)
        # the last week of March (2009)
        rule("week_of_month", {"week"}, 3,
             rf"{B}the[ \t]+(?P<ord>{self.ORDINAL})[ \t]+week[ \t]+of[ \t]+(?P<mo>{m}){E}(?:{sep}(?P<y>{y}){E})?",
             self._week_of_month, gate=r"week[ \t]+of[ \t]")
        # the 1990s, the '90s, 70s, the 470s BC
        rule("decade", digits, 4,
             rf"{B}(?:(?P<the>the)[ \t]+)?(?:(?P<edge>{self.EDGE})[ \t-]+)?(?P<apos>['’])?(?P<dec>\d{{1,3}})0['’]?s{E}"
             rf"(?:[ \t]*(?P<era>{self.ERA})(?![\w]))?", self._decade, gate=r"\d{1,3}0['’]?s(?![\w])")
        # the 19th century, the nineteenth century, eighteenth-century, the 4th century BC
        rule("century", {"century"}, 4,
             rf"{B}(?:(?P<the>the)[ \t]+)?(?:(?P<edge>{self.EDGE}|early|late|mid)[ \t-]+)?"
             rf"(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{self.ORDINAL})[ \t-]+century{E}"
             rf"(?:[ \t]*(?P<era>{self.ERA})(?![\w]))?", self._century)
        # '82, '99: a year in two digits
        rule("short_year", digits, 1, r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’])", self._short_year,
             gate=r"(?<=['’])\d\d(?![\w'’])")
        # 480 BC, ca. 466 BC, AD 79, 146 B.C., A.D. 79, A.D 79 (the year is the head there: "a.d" is no word)
        era_gate = rf"\d{{1,4}}+[ \t]*+{era_words}"
        rule("era_year", digits | {"ad"}, 2,
             rf"{B}(?:(?P<approx>ca\.|c\.|circa)[ \t]*)?(?:(?P<era0>AD|A\.D\.?)[ \t]*)?(?P<y>\d{{1,4}})"
             rf"(?:[ \t]*{era})?", self._era_year,
             gate=rf"{era_gate}|ad[ \t]*\d|(?<=a\.d\.[ \t])\d|(?<=a\.d[ \t])\d")
        # 264 to 241 BC, 490-479 BC: the first year takes the era after it
        rule("era_range_first", digits, 0,
             rf"{B}(?P<y>\d{{1,4}})(?=[ \t]*(?:-|–|—|to|and)[ \t]*\d{{1,4}}[ \t]*{era})", self._era_year,
             gate=r"\d{1,4}+[ \t]*+(?:-|–|—|to|and)[ \t]*+\d{1,4}+[ \t]*+(?:bc|b\.c)")
        # 1955-1963, 1914–18: two years
        rule("year_range", digits, 0,
             rf"(?<![\w$£€.,:/#-])(?P<y>{y})[ \t]*[-–—][ \t]*(?P<y2>{y}|\d\d)(?![\w%]|[.,]\d|-\d)",
             self._year_range, gate=r"\d{4}[ \t]*+[-–—][ \t]*+\d\d")
        # the first quarter (of 2008), third-quarter, Q3 2008, the second half of 2008
        rule("quarter", {"quarter", "half"}, 3,
             rf"{B}(?:the[ \t]+)?(?P<ord>{self.ORDINAL}|[1-4](?:st|nd|rd|th))[ \t-]+"
             rf"(?P<part>quarter|half){E}(?:[ \t]+of[ \t]+(?:(?:the[ \t]+)?(?:fiscal[ \t]+)?(?P<y>{y})|"
             rf"(?:the[ \t]+)?(?P<shift>{self.SHIFT}|{self.ANAPHORIC})[ \t]+(?:fiscal[ \t]+)?year){E})?",
             self._quarter)
        rule("q_quarter", {"q1", "q2", "q3", "q4"}, 0, rf"{B}Q(?P<ord>[1-4])[ \t]*(?P<y>{y})?{E}", self._quarter)
        # spring 2008, last summer, the winter, the spring of 1916, autumn of 481 BC, the spring (and summer of 1979)
        rule("season", frozenset(self.t.seasons), 4,
             rf"{B}(?:(?P<the>the)[ \t]+)?(?:(?P<shift>{self.SHIFT}|{self.EDGE}|{self.ANAPHORIC})[ \t-]+"
             rf"|(?P<every>every|each)[ \t]+)?"
             rf"(?P<season>{self.SEASON}){E}"
             rf"(?:[ \t]+(?:of[ \t]+)?(?:(?P<y>{y}|\d{{1,3}}(?=[ \t]*{self.ERA}))(?:[ \t]*(?P<era>{self.ERA})(?![\w]))?"
             rf"|{that_year}|{shift_year}){E}"
             rf"|(?={range_sep}(?:the[ \t]+)?(?:{self.EDGE}[ \t-]+)?{self.SEASON}[ \t]+{range_year}))?",
             self._season)
        # yesterday, tonight, last night, this morning, earlier today
        rule("relative_day", words["relative_days"], 3,
             rf"{B}(?:(?P<side>earlier|later|early|late){S})?(?P<rel>{alt(self.t.relative_days)}){E}"
             rf"(?:[ \t]+(?P<part>{self.PART}){E})?", self._relative_day)
        # last week, next year, this month, the past decade, the coming weekend
        rule("relative_unit", {"week", "weekend", "month", "year", "decade", "century", "quarter"}, 3,
             rf"{B}(?:(?P<edge>{self.EDGE})[ \t]+)?(?:(?P<the>the)[ \t]+)?(?P<shift>{self.SHIFT})[ \t]+"
             rf"(?P<unit>week|weekend|month|year|decade|century|quarter){E}", self._relative_unit)
        # the following day, the previous year, that month, the same day, the next morning
        rule("anaphoric_unit", day_units, 3,
             rf"{B}(?:(?P<edge>early|late){S})?(?:(?P<the>the|that){S})?(?P<shift>{self.ANAPHORIC})[ \t]+"
             rf"(?P<unit>day|night|morning|afternoon|evening|week|weekend|month|year|decade|century){E}",
             self._anaphoric_unit)
        # earlier this month, later that year, late in the day, the end of the year, the start of this year
        rule("edge_unit", {"week", "month", "year", "day", "decade", "century"}, 5,
             rf"{B}(?:(?P<side>earlier|later|early|late)[ \t]+(?:in[ \t]+)?|(?P<edge>{self.EDGE})[ \t]+)"
             rf"(?P<det>this|that|the|next|last)[ \t]+(?P<unit>week|month|year|day|decade|century){E}",
             self._edge_unit, also=("edge_anaphoric",))
        # the same period last year, the same month a year ago
        rule("same_period", {"period", "month", "quarter", "week", "day", "time"}, 2,
             rf"{B}the[ \t]+same[ \t]+(?P<unit>period|month|quarter|week|day|time)(?:[ \t]+of)?[ \t]+"
             rf"(?:(?:the[ \t]+)?(?:last|previous|prior)[ \t]+year|an?[ \t]+year[ \t]+(?:ago|earlier|before)){E}",
             self._same_period)
        # three days ago; two hours later, five years previously (the narrative supplies the anchor);
        # hours after the inauguration, a day after Trump was sworn in; three days, the next four years
        rule("quantity", units, 8,
             rf"{B}{quantity}(?:[ \t]+(?:(?P<ago>ago){E}|(?P<lcue>later|earlier|afterwards?|previously){E}"
             rf"|(?P<cue>{cue}){E}{anchor}))?", self._quantity, also=("ago", "later", "relation"))
        # the day after the inauguration
        rule("day_relation", {"day", "night", "morning"}, 1,
             rf"{B}the[ \t]+(?P<which>day|night|morning)[ \t]+(?P<cue>after|before){E}{anchor}",
             self._day_relation, gate=r"[a-z]+[ \t]+(?:after|before)(?![\w])")
        # on the first day of his second term
        rule("nth_day_of", {"day"}, 2,
             rf"{B}(?P<t>the[ \t]+(?P<ord>{self.ORDINAL})[ \t]+day){E}[ \t]+of{E}{anchor}", self._nth_day_of,
             gate=r"day[ \t]+of(?![\w])")
        # the morning of April 19, the night of 20 June 1791, early in the morning of 29 April 1975
        rule("part_of_date", parts, 5,
             rf"{B}(?:(?:early|late)[ \t]+in[ \t]+)?(?:the[ \t]+)?(?:(?:early|late)[ \t]+)?(?P<part>{self.PART})"
             rf"(?:[ \t]+hours)?[ \t]+of[ \t]+{date_sub}", self._part_of_date,
             gate=r"[a-z]+(?:[ \t]+hours)?[ \t]+of[ \t]")
        # last Tuesday, Tuesday night, on Monday; on Mondays, Tuesday nights (every such day: a SET)
        rule("weekday", weekdays | self.plural_weekdays, 2,
             rf"{B}(?:(?P<shift>last|next|this|coming|past)[ \t]+)?(?P<wd>{wd})(?P<plural>s)?{E}"
             rf"(?:[ \t]+(?P<part>{self.PART})(?P<parts>s)?{E})?", self._weekday)
        # 11:00 a.m. Washington time, noon ET, 18:00 UTC, 0800 GMT, 6:40 p.m. (GMT +8)
        rule("clock_time", digits | words["clock_words"], 1, rf"{B}(?:at[ \t]+)?{clock}{zone}", self._clock,
             gate=r"\d{1,4}+(?:[:.][0-5]\d|[ \t]*+(?:[ap]\.?[ \t]?m|h|utc|gmt|z)(?![a-z]))|[a-z]")
        # the day (end the day; the day when ...), the weekend
        rule("the_day", {"day", "weekend"}, 1, rf"{B}the[ \t]+(?P<unit>day|weekend){E}", self._the_day,
             before=r"the[ \t]+")
        # the time, this time, that period, the same time
        rule("anaphoric_time", {"time", "period"}, 3,
             rf"{B}(?P<det>the|that|this|these|those)[ \t]+(?:(?P<same>same)[ \t]+)?(?P<what>time|period){E}",
             self._anaphoric_time, before=r"(?:the|that|this|same)[ \t]+")
        # recent years, the coming years, over the years, the following days, the next few months
        rule("vague_span", {"years", "months", "weeks", "days", "decades", "centuries"}, 4,
             rf"{B}(?:(?P<over>over){S})?(?:(?P<the>the|these|those){S})?(?:(?P<adj>recent|coming|past|following|"
             rf"intervening|previous|last|next|ensuing|subsequent|early|final|later|first|preceding){S})?"
             rf"(?:(?P<few>few|several|many){S})?(?P<unit>years|months|weeks|days|decades|centuries){E}",
             self._vague_span, before=r"[a-z][ \t]+")
        # the place of "duration" among the rules (the quantity rule above finds it)
        self.priority["duration"] = len(rules)
        # between 60 and 90 days: the first number takes the unit after it
        rule("count_range_first", digits, 0,
             rf"(?<=between[ \t])(?P<count>\d{{1,4}})(?=[ \t]+and[ \t]+\d{{1,4}}[ \t-]+(?P<unit>{self.UNIT}){E})",
             self._duration, gate=r"\d{1,4}+[ \t]++and[ \t]++\d")
        # every week, each year, 15 a year, twice a month
        # every two weeks, every other day, every few years, every Tuesday night, every morning
        rule("set_every", units | weekdays | parts | {"weekend"}, 3,
             rf"{B}(?P<every>every|each|per)[ \t]+(?:(?P<count>{self.NUMBER})[ \t]+|(?P<vcount>{self.VAGUE_COUNT})"
             rf"[ \t]+|(?P<nth>{alt(self.t.every_other)}|{self.ORDINAL})[ \t]+)?"
             rf"(?:(?P<unit>{self.UNIT}|{self.PART}|weekend)|(?P<wd>{self.WEEKDAY_FULL}){E}"
             rf"(?:[ \t]+(?P<part>{self.PART}))?){E}", self._set)
        rate_units = ("year", "month", "week", "day", "hour")
        rate_unit = "|".join(rate_units)
        rule("set_rate", rate_units, 3,
             rf"{B}(?:(?P<freq>once|twice|thrice|(?:\d{{1,3}}|{self.NUMBER})[ \t]+times)[ \t]+)?"
             rf"(?:an?|per)[ \t]+(?P<unit>{rate_unit}){E}", self._set_rate,
             before=r"(?:an?|per)[ \t]+")
        # 3.14/day, 5%/year: an amount per unit written with a slash (the extent is "/day")
        rule("slash_rate", rate_units, 1, rf"{B}\d[\d.,]*%?(?P<t>/(?P<unit>{rate_unit})){E}", self._rate,
             before=r"[\d%]/")
        rule("frequency", words["frequencies"], 0, rf"{B}(?P<freq>{alt(self.t.frequencies)}){E}", self._frequency)
        rule("period_adjective", words["period_adjectives"], 0, rf"{B}(?P<adj>{alt(self.t.period_adjectives)}){E}",
             self._period_adjective)
        rule("holiday", words["holidays"], 3,
             rf"{B}(?P<hol>{alt(self.t.holidays)}){E}(?:[ \t]+(?:of[ \t]+)?(?P<y>{y}){E})?", self._holiday)
        rule("reference", words["references"], 3, rf"{B}(?P<ref>{alt(self.t.references)}){E}(?!-)",
             self._reference)
        # A year on its own: 2008, in 1999 (not 2008 people, not $2008, not 2,008)
        rule("year", digits, 0,
             rf"(?<![\w$£€.,:/#-])(?P<y>{y})(?![\w%]|[.,]\d|-\d|[ \t]*(?:%|percent|per[ \t]cent))",
             self._year, gate=r"(?:1\d|20)\d\d(?!\d)")
        return rules

    # ------------------------------------------------------------------ builders
    # Each returns a Mention for the match (or several) or None to reject it.

    def _mention(self, match: re.Match[str], spec: Spec, timex: str | None,
                 span: tuple[int, int] | None = None) -> Mention:
        pattern = match.re.pattern
        if span:
            start, end = span
        elif pattern in self._spans_t and match["t"]:
            start, end = match.span("t")
        else:
            start, end = match.span()
        text = match.string[start:end]
        if text[-1:] in _TRIMMED_ENDS:
            # Trailing blanks stay out of the span, and so does a full stop after a word without
            # inner dots ("480 BC." ends a sentence; "p.m." keeps its dot).
            stripped = text.rstrip(" \t")
            if stripped[-1:] == "." and _WORD_DOT_END.search(stripped) and not self._month_end.search(stripped):
                stripped = stripped[:-1]
            end -= len(text) - len(stripped)
            text = stripped
        return _new_mention(text, start, end, self._rule_names[pattern], spec, timex)

    def _iso_date(self, mt: re.Match[str]) -> Mention | None:
        hour = mt["hour24"]
        spec = _calendar(year=int(mt["y"]), month=int(mt["mo"]), day=int(mt["d"]),
                        hour=int(hour) if hour else None, minute=int(mt["minute24"]) if hour else None)
        return self._mention(mt, spec, "TIME" if hour else "DATE")

    def _numeric_date(self, mt: re.Match[str]) -> Mention | None:
        a, b = int(mt["a"]), int(mt["b"])
        month, day = (a, b) if self.t.numeric_date_order == "MDY" else (b, a)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        year = int(mt["y"])
        if year < 100:
            year += 2000 if year < 50 else 1900
        return self._mention(mt, _calendar(year=year, month=month, day=day), "DATE")

    def _month_ok(self, mt: re.Match[str]) -> bool:
        """Month names are capitalised in news; "may", "mar", "sat" need a number beside them."""
        return self._capitalised(mt["mo"])

    @staticmethod
    def _day_of(text: str) -> int:
        return int(text.rstrip("stndrh"))  # a day number, perhaps with its suffix: "21", "1st", "22nd"

    def _year_of(self, mt: re.Match[str]) -> int | None:
        raw = _opt(mt, "y")
        if not raw:
            return None
        era = _opt(mt, "era")
        return int(raw) * self._era(era) if era else int(raw)

    def _range_year(self, mt: re.Match[str], month: int | None = None) -> int | None:
        """The year written once after the second part of a range, for the first part ("26 June - 4 August
        1952"): the year before it when the first part's ``month`` comes after the second's, as a range
        that crosses a new year does ("30 December - 2 January 1950"). None without such a year."""
        raw = _opt(mt, "ry")
        if not raw:
            return None
        year = int(raw) * self._era(mt["rera"])
        if month is not None and self.month(mt["mo2"]) < month:
            return add_years(year, -1)
        return year

    def _year_shift(self, mt: re.Match[str]) -> int | None:
        """"of that year" leaves the year to the narrative; "of next year" shifts the publication year."""
        shift = _opt(mt, "yshift")
        return self.t.shift_words[_norm(shift)] if shift else None

    def _month_day(self, mt: re.Match[str]) -> Mention | None:
        if not self._month_ok(mt):
            return None
        day = self._day_of(mt["d"])
        if day < 1 or day > 31:
            return None
        # A weekday written beside the date ("Tuesday, January 21") is part of the span; the
        # date decides the value.
        month = self.month(mt["mo"])
        year = self._year_of(mt)
        if year is None:
            year = self._range_year(mt, month)
        spec = _calendar(year=year, month=month, day=day, year_shift=self._year_shift(mt))
        return self._mention(mt, spec, "DATE")

    def _day_range_first(self, mt: re.Match[str]) -> Mention | None:
        if self._day_of(mt["d2"]) <= self._day_of(mt["d"]):
            return None  # "26 - 4 August": a score or a list; a range's first day comes first
        return self._month_day(mt)

    def _month_day_range(self, mt: re.Match[str]) -> list[Mention] | None:
        if not self._month_ok(mt):
            return None
        first, second = self._day_of(mt["d"]), self._day_of(mt["d2"])
        if not (1 <= first < second <= 31):
            return None
        month = self.month(mt["mo"])
        year = self._year_of(mt)
        one = self._mention(mt, _calendar(year=year, month=month, day=first), "DATE",
                            span=(mt.start(), mt.end("d")))
        two = self._mention(mt, _calendar(year=year, month=month, day=second), "DATE",
                            span=(mt.start("d2"), mt.end()))
        return [one, two]

    def _month_year(self, mt: re.Match[str]) -> Mention | None:
        month = _opt(mt, "mo")
        if month and not self._capitalised(month):
            return None
        edge = self.t.edge_modifiers.get(_norm(mt["edge"])) if mt["edge"] else None
        number = self.month(month) if month else None
        year = self._year_of(mt)
        if year is None:
            year = self._range_year(mt, number)
        spec = _calendar(year=year, month=number, modifier=edge, year_shift=self._year_shift(mt))
        return self._mention(mt, spec, "DATE")

    def _month_alone(self, mt: re.Match[str]) -> Mention | None:
        word = mt["mo"]
        text = mt.string
        if not self._capitalised(word) or (word.endswith(".") and len(word) <= 5):
            return None
        bare = _norm(word).rstrip(".")
        if mt["every"]:
            return self._mention(mt, _recurrence(unit="year", month=self.month(word)), "SET")  # each January
        shift = _norm(mt["shift"]) if mt["shift"] else None
        written = _word_before(text, mt.start())  # as written: "Long March" has a capital
        before = written.lower()
        after = text[mt.end():mt.end() + 40]
        if not shift:
            if bare in self.t.ambiguous_abbreviations and before not in self.t.month_prepositions:
                return None  # "May" alone is more often the verb or a name
            if before == "the" or after.startswith("'s") or after.startswith("’s"):
                return None  # "the March to the Sea", "May's government"
            if self._name_link.match(after) and not self._month_link.match(after):
                return None  # "March on Vilno", "March of the Iron Will"
            if _NAME_AFTER.match(after) and before not in self.t.month_prepositions:
                return None  # "March Battalion"
            if written[:1].isupper() and before[:1].isalpha() and before not in self.t.month_prepositions \
                    and not self._sentence_start(text, mt.start()):
                return None  # "Long March", "Ice March", "Women's March"
        edge = self.t.edge_modifiers.get(shift) if shift else None
        if shift in ("the previous",):
            direction = "past"
        elif shift in ("the following",):
            direction = "future"
        else:
            direction = {-1: "past", 1: "future"}.get(self.t.shift_words.get(shift or "", 0), "either")
        spec = _calendar(month=self.month(word), modifier=edge, direction=direction)  # type: ignore[arg-type]
        return self._mention(mt, spec, "DATE")

    def _week_of_month(self, mt: re.Match[str]) -> Mention | None:
        if not self._month_ok(mt):
            return None
        number = self.t.ordinals.get(_norm(mt["ord"]), 0)
        if number == 0 or number > 5:
            return None
        spec = _calendar(year=self._year_of(mt), month=self.month(mt["mo"]), week_of_month=number)
        return self._mention(mt, spec, "DATE")

    def _decade(self, mt: re.Match[str]) -> Mention | None:
        edge = self.t.edge_modifiers.get(_norm(mt["edge"])) if mt["edge"] else None
        digits = mt["dec"]
        era = self._era(mt["era"])
        if mt["apos"] or len(digits) == 1:
            if len(digits) != 1:
                return None
            # '90s, 70s: the century comes from the narrative or the publication date
            spec = _calendar(decade=int(digits), modifier=edge, two_digit=True)
        else:
            if era > 0 and len(digits) < 3 and not mt["era"]:
                return None
            spec = _calendar(decade=int(digits) * era, modifier=edge)
        # TimeML leaves "the" out of a decade ("the [1990s]") unless a modifier follows it.
        start = mt.start("edge") if mt["edge"] else (mt.start("apos") if mt["apos"] else mt.start("dec"))
        if mt["the"] and (mt["edge"] or mt["era"]):
            start = mt.start()
        return self._mention(mt, spec, "DATE", span=(start, mt.end()))

    def _century(self, mt: re.Match[str]) -> Mention | None:
        raw = _norm(mt["ord"])
        number = int(_LEADING_NUMBER.match(raw).group()) if raw[0].isdigit() else self.t.ordinals.get(raw, 0)  # type: ignore[union-attr]
        if not 1 <= number <= 21:
            return None
        era = self._era(mt["era"])
        century = number - 1 if era > 0 else -number
        edge = self.t.edge_modifiers.get(_norm(mt["edge"])) if mt["edge"] else None
        return self._mention(mt, _calendar(century=century, modifier=edge), "DATE")

    def _short_year(self, mt: re.Match[str]) -> Mention | None:
        before = mt.string[max(0, mt.start() - 1):mt.start()]
        if before and before not in " \t(\n":
            return None
        return self._mention(mt, _calendar(year=int(mt["yy"]), two_digit=True), "DATE")

    def _era_year(self, mt: re.Match[str]) -> Mention | None:
        era_text = _opt(mt, "era") or _opt(mt, "era0")
        if not era_text:
            return None
        era = self._era(era_text)
        year = int(mt["y"])
        if year == 0 or (_opt(mt, "era0") and _opt(mt, "era")):
            return None
        spec = _calendar(year=year * era)
        return self._mention(mt, spec, "DATE")

    def _notice(self, mt: re.Match[str]) -> bool:
        """"Copyright 1999-2026", "© 2024": years of a notice, not of the story."""
        before = mt.string[max(0, mt.start() - 12):mt.start()].rstrip(" \t").lower()
        return before.endswith(self.t.not_before_years)

    def _year_range(self, mt: re.Match[str]) -> list[Mention] | None:
        if self._notice(mt):
            return None
        first = int(mt["y"])
        raw = mt["y2"]
        second = int(raw) if len(raw) == 4 else first // 100 * 100 + int(raw)
        if not first < second <= first + 200:
            return None
        one = self._mention(mt, _calendar(year=first), "DATE", span=mt.span("y"))
        two = self._mention(mt, _calendar(year=second), "DATE", span=mt.span("y2"))
        return [one, two]

    def _quarter(self, mt: re.Match[str]) -> Mention | None:
        raw = _norm(mt["ord"])
        number = int(raw[0]) if raw[0].isdigit() else self.t.ordinals.get(raw, 0)
        part = _norm(_opt(mt, "part") or "quarter")
        limit = 4 if part == "quarter" else 2
        last = number == -1
        if last:
            number = limit
        if not 1 <= number <= limit:
            return None
        year = int(mt["y"]) if mt["y"] else None
        shift = _opt(mt, "shift")
        if year is None and not shift and part == "half":
            return None  # "the first half" alone is too often not about time ("of the match")
        if year is None and not shift and last and part == "quarter" and "final" not in raw:
            # "the last quarter": the quarter before the current one
            return self._mention(mt, _relative(unit="quarter", offset=-1), "DATE")
        shift_value = None
        if shift:
            key = _norm(shift)
            shift_value = self.t.shift_words.get(key, self.t.anaphoric_shifts.get(key, 0))
        spec = _calendar(year=year, quarter=number if part == "quarter" else None,
                        half=number if part == "half" else None, year_shift=shift_value,
                        direction="past" if year is None and shift is None else "either")
        return self._mention(mt, spec, "DATE")

    def _season(self, mt: re.Match[str]) -> Mention | None:
        shift = _norm(mt["shift"]) if mt["shift"] else None
        word = _norm(mt["season"])
        text = mt.string
        year = self._year_of(mt)
        if word == "fall" and not (shift or year or mt["yref"] or mt["yshift"]):
            after = text[mt.end():mt.end() + 12]
            if mt["every"]:
                if _FALL_AS_NOUN.match(after):
                    return None  # "every fall in prices", "each fall of the rouble"
            elif not mt["the"] or _OF_AFTER.match(after) or self._word_before(text, mt.start()) not in (
                    "in", "during", "by", "until", "through", "since", "that", "this", "last", "next"):
                return None  # "the fall of Baghdad", "a fall in prices"
        season = self.t.seasons[word]
        if mt["every"]:
            if year or mt["yref"] or mt["yshift"]:
                return None  # "each summer of 1944" is not a recurring summer
            return self._mention(mt, _recurrence(unit="year", season=season), "SET")  # every summer
        edge = self.t.edge_modifiers.get(shift or "")
        if year is None and (shift is None or edge is not None):
            year = self._range_year(mt)  # "the spring and summer of 1979" (seasons do not cross a new year)
        anaphoric = self.t.anaphoric_shifts.get(shift or "")
        direction = {-1: "past", 1: "future"}.get(self.t.shift_words.get(shift or "", 0), "either")
        if anaphoric is not None and shift not in self.t.shift_words:
            direction = {-1: "past", 1: "future"}.get(anaphoric, "either")
        spec = _calendar(year=year, season=season, modifier=edge, direction=direction,  # type: ignore[arg-type]
                        year_shift=self._year_shift(mt))
        return self._mention(mt, spec, "DATE")

    def _relative_day(self, mt: re.Match[str]) -> Mention | None:
        offset, part = self.t.relative_days[_norm(mt["rel"])]
        if mt["part"]:
            part = self.t.parts_of_day[_norm(mt["part"])].code
        side = _norm(mt["side"]) if mt["side"] else None
        if side in ("early", "late") and not part:
            return None
        spec = _relative(unit="day", offset=offset, part_of_day=part)
        return self._mention(mt, spec, "TIME" if part else "DATE")

    def _relative_unit(self, mt: re.Match[str]) -> Mention | None:
        shift = _norm(mt["shift"])
        unit = _norm(mt["unit"])
        edge = self.t.edge_modifiers.get(_norm(mt["edge"])) if mt["edge"] else None
        if mt["the"] and shift in self.t.anaphoric_shifts:
            # "the next year", "the previous year": counted from the year last spoken of (anaphoric_unit);
            # in a history, "the previous year" is the year before the one just told, not before publication
            return None
        spec = _relative(unit=unit, offset=self.t.shift_words[shift], modifier=edge)
        if shift == "past" and unit != "weekend":
            # "the past week" is a stretch of time up to now: a duration in TimeML.
            return self._mention(mt, _duration(_quantity(1, 1, unit, stated=1)), "DURATION")
        return self._mention(mt, spec, "DATE")

    def _anaphoric_unit(self, mt: re.Match[str]) -> Mention | None:
        shift = _norm(mt["shift"])
        unit = _norm(mt["unit"])
        the = _norm(mt["the"]) if mt["the"] else None
        if shift == "next" and the != "the":
            return None  # "next year" counts from the publication date (relative_unit)
        if shift == "that" and the:
            return None
        if shift in ("following", "previous", "preceding", "subsequent", "prior") and the is None \
                and not self._sentence_start(mt.string, mt.start()):
            return None  # "previous years" without "the": not a date
        offset = self.t.anaphoric_shifts[shift]
        if unit in ("morning", "afternoon", "evening", "night"):
            unit = "day"
        kind = "same_day" if offset == 0 else ("day_after" if offset > 0 else "day_before")
        if unit != "day":
            kind = "same_day" if offset == 0 else ("after" if offset > 0 else "before")
        quantity = _quantity(abs(offset), abs(offset), unit, stated=abs(offset))
        spec = Relation(kind=kind, quantity=quantity, cue=_norm(mt.group()), anchor_text="",  # type: ignore[arg-type]
                        anchor_start=mt.end(), anchor_end=mt.end())
        timex = "TIME" if _norm(mt["unit"]) in ("morning", "afternoon", "evening", "night") else "DATE"
        return self._mention(mt, spec, timex)

    def _edge_unit(self, mt: re.Match[str]) -> Mention | None:
        side = _norm(mt["side"]) if mt["side"] else None
        edge = self.t.edge_modifiers.get(_norm(mt["edge"])) if mt["edge"] else None
        if side:
            edge = "START" if side in ("earlier", "early") else "END"
        det = _norm(mt["det"])
        unit = _norm(mt["unit"])
        if det in ("this", "next", "last"):
            offset = {"this": 0, "next": 1, "last": -1}[det]
            return self._mention(mt, _relative(unit=unit, offset=offset, modifier=edge), "DATE")
        spec = Relation(kind="same_day", quantity=_quantity(0, 0, unit, stated=0), cue=_norm(mt.group()),
                        anchor_text="", anchor_start=mt.end(), anchor_end=mt.end())
        return _named(self._mention(mt, spec, "DATE"), "edge_anaphoric")

    def _same_period(self, mt: re.Match[str]) -> Mention | None:
        return self._mention(mt, _relative(unit="year", offset=-1), "DATE")

    def _the_day(self, mt: re.Match[str]) -> Mention | None:
        unit = _norm(mt["unit"])
        after = mt.string[mt.end():mt.end() + 16].lower()
        if _THE_DAY_AFTER.match(after):
            return None
        if unit == "weekend":
            return self._mention(mt, _relative(unit="weekend", offset=0), "DATE")
        before = self._word_before(mt.string, mt.start())
        if before in ("all", "of", "whole", "entire", "during"):
            return None  # "all the day", "of the day" (the era)
        spec = Relation(kind="same_day", quantity=_quantity(0, 0, "day", stated=0), cue="the day", anchor_text="",
                        anchor_start=mt.end(), anchor_end=mt.end())
        return self._mention(mt, spec, "DATE")

    def _anaphoric_time(self, mt: re.Match[str]) -> Mention | None:
        det = _norm(mt["det"])
        what = _norm(mt["what"])
        text = mt.string
        after = text[mt.end():mt.end() + 12]
        if det in ("these", "those") or (det == "the" and what == "period" and not mt["same"]):
            return None
        if _TIME_AFTER.match(after):
            return None  # "the time being" is a reference; "time-consuming"
        before = self._word_before(text, mt.start())
        if before in ("all", "most", "much", "some", "any", "of", "every", "each", "no"):
            return None
        if what == "time" and det == "the" and not mt["same"] and before not in ("at", "by", "during", "from", "until",
                                                                               "since", "to", "before", "after"):
            return None  # "the time it takes": only "at the time", "by that time" name a time
        spec = Relation(kind="same_day", quantity=None, cue=_norm(mt.group()), anchor_text="",
                        anchor_start=mt.end(), anchor_end=mt.end())
        return self._mention(mt, spec, "DATE")

    def _vague_span(self, mt: re.Match[str]) -> Mention | None:
        adj = _norm(mt["adj"]) if mt["adj"] else None
        unit = self.t.units[_norm(mt["unit"])]
        if adj == "recent":
            return self._mention(mt, _reference(ref="PAST_REF"), "DATE")
        if not mt["the"]:
            return None  # "years", "past years": the duration rule or nothing
        if not (adj or mt["over"] or mt["few"]):
            return None  # "the years" alone
        if adj in ("early", "final", "later", "first", "last") and not mt["few"]:
            return None  # "the early years of the war": a stretch named by what follows
        quantity = _quantity(1, 99, unit, vague=True)
        return self._mention(mt, _duration(quantity), "DURATION")

    def quantity(self, mt: re.Match[str]) -> Quantity | None:
        """The amount a match states, with vague words and approximators given bounds."""
        # The groups one by one: a groupdict() of the quantity rule's sixteen costs more than these.
        count_text, unit_text = mt.group("count", "unit")  # (count_range_first has only these two)
        counted = f"{count_text} {unit_text}" if count_text and unit_text else count_text or unit_text or ""
        if _norm(counted) in self.t.not_quantities or _norm(mt.group()) in self.t.not_quantities:
            return None
        vunit = _opt(mt, "vunit")
        if vunit:
            word = _norm(vunit)
            unit = self.t.units[word]
            vcount = mt["vcount"]
            if vcount:
                low, high = self.t.vague_counts[_norm(vcount)]
            else:
                vague = self.t.vague_quantities.get(word)
                if vague is None:
                    return None
                low, high, unit = vague.low, vague.high, vague.unit
            stated = None
        else:
            count = self.number(count_text) if count_text else None
            if count is None or count <= 0:
                return None
            unit_word = _norm(unit_text)
            if count == 1 and unit_word.endswith("s") and unit_word not in ("hrs", "secs", "mins"):
                return None  # "a decades-long feud": the plural is the vague amount
            unit = self.t.units[unit_word]
            # A number is rounded to the precision it is written at: "1.5 hours" is 1.45..1.55.
            text = count_text
            precision = 0.05 if "." in text or "," in text else (0.5 if text[0].isdigit() else 0.0)
            low = max(count - precision if count > precision else count, 0.0)
            high = count + precision
            stated = count
        approximate, mod = False, None
        approx = _opt(mt, "approx")
        if approx:
            factors = self.t.approximators[_norm(approx)]
            low, high = low * factors.low_factor, high * factors.high_factor
            approximate, mod = True, factors.mod
        return _quantity(low, high, unit, stated is None, approximate, stated, mod)

    def _extent_start(self, mt: re.Match[str]) -> int:
        """Where the TIMEX3 extent of a quantity starts: after "about", "just" (TimeML keeps them out)."""
        start = mt.start()
        for group, following in _EXTENT_AFTER:
            word = _opt(mt, group)
            if word and _norm(word) in self.t.extent_excluded:
                for name in following:
                    if _opt(mt, name):
                        start = mt.start(name)
                        break
        return start

    def _quantity(self, mt: re.Match[str]) -> Mention | None:
        """A quantity of time and what follows it: "ago", "later", a cue and its anchor, or nothing."""
        if mt["ago"]:
            return _named(self._ago(mt), "ago")
        if mt["lcue"] or mt["cue"]:
            return _named(self._relation(mt), "later" if mt["lcue"] else "relation")
        return _named(self._duration(mt), "duration")

    def _ago(self, mt: re.Match[str]) -> Mention | None:
        quantity = self.quantity(mt)
        if quantity is None:
            return None
        count = quantity.stated
        spec = _relative(unit=quantity.unit, offset=-int(count) if count and count == int(count) else -1,
                        approximate=quantity.vague or quantity.approximate or count is None
                        or count != int(count))
        return self._mention(mt, spec, "DATE", span=(self._extent_start(mt), mt.end()))

    def _relation(self, mt: re.Match[str]) -> Mention | None:
        quantity = self.quantity(mt)
        if quantity is None:
            return None
        cue = _norm(mt["cue"] or mt["lcue"])
        direction = self.t.relation_cues.get(cue, "before" if cue == "previously" else "after")
        anchor = _opt(mt, "anchor") if mt["cue"] else None
        anchor_start, anchor_end = mt.span("anchor") if anchor else (mt.end(), mt.end())
        if anchor:
            stripped = anchor.rstrip()
            anchor_end = anchor_start + len(stripped)
            lead = len(stripped) - len(stripped.lstrip())
            anchor_start += lead
            anchor = stripped.strip()
        calendar = quantity.unit == "day" and not quantity.vague and not quantity.approximate
        kind = ("day_after" if direction == "after" else "day_before") if calendar else direction
        spec = Relation(kind=kind, quantity=quantity, cue=cue,  # type: ignore[arg-type]
                        anchor_text=anchor or "", anchor_start=anchor_start, anchor_end=anchor_end,
                        quote_start=mt.start())
        start = self._extent_start(mt)
        if mt["lcue"]:
            # "two days later": TimeML dates the whole phrase
            return self._mention(mt, spec, "DATE", span=(start, mt.end()))
        quantity_end = mt.start("cue")
        text = mt.string[start:quantity_end].rstrip()
        return self._mention(mt, spec, "DURATION", span=(start, start + len(text)))

    def _day_relation(self, mt: re.Match[str]) -> Mention | None:
        cue = _norm(mt["cue"])
        anchor_start, anchor_end = mt.span("anchor")
        anchor = mt["anchor"]
        anchor_start += len(anchor) - len(anchor.lstrip())
        anchor_end -= len(anchor) - len(anchor.rstrip())
        spec = Relation(kind="day_after" if cue == "after" else "day_before", quantity=_quantity(1, 1, "day"),
                        cue=f"the day {cue}", anchor_text=anchor.strip(), anchor_start=anchor_start,
                        anchor_end=anchor_end)
        end = mt.start("cue") + len(mt["cue"])
        return self._mention(mt, spec, "DATE", span=(mt.start(), end))

    def _nth_day_of(self, mt: re.Match[str]) -> Mention | None:
        number = self.t.ordinals[_norm(mt["ord"])]
        if number < 1:
            return None
        anchor = mt["anchor"]
        anchor_start = mt.start("anchor") + len(anchor) - len(anchor.lstrip())
        anchor_end = mt.end("anchor") - (len(anchor) - len(anchor.rstrip()))
        spec = Relation(kind="day_after", quantity=_quantity(number - 1, number - 1, "day"), cue="the day of",
                        anchor_text=anchor.strip(), anchor_start=anchor_start, anchor_end=anchor_end)
        return self._mention(mt, spec, "DATE", span=mt.span("t"))

    def _part_of_date(self, mt: re.Match[str]) -> Mention | None:
        own_month = mt["smo"] or mt["smo2"]
        month_word = own_month or mt["smo3"]
        if not month_word or not self._capitalised(month_word):
            return None
        day = self._day_of(mt["sd"] or mt["sd2"])
        if not 1 <= day <= 31:
            return None
        year = int(mt["sy"] or mt["sy3"] or 0) or None
        if mt["sd3"] and not (own_month and mt["smo3"]):
            if self._day_of(mt["sd3"]) <= day:
                return None  # "the night of 26 - 4 August": in one month, a range's first day comes first
        elif year and not mt["sy"] and mt["smo3"] and self.month(month_word) > self.month(mt["smo3"]):
            year -= 1  # the night of 31 December - 1 January 1905
        part = self.t.parts_of_day[_norm(mt["part"])].code
        spec = _calendar(year=year, month=self.month(month_word), day=day, part_of_day=part)
        return self._mention(mt, spec, "TIME")

    def _weekday(self, mt: re.Match[str]) -> Mention | None:
        word = mt["wd"]
        if not self._capitalised(word):
            return None
        bare = _norm(word).rstrip(".")
        if bare in self.t.ambiguous_abbreviations or (len(bare) <= 4 and not word.endswith(".")):
            return None
        shift = _norm(mt["shift"]) if mt["shift"] else None
        part = self.t.parts_of_day[_norm(mt["part"])].code if mt["part"] else None
        if mt["plural"] or mt["parts"]:
            if shift or not bare.endswith("day"):
                return None  # "last Mondays", "Mons" (a city)
            if mt["plural"] and mt["part"] and not mt["parts"]:
                # "Mondays morning": the days alone
                return self._mention(mt, _recurrence(unit="week", weekday=self.weekday(word)), "SET",
                                     span=(mt.start("wd"), mt.end("plural")))
            return self._mention(mt, _recurrence(unit="week", weekday=self.weekday(word), part_of_day=part), "SET")
        direction = {"last": "past", "past": "past", "next": "future", "coming": "future"}.get(shift or "", "either")
        spec = _weekday(weekday=self.weekday(word), direction=direction, part_of_day=part)  # type: ignore[arg-type]
        return self._mention(mt, spec, "TIME" if part else "DATE")

    def _clock(self, mt: re.Match[str]) -> Mention | None:
        if mt["word"]:
            hour, minute = self.t.clock_words[_norm(mt["word"])], 0
        elif mt["hour24"] is not None:
            hour, minute = int(mt["hour24"]), int(mt["minute24"])
            # A bare 14:30 is a time; "3:1" never reaches here (two-digit minutes required),
            # but sports scores like "2:05" in a race are left to context: accept only HH:MM.
            if not mt["zone"] and not _HOURS_WORD.search(mt.group()) and len(mt["hour24"]) < 2:
                return None
        elif mt["hourm"] is not None:
            hour, minute = int(mt["hourm"]), int(mt["minutem"])
        else:
            hour = int(mt["hour"]) % 12 + (12 if mt["ampm"].lower().startswith("p") else 0)
            minute = int(mt["minute"] or 0)
            if int(mt["hour"]) > 12 or int(mt["hour"]) == 0:
                return None
        spec = _calendar(hour=hour, minute=minute, zone=self._zone(mt))
        start = mt.start("clock")
        return self._mention(mt, spec, "TIME", span=(start, mt.end()))

    def _duration(self, mt: re.Match[str]) -> Mention | None:
        quantity = self.quantity(mt)
        if quantity is None:
            return None
        count, unit = mt.group("count", "unit")  # (the groups one by one: see quantity)
        article = bool(count) and _norm(count) in ("a", "an")
        if article and mt.start() > 0:
            # "a year" right after a number is a rate ("15 a year", "$1 billion a year"), found by set_rate.
            before = mt.string[max(0, mt.start() - 3):mt.start()]
            if any(ch.isdigit() for ch in before) or self._after_amount(mt.string, mt.start()):
                return None
        if count and count[0].isdigit() and unit and _norm(unit) in ("min", "sec"):
            return None
        qshift = _opt(mt, "qshift")
        if qshift and _norm(qshift) == "same":
            return None
        start = self._extent_start(mt)
        if article and _opt(mt, "suffix") == "-long":
            start = mt.start("unit")  # "a [month-long] siege"
        return self._mention(mt, _duration(quantity), "DURATION", span=(start, mt.end()))

    def _set(self, mt: re.Match[str]) -> Mention | None:
        every = _norm(mt["every"])
        count = self.number(mt["count"]) if mt["count"] else 1.0
        if mt["nth"]:
            nth = _norm(mt["nth"])
            count = self.t.every_other.get(nth, self.t.ordinals.get(nth, 0))
            if count < 2:
                return None  # "every first", "each last": not a period
        if mt["wd"]:
            part = self.t.parts_of_day[_norm(mt["part"])].code if mt["part"] else None
            spec = _recurrence(unit="week", weekday=self.weekday(mt["wd"]), part_of_day=part)
            return self._mention(mt, spec, "SET")
        unit_word = _norm(mt["unit"])
        part_of_day = self.t.parts_of_day.get(unit_word)
        if part_of_day is not None and every != "per" and count == 1.0 and not mt["vcount"]:
            # every morning, each night: that part of every day (a price "per night" is by the day)
            return self._mention(mt, _recurrence(unit="day", part_of_day=part_of_day.code), "SET")
        unit = self.t.units.get(unit_word, "weekend" if unit_word == "weekend" else None)
        if unit is None or (unit == "weekend" and (mt["count"] or mt["vcount"] or mt["nth"])):
            return None  # "per morning", "every two weekends"
        spec = _recurrence(unit=unit, every=count or 1.0, vague=bool(mt["vcount"]))
        return self._mention(mt, spec, "SET")

    def _set_rate(self, mt: re.Match[str]) -> Mention | None:
        if not mt["freq"]:
            before = mt.string[max(0, mt.start() - 12):mt.start()].rstrip(" \t")
            if not before or not (before[-1].isdigit() or before.lower().endswith(("times", "percent", "%"))
                                  or self._after_amount(mt.string, mt.start())):
                return None  # "a year" alone is a duration, not a rate
        return self._rate(mt)

    def _rate(self, mt: re.Match[str]) -> Mention | None:
        """Once per the unit matched: "a day" after an amount, "/day"."""
        return self._mention(mt, _recurrence(unit=self.t.units[_norm(mt["unit"])], every=1.0), "SET")

    def _after_amount(self, text: str, start: int) -> bool:
        """Whether an amount counted per unit of time ends at ``start``: "$1 billion", "20 miles
        (32 km)", "600 'terrorist acts'", "thirty kilometers". The amount's last word is a plural,
        a scale word, or closes a bracket or quote; a verb ("two men spent a day") is not an amount,
        nor is a year ("in 1941 he spent a year")."""
        found = self._amount_before.search(text, max(0, start - 48), start)
        if found is None:
            return False
        number = found["num"]
        if len(number) == 4 and number.isdigit() and 1000 <= int(number) <= 2099:
            return False
        words = found["words"].rstrip()
        if not words:
            return True
        last = words.split()[-1].lower()
        return last.endswith((")", '"', "”", "’", "'")) or (len(last) > 3 and last.endswith("s")) \
            or last in self.t.amount_words

    def _frequency(self, mt: re.Match[str]) -> Mention | None:
        unit, every = self.t.frequencies[_norm(mt["freq"])]
        return self._mention(mt, _recurrence(unit=unit, every=every), "SET")

    def _period_adjective(self, mt: re.Match[str]) -> Mention | None:
        unit = self.t.period_adjectives[_norm(mt["adj"])]
        noun = _WORD_AFTER.match(mt.string, mt.end())
        if noun is not None and noun.group(1).lower() in self.t.occasions:
            return self._mention(mt, _recurrence(unit=unit), "SET")  # "the annual conference": held every year
        return self._mention(mt, _duration(_quantity(1, 1, unit, stated=1)), "DURATION")  # "an annual profit"

    def _holiday(self, mt: re.Match[str]) -> Mention | None:
        if not self._capitalised(mt["hol"]):
            return None
        holiday = self.t.holidays[_norm(mt["hol"])]
        year = int(mt["y"]) if mt["y"] else None
        if holiday.easter is not None:
            spec = _calendar(year=year, easter=holiday.easter)
        else:
            spec = _calendar(year=year, month=holiday.month, day=holiday.day)
        return self._mention(mt, spec, "DATE")

    def _reference(self, mt: re.Match[str]) -> Mention | None:
        ref = self.t.references[_norm(mt["ref"])]
        start = mt.start("ref")
        return self._mention(mt, _reference(ref=ref), "DATE", span=(start, mt.end()))  # type: ignore[arg-type]

    def _year(self, mt: re.Match[str]) -> Mention | None:
        if self._notice(mt):
            return None
        return self._mention(mt, _calendar(year=int(mt["y"])), "DATE")

    # ------------------------------------------------------------------ scanning

    @staticmethod
    def _lower(text: str) -> str:
        """``text`` in lower case, offsets unchanged (a few characters change length when lower-cased)."""
        lower = text.lower()
        return lower if len(lower) == len(text) else text.translate(_ASCII_LOWER)

    def _heads(self, lower: str) -> Iterator[tuple[int, str]]:
        """Every head in text order: (offset, lower-case head word), digit runs as ``DIGITS``."""
        # as long as ``lower``: one ASCII character for each (see _Placeholders)
        spaced = lower.encode("ascii", "timeline.heads").translate(_SEPARATORS).decode("ascii")
        first = self._head_at_start.match(spaced)
        if first is not None:
            yield 0, first.group(1) or DIGITS
        for head in self._head_after_space.finditer(spaced):
            start = head.start() + 1
            word = head.group(1)
            if word is None:
                if lower[start - 1] in ".,":
                    continue
                word = DIGITS
            yield start, word

    def candidates(self, text: str) -> Iterator[tuple[int, Mention]]:
        """Every mention any rule accepts, with the rule's priority (overlaps are left to :func:`select`).

        Heads are visited in text order and forgotten after, so memory does not grow with the text.
        """
        lower = self._lower(text)
        priority = self.priority
        fallback = len(self.rules) - 1
        plans = self._plans
        # (rule, start, end) of the matches built so far. A match counts only if it ends after
        # the head, and heads only move forward: keys ending at or before the head are dropped
        # now and then, so the set stays small on long texts full of dates.
        tokens = _TOKEN_ASCII.findall if lower.isascii() else _TOKEN.findall
        seen: set[tuple[str, int, int]] = set()
        prune_at = _SEEN_PRUNE
        for head, word in self._heads(lower):
            plan = plans.get(word)
            if plan is None:
                continue
            steps = plan.steps
            if plan.gates is not None:
                gates = plan.gates.match(lower, head)  # every gate is optional: it always matches
                outcome = gates.groups() if gates is not None else ()
                found = plan.by_outcome.get(outcome)
                steps = found if found is not None else plan.after(outcome)
                if not steps:
                    continue
            if len(seen) > prune_at:
                seen = {key for key in seen if key[2] > head}
                prune_at = 2 * len(seen) + _SEEN_PRUNE
            words: list[str] | None = None  # the words before the head, within reach
            kinds: list[str] = []  # each word as a lead set names it: the word, DIGITS or APOSTROPHE
            starts: list[int] | None = None  # where they start (only needed when a lead word is there)
            lo = count = 0  # set with words
            before_lo = head - 24 if head > 24 else 0
            for name, match_at, build, before, reach, lead in steps:
                if before is not None and before(lower, before_lo, head) is None:
                    continue
                tries = [head]
                if reach:
                    if words is None:
                        lo = head - _REACH_CHARS if head > _REACH_CHARS else 0
                        line = lower.rfind("\n", lo, head)
                        if line >= 0:
                            lo = line + 1
                        words = tokens(lower, lo, head)
                        count = len(words)
                        kinds = [_KIND[word[0]] or word for word in words]
                    first = count - reach if count > reach else 0
                    # Most heads have no lead word within reach: a set test finds that at C speed.
                    if not lead.isdisjoint(kinds[first:]):
                        if starts is None:
                            starts = _starts(lower, words, lo, head)
                        tries = [starts[index] for index in range(first, count) if kinds[index] in lead]
                        tries.append(head)
                for position in tries:
                    match = match_at(text, position)
                    if match is None:
                        continue
                    start, end = match.span()
                    if end <= head:
                        continue
                    key = (name, start, end)
                    if key in seen:
                        break
                    seen.add(key)
                    built = build(match)
                    if built is None:
                        continue
                    for mention in built if isinstance(built, list) else (built,):
                        if mention.end > mention.start:
                            yield priority.get(mention.rule, fallback), mention
                    break


# Past this many remembered matches, the ones the scan has left behind are forgotten.
_SEEN_PRUNE = 256


def _word_before(text: str, start: int) -> str:
    """The word right before ``start`` on the same line, as written, or '' (see _WORD_BEFORE_REVERSED)."""
    window = text[max(0, start - 24):start][::-1]
    match = _WORD_BEFORE_REVERSED.match(window)
    if match is None or window[:1] == "\n":
        return ""
    return match.group(1)[::-1]


def _starts(lower: str, words: list[str], lo: int, head: int) -> list[int]:
    """Where each of ``words`` (``_TOKEN`` matches in ``lower[lo:head]``, in order) starts.

    Only characters that are not word characters separate consecutive words, so each word's
    last occurrence before the start of the next is the word itself.
    """
    starts = [0] * len(words)
    end = head
    for index in range(len(words) - 1, -1, -1):
        end = starts[index] = lower.rfind(words[index], lo, end)
    return starts


# Specs are immutable values, and the same ones recur (a year, a day of a month, "one day"): each
# is built once and shared after. A frozen dataclass sets its fields one by one on construction
# (Calendar has twenty), which costs several times a look-up here. typed: 2 and 2.0 stay apart.
_SPECS = 4096
_P = ParamSpec("_P")
_T = TypeVar("_T")


def _shared(make: Callable[_P, _T]) -> Callable[_P, _T]:
    """``make`` with the values it returns kept and handed out again (checked like ``make``)."""
    return cast("Callable[_P, _T]", functools.lru_cache(maxsize=_SPECS, typed=True)(make))


_calendar = _shared(Calendar)
_new_mention = positional(Mention)  # Mention(text, start, end, rule, spec, timex_type), for every candidate
_relative = _shared(Relative)
_quantity = _shared(Quantity)
_duration = _shared(Duration)
_weekday = _shared(Weekday)
_recurrence = _shared(Recurrence)
_reference = _shared(Reference)


def _named(mention: Mention | None, rule: str) -> Mention | None:
    """``mention`` labelled with the rule that found it (a plain constructor: cheaper than replace)."""
    if mention is None:
        return None
    return _new_mention(mention.text, mention.start, mention.end, rule, mention.spec, mention.timex_type)


_by_start = operator.attrgetter("start")


def _candidate_start(candidate: tuple[int, Mention]) -> int:
    return candidate[1].start


def _rank(candidate: tuple[int, Mention]) -> tuple[int, int, int, str]:
    """Longest first, then the rule listed first, then leftmost (then the text: every tie decided)."""
    priority, mention = candidate
    return -(mention.end - mention.start), priority, mention.start, mention.text


def select(candidates: Sequence[tuple[int, Mention]]) -> list[Mention]:
    """Keep non-overlapping mentions: longest first, then the rule listed first, then leftmost.

    The order of ``candidates`` does not matter: the sort key decides every tie. Most candidates
    overlap no other and are kept as they are; only runs of overlapping ones (and of ones with
    the same start) are ranked, which settles each run as ranking all would.
    """
    taken: list[Mention] = []
    run: list[tuple[int, Mention]] = []
    reach = last = -1  # the furthest end and the latest start in the run
    for candidate in sorted(candidates, key=_candidate_start):
        start, end = candidate[1].start, candidate[1].end
        if start >= reach and start != last and run:
            taken.extend(_settle(run, reach) if len(run) > 1 else (run[0][1],))
            run = []
        run.append(candidate)
        last = start
        if end > reach:
            reach = end
    if run:
        taken.extend(_settle(run, reach) if len(run) > 1 else (run[0][1],))
    return taken


def _settle(run: list[tuple[int, Mention]], reach: int) -> list[Mention]:
    """The mentions :func:`select` keeps of ``run`` (sorted by start, ending by ``reach``), by start.

    Taken characters are marked in a byte map, so each candidate costs its own length.
    """
    origin = run[0][1].start
    occupied = bytearray(reach - origin)
    taken: list[Mention] = []
    for _, mention in sorted(run, key=_rank):
        start, end = mention.start - origin, mention.end - origin
        if occupied.find(1, start, end) != -1:
            continue
        occupied[start:end] = b"\x01" * (end - start)
        taken.append(mention)
    return sorted(taken, key=_by_start)
