"""The story pipeline: ingest -> extract -> resolve -> reconcile -> render, composed once.

``analyze(story_dir)`` returns a :class:`StoryResult`, whose ``events`` and ``claims`` are
pandas DataFrames, ``plot()`` a matplotlib Figure and ``save_report(dir)`` the files a
newsroom needs (PNG at 1× and 2×, SVG, the two CSV tables and a Markdown summary with the
alt text). pandas and matplotlib are imported only when those are asked for.
"""

from __future__ import annotations

import functools
import os
import warnings
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import LossyInputWarning
from .extract import EventMatcher, Tables, load_tables
from .extract.tables import with_bounds
from .model import ClaimOutcome, EventOutcome, Story, Window
from .reconcile import ReconcileOptions, reconcile
from .reconcile.explain import on_clocks
from .resolve.claims import claims_for_story

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from .render import FigureSpec, RenderOptions

__all__ = ["CLAIM_COLUMNS", "EVENT_COLUMNS", "StoryResult", "analyze", "run"]

EVENT_COLUMNS = (
    "event", "label", "start_earliest", "start_latest", "end_earliest", "end_latest",
    "agreed_start_earliest", "agreed_start_latest", "agreed_end_earliest", "agreed_end_latest",
    "reports", "conflicts", "pivotal", "notes",
)
CLAIM_COLUMNS = (
    "claim", "article", "outlet", "event", "anchor_event", "text", "quote", "char_start", "char_end",
    "type", "rule", "value", "earliest", "latest", "zone", "status", "reason", "narrowing_minutes",
)


def _iso(moment: datetime | None) -> str:
    return moment.isoformat().replace("+00:00", "Z") if moment else ""


def _bounds(window: Window | None) -> tuple[str, str]:
    return (_iso(window.earliest), _iso(window.latest)) if window else ("", "")


@dataclass(frozen=True)
class StoryResult:
    """A reconciled story: one outcome per event and per time expression found."""

    story: Story
    event_outcomes: tuple[EventOutcome, ...]
    claim_outcomes: tuple[ClaimOutcome, ...]
    warnings: tuple[str, ...] = field(default=())

    # ------------------------------------------------------------------ tables

    def event_rows(self) -> list[dict[str, Any]]:
        rows = []
        for outcome in self.event_outcomes:
            start, end = _bounds(outcome.start), _bounds(outcome.end)
            agreed_start, agreed_end = _bounds(outcome.agreed_start), _bounds(outcome.agreed_end)
            rows.append(dict(zip(EVENT_COLUMNS, (
                outcome.event, outcome.label, *start, *end, *agreed_start, *agreed_end, outcome.reports,
                ";".join(outcome.conflicts), ";".join(outcome.pivotal), "; ".join(outcome.notes),
            ), strict=True)))
        return rows

    def claim_rows(self) -> list[dict[str, Any]]:
        rows = []
        texts = {a.id: a.text for a in self.story.articles}
        for outcome in self.claim_outcomes:
            claim, mention = outcome.claim, outcome.claim.mention
            earliest, latest = _bounds(outcome.window)
            quote = texts[claim.article][mention.quote_start:mention.quote_end]
            values = " | ".join(dict.fromkeys(r.value for r in claim.readings if r.value))
            rows.append(dict(zip(CLAIM_COLUMNS, (
                claim.id, claim.article, claim.outlet, claim.event or "", claim.anchor_event or "",
                mention.text, quote, mention.start, mention.end, mention.timex_type or "RELATION",
                mention.rule, values, earliest, latest, "|".join(outcome.zones), outcome.status,
                outcome.reason, int(outcome.narrowing.total_seconds() // 60),
            ), strict=True)))
        return rows

    @property
    def events(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(self.event_rows(), columns=list(EVENT_COLUMNS))

    @property
    def claims(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(self.claim_rows(), columns=list(CLAIM_COLUMNS))

    def counts(self) -> dict[str, int]:
        return dict(Counter(c.status for c in self.claim_outcomes))

    # ------------------------------------------------------------------ figure

    def figure_spec(self, options: RenderOptions | None = None) -> FigureSpec:
        from .render import DEFAULT_OPTIONS, describe

        return describe(self.story, self.event_outcomes, self.claim_outcomes, options=options or DEFAULT_OPTIONS)

    def plot(self, options: RenderOptions | None = None) -> Figure:
        from .render import draw

        return draw(self.figure_spec(options))

    def _repr_png_(self) -> bytes:
        from .render import png_bytes

        return png_bytes(self.figure_spec())

    # ------------------------------------------------------------------ report

    def summary(self, alt_text: str = "") -> str:
        """The Markdown summary: both windows of every event on every clock, and every report."""
        story = self.story
        lines = [f"# {story.title}", ""]
        if story.subtitle:
            lines += [story.subtitle, ""]
        lines += ["## When", ""]
        for outcome in self.event_outcomes:
            lines.append(f"### {outcome.label}")
            lines.append("")
            lines += _window_lines("If every report is right", outcome.agreed_start, story,
                                   "the reports cannot all be right")
            lines += _window_lines("If any one report may be wrong", outcome.start, story, "no answer")
            if outcome.pivotal:
                lines.append(f"- The agreed window rests on: {', '.join(outcome.pivotal)}")
            if outcome.conflicts:
                lines.append(f"- Reports that conflict: {', '.join(outcome.conflicts)}")
            lines.append(f"- Reports with a usable time: {outcome.reports}")
            lines += [f"- Known {a.side} (anchor): {_iso(a.earliest)} to {_iso(a.latest)}; {a.source}"
                      for a in story.anchors if a.event == outcome.event]
            lines += [f"- Note: {note}" for note in outcome.notes]
            lines.append("")
        counts = self.counts()
        lines += ["## Every time expression found", "",
                  f"{len(self.claim_outcomes)} expressions: " + ", ".join(
                      f"{counts.get(s, 0)} {s}" for s in ("pivotal", "consistent", "conflict", "unresolved")),
                  ""]
        for status in ("pivotal", "conflict", "consistent", "unresolved"):
            chosen = [c for c in self.claim_outcomes if c.status == status]
            if chosen:
                lines += [f"### {status.capitalize()} ({len(chosen)})", ""]
                lines += [f"- **{c.claim.id}** {c.reason}" for c in chosen]
                lines.append("")
        if story.anchors:
            lines += ["## Known anchors", ""]
            lines += [f"- {a.event} {a.side}: {_iso(a.earliest)} to {_iso(a.latest)}. Source: {a.source}"
                      for a in story.anchors]
            lines.append("")
        if self.warnings:
            lines += ["## Warnings", ""] + [f"- {w}" for w in self.warnings] + [""]
        if alt_text:
            lines += ["## Alt text", "", alt_text, ""]
        return "\n".join(lines)

    def save_report(self, directory: str | os.PathLike[str] = "reports", *,
                    options: RenderOptions | None = None) -> dict[str, Path]:
        """Write ``<story>.png`` (and ``@2x``), ``.svg``, ``-events.csv``, ``-claims.csv``, ``.md``."""
        from .render import alt_text, save_figure

        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        stem = out / self.story.id
        spec = self.figure_spec(options)
        written = {p.name: p for p in save_figure(spec, stem, formats=("png", "svg"), scales=(1, 2))}
        events_csv = out / f"{self.story.id}-events.csv"
        claims_csv = out / f"{self.story.id}-claims.csv"
        self.events.to_csv(events_csv, index=False)
        self.claims.to_csv(claims_csv, index=False)
        summary = out / f"{self.story.id}.md"
        summary.write_text(self.summary(alt_text(spec)), encoding="utf-8")
        written.update({events_csv.name: events_csv, claims_csv.name: claims_csv, summary.name: summary})
        return written


def _window_lines(title: str, window: Window | None, story: Story, empty: str) -> list[str]:
    if window is None:
        return [f"- {title}: {empty}."]
    return [f"- {title}: from {on_clocks(window.earliest, story)}",
            f"  to {on_clocks(window.latest, story)}"]


def story_tables(story: Story) -> Tables:
    """The word tables for the story's articles, with the story's own bounds for vague amounts."""
    language = story.articles[0].language if story.articles else "en"
    return _tables_with_bounds(language, story.vague_quantities, story.vague_counts,
                               str(Path(story.path) / "story.toml") if story.path else "story.toml")


@functools.lru_cache(maxsize=8)
def _tables_with_bounds(language: str, quantities: tuple[tuple[str, str, float, float], ...],
                        counts: tuple[tuple[str, float, float], ...], source: str) -> Tables:
    # Cached so that one story keeps one Tables object, and so one compiled grammar.
    return with_bounds(load_tables(language),
                       {phrase: {"unit": unit, "bounds": [low, high]} for phrase, unit, low, high in quantities},
                       {phrase: [low, high] for phrase, low, high in counts}, source=source)


def run(story: Story, *, options: ReconcileOptions | None = None) -> StoryResult:
    """Extract, resolve and reconcile a loaded story."""
    tables = story_tables(story)
    notes = _check_event_words(story)
    claims = claims_for_story(story, tables)
    events, outcomes = reconcile(story, claims, options=options)
    return StoryResult(story, events, outcomes, tuple(notes))


def analyze(
    path: str | os.PathLike[str],
    *,
    articles: pd.DataFrame | None = None,
    options: ReconcileOptions | None = None,
) -> StoryResult:
    """Load a story folder (``story.toml`` + ``articles.csv``) and run the whole pipeline.

    With ``articles`` (a DataFrame with the columns of articles.csv), the reports come from
    the notebook instead of ``articles.csv``; ``path`` then only needs ``story.toml``.
    """
    from dataclasses import replace

    from .ingest import articles_from_frame, load_story, read_story_toml

    if articles is None:
        return run(load_story(path), options=options)
    toml = Path(path) / "story.toml" if Path(path).is_dir() else Path(path)
    story = read_story_toml(toml)
    folder = toml.parent
    return run(replace(story, articles=articles_from_frame(articles, folder=folder)), options=options)


def _check_event_words(story: Story) -> list[str]:
    """Warn about events whose words occur in no article: they can never be dated."""
    notes = []
    for event in story.events:
        matcher = EventMatcher([event])
        if not any(matcher.find(a.text) for a in story.articles):
            message = (f"story.toml, [[events]] id {event.id!r}, field 'words': none of {list(event.words)} "
                       "occurs in any article; add the words the reports use for this event")
            warnings.warn(message, LossyInputWarning, stacklevel=3)
            notes.append(message)
    return notes
