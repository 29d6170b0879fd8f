"""Zones: zoneinfo inside, pytz at the edge, one DST policy, clear errors."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import pytz

from timeline.errors import ZoneError
from timeline.zones import ensure_aware, get_zone, local_date, local_day_bounds, wall_to_utc, zone_key

UTC = UTC
NY = ZoneInfo("America/New_York")


def test_pytz_zone_becomes_zoneinfo_not_local_mean_time() -> None:
    zone = get_zone(pytz.timezone("Asia/Shanghai"))
    assert isinstance(zone, ZoneInfo)
    moment = datetime(2025, 1, 21, 1, 0, tzinfo=zone)
    assert moment.utcoffset() == timedelta(hours=8)  # pytz's tzinfo= would give +08:06


@pytest.mark.parametrize(("name", "key"), [("Europe/Moscow", "Europe/Moscow"), ("UTC", "UTC"),
                                           ("UTC+03:00", "UTC+03:00"), ("UTC-05:30", "UTC-05:30")])
def test_zone_names_round_trip(name: str, key: str) -> None:
    assert zone_key(get_zone(name)) == key


def test_unknown_zone_names_file_row_field_and_suggests() -> None:
    with pytest.raises(ZoneError, match=r"articles.csv, row 3, field 'newsroom_zone'.*Europe/Moscow"):
        get_zone("Europe/Moskow", file="articles.csv", row=3, field="newsroom_zone")


@pytest.mark.parametrize("bad", ["", "   ", None, 5, "UTC+99:00"])
def test_non_zones_are_refused(bad: object) -> None:
    with pytest.raises(ZoneError):
        get_zone(bad)


def test_spring_gap_moves_forward() -> None:
    # 02:30 does not exist in New York on 2025-03-09: the first instant after the gap is 03:00 EDT.
    assert wall_to_utc(datetime(2025, 3, 9, 2, 30), NY) == datetime(2025, 3, 9, 7, 0, tzinfo=UTC)


def test_autumn_fold_gives_both_readings() -> None:
    wall = datetime(2025, 11, 2, 1, 30)
    assert wall_to_utc(wall, NY) == datetime(2025, 11, 2, 5, 30, tzinfo=UTC)
    assert wall_to_utc(wall, NY, latest=True) == datetime(2025, 11, 2, 6, 30, tzinfo=UTC)


@pytest.mark.parametrize(("day", "hours"), [(date(2025, 3, 9), 23), (date(2025, 11, 2), 25), (date(2025, 1, 20), 24)])
def test_local_days_are_dst_correct(day: date, hours: int) -> None:
    start, end = local_day_bounds(day, NY)
    assert end - start == timedelta(hours=hours)


def test_the_oath_is_already_tuesday_in_beijing() -> None:
    oath = datetime(2025, 1, 20, 17, 0, tzinfo=UTC)
    assert local_date(oath, get_zone("America/New_York")) == date(2025, 1, 20)
    assert local_date(oath, get_zone("Europe/Moscow")) == date(2025, 1, 20)
    assert local_date(oath, get_zone("Asia/Shanghai")) == date(2025, 1, 21)


def test_date_line_days_differ() -> None:
    moment = datetime(2025, 3, 4, 23, 30, tzinfo=UTC)
    assert local_date(moment, get_zone("Pacific/Auckland")) == date(2025, 3, 5)
    assert local_date(moment, get_zone("Pacific/Pago_Pago")) == date(2025, 3, 4)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ZoneError, match="no time zone"):
        ensure_aware(datetime(2025, 1, 21, 12, 0))
