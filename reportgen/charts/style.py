"""Colours, fonts and the SVG output every chart shares."""

from __future__ import annotations

import io
import re
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from reportgen.common.resources import FONTS_DIR
from reportgen.model.assessment import Side
from reportgen.model.catalog import Catalog

FONT_FAMILY = "Reportgen Sans"
INK = "#1d2733"
MUTED = "#6b7785"
GRID = "#d5dbe1"
SUPPLIER_COLOUR = "#1f4e79"
KEY_ACCOUNT_COLOUR = "#c55a11"
GAP_COLOURS = {Side.SUPPLIER: "#c0392b", Side.KEY_ACCOUNT: "#2e7d4f", None: "#9aa5b1"}
DISAGREEMENT_COLOUR = "#a86200"
DISAGREEMENT_TINT = "#fcefd4"
"""A factor the team should discuss: its mark, and the band behind its row."""

INTENDED_COLOUR = "#5b2a86"
"""The outline of the intended relationship's region: a hue no zone fill or mark uses."""
# Background tints of the zones, and the stronger colour of a marker that sits in each zone.
ZONE_TINTS = {
    "supplier_frustration": "#fbe0cc",
    "supplier_frustration_critical": "#f6c1a3",
    "account_invests_more": "#d7ecd9",
}
ZONE_MARKS = {
    "supplier_frustration": "#e08a4f",
    "supplier_frustration_critical": "#c0392b",
    "account_invests_more": "#2e7d4f",
}
RELATIONSHIP_TINTS = ("#eef2f7", "#dce7f2", "#c3d8ec", "#aac9e6", "#93bbe0")
RELATIONSHIP_MARKS = ("#8aa3bf", "#4a86c5", "#1f4e79", "#163a5c", "#0d2740")

_STYLE = {
    "font.family": FONT_FAMILY,
    "font.size": 8,
    "svg.fonttype": "none",
    "svg.hashsalt": "reportgen",
    "axes.edgecolor": GRID,
    "axes.labelcolor": INK,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "text.color": INK,
}


@cache
def _register_fonts() -> None:
    from matplotlib import font_manager

    for font in sorted(FONTS_DIR.glob("*.ttf")):
        font_manager.fontManager.addfont(str(font))


@contextmanager
def chart_style() -> Iterator[None]:
    import matplotlib

    matplotlib.use("Agg")
    _register_fonts()
    with matplotlib.rc_context(_STYLE):
        yield


def text_size(text: str, size: float, bold: bool = False, linespacing: float = 1.2) -> tuple[float, float]:
    """Width and height in points of *text* (lines split at "\\n") in the charts' font: what a label needs
    to be placed before it is drawn. A little generous in height, like matplotlib's own line layout."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextPath

    _register_fonts()
    font = FontProperties(family=FONT_FAMILY, weight="bold" if bold else "normal", size=size)
    lines = text.split("\n")
    width = max(TextPath((0, 0), line, prop=font).get_extents().width for line in lines)
    return width, size * 1.2 * (1 + linespacing * (len(lines) - 1))


def figure_with_axes(width: float, height: float, left: float, bottom: float, right: float, top: float):
    """A figure of *width* × *height* inches with one axes inside fixed margins (inches).

    Fixed margins instead of matplotlib's constrained layout: the solver measures every text many
    times, which cost more than drawing the chart.
    """
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height))
    axes = figure.add_axes(
        (left / width, bottom / height, 1 - (left + right) / width, 1 - (bottom + top) / height)
    )
    return figure, axes


GROUNDS_KEPT = 8
"""Grounds kept per process: a batch uses two per catalog and language."""
_grounds: OrderedDict[tuple, tuple[Any, Any, Any]] = OrderedDict()


def _drawn_artists(figure) -> list:
    """Every artist on the figure and its axes that a chart's own drawing can add, fixed ones included,
    as a list that survives removals."""
    artists = [*figure.texts, *figure.lines, *figure.patches, *figure.images, *figure.legends]
    for axes in figure.axes:
        artists += [*axes.texts, *axes.lines, *axes.patches, *axes.collections, *axes.images]
        artists += [*axes.artists, *axes.tables]
    return artists


@contextmanager
def on_ground(kind: str, owner: object, variant: tuple, make: Callable[[], tuple[Any, Any]]):
    """A figure and its axes with the fixed parts of a chart already drawn.

    The ground – size, zones, ticks, axis labels, legend – depends only on the catalog (*owner*) and
    on *variant* (the language, say), so *make* draws it once per process; each chart of a batch
    draws its own marks on it inside the block, which takes them away again when it ends. Should the
    block fail half-way, the ground is thrown away rather than trusted.
    """
    key = (kind, id(owner), *variant)
    entry = _grounds.pop(key, None)
    if entry is None or entry[0] is not owner:
        with chart_style():
            entry = (owner, *make())
    _grounds[key] = entry
    while len(_grounds) > GROUNDS_KEPT:
        _grounds.popitem(last=False)
    _owner, figure, axes = entry
    fixed = {id(artist) for artist in _drawn_artists(figure)}
    try:
        with chart_style():
            yield figure, axes
    except BaseException:
        _grounds.pop(key, None)
        raise
    for artist in _drawn_artists(figure):
        if id(artist) not in fixed:
            artist.remove()


def forget_grounds() -> None:
    """Draw every ground afresh from here on (the cache holds nothing else)."""
    _grounds.clear()


def hide_tick_marks(axes) -> None:
    """No tick marks at all (labels stay): invisible marks still cost an SVG element each."""
    for axis in (axes.xaxis, axes.yaxis):
        axis.set_tick_params(which="both", length=0, tick1On=False, tick2On=False)


def open_grid(axes, axis: str = "both", linewidth: float = 0.6) -> None:
    """The charts' plain frame: gridlines along *axis* behind the data, no tick marks, no box around."""
    hide_tick_marks(axes)
    axes.grid(axis=axis, color=GRID, linewidth=linewidth)
    axes.set_axisbelow(True)
    for spine in axes.spines.values():
        spine.set_visible(False)


_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)
_ID_ONLY_GROUP = re.compile(r'<g id="[^"]*">$')


def _flatten_groups(svg: str) -> str:
    """Drop the groups matplotlib wraps around every artist that carry nothing but an id.

    WeasyPrint cascades styles through every SVG node when it paints, so each empty wrapper costs
    time in every PDF; the drawing is the same without them. matplotlib writes one tag per line and
    escapes "<" in text, so a line-wise pass over the tags is exact.
    """
    kept: list[str] = []
    dropped: list[bool] = []
    for line in svg.split("\n"):
        tag = line.strip()
        if tag.startswith("<g ") and tag.endswith("/>"):  # an empty group: nothing to keep
            if re.fullmatch(r'<g id="[^"]*"\s*/>', tag):
                continue
        elif tag.startswith("<g ") or tag == "<g>":
            drop = bool(_ID_ONLY_GROUP.match(tag))
            dropped.append(drop)
            if drop:
                continue
        elif tag == "</g>" and dropped and dropped.pop():
            continue
        kept.append(line)
    return "\n".join(kept)


def render_svg(figure) -> str:
    """The figure as SVG text (text as text, no date: equal input gives equal bytes), without what
    WeasyPrint would only walk through: the RDF metadata, the background patches, id-only groups."""
    figure.patch.set_visible(False)
    for axes in figure.axes:
        axes.patch.set_visible(False)
    with chart_style():
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
        return _flatten_groups(_METADATA.sub("", buffer.getvalue(), count=1))


def _by_zone(catalog: Catalog, fixed: dict[str, str], ramp: tuple[str, ...]) -> dict[str, str]:
    colours = dict(fixed)
    for index, relationship in enumerate(catalog.zones.relationship_types):
        colours[relationship.id] = ramp[min(index, len(ramp) - 1)]
    return colours


def zone_tints(catalog: Catalog) -> dict[str, str]:
    return _by_zone(catalog, ZONE_TINTS, RELATIONSHIP_TINTS)


def zone_marks(catalog: Catalog) -> dict[str, str]:
    return _by_zone(catalog, ZONE_MARKS, RELATIONSHIP_MARKS)


PRINT_DPI = 300
"""A deck's charts are pictures: at this resolution they print as sharp as the PDF's."""


def render_png(figure, dpi: int = PRINT_DPI) -> bytes:
    """The figure as a PNG on white (a template's background may be any colour), without the time or
    the software that made it, so that equal input gives equal bytes."""
    figure.patch.set_visible(True)
    with chart_style():
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=dpi, facecolor="white", metadata={"Software": None})
        return buffer.getvalue()
