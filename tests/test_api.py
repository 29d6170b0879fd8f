"""The public API: one __all__, every name importable, and a fast import."""

from __future__ import annotations

import subprocess
import sys

import timeline


def test_all_names_resolve() -> None:
    for name in timeline.__all__:
        assert getattr(timeline, name) is not None, name


def test_all_is_the_documented_surface() -> None:
    assert set(timeline.__all__) == {
        "InputError", "LossyInputWarning", "PublicationTimeError", "ReconcileOptions", "RenderOptions",
        "StoryFileError", "StoryResult", "TextError", "TimelineError", "TimelineWarning", "Timex",
        "ZoneError", "__version__", "analyze", "articles_from_frame", "extract", "load_story", "run", "tag",
    }


def test_unknown_attribute_is_an_attribute_error() -> None:
    try:
        timeline.no_such_thing  # noqa: B018
    except AttributeError as error:
        assert "no_such_thing" in str(error)
    else:  # pragma: no cover
        raise AssertionError("expected AttributeError")


def test_input_errors_are_value_errors() -> None:
    for cls in (timeline.InputError, timeline.StoryFileError, timeline.ZoneError, timeline.TextError,
                timeline.PublicationTimeError):
        assert issubclass(cls, ValueError)
        assert issubclass(cls, timeline.TimelineError)


def test_import_does_not_load_heavy_modules() -> None:
    code = (
        "import sys, timeline; heavy = [m for m in ('pandas', 'matplotlib', 'dateparser') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
