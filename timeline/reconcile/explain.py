"""Words for the reconciler's findings: local times on the story's clocks, and reasons."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from ..model import Clock, Story
from ..zones import get_zone

__all__ = ["clock_names", "on_clocks", "quote"]


def clock_name(zone: str, clocks: Sequence[Clock]) -> str:
    for clock in clocks:
        if clock.zone == zone:
            return clock.name
    return zone


def clock_names(zones: Sequence[str], clocks: Sequence[Clock]) -> str:
    """"the Beijing and Moscow clocks" / "the Washington clock"."""
    names = [clock_name(z, clocks) for z in zones]
    if not names:
        return "no clock"
    if len(names) == 1:
        return f"the {names[0]} clock"
    return "the " + ", ".join(names[:-1]) + f" and {names[-1]} clocks"


def on_clocks(moment: datetime, story: Story) -> str:
    """"05:00 UTC Tue 21 Jan (13:00 Tue Beijing, 08:00 Tue Moscow, 00:00 Tue Washington)"."""
    local = ", ".join(
        f"{moment.astimezone(get_zone(c.zone)):%H:%M %a} {c.name}" for c in story.clocks
    )
    return f"{moment:%H:%M} UTC {moment:%a %d %b} ({local})"


def quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"'{text if len(text) <= limit else text[: limit - 1] + '…'}'"
