"""The portfolio report in one language, as the templates see it (the portfolio's view model)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from reportgen.analysis import by_share_of_balance
from reportgen.coaching import QuestionKind, question_text
from reportgen.model import SUPPLIER_FRUSTRATION_CRITICAL, ZoneKind
from reportgen.portfolio import PortfolioAnalysis, PortfolioEntry
from reportgen.wording import zone_label, zone_names
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
    zone_changed: bool
    rated: int
    total: int
    intended_name: str | None
    drivers: tuple[FactorNote, ...]
    moves: tuple[FactorNote, ...]


@dataclass(frozen=True)
class AppendixPage:
    row: AccountRow
    diagram_svg: str
    gaps: tuple[FactorNote, ...]


@dataclass(frozen=True)
class Capacity:
    """How many strategic partnerships the portfolio runs or rates, against what a company can carry."""

    limit: int
    accounts: tuple[AccountRow, ...]
    exceeded: bool

    @property
    def count(self) -> int:
        return len(self.accounts)


@dataclass(frozen=True)
class CoverSection:
    """The cover: the zones counted, the quarter in a few sentences, the contents."""

    catalog_title: str
    period: str
    previous_period: str
    zone_counts: tuple[ZoneCount, ...]
    account_count: int
    balanced_count: int
    over_investing_count: int
    critical_count: int
    account_more_count: int
    largest_over_investment: AccountRow | None
    movement_count: int
    newcomer_count: int
    dropped: tuple[str, ...]
    """Accounts assessed in the previous quarter but not in this one."""
    capacity: Capacity

    @property
    def dropped_count(self) -> int:
        return len(self.dropped)


@dataclass(frozen=True)
class MapSection:
    map_svg: str


@dataclass(frozen=True)
class RankingSection:
    rows: tuple[AccountRow, ...]
    """Every account, largest over-investment first."""


@dataclass(frozen=True)
class QuestionsSection:
    """The coaching questions the portfolio answers, each worded as the catalog words the question of
    its kind (None where the catalog asks none of that kind), with the accounts that answer it."""

    over_investment_question: str | None
    over_investing: tuple[AccountRow, ...]
    lean_or_strategic_question: str | None
    lean_name: str
    lean: tuple[AccountRow, ...]
    strategic_name: str
    strategic: tuple[AccountRow, ...]
    capacity: Capacity
    scale_back_question: str | None
    scale_back: tuple[AccountRow, ...]


@dataclass(frozen=True)
class MovementsSection:
    previous_period: str
    rows: tuple[AccountRow, ...]
    """The accounts that changed zone since the previous quarter."""


@dataclass(frozen=True)
class AppendixSection:
    pages: tuple[AppendixPage, ...]


@dataclass(frozen=True)
class PortfolioView:
    """The portfolio report: what the document as a whole says of itself, and one section per partial."""

    lang: str
    made_on: date
    period: str
    catalog_title: str
    catalog_label: str
    cover: CoverSection
    map: MapSection
    ranking: RankingSection
    questions: QuestionsSection
    movements: MovementsSection
    appendix: AppendixSection


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
        zone_changed=entry.zone_changed,
        rated=analysis.coverage.rated_both,
        total=analysis.coverage.total,
        intended_name=types.get(account.intended_type) if account.intended_type else None,
        drivers=tuple(_note(d, lang) for d in analysis.drivers[:DRIVERS_SHOWN]),
        moves=tuple(_note(m.now, lang, m.change) for m in entry.factor_moves),
    )


def _appendix(entry: PortfolioEntry, row: AccountRow, diagram_svg: str, lang: str) -> AppendixPage:
    analysis = entry.analysis
    # In the order the account's briefing names them, so the two never disagree on which come first.
    gaps = by_share_of_balance(r for r in analysis.factors if r.gap)
    return AppendixPage(
        row=row,
        diagram_svg=diagram_svg,
        gaps=tuple(_note(r, lang) for r in gaps[:APPENDIX_GAPS]),
    )


@dataclass(frozen=True)
class PortfolioCharts:
    """The charts of one portfolio as SVG text. They are made apart from the rest of the view, as a
    briefing's are, so that the view can be built and compared with stand-ins in their place."""

    map_svg: str
    diagrams: tuple[str, ...]
    """Each account's appendix diagram, in the order of the portfolio's entries."""


def _catalogs_label(portfolio: PortfolioAnalysis) -> str:
    """The portfolio's catalog; where its accounts were assessed with several, each with its count."""
    if len(portfolio.catalogs_used) <= 1:
        return portfolio.catalog.label()
    return " · ".join(f"{label} ({count})" for label, count in portfolio.catalogs_used)


Pick = Callable[[Iterable[PortfolioEntry]], tuple[AccountRow, ...]]
"""The rows of some of the portfolio's entries, each made once and shared by every section."""


def _cover(portfolio: PortfolioAnalysis, pick: Pick, capacity: Capacity, lang: str) -> CoverSection:
    names = {}
    for entry in portfolio.entries:  # a zone only another catalog has is named as that catalog names it
        names.update(zone_names(entry.analysis.catalog, lang))
    names.update(zone_names(portfolio.catalog, lang))
    counts = dict(portfolio.zone_counts)
    over_investing = pick(portfolio.over_investing)
    return CoverSection(
        catalog_title=portfolio.catalog.title.get(lang),
        period=str(portfolio.period),
        previous_period=str(portfolio.previous_period),
        zone_counts=tuple(ZoneCount(zone, names[zone], count) for zone, count in portfolio.zone_counts),
        account_count=len(portfolio.entries),
        balanced_count=sum(1 for e in portfolio.entries if e.analysis.zone.kind is ZoneKind.BALANCED),
        over_investing_count=len(over_investing),
        critical_count=counts[SUPPLIER_FRUSTRATION_CRITICAL],
        account_more_count=counts[ZoneKind.ACCOUNT_INVESTS_MORE],
        largest_over_investment=over_investing[0] if over_investing else None,
        movement_count=len(portfolio.movements),
        newcomer_count=len(portfolio.newcomers),
        dropped=portfolio.dropped,
        capacity=capacity,
    )


def _questions(portfolio: PortfolioAnalysis, pick: Pick, capacity: Capacity, lang: str) -> QuestionsSection:
    """The questions of the portfolio's catalog, each found by its kind, not by its place."""
    catalog = portfolio.catalog
    types = catalog.zones.relationship_types
    return QuestionsSection(
        over_investment_question=question_text(catalog, QuestionKind.OVER_INVESTMENT, lang),
        over_investing=pick(portfolio.over_investing),
        lean_or_strategic_question=question_text(catalog, QuestionKind.LEAN_OR_STRATEGIC, lang),
        lean_name=types[0].name.get(lang),
        lean=pick(portfolio.lean),
        strategic_name=types[-1].name.get(lang),
        strategic=pick(portfolio.strategic),
        capacity=capacity,
        scale_back_question=question_text(catalog, QuestionKind.SCALE_BACK, lang),
        scale_back=pick(portfolio.scale_back),
    )


def build_portfolio(
    portfolio: PortfolioAnalysis, lang: str, made_on: date, charts: PortfolioCharts
) -> PortfolioView:
    """The portfolio view, with its *charts* drawn apart (:func:`reportgen.charts.portfolio_charts`)."""
    rows = {id(e): _row(e, lang) for e in portfolio.entries}

    def pick(entries: Iterable[PortfolioEntry]) -> tuple[AccountRow, ...]:
        return tuple(rows[id(e)] for e in entries)

    capacity = Capacity(
        limit=portfolio.capacity.limit,
        accounts=pick(portfolio.capacity.accounts),
        exceeded=portfolio.capacity.exceeded,
    )
    appendix = tuple(
        _appendix(e, rows[id(e)], diagram, lang)
        for e, diagram in zip(portfolio.entries, charts.diagrams, strict=True)
    )
    return PortfolioView(
        lang=lang,
        made_on=made_on,
        period=str(portfolio.period),
        catalog_title=portfolio.catalog.title.get(lang),
        catalog_label=_catalogs_label(portfolio),
        cover=_cover(portfolio, pick, capacity, lang),
        map=MapSection(charts.map_svg),
        ranking=RankingSection(pick(portfolio.entries)),
        questions=_questions(portfolio, pick, capacity, lang),
        movements=MovementsSection(str(portfolio.previous_period), pick(portfolio.movements)),
        appendix=AppendixSection(appendix),
    )
