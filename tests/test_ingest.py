"""Ingest: story folders, publication times, text cleaning, and the messages bad input gets."""

from __future__ import annotations

import csv
import re
import warnings
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pandas as pd
import pytest
import pytz
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.errors import LossyInputWarning, StoryFileError, ZoneError
from timeline.ingest import (
    BOILERPLATE_MARKERS,
    DEFAULT_CLOCKS,
    articles_from_frame,
    clean_text,
    dateline_zone,
    datelines,
    find_boilerplate,
    load_story,
    parse_published,
    read_articles_csv,
    read_story_toml,
)
from timeline.ingest import text as text_module
from timeline.model import Article, Story
from timeline.zones import UTC, get_zone

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "xi_putin_call"
SEEDS = Path("/work/shared/seeds")
JAN21 = date(2025, 1, 21)
OFFSET = "offset in published"

MINIMAL_TOML = """\
[story]
title = "A story"

[[events]]
id = "call"
words = ["call"]
"""


def write_story(
    folder: Path,
    rows: Sequence[Mapping[str, str]] = ({"id": "A1", "text": "They spoke on Tuesday."},),
    *,
    toml: str | None = MINIMAL_TOML,
    header: Sequence[str] | None = None,
) -> Path:
    """A story folder in ``folder``: story.toml (unless None) and articles.csv from ``rows``."""
    folder.mkdir(parents=True, exist_ok=True)
    if toml is not None:
        (folder / "story.toml").write_text(toml, encoding="utf-8")
    columns = list(header or dict.fromkeys(key for row in rows for key in row))
    with (folder / "articles.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return folder


def with_toml(tmp_path: Path, extra: str, base: str = MINIMAL_TOML) -> Path:
    """A story.toml made of ``base`` plus ``extra``, in its own folder."""
    return write_story(tmp_path / "story", toml=base + extra) / "story.toml"


@contextmanager
def no_warnings() -> Iterator[None]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


# --------------------------------------------------------------------------- the example


@pytest.fixture(scope="module")
def example() -> Story:
    with pytest.warns(LossyInputWarning, match=r"row 14, field 'text_file': site boilerplate"):
        return load_story(EXAMPLE)


def test_example_loads_thirteen_articles_in_file_order(example: Story) -> None:
    story = example
    assert story.id == "xi_putin_call"
    assert [a.id for a in story.articles] == [f"S{n}" for n in range(1, 14)]
    assert [a.row for a in story.articles] == list(range(2, 15))


def test_example_texts_are_the_seeds_verbatim(example: Story) -> None:
    articles = example.articles
    ledes = (SEEDS / "000_08ccc5ea18a87c27.txt").read_text(encoding="utf-8").split("\n")
    assert [a.text for a in articles[:12]] == ledes
    assert articles[12].text == (SEEDS / "004_c65499463456b480.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("article_id", "outlet", "published", "zone", "zone_source", "note"),
    [
        ("S1", "", None, None, "", "not found"),
        ("S2", "CNN", None, None, "", "outlet confirmed; headline"),
        ("S3", "AP", JAN21, "Europe/Moscow", "dateline", "confirmed"),
        ("S4", "", date(2025, 1, 22), None, "", "Yahoo Canada syndication; outlet unknown"),
        ("S5", "BBC", None, None, "", "outlet likely"),
        ("S6", "", JAN21, None, "", "unconfirmed"),
        ("S10", "", None, None, "", "opinion, off-topic for the call"),
        ("S13", "Worthy News", None, None, "", "relays AP"),
    ],
)
def test_example_provenance(
    example: Story,
    article_id: str,
    outlet: str,
    published: date | None,
    zone: str | None,
    zone_source: str,
    note: str,
) -> None:
    article = {a.id: a for a in example.articles}[article_id]
    assert (article.outlet, article.published.date, article.newsroom_zone, article.zone_source) == (
        outlet,
        published,
        zone,
        zone_source,
    )
    assert article.published.time is None  # PROVENANCE knows dates only
    assert article.note.startswith(note)
    assert article.url == ""


def test_example_s3_date_is_on_the_moscow_calendar(example: Story) -> None:
    s3 = example.articles[2]
    assert (s3.published.zone, s3.published.zone_source) == ("Europe/Moscow", "newsroom_zone")


def test_example_s13_boilerplate_starts_at_the_copyright_line(example: Story) -> None:
    s13 = example.articles[12]
    assert s13.boilerplate_start is not None
    assert s13.text[s13.boilerplate_start :].startswith("Copyright 1999-2026 Worthy News.")
    assert "Associated Press reports" in s13.text[: s13.boilerplate_start]


def test_example_story_fields(example: Story) -> None:
    story = example
    assert [c.zone for c in story.clocks] == ["Asia/Shanghai", "Europe/Moscow", "America/New_York"]
    assert story.subject_event == "call"
    assert story.period == (date(2025, 1, 13), date(2025, 1, 28))
    assert story.event("inauguration").instant
    assert story.outlet_zones == ()
    (anchor,) = story.anchors
    assert (anchor.event, anchor.side) == ("inauguration", "start")
    assert anchor.earliest == datetime(2025, 1, 20, 17, 0, tzinfo=UTC)
    assert anchor.latest == datetime(2025, 1, 20, 17, 2, tzinfo=UTC)
    assert anchor.earliest.tzinfo is UTC


def test_load_story_accepts_the_story_toml_path(example: Story) -> None:
    with pytest.warns(LossyInputWarning):
        story = load_story(EXAMPLE / "story.toml")
    assert story == example


# --------------------------------------------------------------------------- published


@pytest.mark.parametrize(
    ("raw", "newsroom_zone", "expected"),
    [
        # empty: unknown, the normal case
        ("", None, (None, None, None, "unknown")),
        ("  ", "Europe/Moscow", (None, None, None, "unknown")),
        # a date alone: no time of day invented; the newsroom's calendar when known
        ("2025-01-21", None, (JAN21, None, None, "unknown")),
        ("2025-01-21", "Europe/Moscow", (JAN21, None, "Europe/Moscow", "newsroom_zone")),
        ("January 21, 2025", None, (JAN21, None, None, "unknown")),
        ("21 Jan 2025", None, (JAN21, None, None, "unknown")),
        ("21/01/2025", None, (JAN21, None, None, "unknown")),
        # ISO 8601 with an offset: the newsroom zone when its offset matches, else the offset
        ("2025-01-21T14:03:00+03:00", "Europe/Moscow", (JAN21, time(14, 3), "Europe/Moscow", OFFSET)),
        ("2025-01-21T14:03:00+03:00", None, (JAN21, time(14, 3), "UTC+03:00", OFFSET)),
        ("2025-01-21T14:03:00+03:00", "Asia/Shanghai", (JAN21, time(14, 3), "UTC+03:00", OFFSET)),
        ("2025-01-21T06:03:00Z", None, (JAN21, time(6, 3), "UTC", OFFSET)),
        # New York is at -05:00 in January and -04:00 in July: the instant decides
        (
            "2025-07-01T09:00:00-04:00",
            "America/New_York",
            (date(2025, 7, 1), time(9), "America/New_York", OFFSET),
        ),
        ("2025-01-21T09:00:00-04:00", "America/New_York", (JAN21, time(9), "UTC-04:00", OFFSET)),
        # RFC 2822
        ("Tue, 21 Jan 2025 14:03:00 +0300", None, (JAN21, time(14, 3), "UTC+03:00", OFFSET)),
        ("Tue, 21 Jan 2025 11:03:00 GMT", None, (JAN21, time(11, 3), "UTC", OFFSET)),
        ("21 Jan 2025 14:03 UTC+3", None, (JAN21, time(14, 3), "UTC+03:00", OFFSET)),
        # a naive time on a known newsroom clock
        ("2025-01-21 14:03", "Europe/Moscow", (JAN21, time(14, 3), "Europe/Moscow", "newsroom_zone")),
        (
            "January 21, 2025 2:03 PM",
            "America/New_York",
            (JAN21, time(14, 3), "America/New_York", "newsroom_zone"),
        ),
        # an abbreviation is trusted only when it is the newsroom zone's own
        (
            "January 21, 2025 2:03 PM EST",
            "America/New_York",
            (JAN21, time(14, 3), "America/New_York", "abbreviation in published"),
        ),
        (
            "2025-01-21 14:03 CST",
            "Asia/Shanghai",
            (JAN21, time(14, 3), "Asia/Shanghai", "abbreviation in published"),
        ),
    ],
)
def test_parse_published(raw: str, newsroom_zone: str | None, expected: tuple[object, ...]) -> None:
    with no_warnings():
        published = parse_published(raw, newsroom_zone=newsroom_zone)
    assert published.raw == raw
    assert (published.date, published.time, published.zone, published.zone_source) == expected


@pytest.mark.parametrize(
    ("raw", "newsroom_zone", "message"),
    [
        (
            "2025-01-21 14:03",
            None,
            r"'2025-01-21 14:03': it has a time of day but no zone; read as wall-clock",
        ),
        ("2025-01-21T14:03", None, r"unknown clock, not UTC\. Add an offset .* or fill newsroom_zone"),
        ("January 21, 2025 2:03 PM CST", None, r"'CST' is an abbreviation"),
        ("January 21, 2025 2:03 PM CST", "America/New_York", r"newsroom_zone America/New_York shows EST"),
    ],
)
def test_a_time_without_a_usable_zone_stays_on_an_unknown_clock(
    raw: str, newsroom_zone: str | None, message: str
) -> None:
    with pytest.warns(LossyInputWarning, match=message):
        published = parse_published(raw, newsroom_zone=newsroom_zone, file="a.csv", row=3)
    assert (published.date, published.time, published.zone) == (JAN21, time(14, 3), None)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("soon", "not a date we know"),
        ("yesterday", "does not give a day, month and year"),  # dateparser would say today - 1
        ("Jan 21", "not a date we know"),  # no year: dateparser would add this year
        ("01/02/2025", "day and month could be either way round"),
        ("2025-02-30", "not a date we know"),
    ],
)
def test_unreadable_published_warns_and_is_kept_as_unknown(raw: str, reason: str) -> None:
    with pytest.warns(
        LossyInputWarning, match=rf"a\.csv, row 5, field 'published': cannot read {raw!r}.*{reason}"
    ):
        published = parse_published(raw, file="a.csv", row=5)
    assert published.raw == raw
    assert not published.known
    assert published.zone is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (pd.Timestamp("2025-01-21 14:03", tz="Europe/Moscow"), (JAN21, time(14, 3), "Europe/Moscow")),
        (pd.Timestamp("2025-01-21"), (JAN21, None, "Europe/Moscow")),  # a date-only column
        (JAN21, (JAN21, None, "Europe/Moscow")),
        (pd.NaT, (None, None, None)),
        (float("nan"), (None, None, None)),
        (None, (None, None, None)),
    ],
)
def test_parse_published_takes_notebook_values(value: object, expected: tuple[object, ...]) -> None:
    with no_warnings():
        published = parse_published(value, newsroom_zone="Europe/Moscow")
    assert (published.date, published.time, published.zone) == expected
    assert type(published.date) in (date, type(None))  # not a Timestamp


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=40), st.from_regex(r"\A[0-9 ,:/.TZ+-]{4,30}\Z"), st.dates().map(str)))
def test_parse_published_never_raises_and_keeps_the_raw_text(raw: str) -> None:
    # One bad row must never stop a batch: any text gives a Published, the raw text kept.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        published = parse_published(raw, newsroom_zone="Europe/Moscow")
    assert published.raw == raw
    assert published.date is not None or published.time is None


def test_parse_published_accepts_a_pytz_newsroom_zone() -> None:
    published = parse_published("2025-01-21T14:03:00+03:00", newsroom_zone=pytz.timezone("Europe/Moscow"))
    assert published.zone == "Europe/Moscow"


def test_parse_published_reads_other_languages() -> None:
    published = parse_published("21 января 2025", languages=("ru", "en"))
    assert published.date == JAN21


def test_a_language_dateparser_does_not_know_falls_back_to_english() -> None:
    # dateparser checks its languages only when it reads (ValueError "Unknown language(s)"); found by a fuzz run
    published = parse_published("January 21, 2025", languages=("xx", "en"))
    assert published.date == JAN21


# --------------------------------------------------------------------------- articles.csv


def load_rows(tmp_path: Path, rows: Sequence[Mapping[str, str]]) -> tuple[Article, ...]:
    folder = write_story(tmp_path / "story", rows)
    return load_story(folder).articles


def test_missing_folder_story_toml_and_articles_csv(tmp_path: Path) -> None:
    with pytest.raises(StoryFileError, match="no such story folder"):
        load_story(tmp_path / "nowhere")
    write_story(tmp_path / "a", toml=None)
    with pytest.raises(
        StoryFileError,
        match=r"(?s)story\.toml: missing: create a story\.toml here.*\[\[events\]\]\nid = \"call\"",
    ):
        load_story(tmp_path / "a")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "story.toml").write_text(MINIMAL_TOML, encoding="utf-8")
    with pytest.raises(
        StoryFileError,
        match=r"articles\.csv: missing: create it with the header row\n    id,outlet,url,published",
    ):
        load_story(tmp_path / "b")


def test_missing_column_lists_the_columns_found(tmp_path: Path) -> None:
    with (
        pytest.warns(LossyInputWarning, match="unknown column 'body'"),
        pytest.raises(StoryFileError, match=r"row 1: .*columns 'id' and 'text'.*found are 'id', 'body'"),
    ):
        load_rows(tmp_path, [{"id": "A1", "body": "x"}])


def test_unknown_column_warns_with_a_suggestion(tmp_path: Path) -> None:
    with pytest.warns(
        LossyInputWarning, match=r"row 1, field 'publised': unknown column .*Did you mean 'published'"
    ):
        (article,) = load_rows(tmp_path, [{"id": "A1", "publised": "2025-01-21", "text": "x"}])
    assert not article.published.known


def test_columns_match_ignoring_case_and_spaces(tmp_path: Path) -> None:
    with no_warnings():
        (article,) = load_rows(tmp_path, [{" ID ": "A1", "Text": "x", "Published": "2025-01-21"}])
    assert article.published.date == JAN21


def test_duplicate_id_names_both_rows(tmp_path: Path) -> None:
    # A quoted text with line breaks is one spreadsheet row: the rows are 2, 3 and 4.
    rows = [{"id": "A1", "text": "one\ntwo\nthree"}, {"id": "A2", "text": "x"}, {"id": "A1", "text": "y"}]
    with pytest.raises(StoryFileError, match=r"row 4, field 'id': id 'A1' is used by rows 2 and 4"):
        load_rows(tmp_path, rows)


def test_empty_id_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StoryFileError, match=r"row 3, field 'id': the id is empty; give every article"):
        load_rows(tmp_path, [{"id": "A1", "text": "x"}, {"id": " ", "text": "y"}])


def test_unknown_newsroom_zone_names_file_row_field_and_suggests(tmp_path: Path) -> None:
    rows = [
        {"id": "A1", "text": "x", "newsroom_zone": ""},
        {"id": "A2", "text": "y", "newsroom_zone": "Europe/Moskow"},
    ]
    with pytest.raises(
        ZoneError,
        match=r"articles\.csv, row 3, field 'newsroom_zone': unknown time zone "
        r"'Europe/Moskow'.*Did you mean 'Europe/Moscow'",
    ) as caught:
        load_rows(tmp_path, rows)
    assert (caught.value.row, caught.value.field) == (3, "newsroom_zone")


@pytest.mark.parametrize(
    ("cells", "zone", "zone_source"),
    [
        ({}, None, ""),  # unknown, silently
        ({"newsroom_zone": "Europe/Moscow"}, "Europe/Moscow", "articles.csv"),
        (
            {"newsroom_zone": "Europe/Moscow", "newsroom_zone_source": "outlet's site"},
            "Europe/Moscow",
            "outlet's site",
        ),
        ({"newsroom_zone": "UTC+03:00"}, "UTC+03:00", "articles.csv"),
        ({"text": "MOSCOW (AP) — Putin spoke."}, "Europe/Moscow", "dateline"),
        ({"text": "MOSCOW (AP) — Putin spoke.", "newsroom_zone": "Asia/Tokyo"}, "Asia/Tokyo", "articles.csv"),
    ],
)
def test_newsroom_zone_and_its_source(
    tmp_path: Path, cells: dict[str, str], zone: str | None, zone_source: str
) -> None:
    row = {"id": "A1", "text": "Putin spoke.", "newsroom_zone": "", "newsroom_zone_source": ""} | cells
    with no_warnings():
        (article,) = load_rows(tmp_path, [row])
    assert (article.newsroom_zone, article.zone_source) == (zone, zone_source)


def test_abbreviation_style_zone_warns(tmp_path: Path) -> None:
    with pytest.warns(LossyInputWarning, match=r"field 'newsroom_zone': zone 'EST' is .*'America/New_York'"):
        (article,) = load_rows(tmp_path, [{"id": "A1", "text": "x", "newsroom_zone": "EST"}])
    assert article.newsroom_zone == "EST"


def test_header_only_csv_warns(tmp_path: Path) -> None:
    folder = write_story(tmp_path / "story")
    (folder / "articles.csv").write_text("id,text\n", encoding="utf-8")
    with pytest.warns(LossyInputWarning, match=r"articles\.csv: there are no articles"):
        assert load_story(folder).articles == ()


def test_zone_source_without_a_zone_warns(tmp_path: Path) -> None:
    with pytest.warns(
        LossyInputWarning, match=r"field 'newsroom_zone_source': .*'dateline' but newsroom_zone is empty"
    ):
        (article,) = load_rows(tmp_path, [{"id": "A1", "text": "x", "newsroom_zone_source": "dateline"}])
    assert article.newsroom_zone is None


def test_published_in_the_csv_uses_the_newsroom_zone(tmp_path: Path) -> None:
    rows = [
        {"id": "A1", "text": "x", "published": "2025-01-21 14:03", "newsroom_zone": "Europe/Moscow"},
        {"id": "A2", "text": "y", "published": "garbage", "newsroom_zone": ""},
    ]
    with pytest.warns(LossyInputWarning, match=r"row 3, field 'published': cannot read 'garbage'"):
        first, second = load_rows(tmp_path, rows)
    assert (first.published.time, first.published.zone) == (time(14, 3), "Europe/Moscow")
    assert second.published.raw == "garbage"


def test_naive_published_in_the_csv_warns_and_keeps_zone_none(tmp_path: Path) -> None:
    with pytest.warns(LossyInputWarning, match=r"row 2, field 'published': .*unknown clock"):
        (article,) = load_rows(tmp_path, [{"id": "A1", "text": "x", "published": "2025-01-21 14:03"}])
    assert (article.published.time, article.published.zone) == (time(14, 3), None)


@pytest.mark.parametrize(
    ("value", "expected", "message"),
    [
        ("", "en", None),
        ("RU", "ru", None),
        ("en-US", "en", r"language 'en-US' is not a two-letter code.*read as 'en'"),
        ("english", "english", r"language 'english' is not a two-letter code"),
    ],
)
def test_language(tmp_path: Path, value: str, expected: str, message: str | None) -> None:
    rows = [{"id": "A1", "text": "x", "language": value}]
    if message is None:
        with no_warnings():
            (article,) = load_rows(tmp_path, rows)
    else:
        with pytest.warns(LossyInputWarning, match=message):
            (article,) = load_rows(tmp_path, rows)
    assert article.language == expected


def test_text_file_is_read_relative_to_the_folder(tmp_path: Path) -> None:
    folder = write_story(tmp_path / "story", [{"id": "A1", "text": "", "text_file": "texts/a1.txt"}])
    (folder / "texts").mkdir()
    (folder / "texts" / "a1.txt").write_text("Long article.\nSecond paragraph.", encoding="utf-8")
    (article,) = load_story(folder).articles
    assert article.text == "Long article.\nSecond paragraph."


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"text_file": "texts/none.txt"}, r"row 2, field 'text_file': text file 'texts/none.txt' not found"),
        ({"text_file": "a.txt", "text": "also"}, r"field 'text_file': both text and text_file"),
    ],
)
def test_text_file_errors(tmp_path: Path, cells: dict[str, str], message: str) -> None:
    with pytest.raises(StoryFileError, match=message):
        load_rows(tmp_path, [{"id": "A1", "text": ""} | cells])


def test_extra_values_in_a_row_warn(tmp_path: Path) -> None:
    folder = write_story(tmp_path / "story")
    (folder / "articles.csv").write_text("id,text\nA1,They met on Tuesday, in Moscow\n", encoding="utf-8")
    with pytest.warns(LossyInputWarning, match=r"row 2: 3 values but 2 columns; \['in Moscow'\] is ignored"):
        (article,) = load_story(folder).articles
    assert article.text == "They met on Tuesday"


def test_blank_lines_are_skipped_but_counted(tmp_path: Path) -> None:
    folder = write_story(tmp_path / "story")
    (folder / "articles.csv").write_text("id,text\nA1,x\n\nA2,y\n", encoding="utf-8")
    assert [a.row for a in load_story(folder).articles] == [2, 4]


def test_csv_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    folder = write_story(tmp_path / "story")
    (folder / "articles.csv").write_bytes("id,text\nA1,Kyiv – café\n".encode("cp1252"))
    with pytest.raises(StoryFileError, match=r"articles\.csv: not UTF-8 text .*save it as 'CSV UTF-8'"):
        load_story(folder)


def test_long_fields_pass_the_csv_module_limit(tmp_path: Path) -> None:
    long_text = "word " * 100_000  # 500,000 characters, over csv's default 131,072
    (article,) = load_rows(tmp_path, [{"id": "A1", "text": long_text}])
    assert len(article.text) == len(long_text)


# --------------------------------------------------------------------------- text


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        (
            "<p>Putin &amp; Xi spoke.</p><p>It&#8217;s a call&nbsp;today.</p>",
            "Putin & Xi spoke.\nIt’s a call today.",
        ),
        ("Line one<br>Line <b>two</b>", "Line one\nLine two"),
        ("AT&amp;T said", "AT&T said"),  # entities alone
        ("<div><script>var x = 1;</script>Text</div>", "Text"),
    ],
)
def test_html_is_stripped_with_a_warning(tmp_path: Path, raw: str, cleaned: str) -> None:
    with pytest.warns(LossyInputWarning, match=r"row 2, field 'text': the text holds HTML"):
        (article,) = load_rows(tmp_path, [{"id": "A1", "text": raw}])
    assert article.text == cleaned


@pytest.mark.parametrize("raw", ["Xi < Putin > Trump in height", "R&D spending, Q&A", "a & b; c"])
def test_text_that_only_looks_like_html_is_left_alone(tmp_path: Path, raw: str) -> None:
    with no_warnings():
        (article,) = load_rows(tmp_path, [{"id": "A1", "text": raw}])
    assert article.text == raw


@pytest.mark.parametrize("raw", ["", "   \n  "])
def test_empty_text_warns_and_the_article_is_kept(tmp_path: Path, raw: str) -> None:
    with pytest.warns(
        LossyInputWarning, match=r"row 2, field 'text': the text is empty; the article is kept"
    ):
        (article,) = load_rows(tmp_path, [{"id": "A1", "text": raw}])
    assert article.id == "A1"


def test_control_characters_are_removed_with_a_warning(tmp_path: Path) -> None:
    with pytest.warns(LossyInputWarning, match=r"removed 2 control character\(s\) \(U\+0000, U\+0007\)"):
        (article,) = load_rows(tmp_path, [{"id": "A1", "text": "Put\x00in\x07 spoke\r\non Tuesday"}])
    assert article.text == "Putin spoke\non Tuesday"


def test_text_over_the_limit_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    frame = pd.DataFrame({"id": ["A1"], "text": ["x" * (text_module.MAX_TEXT + 1)]})
    with pytest.raises(
        StoryFileError, match=r"DataFrame, row 2, field 'text': the text is 5,000,001 characters.*split it"
    ):
        articles_from_frame(frame)


def test_clean_text_on_its_own() -> None:
    with pytest.warns(LossyInputWarning, match=r"notes\.txt, field 'body': the text holds HTML"):
        assert clean_text("<p>a</p>\r\n<p>b</p>", file="notes.txt", field="body") == "a\nb"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert clean_text("a\r\nb\u2028c\x0cd") == "a\nb\nc\nd"  # line breaks in disguise, silently


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("Body.\nCopyright 2025 Example. All rights reserved.", "Copyright 2025"),
        ("Body.\n© 2025 Example Media", "© 2025"),
        ("Body.\n  More Worthy News  \nOther story.", "More Worthy News"),
        ("Body.\nRelated articles\nOther story.", "Related articles"),
        ("Body.\nRelated:\nOther story.", "Related:"),
        ("Body.\nRead more: Putin visits China", "Read more:"),
        ("Body.\nRecommended\nOther story.", "Recommended"),
        ("Body.\nSign up for our daily newsletter", "Sign up"),
        ("Body.\nThe Associated Press. All rights reserved.", "The Associated Press"),
        # not markers: mid-sentence, or ordinary sentences that open with a marker word
        ("Body says copyright 2025 matters.", None),
        ("Body.\nRecommended reading lists grew longer in 2025 as schools reopened.", None),
        ("Body.\nMore than 100 news outlets covered the call on Tuesday.", None),
        ("Body.\nRelated talks will follow on Tuesday.", None),
        ("Copyright 2025 Example\nBody.", None),  # the first line is never trailing boilerplate
    ],
)
def test_find_boilerplate(text: str, marker: str | None) -> None:
    found = find_boilerplate(text)
    if marker is None:
        assert found is None
    else:
        assert found is not None
        assert text[found[0] :].startswith(marker)


def test_boilerplate_markers_are_one_table_of_patterns() -> None:
    assert all(isinstance(marker, re.Pattern) for marker in BOILERPLATE_MARKERS)


def test_boilerplate_warning_quotes_sixty_characters(tmp_path: Path) -> None:
    text = "Body.\nCopyright 2025 Example News Corporation, its licensors and affiliates, worldwide."
    with pytest.warns(
        LossyInputWarning,
        match=r"row 2, field 'text': site boilerplate starts at character 6 "
        r"\('Copyright 2025 Example News Corporation, its licensors and a'\)",
    ):
        (article,) = load_rows(tmp_path, [{"id": "A1", "text": text}])
    assert article.boilerplate_start == 6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MOSCOW (AP) — Russian President Vladimir Putin", ("MOSCOW", "Europe/Moscow")),
        ("BEIJING, Jan 21 (Reuters) - China's President", ("BEIJING", "Asia/Shanghai")),
        ("WASHINGTON — President Donald Trump", ("WASHINGTON", "America/New_York")),
        ("NEW YORK, Jan. 21 (Reuters) -- Stocks", ("NEW YORK", "America/New_York")),
        ("By Jane Doe\nKYIV, Ukraine (AP) — Ukraine", ("KYIV", "Europe/Kyiv")),
        ("Hong Kong (AFP) - Stocks rose", ("Hong Kong", "Asia/Hong_Kong")),
        ("Washington - the capital was cold on Monday.", None),  # a sentence, not a dateline
        ("SPRINGFIELD (AP) — A town not in the table", None),
        ("Russian President Vladimir Putin has had a call", None),
    ],
)
def test_dateline_zone(text: str, expected: tuple[str, str] | None) -> None:
    assert dateline_zone(text) == expected


def test_every_dateline_zone_is_a_valid_zone() -> None:
    table = datelines()
    assert len(table) >= 40
    for city, zone in table.items():
        assert get_zone(zone, field=city) is not None


# --------------------------------------------------------------------------- DataFrame


def test_articles_from_frame() -> None:
    frame = pd.DataFrame(
        {
            "id": ["A1", "A2"],
            "outlet": ["AP", float("nan")],
            "published": [pd.Timestamp("2025-01-21 14:03", tz="Europe/Moscow"), pd.NaT],
            "newsroom_zone": [pytz.timezone("Europe/Moscow"), None],
            "text": ["Putin spoke on Tuesday.", "MOSCOW (AP) — Xi spoke."],
        },
        index=[10, 20],  # rows count as in a spreadsheet, whatever the index
    )
    with no_warnings():
        first, second = articles_from_frame(frame, source="notebook")
    assert (first.source, first.row, second.row) == ("notebook", 2, 3)
    assert (first.outlet, second.outlet) == ("AP", "")
    assert (first.newsroom_zone, first.zone_source) == ("Europe/Moscow", "notebook")
    assert (first.published.date, first.published.time, first.published.zone) == (
        JAN21,
        time(14, 3),
        "Europe/Moscow",
    )
    assert (second.newsroom_zone, second.zone_source, second.published.known) == (
        "Europe/Moscow",
        "dateline",
        False,
    )


def test_articles_from_frame_checks_like_the_csv() -> None:
    frame = pd.DataFrame({"id": ["A1", "A1"], "text": ["x", "y"]})
    with pytest.raises(
        StoryFileError, match=r"DataFrame, row 3, field 'id': id 'A1' is used by rows 2 and 3"
    ):
        articles_from_frame(frame)


def test_read_articles_csv_on_its_own(tmp_path: Path) -> None:
    folder = write_story(tmp_path / "story", [{"id": "A1", "text": "x"}])
    (article,) = read_articles_csv(folder / "articles.csv")
    assert article.source == str(folder / "articles.csv")


# --------------------------------------------------------------------------- story.toml


def test_minimal_story_toml_gets_the_defaults(tmp_path: Path) -> None:
    with no_warnings():
        story = read_story_toml(with_toml(tmp_path, ""))
    assert story.clocks == DEFAULT_CLOCKS
    assert (story.id, story.title, story.subtitle, story.subject_event, story.period) == (
        "story",
        "A story",
        "",
        None,
        None,
    )
    assert story.events[0].label == "call"  # the label defaults to the id
    assert story.articles == ()


def test_malformed_toml_quotes_line_and_column(tmp_path: Path) -> None:
    with pytest.raises(StoryFileError, match=r"story\.toml: not valid TOML: .*\(at line 2, column \d+\)"):
        read_story_toml(with_toml(tmp_path, "", base='[story]\ntitle = "unclosed\n'))


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            '[event]\nid = "x"\n',
            r"story\.toml, field 'event': unknown table 'event' is ignored.*Did you mean 'events'",
        ),
        (
            '[[events]]\nid = "oath"\nword = ["oath"]\nwords = ["oath"]\n',
            r"field 'word': \[\[events\]\] entry 2: unknown key 'word' is ignored.*Did you mean 'words'",
        ),
    ],
)
def test_unknown_keys_warn(tmp_path: Path, extra: str, message: str) -> None:
    with pytest.warns(LossyInputWarning, match=message):
        read_story_toml(with_toml(tmp_path, extra))


def test_unknown_key_in_the_story_table_warns(tmp_path: Path) -> None:
    base = MINIMAL_TOML.replace('title = "A story"', 'title = "A story"\nsubtitel = "x"')
    with pytest.warns(
        LossyInputWarning, match=r"field 'subtitel': \[story\]: unknown key .*Did you mean 'subtitle'"
    ):
        read_story_toml(with_toml(tmp_path, "", base=base))


def test_unknown_clock_zone_names_the_entry_and_suggests(tmp_path: Path) -> None:
    extra = (
        '[[clocks]]\nname = "Moscow"\nzone = "Europe/Moscow"\n'
        '[[clocks]]\nname = "Beijing"\nzone = "Asia/Shangai"\n'
    )
    with pytest.raises(
        ZoneError,
        match=r"story\.toml, field 'zone': \[\[clocks\]\] entry 2: unknown time zone "
        r"'Asia/Shangai'.*Did you mean 'Asia/Shanghai'",
    ):
        read_story_toml(with_toml(tmp_path, extra))


def test_clocks_keep_their_order_and_take_fixed_offsets(tmp_path: Path) -> None:
    extra = '[[clocks]]\nname = "Kyiv"\nzone = "Europe/Kyiv"\n[[clocks]]\nname = "Ship"\nzone = "UTC+03:00"\n'
    story = read_story_toml(with_toml(tmp_path, extra))
    assert [(c.name, c.zone) for c in story.clocks] == [("Kyiv", "Europe/Kyiv"), ("Ship", "UTC+03:00")]


ANCHOR = '[[anchors]]\nevent = "call"\nearliest = {earliest}\nlatest = {latest}\nsource = "a fact"\n'


@pytest.mark.parametrize(
    ("earliest", "latest"),
    [
        ('"2025-01-20T12:00:00-05:00"', '"2025-01-20T12:02:00-05:00"'),
        ('"2025-01-21T01:00:00+08:00"', '"2025-01-20T17:02:00Z"'),
        ("2025-01-20T12:00:00-05:00", "2025-01-20T20:02:00+03:00"),  # TOML's own date-times
    ],
)
def test_anchors_are_stored_in_utc(tmp_path: Path, earliest: str, latest: str) -> None:
    story = read_story_toml(with_toml(tmp_path, ANCHOR.format(earliest=earliest, latest=latest)))
    (anchor,) = story.anchors
    assert (anchor.earliest, anchor.latest) == (
        datetime(2025, 1, 20, 17, 0, tzinfo=UTC),
        datetime(2025, 1, 20, 17, 2, tzinfo=UTC),
    )
    assert anchor.earliest.utcoffset() == timedelta(0)
    assert (anchor.side, anchor.source) == ("start", "a fact")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ANCHOR.format(earliest='"2025-01-20T12:00:00"', latest='"2025-01-20T12:02:00-05:00"'),
            r"field 'earliest': \[\[anchors\]\] entry 1: "
            r"earliest '2025-01-20T12:00:00' has no UTC offset.*-05:00",
        ),
        (
            ANCHOR.format(earliest="2025-01-20T12:00:00", latest='"2025-01-20T12:02:00-05:00"'),
            r"earliest '2025-01-20 12:00:00' has no UTC offset",
        ),
        (ANCHOR.format(earliest='"2025-01-20"', latest='"2025-01-20T12:02:00-05:00"'), r"has no UTC offset"),
        (
            ANCHOR.format(earliest='"noon"', latest='"2025-01-20T12:02:00-05:00"'),
            r"earliest 'noon' is not an ISO 8601 date-time",
        ),
        (
            ANCHOR.format(earliest='"2025-01-20T12:02:00-05:00"', latest='"2025-01-20T12:00:00-05:00"'),
            r"field 'latest': .*latest 2025-01-20T17:00:00\+00:00 is before earliest .*swap them",
        ),
        (
            ANCHOR.replace('"call"', '"cal"').format(
                earliest='"2025-01-20T12:00Z"', latest='"2025-01-20T12:00Z"'
            ),
            r"field 'event': .*event 'cal' is not an \[\[events\]\] id.*Did you mean 'call'",
        ),
        (
            ANCHOR.replace("event =", 'side = "middle"\nevent =').format(
                earliest='"2025-01-20T12:00Z"', latest='"2025-01-20T12:00Z"'
            ),
            r"field 'side': .*side must be \"start\" or \"end\", got 'middle'",
        ),
    ],
)
def test_bad_anchors_are_refused(tmp_path: Path, extra: str, message: str) -> None:
    with pytest.raises(StoryFileError, match=message):
        read_story_toml(with_toml(tmp_path, extra))


@pytest.mark.parametrize(
    ("base", "message"),
    [
        ('[story]\ntitle = "x"\n', r"no \[\[events\]\]: a story needs at least one event"),
        (
            MINIMAL_TOML + '[[events]]\nid = "call"\nwords = ["talks"]\n',
            r"\[\[events\]\] entry 2: an event with id 'call' is already defined",
        ),
        (
            '[[events]]\nid = "call"\nwords = []\n',
            r"field 'words': .*at least one non-empty string, got \[\]",
        ),
        ('[[events]]\nid = "call"\nwords = "call"\n', r"field 'words': .*words must be a list.*got 'call'"),
        ('[[events]]\nid = "video call"\nwords = ["call"]\n', r"id 'video call' may only hold letters"),
        ('[[events]]\nid = "call"\nwords = ["call"]\ninstant = 1\n', r"instant must be true or false, got 1"),
        (
            MINIMAL_TOML.replace("[story]\n", '[story]\nsubject = "cal"\n'),
            r"field 'subject': \[story\]: subject 'cal' is not an \[\[events\]\] id.*Did you mean 'call'",
        ),
        (
            MINIMAL_TOML.replace("[story]\n", '[story]\nperiod = ["2025-01-28", "2025-01-13"]\n'),
            r"period ends \(2025-01-13\) before it starts",
        ),
        (MINIMAL_TOML.replace("[story]\n", '[story]\nperiod = ["2025-01-28"]\n'), r"got 1 values"),
        (MINIMAL_TOML.replace('"A story"', "3"), r"title must be a string, got 3"),
        ("clocks = []\n" + MINIMAL_TOML, r"clocks is empty"),
        (MINIMAL_TOML + '[[clocks]]\nzone = "Europe/Moscow"\n', r"\[\[clocks\]\] entry 1: 'name' is missing"),
    ],
)
def test_bad_story_settings_are_refused(tmp_path: Path, base: str, message: str) -> None:
    with pytest.raises(StoryFileError, match=message):
        read_story_toml(with_toml(tmp_path, "", base=base))


def test_period_accepts_toml_dates(tmp_path: Path) -> None:
    base = MINIMAL_TOML.replace("[story]\n", "[story]\nperiod = [2025-01-13, 2025-01-28]\n")
    story = read_story_toml(with_toml(tmp_path, "", base=base))
    assert story.period == (date(2025, 1, 13), date(2025, 1, 28))


def test_outlets_become_sorted_zone_keys(tmp_path: Path) -> None:
    story = read_story_toml(
        with_toml(tmp_path, '[outlets]\n"Xinhua" = "Asia/Shanghai"\n"AP" = "America/New_York"\n')
    )
    assert story.outlet_zones == (("AP", "America/New_York"), ("Xinhua", "Asia/Shanghai"))
    with pytest.raises(ZoneError, match=r"field 'TASS': \[outlets\]: unknown time zone 'Moscow'"):
        read_story_toml(with_toml(tmp_path / "b", '[outlets]\n"TASS" = "Moscow"\n'))
