"""Ingest: read a story folder into a :class:`~timeline.model.Story`, checking everything.

A story folder holds ``story.toml`` (what the story is about) and ``articles.csv`` (the
reports). ``load_story(folder)`` reads both; ``articles_from_frame(df)`` takes the articles
from a pandas DataFrame instead; ``parse_published(raw)`` reads one publication time.

Input that cannot be used raises a :class:`~timeline.errors.StoryFileError` or
:class:`~timeline.errors.ZoneError` (both ``ValueError``); input that was used with something
ignored or guessed gives a :class:`~timeline.errors.LossyInputWarning`. Every message names
the file, the row (as a spreadsheet shows it: header = row 1, first article = row 2) or the
story.toml entry, and the field; quotes the bad value; and says what to do.

story.toml
----------
::

    [story]
    title = "Xi and Putin spoke hours after Trump was sworn in"   # default: the folder name
    subtitle = "..."                  # optional
    source = "Source: ..."            # optional: the chart's source line
    credit = "Graphic: timeline"      # optional
    subject = "call"    # optional: the event a lede's time expressions date when its
                        # sentence names no event; must be an [[events]] id
    period = ["2025-01-13", "2025-01-28"]   # optional: the dates the story can fall in

    [[clocks]]          # the clocks to show, in order; each zone an IANA name
    name = "Beijing"    # (or 'UTC+03:00'). Without [[clocks]]: Beijing (Asia/Shanghai),
    zone = "Asia/Shanghai"  # Moscow (Europe/Moscow), Washington (America/New_York).

    [[events]]          # at least one
    id = "inauguration" # unique; letters, digits, '-' and '_'
    label = "Trump sworn in"  # optional, default: the id
    instant = true      # optional, default false: an instant's end is its start
    words = ["inauguration", "sworn in"]  # at least one: the words that name it in reports

    [[anchors]]         # optional: known facts, each with its source
    event = "inauguration"    # an [[events]] id
    side = "start"            # optional, "start" (default) or "end"
    earliest = "2025-01-20T12:00:00-05:00"  # ISO 8601 with an offset (a time without
    latest = "2025-01-20T12:02:00-05:00"    # one is refused); stored in UTC
    source = "Oath of office, ..."

    [outlets]           # optional: an outlet's home newsroom zone, one more candidate
    "AP" = "America/New_York"   # clock for its reports (Story.outlet_zones)

    [vague_quantities]  # optional: this story's bounds for vague amounts, over those of
    hours = { unit = "hour", bounds = [1, 12] }   # timeline/extract/data/en.toml
    [vague_counts]      # optional: likewise for counting words ("a few" hours)
    "a few" = [2, 4]    # only phrases the language's tables know; bounds 0 <= low <= high

Unknown tables and keys are warned about (a typo must not be silently ignored).

articles.csv
------------
UTF-8, a header row, then one row per report. Column names are matched ignoring case and
surrounding spaces; unknown columns are warned about.

=====================  =========================================================================
``id``                 required, unique, non-empty
``text``               the article text (HTML is stripped with a warning); or ``text_file``:
``text_file``          a UTF-8 file with the text, relative to the story folder
``outlet``, ``url``    optional
``published``          optional: ISO 8601 (``2025-01-21``, ``2025-01-21T14:03+03:00``), RFC 2822
                       or a written date (``January 21, 2025``); see :func:`parse_published`.
                       Empty = unknown, which is normal.
``newsroom_zone``      optional IANA zone of the newsroom. Empty = unknown; then a wire dateline
                       opening the text ("MOSCOW (AP) —") sets it (source "dateline").
``newsroom_zone_source``  optional: where the zone came from (default "articles.csv")
``language``           optional two-letter code, default ``en``
``note``               optional: provenance as the journalist knows it
=====================  =========================================================================

Trailing site boilerplate ("Copyright ...", "More <Site> News") is kept in the text but
marked: ``Article.boilerplate_start`` is where it starts (see
:data:`~timeline.ingest.text.BOILERPLATE_MARKERS`).
"""

from __future__ import annotations

from .articles import COLUMNS, articles_from_frame, read_articles_csv
from .published import parse_published
from .story import DEFAULT_CLOCKS, MINIMAL_STORY_TOML, load_story, read_story_toml
from .text import BOILERPLATE_MARKERS, MAX_TEXT, clean_text, dateline_zone, datelines, find_boilerplate

__all__ = [
    "BOILERPLATE_MARKERS",
    "COLUMNS",
    "DEFAULT_CLOCKS",
    "MAX_TEXT",
    "MINIMAL_STORY_TOML",
    "articles_from_frame",
    "clean_text",
    "dateline_zone",
    "datelines",
    "find_boilerplate",
    "load_story",
    "parse_published",
    "read_articles_csv",
    "read_story_toml",
]
