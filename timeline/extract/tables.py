"""Word lists and bounds, loaded from ``data/<language>.toml`` into one typed, checked object.

The grammar (``grammar.py``) builds its patterns from these tables; nothing English is
spelled in code. ``tests/test_tables.py`` checks every entry.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

from ..errors import InputError

__all__ = [
    "LANGUAGES",
    "UNITS",
    "Approximator",
    "Holiday",
    "PartOfDay",
    "Tables",
    "VagueQuantity",
    "load_tables",
    "parse_tables",
    "with_bounds",
]

# Canonical units, in increasing size; "fortnight" and "quarter" are spelled out as weeks/months
# by the resolver.
UNITS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year", "decade", "century")
LANGUAGES = ("en",)


@dataclass(frozen=True)
class PartOfDay:
    code: str
    start_hour: int
    end_hour: int  # may pass 24: "night" runs into the next morning


@dataclass(frozen=True)
class VagueQuantity:
    unit: str
    low: float
    high: float


@dataclass(frozen=True)
class Approximator:
    low_factor: float
    high_factor: float
    mod: str


@dataclass(frozen=True)
class Holiday:
    """A holiday on a fixed date (``month``, ``day``) or ``easter`` days after Easter Sunday."""

    month: int | None = None
    day: int | None = None
    easter: int | None = None


@dataclass(frozen=True)
class Tables:
    language: str
    numeric_date_order: str
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    ambiguous_abbreviations: frozenset[str]
    numbers: Mapping[str, float]
    ordinals: Mapping[str, int]
    units: Mapping[str, str]
    relative_days: Mapping[str, tuple[int, str | None]]
    parts_of_day: Mapping[str, PartOfDay]
    shift_words: Mapping[str, int]
    edge_modifiers: Mapping[str, str]
    seasons: Mapping[str, str]
    clock_words: Mapping[str, int]
    zones: Mapping[str, tuple[str, ...]]
    references: Mapping[str, str]
    frequencies: Mapping[str, tuple[str, float]]
    every_other: Mapping[str, int]
    amount_words: tuple[str, ...]
    relation_cues: Mapping[str, str]
    simultaneity_cues: tuple[str, ...]
    simultaneity_tolerance_hours: float
    not_quantities: frozenset[str]
    future_cues: tuple[str, ...]
    vague_quantities: Mapping[str, VagueQuantity]
    vague_counts: Mapping[str, tuple[float, float]]
    approximators: Mapping[str, Approximator]
    intensifiers: tuple[str, ...]
    abbreviations: frozenset[str]
    clause_openers: tuple[str, ...]
    holidays: Mapping[str, Holiday]
    eras: Mapping[str, int]
    anaphoric_shifts: Mapping[str, int]
    duration_adjectives: tuple[str, ...]
    period_adjectives: Mapping[str, str]
    occasions: frozenset[str]
    month_prepositions: frozenset[str]
    extent_excluded: frozenset[str]
    not_before_years: tuple[str, ...]

    def part_of_day(self, code: str) -> PartOfDay:
        for part in self.parts_of_day.values():
            if part.code == code:
                return part
        raise KeyError(code)


def _fail(source: str, key: str, message: str) -> InputError:
    return InputError(f"{message} (entry {key!r})", file=source)


def _vague_entry(phrase: str, entry: Any, source: str) -> VagueQuantity:
    try:
        unit = str(entry["unit"])
        low, high = (float(v) for v in entry["bounds"])
    except (KeyError, TypeError, ValueError):
        raise _fail(
            source, phrase, 'a vague quantity needs unit and bounds, e.g. { unit = "hour", bounds = [1, 24] }'
        ) from None
    if unit not in UNITS:
        raise _fail(source, phrase, f"unknown unit {unit!r}; use one of {', '.join(UNITS)}")
    if not 0 <= low <= high:
        raise _fail(source, phrase, f"bounds must satisfy 0 <= low <= high, got [{low}, {high}]")
    return VagueQuantity(unit, low, high)


def _holiday(name: str, entry: Any, source: str) -> Holiday:
    if not isinstance(entry, Mapping):
        raise _fail(source, name, "a holiday needs { month = M, day = D } or { easter = N }")
    if "easter" in entry:
        return Holiday(easter=int(entry["easter"]))
    month, day = int(entry["month"]), int(entry["day"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise _fail(source, name, f"no such date: month {month}, day {day}")
    return Holiday(month=month, day=day)


def _lower_keys(table: Mapping[str, Any]) -> dict[str, Any]:
    return {key.lower(): value for key, value in table.items()}


def parse_tables(data: Mapping[str, Any], source: str) -> Tables:
    """Build and check :class:`Tables` from a parsed TOML document."""
    try:
        parts = {
            word: PartOfDay(entry["code"], int(entry["hours"][0]), int(entry["hours"][1]))
            for word, entry in _lower_keys(data["parts_of_day"]).items()
        }
        tables = Tables(
            language=data["language"],
            numeric_date_order=data["numeric_date_order"],
            months=_lower_keys(data["months"]),
            weekdays=_lower_keys(data["weekdays"]),
            ambiguous_abbreviations=frozenset(w.lower() for w in data["ambiguous_abbreviations"]["words"]),
            numbers={k: float(v) for k, v in _lower_keys(data["numbers"]).items()},
            ordinals=_lower_keys(data["ordinals"]),
            units=_lower_keys(data["units"]),
            relative_days={
                k: (int(v["offset"]), v.get("part")) for k, v in _lower_keys(data["relative_days"]).items()
            },
            parts_of_day=parts,
            shift_words=_lower_keys(data["shift_words"]),
            edge_modifiers=_lower_keys(data["edge_modifiers"]),
            seasons=_lower_keys(data["seasons"]),
            clock_words=_lower_keys(data["clock_words"]),
            zones={k: tuple(v) for k, v in data["zones"].items()},
            references=_lower_keys(data["references"]),
            frequencies={
                k: (str(v["unit"]), float(v["every"])) for k, v in _lower_keys(data["frequencies"]).items()
            },
            every_other={k: int(v) for k, v in _lower_keys(data["every_other"]).items()},
            amount_words=tuple(w.lower() for w in data["amount_words"]["words"]),
            relation_cues=_lower_keys(data["relation_cues"]),
            simultaneity_cues=tuple(w.lower() for w in data["simultaneity_cues"]["words"]),
            simultaneity_tolerance_hours=float(data["simultaneity_cues"]["tolerance_hours"]),
            not_quantities=frozenset(w.lower() for w in data["not_quantities"]["phrases"]),
            future_cues=tuple(w.lower() for w in data["future_cues"]["words"]),
            vague_quantities={
                k: _vague_entry(k, v, source) for k, v in _lower_keys(data["vague_quantities"]).items()
            },
            vague_counts={
                k: (float(v[0]), float(v[1])) for k, v in _lower_keys(data["vague_counts"]).items()
            },
            approximators={
                k: Approximator(float(v["factors"][0]), float(v["factors"][1]), str(v["mod"]))
                for k, v in _lower_keys(data["approximators"]).items()
            },
            intensifiers=tuple(w.lower() for w in data["intensifiers"]["words"]),
            abbreviations=frozenset(w.lower() for w in data["abbreviations"]["words"]),
            clause_openers=tuple(w.lower() for w in data["clause_openers"]["words"]),
            holidays={k: _holiday(k, v, source) for k, v in _lower_keys(data["holidays"]).items()},
            eras={k: int(v) for k, v in _lower_keys(data["eras"]).items()},
            anaphoric_shifts={k: int(v) for k, v in _lower_keys(data["anaphoric_shifts"]).items()},
            duration_adjectives=tuple(w.lower() for w in data["duration_adjectives"]["words"]),
            period_adjectives={k: str(v) for k, v in _lower_keys(data["period_adjectives"]).items()},
            occasions=frozenset(w.lower() for w in data["occasions"]["words"]),
            month_prepositions=frozenset(w.lower() for w in data["month_prepositions"]["words"]),
            extent_excluded=frozenset(w.lower() for w in data["extent"]["exclude"]),
            not_before_years=tuple(w.lower() for w in data["not_before_years"]["words"]),
        )
    except (KeyError, TypeError, IndexError, ValueError) as error:
        raise InputError(f"malformed word table: {error!r}; compare with timeline/extract/data/en.toml",
                         file=source) from None
    return tables


@functools.lru_cache(maxsize=8)
def load_tables(language: str = "en") -> Tables:
    """The word tables of a language (only English ships today)."""
    if language not in LANGUAGES:
        raise InputError(
            f"no word tables for language {language!r}; available: {', '.join(LANGUAGES)}. "
            "Add timeline/extract/data/<language>.toml to support it."
        )
    resource = resources.files("timeline.extract") / "data" / f"{language}.toml"
    with resource.open("rb") as handle:
        data = tomllib.load(handle)
    return parse_tables(data, source=f"timeline/extract/data/{language}.toml")


def _count_entry(phrase: str, entry: Any, source: str) -> tuple[float, float]:
    try:
        low, high = (float(v) for v in entry)
    except (TypeError, ValueError):
        raise _fail(source, phrase, "a counting word needs bounds [low, high], e.g. [2, 5]") from None
    if not 0 <= low <= high:
        raise _fail(source, phrase, f"bounds must satisfy 0 <= low <= high, got [{low}, {high}]")
    return low, high


def with_bounds(tables: Tables, vague_quantities: Mapping[str, Any], vague_counts: Mapping[str, Any], *,
                source: str) -> Tables:
    """``tables`` with a story's own bounds for vague amounts ("hours", "a few"), in the
    format of ``[vague_quantities]`` and ``[vague_counts]`` in ``data/<language>.toml``.

    Only bounds change: a phrase must be one the language's tables already know (the grammar
    finds phrases by those tables), and an unknown one is an error naming ``source``."""
    for section, given, known in (("vague_quantities", vague_quantities, tables.vague_quantities),
                                  ("vague_counts", vague_counts, tables.vague_counts)):
        for phrase in given:
            if phrase.lower() not in known:
                raise InputError(
                    f"[{section}] {phrase!r} is not a phrase the {tables.language!r} word tables know; "
                    f"give bounds for one of: {', '.join(sorted(known))}", file=source, field=f"{section}.{phrase}")
    if not vague_quantities and not vague_counts:
        return tables
    return replace(
        tables,
        vague_quantities={**tables.vague_quantities,
                          **{k.lower(): _vague_entry(k, v, source) for k, v in vague_quantities.items()}},
        vague_counts={**tables.vague_counts,
                      **{k.lower(): _count_entry(k, v, source) for k, v in vague_counts.items()}},
    )
