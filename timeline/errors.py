"""One exception tree for the whole package.

Every error a user can cause by their input is a :class:`InputError`, which is
also a :class:`ValueError`, so ``except ValueError`` in a notebook keeps working.
Messages quote the bad value and say what to do; where the input came from a
file they name the file, the row and the field.
"""

from __future__ import annotations

__all__ = [
    "InputError",
    "LossyInputWarning",
    "PublicationTimeError",
    "StoryFileError",
    "TextError",
    "TimelineError",
    "TimelineWarning",
    "ZoneError",
    "where",
]


def where(file: object | None = None, row: int | None = None, field: str | None = None) -> str:
    """Format a location such as ``articles.csv, row 3, field 'published'``."""
    parts = []
    if file is not None:
        parts.append(str(file))
    if row is not None:
        parts.append(f"row {row}")
    if field is not None:
        parts.append(f"field {field!r}")
    return ", ".join(parts)


class TimelineError(Exception):
    """Base class of every error raised by timeline."""


class InputError(TimelineError, ValueError):
    """Something the user gave us is wrong; the message says where and what to do."""

    def __init__(
        self,
        message: str,
        *,
        file: object | None = None,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        self.file = file
        self.row = row
        self.field = field
        location = where(file, row, field)
        super().__init__(f"{location}: {message}" if location else message)


class StoryFileError(InputError):
    """A story folder, ``story.toml`` or ``articles.csv`` is missing or malformed."""


class ZoneError(InputError):
    """A time-zone name that is not an IANA zone (or a zone abbreviation we cannot place)."""


class PublicationTimeError(InputError):
    """A publication time that cannot be read."""


class TextError(InputError):
    """Text that cannot be tagged (empty, or not text at all)."""


class TimelineWarning(UserWarning):
    """Base class of every warning issued by timeline."""


class LossyInputWarning(TimelineWarning):
    """The input was usable but something in it was ignored or guessed; the message says what."""
