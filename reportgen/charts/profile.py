"""The factor profile: both scores per factor as a dumbbell, the gap coloured by who invests more."""

from __future__ import annotations

import textwrap

from reportgen.catalog import Catalog
from reportgen.charts.style import (
    GAP_COLOURS,
    GRID,
    KEY_ACCOUNT_COLOUR,
    MUTED,
    SUPPLIER_COLOUR,
    chart_style,
    to_svg,
)
from reportgen.i18n import gettext_for
from reportgen.model import AccountAnalysis, FactorResult, Side

ROW_HEIGHT = 0.23  # inches per factor
MAX_ROWS_HEIGHT = ROW_HEIGHT * 24


def factor_profile(analysis: AccountAnalysis, catalog: Catalog, lang: str) -> str:
    """One row per factor: the supplier's and the key account's score as a dumbbell."""
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    _ = gettext_for(lang)
    scale = catalog.scale
    rows = analysis.factors
    with chart_style():
        # Up to 24 factors a row is 0.23 in; more share a fixed height so the chart still fits a page.
        row_height = min(ROW_HEIGHT, MAX_ROWS_HEIGHT / len(rows))
        label_size = 7.5 if row_height >= ROW_HEIGHT else max(5.5, 7.5 * row_height / ROW_HEIGHT + 0.5)
        figure = Figure(figsize=(6.7, row_height * len(rows) + 0.85), layout="constrained")
        axes = figure.add_subplot()
        for row, result in enumerate(rows):
            _draw_dumbbell(axes, row, result, scale.min, scale.max, _)
        axes.set_ylim(len(rows) - 0.4, -0.6)
        axes.set_xlim(scale.min - 0.25, scale.max + 0.25)
        axes.set_yticks(range(len(rows)))
        axes.set_yticklabels(
            [f"{r.number}  {textwrap.shorten(r.factor.label(lang), 42, placeholder='…')}" for r in rows],
            fontsize=label_size,
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
        return to_svg(figure)


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
