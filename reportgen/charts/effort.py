"""The charts of the portfolio's section on effort and return: the imbalance against what serving an account
costs of its margin, and the whale curve of the margin left after service.

Both name accounts only where few are shown (:data:`NAMED_UP_TO`); with many, the imbalance chart names
the accounts the ranked list leads with and the whale curve its peak and end, so 200 accounts stay
readable. Labels are placed as on the map (:func:`reportgen.charts.zones.place_label`), on the axes
scaled to 0–100 each way.
"""

from __future__ import annotations

import math
from itertools import pairwise

from reportgen.analysis.effort_and_return import EffortAndReturn
from reportgen.analysis.portfolio import PortfolioAnalysis
from reportgen.charts.portfolio_map import draw_bubbles
from reportgen.charts.style import (
    INK,
    MUTED,
    RELATIONSHIP_TINTS,
    SUPPLIER_COLOUR,
    ZONE_MARKS,
    chart_style,
    figure_with_axes,
    open_grid,
    render_svg,
    text_size,
    zone_marks,
)
from reportgen.charts.zones import place_label, points_along
from reportgen.common.i18n import Formatter, Nn_, gettext_for
from reportgen.views.labels import zone_names

NAMED_UP_TO = 12
"""Up to this many accounts, each is named; beyond, the imbalance chart names :data:`NAMED_LEADERS`."""
NAMED_LEADERS = 5
WHALE_NAMED_UP_TO = 8
"""Up to this many points, the whale curve names each account; beyond, the names would crowd its line."""
LABEL_CHARS = 24
LABEL_SIZE = 7.0

PEAK = Nn_("Peak: {amount} after {n} account", "Peak: {amount} after {n} accounts")
END = Nn_("One account: {amount}", "All {n}: {amount}")


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"


class _Scaled:
    """The axes' data range as 0–100 each way, where labels are placed as on the square."""

    def __init__(
        self, axes, width_in: float, height_in: float, x: tuple[float, float], y: tuple[float, float]
    ):
        self.axes = axes
        self.x, self.y = x, y
        self.width_pt, self.height_pt = width_in * 72, height_in * 72

    def to_square(self, x: float, y: float) -> tuple[float, float]:
        return (
            (x - self.x[0]) / (self.x[1] - self.x[0]) * 100,
            (y - self.y[0]) / (self.y[1] - self.y[0]) * 100,
        )

    def from_square(self, x: float, y: float) -> tuple[float, float]:
        return (
            self.x[0] + x / 100 * (self.x[1] - self.x[0]),
            self.y[0] + y / 100 * (self.y[1] - self.y[0]),
        )

    def size(self, text: str) -> tuple[float, float]:
        width, height = text_size(text, LABEL_SIZE)
        return ((width + 4) / self.width_pt * 100, (height + 2) / self.height_pt * 100)

    def points(self, radius_pt: float) -> float:
        """A length in points as units of the square (the mean of its two scales)."""
        return radius_pt / ((self.width_pt + self.height_pt) / 2) * 100

    def label(self, at: tuple[float, float], text: str, obstacles, boxes, radius_pt: float = 3.0) -> None:
        x, y = self.to_square(*at)
        reach = self.points(radius_pt)
        spot, box = place_label(
            x, y, self.size(text), obstacles, boxes, distances=(reach + 1.0, reach + 4, reach + 9), gap=0.5
        )
        boxes.append(box)
        self.axes.text(
            *self.from_square(x + spot[0], y + spot[1]),
            text,
            fontsize=LABEL_SIZE,
            color=INK,
            ha=spot[2],
            va=spot[3],
            zorder=6,
            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.8},
        )


def _nice_ceiling(value: float, step: float) -> float:
    return max(step, math.ceil(value / step) * step)


def effort_chart(portfolio: PortfolioAnalysis, figures: EffortAndReturn, lang: str) -> str | None:
    """The chart as SVG text (see :func:`effort_figure`); None where no account has a share to show."""
    figure = effort_figure(portfolio, figures, lang)
    return None if figure is None else render_svg(figure)


def effort_figure(portfolio: PortfolioAnalysis, figures: EffortAndReturn, lang: str):
    """Each account with a share (cost to serve ÷ margin above zero) across, its imbalance S − K up; the
    catalog's balanced band and its critical imbalance; colour and bubble area as on the map."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    _ = gettext_for(lang)
    formatter = Formatter(lang)
    shown = [e for e in figures.ranked if e.analysis.cost_to_serve.share is not None]
    if not shown:
        return None
    zones = portfolio.catalog.zones
    shares = [e.analysis.cost_to_serve.share for e in shown]
    balances = [e.analysis.balance for e in shown]
    x_step = 0.1 if max(shares) <= 1 else 0.25 if max(shares) <= 3 else 1.0
    x_high = _nice_ceiling(max(shares) * 1.1, x_step)
    x_range = (-x_high * 0.03, x_high)  # a little room left of 0 %: a bubble there is not cut in half
    low = min(-zones.balance_tolerance - 5, min(balances) - 8)
    high = max(zones.critical_imbalance + 5, max(balances) + 8)
    y_ticks = (max(-100, math.floor(low / 10) * 10), min(100, math.ceil(high / 10) * 10))
    y_range = (y_ticks[0] - 4, y_ticks[1] + 4)  # nor one at ±100
    legend_rows = math.ceil((len({e.analysis.zone.id for e in shown}) + 2) / 2)
    width, height, left, bottom, right, top = 6.5, 4.6, 0.6, 0.62 + 0.16 * legend_rows, 0.15, 0.1
    with chart_style():
        figure, axes = figure_with_axes(width, height, left=left, bottom=bottom, right=right, top=top)
        scaled = _Scaled(axes, width - left - right, height - bottom - top, x_range, y_range)
        tolerance = zones.balance_tolerance
        axes.axhspan(-tolerance, tolerance, color=RELATIONSHIP_TINTS[1], zorder=0, linewidth=0)
        axes.axhline(
            zones.critical_imbalance,
            color=ZONE_MARKS["supplier_frustration_critical"],
            linewidth=0.8,
            linestyle=(0, (4, 2)),
            zorder=1,
        )
        if x_range[1] > 1:
            axes.axvline(1.0, color=MUTED, linewidth=0.8, linestyle=(0, (2, 2)), zorder=1)
        areas = draw_bubbles(axes, shown, list(zip(shares, balances, strict=True)))
        axes.set_xlim(*x_range)
        axes.set_ylim(*y_range)
        named = shown if len(shown) <= NAMED_UP_TO else shown[:NAMED_LEADERS]
        obstacles = [
            (*scaled.to_square(s, b), scaled.points(math.sqrt(a / math.pi)))
            for s, b, a in zip(shares, balances, areas, strict=True)
        ]
        boxes: list = []
        for entry in named:
            at = (entry.analysis.cost_to_serve.share, entry.analysis.balance)
            radius = math.sqrt(areas[shown.index(entry)] / math.pi)
            others = [o for o in obstacles if o[:2] != scaled.to_square(*at)]
            scaled.label(at, f"{entry.rank} {_short(entry.name)}", others, boxes, radius)
        ticks = [i * x_step for i in range(round(x_high / x_step) + 1)]
        if len(ticks) > 11:
            ticks = ticks[:: math.ceil(len(ticks) / 11)]
        axes.set_xticks(ticks)
        axes.set_xticklabels([formatter.percent(t) for t in ticks])
        axes.set_yticks(range(y_ticks[0], y_ticks[1] + 1, 10 if y_ticks[1] - y_ticks[0] <= 80 else 20))
        axes.set_yticklabels([formatter.signed(t) for t in axes.get_yticks()])
        axes.tick_params(labelsize=7.5)
        open_grid(axes, linewidth=0.5)
        axes.set_xlabel(_("Cost to serve as a share of the contribution margin"), fontsize=8.5, labelpad=4)
        axes.set_ylabel(_("We invest more than the key account (S − K)"), fontsize=8.5, labelpad=4)
        present = {e.analysis.zone.id for e in shown}
        marks = {}
        for entry in shown:
            marks.setdefault(
                entry.analysis.zone.id, zone_marks(entry.analysis.catalog)[entry.analysis.zone.id]
            )
        names = {}
        for entry in portfolio.entries:
            names.update(zone_names(entry.analysis.catalog, lang))
        names.update(zone_names(portfolio.catalog, lang))
        handles = [
            Line2D(
                [],
                [],
                linestyle="",
                marker="o",
                markersize=7,
                markerfacecolor=marks[zone],
                markeredgecolor="white",
                label=names[zone],
            )
            for zone, _count in portfolio.zone_counts
            if zone in present
        ]
        balanced = _("Balanced: S − K within ±{points}").format(points=formatter.number(tolerance))
        handles.append(Patch(facecolor=RELATIONSHIP_TINTS[1], edgecolor="none", label=balanced))
        handles.append(
            Line2D(
                [],
                [],
                color=ZONE_MARKS["supplier_frustration_critical"],
                linewidth=0.8,
                linestyle=(0, (4, 2)),
                label=_("Critical imbalance"),
            )
        )
        figure.legend(
            handles=handles,
            loc="lower center",
            bbox_to_anchor=(0.5, 0.005),
            ncols=2,
            frameon=False,
            fontsize=7.5,
            handlelength=1.6,
            columnspacing=1.6,
            labelspacing=0.5,
        )
        return figure


def whale_chart(figures: EffortAndReturn, lang: str) -> str | None:
    """The chart as SVG text (see :func:`whale_figure`); None without a point."""
    figure = whale_figure(figures, lang)
    return None if figure is None else render_svg(figure)


def whale_figure(figures: EffortAndReturn, lang: str):
    """The running sum of the margin left after service, from the origin through each account, the most
    profitable first; its peak and its end marked with their amounts; each account named where few."""
    curve = figures.whale
    points = curve.points
    if not points or curve.currency is None:
        return None
    _ = gettext_for(lang)
    formatter = Formatter(lang)
    xs = list(range(len(points) + 1))
    ys = [0.0] + [p.cumulative for p in points]
    peak, peak_at = curve.peak, curve.peak_at
    low, high = min(ys), max(ys)
    pad = (high - low) * 0.12 or abs(high) * 0.2 or 1.0
    y_range = (low - pad * (0.6 if low < 0 else 0.15), high + pad)
    x_range = (0.0, len(points) + max(0.6, len(points) * 0.04))
    width, height, left, bottom, right, top = 6.5, 3.1, 1.05, 0.5, 0.15, 0.1
    with chart_style():
        figure, axes = figure_with_axes(width, height, left=left, bottom=bottom, right=right, top=top)
        scaled = _Scaled(axes, width - left - right, height - bottom - top, x_range, y_range)
        axes.fill_between(xs, ys, 0, color=RELATIONSHIP_TINTS[1], linewidth=0, zorder=1)
        few = len(points) <= 40
        axes.plot(
            xs,
            ys,
            color=SUPPLIER_COLOUR,
            linewidth=1.6,
            marker="o" if few else None,
            markersize=4,
            markeredgecolor="white",
            markeredgewidth=0.6,
            zorder=3,
        )
        axes.axhline(0, color=MUTED, linewidth=0.7, zorder=2)
        axes.set_xlim(*x_range)
        axes.set_ylim(*y_range)
        corners = [scaled.to_square(x, y) for x, y in zip(xs, ys, strict=True)]
        line = [(*c, 1.2) for c in corners]  # the markers, and the line between them: labels keep clear
        line += [(*p, 0.8) for a, b in pairwise(corners) for p in points_along(a, b, 2.0)]
        boxes: list = []
        count = len(points)
        total = END.pick(lang, count).format(n=count, amount=formatter.money(curve.total, curve.currency))
        marked = [(count, total)]
        if peak_at != count:
            peak_text = PEAK.pick(lang, peak_at).format(
                n=peak_at, amount=formatter.money(peak.cumulative, curve.currency)
            )
            marked.insert(0, (peak_at, peak_text))
        for at, text in marked:
            axes.scatter([at], [ys[at]], s=36, color=INK, zorder=4, edgecolors="white", linewidths=0.8)
            scaled.label((at, ys[at]), text, line, boxes, 4.0)
        if count <= WHALE_NAMED_UP_TO:
            for index, point in enumerate(points, start=1):
                scaled.label((index, point.cumulative), _short(point.entry.name), line, boxes, 3.0)
        axes.yaxis.set_major_formatter(lambda value, _pos: formatter.money(value, curve.currency))
        axes.xaxis.get_major_locator().set_params(integer=True)
        axes.tick_params(labelsize=7.5)
        open_grid(axes, "y", 0.5)
        axes.set_xlabel(
            _("Accounts, from the most margin left after service to the least"), fontsize=8.5, labelpad=4
        )
        axes.set_ylabel(_("Margin after service, added up"), fontsize=8, labelpad=4)
        return figure
