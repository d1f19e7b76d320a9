"""The factors as every section of the briefing shows them: each factor's row, the scale they are rated on,
how a chart's alt text names them, and the table of all factors.

Page 1's reading, the profile, the perception page and the key account's edition all build on these, so
they stand apart from any one section: a factor is put into the report's words in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.analysis.indices import largest_gaps
from reportgen.common.i18n import LANGUAGES, N_, gettext_for
from reportgen.model.catalog import Catalog
from reportgen.model.findings import FactorResult
from reportgen.views.chart_texts import FactorScores


@dataclass(frozen=True)
class ScaleView:
    """The catalog's rating scale in the report's language."""

    min: int
    max: int
    points: tuple[str, ...]
    """Each point the catalog gives a word for, with its word: ``4 = deutlich``."""


def scale_view(catalog: Catalog, lang: str) -> ScaleView:
    """The catalog's scale with the words it gives its points in *lang*: every table of scores keys to it."""
    return ScaleView(
        catalog.scale.min,
        catalog.scale.max,
        tuple(catalog.scale.point_text(point, lang) for point in catalog.scale.worded_points),
    )


@dataclass(frozen=True)
class FactorRow:
    number: int
    title: str
    label: str
    supplier_means: str
    key_account_means: str
    supplier: float | None
    key_account: float | None
    gap: float | None
    over_investor: str | None
    comments: tuple[str, ...]

    @property
    def marked_not_rated(self) -> bool:
        """The comment cell starts with "not rated": the factor is not rated on both sides, and its first
        comment does not say so already (a rater's "Not rated yet: …" would read "not rated: Not rated
        yet")."""
        return not self.rated_both and not _says_not_rated(self.comments)

    @property
    def commented(self) -> bool:
        """Whether the factor gets a line under its scores: for its comments, or to say it is not rated."""
        return bool(self.comments) or not self.rated_both

    @property
    def rated_both(self) -> bool:
        return self.gap is not None


def factor_row(result: FactorResult, lang: str) -> FactorRow:
    factor = result.factor
    return FactorRow(
        number=result.number,
        title=factor.title.get(lang),
        label=factor.label(lang),
        supplier_means=factor.supplier.get(lang),
        key_account_means=factor.key_account.get(lang),
        supplier=result.supplier,
        key_account=result.key_account,
        gap=result.gap,
        over_investor=str(result.over_investor) if result.over_investor else None,
        comments=result.comments,
    )


NOT_RATED = N_("not rated")


def _says_not_rated(comments: tuple[str, ...]) -> bool:
    """Whether the first comment starts by saying the factor is not rated, in either language and case."""
    first = comments[0].casefold().lstrip() if comments else ""
    return any(first.startswith(gettext_for(lang)(NOT_RATED).casefold()) for lang in LANGUAGES)


GAPS_NAMED = 3
"""Drivers the summary's reading names: enough to act on, few enough to read at a glance."""


def factor_scores(row: FactorRow | FactorResult, lang: str) -> FactorScores:
    """A factor as an alt text names it: its short name and both sides' scores."""
    label = row.label if isinstance(row, FactorRow) else row.factor.label(lang)
    return FactorScores(label, row.supplier, row.key_account)


def differ_most(results: tuple[FactorResult, ...], lang: str) -> tuple[FactorScores, ...]:
    """The factors whose two sides lie furthest apart, in the order every report names gaps in: what a
    chart's alt text names where a sighted reader sees the longest bars."""
    return tuple(factor_scores(r, lang) for r in largest_gaps(results)[:GAPS_NAMED])


@dataclass(frozen=True)
class FactorsSection:
    """The table of all factors."""

    scale: ScaleView
    rows: tuple[FactorRow, ...]
    compact: bool
    """More factors than the default catalog's: tighter rows keep the table on its page."""


COMPACT_TABLE_FROM = 17
"""From this many factors the table of all factors is set tighter."""


def factors_section(scale: ScaleView, rows: tuple[FactorRow, ...]) -> FactorsSection:
    """Every factor, set tighter where a catalog has many, so the table keeps to its page."""
    return FactorsSection(scale=scale, rows=rows, compact=len(rows) >= COMPACT_TABLE_FROM)
