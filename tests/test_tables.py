"""Data integrity of the English word tables: every entry of timeline/extract/data/en.toml is checked."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from timeline.errors import InputError
from timeline.extract.tables import UNITS, load_tables, parse_tables

PARTS = {"MO", "AF", "EV", "NI", "MI"}
SEASONS = {"SP", "SU", "FA", "WI"}
MODS = {"APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS", "START", "MID", "END"}
REFS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


def raw() -> dict[str, Any]:
    with (resources.files("timeline.extract") / "data" / "en.toml").open("rb") as handle:
        return tomllib.load(handle)


def test_tables_load_and_keys_are_lower_case_single_spaced() -> None:
    tables = load_tables("en")
    for name in ("months", "weekdays", "numbers", "ordinals", "units", "relative_days", "parts_of_day",
                 "shift_words", "edge_modifiers", "seasons", "clock_words", "references", "frequencies",
                 "relation_cues", "vague_quantities", "vague_counts", "approximators", "holidays", "eras",
                 "anaphoric_shifts", "period_adjectives", "every_other"):
        for key in getattr(tables, name):
            assert key == key.lower() == " ".join(key.split()), (name, key)


def test_every_month_weekday_number_ordinal_is_in_range() -> None:
    tables = load_tables()
    assert sorted(set(tables.months.values())) == list(range(1, 13))
    assert sorted(set(tables.weekdays.values())) == list(range(7))
    assert all(0 < v <= 100 for v in tables.numbers.values())
    assert all(v == -1 or 1 <= v <= 31 for v in tables.ordinals.values())
    assert all(2 <= v <= 31 for v in tables.every_other.values())
    assert tables.numeric_date_order in ("MDY", "DMY")


def test_every_unit_is_known() -> None:
    tables = load_tables()
    assert set(tables.units.values()) <= set(UNITS)
    assert {q.unit for q in tables.vague_quantities.values()} <= set(UNITS)
    assert {unit for unit, _ in tables.frequencies.values()} <= set(UNITS)
    assert set(tables.period_adjectives.values()) <= set(UNITS)


def test_every_bound_is_ordered_and_non_negative() -> None:
    tables = load_tables()
    for phrase, quantity in tables.vague_quantities.items():
        assert 0 <= quantity.low <= quantity.high, phrase
    for phrase, (low, high) in tables.vague_counts.items():
        assert 0 <= low <= high, phrase
    for phrase, approx in tables.approximators.items():
        assert 0 <= approx.low_factor <= approx.high_factor, phrase
        assert approx.mod in MODS, phrase
    assert tables.simultaneity_tolerance_hours > 0


def test_every_zone_is_valid_iana() -> None:
    tables = load_tables()
    assert "local time" in tables.zones and tables.zones["local time"] == ()
    for phrase, zones in tables.zones.items():
        for zone in zones:
            ZoneInfo(zone)  # raises for an unknown zone
        assert len(set(zones)) == len(zones), phrase


def test_codes_and_references_are_timex_codes() -> None:
    tables = load_tables()
    assert {p.code for p in tables.parts_of_day.values()} <= PARTS
    for part in tables.parts_of_day.values():
        assert 0 <= part.start_hour < part.end_hour <= 36
    assert set(tables.seasons.values()) == SEASONS
    assert set(tables.edge_modifiers.values()) <= MODS
    assert set(tables.references.values()) <= REFS
    assert all(part in PARTS for _, part in tables.relative_days.values() if part)
    assert all(-2 <= offset <= 2 for offset, _ in tables.relative_days.values())
    assert all(0 <= hour <= 23 for hour in tables.clock_words.values())
    assert set(tables.relation_cues.values()) <= {"after", "before"}
    assert set(tables.shift_words.values()) <= {-1, 0, 1}
    assert set(tables.anaphoric_shifts.values()) <= {-1, 0, 1}
    assert set(tables.eras.values()) <= {-1, 1}


def test_holidays_are_real_dates_or_easter_offsets() -> None:
    tables = load_tables()
    for name, holiday in tables.holidays.items():
        if holiday.easter is None:
            assert holiday.month is not None and holiday.day is not None, name
            assert 1 <= holiday.month <= 12 and 1 <= holiday.day <= 31, name
        else:
            assert -60 <= holiday.easter <= 60, name


def test_word_lists_are_plain_words() -> None:
    tables = load_tables()
    for name in ("future_cues", "intensifiers", "simultaneity_cues", "clause_openers", "duration_adjectives",
                 "not_before_years", "amount_words"):
        for word in getattr(tables, name):
            assert word and word == word.strip() and "\n" not in word, (name, word)
    assert tables.ambiguous_abbreviations <= set(tables.months) | set(tables.weekdays)
    assert tables.extent_excluded <= set(tables.approximators) | set(tables.intensifiers)
    for phrase in tables.not_quantities:
        assert re.fullmatch(r"[a-z]+(?: [a-z]+)*", phrase), phrase
    for word in tables.occasions:
        assert re.fullmatch(r"[a-z]+", word), word


def test_every_section_of_the_file_is_read() -> None:
    # A section added to en.toml but not read by parse_tables would be silently ignored.
    sections = set(raw())
    read = {"language", "numeric_date_order", "months", "weekdays", "ambiguous_abbreviations", "numbers",
            "ordinals", "units", "relative_days", "parts_of_day", "shift_words", "edge_modifiers", "seasons",
            "clock_words", "zones", "references", "frequencies", "every_other", "amount_words", "relation_cues",
            "simultaneity_cues",
            "not_quantities", "future_cues", "vague_quantities", "vague_counts", "approximators", "intensifiers",
            "abbreviations", "clause_openers", "holidays", "eras", "anaphoric_shifts", "duration_adjectives",
            "period_adjectives", "occasions", "month_prepositions", "extent", "not_before_years"}
    assert sections == read


@pytest.mark.parametrize(
    ("section", "entry", "message"),
    [
        ("vague_quantities", {"hours": {"unit": "hour", "bounds": [24, 1]}}, "low <= high"),
        ("vague_quantities", {"hours": {"unit": "fortnights", "bounds": [1, 2]}}, "unknown unit"),
        ("holidays", {"christmas": {"month": 13, "day": 25}}, "no such date"),
        ("months", None, "malformed word table"),
    ],
)
def test_a_broken_table_names_the_problem(section: str, entry: Any, message: str) -> None:
    data = raw()
    if entry is None:
        del data[section]
    else:
        data[section] = entry
    with pytest.raises(InputError, match=message):
        parse_tables(data, source="broken.toml")


def test_unknown_language_says_how_to_add_one() -> None:
    with pytest.raises(InputError, match=r"data/<language>\.toml"):
        load_tables("xx")
