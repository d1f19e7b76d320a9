"""The briefing's history: the account quarter by quarter since its first assessment, with the trend;
each quarter's zone named as its own catalog names it, and the quarters assessed with another catalog
marked. There is none before the second assessment.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.analysis.history import (
    HistoryPoint,
    OtherCatalogsNote,
    Past,
    marked_period,
    other_catalogs_note,
)
from reportgen.model.findings import AccountAnalysis
from reportgen.views.chart_texts import QuarterIndices, trend_text
from reportgen.views.labels import zone_label


@dataclass(frozen=True)
class HistoryRow:
    """One quarter of the account's history; the figures are None where it was not assessed."""

    period: str
    supplier_index: float | None
    key_account_index: float | None
    balance: float | None
    zone_name: str | None
    other_catalog: str | None
    cost_to_serve: float | None = None
    """What serving the account cost that quarter, in *currency*; None where not given (never zero)."""
    cost_share: float | None = None
    """The cost to serve as a share of the contribution margin; None without a margin above zero."""
    currency: str = "EUR"

    @property
    def period_label(self) -> str:
        """The period as the table names it: marked where it was assessed with another catalog."""
        return marked_period(self.period, self.other_catalog)


@dataclass(frozen=True)
class HistorySection:
    """The account over time; there is none before its second assessment."""

    rows: tuple[HistoryRow, ...]
    trend_svg: str | None
    trend_alt: str
    """What the trend shows, in words: S and K in every quarter."""
    other_catalogs: OtherCatalogsNote | None
    """Which quarters were assessed with which other catalog; None when every quarter was assessed with
    this one."""
    shows_cost: bool = False
    """Some quarter gives its cost to serve or its share: the table gains both columns, "–" where a
    quarter has none; a history without any keeps the table as narrow as before."""


def _history_rows(timeline: tuple[HistoryPoint, ...], lang: str) -> tuple[HistoryRow, ...]:
    """Each quarter's figures, its zone named as its own catalog names it."""
    rows = []
    for point in timeline:
        a = point.analysis
        cost = a.cost_to_serve if a else None
        rows.append(HistoryRow(
            period=str(point.period),
            supplier_index=a.supplier_index if a else None,
            key_account_index=a.key_account_index if a else None,
            balance=a.balance if a else None,
            zone_name=zone_label(a, a.catalog, lang) if a else None,
            other_catalog=point.other_catalog,
            cost_to_serve=cost.amount if cost else None,
            cost_share=cost.share if cost else None,
            currency=cost.currency if cost else "EUR",
        ))  # fmt: skip
    return tuple(rows)


def history_section(
    analysis: AccountAnalysis, lang: str, past: Past, trend_svg: str | None
) -> HistorySection | None:
    """The quarters since the first assessment; none before the second."""
    rows = _history_rows(past.timeline, lang)
    if not rows:
        return None
    return HistorySection(
        rows=rows,
        trend_svg=trend_svg,
        trend_alt=trend_text(
            lang, [QuarterIndices(r.period, r.supplier_index, r.key_account_index) for r in rows]
        ),
        other_catalogs=other_catalogs_note(
            ((r.period, r.other_catalog) for r in rows), analysis.catalog_label
        ),
        shows_cost=any(r.cost_to_serve is not None or r.cost_share is not None for r in rows),
    )
