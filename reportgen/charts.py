"""The charts of a briefing, drawn with matplotlib's object API and returned as SVG text.

Text stays text (``svg.fonttype = "none"``) in the report's own font, which is registered with
matplotlib for its metrics and with ``@font-face`` for WeasyPrint, so chart labels are sharp,
selectable and searchable in the PDF. The zones are drawn from the catalog's thresholds, so a
changed catalog changes the diagram.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from reportgen.catalog import Catalog
from reportgen.i18n import Formatter, gettext_for
from reportgen.model import AccountAnalysis, FactorResult, Side
from reportgen.resources import FONTS_DIR

FONT_FAMILY = "Source Sans Pro"
INK = "#1d2733"
MUTED = "#6b7785"
GRID = "#d5dbe1"
SUPPLIER_COLOUR = "#1f4e79"
KEY_ACCOUNT_COLOUR = "#c55a11"
GAP_COLOURS = {Side.SUPPLIER: "#c0392b", Side.KEY_ACCOUNT: "#2e7d4f", None: "#9aa5b1"}
ZONE_COLOURS = {
    "supplier_frustration": "#fbe0cc",
    "supplier_frustration_critical": "#f6c1a3",
    "account_invests_more": "#d7ecd9",
}
RELATIONSHIP_COLOURS = ("#eef2f7", "#dce7f2", "#c3d8ec", "#aac9e6", "#93bbe0")

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
def _chart_style() -> Iterator[None]:
    import matplotlib

    matplotlib.use("Agg")
    _register_fonts()
    with matplotlib.rc_context(_STYLE):
        yield


def _to_svg(figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


# --- geometry of the zones -------------------------------------------------------------------------

Polygon = list[tuple[float, float]]
SQUARE: Polygon = [(0, 0), (100, 0), (100, 100), (0, 100)]


def clip(polygon: Polygon, a: float, b: float, c: float) -> Polygon:
    """The part of a convex *polygon* where ``a·x + b·y ≤ c`` (Sutherland–Hodgman, one edge)."""

    def inside(p):
        return a * p[0] + b * p[1] <= c + 1e-9

    def crossing(p, q):
        fp, fq = a * p[0] + b * p[1] - c, a * q[0] + b * q[1] - c
        t = fp / (fp - fq)
        return (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]))

    result: Polygon = []
    for index, current in enumerate(polygon):
        previous = polygon[index - 1]
        if inside(current):
            if not inside(previous):
                result.append(crossing(previous, current))
            result.append(current)
        elif inside(previous):
            result.append(crossing(previous, current))
    return result


def zone_layers(catalog: Catalog) -> list[tuple[str, Polygon]]:
    """Zone polygons on the (K, S) square, to be painted in order (later ones cover earlier ones).

    x is the key account's index K, y the supplier's index S. Each relationship type covers the
    balanced band from its lower bound upwards, so painting them in order leaves each type visible
    exactly where the lower index falls into its range.
    """
    zones = catalog.zones
    tolerance, critical = zones.balance_tolerance, zones.critical_imbalance
    layers: list[tuple[str, Polygon]] = []
    band = clip(clip(SQUARE, -1, 1, tolerance), 1, -1, tolerance)  # |S − K| ≤ tolerance
    for relationship in zones.relationship_types:
        start = relationship.above if relationship.above is not None else (relationship.at_least or 0)
        layers.append((relationship.id, clip(clip(band, -1, 0, -start), 0, -1, -start)))
    layers.append(("supplier_frustration", clip(SQUARE, 1, -1, -tolerance)))  # S − K > tolerance
    layers.append(("supplier_frustration_critical", clip(SQUARE, 1, -1, -critical)))
    layers.append(("account_invests_more", clip(SQUARE, -1, 1, -tolerance)))  # K − S > tolerance
    return layers


def _spread(points: list[tuple[float, float]], radius: float) -> list[tuple[float, float]]:
    """Offsets that fan out factors sitting on the same spot: centre, then rings of 6, 12, 18…"""
    offsets = []
    ring, slots, used = 0, 1, 0
    for _ in points:
        if used == slots:
            ring, used = ring + 1, 0
            slots = 6 * ring
        angle = 2 * math.pi * used / slots + (math.pi / 6 if ring % 2 else 0)
        offsets.append((ring * radius * math.cos(angle), ring * radius * math.sin(angle)))
        used += 1
    return offsets


# --- the partnership diagram -------------------------------------------------------------------------


def partnership_diagram(analysis: AccountAnalysis, catalog: Catalog, lang: str) -> str:
    """Supplier investment (y) against key account investment (x), zones shaded and named."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Polygon as PolygonPatch

    _ = gettext_for(lang)
    with _chart_style():
        figure = Figure(figsize=(4.6, 5.5), layout="constrained")
        axes = figure.add_subplot()
        colours = _zone_colours(catalog)
        for zone_id, polygon in zone_layers(catalog):
            if len(polygon) >= 3:
                axes.add_patch(
                    PolygonPatch(
                        polygon,
                        closed=True,
                        facecolor=colours[zone_id],
                        edgecolor="white",
                        linewidth=0.8,
                        zorder=0,
                    )
                )
        _zone_legend(figure, catalog, lang)
        occupied = _draw_factor_points(axes, analysis, catalog)
        _draw_account(axes, analysis, lang, occupied)
        axes.set_xlim(0, 100)
        axes.set_ylim(0, 100)
        axes.set_aspect("equal")
        axes.set_xticks(range(0, 101, 20))
        axes.set_yticks(range(0, 101, 20))
        axes.tick_params(length=0, labelsize=7.5)
        axes.set_xlabel(_("Key account invests (K, 0–100)"), fontsize=8.5, labelpad=4)
        axes.set_ylabel(_("Supplier invests (S, 0–100)"), fontsize=8.5, labelpad=4)
        for spine in axes.spines.values():
            spine.set_visible(False)
        return _to_svg(figure)


def _zone_colours(catalog: Catalog) -> dict[str, str]:
    colours = dict(ZONE_COLOURS)
    for index, relationship in enumerate(catalog.zones.relationship_types):
        colours[relationship.id] = RELATIONSHIP_COLOURS[min(index, len(RELATIONSHIP_COLOURS) - 1)]
    return colours


def _zone_legend(figure, catalog: Catalog, lang: str) -> None:
    """Name every zone below the diagram; in the chart itself names would collide with the points."""
    from matplotlib.patches import Patch

    zones = catalog.zones
    colours = _zone_colours(catalog)
    entries = [(r.id, r.name.get(lang)) for r in zones.relationship_types]
    frustration = zones.supplier_frustration.name.get(lang)
    _ = gettext_for(lang)
    entries += [
        ("supplier_frustration", frustration),
        ("supplier_frustration_critical", _("{zone}, critical").format(zone=frustration)),
        ("account_invests_more", zones.account_invests_more.name.get(lang)),
    ]
    handles = [
        Patch(
            facecolor=colours[zone_id],
            edgecolor=GRID,
            linewidth=0.5,
            label=textwrap.fill(name, 34, break_long_words=False),
        )
        for zone_id, name in entries
    ]
    figure.legend(
        handles=handles,
        loc="outside lower center",
        ncols=2,
        frameon=False,
        fontsize=7.5,
        handlelength=1.4,
        handleheight=1.1,
        columnspacing=1.8,
        labelspacing=0.5,
    )


def _draw_factor_points(axes, analysis: AccountAnalysis, catalog: Catalog) -> list[tuple[float, float]]:
    """The numbered factor points, fanned out where they coincide; returns where they were drawn."""
    scale = catalog.scale
    drawn: list[tuple[float, float]] = []
    spots: dict[tuple[float, float], list[FactorResult]] = defaultdict(list)
    for result in analysis.factors:
        if result.rated_both:
            spots[(scale.normalise(result.key_account), scale.normalise(result.supplier))].append(result)
    for (x, y), results in spots.items():
        offsets = _spread(results, radius=3.4)
        # Keep the whole fan inside the square: move its centre in rather than squeezing the points.
        reach = max(math.hypot(dx, dy) for dx, dy in offsets) + 1.9
        x, y = min(max(x, reach), 100 - reach), min(max(y, reach), 100 - reach)
        for result, (dx, dy) in zip(results, offsets, strict=True):
            colour = GAP_COLOURS[result.over_investor]
            px, py = x + dx, y + dy
            drawn.append((px, py))
            axes.scatter([px], [py], s=60, color="white", edgecolors=colour, linewidths=0.9, zorder=3)
            axes.text(
                px,
                py,
                str(result.number),
                fontsize=5.5,
                color=colour,
                ha="center",
                va="center_baseline",
                zorder=4,
            )
    return drawn


LABEL_SIZE = (21.0, 5.5)  # the account label's box in data units (0–100 axes), a little generous
LABEL_SPOTS = (  # (dx, dy, ha, va) from the account's marker, in order of preference; far ones get a line
    (4, 3, "left", "bottom"), (-4, 3, "right", "bottom"), (4, -3, "left", "top"), (-4, -3, "right", "top"),
    (5, 0, "left", "center"), (-5, 0, "right", "center"),
    (0, 6, "center", "bottom"), (0, -6, "center", "top"),
    (-8, -14, "right", "top"), (8, -14, "left", "top"),
    (-8, 14, "right", "bottom"), (8, 14, "left", "bottom"),
    (0, -22, "center", "top"), (0, 22, "center", "bottom"),
)  # fmt: skip


def _label_spot(x: float, y: float, occupied: list[tuple[float, float]]) -> tuple[float, float, str, str]:
    """Where the account's label covers the fewest factor points and stays inside the square."""
    width, height = LABEL_SIZE

    def cost(spot) -> float:
        dx, dy, ha, va = spot
        left = x + dx - {"left": 0, "right": width, "center": width / 2}[ha]
        bottom = y + dy - {"bottom": 0, "top": height, "center": height / 2}[va]
        outside = left < 0 or bottom < 0 or left + width > 100 or bottom + height > 100
        covered = sum(
            left - 2 <= px <= left + width + 2 and bottom - 2 <= py <= bottom + height + 2
            for px, py in occupied
        )
        return covered + (1000 if outside else 0)

    return min(LABEL_SPOTS, key=cost)


def _draw_account(axes, analysis: AccountAnalysis, lang: str, occupied: list[tuple[float, float]]) -> None:
    formatter = Formatter(lang)
    x, y = analysis.key_account_index, analysis.supplier_index
    axes.scatter([x], [y], s=190, color=INK, edgecolors="white", linewidths=1.6, zorder=5)
    label = f"S {formatter.number(y)} · K {formatter.number(x)}"
    dx, dy, ha, va = _label_spot(x, y, occupied)
    axes.annotate(
        label,
        (x, y),
        xytext=(x + dx, y + dy),
        textcoords="data",
        fontsize=8.5,
        fontweight="bold",
        color=INK,
        ha=ha,
        va=va,
        zorder=6,
        bbox={"boxstyle": "round,pad=0.25", "facecolor": "white", "edgecolor": "none", "alpha": 0.9},
        arrowprops={"arrowstyle": "-", "color": INK, "linewidth": 0.6, "shrinkA": 0, "shrinkB": 5},
    )


# --- the factor profile ---------------------------------------------------------------------------------


def factor_profile(analysis: AccountAnalysis, catalog: Catalog, lang: str) -> str:
    """One row per factor: the supplier's and the key account's score as a dumbbell."""
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    _ = gettext_for(lang)
    scale = catalog.scale
    rows = analysis.factors
    with _chart_style():
        figure = Figure(figsize=(6.7, 0.23 * len(rows) + 0.85), layout="constrained")
        axes = figure.add_subplot()
        for row, result in enumerate(rows):
            _draw_dumbbell(axes, row, result, scale.min, scale.max, _)
        axes.set_ylim(len(rows) - 0.4, -0.6)
        axes.set_xlim(scale.min - 0.25, scale.max + 0.25)
        axes.set_yticks(range(len(rows)))
        axes.set_yticklabels(
            [f"{r.number}  {textwrap.shorten(r.factor.label(lang), 42, placeholder='…')}" for r in rows],
            fontsize=7.5,
        )
        points = range(scale.min, scale.max + 1)
        axes.set_xticks(list(points))
        labels = [f"{p} {scale.labels[p].get(lang)}" if p in scale.labels else str(p) for p in points]
        axes.set_xticklabels(labels, fontsize=7)
        axes.xaxis.tick_top()
        axes.tick_params(length=0)
        axes.grid(axis="x", color=GRID, linewidth=0.6)
        axes.set_axisbelow(True)
        for spine in axes.spines.values():
            spine.set_visible(False)
        legend = [
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                color=SUPPLIER_COLOUR,
                markersize=7.5,
                label=_("Supplier (we)"),
            ),
            Line2D(
                [],
                [],
                marker="D",
                linestyle="",
                color=KEY_ACCOUNT_COLOUR,
                markersize=5,
                label=_("Key account"),
            ),
            Line2D([], [], color=GAP_COLOURS[Side.SUPPLIER], linewidth=2.5, label=_("We invest more")),
            Line2D(
                [],
                [],
                color=GAP_COLOURS[Side.KEY_ACCOUNT],
                linewidth=2.5,
                label=_("Key account invests more"),
            ),
        ]
        figure.legend(
            handles=legend,
            loc="outside lower center",
            ncols=4,
            frameon=False,
            fontsize=7.5,
            handlelength=1.6,
            columnspacing=1.6,
        )
        return _to_svg(figure)


def _draw_dumbbell(axes, row: int, result: FactorResult, low: int, high: int, _) -> None:
    supplier, key_account = result.supplier, result.key_account
    if supplier is not None and key_account is not None:
        axes.plot(
            [supplier, key_account],
            [row, row],
            color=GAP_COLOURS[result.over_investor],
            linewidth=2.5,
            solid_capstyle="round",
            zorder=2,
        )
    if supplier is not None:
        axes.plot([supplier], [row], marker="o", color=SUPPLIER_COLOUR, markersize=7.5, zorder=3)
    if key_account is not None:
        # Drawn smaller on top, so an equal score shows both markers, one inside the other.
        axes.plot(
            [key_account],
            [row],
            marker="D",
            color=KEY_ACCOUNT_COLOUR,
            markeredgecolor="white",
            markeredgewidth=0.6,
            markersize=5,
            zorder=4,
        )
    if supplier is None or key_account is None:
        missing = (
            _("not rated")
            if supplier is None and key_account is None
            else (_("supplier not rated") if supplier is None else _("key account not rated"))
        )
        axes.text(
            (low + high) / 2,
            row,
            missing,
            fontsize=7,
            fontstyle="italic",
            color=MUTED,
            ha="center",
            va="center",
            zorder=4,
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": GRID, "linewidth": 0.5},
        )
