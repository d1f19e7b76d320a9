"""The briefing of one account in one language, as the templates see it.

This is the presentation-neutral layer between analysis and templates: every word that depends
on the catalog is picked in the report's language here, every number stays a number (the
templates format them with Babel filters), and the templates hold layout only.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, replace
from datetime import date

from reportgen.catalog import Catalog
from reportgen.model import AccountAnalysis, AccountFacts, Coverage, FactorResult, ZoneKind


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
    coaching_questions: tuple[str, ...]
    diagram_svg: str
    profile_svg: str

    @property
    def balance_magnitude(self) -> float:
        """|S − K|: the size of the imbalance, whichever side invests more."""
        return abs(self.balance)

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


def _briefly(row: FactorRow) -> FactorRow:
    """A driver with its comments shortened, so page 2 holds; the table keeps them whole."""
    short = tuple(textwrap.shorten(c, DRIVER_COMMENT_CHARS, placeholder=" …") for c in row.comments)
    return replace(row, comments=short)


def _zone_words(analysis: AccountAnalysis, catalog: Catalog, lang: str) -> tuple[str, str]:
    zone, zones = analysis.zone, catalog.zones
    if zone.relationship_type is not None:
        return zone.relationship_type.name.get(lang), zone.relationship_type.meaning.get(lang)
    if zone.kind is ZoneKind.SUPPLIER_FRUSTRATION:
        area = zones.supplier_frustration
        meaning = area.critical_meaning if zone.critical and area.critical_meaning else area.meaning
        return area.name.get(lang), meaning.get(lang)
    area = zones.account_invests_more
    return area.name.get(lang), area.meaning.get(lang)


def build_briefing(analysis: AccountAnalysis, catalog: Catalog, lang: str, made_on: date) -> BriefingView:
    from reportgen import charts

    assessment = analysis.assessment
    rows = [factor_row(result, lang) for result in analysis.factors]
    zone_name, zone_meaning = _zone_words(analysis, catalog, lang)
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
        coaching_questions=tuple(question.get(lang) for question in catalog.coaching_questions),
        diagram_svg=charts.partnership_diagram(analysis, catalog, lang),
        profile_svg=charts.factor_profile(analysis, catalog, lang),
    )
