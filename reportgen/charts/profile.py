"""The factor profile: both scores per factor as a dumbbell, the gap coloured by who invests more."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from contextlib import contextmanager

from reportgen.catalog import Catalog
from reportgen.charts.style import (
    GAP_COLOURS,
    GRID,
    KEY_ACCOUNT_COLOUR,
    MUTED,
    SUPPLIER_COLOUR,
    figure_with_axes,
    hide_tick_marks,
    on_ground,
    render_svg,
)
from reportgen.i18n import gettext_for
from reportgen.model import AccountAnalysis, FactorResult, Side

ROW_HEIGHT = 0.23  # inches per factor
ROWS_AT_FULL_HEIGHT = 16
"""More factors share the height of this many, so page 2 holds the chart and the drivers whatever the
catalog (17 factors at full height pushed the last driver onto a page of its own)."""
MAX_ROWS_HEIGHT = ROW_HEIGHT * ROWS_AT_FULL_HEIGHT


def factor_profile(analysis: AccountAnalysis, catalog: Catalog, lang: str) -> str:
    """The chart as SVG text (see :func:`drawn_profile`)."""
    with drawn_profile(analysis, catalog, lang) as figure:
        return render_svg(figure)


@contextmanager
def drawn_profile(analysis: AccountAnalysis, catalog: Catalog, lang: str) -> Iterator:
    """One row per factor: the supplier's and the key account's score as a dumbbell.

    The figure is valid inside the block only: rows, scale and legend are shared by every profile
    of the catalog and language (see :func:`~reportgen.charts.style.on_ground`).
    """
    rows = analysis.factors
    variant = (lang, tuple(r.number for r in rows))
    with on_ground("profile", catalog, variant, lambda: _ground(rows, catalog, lang)) as (figure, axes):
        _draw_dumbbells(axes, rows, catalog.scale.min, catalog.scale.max, gettext_for(lang))
        yield figure


def _ground(rows: tuple[FactorResult, ...], catalog: Catalog, lang: str):
    from matplotlib.lines import Line2D

    _ = gettext_for(lang)
    scale = catalog.scale
    row_height = min(ROW_HEIGHT, MAX_ROWS_HEIGHT / len(rows))
    label_size = min(7.5, max(5.5, 7.5 * row_height / ROW_HEIGHT + 0.5))
    figure, axes = figure_with_axes(
        6.7, row_height * len(rows) + 0.85, left=2.35, bottom=0.45, right=0.12, top=0.32
    )
    axes.set_ylim(len(rows) - 0.4, -0.6)
    axes.set_xlim(scale.min - 0.25, scale.max + 0.25)
    axes.set_yticks(range(len(rows)))
    axes.set_yticklabels(
        [f"{r.number}  {textwrap.shorten(r.factor.label(lang), 42, placeholder='…')}" for r in rows],
        fontsize=label_size,
    )
    axes.set_xticks(list(scale.points))
    axes.set_xticklabels([scale.point_text(point, lang, between=" ") for point in scale.points], fontsize=7)
    axes.xaxis.tick_top()
    hide_tick_marks(axes)
    axes.grid(axis="x", color=GRID, linewidth=0.6)
    axes.set_axisbelow(True)
    for spine in axes.spines.values():
        spine.set_visible(False)
    dot, bar = {"linestyle": ""}, {"linewidth": 2.5}
    legend = [
        Line2D([], [], marker="o", color=SUPPLIER_COLOUR, markersize=7.5, label=_("Supplier (we)"), **dot),
        Line2D([], [], marker="D", color=KEY_ACCOUNT_COLOUR, markersize=5, label=_("Key account"), **dot),
        Line2D([], [], color=GAP_COLOURS[Side.SUPPLIER], label=_("We invest more"), **bar),
        Line2D([], [], color=GAP_COLOURS[Side.KEY_ACCOUNT], label=_("Key account invests more"), **bar),
    ]  # fmt: skip
    figure.legend(
        handles=legend,
        loc="lower center",
        bbox_to_anchor=(0.5, 0.0),
        ncols=4,
        frameon=False,
        fontsize=7.5,
        handlelength=1.6,
        columnspacing=1.6,
    )
    return figure, axes


def _draw_dumbbells(axes, rows: tuple[FactorResult, ...], low: int, high: int, _) -> None:
    """All rows at once – one collection of gap lines, one set of markers per side – so that the SVG
    stays small and quick to lay out, whatever the number of factors."""
    from matplotlib.collections import LineCollection

    paired = [(row, r) for row, r in enumerate(rows) if r.rated_both]
    axes.add_collection(
        LineCollection(
            [((r.supplier, row), (r.key_account, row)) for row, r in paired],
            colors=[GAP_COLOURS[r.over_investor] for _row, r in paired],
            linewidths=2.5,
            capstyle="round",
            zorder=2,
        )
    )
    supplier = [(r.supplier, row) for row, r in enumerate(rows) if r.supplier is not None]
    key_account = [(r.key_account, row) for row, r in enumerate(rows) if r.key_account is not None]
    if supplier:
        axes.scatter(
            *zip(*supplier, strict=True), s=7.5**2, marker="o", color=SUPPLIER_COLOUR, linewidths=0, zorder=3
        )
    if key_account:
        # Drawn smaller on top, so an equal score shows both markers, one inside the other.
        axes.scatter(
            *zip(*key_account, strict=True),
            s=5**2,
            marker="D",
            color=KEY_ACCOUNT_COLOUR,
            edgecolors="white",
            linewidths=0.6,
            zorder=4,
        )
    for row, result in enumerate(rows):
        if result.rated_both:
            continue
        missing = (
            _("not rated")
            if result.supplier is None and result.key_account is None
            else (_("supplier not rated") if result.supplier is None else _("key account not rated"))
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
            zorder=5,
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": GRID, "linewidth": 0.5},
        )
