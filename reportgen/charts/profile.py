"""The factor profile: both scores per factor as a dumbbell, the gap coloured by who invests more; with
several raters in our team, each one's scores as small dots around the means, and the factors the team
disagrees on marked."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from contextlib import contextmanager

from reportgen.charts.style import (
    DISAGREEMENT_COLOUR,
    DISAGREEMENT_TINT,
    GAP_COLOURS,
    GRID,
    KEY_ACCOUNT_COLOUR,
    MUTED,
    SUPPLIER_COLOUR,
    figure_with_axes,
    on_ground,
    open_grid,
    render_svg,
)
from reportgen.common.i18n import N_, Formatter, Nn_, gettext_for
from reportgen.model.assessment import Side
from reportgen.model.catalog import Catalog
from reportgen.model.findings import AccountAnalysis, FactorResult

ROW_HEIGHT = 0.23  # inches per factor
ROWS_AT_FULL_HEIGHT = 16
"""More factors share the height of this many, so page 2 holds the chart and the drivers whatever the
catalog (17 factors at full height pushed the last driver onto a page of its own)."""
MAX_ROWS_HEIGHT = ROW_HEIGHT * ROWS_AT_FULL_HEIGHT
TEAM_LEGEND_HEIGHT = 0.2
"""The second legend row a team's profile adds, in inches."""
TEAM_RIGHT_MARGIN = 0.3
"""Room right of the scale for the marks of disagreement, in inches."""
RATER_DOT_OFFSET = 0.34
"""How far a rater's dot sits from its row, in rows: our investment above, the key account's below, so
neither hides under the means' markers."""
RATER_DOT_STEP = 0.07
"""How far apart dots of equal scores stand side by side, in scale points."""
DISAGREEMENT_LEGEND = Nn_(
    "Our team differs by {points} point or more: discuss first",
    "Our team differs by {points} points or more: discuss first",
)
OUR_LEGEND = (N_("Supplier (we)"), N_("We invest more"))
SHARED_LEGEND = (N_("Supplier"), N_("Supplier invests more"))
"""The supplier's dot and gap in the legend: ours, or those of the key account's edition, read by both."""
RATER_DOT_SIZE = 3.2
"""A rater's dot, in points across: small beside the means, still clear in print."""


def factor_profile(analysis: AccountAnalysis, catalog: Catalog, lang: str, shared: bool = False) -> str:
    """The chart as SVG text (see :func:`drawn_profile`)."""
    with drawn_profile(analysis, catalog, lang, shared) as figure:
        return render_svg(figure)


@contextmanager
def drawn_profile(analysis: AccountAnalysis, catalog: Catalog, lang: str, shared: bool = False) -> Iterator:
    """One row per factor: the supplier's and the key account's score as a dumbbell.

    With several raters in our team, a mean alone would hide that "2 excellent + 2 poor" is not
    "average": each rater's scores are drawn as small dots around it (no names: a dot is no one's), and
    the factors the team differs on by the catalog's ``voices.disagreement_points`` are marked, both
    explained in a second legend row. With one rater the chart is today's. The key account's edition
    (*shared*) shows the means alone, no one's scores, and its legend says "supplier" where ours says "we".

    The figure is valid inside the block only: rows, scale and legend are shared by every profile
    of the catalog and language (see :func:`~reportgen.charts.style.on_ground`).
    """
    rows = analysis.factors
    team = not shared and analysis.assessment.rated_by_a_team
    variant = (
        lang,
        tuple(r.number for r in rows),
        *(("team",) if team else ()),
        *(("shared",) if shared else ()),
    )
    with on_ground("profile", catalog, variant, lambda: _ground(rows, catalog, lang, team, shared)) as (
        figure,
        axes,
    ):
        _draw_dumbbells(axes, rows, catalog.scale.min, catalog.scale.max, gettext_for(lang))
        if team:
            _draw_raters(axes, rows)
            _mark_disagreements(axes, rows)
        yield figure


def _ground(
    rows: tuple[FactorResult, ...], catalog: Catalog, lang: str, team: bool = False, shared: bool = False
):
    from matplotlib.lines import Line2D

    _ = gettext_for(lang)
    scale = catalog.scale
    row_height = min(ROW_HEIGHT, MAX_ROWS_HEIGHT / len(rows))
    label_size = min(7.5, max(5.5, 7.5 * row_height / ROW_HEIGHT + 0.5))
    extra = TEAM_LEGEND_HEIGHT if team else 0
    figure, axes = figure_with_axes(
        6.7,
        row_height * len(rows) + 0.85 + extra,
        left=2.35,
        bottom=0.45 + extra,
        right=TEAM_RIGHT_MARGIN if team else 0.12,
        top=0.32,
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
    open_grid(axes, "x")
    dot, bar = {"linestyle": ""}, {"linewidth": 2.5}
    # The key account's edition names the two companies' roles, not "we": it is read by both.
    labels = SHARED_LEGEND if shared else OUR_LEGEND
    legend = [
        Line2D([], [], marker="o", color=SUPPLIER_COLOUR, markersize=7.5, label=_(labels[0]), **dot),
        Line2D([], [], marker="D", color=KEY_ACCOUNT_COLOUR, markersize=5, label=_("Key account"), **dot),
        Line2D([], [], color=GAP_COLOURS[Side.SUPPLIER], label=_(labels[1]), **bar),
        Line2D([], [], color=GAP_COLOURS[Side.KEY_ACCOUNT], label=_("Key account invests more"), **bar),
    ]  # fmt: skip
    figure.legend(
        handles=legend,
        loc="lower center",
        bbox_to_anchor=(0.5, extra / figure.get_figheight()),
        ncols=4,
        frameon=False,
        fontsize=7.5,
        handlelength=1.6,
        columnspacing=1.6,
    )
    if team:
        _team_legend(figure, catalog, lang)
    return figure, axes


def _team_legend(figure, catalog: Catalog, lang: str) -> None:
    """The second legend row: what a small dot is, and what the mark of disagreement means."""
    from matplotlib.legend_handler import HandlerTuple
    from matplotlib.lines import Line2D

    _ = gettext_for(lang)
    dots = tuple(
        Line2D([], [], marker="o", linestyle="", color=colour, markersize=RATER_DOT_SIZE)
        for colour in (SUPPLIER_COLOUR, KEY_ACCOUNT_COLOUR)
    )
    points = catalog.voices.disagreement_points
    differs = DISAGREEMENT_LEGEND.pick(lang, points).format(points=Formatter(lang).score(points))
    figure.legend(
        handles=[dots, _DisagreementMark()],
        labels=[
            _("Score of each rater in our team"),
            differs,
        ],
        handler_map={tuple: HandlerTuple(ndivide=None, pad=0.6), _DisagreementMark: _DisagreementHandler()},
        loc="lower center",
        bbox_to_anchor=(0.5, 0.0),
        ncols=2,
        frameon=False,
        fontsize=7.5,
        handlelength=1.6,
        columnspacing=2.4,
    )


class _DisagreementMark:
    """Stands for the mark of disagreement in the legend."""


class _DisagreementHandler:
    """Draws the mark of disagreement as the chart does: a "!" on its row's band."""

    def legend_artist(self, legend, handle, fontsize, handlebox):
        from matplotlib.patches import Rectangle
        from matplotlib.text import Text

        width, height = handlebox.width, handlebox.height
        band = Rectangle(
            (0, -0.25 * height), width, 1.5 * height, facecolor=DISAGREEMENT_TINT, edgecolor="none"
        )
        handlebox.add_artist(band)
        handlebox.add_artist(Text(width / 2, height / 2, "!", **DISAGREEMENT_MARK))
        return band


DISAGREEMENT_MARK = {
    "fontsize": 9,
    "fontweight": "bold",
    "color": DISAGREEMENT_COLOUR,
    "ha": "center",
    "va": "center",
}


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


def _offsets(scores: tuple[float, ...]) -> list[float]:
    """Each score moved sideways so that equal scores stand next to each other, centred on the score."""
    placed: list[float] = []
    for score in sorted(set(scores)):
        equal = scores.count(score)
        placed += [score + (i - (equal - 1) / 2) * RATER_DOT_STEP for i in range(equal)]
    return placed


def _draw_raters(axes, rows: tuple[FactorResult, ...]) -> None:
    """Each rater's score of each side as a small dot: our investment just above the row, the key
    account's just below; one collection per side."""
    for spread_of, offset, colour in (
        (lambda r: r.supplier_spread, -RATER_DOT_OFFSET, SUPPLIER_COLOUR),
        (lambda r: r.key_account_spread, RATER_DOT_OFFSET, KEY_ACCOUNT_COLOUR),
    ):
        dots = [(x, row + offset) for row, r in enumerate(rows) for x in _offsets(spread_of(r).scores)]
        if dots:
            axes.scatter(
                *zip(*dots, strict=True), s=RATER_DOT_SIZE**2, color=colour, linewidths=0, zorder=2.5
            )


def _mark_disagreements(axes, rows: tuple[FactorResult, ...]) -> None:
    """A band behind each row the team disagrees on, and a "!" right of the scale."""
    right = axes.get_xlim()[1]
    for row, result in enumerate(rows):
        if result.disagreement:
            axes.axhspan(row - 0.5, row + 0.5, facecolor=DISAGREEMENT_TINT, edgecolor="none", zorder=0.5)
            axes.text(right + 0.14, row, "!", clip_on=False, zorder=5, **DISAGREEMENT_MARK)
