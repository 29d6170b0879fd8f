"""Where an input value came from, and the one way ingest reports a problem with it.

Every check in this package goes through :class:`Where`: errors and warnings then all
name the file, the row (as a spreadsheet shows it) or the story.toml entry, and the field.
"""

from __future__ import annotations

import difflib
import math
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import tzinfo

from ..errors import InputError, LossyInputWarning, StoryFileError, ZoneError, where
from ..zones import abbreviation_note, get_zone, zone_key

__all__ = ["Where", "cell", "check_keys", "is_missing", "suggest", "zone_name"]


@dataclass(frozen=True)
class Where:
    """A place in the input: file, spreadsheet row, and for story.toml the table entry."""

    file: str | None = None
    row: int | None = None
    entry: str = ""  # "[[clocks]] entry 2": story.toml has entries, not rows

    def within(self, entry: str) -> Where:
        return replace(self, entry=entry)

    def _text(self, message: str) -> str:
        return f"{self.entry}: {message}" if self.entry else message

    def error(
        self, message: str, *, field: str | None = None, kind: type[InputError] = StoryFileError
    ) -> InputError:
        """The exception to raise (the caller raises it, so tracebacks point at the check)."""
        return kind(self._text(message), file=self.file, row=self.row, field=field)

    def warn(self, message: str, *, field: str | None = None) -> None:
        location = where(self.file, self.row, field)
        text = self._text(message)
        # stacklevel 3: past this helper and the check that called it, towards user code.
        warnings.warn(LossyInputWarning(f"{location}: {text}" if location else text), stacklevel=3)


def suggest(name: str, choices: Iterable[str]) -> str:
    """' Did you mean 'x'?' for a near miss, or ''."""
    close = difflib.get_close_matches(name, sorted(choices), n=3, cutoff=0.6)
    return f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""


def zone_name(value: object, at: Where, field: str) -> str:
    """The key of a zone given as an IANA name, 'UTC+03:00' or a pytz/zoneinfo object.

    get_zone words the message (with its suggestion); we add where the value came from.
    """
    try:
        zone: tzinfo = get_zone(value)
    except ZoneError as exc:
        raise at.error(str(exc), field=field, kind=ZoneError) from None
    key = zone_key(zone)
    note = abbreviation_note(key)
    if note is not None:
        at.warn(note, field=field)
    return key


def is_missing(value: object) -> bool:
    """None, NaN, NaT and pandas.NA are empty cells (a DataFrame's way of saying unknown)."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    # pandas.NA and NaT are their own types; asking pandas here would import it for CSV users too.
    return type(value).__name__ in {"NAType", "NaTType"}


def cell(value: object, *, strip: bool = True) -> str:
    """A cell as text: empty for missing values, otherwise str(value) (stripped unless told)."""
    if is_missing(value):
        return ""
    text = value if isinstance(value, str) else str(value)
    return text.strip() if strip else text


def check_keys(table: Mapping[str, object], known: Iterable[str], at: Where, *, what: str = "key") -> None:
    """Warn about every key we do not read: a typo must not be silently ignored."""
    allowed = tuple(known)
    for key in table:
        if key not in allowed:
            at.warn(
                f"unknown {what} {key!r} is ignored; the {what}s read here are "
                f"{', '.join(allowed)}.{suggest(key, allowed)}",
                field=key,
            )
