"""Articles from ``articles.csv`` or from a pandas DataFrame, with the same checks for both."""

from __future__ import annotations

import contextlib
import csv
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Article
from ._where import Where, cell, is_missing, suggest, zone_name
from .published import parse_published
from .text import MAX_TEXT, clean_text, dateline_zone, find_boilerplate

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "articles_from_frame", "read_articles_csv"]

# Every column read, in the order the docs list them. id and one of text/text_file are required.
COLUMNS = (
    "id",
    "outlet",
    "url",
    "published",
    "newsroom_zone",
    "newsroom_zone_source",
    "language",
    "text",
    "text_file",
    "note",
)
_HEADER_EXAMPLE = "id,outlet,url,published,newsroom_zone,language,text"
_LANGUAGE = re.compile(r"[a-z]{2}")
_LANGUAGE_TAG = re.compile(r"(?P<code>[a-z]{2})[-_][a-z0-9]+")  # en-US, pt_BR


def read_articles_csv(
    path: str | os.PathLike[str], *, folder: str | os.PathLike[str] | None = None
) -> tuple[Article, ...]:
    """Read and check ``articles.csv`` (UTF-8, header row first).

    ``text_file`` paths are relative to ``folder`` (default: the CSV's folder). Rows are
    numbered as a spreadsheet shows them: the header is row 1, the first article row 2.
    """
    path = Path(path)
    at = Where(str(path))
    if not path.is_file():
        raise at.error(
            f"missing: create it with the header row\n    {_HEADER_EXAMPLE}\n"
            "and one row per report (a text_file column instead of text for long articles)"
        )
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle, _csv_field_limit(MAX_TEXT + 1):
            reader = csv.reader(handle)
            try:
                records = list(reader)
            except csv.Error as exc:
                raise at.error(
                    f"not a readable CSV near line {reader.line_num}: {exc}; check the quoting of that "
                    "line (fields with commas, quotes or line breaks must be in double quotes)"
                ) from None
    except UnicodeDecodeError as exc:
        raise at.error(
            f"not UTF-8 text (byte {exc.start}); save it as 'CSV UTF-8' from your spreadsheet"
        ) from None
    if not records:
        raise at.error(f"the file is empty; its first row must be the header\n    {_HEADER_EXAMPLE}")
    rows = ((number, record) for number, record in enumerate(records[1:], start=2))
    return _articles(records[0], rows, at=at, folder=Path(folder) if folder else path.parent)


def articles_from_frame(
    df: pd.DataFrame,
    *,
    source: str = "DataFrame",
    folder: str | os.PathLike[str] | None = None,
) -> tuple[Article, ...]:
    """The articles of a DataFrame with the columns of ``articles.csv``, checked the same way.

    ``source`` names the frame in messages and in ``Article.source``. Row numbers count as
    in a spreadsheet saved from the frame (first data row = 2), whatever the index. Cells may
    hold pandas values (NaN/NaT/NA are empty; Timestamps are publication times; pytz or
    zoneinfo objects are zones). ``text_file`` paths are relative to ``folder`` (default: the
    working directory).
    """
    header = [str(column) for column in df.columns]
    rows = (
        (position + 2, list(values)) for position, values in enumerate(df.itertuples(index=False, name=None))
    )
    return _articles(header, rows, at=Where(source), folder=Path(folder) if folder else Path.cwd())


@contextlib.contextmanager
def _csv_field_limit(limit: int) -> Iterator[None]:
    # csv refuses fields over 131,072 characters by default; long articles are longer. The limit
    # is process-wide, so it is put back afterwards.
    old = csv.field_size_limit(max(limit, csv.field_size_limit()))
    try:
        yield
    finally:
        csv.field_size_limit(old)


def _header(header: Sequence[str], at: Where) -> list[str]:
    """Column names matched ignoring case and surrounding spaces; checked for what we need."""
    names = [name.strip().lower() for name in header]
    header_at = Where(at.file, 1)
    for number, name in enumerate(names, start=1):
        if name in names[: number - 1]:
            raise header_at.error(f"column {name!r} appears twice; keep one", field=name)
        if name not in COLUMNS:
            label = repr(name) if name else f"number {number} (no name)"
            header_at.warn(
                f"unknown column {label} is ignored; the columns read are "
                f"{', '.join(COLUMNS)}.{suggest(name, COLUMNS)}",
                field=name or None,
            )
    if "id" not in names or not {"text", "text_file"} & set(names):
        found = ", ".join(repr(n) for n in names) or "none"
        raise header_at.error(
            f"articles need the columns 'id' and 'text' (or 'text_file'); the columns found are {found}. "
            f"The header row should read\n    {_HEADER_EXAMPLE}"
        )
    return names


def _articles(
    header: Sequence[str], rows: Iterable[tuple[int, Sequence[object]]], *, at: Where, folder: Path
) -> tuple[Article, ...]:
    names = _header(header, at)
    # The default source of a zone is the table it was typed in ("articles.csv", "DataFrame").
    table = Path(at.file).name if at.file else "table"
    seen: dict[str, int] = {}
    articles = []
    for number, values in rows:
        if all(is_missing(value) or cell(value) == "" for value in values):
            continue  # a blank line in the sheet
        row_at = Where(at.file, number)
        extra = [cell(value) for value in values[len(names) :] if cell(value)]
        if extra:
            row_at.warn(
                f"{len(values)} values but {len(names)} columns; {extra!r} is ignored. "
                "Put fields that contain commas in double quotes."
            )
        record = dict(zip(names, values, strict=False))
        article = _article(record, row_at, folder=folder, table=table)
        if article.id in seen:
            raise row_at.error(
                f"id {article.id!r} is used by rows {seen[article.id]} and {number}; give each article "
                "its own id",
                field="id",
            )
        seen[article.id] = number
        articles.append(article)
    if not articles:
        at.warn("there are no articles, only the header; add one row per report")
    return tuple(articles)


def _article(record: dict[str, object], at: Where, *, folder: Path, table: str) -> Article:
    identifier = cell(record.get("id"))
    if not identifier:
        raise at.error("the id is empty; give every article a short unique id such as 'S1'", field="id")
    text, text_field = _raw_text(record, at, folder)
    text = clean_text(text, file=at.file, row=at.row, field=text_field)
    zone, zone_source = _newsroom(record, text, at, table)
    language = _language(cell(record.get("language")), at)
    published = parse_published(
        record.get("published"),
        newsroom_zone=zone,
        languages=(language, "en") if language != "en" else ("en",),
        file=at.file,
        row=at.row,
    )
    boilerplate = find_boilerplate(text)
    if boilerplate is not None:
        at.warn(
            f"site boilerplate starts at character {boilerplate[0]} ({boilerplate[1][:60]!r}); "
            "time expressions past it will be reported but date nothing. If that line belongs to "
            "the article, remove the boilerplate after it from the text.",
            field=text_field,
        )
    return Article(
        id=identifier,
        outlet=cell(record.get("outlet")),
        url=cell(record.get("url")),
        published=published,
        newsroom_zone=zone,
        zone_source=zone_source,
        language=language,
        text=text,
        source=at.file or "",
        row=at.row,
        boilerplate_start=None if boilerplate is None else boilerplate[0],
        note=cell(record.get("note")),
    )


def _raw_text(record: dict[str, object], at: Where, folder: Path) -> tuple[str, str]:
    """The article text, from the text cell or the file text_file names, and which field it was."""
    inline = cell(record.get("text"), strip=False)
    name = cell(record.get("text_file"))
    if not name:
        return inline, "text"
    if inline.strip():
        raise at.error(
            f"both text and text_file ({name!r}) are filled; keep one (text_file for long articles)",
            field="text_file",
        )
    target = folder / name
    try:
        return target.read_text(encoding="utf-8-sig"), "text_file"
    except FileNotFoundError:
        raise at.error(
            f"text file {name!r} not found (looked for {target}); text_file paths are relative to "
            "the story folder",
            field="text_file",
        ) from None
    except UnicodeDecodeError as exc:
        raise at.error(
            f"{target} is not UTF-8 text (byte {exc.start}); save it as UTF-8", field="text_file"
        ) from None
    except OSError as exc:
        raise at.error(f"cannot read {target}: {exc.strerror}", field="text_file") from None


def _newsroom(record: dict[str, object], text: str, at: Where, table: str) -> tuple[str | None, str]:
    """The newsroom zone and where it came from: the table, the text's dateline, or unknown."""
    given = record.get("newsroom_zone")
    source = cell(record.get("newsroom_zone_source"))
    if not is_missing(given) and cell(given):
        return zone_name(given, at, "newsroom_zone"), source or table
    if source:
        at.warn(
            f"newsroom_zone_source is {source!r} but newsroom_zone is empty, so it is ignored; "
            "fill newsroom_zone or clear newsroom_zone_source",
            field="newsroom_zone_source",
        )
    dateline = dateline_zone(text)
    if dateline is not None:
        return dateline[1], "dateline"
    return None, ""


def _language(value: str, at: Where) -> str:
    """A two-letter ISO 639-1 code; 'en' when empty, 'en' from 'en-US' (with a warning)."""
    code = value.lower() or "en"
    if _LANGUAGE.fullmatch(code):
        return code
    tag = _LANGUAGE_TAG.fullmatch(code)
    kept = tag["code"] if tag else code
    at.warn(
        f"language {value!r} is not a two-letter code such as 'en' or 'ru'; read as {kept!r}",
        field="language",
    )
    return kept
