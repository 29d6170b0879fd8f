"""timeline: reconstruct when things happened from news reports.

ingest -> extract -> resolve -> reconcile -> render. The names below are the public API;
heavy modules (pandas, matplotlib, dateparser) load only when first used, so that
``import timeline`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import (
    InputError,
    LossyInputWarning,
    PublicationTimeError,
    StoryFileError,
    TextError,
    TimelineError,
    TimelineWarning,
    ZoneError,
)

if TYPE_CHECKING:
    from .extract import extract
    from .ingest import articles_from_frame, load_story
    from .pipeline import StoryResult, analyze, run
    from .reconcile import ReconcileOptions
    from .render import RenderOptions
    from .tagger import Timex, tag

__all__ = [
    "InputError",
    "LossyInputWarning",
    "PublicationTimeError",
    "ReconcileOptions",
    "RenderOptions",
    "StoryFileError",
    "StoryResult",
    "TextError",
    "TimelineError",
    "TimelineWarning",
    "Timex",
    "ZoneError",
    "__version__",
    "analyze",
    "articles_from_frame",
    "extract",
    "load_story",
    "run",
    "tag",
]

__version__ = "0.1.0"

_LAZY = {
    "extract": "timeline.extract",
    "load_story": "timeline.ingest",
    "articles_from_frame": "timeline.ingest",
    "StoryResult": "timeline.pipeline",
    "analyze": "timeline.pipeline",
    "run": "timeline.pipeline",
    "ReconcileOptions": "timeline.reconcile",
    "RenderOptions": "timeline.render",
    "Timex": "timeline.tagger",
    "tag": "timeline.tagger",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'timeline' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
