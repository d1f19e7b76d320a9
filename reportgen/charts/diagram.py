"""The partnership diagram of one account: its position, its factors, and its path over time."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise

from reportgen.analysis.rebalancing import Plan
from reportgen.charts.style import (
    GAP_COLOURS,
    INK,
    INTENDED_COLOUR,
    KEY_ACCOUNT_COLOUR,
    MUTED,
    figure_with_axes,
    on_ground,
    render_svg,
    text_size,
)
from reportgen.charts.zones import (
    draw_outline,
    draw_zones,
    place_label,
    points_along,
    square_axes,
    type_region,
    zone_legend,
)
from reportgen.common.i18n import Formatter
from reportgen.model.assessment import View
from reportgen.model.catalog import Catalog, RelationshipType
from reportgen.model.findings import AccountAnalysis, FactorResult
from reportgen.views.labels import intended_region_label, view_label

ACCOUNT_LABEL_SIZE = (21.0, 5.5)  # data units (0–100 axes), a little generous
PERIOD_LABEL_SIZE = (13.0, 4.0)


def partnership_diagram(
    analysis: AccountAnalysis,
    catalog: Catalog,
    lang: str,
    path: tuple[AccountAnalysis, ...] = (),
    plan: Plan | None = None,
) -> str:
    """The chart as SVG text (see :func:`drawn_diagram`)."""
    with drawn_diagram(analysis, catalog, lang, path, plan) as figure:
        return render_svg(figure)


@contextmanager
def drawn_diagram(
    analysis: AccountAnalysis,
    catalog: Catalog,
    lang: str,
    path: tuple[AccountAnalysis, ...] = (),
    plan: Plan | None = None,
) -> Iterator:
    """Supplier investment (y) against key account investment (x), zones shaded and named.

    *path* holds the account's earlier assessments, oldest first: arrows lead from each to the next
    (dashed across quarters without an assessment) and end at this one. Once the key account has
    given its own view, its point is drawn too, joined to ours by a line, each named: how far apart
    the two views are is what the page is about. The figure is valid inside
    the block only: the square, zones and legend are shared by every diagram of the catalog and
    language (see :func:`~reportgen.charts.style.on_ground`). Where the account names the relationship
    it is meant to have, that type's region is outlined and named in the legend, as part of the ground.
    With a rebalancing *plan*, a dashed arrow leads from the account to where the plan's moves would
    bring it (see :func:`_draw_plan`).
    """
    intended = intended_type(analysis, catalog)
    variant = (lang,) if intended is None else (lang, intended.id)
    with on_ground("diagram", catalog, variant, lambda: _ground(catalog, lang, intended)) as (figure, axes):
        occupied = _draw_factor_points(axes, analysis, catalog)
        labels: list = []
        if plan is not None:
            _draw_plan(axes, analysis, plan, occupied)
        _draw_path(axes, (*path, analysis), occupied, labels)
        if analysis.key_account_view is None:
            _draw_account(axes, analysis, lang, occupied, labels)
        else:
            _draw_both_views(axes, analysis, lang, occupied, labels)
        yield figure


def intended_type(analysis: AccountAnalysis, catalog: Catalog) -> RelationshipType | None:
    """The relationship type the account is meant to have, if it names one *catalog* holds."""
    return catalog.zones.relationship_type(analysis.assessment.account.intended_type)


DIAGRAM_SIZE = (6.8, 4.25)
"""Inches: wider than high, the zones named beside the square (LEGEND_WIDTH) rather than under it, so the
square takes the page's width where page 1 has room and little of its height where it has not."""
LEGEND_WIDTH = 2.35


def _ground(catalog: Catalog, lang: str, intended: RelationshipType | None = None):
    width, height = DIAGRAM_SIZE
    figure, axes = figure_with_axes(width, height, left=0.6, bottom=0.5, right=LEGEND_WIDTH, top=0.1)
    draw_zones(axes, catalog)
    outline = None
    if intended is not None:
        draw_outline(axes, type_region(catalog, intended), INTENDED_COLOUR)
        outline = (INTENDED_COLOUR, intended_region_label(intended.name.get(lang), lang))
    zone_legend(figure, catalog, lang, outline=outline, beside=1 - (LEGEND_WIDTH - 0.15) / width)
    square_axes(axes, lang)
    return figure, axes


def _spread(points: list, radius: float) -> list[tuple[float, float]]:
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


def _draw_factor_points(axes, analysis: AccountAnalysis, catalog: Catalog) -> list[tuple[float, float]]:
    """The numbered factor points, fanned out where they coincide; returns where they were drawn."""
    scale = catalog.scale
    drawn: list[tuple[float, float]] = []
    spots: dict[tuple[float, float], list[FactorResult]] = defaultdict(list)
    for result in analysis.factors:
        if result.rated_both:
            spots[(scale.normalise(result.key_account), scale.normalise(result.supplier))].append(result)
    colours = []
    for (x, y), results in spots.items():
        offsets = _spread(results, radius=3.4)
        # Keep the whole fan inside the square: move its centre in rather than squeezing the points.
        reach = max(math.hypot(dx, dy) for dx, dy in offsets) + 1.9
        x, y = min(max(x, reach), 100 - reach), min(max(y, reach), 100 - reach)
        for result, (dx, dy) in zip(results, offsets, strict=True):
            colour = GAP_COLOURS[result.over_investor]
            px, py = x + dx, y + dy
            drawn.append((px, py))
            colours.append(colour)
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
    if drawn:  # one collection for all the rings: a far smaller SVG than one marker each
        axes.scatter(
            *zip(*drawn, strict=True), s=60, color="white", edgecolors=colours, linewidths=0.9, zorder=3
        )
    return drawn


CURRENT_CLEARANCE = 3.5
"""The account's marker now, in data units (scatter size 190 on a 100-unit square of about 106 mm)."""
RING_CLEARANCE = 2.0
"""An earlier position's ring, in data units."""
PERIOD_DISTANCES = (2.5, 6, 10)
"""How far from its ring a period label may stand, nearest first."""


def _draw_path(axes, steps: tuple[AccountAnalysis, ...], occupied: list, labels: list) -> None:
    """Earlier positions as small rings with their period, arrows from each to the next."""
    for earlier, later in pairwise(steps):
        start = (earlier.key_account_index, earlier.supplier_index)
        end = (later.key_account_index, later.supplier_index)
        consecutive = later.assessment.period.ordinal - earlier.assessment.period.ordinal == 1
        axes.annotate(
            "",
            xy=end,
            xytext=start,
            zorder=5,
            arrowprops={
                "arrowstyle": "-|>",
                "color": INK,
                "linewidth": 0.9,
                "shrinkA": 3,
                "shrinkB": 7,
                "linestyle": "-" if consecutive else (0, (3, 2)),
                "mutation_scale": 8,
            },
        )
    # A period label keeps clear of the account's large marker now and of the other rings of its path.
    now = steps[-1]
    markers = [(now.key_account_index, now.supplier_index, CURRENT_CLEARANCE)]
    markers += [(a.key_account_index, a.supplier_index, RING_CLEARANCE) for a in steps[:-1]]
    for earlier in steps[:-1]:
        x, y = earlier.key_account_index, earlier.supplier_index
        axes.scatter([x], [y], s=36, color="white", edgecolors=INK, linewidths=1.0, zorder=5)
        others = [m for m in markers if m[:2] != (x, y)]
        spot, box = place_label(
            x, y, PERIOD_LABEL_SIZE, occupied + others, labels, distances=PERIOD_DISTANCES
        )
        labels.append(box)
        far = max(abs(spot[0]), abs(spot[1])) > PERIOD_DISTANCES[0]
        axes.annotate(
            str(earlier.assessment.period),
            (x, y),
            xytext=(x + spot[0], y + spot[1]),
            textcoords="data",
            fontsize=6.5,
            color=MUTED,
            ha=spot[2],
            va=spot[3],
            zorder=6,
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.8},
            # A label pushed away from its ring by crowding is tied to it by a thin line.
            arrowprops={"arrowstyle": "-", "color": MUTED, "linewidth": 0.5, "shrinkA": 0, "shrinkB": 3}
            if far
            else None,
        )
    occupied.extend(markers[1:])  # the account's own label keeps clear of its earlier rings too


PLAN_CLEARANCE = 2.5
"""The projected point's ring, in data units."""


def _draw_plan(axes, analysis: AccountAnalysis, plan: Plan, occupied: list) -> None:
    """A dashed arrow from the account to the point the rebalancing proposal projects, ending in an open
    ring: a what-if, drawn apart from the path the account has taken. Every label is placed after it and
    keeps clear of the arrow and the ring."""
    if not plan.moves_the_point:  # no move brought the account closer: there is nowhere to lead
        return
    start = (analysis.key_account_index, analysis.supplier_index)
    end = (plan.projected.key_account_index, plan.projected.supplier_index)
    axes.scatter(*end, s=70, color="white", edgecolors=INK, linewidths=1.1, zorder=6)
    axes.annotate(
        "",
        xy=end,
        xytext=start,
        zorder=6,
        arrowprops={
            "arrowstyle": "-|>",
            "color": INK,
            "linewidth": 1.1,
            "shrinkA": 7,
            "shrinkB": 4,
            "linestyle": (0, (2.5, 1.8)),
            "mutation_scale": 9,
        },
    )
    occupied.append((*end, PLAN_CLEARANCE))
    occupied.extend((x, y, VIEWS_LINE_CLEARANCE) for x, y in points_along(start, end, step=2.5))


def _draw_account(axes, analysis: AccountAnalysis, lang: str, occupied: list, labels: list) -> None:
    formatter = Formatter(lang)
    x, y = analysis.key_account_index, analysis.supplier_index
    axes.scatter([x], [y], s=190, color=INK, edgecolors="white", linewidths=1.6, zorder=7)
    label = f"S {formatter.number(y)} · K {formatter.number(x)}"
    (dx, dy, ha, va), box = place_label(x, y, ACCOUNT_LABEL_SIZE, occupied, labels)
    labels.append(box)
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
        zorder=8,
        bbox={"boxstyle": "round,pad=0.25", "facecolor": "white", "edgecolor": "none", "alpha": 0.9},
        arrowprops={"arrowstyle": "-", "color": INK, "linewidth": 0.6, "shrinkA": 0, "shrinkB": 5},
    )


VIEW_LABEL_FONT_SIZE = 8.5
VIEW_LABEL_PAD = 0.25
"""The label box's padding around its text, in font sizes (matplotlib's ``boxstyle`` pad)."""
VIEWS_LINE_CLEARANCE = 1.2
"""How far a label keeps from the line between the two views, in data units."""
VIEW_LABELS_GAP = 4.0
"""How far the two views' labels keep from each other where they can, in data units: views that nearly
agree put their points side by side, and labels stacked edge to edge read as one (place_label's gap)."""


def _draw_both_views(axes, analysis: AccountAnalysis, lang: str, occupied: list, labels: list) -> None:
    """Our view's point and the key account's, joined by a dotted line, each labelled with whose view
    it is and its S and K.

    The key account's diamond is drawn smaller on top of our marker, so views that agree show both,
    one inside the other. A label keeps clear of both markers, of the line and of the other label.
    """
    formatter = Formatter(lang)
    theirs = analysis.key_account_view
    ours_at = (analysis.key_account_index, analysis.supplier_index)
    theirs_at = (theirs.key_account_index, theirs.supplier_index)
    axes.plot(
        *zip(ours_at, theirs_at, strict=True), color=INK, linewidth=1.1, linestyle=(0, (1.2, 1.6)), zorder=6
    )
    axes.scatter(*ours_at, s=190, color=INK, edgecolors="white", linewidths=1.6, zorder=7)
    axes.scatter(
        *theirs_at, s=70, marker="D", color=KEY_ACCOUNT_COLOUR, edgecolors="white", linewidths=1.0, zorder=7.5
    )
    markers = [(*ours_at, CURRENT_CLEARANCE), (*theirs_at, CURRENT_CLEARANCE)]
    along = points_along(ours_at, theirs_at, step=2.5)
    avoided = occupied + markers + [(x, y, VIEWS_LINE_CLEARANCE) for x, y in along]
    for view, (x, y), colour in (
        (View.SUPPLIER, ours_at, INK),
        (View.KEY_ACCOUNT, theirs_at, KEY_ACCOUNT_COLOUR),
    ):
        label = f"{view_label(view, lang)}\nS {formatter.number(y)} · K {formatter.number(x)}"
        size = _label_size(axes, label)
        (dx, dy, ha, va), box = place_label(
            x, y, size, avoided, labels, distances=(4, 9, 16, 24), gap=VIEW_LABELS_GAP
        )
        labels.append(box)
        axes.annotate(
            label,
            (x, y),
            xytext=(x + dx, y + dy),
            textcoords="data",
            fontsize=VIEW_LABEL_FONT_SIZE,
            fontweight="bold",
            color=colour,
            ha=ha,
            va=va,
            multialignment=ha if ha != "center" else "center",
            linespacing=1.15,
            zorder=8,
            bbox={
                "boxstyle": f"round,pad={VIEW_LABEL_PAD}",
                "facecolor": "white",
                "edgecolor": "none",
                "alpha": 0.9,
            },
            arrowprops={"arrowstyle": "-", "color": colour, "linewidth": 0.6, "shrinkA": 0, "shrinkB": 5},
        )


def _label_size(axes, label: str) -> tuple[float, float]:
    """The box a bold label of the view font takes, padding included, in data units of the square."""
    width, height = text_size(label, VIEW_LABEL_FONT_SIZE, bold=True, linespacing=1.15)
    pad = 2 * VIEW_LABEL_PAD * VIEW_LABEL_FONT_SIZE
    figure = axes.get_figure()
    units_per_point = 100 / (axes.get_position().width * figure.get_figwidth() * 72)
    return ((width + pad) * units_per_point, (height + pad) * units_per_point)
