"""The briefing of one account in one language, as the templates see it.

This is the presentation-neutral layer between analysis and templates: every word that depends
on the catalog is picked in the report's language here, every number stays a number (the
templates format them with Babel filters), and the templates hold layout only.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, replace
from datetime import date

from reportgen.coaching import CoachingQuestion, coaching_questions
from reportgen.history import AccountHistory, HistoryPoint
from reportgen.model import AccountAnalysis, AccountFacts, Coverage, FactorResult
from reportgen.wording import zone_label, zone_words


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
    def rated_both(self) -> bool:
        return self.gap is not None


@dataclass(frozen=True)
class HistoryRow:
    """One quarter of the account's history; the figures are None where it was not assessed."""

    period: str
    supplier_index: float | None
    key_account_index: float | None
    balance: float | None
    zone_name: str | None
    other_catalog: str | None


@dataclass(frozen=True)
class ScalePoint:
    value: int
    label: str


@dataclass(frozen=True)
class BriefingView:
    lang: str
    account: AccountFacts
    period: str
    assessed_by: str | None
    assessed_on: date | None
    made_on: date
    catalog_title: str
    catalog_label: str
    zone_id: str
    zone_kind: str
    zone_name: str
    zone_label: str
    """The name as tables show it: ", critical" included."""
    zone_meaning: str
    critical: bool
    supplier_index: float
    key_account_index: float
    balance: float
    balance_tolerance: float
    coverage: Coverage
    drivers: tuple[FactorRow, ...]
    factors: tuple[FactorRow, ...]
    not_rated: tuple[FactorRow, ...]
    scale_min: int
    scale_max: int
    scale_points: tuple[ScalePoint, ...]
    coaching_questions: tuple[CoachingQuestion, ...]
    """The catalog's questions, asked about this account; those of a known kind answered with its figures."""
    diagram_svg: str
    profile_svg: str
    history: tuple[HistoryRow, ...] = ()
    trend_svg: str | None = None
    previous_period: str | None = None
    previous_zone_name: str | None = None
    balance_change: float | None = None

    @property
    def zone_changed(self) -> bool:
        return self.previous_zone_name is not None and self.previous_zone_name != self.zone_label

    @property
    def compact_table(self) -> bool:
        """More factors than the default catalog's: tighter rows keep the table on its page."""
        return len(self.factors) >= COMPACT_TABLE_FROM

    @property
    def has_other_catalog(self) -> bool:
        return any(row.other_catalog for row in self.history)

    @property
    def other_catalogs(self) -> str:
        """Which quarters were assessed with which other catalog: ``2025-Q4: efkam-partnership v0.9``."""
        return ", ".join(f"{row.period}: {row.other_catalog}" for row in self.history if row.other_catalog)

    @property
    def balance_magnitude(self) -> float:
        """|S − K|: the size of the imbalance, whichever side invests more."""
        return abs(self.balance)

    @property
    def balance_change_magnitude(self) -> float:
        """How far the balance moved, whichever way: it picks the singular or plural of "points"."""
        return abs(self.balance_change or 0)

    @property
    def file_stem(self) -> str:
        from reportgen.writing import safe_stem

        return safe_stem(self.account.name, self.period)


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


DRIVER_COMMENT_CHARS = 280
COMPACT_TABLE_FROM = 17
"""From this many factors the table of all factors is set tighter."""


def _briefly(row: FactorRow) -> FactorRow:
    """A driver with its comments shortened, so page 2 holds; the table keeps them whole."""
    short = tuple(textwrap.shorten(c, DRIVER_COMMENT_CHARS, placeholder=" …") for c in row.comments)
    return replace(row, comments=short)


def _history_rows(timeline: tuple[HistoryPoint, ...], lang: str) -> tuple[HistoryRow, ...]:
    """Each quarter's figures, its zone named as its own catalog names it."""
    rows = []
    for point in timeline:
        a = point.analysis
        rows.append(HistoryRow(
            period=str(point.period),
            supplier_index=a.supplier_index if a else None,
            key_account_index=a.key_account_index if a else None,
            balance=a.balance if a else None,
            zone_name=zone_label(a, a.catalog, lang) if a else None,
            other_catalog=point.other_catalog,
        ))  # fmt: skip
    return tuple(rows)


@dataclass(frozen=True)
class BriefingCharts:
    """The charts of one briefing as SVG text. They are made apart from the rest of the view so that
    they can be made ahead, in another process, while this one prepares the layout engine."""

    diagram_svg: str
    profile_svg: str
    trend_svg: str | None = None


@dataclass(frozen=True)
class _Past:
    earlier: tuple[AccountAnalysis, ...]
    """The account's assessments before this one, oldest first."""
    timeline: tuple[HistoryPoint, ...]
    """Every quarter up to this one, gaps included; empty without earlier assessments."""


def _past(analysis: AccountAnalysis, history: AccountHistory | None) -> _Past:
    period = analysis.assessment.period
    earlier = history.all_before(period) if history else ()
    timeline = history.timeline(period, analysis.catalog) if earlier else ()
    return _Past(earlier, tuple(timeline))


def briefing_charts(
    analysis: AccountAnalysis, lang: str, history: AccountHistory | None = None
) -> BriefingCharts:
    return _charts(analysis, lang, _past(analysis, history))


def _charts(analysis: AccountAnalysis, lang: str, past: _Past) -> BriefingCharts:
    from reportgen import charts

    catalog = analysis.catalog
    return BriefingCharts(
        diagram_svg=charts.partnership_diagram(analysis, catalog, lang, path=past.earlier),
        profile_svg=charts.factor_profile(analysis, catalog, lang),
        trend_svg=charts.trend_chart(past.timeline, lang) if past.timeline else None,
    )


def build_briefing(
    analysis: AccountAnalysis,
    lang: str,
    made_on: date,
    history: AccountHistory | None = None,
    charts: BriefingCharts | None = None,
) -> BriefingView:
    """The view of one briefing; *history* (up to this period) adds the path, the trend and changes.

    Everything catalog-made – zones, texts, scale, questions – is the analysis's own catalog's. *charts*
    are made here unless they were made ahead (see :func:`briefing_charts`).
    """
    catalog = analysis.catalog
    past = _past(analysis, history)
    previous = past.earlier[-1] if past.earlier else None
    charts = charts or _charts(analysis, lang, past)

    assessment = analysis.assessment
    rows = [factor_row(result, lang) for result in analysis.factors]
    zone_name, zone_meaning = zone_words(analysis, catalog, lang)
    scale = catalog.scale
    return BriefingView(
        lang=lang,
        account=assessment.account,
        period=str(assessment.period),
        assessed_by=assessment.assessed_by,
        assessed_on=assessment.assessed_on,
        made_on=made_on,
        catalog_title=catalog.title.get(lang),
        catalog_label=analysis.catalog_label,
        zone_id=analysis.zone.id,
        zone_kind=str(analysis.zone.kind),
        zone_name=zone_name,
        zone_label=zone_label(analysis, catalog, lang),
        zone_meaning=zone_meaning,
        critical=analysis.zone.critical,
        supplier_index=analysis.supplier_index,
        key_account_index=analysis.key_account_index,
        balance=analysis.balance,
        balance_tolerance=catalog.zones.balance_tolerance,
        coverage=analysis.coverage,
        drivers=tuple(_briefly(factor_row(result, lang)) for result in analysis.drivers),
        factors=tuple(rows),
        not_rated=tuple(row for row in rows if not row.rated_both),
        scale_min=scale.min,
        scale_max=scale.max,
        scale_points=tuple(
            ScalePoint(point, scale.labels[point].get(lang)) for point in sorted(scale.labels)
        ),
        coaching_questions=coaching_questions(analysis, lang),
        diagram_svg=charts.diagram_svg,
        profile_svg=charts.profile_svg,
        history=_history_rows(past.timeline, lang),
        trend_svg=charts.trend_svg,
        previous_period=str(previous.assessment.period) if previous else None,
        previous_zone_name=zone_label(previous, previous.catalog, lang) if previous else None,
        balance_change=analysis.balance - previous.balance if previous else None,
    )
