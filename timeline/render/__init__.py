"""Render: a reconciled story as a figure on several clocks, for the page and for screen readers.

``describe`` turns the pipeline's result into a :class:`FigureSpec` (plain data, no
matplotlib); ``draw`` paints it; ``save_figure`` writes PNG (1×, 2×), SVG and PDF with the
alt text in their metadata. matplotlib is imported only when something is drawn, so
``import timeline`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .spec import DEFAULT_OPTIONS, FigureSpec, RenderOptions, alt_text, describe
from .text import LANGUAGES

if TYPE_CHECKING:
    from .paint import draw, png_bytes, save_figure

__all__ = [
    "DEFAULT_OPTIONS",
    "LANGUAGES",
    "FigureSpec",
    "RenderOptions",
    "alt_text",
    "describe",
    "draw",
    "png_bytes",
    "save_figure",
]

_DRAWING = frozenset({"draw", "png_bytes", "save_figure"})


def __getattr__(name: str) -> Any:
    if name in _DRAWING:
        # Not a module named "draw": importing it would shadow the function of that name.
        from . import paint

        return getattr(paint, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
