"""The English grammar of time expressions: patterns built from the word tables.

Each rule is a compiled pattern plus a builder that turns a match into a :class:`Mention`
(what the text says; no reference date is applied here). All rules scan the text once
each; overlapping candidates are settled by :func:`select` (longest first, then the rule
listed first), which does not depend on the order matches were found in.

Patterns avoid nested quantifiers so that time grows linearly with text length, also on
adversarial input (long runs of digits or month names).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

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
)
from .tables import Tables

__all__ = ["Grammar", "Rule", "select"]

Builder = Callable[[re.Match[str]], "Mention | None"]

B = r"(?<![\w])"  # word start
E = r"(?![\w])"  # word end
S = r"[ \t]+"  # spaces inside an expression (never a newline: expressions do not cross lines)


def alt(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any run of blanks."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", S) for w in unique) + ")"


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    build: Builder


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


class Grammar:
    """All rules of one language, compiled once (see :func:`timeline.extract.get_grammar`)."""

    def __init__(self, tables: Tables) -> None:
        self.t = tables
        t = tables
        months_full = [m for m in t.months if len(m) > 3 and m not in ("sept",)]
        months_abbr = [m for m in t.months if m not in months_full]
        self.MONTH = (
            "(?:" + alt(months_full) + "|" + alt(months_abbr) + r"\.?)"
        )
        weekdays_full = [w for w in t.weekdays if w.endswith("day")]
        weekdays_abbr = [w for w in t.weekdays if not w.endswith("day")]
        self.WEEKDAY = "(?:" + alt(weekdays_full) + "|" + alt(weekdays_abbr) + r"\.?)"
        self.WEEKDAY_FULL = alt(weekdays_full)
        number_words = [w for w in t.numbers if w not in ("a", "an")]
        word_number = alt(number_words)
        self.NUMBER = rf"(?:\d{{1,4}}(?:[.,]\d{{1,2}})?|{word_number}(?:-{word_number})?|an?)"
        self.UNIT = alt(t.units)
        self.PLURAL_UNIT = alt(w for w, u in t.units.items() if w.endswith("s") and w != "hrs" and w != "secs")
        self.APPROX = alt(t.approximators)
        self.VAGUE_COUNT = alt(t.vague_counts)
        self.INTENSIFIER = alt(t.intensifiers)
        self.ZONE = alt(t.zones)
        self.ORDINAL = alt(t.ordinals)
        self.YEAR = r"(?:1[0-9]\d\d|20\d\d)"
        self.DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
        self.PART = alt(t.parts_of_day)
        self.SHIFT = alt(t.shift_words)
        self.EDGE = alt(t.edge_modifiers)
        self.SEASON = alt(t.seasons)
        self.rules = self._rules()

    # ------------------------------------------------------------------ helpers

    def number(self, text: str) -> float | None:
        text = _norm(text)
        if not text:
            return None
        if text[0].isdigit():
            return float(text.replace(",", "."))
        total = 0.0
        for part in text.split("-"):
            value = self.t.numbers.get(part)
            if value is None:
                return None
            total += value
        return total

    def month(self, text: str) -> int:
        return self.t.months[_norm(text).rstrip(".")]

    def weekday(self, text: str) -> int:
        return self.t.weekdays[_norm(text).rstrip(".")]

    def unit(self, text: str) -> str:
        return self.t.units[_norm(text)]

    @staticmethod
    def _capitalised(text: str) -> bool:
        return text[:1].isupper()

    def _zone(self, match: re.Match[str]) -> str | None:
        zone = match.groupdict().get("zone")
        if not zone:
            return None
        for phrase in self.t.zones:
            if _norm(phrase) == _norm(zone):
                return phrase
        return zone

    # ------------------------------------------------------------------ rules

    def _rules(self) -> list[Rule]:
        m, wd, y, d = self.MONTH, self.WEEKDAY, self.YEAR, self.DAYNUM
        clock = (
            rf"(?P<clock>(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d))?[ \t]*"
            rf"(?P<ampm>[ap]\.?[ \t]?m\.?(?![\w])|[AP]M{E})"
            rf"|(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d){E}(?:[ \t]*h(?:rs|ours)?{E})?"
            rf"|(?P<word>{alt(self.t.clock_words)}){E})"
        )
        zone = rf"(?:[ \t]*\(?[ \t]*(?P<zone>{self.ZONE}){E}\)?)?"
        weekday_prefix = rf"(?:(?P<wd>{wd}){E}[ \t]*,?[ \t]*)?"
        sep = r"[ \t]*,?[ \t]*"
        quantity = (
            rf"(?:(?P<approx>{self.APPROX}){S})?(?:(?P<intens>{self.INTENSIFIER}){S})?"
            rf"(?:(?P<count>{self.NUMBER})(?:[ \t]+|-)(?P<unit>{self.UNIT})(?:-long|-old)?{E}"
            rf"|(?:(?P<vcount>{self.VAGUE_COUNT}){S})?(?P<vunit>{self.PLURAL_UNIT}){E})"
        )
        cue = alt(self.t.relation_cues)
        anchor = r"(?P<anchor>(?:[^.,;:!?\n\"“”()]|\.(?=\w)){1,120})"
        R = [
            # 2025-01-21, 2025-01-21T14:03
            ("iso_date", rf"{B}(?P<y>{y})-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
             rf"(?:T(?P<hour24>[01]\d|2[0-3]):(?P<minute24>[0-5]\d))?{E}", self._iso_date),
            # 01/21/2025, 21.01.2025
            ("numeric_date", rf"{B}(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>{y}|\d\d){E}", self._numeric_date),
            # Tuesday, January 21, 2025 / Jan. 21 / January 21st , 2008
            ("month_day_year", rf"{B}{weekday_prefix}(?P<mo>{m})[ \t]*(?P<d>{d}){E}(?:{sep}(?P<y>{y}){E})?",
             self._month_day),
            # Tuesday 21 January 2025 / the 21st of January
            ("day_month_year", rf"{B}{weekday_prefix}(?:the[ \t]+)?(?P<d>{d})[ \t]+(?:of[ \t]+)?(?P<mo>{m}){E}"
             rf"(?:{sep}(?P<y>{y}){E})?", self._month_day),
            # January 2025, early March 2008, mid-2008, late 2008
            ("month_year", rf"{B}(?:(?P<edge>{self.EDGE})[ \t-]+)?(?P<mo>{m}){sep}(?P<y>{y}){E}", self._month_year),
            ("edge_year", rf"{B}(?P<edge>{self.EDGE})[ \t-]+(?P<y>{y}){E}", self._month_year),
            # (in) March, last March, early March
            ("month_name", rf"{B}(?:(?P<shift>{self.SHIFT}|{self.EDGE})[ \t-]+)?(?P<mo>{m}){E}", self._month_alone),
            # the 1990s, the '90s
            ("decade", rf"{B}(?:the[ \t]+)?(?:(?P<edge>{self.EDGE})[ \t-]+)?(?P<dec>1\d\d|20\d)0'?s{E}", self._decade),
            # the first quarter (of 2008), Q3 2008, the second half of 2008
            ("quarter", rf"{B}(?:the[ \t]+)?(?P<ord>{self.ORDINAL}|[1-4](?:st|nd|rd|th))[ \t]+"
             rf"(?P<part>quarter|half){E}(?:[ \t]+of[ \t]+(?:(?P<y>{y})|(?P<shift>{self.SHIFT})[ \t]+year){E})?",
             self._quarter),
            ("q_quarter", rf"{B}Q(?P<ord>[1-4])[ \t]*(?P<y>{y})?{E}", self._quarter),
            # spring 2008, last summer, this winter
            ("season", rf"{B}(?:(?P<shift>{self.SHIFT}|{self.EDGE})[ \t]+)?(?P<season>{self.SEASON})"
             rf"(?:[ \t]+(?:of[ \t]+)?(?P<y>{y}))?{E}", self._season),
            # yesterday, tonight, last night, this morning
            ("relative_day", rf"{B}(?P<rel>{alt(self.t.relative_days)}){E}(?:[ \t]+(?P<part>{self.PART}){E})?",
             self._relative_day),
            # last week, next year, this month, the past decade, the coming weekend
            ("relative_unit", rf"{B}(?:(?P<edge>{self.EDGE})[ \t]+)?(?P<shift>{self.SHIFT})[ \t]+"
             rf"(?P<unit>week|weekend|month|year|decade|century|quarter){E}", self._relative_unit),
            # earlier this month, later this year
            ("earlier_this", rf"{B}(?P<side>earlier|later)[ \t]+this[ \t]+(?P<unit>week|month|year){E}",
             self._earlier_this),
            # three days ago, a year ago
            ("ago", rf"{B}{quantity}[ \t]+ago{E}", self._ago),
            # two hours later, days earlier (no anchor in the phrase: the narrative supplies it)
            ("later", rf"{B}{quantity}[ \t]+(?P<cue>later|earlier){E}", self._relation),
            # hours after the inauguration, a day after Trump was sworn in
            ("relation", rf"{B}{quantity}[ \t]+(?P<cue>{cue}){E}{anchor}", self._relation),
            # the day after the inauguration
            ("day_relation", rf"{B}the[ \t]+(?P<which>day|night|morning)[ \t]+(?P<cue>after|before){E}{anchor}",
             self._day_relation),
            # on the first day of his second term
            ("nth_day_of", rf"{B}(?P<t>the[ \t]+(?P<ord>{self.ORDINAL})[ \t]+day){E}[ \t]+of{E}{anchor}",
             self._nth_day_of),
            # last Tuesday, Tuesday night, on Monday
            ("weekday", rf"{B}(?:(?P<shift>last|next|this|coming|past)[ \t]+)?(?P<wd>{wd}){E}"
             rf"(?:[ \t]+(?P<part>{self.PART}){E})?", self._weekday),
            # 11:00 a.m. Washington time, noon ET, 18:00 UTC
            ("clock_time", rf"{B}(?:at[ \t]+)?{clock}{zone}", self._clock),
            # 1.5-hour, three days, a decade, several weeks
            ("duration", rf"{B}{quantity}", self._duration),
            # every week, each year, 15 a year
            ("set_every", rf"{B}(?P<every>every|each|per)[ \t]+(?:(?P<count>{self.NUMBER})[ \t]+)?"
             rf"(?P<unit>{self.UNIT}|{self.WEEKDAY_FULL}){E}", self._set),
            ("set_rate", rf"(?<=\d)[ \t]+(?P<t>(?:times[ \t]+)?an?[ \t]+(?P<unit>year|month|week|day)){E}",
             self._set),
            ("frequency", rf"{B}(?P<freq>{alt(self.t.frequencies)}){E}", self._frequency),
            ("reference", rf"{B}(?P<ref>{alt(self.t.references)}){E}", self._reference),
            # A year on its own: 2008, in 1999 (not 2008 people, not $2008, not 2,008)
            ("year", rf"(?<![\w$£€.,:/#-])(?P<y>{y})(?![\w%]|[.,]\d|-\d|[ \t]*(?:%|percent|per[ \t]cent))",
             self._year),
        ]
        flags = re.IGNORECASE
        return [Rule(name, re.compile(pattern, flags), build) for name, pattern, build in R]

    # ------------------------------------------------------------------ builders
    # Each returns a Mention for the match or None to reject it.

    def _mention(self, match: re.Match[str], spec: Spec, timex: str | None,
                 span: tuple[int, int] | None = None) -> Mention:
        start, end = span if span else (match.span("t") if match.groupdict().get("t") else match.span())
        text = match.string[start:end]
        # Trailing blanks and dots (sentence ends after "p.m.") stay out of the span.
        stripped = text.rstrip(" \t")
        end -= len(text) - len(stripped)
        return Mention(stripped, start, end, "", spec, timex)  # type: ignore[arg-type]

    def _iso_date(self, mt: re.Match[str]) -> Mention | None:
        hour = mt["hour24"]
        spec = Calendar(year=int(mt["y"]), month=int(mt["mo"]), day=int(mt["d"]),
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
        return self._mention(mt, Calendar(year=year, month=month, day=day), "DATE")

    def _month_ok(self, mt: re.Match[str]) -> bool:
        """Month names are capitalised in news; "may", "mar", "sat" need a number beside them."""
        word = mt["mo"]
        return self._capitalised(word)

    def _month_day(self, mt: re.Match[str]) -> Mention | None:
        if not self._month_ok(mt):
            return None
        day = int(re.match(r"\d+", mt["d"]).group())  # type: ignore[union-attr]
        if day < 1 or day > 31:
            return None
        # A weekday written beside the date ("Tuesday, January 21") is part of the span; the
        # date decides the value.
        spec = Calendar(year=int(mt["y"]) if mt["y"] else None, month=self.month(mt["mo"]), day=day)
        return self._mention(mt, spec, "DATE")

    def _month_year(self, mt: re.Match[str]) -> Mention | None:
        month = mt.groupdict().get("mo")
        if month and not self._capitalised(month):
            return None
        edge = self.t.edge_modifiers.get(_norm(mt["edge"])) if mt["edge"] else None
        spec = Calendar(year=int(mt["y"]), month=self.month(month) if month else None, modifier=edge)
        return self._mention(mt, spec, "DATE")

    def _month_alone(self, mt: re.Match[str]) -> Mention | None:
        word = mt["mo"]
        if not self._capitalised(word) or _norm(word).rstrip(".") in self.t.ambiguous_abbreviations:
            return None
        if _norm(word) == "may" and not mt["shift"]:
            return None  # "May" alone is more often the verb at a sentence start
        if word.endswith(".") and len(word) <= 5:
            return None
        shift = _norm(mt["shift"]) if mt["shift"] else None
        edge = self.t.edge_modifiers.get(shift) if shift else None
        direction = {-1: "past", 1: "future"}.get(self.t.shift_words.get(shift or "", 0), "either")
        spec = Calendar(month=self.month(word), modifier=edge, direction=direction)  # type: ignore[arg-type]
        return self._mention(mt, spec, "DATE")

    def _decade(self, mt: re.Match[str]) -> Mention | None:
        edge = self.t.edge_modifiers.get(_norm(mt["edge"])) if mt["edge"] else None
        return self._mention(mt, Calendar(decade=int(mt["dec"]), modifier=edge), "DATE")

    def _quarter(self, mt: re.Match[str]) -> Mention | None:
        raw = _norm(mt["ord"])
        number = int(raw[0]) if raw[0].isdigit() else self.t.ordinals.get(raw, 0)
        part = mt.groupdict().get("part") or "quarter"
        limit = 4 if part == "quarter" else 2
        if number == -1:
            number = limit
        if not 1 <= number <= limit:
            return None
        year = int(mt["y"]) if mt["y"] else None
        shift = mt.groupdict().get("shift")
        if year is None and not shift and part == "half":
            return None  # "the first half" alone is too often not about time ("of the match")
        spec = Calendar(year=year, quarter=number if part == "quarter" else None,
                        half=number if part == "half" else None,
                        year_shift=self.t.shift_words[_norm(shift)] if shift else None)
        return self._mention(mt, spec, "DATE")

    def _season(self, mt: re.Match[str]) -> Mention | None:
        shift = _norm(mt["shift"]) if mt["shift"] else None
        if not shift and not mt["y"]:
            return None  # "spring", "fall" alone are too often not seasons
        season = self.t.seasons[_norm(mt["season"])]
        year = int(mt["y"]) if mt["y"] else None
        edge = self.t.edge_modifiers.get(shift or "")
        direction = {-1: "past", 1: "future"}.get(self.t.shift_words.get(shift or "", 0), "either")
        spec = Calendar(year=year, season=season, modifier=edge, direction=direction)  # type: ignore[arg-type]
        return self._mention(mt, spec, "DATE")

    def _relative_day(self, mt: re.Match[str]) -> Mention | None:
        offset, part = self.t.relative_days[_norm(mt["rel"])]
        if mt["part"]:
            part = self.t.parts_of_day[_norm(mt["part"])].code
        spec = Relative(unit="day", offset=offset, part_of_day=part)
        return self._mention(mt, spec, "TIME" if part else "DATE")

    def _relative_unit(self, mt: re.Match[str]) -> Mention | None:
        shift = _norm(mt["shift"])
        unit = _norm(mt["unit"])
        edge = self.t.edge_modifiers.get(_norm(mt["edge"])) if mt["edge"] else None
        spec = Relative(unit=unit, offset=self.t.shift_words[shift], modifier=edge)
        if shift == "past" and unit != "weekend":
            # "the past week" is a stretch of time up to now: a duration in TimeML.
            start = mt.start()
            text = mt.string
            if text[max(0, start - 4):start].lower() == "the ":
                start -= 4
            return self._mention(mt, Duration(Quantity(1, 1, unit)), "DURATION",
                                 span=(start, mt.end()))
        return self._mention(mt, spec, "DATE")

    def _earlier_this(self, mt: re.Match[str]) -> Mention | None:
        spec = Relative(unit=_norm(mt["unit"]), offset=0,
                        modifier="START" if _norm(mt["side"]) == "earlier" else "END")
        return self._mention(mt, spec, "DATE")

    def quantity(self, mt: re.Match[str]) -> Quantity | None:
        """The amount a match states, with vague words and approximators given bounds."""
        groups = mt.groupdict()
        counted = " ".join(filter(None, (groups.get("count"), groups.get("unit"))))
        if _norm(counted) in self.t.not_quantities or _norm(mt.group()) in self.t.not_quantities:
            return None
        if groups.get("vunit"):
            word = _norm(groups["vunit"])
            unit = self.t.units[word]
            if groups.get("vcount"):
                low, high = self.t.vague_counts[_norm(groups["vcount"])]
            else:
                vague = self.t.vague_quantities.get(word)
                if vague is None:
                    return None
                low, high, unit = vague.low, vague.high, vague.unit
            quantity = Quantity(low, high, unit, vague=True)
        else:
            count = self.number(groups["count"]) if groups.get("count") else None
            if count is None or count <= 0:
                return None
            unit = self.unit(groups["unit"])
            # A number is rounded to the precision it is written at: "1.5 hours" is 1.45..1.55.
            text = groups["count"]
            precision = 0.05 if "." in text or "," in text else (0.5 if text[0].isdigit() else 0.0)
            quantity = Quantity(count - precision if count > precision else count, count + precision, unit)
            quantity = replace(quantity, low=max(quantity.low, 0.0), stated=count)
        if groups.get("approx"):
            factors = self.t.approximators[_norm(groups["approx"])]
            quantity = replace(quantity, low=quantity.low * factors.low_factor,
                               high=quantity.high * factors.high_factor, approximate=True, mod=factors.mod)
        return quantity

    def _ago(self, mt: re.Match[str]) -> Mention | None:
        quantity = self.quantity(mt)
        if quantity is None:
            return None
        count = quantity.stated
        spec = Relative(unit=quantity.unit, offset=-int(count) if count and count == int(count) else -1,
                        approximate=quantity.vague or quantity.approximate or count is None)
        return self._mention(mt, spec, "DATE")

    def _relation(self, mt: re.Match[str]) -> Mention | None:
        quantity = self.quantity(mt)
        if quantity is None:
            return None
        cue = _norm(mt["cue"])
        direction = self.t.relation_cues[cue]
        anchor = mt.groupdict().get("anchor")
        anchor_start, anchor_end = mt.span("anchor") if anchor else (mt.end(), mt.end())
        if anchor:
            stripped = anchor.rstrip()
            anchor_end = anchor_start + len(stripped)
            lead = len(stripped) - len(stripped.lstrip())
            anchor_start += lead
            anchor = stripped.strip()
        calendar = quantity.unit == "day" and not quantity.vague and not quantity.approximate
        kind: str
        if calendar:
            kind = "day_after" if direction == "after" else "day_before"
        else:
            kind = direction
        spec = Relation(kind=kind, quantity=quantity, cue=cue,  # type: ignore[arg-type]
                        anchor_text=anchor or "", anchor_start=anchor_start, anchor_end=anchor_end)
        quantity_end = mt.start("cue")
        text = mt.string[mt.start():quantity_end].rstrip()
        return self._mention(mt, spec, "DURATION", span=(mt.start(), mt.start() + len(text)))

    def _day_relation(self, mt: re.Match[str]) -> Mention | None:
        cue = _norm(mt["cue"])
        anchor_start, anchor_end = mt.span("anchor")
        anchor = mt["anchor"]
        anchor_start += len(anchor) - len(anchor.lstrip())
        anchor_end -= len(anchor) - len(anchor.rstrip())
        spec = Relation(kind="day_after" if cue == "after" else "day_before", quantity=Quantity(1, 1, "day"),
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
        spec = Relation(kind="day_after", quantity=Quantity(number - 1, number - 1, "day"), cue="the day of",
                        anchor_text=anchor.strip(), anchor_start=anchor_start, anchor_end=anchor_end)
        return self._mention(mt, spec, "DATE", span=mt.span("t"))

    def _weekday(self, mt: re.Match[str]) -> Mention | None:
        word = mt["wd"]
        if not self._capitalised(word):
            return None
        bare = _norm(word).rstrip(".")
        if bare in self.t.ambiguous_abbreviations or (len(bare) <= 4 and not word.endswith(".")):
            return None
        shift = _norm(mt["shift"]) if mt["shift"] else None
        direction = {"last": "past", "past": "past", "next": "future", "coming": "future"}.get(shift or "", "either")
        part = self.t.parts_of_day[_norm(mt["part"])].code if mt["part"] else None
        spec = Weekday(weekday=self.weekday(word), direction=direction, part_of_day=part)  # type: ignore[arg-type]
        return self._mention(mt, spec, "TIME" if part else "DATE")

    def _clock(self, mt: re.Match[str]) -> Mention | None:
        if mt["word"]:
            hour, minute = self.t.clock_words[_norm(mt["word"])], 0
        elif mt["hour24"] is not None:
            hour, minute = int(mt["hour24"]), int(mt["minute24"])
            if not mt["zone"] and not re.search(r"h|hours|hrs", mt.group()):
                # A bare 14:30 is a time; "3:1" never reaches here (two-digit minutes required),
                # but sports scores like "2:05" in a race are left to context: accept only HH:MM.
                if len(mt["hour24"]) < 2:
                    return None
        else:
            hour = int(mt["hour"]) % 12 + (12 if mt["ampm"].lower().startswith("p") else 0)
            minute = int(mt["minute"] or 0)
            if int(mt["hour"]) > 12 or int(mt["hour"]) == 0:
                return None
        spec = Calendar(hour=hour, minute=minute, zone=self._zone(mt))
        start = mt.start("clock")
        return self._mention(mt, spec, "TIME", span=(start, mt.end()))

    def _duration(self, mt: re.Match[str]) -> Mention | None:
        quantity = self.quantity(mt)
        if quantity is None:
            return None
        if mt["count"] and _norm(mt["count"]) in ("a", "an") and mt.start() > 0:
            # "a year" right after a number is a rate ("15 a year"), found by set_rate.
            before = mt.string[max(0, mt.start() - 3):mt.start()]
            if any(ch.isdigit() for ch in before):
                return None
        if mt["count"] and mt["count"][0].isdigit() and mt["unit"] and _norm(mt["unit"]) in ("min", "sec"):
            return None
        return self._mention(mt, Duration(quantity), "DURATION")

    def _set(self, mt: re.Match[str]) -> Mention | None:
        unit_word = _norm(mt["unit"])
        weekday = self.t.weekdays.get(unit_word)
        count = self.number(mt["count"]) if mt.groupdict().get("count") else 1.0
        unit = "week" if weekday is not None else self.t.units.get(unit_word, unit_word)
        spec = Recurrence(unit=unit, every=count or 1.0, weekday=weekday)
        return self._mention(mt, spec, "SET")

    def _frequency(self, mt: re.Match[str]) -> Mention | None:
        unit, every = self.t.frequencies[_norm(mt["freq"])]
        return self._mention(mt, Recurrence(unit=unit, every=every), "SET")

    def _reference(self, mt: re.Match[str]) -> Mention | None:
        ref = self.t.references[_norm(mt["ref"])]
        return self._mention(mt, Reference(ref=ref), "DATE")  # type: ignore[arg-type]

    def _year(self, mt: re.Match[str]) -> Mention | None:
        return self._mention(mt, Calendar(year=int(mt["y"])), "DATE")

    # ------------------------------------------------------------------ scanning

    def candidates(self, text: str) -> Iterator[tuple[int, Mention]]:
        for priority, rule in enumerate(self.rules):
            for match in rule.pattern.finditer(text):
                mention = rule.build(match)
                if mention is not None and mention.end > mention.start:
                    yield priority, replace(mention, rule=rule.name)


def select(candidates: Sequence[tuple[int, Mention]]) -> list[Mention]:
    """Keep non-overlapping mentions: longest first, then the rule listed first, then leftmost.

    The order of ``candidates`` does not matter: the sort key decides every tie.
    """
    ranked = sorted(candidates, key=lambda c: (-(c[1].end - c[1].start), c[0], c[1].start, c[1].text))
    taken: list[Mention] = []
    occupied: list[tuple[int, int]] = []
    for _, mention in ranked:
        if any(mention.start < end and start < mention.end for start, end in occupied):
            continue
        taken.append(mention)
        occupied.append((mention.start, mention.end))
    return sorted(taken, key=lambda m: m.start)
