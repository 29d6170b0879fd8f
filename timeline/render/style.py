"""House style: every colour, font size and distance of the figure, in one table.

Sizes are pixels at 1× (a 640 px article column); the figure is drawn at 100 dpi per 1×,
so a font of ``n`` px is ``0.72 n`` pt. Nothing is smaller than 11 px at 1×, the smallest
size an editor accepts on a phone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

__all__ = ["OKABE_ITO", "STYLE", "Role", "Status", "Style"]

Status = Literal["consistent", "conflict", "pivotal", "unresolved"]
Role = Literal["title", "subtitle", "heading", "label", "event", "day", "instant", "tag", "small", "note"]

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision
# deficiency. Meaning never rests on colour alone (shapes and words carry it too).
OKABE_ITO = MappingProxyType(
    {
        "black": "#000000",
        "orange": "#E69F00",
        "sky_blue": "#56B4E9",
        "bluish_green": "#009E73",
        "yellow": "#F0E442",
        "blue": "#0072B2",
        "vermillion": "#D55E00",
        "reddish_purple": "#CC79A7",
    }
)


@dataclass(frozen=True)
class Font:
    size: float  # px at 1×
    bold: bool = False
    colour: str = "#1A1A1A"


def _fonts() -> MappingProxyType[str, Font]:
    muted = "#595959"  # 7:1 on white: grey that still passes WCAG AA for small text
    return MappingProxyType(
        {
            "title": Font(20, bold=True),
            "subtitle": Font(14, colour="#333333"),
            "heading": Font(13, bold=True),
            "label": Font(12),
            "event": Font(12, bold=True),
            "day": Font(11, bold=True, colour="#333333"),
            "instant": Font(11, colour="#1A1A1A"),
            "tag": Font(11, bold=True),
            "quiet_tag": Font(12, colour=muted),
            "small": Font(11, colour=muted),
            "note": Font(11, colour=muted),
        }
    )


def _status_colours() -> MappingProxyType[str, str]:
    return MappingProxyType(
        {
            "consistent": "#8A8A8A",  # grey: the quiet majority, not the story
            "pivotal": OKABE_ITO["orange"],
            "conflict": OKABE_ITO["vermillion"],
        }
    )


def _status_markers() -> MappingProxyType[str, str]:
    # Shapes differ in outline, not only in fill, so they survive greyscale printing.
    return MappingProxyType({"consistent": "o", "pivotal": "*", "conflict": "X"})


def _status_marker_sizes() -> MappingProxyType[str, float]:
    # px at 1×; a star fills less of its box than a disc, so it is drawn larger to weigh the same.
    return MappingProxyType({"consistent": 8.0, "pivotal": 14.0, "conflict": 10.0})


def _status_tags() -> MappingProxyType[str, str]:
    # The word says the status too (never colour or shape alone); the quiet majority is set quietly.
    return MappingProxyType({"consistent": "quiet_tag", "pivotal": "tag", "conflict": "tag"})


@dataclass(frozen=True)
class Style:
    font_family: str = "DejaVu Sans"  # ships with matplotlib: same glyphs on every machine
    dpi: float = 100.0  # per 1×; px sizes below are pixels at this dpi
    fonts: MappingProxyType[str, Font] = field(default_factory=_fonts)
    line_height: float = 1.25  # text line pitch, in font sizes
    text_height: float = 1.17  # ascent + descent of DejaVu Sans, in font sizes

    # colours
    ink: str = "#1A1A1A"
    background: str = "#FFFFFF"
    band: str = "#ECECEC"  # every other local calendar day
    band_edge: str = "#BDBDBD"  # local midnight
    robust: str = "#A9D6F5"  # light: holds if any one report is wrong (sky blue, lightened)
    agreed: str = OKABE_ITO["blue"]  # dark: holds if every report is right
    exact: str = OKABE_ITO["black"]
    key_line: str = "#4D4D4D"
    agreed_column: str = "#DCEBF5"  # the agreed window behind the evidence rows
    pivotal_row: str = "#FBEBC5"  # pale orange behind a pivotal report
    tick: str = "#595959"
    status_colours: MappingProxyType[str, str] = field(default_factory=_status_colours)
    status_markers: MappingProxyType[str, str] = field(default_factory=_status_markers)
    status_marker_sizes: MappingProxyType[str, float] = field(default_factory=_status_marker_sizes)
    status_tags: MappingProxyType[str, str] = field(default_factory=_status_tags)
    exact_marker: str = "D"

    # geometry, px at 1×
    margin: float = 16.0
    min_width: float = 400.0
    gap: float = 8.0  # between blocks
    text_gap: float = 6.0  # minimum white space between two labels on a line
    label_pad: float = 4.0  # from a line or an edge to the text it labels
    legend_swatch: float = 16.0
    event_row: float = 34.0  # label line + bar
    event_bar: float = 10.0
    lane_header: float = 18.0
    lane_day_row: float = 17.0
    lane_instant_row: float = 16.0
    lane_bottom_pad: float = 3.0
    tick_length: float = 4.0
    tick_label_pad: float = 2.0
    lane_gap: float = 6.0
    evidence_bar: float = 7.0
    point_below: float = 5.0  # a window narrower than this (px) is drawn as a point, like an instant
    key_line_width: float = 1.0
    clip_marker: float = 8.0  # the arrowhead where a window runs on past the range
    tick_steps: tuple[int, ...] = (1, 2, 3, 6, 12, 24)  # local hours between ticks
    range_margin: float = 0.08  # of the time span, each side of the default range

    def font(self, role: str) -> Font:
        return self.fonts[role]

    def points(self, px: float) -> float:
        """Font size in points for a size in px at 1× (matplotlib sizes fonts in points)."""
        return px * 72.0 / self.dpi

    def rc(self) -> dict[str, object]:
        """rcParams for ``matplotlib.rc_context``: only what the drawing relies on."""
        return {
            "font.family": "sans-serif",
            "font.sans-serif": [self.font_family],
            "font.size": self.points(self.font("label").size),
            "text.color": self.ink,
            "axes.edgecolor": self.tick,
            "axes.linewidth": 0.8,
            "axes.facecolor": "none",
            "figure.facecolor": self.background,
            "savefig.facecolor": self.background,
            "xtick.color": self.tick,
            "xtick.labelcolor": self.ink,
            "xtick.labelsize": self.points(self.font("small").size),
            "xtick.major.size": self.tick_length * 0.72,
            "xtick.major.pad": self.tick_label_pad,
            "svg.hashsalt": "timeline",  # stable SVG ids: diffs of saved files stay small
            "svg.fonttype": "path",  # readers may not have DejaVu Sans
            "pdf.fonttype": 42,  # TrueType in PDF: text stays editable in Illustrator
            "path.simplify": False,
        }


STYLE = Style()
