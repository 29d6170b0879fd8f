"""Walking a clock: which instants show a whole local hour, and which UTC offsets a clock shows.

Both walk UTC in quarter hours and read each instant on the clock, so daylight saving needs
no special case: the hour skipped in spring is never found, the hour repeated in autumn is
found twice. (matplotlib's ``HourLocator(tz=...)`` builds local wall times and localises
them, which ticks a non-existent 02:00 in the spring gap and only one of the two 02:00s in
the autumn fold; the description and the drawing both use this module instead.)
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

__all__ = ["STEP", "local_hours", "offsets"]

STEP = timedelta(minutes=15)  # finest UTC offset granularity in use (Nepal, Chatham: :45)


def _quarters(start: datetime, end: datetime) -> list[datetime]:
    moment = start.replace(minute=start.minute - start.minute % 15, second=0, microsecond=0)
    found = []
    while moment <= end:
        if moment >= start:
            found.append(moment)
        moment += STEP
    return found


def local_hours(zone: tzinfo, start: datetime, end: datetime, every: int) -> list[datetime]:
    """UTC instants in ``[start, end]`` whose local time on ``zone`` is a whole hour divisible by ``every``."""
    return [
        moment
        for moment in _quarters(start, end)
        if (local := moment.astimezone(zone)).minute == 0 and local.hour % every == 0
    ]


def offsets(zone: tzinfo, start: datetime, end: datetime) -> list[tuple[datetime, timedelta]]:
    """Each UTC offset ``zone`` shows within ``[start, end]``, with the first instant it is shown."""
    found: list[tuple[datetime, timedelta]] = []
    for moment in _quarters(start, end):
        offset = moment.astimezone(zone).utcoffset() or timedelta(0)
        if not found or found[-1][1] != offset:
            found.append((moment, offset))
    return found
