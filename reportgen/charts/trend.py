"""The trend of one account: S and K quarter by quarter; a quarter without an assessment is a gap."""

from __future__ import annotations

import math

from reportgen.analysis.history import HistoryPoint, marked_period
from reportgen.charts.style import (
    KEY_ACCOUNT_COLOUR,
    MUTED,
    SUPPLIER_COLOUR,
    chart_style,
    figure_with_axes,
    open_grid,
    render_svg,
)
from reportgen.common.i18n import gettext_for


def trend_chart(timeline: tuple[HistoryPoint, ...], lang: str) -> str:
    """The chart as SVG text (see :func:`trend_figure`)."""
    return render_svg(trend_figure(timeline, lang))


def trend_figure(timeline: tuple[HistoryPoint, ...], lang: str):
    _ = gettext_for(lang)
    positions = range(len(timeline))
    with chart_style():
        figure, axes = figure_with_axes(6.7, 1.6, left=0.4, bottom=0.3, right=1.75, top=0.1)
        # S's circle is larger than K's diamond, which is drawn on top with a white edge: where S and K
        # are the same, the diamond sits inside a ring of S, and both stay visible.
        for label, colour, marker, size, pick in (
            (_("Supplier index S"), SUPPLIER_COLOUR, "o", 8.5, lambda a: a.supplier_index),
            (_("Key account index K"), KEY_ACCOUNT_COLOUR, "D", 4.5, lambda a: a.key_account_index),
        ):
            values = [pick(p.analysis) if p.analysis else math.nan for p in timeline]
            axes.plot(
                positions,
                values,
                color=colour,
                linewidth=1.6,
                marker=marker,
                markersize=size,
                markeredgecolor="white",
                markeredgewidth=0.8,
                label=label,
            )
            foreign = [i for i, p in enumerate(timeline) if p.other_catalog]
            axes.plot(
                foreign,
                [values[i] for i in foreign],
                linestyle="",
                marker=marker,
                markersize=11,
                markerfacecolor="none",
                markeredgecolor=MUTED,
            )
        for index, point in enumerate(timeline):
            if point.analysis is None:
                axes.text(
                    index,
                    50,
                    _("no assessment"),
                    fontsize=6.5,
                    color=MUTED,
                    ha="center",
                    va="center",
                    fontstyle="italic",
                )
        axes.set_xticks(list(positions))
        axes.set_xticklabels([marked_period(p.period, p.other_catalog) for p in timeline], fontsize=7.5)
        axes.set_xlim(-0.5, len(timeline) - 0.5)
        axes.set_ylim(0, 100)
        axes.set_yticks([0, 25, 50, 75, 100])
        axes.tick_params(labelsize=7)
        open_grid(axes, "y")
        axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=7.5)
        return figure
