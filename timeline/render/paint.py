"""Paint a :class:`~timeline.render.spec.FigureSpec` with matplotlib's object-oriented API.

Nothing here decides layout: positions come from the spec. ``matplotlib.figure.Figure`` is
used directly, never pyplot, so no figure lands in pyplot's registry and nothing needs
closing. Axes are placed at the spec's pixel boxes (no constrained layout, which can clip
stacked axes); every axis shares one UTC scale, and each lane ticks its own local hours
with a tz-aware locator (:class:`LocalHourLocator`), so a daylight-saving change shows as
uneven ticks.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any, cast

import matplotlib
from matplotlib import dates as mdates
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter, Locator
from matplotlib.transforms import Affine2D, Transform

from ..errors import InputError
from ..zones import get_zone
from . import text as words
from .clock import local_hours
from .spec import Box, FigureSpec, Label, Lane, Span
from .style import STYLE

__all__ = ["FORMATS", "LocalHourLocator", "draw", "png_bytes", "save_figure"]

FORMATS = ("png", "svg", "pdf")


def _num(moment: datetime) -> float:
    """matplotlib's date number (days since its epoch, UTC) of an aware instant."""
    return float(mdates.date2num(moment))  # type: ignore[no-untyped-call]


def _local(number: float, zone: tzinfo) -> datetime:
    moment: datetime = mdates.num2date(number, tz=zone)  # type: ignore[no-untyped-call]
    return moment


class LocalHourLocator(Locator):
    """Ticks every ``every`` local hours on ``zone``, DST-correct (see :mod:`.clock`)."""

    def __init__(self, zone: tzinfo, every: int) -> None:
        self.zone = zone
        self.every = every

    def __call__(self) -> list[float]:
        assert self.axis is not None
        low, high = self.axis.get_view_interval()
        return self.tick_values(low, high)

    def tick_values(self, vmin: float, vmax: float) -> list[float]:
        start, end = (mdates.num2date(v) for v in sorted((vmin, vmax)))  # type: ignore[no-untyped-call]
        return [_num(moment) for moment in local_hours(self.zone, start, end, self.every)]


def _minute(number: float) -> int:
    """A date number rounded to the minute: a dictionary key that survives float round trips."""
    return round(number * 24 * 60)


@contextmanager
def _house_style() -> Iterator[None]:
    # Tick labels are created lazily at draw time and read rcParams then: saving must happen
    # inside the same context as drawing, or the house style silently falls away.
    with matplotlib.rc_context(cast(Any, STYLE.rc())):
        yield


def draw(spec: FigureSpec) -> Figure:
    """A matplotlib Figure of ``spec`` (``spec.width`` × ``spec.height`` px at ``spec.scale``)."""
    with _house_style():
        figure = Figure(figsize=(spec.width / STYLE.dpi, spec.height / STYLE.dpi), dpi=STYLE.dpi * spec.scale)
        painter = _Painter(figure, spec)
        painter.evidence_backgrounds()
        painter.events()
        for lane in spec.lanes:
            painter.lane(lane)
        painter.evidence()
        painter.legend()
        for label in spec.labels():
            painter.text(label)
    return figure


class _Painter:
    def __init__(self, figure: Figure, spec: FigureSpec) -> None:
        self.figure = figure
        self.spec = spec
        # Pixels at 1× from the top-left corner, the spec's coordinates, onto the figure.
        flip = Affine2D().scale(1 / spec.width, -1 / spec.height).translate(0, 1)
        self.px: Transform = flip + figure.transFigure
        self.x0, self.x1 = _num(spec.start), _num(spec.end)
        self.units_per_px = (self.x1 - self.x0) / (spec.axis_right - spec.axis_left)

    # ----------------------------------------------------------------------- primitives

    def axes(self, box: Box, name: str) -> Axes:
        """Axes over ``box``: x in matplotlib date numbers (UTC), y in px down from the box top."""
        w, h = self.spec.width, self.spec.height
        rect = (box.x / w, 1 - box.bottom / h, box.width / w, box.height / h)
        ax = self.figure.add_axes(rect, label=name)  # named, so tests and users can find a lane
        ax.set_xlim(self.x0, self.x1)
        ax.set_ylim(box.height, 0)
        ax.set_yticks([])
        ax.set_xticks([])
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.patch.set_visible(False)
        return ax

    def key_lines(self, ax: Axes) -> None:
        for instant in self.spec.instants:
            ax.axvline(
                _num(instant.at),
                color=STYLE.key_line,
                linewidth=STYLE.key_line_width,
                linestyle=(0, (4, 2)) if instant.kind == "exact" else (0, (1.5, 1.5)),
                zorder=2,
            )

    def bar(self, ax: Axes, span: Span, y: float, height: float, colour: str, zorder: float) -> None:
        """A window as a bar, or as a point when it is too short to see as a bar."""
        start, end = _num(span.start), _num(span.end)
        off_range = start == end and (span.continues_before or span.continues_after)
        if off_range:
            pass  # only the arrow below says where it went
        elif end - start < STYLE.point_below * self.units_per_px:
            # A few minutes on a days-wide axis: a point, drawn like the known instants.
            self.marker((start + end) / 2, y, STYLE.exact_marker, colour, height * 1.4, ax)
        else:
            corner = (start, y - height / 2)
            ax.add_patch(Rectangle(corner, end - start, height, facecolor=colour, linewidth=0, zorder=zorder))
        # An open end: an arrowhead just past the bar, pointing where the window continues.
        reach = (STYLE.clip_marker / 2 + 1) * self.units_per_px
        for flag, x, shape in (
            (span.continues_before, start - reach, "<"),
            (span.continues_after, end + reach, ">"),
        ):
            if flag:
                ax.plot(
                    [x], [y], marker=shape, markersize=STYLE.points(STYLE.clip_marker), color=colour,
                    markeredgewidth=0, zorder=zorder + 0.5, clip_on=False,
                )  # fmt: skip

    def marker(self, x: float, y: float, shape: str, colour: str, size: float, ax: Axes | None = None) -> None:
        line = Line2D(
            [x],
            [y],
            marker=shape,
            markersize=STYLE.points(size),
            markerfacecolor=colour,
            markeredgecolor=STYLE.ink,
            markeredgewidth=0.6,
            linestyle="none",
            transform=self.px if ax is None else ax.transData,
            zorder=4,
        )
        if ax is None:
            self.figure.add_artist(line)
        else:
            ax.add_line(line)

    def text(self, label: Label) -> None:
        font = STYLE.font(label.role)
        effects = [patheffects.withStroke(linewidth=3, foreground=STYLE.background)] if label.halo else None
        self.figure.text(
            label.x,
            label.y,
            label.text,
            transform=self.px,
            ha=label.ha,
            va="top",
            fontsize=STYLE.points(font.size),
            fontweight="bold" if font.bold else "normal",
            fontfamily=STYLE.font_family,
            color=font.colour,
            path_effects=effects,
            zorder=5,
        )

    # ----------------------------------------------------------------------- panels

    def events(self) -> None:
        box = self.spec.events_box
        ax = self.axes(box, "events")
        self.key_lines(ax)
        for row in self.spec.events:
            y = row.y - box.y
            for span in row.robust:
                self.bar(ax, span, y, STYLE.event_bar, STYLE.robust, zorder=1)
            if row.agreed is not None:
                self.bar(ax, row.agreed, y, STYLE.event_bar, STYLE.agreed, zorder=3)
            if row.exact is not None:
                at = _num(row.exact)
                self.marker(at, y, STYLE.exact_marker, STYLE.exact, STYLE.event_bar, ax)

    def lane(self, lane: Lane) -> None:
        ax = self.axes(lane.box, f"lane {lane.clock.name}")
        for band in lane.days:
            if band.shaded:
                ax.axvspan(_num(band.start), _num(band.end), facecolor=STYLE.band, linewidth=0, zorder=0)
            if band.start > self.spec.start:  # local midnight
                ax.axvline(_num(band.start), color=STYLE.band_edge, linewidth=0.8, zorder=1)
        self.key_lines(ax)
        ax.spines["bottom"].set_visible(True)
        ax.spines["bottom"].set_color(STYLE.band_edge)
        if lane.tick_every:
            zone = get_zone(lane.clock.zone)
            ax.xaxis.set_major_locator(LocalHourLocator(zone, lane.tick_every))
            # Labels as described (the spec blanked those that would stick out past the ends); ticks
            # the description never saw (after an interactive zoom) are labelled on the spot.
            labels = {_minute(_num(tick.at)): tick.label for tick in lane.ticks}
            lang, hours = words.language(self.spec.language), self.spec.hours

            def label(x: float, _pos: int | None) -> str:
                described = labels.get(_minute(x))
                return described if described is not None else words.hour_label(_local(x, zone), hours, lang)

            ax.xaxis.set_major_formatter(FuncFormatter(label))
        # Set explicitly, not only through rcParams: ticks are made at draw time, maybe outside the context.
        ax.tick_params(
            axis="x",
            length=STYLE.points(STYLE.tick_length),
            width=0.8,
            pad=STYLE.points(STYLE.tick_label_pad),
            color=STYLE.tick,
            labelsize=STYLE.points(STYLE.font("small").size),
            labelcolor=STYLE.font("small").colour,
            labelfontfamily=STYLE.font_family,
        )

    def evidence_backgrounds(self) -> None:
        for row in self.spec.evidence:
            if row.highlight is not None:
                box = row.highlight
                self.figure.add_artist(
                    Rectangle(
                        (box.x, box.y),
                        box.width,
                        box.height,
                        transform=self.px,
                        facecolor=STYLE.pivotal_row,
                        linewidth=0,
                        zorder=-1,  # behind the axes, whose own background is transparent
                    )
                )

    def evidence(self) -> None:
        box = self.spec.evidence_box
        if box is None:
            return
        ax = self.axes(box, "evidence")
        for span in self.spec.agreed_columns:
            ax.axvspan(_num(span.start), _num(span.end), facecolor=STYLE.agreed_column, linewidth=0, zorder=0)
        for row in self.spec.evidence:
            colour = STYLE.status_colours[row.status]
            if row.window is not None:
                self.bar(ax, row.window, row.y - box.y, STYLE.evidence_bar, colour, zorder=2)
            x, y = row.marker
            shape, size = STYLE.status_markers[row.status], STYLE.status_marker_sizes[row.status]
            self.marker(x, y, shape, colour, size)

    def legend(self) -> None:
        for item in self.spec.legend:
            box = item.swatch
            if item.kind == "exact":
                centre = (box.x + box.width / 2, box.y + box.height / 2)
                self.marker(*centre, STYLE.exact_marker, STYLE.exact, STYLE.event_bar)
                continue
            colour = STYLE.robust if item.kind == "robust" else STYLE.agreed
            swatch = Rectangle((box.x, box.y), box.width, box.height, facecolor=colour, linewidth=0)
            swatch.set_transform(self.px)
            self.figure.add_artist(swatch)


# --------------------------------------------------------------------------- output


def _metadata(spec: FigureSpec, fmt: str) -> dict[str, Any]:
    if fmt == "png":  # PNG text chunks; PIL reads them back as Image.text
        return {"Title": spec.title, "Description": spec.alt_text}
    if fmt == "svg":  # Dublin Core fields inside the SVG
        return {"Title": spec.title, "Description": spec.alt_text, "Date": None}
    # PDF has no Description field; Subject is what readers show. No CreationDate: stable files.
    return {"Title": spec.title, "Subject": spec.alt_text, "CreationDate": None}


def _save(figure: Figure, spec: FigureSpec, target: Path | io.BytesIO, fmt: str, scale: int) -> None:
    with _house_style():
        figure.savefig(target, format=fmt, dpi=STYLE.dpi * scale, metadata=_metadata(spec, fmt))


def save_figure(
    spec: FigureSpec,
    path_stem: str | Path,
    *,
    formats: Sequence[str] = ("png", "svg"),
    scales: Sequence[int] = (1, 2),
) -> list[Path]:
    """Write the figure as ``<stem>.png`` (+ ``<stem>@2x.png`` …), ``<stem>.svg``, ``<stem>.pdf``.

    Bitmaps are written once per scale (1× = ``spec.width`` px wide); vector formats once.
    Title and alt text go into each file's metadata. Returns the paths written.
    """
    unknown = [fmt for fmt in formats if fmt not in FORMATS]
    if unknown:
        raise InputError(f"cannot save as {unknown}; formats are {', '.join(FORMATS)}")
    bad = [scale for scale in scales if scale not in (1, 2, 3)]
    if bad or not scales:
        raise InputError(f"scales must be among 1, 2, 3, got {list(scales)}")
    stem = Path(path_stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    figure = draw(spec)
    written: list[Path] = []
    for fmt in dict.fromkeys(formats):
        for scale in scales if fmt == "png" else (1,):
            suffix = "" if scale == 1 else f"@{scale}x"
            path = stem.with_name(f"{stem.name}{suffix}.{fmt}")
            _save(figure, spec, path, fmt, scale)
            written.append(path)
    return written


def png_bytes(spec: FigureSpec, *, scale: int | None = None) -> bytes:
    """The PNG of ``spec`` as bytes: what a notebook's ``_repr_png_`` returns."""
    buffer = io.BytesIO()
    _save(draw(spec), spec, buffer, "png", scale or spec.scale)
    return buffer.getvalue()
