"""Advance widths of DejaVu Sans, so :func:`describe` can lay text out without matplotlib.

Generated from the fonts that ship with matplotlib; regenerate with
``python -m timeline.render.metrics`` after changing the character set. Widths are in
thousandths of an em, unhinted and without kerning (a few tenths of a pixel at 12 px;
layout keeps gaps larger than that, and a test measures the drawn text).
"""

from __future__ import annotations

import functools

__all__ = ["CHARACTERS", "advance"]

CHARACTERS = "".join(chr(code) for code in range(32, 127)) + "–—“”‘’·…éèêëàâçôîïûùüöäßÉÈÀ×−→«»„\u202f"

# fmt: off
_REGULAR = (
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
    636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
    1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
    603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
    500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
    635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838, 500,
    1000, 518, 518, 318, 318, 318, 1000, 615, 615, 615, 615, 613, 613, 550, 612, 278,
    278, 634, 634, 634, 612, 613, 630, 632, 632, 684, 838, 838, 838, 612, 612, 518,
    200,
)
_BOLD = (
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365,
    696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580,
    1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
    733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500,
    500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
    716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838, 500,
    1000, 657, 657, 380, 380, 380, 1000, 678, 678, 678, 678, 675, 675, 593, 687, 343,
    343, 712, 712, 712, 687, 675, 719, 683, 683, 774, 838, 838, 838, 646, 646, 657,
    200,
)
# fmt: on

_UNKNOWN = 1000  # characters outside the table (other scripts): count them wide, never narrow


@functools.cache
def _table(bold: bool) -> dict[str, int]:
    # Built on first use, not at import, so the generator below runs while the table is stale.
    return dict(zip(CHARACTERS, _BOLD if bold else _REGULAR, strict=True))


def advance(text: str, *, bold: bool = False) -> float:
    """Width of ``text`` in ems."""
    table = _table(bold)
    return sum(table.get(char, _UNKNOWN) for char in text) / 1000


def _generate() -> str:  # pragma: no cover - a maintenance tool, run by hand
    from matplotlib import font_manager, ft2font

    lines = []
    for name, weight in (("_REGULAR", "normal"), ("_BOLD", "bold")):
        path = font_manager.findfont(font_manager.FontProperties(family="DejaVu Sans", weight=weight))
        font = ft2font.FT2Font(path)
        font.set_size(1000, 72)
        widths = [
            round(font.load_char(ord(char), flags=ft2font.LoadFlags.NO_HINTING).linearHoriAdvance / 65536)
            for char in CHARACTERS
        ]
        rows = [", ".join(str(w) for w in widths[i : i + 16]) for i in range(0, len(widths), 16)]
        lines.append(f"{name} = (\n" + "".join(f"    {row},\n" for row in rows) + ")")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(_generate())
