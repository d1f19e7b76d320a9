"""The accounts as the sections of the portfolio list them: a row with the account's figures, worded by
its own catalog; where each of two views puts it; and the strategic partnerships counted against what a
company can carry, which the cover and the questions both show.

A row is made once per account and shared by every section that names the account (the cover, the
ranking, the questions, the actions, the appendix), so an account reads alike wherever it appears; the
rows stand apart from the sections so that no section depends on another for them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reportgen.analysis.portfolio import PortfolioEntry
from reportgen.common.i18n import N_, gettext_for
from reportgen.common.writing import slugify
from reportgen.model.findings import AccountAnalysis, ViewFigures
from reportgen.views.labels import zone_label, zone_name

DRIVERS_SHOWN = 3

AS_THE_KEY_ACCOUNT_SEES_IT = N_("as the key account sees it")
"""Marks an answer given with the key account's own view rather than ours."""


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
    seen_as: str | None = None
    """Whose view the row's figures give, where it is not ours: "as the key account sees it"."""


@dataclass(frozen=True)
class ViewPosition:
    """Where one view puts an account."""

    zone_id: str
    zone_name: str
    supplier_index: int
    key_account_index: int


@dataclass(frozen=True)
class ZoneDisagreement:
    """An account that the key account's own view puts in another zone than ours."""

    row: AccountRow
    ours: ViewPosition
    theirs: ViewPosition


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
class Rows:
    """Each of the portfolio's entries as a row, made once and shared by every section: a section asks
    for one entry's row (:meth:`of`) or for the rows of several, in their order (calling it)."""

    by_entry: dict[int, AccountRow]

    def of(self, entry: PortfolioEntry) -> AccountRow:
        return self.by_entry[id(entry)]

    def __call__(self, entries: Iterable[PortfolioEntry]) -> tuple[AccountRow, ...]:
        return tuple(self.of(entry) for entry in entries)


def factor_note(result, lang: str, change: float | None = None) -> FactorNote:
    factor = result.factor
    return FactorNote(result.number, factor.label(lang), factor.title.get(lang), result.supplier,
                      result.key_account, change)  # fmt: skip


def account_row(entry: PortfolioEntry, lang: str, analysis: AccountAnalysis | None = None) -> AccountRow:
    """An account's row, worded by its own catalog (its zone, its intended relationship): with our view's
    figures, or those of *analysis* (the figures the coaching answers use), marked where they are the
    key account's."""
    seen_as = None
    if analysis is not None and analysis is not entry.analysis:
        seen_as = gettext_for(lang)(AS_THE_KEY_ACCOUNT_SEES_IT)
    analysis = analysis or entry.analysis
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
        drivers=tuple(factor_note(d, lang) for d in analysis.drivers[:DRIVERS_SHOWN]),
        moves=tuple(factor_note(m.now, lang, m.change) for m in entry.factor_moves),
        seen_as=seen_as,
    )


def _position(figures: AccountAnalysis | ViewFigures, catalog, lang: str) -> ViewPosition:
    return ViewPosition(
        figures.zone.id,
        zone_name(figures.zone, catalog, lang),
        figures.supplier_index,
        figures.key_account_index,
    )


def zone_disagreement(entry: PortfolioEntry, row: AccountRow, lang: str) -> ZoneDisagreement:
    analysis = entry.analysis
    theirs = analysis.key_account_view
    assert theirs is not None, "only a key account's own view can disagree with ours"
    return ZoneDisagreement(
        row, _position(analysis, analysis.catalog, lang), _position(theirs, analysis.catalog, lang)
    )
