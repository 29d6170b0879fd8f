"""Article text as scraped: HTML and control characters out, boilerplate and dateline found.

Offsets that later stages report (mentions, ``Article.boilerplate_start``) are offsets into
the cleaned text that :class:`~timeline.model.Article` carries.
"""

from __future__ import annotations

import functools
import html
import re
import tomllib
from collections.abc import Mapping
from html.parser import HTMLParser
from importlib import resources
from types import MappingProxyType

from ._where import Where

__all__ = ["BOILERPLATE_MARKERS", "MAX_TEXT", "clean_text", "dateline_zone", "datelines", "find_boilerplate"]

# Far longer than any article; a file this big is a whole site or a book, and would make
# every later stage slow. The message says to split it.
MAX_TEXT = 5_000_000

# Lines that start a site's trailing boilerplate, tried in order against each line with its
# surrounding spaces removed (case-insensitive, matched at the line's start). Words that also
# open ordinary sentences ("Recommended", "Related", "Read more") must be the whole line or be
# followed by a colon; a marker mid-sentence never counts.
BOILERPLATE_MARKERS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"copyright\s*(?:©|\(c\)|\d{4})",  # Copyright 1999-2026 Worthy News. ...
        r"©|\(c\)\s*\d{4}",  # © 2025 Example Media
        r".{0,80}\ball rights reserved\b",  # The Associated Press. All rights reserved.
        r"more\s+(?:\S+\s+){0,3}news\s*:?$",  # More Worthy News
        r"more\s+(?:from|on)\s+.{1,40}:?$",  # More from BBC
        r"related(?:\s+(?:articles?|stories|news|coverage|content|links|posts|reading|topics))?\s*(?::|$)",
        r"read\s+(?:more|next|also)\s*(?::|$)",  # Read more: <headline>
        r"(?:recommended|you may also like|most (?:read|popular|viewed)|trending)"
        r"(?:\s+(?:for you|stories|articles|reading|videos?|now))?\s*(?::|$)",
        r"(?:subscribe|sign up)\b.{0,100}$",  # Sign up for our newsletter (a short line)
    )
)

# Characters that are line breaks in disguise; turned into "\n" without a word.
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
# Other C0/C1 control characters (tab and newline are text); removed with a warning.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# "<p>", "</div>", "<br/>"; no space after "<", so "Xi < Putin > Trump" is text.
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?\s*>|<!--.*?-->", re.DOTALL)
_HTML_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# MOSCOW (AP) — / BEIJING, Jan 21 (Reuters) - / WASHINGTON — / KYIV, Ukraine (AP) —
_DATELINE = re.compile(
    r"(?P<city>[A-Za-z][A-Za-z .'’]{1,30}?)"
    r"(?:\s*,\s*[^\n()—–]{1,30}?)?"  # the date or the country after a comma
    r"\s*(?:\((?P<agency>[^()\n]{1,40})\))?"
    r"\s*(?:—|–|--?)\s"
)


def clean_text(text: str, *, file: object | None = None, row: int | None = None, field: str = "text") -> str:
    """Normalise line breaks, drop control characters and HTML, and warn about what was lost.

    Line breaks (CR LF, CR, form feed, U+2028 ...) become "\n" silently; other control
    characters are removed, and HTML is turned into text with paragraphs as lines, each with a
    LossyInputWarning naming ``file``, ``row`` and ``field``; empty text warns too. Raises
    StoryFileError for text over :data:`MAX_TEXT` characters.
    """
    at = Where(None if file is None else str(file), row)
    if len(text) > MAX_TEXT:
        raise at.error(
            f"the text is {len(text):,} characters, over the {MAX_TEXT:,} limit; "
            "split it into several articles (one row each) or cut the scrape to the article",
            field=field,
        )
    text = _LINE_BREAKS.sub("\n", text)
    controls = _CONTROL.findall(text)
    if controls:
        text = _CONTROL.sub("", text)
        shown = ", ".join(sorted({f"U+{ord(c):04X}" for c in controls}))
        at.warn(f"removed {len(controls)} control character(s) ({shown}) from the text", field=field)
    if _HTML_TAG.search(text) or any(html.unescape(m) != m for m in _HTML_ENTITY.findall(text)):
        text = _strip_html(text)
        at.warn(
            "the text holds HTML; tags were removed and entities such as &amp; decoded, paragraphs "
            "kept as lines. Check the result, or paste plain text.",
            field=field,
        )
    if not text.strip():
        at.warn("the text is empty; the article is kept but gives no claims", field=field)
    return text


class _TextOnly(HTMLParser):
    """The text of an HTML fragment, block elements as line breaks."""

    _BLOCKS = frozenset(
        [
            "p",
            "div",
            "br",
            "li",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "table",
            "blockquote",
            "section",
            "article",
            "header",
            "footer",
            "figure",
            "figcaption",
            "aside",
            "nav",
            "pre",
            "hr",
            "dd",
            "dt",
        ]
    )
    _HIDDEN = frozenset({"script", "style", "noscript", "template", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _strip_html(text: str) -> str:
    parser = _TextOnly()
    parser.feed(text)
    parser.close()
    flat = "".join(parser.parts).replace("\xa0", " ")  # &nbsp; is layout, not meaning
    lines = (" ".join(line.split()) for line in flat.split("\n"))
    return "\n".join(line for line in lines if line)


def find_boilerplate(text: str) -> tuple[int, str] | None:
    """Offset and text of the first line, after some article body, that starts site boilerplate.

    The offset points at the line's first non-blank character. The first non-blank line is
    never boilerplate: a text cannot end before it starts.
    """
    offset = 0
    seen_body = False
    for line in text.split("\n"):
        content = line.strip()
        if content:
            if seen_body and any(marker.match(content) for marker in BOILERPLATE_MARKERS):
                return offset + len(line) - len(line.lstrip()), content
            seen_body = True
        offset += len(line) + 1
    return None


@functools.cache
def datelines() -> Mapping[str, str]:
    """The dateline table (city in capitals -> IANA zone) from ``datelines.toml``, read-only."""
    data = tomllib.loads(resources.files(__package__).joinpath("datelines.toml").read_text("utf-8"))
    return MappingProxyType({city.upper(): zone for city, zone in data["cities"].items()})


def dateline_zone(text: str) -> tuple[str, str] | None:
    """``(city, zone)`` when one of the first lines opens with a known wire dateline.

    The first three non-blank lines are tried, because scrapes often put a byline first. The
    city must be written in capitals or followed by an agency in brackets: "Washington - the
    capital ..." is a sentence, not a dateline.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()][:3]
    for line in lines:
        match = _DATELINE.match(line)
        if match is None:
            continue
        city = " ".join(match["city"].split())
        zone = datelines().get(city.upper())
        if zone is not None and (city.isupper() or match["agency"]):
            return city, zone
    return None
