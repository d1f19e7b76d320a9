"""The portfolio map: every account on the partnership square, coloured by zone, sized by revenue,
with an arrow from where it stood the period before."""

from __future__ import annotations

import math

import numpy as np

from reportgen.analysis.portfolio import PortfolioAnalysis
from reportgen.charts.style import INK, MUTED, chart_style, figure_with_axes, render_svg, zone_marks
from reportgen.charts.zones import draw_zones, marks_of, place_label, points_along, square_axes, zone_legend
from reportgen.model.catalog import Catalog

LABEL_CHARS = 24
NAMED_UP_TO = 24  # above this many accounts, bubbles carry their rank only (the table names them)
MAX_AREA, MIN_AREA, PLAIN_AREA = 900.0, 45.0, 110.0  # marker areas in points²


def draw_bubbles(axes, entries, centres: list[tuple[float, float]]) -> list[float]:
    """Each account's bubble at its centre, coloured by its zone and sized by its revenue; a dashed ring
    marks a bubble whose size is not known (no revenue given). Returns the areas, for placing labels."""
    areas = bubble_areas([e.analysis.assessment.account.annual_revenue for e in entries])
    known = [e.analysis.assessment.account.annual_revenue is not None for e in entries]
    if entries:
        axes.scatter(
            *zip(*centres, strict=True),
            s=areas,
            color=[zone_marks(e.analysis.catalog)[e.analysis.zone.id] for e in entries],
            alpha=0.85,
            edgecolors=["white" if k else INK for k in known],
            linewidths=[1.0 if k else 0.8 for k in known],
            linestyles=["-" if k else (0, (2, 1.5)) for k in known],
            zorder=3,
        )
    return areas


def bubble_areas(revenues: list[float | None]) -> list[float]:
    """Area proportional to revenue (the largest gets MAX_AREA); accounts without revenue a plain size."""
    known = [r for r in revenues if r and r > 0]
    largest = max(known) if known else None
    return [
        max(MIN_AREA, MAX_AREA * r / largest) if largest and r and r > 0 else PLAIN_AREA for r in revenues
    ]


ARROW_STEP = 2.0
"""How densely a label's placement samples the arrows it keeps clear of, in data units."""
ARROW_CLEARANCE = 1.0


def _arrow_points(
    starts: list[tuple[float, float]], ends: list[tuple[float, float]]
) -> list[tuple[float, float, float]]:
    """Points along every arrow, its ends included, each with the clearance a label keeps from it: a label
    over another account's arrow, above all over its end, makes that account seem to have moved."""
    return [
        (x, y, ARROW_CLEARANCE)
        for start, end in zip(starts, ends, strict=True)
        for x, y in points_along(start, end, ARROW_STEP, ends=True)
    ]


def portfolio_map(portfolio: PortfolioAnalysis, catalog: Catalog, lang: str) -> str:
    """The chart as SVG text (see :func:`portfolio_map_figure`)."""
    return render_svg(portfolio_map_figure(portfolio, catalog, lang))


def portfolio_map_figure(portfolio: PortfolioAnalysis, catalog: Catalog, lang: str):
    entries = portfolio.entries
    named = len(entries) <= NAMED_UP_TO
    with chart_style():
        figure, axes = figure_with_axes(6.5, 7.4, left=0.6, bottom=1.2, right=0.1, top=0.1)
        draw_zones(axes, catalog)
        zone_legend(figure, catalog, lang, ncols=3)
        moved = [e for e in entries if e.previous is not None]
        befores = [(e.previous.key_account_index, e.previous.supplier_index) for e in moved]
        if befores:  # one collection for all earlier positions, one for all bubbles: a lighter SVG
            axes.scatter(*zip(*befores, strict=True), s=14, color="white", edgecolors=MUTED, linewidths=0.8,
                         zorder=2)  # fmt: skip
        for entry, before in zip(moved, befores, strict=True):
            axes.annotate(
                "",
                xy=(entry.analysis.key_account_index, entry.analysis.supplier_index),
                xytext=before,
                zorder=2,
                arrowprops={
                    "arrowstyle": "-|>",
                    "color": MUTED,
                    "linewidth": 0.8,
                    "shrinkA": 2,
                    "shrinkB": 6,
                    "mutation_scale": 7,
                },
            )
        centres = [(e.analysis.key_account_index, e.analysis.supplier_index) for e in entries]
        areas = draw_bubbles(axes, entries, centres)
        arrows = _arrow_points(
            befores, [(e.analysis.key_account_index, e.analysis.supplier_index) for e in moved]
        )
        boxes: list = []
        marks = marks_of(centres + arrows)  # every label weighs the same points: made once, not per label
        is_centre = np.arange(len(marks)) < len(centres)
        for entry, area, (x, y) in zip(entries, areas, centres, strict=True):
            name = (
                entry.name if len(entry.name) <= LABEL_CHARS else entry.name[: LABEL_CHARS - 1].rstrip() + "…"
            )
            text = f"{entry.rank} {name}" if named else str(entry.rank)
            radius = math.sqrt(area / math.pi) / 4.0  # points → data units, roughly (4 pt per unit here)
            size = (len(text) * 1.45 + 1.5, 3.6)
            spot, box = place_label(
                x,
                y,
                size,
                marks[~(is_centre & (marks[:, 0] == x) & (marks[:, 1] == y))],  # not its own centre
                boxes,
                distances=(radius + 1.2, radius + 5, radius + 10),
            )
            boxes.append(box)
            axes.text(
                x + spot[0],
                y + spot[1],
                text,
                fontsize=7,
                color=INK,
                ha=spot[2],
                va=spot[3],
                zorder=6,
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.75},
            )
        square_axes(axes, lang)
        return figure
