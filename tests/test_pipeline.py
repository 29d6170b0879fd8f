"""The whole path on the example story: articles in, tables, summary and images out."""

from __future__ import annotations

import csv
import warnings
from pathlib import Path

import pytest

import timeline
from timeline.cli import main
from timeline.errors import LossyInputWarning
from timeline.pipeline import CLAIM_COLUMNS, EVENT_COLUMNS

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "xi_putin_call"


@pytest.fixture(scope="module")
def result() -> timeline.StoryResult:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyInputWarning)
        return timeline.analyze(EXAMPLE)


def _event(result: timeline.StoryResult, event: str) -> dict[str, object]:
    rows = [r for r in result.event_rows() if r["event"] == event]
    assert len(rows) == 1
    return rows[0]


def test_oath_is_placed_at_noon_washington(result: timeline.StoryResult) -> None:
    oath = _event(result, "inauguration")
    assert (oath["start_earliest"], oath["start_latest"]) == ("2025-01-20T17:00:00Z", "2025-01-20T17:02:00Z")


def test_call_windows(result: timeline.StoryResult) -> None:
    call = _event(result, "call")
    # Every report right: after 21:00 UTC (a day after the oath on the Moscow clock, AP) and before
    # 05:00 UTC (Monday on the Washington clock).
    assert (call["agreed_start_earliest"], call["agreed_start_latest"]) == (
        "2025-01-20T21:00:00Z", "2025-01-21T04:59:00Z")
    # Any one report wrong: "on Monday" set aside, the call may start up to 24 h after the oath.
    assert (call["start_earliest"], call["start_latest"]) == ("2025-01-20T21:00:00Z", "2025-01-21T17:02:00Z")
    # The 1.5-hour call ends 87..93 minutes after it starts.
    assert (call["agreed_end_earliest"], call["agreed_end_latest"]) == ("2025-01-20T22:27:00Z", "2025-01-21T06:32:00Z")


def test_on_monday_is_what_the_narrow_window_rests_on(result: timeline.StoryResult) -> None:
    claims = result.claims
    monday = claims[(claims.article == "S7") & (claims.text == "Monday")].iloc[0]
    assert monday.status == "pivotal"
    assert monday.zone == "America/New_York"
    assert "Washington clock" in monday.reason and "04:59 UTC" in monday.reason
    assert _event(result, "call")["pivotal"] == monday.claim


def test_every_expression_is_accounted_for(result: timeline.StoryResult) -> None:
    claims = result.claims
    assert list(claims.columns) == list(CLAIM_COLUMNS)
    assert set(claims.status) <= {"consistent", "conflict", "pivotal", "unresolved"}
    assert (claims.reason.str.len() > 0).all()
    assert sum(result.counts().values()) == len(claims)
    texts = {a.id: a.text for a in result.story.articles}
    for article, start, end, text in zip(claims.article, claims.char_start, claims.char_end, claims.text, strict=True):
        assert texts[article][start:end] == text


def test_boilerplate_and_unrelated_dates_do_not_date_the_call(result: timeline.StoryResult) -> None:
    claims = result.claims
    teaser = claims[claims.text == "11:00 a.m. Washington time"].iloc[0]
    assert teaser.status == "unresolved" and "boilerplate" in teaser.reason
    assert claims[claims.text == "2022"].iloc[0].status == "unresolved"


def test_yesterday_with_unknown_publication_date_is_unresolved(result: timeline.StoryResult) -> None:
    row = result.claims[result.claims.text == "yesterday"].iloc[0]
    assert row.event == "inauguration"
    assert row.status == "unresolved" and "publication date" in row.reason


def test_summary_states_both_windows_on_every_clock(result: timeline.StoryResult) -> None:
    text = result.summary()
    for piece in ("If every report is right", "If any one report may be wrong", "Beijing", "Moscow", "Washington",
                  "21:00 UTC Mon 20 Jan (05:00 Tue Beijing, 00:00 Tue Moscow, 16:00 Mon Washington)",
                  "Known start (anchor): 2025-01-20T17:00:00Z to 2025-01-20T17:02:00Z"):
        assert piece in text


def test_events_frame_columns(result: timeline.StoryResult) -> None:
    assert list(result.events.columns) == list(EVENT_COLUMNS)


def test_cli_report_writes_every_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert main(["report", str(EXAMPLE), "--out", str(tmp_path)]) == 0
    names = {p.name for p in tmp_path.iterdir()}
    assert {"xi_putin_call.png", "xi_putin_call.svg", "xi_putin_call-events.csv", "xi_putin_call-claims.csv",
            "xi_putin_call.md"} <= names
    with (tmp_path / "xi_putin_call-events.csv").open(encoding="utf-8") as handle:
        assert [row["event"] for row in csv.DictReader(handle)] == ["inauguration", "call"]
    out = capsys.readouterr().out
    assert "agreed 2025-01-20 21:00..2025-01-21 04:59 UTC" in out


def test_cli_reports_bad_input_without_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("timeline: error:") and "Traceback" not in err


def test_cli_tag_prints_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tag", "Putin and Xi spoke on Tuesday at noon ET.", "--published", "2025-01-22",
                 "--tz", "Europe/Moscow"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1
    assert '"value": "2025-01-21T12:00"' in lines[0]
    assert '"earliest": "2025-01-21T17:00:00+00:00"' in lines[0]


def test_event_words_that_match_nothing_warn(tmp_path: Path) -> None:
    (tmp_path / "story.toml").write_text(
        '[story]\ntitle = "t"\n[[events]]\nid = "call"\nwords = ["teleconference"]\n', encoding="utf-8")
    (tmp_path / "articles.csv").write_text("id,text\nA1,Putin spoke on Tuesday.\n", encoding="utf-8")
    with pytest.warns(LossyInputWarning, match=r"story.toml, \[\[events\]\] id 'call', field 'words'"):
        result = timeline.analyze(tmp_path)
    assert result.claims.status.tolist() == ["unresolved"]


def test_articles_from_a_dataframe(tmp_path: Path) -> None:
    import pandas as pd

    (tmp_path / "story.toml").write_text((EXAMPLE / "story.toml").read_text(encoding="utf-8"), encoding="utf-8")
    frame = pd.DataFrame({
        "id": ["A1", "A2"],
        "outlet": ["AP", ""],
        "published": ["2025-01-21", ""],
        "newsroom_zone": ["Europe/Moscow", ""],
        "text": ["Putin had a call with Xi, a day after Donald Trump was sworn in.",
                 "The pair spoke over the phone on Monday, hours after Trump took office."],
    })
    result = timeline.analyze(tmp_path, articles=frame)
    call = _event(result, "call")
    # AP on the Moscow clock: the day after the oath there; "Monday" then only on the Washington clock.
    assert (call["agreed_start_earliest"], call["agreed_start_latest"]) == (
        "2025-01-20T21:00:00Z", "2025-01-21T04:59:00Z")
    monday = result.claims[result.claims.text == "Monday"].iloc[0]
    assert monday.zone == "America/New_York"


def test_cli_survives_a_closed_pipe() -> None:
    import subprocess
    import sys

    text = " ".join(["It happened on Tuesday."] * 20000)
    command = [sys.executable, "-m", "timeline.cli", "tag", "-", "--published", "2025-01-22"]
    with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(text.encode())
        proc.stdin.close()
        proc.stdout.readline()
        proc.stdout.close()  # the reader leaves early, as `| head -1` does
        proc.wait(timeout=120)
        assert proc.stderr is not None
        err = proc.stderr.read()
        assert b"Traceback" not in err and b"BrokenPipe" not in err


def test_hours_later_counts_from_the_event_before(tmp_path: Path) -> None:
    import pandas as pd

    (tmp_path / "story.toml").write_text((EXAMPLE / "story.toml").read_text(encoding="utf-8"), encoding="utf-8")
    frame = pd.DataFrame({"id": ["A1"], "text": ["Trump was sworn in at noon. Hours later, Putin spoke with Xi."]})
    result = timeline.analyze(tmp_path, articles=frame)
    row = result.claims[result.claims.text == "Hours later"].iloc[0]
    assert (row.event, row.anchor_event, row.status) == ("call", "inauguration", "pivotal")  # the only report
    # 1..24 h after the oath (17:00-17:02 UTC).
    assert (row.earliest, row.latest) == ("2025-01-20T18:00:00Z", "2025-01-21T17:02:00Z")


def test_a_story_sets_its_own_bounds_for_vague_amounts(tmp_path: Path) -> None:
    import pandas as pd

    toml = (EXAMPLE / "story.toml").read_text(encoding="utf-8")
    frame = pd.DataFrame({"id": ["A1", "A2"], "text": ["Trump was sworn in at noon. Hours later, Putin spoke with Xi.",
                                                       "Putin spoke with Xi a few days after the inauguration."]})

    def windows(extra: str) -> list[tuple[str, str]]:
        (tmp_path / "story.toml").write_text(toml + extra, encoding="utf-8")
        claims = timeline.analyze(tmp_path, articles=frame).claims
        return [(row.earliest, row.latest) for text in ("Hours later", "a few days")
                for row in [claims[claims.text == text].iloc[0]]]

    # The language table: "hours" = 1..24 h, "a few" = 2..5.
    assert windows("")[0] == ("2025-01-20T18:00:00Z", "2025-01-21T17:02:00Z")
    hours, few = windows('\n[vague_quantities]\nhours = { unit = "hour", bounds = [2, 6] }\n'
                         '\n[vague_counts]\n"a few" = [2, 3]\n')
    assert hours == ("2025-01-20T19:00:00Z", "2025-01-20T23:02:00Z")
    assert few[1] < windows("")[1][1]  # three days at most instead of five


@pytest.mark.parametrize(("extra", "message"), [
    ('[vague_quantities]\neons = { unit = "year", bounds = [1, 9] }', r"'eons' is not a phrase .*: .*hours"),
    ('[vague_quantities]\nhours = { unit = "hour", bounds = [9, 2] }', r"0 <= low <= high, got \[9.0, 2.0\]"),
    ('[vague_quantities]\nhours = { unit = "fortnights", bounds = [1, 2] }', r"unknown unit 'fortnights'"),
    ('[vague_counts]\n"a few" = "two"', r"a counting word needs bounds \[low, high\]"),
])
def test_bad_bounds_for_vague_amounts_name_the_file_and_entry(tmp_path: Path, extra: str, message: str) -> None:
    from timeline.ingest import read_story_toml

    path = tmp_path / "story.toml"
    path.write_text((EXAMPLE / "story.toml").read_text(encoding="utf-8") + "\n" + extra + "\n", encoding="utf-8")
    with pytest.raises(timeline.InputError, match=message) as caught:
        read_story_toml(path)
    assert str(path) in str(caught.value)
