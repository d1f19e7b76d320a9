"""The portfolio report in one language, as the templates see it (the portfolio's view model)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportgen.analysis import by_share_of_balance
from reportgen.coaching import QuestionKind, question_text
from reportgen.model import AccountAnalysis, ZoneKind
from reportgen.portfolio import PortfolioAnalysis, PortfolioEntry
from reportgen.wording import zone_label, zone_names
from reportgen.workload import Workload
from reportgen.writing import slugify

DRIVERS_SHOWN = 3
APPENDIX_GAPS = 5


@dataclass(frozen=True)
class ZoneCount:
    zone_id: str
    name: str
    count: int


@dataclass(frozen=True)
class FactorNote:
    number: int
    label: str
    title: str
    supplier: float | None
    key_account: float | None
    change: float | None = None
    """Change of the gap since the previous assessment (movements only)."""


@dataclass(frozen=True)
class AccountRow:
    rank: int
    anchor: str
    name: str
    account_id: str | None
    supplier_index: float
    key_account_index: float
    balance: float
    zone_id: str
    zone_name: str
    critical: bool
    balance_change: float | None
    previous_zone_name: str | None
    rated: int
    total: int
    intended_name: str | None
    drivers: tuple[FactorNote, ...]
    moves: tuple[FactorNote, ...]

    @property
    def zone_changed(self) -> bool:
        return self.previous_zone_name is not None and self.previous_zone_name != self.zone_name


@dataclass(frozen=True)
class AppendixPage:
    row: AccountRow
    diagram_svg: str
    gaps: tuple[FactorNote, ...]


@dataclass(frozen=True)
class PortfolioView:
    lang: str
    period: str
    previous_period: str
    made_on: date
    catalog_title: str
    catalog_label: str
    zone_counts: tuple[ZoneCount, ...]
    rows: tuple[AccountRow, ...]
    over_investing: tuple[AccountRow, ...]
    lean: tuple[AccountRow, ...]
    strategic: tuple[AccountRow, ...]
    scale_back: tuple[AccountRow, ...]
    movements: tuple[AccountRow, ...]
    newcomers: tuple[AccountRow, ...]
    dropped: tuple[str, ...]
    capacity_limit: int
    capacity_accounts: tuple[AccountRow, ...]
    capacity_exceeded: bool
    balanced_count: int
    account_more_count: int
    critical_count: int
    over_investment_question: str | None
    """The catalog's wording of each question the portfolio answers, found by its kind, not its place."""
    lean_or_strategic_question: str | None
    scale_back_question: str | None
    map_svg: str
    appendix: tuple[AppendixPage, ...]
    lean_name: str
    strategic_name: str

    @property
    def account_count(self) -> int:
        return len(self.rows)

    @property
    def largest_over_investment(self) -> AccountRow | None:
        return self.over_investing[0] if self.over_investing else None


def _note(result, lang: str, change: float | None = None) -> FactorNote:
    factor = result.factor
    return FactorNote(result.number, factor.label(lang), factor.title.get(lang), result.supplier,
                      result.key_account, change)  # fmt: skip


def _row(entry: PortfolioEntry, lang: str) -> AccountRow:
    """An account's row, worded by its own catalog (its zone, its intended relationship)."""
    analysis = entry.analysis
    catalog = analysis.catalog
    account = analysis.assessment.account
    types = {r.id: r.name.get(lang) for r in catalog.zones.relationship_types}
    return AccountRow(
        rank=entry.rank,
        anchor=f"account-{entry.rank}-{slugify(account.name)}",
        name=account.name,
        account_id=account.account_id,
        supplier_index=analysis.supplier_index,
        key_account_index=analysis.key_account_index,
        balance=analysis.balance,
        zone_id=analysis.zone.id,
        zone_name=zone_label(analysis, catalog, lang),
        critical=analysis.zone.critical,
        balance_change=entry.balance_change,
        previous_zone_name=zone_label(entry.previous, entry.previous.catalog, lang)
        if entry.previous
        else None,
        rated=analysis.coverage.rated_both,
        total=analysis.coverage.total,
        intended_name=types.get(account.intended_type) if account.intended_type else None,
        drivers=tuple(_note(d, lang) for d in analysis.drivers[:DRIVERS_SHOWN]),
        moves=tuple(_note(m.now, lang, m.change) for m in entry.factor_moves),
    )


def _appendix(
    entry: PortfolioEntry, row: AccountRow, path: tuple[AccountAnalysis, ...], lang: str
) -> AppendixPage:
    from reportgen.charts.mini import mini_diagram

    analysis = entry.analysis
    # In the order the account's briefing names them, so the two never disagree on which come first.
    gaps = by_share_of_balance(r for r in analysis.factors if r.gap)
    return AppendixPage(
        row=row,
        diagram_svg=mini_diagram(analysis, path, analysis.catalog),
        gaps=tuple(_note(r, lang) for r in gaps[:APPENDIX_GAPS]),
    )


def _catalogs_label(portfolio: PortfolioAnalysis) -> str:
    """The portfolio's catalog; where its accounts were assessed with several, each with its count."""
    if len(portfolio.catalogs_used) <= 1:
        return portfolio.catalog.label()
    return " · ".join(f"{label} ({count})" for label, count in portfolio.catalogs_used)


def build_portfolio(
    portfolio: PortfolioAnalysis, workload: Workload, lang: str, made_on: date
) -> PortfolioView:
    """The portfolio view; *workload* supplies each account's history for the appendix diagrams."""
    from reportgen.charts import portfolio_map

    catalog = portfolio.catalog
    rows = {id(e): _row(e, lang) for e in portfolio.entries}

    def pick(entries) -> tuple[AccountRow, ...]:
        return tuple(rows[id(e)] for e in entries)

    names = {}
    for entry in portfolio.entries:  # a zone only another catalog has is named as that catalog names it
        names.update(zone_names(entry.analysis.catalog, lang))
    names.update(zone_names(catalog, lang))
    counts = dict(portfolio.zone_counts)
    types = catalog.zones.relationship_types
    appendix = tuple(
        _appendix(e, rows[id(e)], workload.history_of(e.analysis).all_before(portfolio.period), lang)
        for e in portfolio.entries
    )
    return PortfolioView(
        lang=lang,
        period=str(portfolio.period),
        previous_period=str(portfolio.previous_period),
        made_on=made_on,
        catalog_title=catalog.title.get(lang),
        catalog_label=_catalogs_label(portfolio),
        zone_counts=tuple(ZoneCount(zone, names[zone], count) for zone, count in portfolio.zone_counts),
        rows=pick(portfolio.entries),
        over_investing=pick(portfolio.over_investing),
        lean=pick(portfolio.lean),
        strategic=pick(portfolio.strategic),
        scale_back=pick(portfolio.scale_back),
        movements=pick(portfolio.movements),
        newcomers=pick(portfolio.newcomers),
        dropped=portfolio.dropped,
        capacity_limit=portfolio.capacity.limit,
        capacity_accounts=pick(portfolio.capacity.accounts),
        capacity_exceeded=portfolio.capacity.exceeded,
        balanced_count=sum(1 for e in portfolio.entries if e.analysis.zone.kind is ZoneKind.BALANCED),
        account_more_count=counts["account_invests_more"],
        critical_count=counts["supplier_frustration_critical"],
        over_investment_question=question_text(catalog, QuestionKind.OVER_INVESTMENT, lang),
        lean_or_strategic_question=question_text(catalog, QuestionKind.LEAN_OR_STRATEGIC, lang),
        scale_back_question=question_text(catalog, QuestionKind.SCALE_BACK, lang),
        map_svg=portfolio_map(portfolio, catalog, lang),
        appendix=appendix,
        lean_name=types[0].name.get(lang),
        strategic_name=types[-1].name.get(lang),
    )
