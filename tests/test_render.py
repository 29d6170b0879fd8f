"""Render stage: the figure description (no drawing), the drawing, the files, the words.

Reference images live in tests/baseline/. After a deliberate change of the figure, look at
tests/output/*.png, then regenerate the baselines with

    TIMELINE_UPDATE_BASELINES=1 python -m pytest tests/test_render.py -k baseline

and commit them with the change. Actual images are written to tests/output/ (gitignored).
"""

from __future__ import annotations

import io
import itertools
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

import matplotlib

matplotlib.use("Agg")  # pinned: reference images are Agg renderings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from matplotlib.testing.compare import compare_images
from matplotlib.text import Text
from matplotlib.transforms import Bbox
from PIL import Image

from timeline.errors import InputError
from timeline.model import (
    Article,
    Claim,
    ClaimOutcome,
    Clock,
    EventOutcome,
    EventSpec,
    Mention,
    Published,
    Quantity,
    Relation,
    Spec,
    Story,
    Weekday,
    Window,
)
from timeline.render import (
    FigureSpec,
    RenderOptions,
    alt_text,
    describe,
    draw,
    png_bytes,
    save_figure,
)
from timeline.render.spec import Label, Lane
from timeline.render.style import STYLE, Status

HERE = Path(__file__).parent
BASELINE = HERE / "baseline"
OUTPUT = HERE / "output"
UPDATE = os.environ.get("TIMELINE_UPDATE_BASELINES") == "1"


# --------------------------------------------------------------------------- example data
# Built by hand in the shape the reconcile stage produces (see timeline.model); plain functions
# so scripts/bench_render.py can use the same story.


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def claim(
    claim_id: str,
    outlet: str,
    text: str,
    status: Status,
    zones: tuple[str, ...],
    span: Window | None,
    *,
    event: str = "call",
    reason: str = "",
    spec: Spec | None = None,
    start: int = 0,
    clock: Literal["article", "stated", "any"] = "article",
    narrowing: timedelta = timedelta(0),
) -> ClaimOutcome:
    mention = Mention(
        text=text,
        start=start,
        end=start + len(text),
        rule="test",
        spec=spec if spec is not None else Weekday(weekday=1),
        timex_type="DATE",
    )
    article = claim_id.split(":")[0]
    made = Claim(
        id=claim_id,
        article=article,
        outlet=outlet,
        mention=mention,
        event=event,
        anchor_event=None,
        readings=(),
        unresolved=reason if status == "unresolved" else None,
        clock=clock,
    )
    return ClaimOutcome(claim=made, status=status, reason=reason, zones=zones, window=span, narrowing=narrowing)


def story(
    story_id: str,
    title: str,
    subtitle: str,
    clocks: tuple[Clock, ...],
    events: tuple[EventSpec, ...],
    articles: tuple[Article, ...] = (),
    source_line: str = "Source: invented reports, for testing. Analysis: timeline.",
) -> Story:
    return Story(
        id=story_id,
        title=title,
        subtitle=subtitle,
        source_line=source_line,
        credit="Graphic: Newsroom graphics desk",
        clocks=clocks,
        events=events,
        anchors=(),
        articles=articles,
    )


SEED_CLOCKS = (
    Clock("Beijing", "Asia/Shanghai"),
    Clock("Moscow", "Europe/Moscow"),
    Clock("Washington", "America/New_York"),
)
ALL_SEED_ZONES = tuple(clock.zone for clock in SEED_CLOCKS)
_S3_TEXT = (
    "Russian President Vladimir Putin has had a call with Chinese President Xi Jinping, emphasizing "
    "the two countries’ close ties, a day after Donald Trump was sworn in as the 47th U.S. president."
)


def seed_story() -> Story:
    s3_article = Article(
        id="S3",
        outlet="AP",
        url="",
        published=Published(raw="2025-01-21", date=date(2025, 1, 21), zone="Europe/Moscow"),
        newsroom_zone="Europe/Moscow",
        zone_source="dateline",
        language="en",
        text=_S3_TEXT,
    )
    return story(
        "xi-putin-call",
        "Xi and Putin spoke within a day of Trump’s oath",
        "Trump was sworn in at noon on Monday in Washington, when it was already Tuesday in "
        "Beijing. Reports place the Xi–Putin video call hours later; one says “Monday”.",
        SEED_CLOCKS,
        (
            EventSpec("inauguration", "Trump sworn in", ("sworn in",), instant=True),
            EventSpec("call", "Xi–Putin video call", ("call",)),
        ),
        (s3_article,),
        source_line="Source: news reports as listed; oath time from AP. Analysis: timeline.",
    )


def seed_events() -> tuple[EventOutcome, ...]:
    oath = Window(utc(2025, 1, 20, 17), utc(2025, 1, 20, 17, 2))
    call_start = Window(utc(2025, 1, 20, 18, 2), utc(2025, 1, 21, 17, 2))
    agreed = Window(utc(2025, 1, 20, 21), utc(2025, 1, 21, 4, 59))
    later = timedelta(minutes=90)
    return (
        EventOutcome(
            event="inauguration",
            label="Trump sworn in",
            start=oath,
            end=oath,
            agreed_start=oath,
            agreed_end=oath,
            exact=True,
        ),
        EventOutcome(
            event="call",
            label="Xi–Putin video call",
            start=call_start,
            end=Window(call_start.earliest + later, call_start.latest + later),
            agreed_start=agreed,
            agreed_end=Window(agreed.earliest + later, agreed.latest + later),
            reports=11,
            conflicts=("S12:1",),
            pivotal=("S7:1",),
        ),
    )


def seed_claims() -> tuple[ClaimOutcome, ...]:
    tuesday = Window(utc(2025, 1, 20, 16), utc(2025, 1, 22, 4, 59))
    hours_after = Window(utc(2025, 1, 20, 18, 2), utc(2025, 1, 21, 17, 2))
    day_after_moscow = Window(utc(2025, 1, 20, 21), utc(2025, 1, 21, 20, 59))
    anchor = "Donald Trump was sworn in"
    at = _S3_TEXT.index(anchor)
    day_after = Relation("day_after", Quantity(1, 1, "day"), "a day after", anchor, at, at + len(anchor))
    s3_start = _S3_TEXT.index("a day after")
    return (
        claim("S1:1", "", "on Tuesday", "consistent", ALL_SEED_ZONES, tuesday),
        claim("S2:1", "CNN", "on Tuesday", "consistent", ALL_SEED_ZONES, tuesday),
        claim("S2:2", "CNN", "hours after the inauguration", "consistent", ALL_SEED_ZONES, hours_after),
        claim(
            "S3:1",
            "AP",
            "a day after",
            "consistent",
            ("Europe/Moscow",),
            day_after_moscow,
            spec=day_after,
            start=s3_start,
        ),
        claim("S4:1", "", "on Tuesday", "consistent", ALL_SEED_ZONES, tuesday),
        claim(
            "S5:1",
            "BBC",
            "hours after Donald Trump was sworn in yesterday",
            "consistent",
            ALL_SEED_ZONES,
            hours_after,
        ),
        claim(
            "S7:1",
            "",
            "on Monday",
            "pivotal",
            ("America/New_York",),
            Window(utc(2025, 1, 20, 18, 2), utc(2025, 1, 21, 4, 59)),
        ),
        claim("S9:1", "", "on Tuesday", "consistent", ALL_SEED_ZONES, tuesday),
        claim("S11:1", "", "on Tuesday", "consistent", ALL_SEED_ZONES, tuesday),
        claim(
            "S12:1",
            "",
            "as Trump began his term",
            "conflict",
            ALL_SEED_ZONES,
            Window(utc(2025, 1, 20, 17), utc(2025, 1, 20, 17, 2)),
            reason="puts the call at the oath itself; “hours after” (S2, S5) rules that out",
        ),
        claim(
            "S13:1",
            "Worthy News",
            "A day after the inauguration",
            "consistent",
            ALL_SEED_ZONES,
            day_after_moscow,
        ),
        claim(
            "S13:4",
            "Worthy News",
            "on Sunday",
            "unresolved",
            (),
            None,
            reason="in the site’s boilerplate",
        ),
    )


NY_LONDON_SYDNEY = (
    Clock("New York", "America/New_York"),
    Clock("London", "Europe/London"),
    Clock("Sydney", "Australia/Sydney"),
)


def dst_example() -> tuple[Story, tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]]:
    """A night across New York's spring-forward (2 a.m. Sunday 9 March 2025 became 3 a.m.)."""
    landfall = Window(utc(2025, 3, 9, 4, 30), utc(2025, 3, 9, 4, 30))
    lifted = Window(utc(2025, 3, 9, 9), utc(2025, 3, 9, 20))
    agreed = Window(utc(2025, 3, 9, 12), utc(2025, 3, 9, 15))
    events = (
        EventOutcome("landfall", "Storm makes landfall", landfall, landfall, landfall, landfall, exact=True),
        EventOutcome("lifted", "Evacuation order lifted", lifted, lifted, agreed, agreed, reports=3),
    )
    zones = tuple(clock.zone for clock in NY_LONDON_SYDNEY)
    claims = (
        claim("D1:1", "Reuters", "Sunday morning", "consistent", zones, lifted, event="lifted"),
        claim("D2:1", "", "at 8 a.m.", "pivotal", ("America/New_York",), agreed, event="lifted"),
        claim("D3:1", "BBC", "Sunday night", "consistent", ("Europe/London",), lifted, event="lifted"),
    )
    made = story(
        "storm",
        "The evacuation order was lifted on Sunday morning",
        "Clocks in New York sprang forward an hour overnight, so Sunday had 23 hours there.",
        NY_LONDON_SYDNEY,
        (
            EventSpec("landfall", "Storm makes landfall", ()),
            EventSpec("lifted", "Evacuation order lifted", ()),
        ),
    )
    return made, events, claims


SUMMIT_CLOCKS = (
    Clock("Bonn", "Europe/Berlin"),
    Clock("Washington", "America/New_York"),
    Clock("Beijing", "Asia/Shanghai"),
)


def summit_example() -> tuple[Story, tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]]:
    """Five days of a summit: days must stay readable when hours are ticked every 12 h."""
    opens = Window(utc(2025, 6, 16, 8), utc(2025, 6, 16, 8))
    leak = Window(utc(2025, 6, 17, 12), utc(2025, 6, 18, 20))
    leak_agreed = Window(utc(2025, 6, 18, 6), utc(2025, 6, 18, 11))
    deal = Window(utc(2025, 6, 20, 15), utc(2025, 6, 21, 2))
    deal_agreed = Window(utc(2025, 6, 20, 19), utc(2025, 6, 20, 22))
    closes = Window(utc(2025, 6, 21, 10), utc(2025, 6, 21, 10))
    events = (
        EventOutcome("opens", "Summit opens", opens, opens, opens, opens, exact=True),
        EventOutcome("leak", "Draft text leaks", leak, leak, leak_agreed, leak_agreed, reports=4),
        EventOutcome("deal", "Deal announced", deal, deal, deal_agreed, deal_agreed, reports=6),
        EventOutcome("closes", "Summit closes", closes, closes, closes, closes, exact=True),
    )
    zones = tuple(clock.zone for clock in SUMMIT_CLOCKS)
    claims = (
        claim("M1:1", "DPA", "on Wednesday", "consistent", zones, leak, event="leak"),
        claim("M2:1", "", "late on Friday", "pivotal", ("America/New_York",), deal_agreed, event="deal"),
        claim(
            "M3:1",
            "Xinhua",
            "on Thursday",
            "conflict",
            ("Asia/Shanghai",),
            Window(utc(2025, 6, 18, 16), utc(2025, 6, 19, 15, 59)),
            event="leak",
            reason="Thursday on any of these clocks is after every other report’s window",
        ),
        claim("M4:1", "AP", "in the early hours of Saturday", "consistent", zones, deal, event="deal"),
    )
    made = story(
        "summit",
        "A five-day summit on three clocks",
        "The deal came late on Friday in Washington, already Saturday in Beijing.",
        SUMMIT_CLOCKS,
        tuple(EventSpec(o.event, o.label, ()) for o in events),
    )
    return made, events, claims


EXAMPLES: dict[str, Callable[[], tuple[Story, tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]]]] = {
    "seed": lambda: (seed_story(), seed_events(), seed_claims()),
    "dst": dst_example,
    "summit": summit_example,
}


# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def seed() -> tuple[Story, tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]]:
    return seed_story(), seed_events(), seed_claims()


@pytest.fixture
def seed_spec(seed: tuple[Story, tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]]) -> FigureSpec:
    return describe(*seed)


@pytest.fixture(params=sorted(EXAMPLES))
def example(request: pytest.FixtureRequest) -> tuple[str, FigureSpec]:
    name: str = request.param
    return name, describe(*EXAMPLES[name]())


@pytest.fixture(autouse=True)
def no_figure_left_open() -> Iterator[None]:
    """Every test: no figure may be left in pyplot's registry (if pyplot was imported at all)."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        import matplotlib.pyplot as plt

        assert plt.get_fignums() == []


def lane(spec: FigureSpec, name: str) -> Lane:
    return next(item for item in spec.lanes if item.clock.name == name)


def oath_labels(spec: FigureSpec) -> dict[str, str]:
    instant = next(i for i in spec.instants if i.event == "inauguration")
    return {item.clock.name: text for item, text in zip(spec.lanes, instant.labels, strict=True)}


def drawn_texts(figure: Figure) -> list[tuple[str, Bbox]]:
    """(text, window extent) of every visible, non-empty text artist, after a real Agg draw."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)  # the canvas PNGs are rendered with
    canvas.draw()  # type: ignore[no-untyped-call]  # lays out tick labels
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    found = []
    for artist in figure.findobj(Text):
        if artist.get_visible() and artist.get_text().strip():
            found.append((artist.get_text(), artist.get_window_extent(renderer)))
    return found


# --------------------------------------------------------------------------- the description


def test_lanes_follow_the_story_clocks_in_order(seed_spec: FigureSpec) -> None:
    assert [item.clock.name for item in seed_spec.lanes] == ["Beijing", "Moscow", "Washington"]
    tops = [item.box.y for item in seed_spec.lanes]
    assert tops == sorted(tops)
    assert seed_spec.events_box.bottom <= tops[0]


def test_day_bands_are_local_calendar_days(seed_spec: FigureSpec) -> None:
    beijing = {band.day: band for band in lane(seed_spec, "Beijing").days}
    washington = {band.day: band for band in lane(seed_spec, "Washington").days}
    tuesday = date(2025, 1, 21)
    # Tuesday began 13 hours earlier in Beijing than in Washington.
    assert beijing[tuesday].start == utc(2025, 1, 20, 16)
    assert washington[tuesday].start == utc(2025, 1, 21, 5)
    texts = {band.day: band.label.text if band.label else None for band in (*beijing.values(),)}
    assert texts[tuesday] == "Tue 21 Jan"
    monday = washington[date(2025, 1, 20)].label
    assert monday is not None and monday.text == "Mon 20 Jan"
    # Alternate shading: neighbouring days never share a shade.
    for item in seed_spec.lanes:
        shades = [band.shaded for band in item.days]
        assert all(a != b for a, b in itertools.pairwise(shades))


def test_every_band_label_names_its_weekday(example: tuple[str, FigureSpec]) -> None:
    _, spec = example
    for item in spec.lanes:
        for band in item.days:
            if band.label is not None:
                assert band.label.text.startswith(band.day.strftime("%a"))


def test_oath_is_read_on_each_clock_24h(seed_spec: FigureSpec) -> None:
    assert oath_labels(seed_spec) == {
        "Washington": "12:00 Mon",
        "Moscow": "20:00 Mon",
        "Beijing": "01:00 Tue",
    }


def test_oath_is_read_on_each_clock_12h(
    seed: tuple[Story, tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]],
) -> None:
    spec = describe(*seed, options=RenderOptions(hours=12))
    assert oath_labels(spec) == {
        "Washington": "12:00 p.m. Mon",
        "Moscow": "8:00 p.m. Mon",
        "Beijing": "1:00 a.m. Tue",
    }
    ticks = {tick.label for tick in lane(spec, "Washington").ticks}
    assert {"noon", "midnight"} <= ticks
    assert not any(":00" in label and "." not in label for label in ticks)


def test_agreed_window_edges_are_key_instants(seed_spec: FigureSpec) -> None:
    call = [i for i in seed_spec.instants if i.event == "call"]
    assert [(i.kind, i.at) for i in call] == [
        ("agreed_from", utc(2025, 1, 20, 21)),
        ("agreed_to", utc(2025, 1, 21, 4, 59)),
    ]
    assert call[0].labels == ("05:00 Tue", "00:00 Tue", "16:00 Mon")
    assert call[1].labels == ("12:59 Tue", "07:59 Tue", "23:59 Mon")
    # Every lane carries one label per key instant.
    assert all(len(item.instant_labels) == len(seed_spec.instants) for item in seed_spec.lanes)


def test_instants_are_in_time_order_and_the_oath_comes_first(seed_spec: FigureSpec) -> None:
    times = [i.at for i in seed_spec.instants]
    assert times == sorted(times)
    assert seed_spec.instants[0].event == "inauguration"
    assert [row.event for row in seed_spec.events] == ["inauguration", "call"]
    oath, call = seed_spec.events
    assert oath.exact == utc(2025, 1, 20, 17) and not oath.robust
    assert call.agreed is not None and call.robust[0].start <= call.agreed.start


def test_dst_change_shows_as_uneven_local_ticks() -> None:
    spec = describe(*dst_example())
    every = lane(spec, "New York").tick_every
    assert every > 1 and lane(spec, "London").tick_every == lane(spec, "Sydney").tick_every == every

    def gaps(name: str) -> set[timedelta]:
        ticks = lane(spec, name).ticks
        return {b.at - a.at for a, b in itertools.pairwise(ticks)}

    assert gaps("New York") == {timedelta(hours=every), timedelta(hours=every - 1)}
    assert gaps("London") == gaps("Sydney") == {timedelta(hours=every)}
    for tick in lane(spec, "New York").ticks:
        assert tick.local.minute == 0 and tick.local.hour % every == 0
        assert tick.local == tick.at.astimezone(ZoneInfo("America/New_York"))
    header = " ".join(label.text for label in lane(spec, "New York").header)
    assert "UTC−5 → UTC−4" in header and "03:00 Sun 9 Mar" in header


def test_no_tick_is_labelled_past_the_axis_ends(example: tuple[str, FigureSpec]) -> None:
    from timeline.render.text import text_width

    _, spec = example
    for item in spec.lanes:
        for tick in item.ticks:
            if tick.label:
                half = text_width(tick.label, "small") / 2
                assert spec.axis_left <= spec.x(tick.at) - half
                assert spec.x(tick.at) + half <= spec.axis_right


def test_described_labels_do_not_overlap_and_stay_inside(example: tuple[str, FigureSpec]) -> None:
    name, spec = example
    labels: list[Label] = list(spec.labels())
    assert labels
    for label in labels:
        box = label.box
        assert box.x >= 0 and box.right <= spec.width, (name, label)
        assert box.y >= 0 and box.bottom <= spec.height, (name, label)
    for a, b in itertools.combinations(labels, 2):
        assert not a.box.overlaps(b.box), (name, a, b)


def test_a_label_before_midnight_stays_in_its_own_day(seed_spec: FigureSpec) -> None:
    """“23:59 Mon” sits left of its line, in Monday's band, not under “Tue 21 Jan”."""
    washington = lane(seed_spec, "Washington")
    index = next(i for i, instant in enumerate(seed_spec.instants) if instant.kind == "agreed_to")
    label = washington.instant_labels[index]
    assert label.text == "23:59 Mon" and label.ha == "right"
    tuesday = next(band for band in washington.days if band.day == date(2025, 1, 21))
    assert label.box.right <= seed_spec.x(tuesday.start)
    sydney = lane(describe(*dst_example()), "Sydney")
    late = next(label for label in sydney.instant_labels if label.text == "23:00 Sun")
    assert late.ha == "right"


@pytest.mark.parametrize("name", ["seed", "dst"])
def test_day_labels_step_past_key_lines_when_they_fit(name: str) -> None:
    spec = describe(*EXAMPLES[name]())
    for item in spec.lanes:
        for band in item.days:
            if band.label is None:
                continue
            box = band.label.box
            assert spec.x(band.start) <= box.x and box.right <= spec.x(band.end), band
            assert not any(box.x < spec.x(i.at) < box.right for i in spec.instants), (item.clock.name, band)
    washington = {band.day: band.label for band in lane(describe(*EXAMPLES["summit"]()), "Washington").days}
    monday = washington[date(2025, 6, 16)]
    assert monday is not None and monday.text == "Mon 16 Jun"  # moved, never shortened to dodge a line


def test_instant_labels_sit_inside_their_lane(example: tuple[str, FigureSpec]) -> None:
    _, spec = example
    for item in spec.lanes:
        for label in item.instant_labels:
            box = label.box
            assert item.box.x <= box.x and box.right <= item.box.right
            assert item.box.y <= box.y and box.bottom <= item.box.bottom


def test_evidence_rows(seed_spec: FigureSpec) -> None:
    rows = seed_spec.evidence
    assert "S13:4" not in {c for row in rows for c in row.claims}  # unresolved: not drawn ...
    assert "Not drawn: 1 phrase with no readable time (S13: in the site’s boilerplate)" in seed_spec.footnotes
    assert [row.status for row in rows[:2]] == ["pivotal", "conflict"]
    pivotal = rows[0]
    texts = [label.text for label in pivotal.texts]
    assert texts[0] == "PIVOTAL"
    assert texts[1] == "S7 · unknown outlet · “on Monday”"
    assert texts[2] == "holds only on the Washington clock: 13:02 Mon – 23:59 Mon"
    assert pivotal.highlight is not None
    assert all(row.highlight is None for row in rows[1:])
    s3 = next(row for row in rows if row.claim == "S3:1")
    assert s3.texts[1].text == "S3 · AP · “a day after Donald Trump was sworn in”"  # the quote span
    assert {row.texts[0].text for row in rows[2:]} == {"consistent"}
    # The five “on Tuesday” phrases say the same thing: one row, every report named, in natural order.
    tuesday = next(row for row in rows if len(row.claims) > 1)
    assert tuesday.claims == ("S1:1", "S2:1", "S4:1", "S9:1", "S11:1")
    assert tuesday.articles == ("S1", "S2", "S4", "S9", "S11")
    assert tuesday.texts[1].text == "“on Tuesday” · S1, S2 (CNN), S4, S9, S11 · 5 reports"
    # The report whose clock is known (S3, Moscow) comes before those read on several clocks.
    order = [row.claim for row in rows]
    assert order.index("S3:1") < order.index("S13:1") < order.index("S1:1")


def test_every_phrase_is_drawn_grouped_or_footnoted(
    seed: tuple[Story, tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]],
) -> None:
    story, events, claims = seed
    for rows in (0, 1, 3, 12):
        spec = describe(story, events, claims, options=RenderOptions(max_evidence_rows=rows))
        drawn = [c for row in spec.evidence for c in row.claims]
        assert sorted(drawn + list(spec.not_drawn)) == sorted(o.claim.id for o in claims), rows
        assert len(set(drawn)) == len(drawn)
        limited = len(spec.not_drawn) - 1  # one unresolved
        if limited:
            assert any(f"lack of room: {limited} more phrase" in note for note in spec.footnotes), spec.footnotes
        assert str(len(spec.not_drawn)) in spec.alt_text or len(spec.not_drawn) <= 10


def test_evidence_order_ranks_what_each_report_tells() -> None:
    from timeline.render.spec import evidence_order

    one_day = Window(utc(2025, 1, 20, 21), utc(2025, 1, 21, 20, 59))
    two_days = Window(utc(2025, 1, 20, 16), utc(2025, 1, 22, 4, 59))
    hours = Window(utc(2025, 1, 20, 18), utc(2025, 1, 21, 17, 2))
    moscow, both = ("Europe/Moscow",), ("Asia/Shanghai", "Europe/Moscow")
    claims = [
        claim("A1:1", "", "Tuesday", "consistent", both, two_days),
        claim("A2:1", "", "no time", "consistent", ALL_SEED_ZONES, None),
        claim("A3:1", "", "a day after", "consistent", moscow, one_day),
        claim("A4:1", "", "hours after", "consistent", ALL_SEED_ZONES, hours, clock="any"),
        claim("A5:1", "", "Monday", "conflict", moscow, one_day, reason="r"),
        claim("A6:1", "", "yesterday", "consistent", both, hours),
        claim("A7:1", "", "Monday", "pivotal", ("America/New_York",), two_days),
        claim("A8:1", "", "today", "consistent", both, two_days, narrowing=timedelta(hours=2)),
        claim("A9:1", "", "Tuesday", "consistent", moscow, two_days),
        claim("A10:1", "", "TUESDAY!", "consistent", both, two_days),  # same words as A1: grouped
        claim("A11:1", "", "Tuesday", "consistent", both, one_day),  # another window: not grouped
    ]
    order = [tuple(o.claim.id for o in group) for group in evidence_order(claims)]
    assert order == [
        ("A7:1",),  # pivotal
        ("A5:1",),  # conflict
        ("A8:1",),  # narrows the agreed window
        ("A4:1",),  # clock known (elapsed time), narrowest
        ("A3:1",),  # clock known (one zone), a day
        ("A9:1",),  # clock known, two days
        ("A6:1",),  # clock unknown, narrowest first
        ("A11:1",),
        ("A1:1", "A10:1"),
        ("A2:1",),  # no window: last
    ]


def test_grouped_ids_are_never_cut(seed: tuple[Story, tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]]) -> None:
    story, events, _ = seed
    window = Window(utc(2025, 1, 20, 16), utc(2025, 1, 22, 4, 59))
    many = tuple(
        claim(f"R{n}:1", "Reuters" if n % 3 else "", "on Tuesday", "consistent", ALL_SEED_ZONES, window)
        for n in range(1, 41)
    )
    for width in (400, 640):
        spec = describe(story, events, many, options=RenderOptions(width=width))
        (row,) = spec.evidence
        assert len(row.claims) == 40
        text = " ".join(label.text for label in row.texts)
        assert "“on Tuesday” · 40 reports" in text
        for n in range(1, 41):
            assert f"R{n}" in text.replace(",", " ").split() or f"R{n} (Reuters" in text, (width, n)
        assert all(label.box.right <= spec.axis_right + 1e-9 for label in row.texts)


def _example_result() -> tuple[Story, tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]]:
    import warnings

    import timeline
    from timeline.errors import LossyInputWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LossyInputWarning)
        result = timeline.analyze(HERE.parent / "examples" / "xi_putin_call")
    return result.story, result.event_outcomes, result.claim_outcomes


def test_example_evidence_shows_the_reports_that_matter() -> None:
    story, events, claims = _example_result()
    spec = describe(story, events, claims)
    first = spec.evidence[0]
    assert first.status == "pivotal" and first.articles == ("S7",)  # “Monday”: only on the Washington clock
    rows = {article: row for row in reversed(spec.evidence) for article in row.articles}
    assert "S3" in rows  # AP, Moscow dateline: sets the agreed window's lower bound
    s3_text = " ".join(label.text for label in rows["S3"].texts)
    assert "S3 (AP)" in s3_text or "S3 · AP" in s3_text
    for row in spec.evidence:
        text = " ".join(label.text for label in row.texts)
        assert all(article in text for article in row.articles), text
    drawn = [c for row in spec.evidence for c in row.claims]
    assert sorted(drawn + list(spec.not_drawn)) == sorted(o.claim.id for o in claims)
    assert not any("lack of room" in note for note in spec.footnotes)


def test_narrow_evidence_wraps_what_it_needs_and_keeps_quote_marks(
    seed: tuple[Story, tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]],
) -> None:
    spec = describe(*seed, options=RenderOptions(width=400, hours=12))
    pivotal = [label.text for label in spec.evidence[0].texts]
    assert pivotal[2:] == ["holds only on the Washington clock:", "1:02 p.m. Mon – 11:59 p.m. Mon"]
    for row in spec.evidence:
        body = row.texts[1].text
        assert body.endswith(("”", "reports")), body  # a shortened quote still closes
    french = describe(*seed, options=RenderOptions(width=400, language="fr"))
    assert all(row.texts[1].text.endswith(("\u202f»", "articles")) for row in french.evidence)


def test_long_windows_say_they_run_on(seed_spec: FigureSpec) -> None:
    s1 = next(row for row in seed_spec.evidence if row.claim == "S1:1")
    assert s1.window is not None
    assert s1.window.continues_after and not s1.window.continues_before
    assert s1.window.end == seed_spec.end


def test_max_evidence_rows(seed: tuple[Story, tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]]) -> None:
    spec = describe(*seed, options=RenderOptions(max_evidence_rows=3))
    assert [row.status for row in spec.evidence] == ["pivotal", "conflict", "consistent"]
    drawn = sum(len(row.claims) for row in spec.evidence)
    left = len(seed[2]) - 1 - drawn  # less the unresolved one
    assert f"Not drawn for lack of room: {left} more phrases (" in " ".join(spec.footnotes)
    assert describe(*seed, options=RenderOptions(max_evidence_rows=0)).evidence_box is None


def test_default_range_is_the_hull_of_robust_windows_with_margins(seed_spec: FigureSpec) -> None:
    assert seed_spec.start <= utc(2025, 1, 20, 16)
    assert seed_spec.end >= utc(2025, 1, 21, 19, 32)
    assert seed_spec.end - seed_spec.start < timedelta(hours=36)
    assert seed_spec.start.minute == seed_spec.end.minute == 0


def test_time_range_option(seed: tuple[Story, tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]]) -> None:
    moscow = ZoneInfo("Europe/Moscow")
    start, end = datetime(2025, 1, 20, 19, tzinfo=moscow), datetime(2025, 1, 21, 9, tzinfo=moscow)
    spec = describe(*seed, options=RenderOptions(time_range=(start, end)))
    assert (spec.start, spec.end) == (start, end)
    assert spec.start.tzinfo == UTC
    assert [band.day for band in lane(spec, "Moscow").days] == [date(2025, 1, 20), date(2025, 1, 21)]
    assert lane(spec, "Moscow").days[0].start == start
    assert lane(spec, "Moscow").days[-1].end == end
    assert [i.kind for i in spec.instants] == ["exact", "agreed_from", "agreed_to"]
    narrow = describe(*seed, options=RenderOptions(time_range=(utc(2025, 1, 20, 20), utc(2025, 1, 21, 3))))
    assert [i.kind for i in narrow.instants] == ["agreed_from"]  # the others are off the range


def test_clocks_option(seed: tuple[Story, tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]]) -> None:
    clocks = (Clock("Tokyo", "Asia/Tokyo"), Clock("Washington", "America/New_York"))
    spec = describe(*seed, options=RenderOptions(clocks=clocks))
    assert oath_labels(spec) == {"Tokyo": "02:00 Tue", "Washington": "12:00 Mon"}
    pivotal = spec.evidence[0]
    assert "Washington clock" in pivotal.texts[2].text


def test_events_and_claims_options(
    seed: tuple[Story, tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]],
) -> None:
    only_call = describe(*seed, options=RenderOptions(events=("call",)))
    assert [row.event for row in only_call.events] == ["call"]
    assert {i.event for i in only_call.instants} == {"call"}
    assert [item.kind for item in only_call.legend] == ["robust", "agreed"]
    one = describe(*seed, options=RenderOptions(claims=["S7:1"]))  # type: ignore[arg-type]  # a list is fine
    assert [row.claim for row in one.evidence] == ["S7:1"]
    assert one.footnotes == ()


def test_language_option(seed: tuple[Story, tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]]) -> None:
    spec = describe(*seed, options=RenderOptions(language="fr"))
    assert oath_labels(spec) == {"Washington": "12:00 lun.", "Moscow": "20:00 lun.", "Beijing": "01:00 mar."}
    days = {band.day: band.label.text for band in lane(spec, "Beijing").days if band.label is not None}
    assert days[date(2025, 1, 21)] == "mar. 21 janv."
    assert any(label.text == "Ce que dit chaque article" for label in spec.texts)
    german = describe(*seed, options=RenderOptions(language="de"))
    assert oath_labels(german)["Beijing"] == "01:00 Di."
    with pytest.raises(InputError, match="de, en, fr"):
        RenderOptions(language="xx")


def test_width_option(seed: tuple[Story, tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]]) -> None:
    wide = describe(*seed, options=RenderOptions(width=1000))
    assert wide.width == 1000 and wide.axis_right == 1000 - 16
    narrow = describe(*seed)
    # More room, finer ticks: never coarser.
    assert len(lane(wide, "Beijing").ticks) >= len(lane(narrow, "Beijing").ticks)


@pytest.mark.parametrize(
    "options",
    [
        {"hours": 13},
        {"width": 100},
        {"scale": 0},
        {"max_evidence_rows": -1},
        {"time_range": (datetime(2025, 1, 20), datetime(2025, 1, 21))},
        {"time_range": (utc(2025, 1, 21), utc(2025, 1, 20))},
    ],
)
def test_bad_options_are_refused(options: dict[str, object]) -> None:
    with pytest.raises(InputError):
        RenderOptions(**options)  # type: ignore[arg-type]


def test_unknown_ids_and_missing_clocks_are_refused(
    seed: tuple[Story, tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]],
) -> None:
    with pytest.raises(InputError, match="no outcome for event"):
        describe(*seed, options=RenderOptions(events=("nope",)))
    with pytest.raises(InputError, match="no outcome for claim"):
        describe(*seed, options=RenderOptions(claims=("nope",)))
    story, events, claims = seed
    with pytest.raises(InputError, match="no clocks"):
        describe(replace(story, clocks=()), events, claims)


def test_alt_text(seed_spec: FigureSpec) -> None:
    text = alt_text(seed_spec)
    assert text.startswith("Timeline on three clocks: Beijing, Moscow and Washington. ")
    assert (
        "Trump sworn in: Monday 20 January 12:00 in Washington, 20:00 in Moscow, "
        "Tuesday 21 January 01:00 in Beijing." in text
    )
    assert (
        "if every report is right, it started between Monday 20 January 16:00 and 23:59 in Washington, "
        "between Tuesday 21 January 00:00 and 07:59 in Moscow, between 05:00 and 12:59 in Beijing." in text
    )
    assert "If any one report is wrong: between Monday 20 January 13:02 and Tuesday 21 January 12:02" in text
    assert "11 time phrases shown: 9 consistent, 1 pivotal and 1 in conflict." in text
    assert "S7 (unknown outlet, “on Monday”) holds only on the Washington clock." in text
    assert text.endswith("One time phrase not drawn.")


def test_alt_text_in_french_and_german(
    seed: tuple[Story, tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]],
) -> None:
    french = describe(*seed, options=RenderOptions(language="fr")).alt_text
    assert french.startswith("Chronologie sur trois horloges : Beijing, Moscow et Washington. ")
    assert (
        "Trump sworn in : lundi 20 janvier 12:00 à Washington, 20:00 à Moscow, mardi 21 janvier 01:00 à Beijing."
        in french
    )
    assert "Xi–Putin video call : si tous les articles ont raison, début entre lundi 20 janvier 16:00" in french
    assert "Si un seul article se trompe : entre lundi 20 janvier 13:02 et mardi 21 janvier 12:02" in french
    assert "11 expressions de temps tracées : 9 cohérentes, 1 décisive et 1 en conflit." in french
    assert "S7 (média inconnu, « on Monday ») n’est vrai qu’à l’heure de Washington." in french  # quote as written
    assert french.endswith("Une expression de temps non tracée.")
    german = describe(*seed, options=RenderOptions(language="de", hours=12)).alt_text
    assert german.startswith("Zeitleiste auf drei Uhren: Beijing, Moscow und Washington. ")
    assert "Trump sworn in: Montag, 20. Januar 12:00 p.m. in Washington, 8:00 p.m. in Moscow" in german
    assert "Wenn alle Berichte stimmen, Beginn zwischen Montag, 20. Januar 4:00 p.m." in german
    assert "11 Zeitangaben gezeigt: 9 stimmig, 1 entscheidend und 1 im Widerspruch." in german
    assert "S7 (Medium unbekannt, „on Monday“) gilt nur nach der Uhr von Washington." in german
    assert german.endswith("Eine Zeitangabe nicht gezeichnet.")
    for text in (french, german):
        for english in (" and ", " between ", " in conflict", "not drawn", "if every report", "Monday 20"):
            assert english not in text, (english, text)


def test_describe_does_not_import_matplotlib() -> None:
    code = """
import sys
from datetime import datetime, timezone
from timeline.model import Clock, EventOutcome, Story, Window
import timeline.render as render

at = datetime(2025, 1, 20, 17, tzinfo=timezone.utc)
oath = Window(at, at)
story = Story("s", "Title", "Subtitle", "Source", "Credit", (Clock("Moscow", "Europe/Moscow"),), (), (), ())
event = EventOutcome("oath", "Oath", oath, oath, oath, oath, exact=True)
spec = render.describe(story, [event], [])
assert render.alt_text(spec).startswith("Timeline on one clock: Moscow.")
loaded = [name for name in sys.modules if name.startswith("matplotlib")]
assert not loaded, loaded
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=HERE.parent, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


# --------------------------------------------------------------------------- the drawing


@pytest.mark.parametrize("scale", [1, 2])
def test_drawn_text_is_inside_the_figure_and_never_overlaps(example: tuple[str, FigureSpec], scale: int) -> None:
    name, spec = example
    figure = draw(replace(spec, scale=scale))
    texts = drawn_texts(figure)
    bounds = figure.bbox
    assert len(texts) > 20
    for text, extent in texts:
        assert bounds.x0 <= extent.x0 and extent.x1 <= bounds.x1, (name, text, extent)
        assert bounds.y0 <= extent.y0 and extent.y1 <= bounds.y1, (name, text, extent)
    for (a, box_a), (b, box_b) in itertools.combinations(texts, 2):
        overlap_x = min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0)
        overlap_y = min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0)
        assert overlap_x <= 0.5 or overlap_y <= 0.5, (name, a, b)


def test_no_text_is_smaller_than_11px_at_1x(seed_spec: FigureSpec) -> None:
    figure = draw(seed_spec)
    texts = [text for text, _ in drawn_texts(figure)]  # rendered: tick labels exist now
    assert {"00:00", "12:00"} <= set(texts)
    for artist in figure.findobj(Text):
        if artist.get_text().strip():
            assert float(artist.get_fontsize()) * 100 / 72 >= 11 - 1e-9, artist.get_text()
            assert artist.get_fontfamily() == ["DejaVu Sans"], artist.get_text()


DST_RANGES = {
    "spring gap New York": (utc(2025, 3, 9, 4), utc(2025, 3, 9, 9)),
    "autumn fold New York": (utc(2025, 11, 1, 20), utc(2025, 11, 2, 16)),
    "autumn fold Sydney": (utc(2025, 4, 5, 10), utc(2025, 4, 6, 2)),
}


@pytest.mark.parametrize("width", [640, 1400])
@pytest.mark.parametrize("span", sorted(DST_RANGES))
def test_drawn_ticks_match_the_description_across_dst(span: str, width: int) -> None:
    story, events, claims = dst_example()
    spec = describe(story, events, claims, options=RenderOptions(time_range=DST_RANGES[span], width=width))
    check_drawn_ticks(spec)


def test_ticks_skip_the_spring_gap_and_repeat_the_autumn_fold() -> None:
    story, events, claims = dst_example()
    gap = describe(story, events, claims, options=RenderOptions(time_range=DST_RANGES["spring gap New York"]))
    assert all(t.local.hour != 2 for t in lane(gap, "New York").ticks)
    options = RenderOptions(time_range=DST_RANGES["autumn fold Sydney"], width=1400)
    fold = describe(story, events, claims, options=options)
    sydney = lane(fold, "Sydney")
    twice = [t for t in sydney.ticks if t.local.hour == 2]
    assert sydney.tick_every == 2 and len(twice) == 2  # 02:00 AEDT, then 02:00 AEST an hour later
    assert twice[1].at - twice[0].at == timedelta(hours=1)


def test_drawn_ticks_are_the_described_local_hours(example: tuple[str, FigureSpec]) -> None:
    _, spec = example
    check_drawn_ticks(spec)


def check_drawn_ticks(spec: FigureSpec) -> None:
    import matplotlib.dates as mdates

    figure = draw(spec)
    drawn_texts(figure)
    axes = {ax.get_label(): ax for ax in figure.axes}
    for item in spec.lanes:
        ax = axes[f"lane {item.clock.name}"]
        low, high = ax.get_xlim()
        located = [x for x in ax.xaxis.get_majorticklocs() if low <= x <= high]
        # The figure's locator and the description agree to the minute.
        described = [round(mdates.date2num(t.at) * 1440) for t in item.ticks]  # type: ignore[no-untyped-call]
        assert [round(x * 1440) for x in located] == described
        shown = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
        assert shown == [t.label for t in item.ticks if t.label]


def test_status_is_shape_and_word_not_colour_alone(seed_spec: FigureSpec) -> None:
    from matplotlib.lines import Line2D

    figure = draw(seed_spec)
    markers = {line.get_marker() for line in figure.findobj(Line2D)}
    assert {"o", "*", "X", "D"} <= markers
    tags = {row.status: row.texts[0].text for row in seed_spec.evidence}
    assert tags == {"pivotal": "PIVOTAL", "conflict": "CONFLICT", "consistent": "consistent"}


def test_draw_leaves_nothing_open_in_pyplot(seed_spec: FigureSpec, tmp_path: Path) -> None:
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    draw(seed_spec)
    save_figure(seed_spec, tmp_path / "fig", formats=("png",), scales=(1,))
    png_bytes(seed_spec)
    assert plt.get_fignums() == before == []


# --------------------------------------------------------------------------- files


def test_save_figure_writes_every_format_with_metadata(seed_spec: FigureSpec, tmp_path: Path) -> None:
    paths = save_figure(seed_spec, tmp_path / "out" / "call", formats=("png", "svg", "pdf"), scales=(1, 2))
    assert [p.name for p in paths] == ["call.png", "call@2x.png", "call.svg", "call.pdf"]
    assert all(p.stat().st_size > 1000 for p in paths)
    with Image.open(paths[0]) as one, Image.open(paths[1]) as two:
        assert one.size == (640, round(seed_spec.height))
        assert two.size == (1280, round(2 * seed_spec.height))
        assert one.text["Title"] == seed_spec.title  # type: ignore[attr-defined]
        assert one.text["Description"] == seed_spec.alt_text  # type: ignore[attr-defined]
        assert two.text["Description"] == seed_spec.alt_text  # type: ignore[attr-defined]
    svg = paths[2].read_text(encoding="utf-8")
    assert "<dc:title>Xi and Putin spoke within a day of Trump’s oath</dc:title>" in svg
    assert paths[3].read_bytes().startswith(b"%PDF")
    with pytest.raises(InputError, match="formats are"):
        save_figure(seed_spec, tmp_path / "x", formats=("gif",))


def test_png_bytes_for_notebooks(seed_spec: FigureSpec) -> None:
    data = seed_spec._repr_png_()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    with Image.open(io.BytesIO(data)) as image:
        assert image.size[0] == 640
    with Image.open(io.BytesIO(png_bytes(seed_spec, scale=2))) as image:
        assert image.size[0] == 1280


def test_text_metrics_match_the_renderer() -> None:
    """describe() measures text without matplotlib; the table must agree with the real font."""
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    from timeline.render.style import STYLE
    from timeline.render.text import text_width

    renderer = RendererAgg(1000, 100, 100)  # type: ignore[no-untyped-call]
    samples = (("12:00 p.m. Mon", "instant"), ("Xi–Putin video call", "event"), ("Tue 21 Jan", "day"))
    for sample, role in samples:
        font = STYLE.font(role)
        weight = "bold" if font.bold else "normal"
        prop = FontProperties(family="DejaVu Sans", size=font.size * 72 / 100, weight=weight)
        width, _, _ = renderer.get_text_width_height_descent(sample, prop, ismath=False)  # type: ignore[no-untyped-call]
        assert text_width(sample, role) == pytest.approx(width, rel=0.04), sample


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_baseline_image(name: str) -> None:
    spec = describe(*EXAMPLES[name]())
    OUTPUT.mkdir(exist_ok=True)
    (actual,) = save_figure(spec, OUTPUT / name, formats=("png",), scales=(1,))
    expected = BASELINE / f"{name}.png"
    if UPDATE:
        BASELINE.mkdir(exist_ok=True)
        expected.write_bytes(actual.read_bytes())
    assert expected.exists(), f"no baseline {expected}: run TIMELINE_UPDATE_BASELINES=1 pytest {__file__}"
    result = compare_images(str(expected), str(actual), tol=2)
    assert result is None, result


def test_title_subtitle_source_and_credit_are_set(seed_spec: FigureSpec) -> None:
    by_role: dict[str, list[str]] = {}
    for label in seed_spec.texts:
        by_role.setdefault(label.role, []).append(label.text)
    assert by_role["title"] == ["Xi and Putin spoke within a day of Trump’s oath"]
    assert " ".join(by_role["subtitle"]).startswith("Trump was sworn in at noon on Monday")
    assert by_role["small"][-2:] == [
        "Source: news reports as listed; oath time from AP. Analysis: timeline.",
        "Graphic: Newsroom graphics desk",
    ]
    bottoms = [label.box.bottom for label in seed_spec.texts]
    assert max(bottoms) <= seed_spec.height - 16 + 1e-9  # the bottom margin stays free


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    width=st.integers(400, 1600),
    start_hours=st.integers(-48, 24),
    length_hours=st.integers(2, 24 * 12),
    hours=st.sampled_from([12, 24]),
    language=st.sampled_from(["en", "fr", "de"]),
    name=st.sampled_from(sorted(EXAMPLES)),
)
def test_layout_holds_for_any_range_width_and_language(
    width: int, start_hours: int, length_hours: int, hours: int, language: str, name: str
) -> None:
    story, events, claims = EXAMPLES[name]()
    first = min(o.start.earliest for o in events if o.start is not None)
    start = first + timedelta(hours=start_hours)
    options = RenderOptions(
        width=width,
        time_range=(start, start + timedelta(hours=length_hours)),
        hours=hours,  # type: ignore[arg-type]
        language=language,
    )
    spec = describe(story, events, claims, options=options)
    labels = list(spec.labels())
    for label in labels:
        assert label.box.x >= 0 and label.box.right <= spec.width, label
        assert label.box.y >= 0 and label.box.bottom <= spec.height, label
    for a, b in itertools.combinations(labels, 2):
        assert not a.box.overlaps(b.box), (a, b)
    for item in spec.lanes:
        for label in item.instant_labels:
            assert item.box.x <= label.box.x and label.box.right <= item.box.right, label


def test_what_cannot_be_placed_is_said_not_hidden(
    seed: tuple[Story, tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]],
) -> None:
    story, events, claims = seed
    oath, call = events
    impossible = replace(call, agreed_start=None, agreed_end=None)
    timeless = claim("S8:1", "", "the 1.5-hour video call", "consistent", ALL_SEED_ZONES, None)
    lost = EventOutcome("press", "Press conference", None, None, None, None)
    spec = describe(story, (oath, impossible, lost), (*claims, timeless))
    assert [i.kind for i in spec.instants] == ["exact"]  # no agreed window, no agreed edges
    call_row = next(row for row in spec.events if row.event == "call")
    assert call_row.agreed is None and call_row.robust
    assert "agreed" not in {item.kind for item in spec.legend}
    row = next(row for row in spec.evidence if row.claim == "S8:1")
    assert row.window is None and row.texts[-1].text == "no time on these clocks"
    assert "Not drawn: Press conference (no time could be given)" in spec.footnotes
    assert "the reports cannot all be right" in spec.alt_text
    assert spec.alt_text.endswith("No time could be given for Press conference.")
    draw(spec)  # and it still draws


def test_every_language_has_every_word() -> None:
    from timeline.render.text import LANGUAGES

    english = LANGUAGES["en"]
    for lang in LANGUAGES.values():
        assert set(lang.words) == set(english.words), lang.code
        assert len(lang.weekdays) == len(lang.weekdays_long) == 7, lang.code
        assert len(lang.months) == len(lang.months_long) == 12, lang.code
        assert len(lang.numbers) == 11, lang.code
        for key, template in lang.words.items():
            assert set(_fields(template)) == set(_fields(english.words[key])), (lang.code, key)
        # Alt sentences: every English one; a singular ``key_1`` row may be added where grammar wants it.
        assert {key.removesuffix("_1") for key in lang.alt} == {key.removesuffix("_1") for key in english.alt}
        for key, template in lang.alt.items():
            base = english.alt[key.removesuffix("_1")]
            assert set(_fields(template)) <= set(_fields(base)), (lang.code, key)
            if not key.endswith("_1"):
                assert set(_fields(template)) == set(_fields(base)), (lang.code, key)


def _fields(template: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def test_a_loosely_bounded_end_does_not_set_the_range(
    seed: tuple[Story, tuple[EventOutcome, ...], tuple[ClaimOutcome, ...]],
) -> None:
    story_, events, claims = seed
    tight = describe(story_, events, claims)
    call = next(e for e in events if e.event == "call")
    assert call.start is not None
    loose = replace(call, end=Window(call.start.earliest, call.start.latest + timedelta(days=3650)))
    spec = describe(story_, tuple(loose if e is call else e for e in events), claims)
    # The range still shows hours of the two days that matter, not a decade.
    assert spec.end - spec.start < 2 * (tight.end - tight.start)
    assert spec.end - spec.start < timedelta(days=3)


# ------------------------------------------------------------------ nothing placed


def _example_with_texts(text: str, **changes: Any) -> object:  # Story fields of every type
    import warnings

    from timeline import load_story, run

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the example's boilerplate note, the dropped anchors
        story = load_story(Path(__file__).resolve().parents[1] / "examples" / "xi_putin_call")
        story = replace(story, articles=tuple(replace(a, text=text, boilerplate_start=None) for a in story.articles),
                        **changes)
        return run(story)


def test_a_story_whose_reports_date_nothing_still_draws_its_known_times() -> None:
    result = _example_with_texts("The call was friendly, officials said.")
    spec = result.figure_spec()  # type: ignore[attr-defined]
    assert spec.start <= datetime(2025, 1, 20, 17, 0, tzinfo=UTC) <= spec.end  # the oath, a known time
    assert any("Not drawn" in label.text for label in spec.labels())


def test_with_no_known_time_either_the_axis_spans_the_publication_days() -> None:
    result = _example_with_texts("The call was friendly, officials said.", anchors=())
    spec = result.figure_spec()  # type: ignore[attr-defined]
    assert spec.start <= datetime(2025, 1, 21, tzinfo=UTC) < spec.end


def test_with_nothing_at_all_to_place_the_figure_says_so() -> None:
    from timeline.errors import InputError

    result = _example_with_texts(
        "The call was friendly, officials said.", anchors=(), period=None)
    story = result.story  # type: ignore[attr-defined]
    undated = replace(story, articles=tuple(replace(a, published=replace(a.published, date=None, time=None))
                                            for a in story.articles))
    with pytest.raises(InputError, match="nothing places this story in time"):
        describe(undated, result.event_outcomes, result.claim_outcomes)  # type: ignore[attr-defined]


def test_a_figure_reaching_the_end_of_the_calendar_is_refused_clearly() -> None:
    from timeline.errors import InputError

    result = _example_with_texts("The call was friendly, officials said.", anchors=())
    story = result.story  # type: ignore[attr-defined]
    late = replace(story, articles=tuple(replace(a, published=replace(a.published, date=date(9999, 12, 31)))
                                         for a in story.articles))
    with pytest.raises(InputError, match="ends of the calendar"):
        describe(late, result.event_outcomes, result.claim_outcomes)  # type: ignore[attr-defined]


def test_instant_labels_stay_on_their_day(example: tuple[str, FigureSpec]) -> None:
    """A reading such as "23:30 Sat" does not run past midnight into the next day's band (regression: the DST
    example's first line sat too close to the left edge for its label to go left of it), unless not even the
    clock time alone fits between its line and that midnight (the summit's "18:00 Fri", 6 hours before it)."""
    from timeline.render import text as words

    name, spec = example
    for index, item in enumerate(spec.lanes):
        midnights = [band.start for band in item.days]
        for instant, label in zip(spec.instants, item.instant_labels, strict=True):
            box = label.box
            crossed = [m for m in midnights if box.x < spec.x(m) < box.right]
            if not crossed:
                continue
            room = spec.x(crossed[0]) - spec.x(instant.at) - STYLE.label_pad
            assert label.text == instant.labels[index], (name, item.clock.name, label.text)
            assert room < words.text_width(instant.times[index], "instant"), (name, item.clock.name, label.text)
