"""Effort and return over the portfolio: what the accounts of each zone take in hours and money and what
they give back, where serving takes the largest share of the margin, and the whale curve of the margin
left after service. Pure functions over the portfolio's entries and each account's :class:`CostToServe`.

**Rules**

- An account that gives no figure is listed, never counted as zero: a sum is over the accounts that
  give the fact summed, and is None where none does (not 0). Coverage says how many give their hours.
- Amounts in different currencies are never added: money is summed in the portfolio's *main currency*,
  the one most accounts with figures use (on a tie the catalog's ``economics`` currency where it is one
  of the tied, else the first by its code); accounts with figures in another currency are listed as not
  added. Hours are no amount and are added whatever the currency. A share (cost to serve ÷ margin) is a
  ratio, so accounts of any currency are ranked together by it.
- A share is computed only where its denominator is above zero: a zone's share of all hours, of all
  margin, a cost to serve's share of the margin.
- The zones are those of our view, as the portfolio's map, cover and ranking group the accounts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from reportgen.analysis.cost_to_serve import (
    EffortBenchmark,
    Freed,
    cost_to_serve_share,
    effort_benchmark,
    freed_by_scaling_back,
    share_of,
)
from reportgen.analysis.portfolio import PortfolioAnalysis, PortfolioEntry
from reportgen.model.findings import CostToServe


def _figures(entry: PortfolioEntry) -> CostToServe:
    return entry.analysis.cost_to_serve


def _sum(values: Iterable[float | None]) -> float | None:
    """The sum of the values given; None where none is (a sum of nothing given is not zero)."""
    given = [v for v in values if v is not None]
    return sum(given) if given else None


def main_currency(entries: Iterable[PortfolioEntry], preferred: str | None = None) -> str | None:
    """The currency most accounts with figures use; None where no account gives any. On a tie,
    *preferred* (the catalog's currency) where it is one of the tied, else the first by its code: the
    same input always gives the same currency."""
    counts = Counter(_figures(e).currency for e in entries if _figures(e).given)
    if not counts:
        return None
    most = max(counts.values())
    tied = sorted(currency for currency, count in counts.items() if count == most)
    return preferred if preferred in tied else tied[0]


@dataclass(frozen=True)
class Sums:
    """What a group of accounts takes and returns: hours over all that give them, money in *currency*
    over those that give it in that currency; each None where no account of the group gives it."""

    accounts: tuple[PortfolioEntry, ...]
    currency: str | None
    hours: float | None
    with_hours: int
    """How many of the accounts give their hours."""
    cost_to_serve: float | None
    contribution_margin: float | None
    margin_after_service: float | None
    """Over the accounts that give both margin and cost: a margin without its cost is not what is left."""

    cost_share: float | None = None
    """The cost to serve as a share of the contribution margin, by the accounts' own rule, over the accounts
    that give both: another's cost without its margin would count against a margin it is no part of."""
    paired: bool = True
    """Every account in *currency* that gives a cost to serve or a margin gives both: only then are the
    cost, the margin and the share of one set of accounts, and a sentence may name them together."""


def sums(entries: Iterable[PortfolioEntry], currency: str | None) -> Sums:
    entries = tuple(entries)
    hours = [_figures(e).effort_hours for e in entries]
    money = [_figures(e) for e in entries if _figures(e).currency == currency]
    both = [f for f in money if f.amount is not None and f.contribution_margin is not None]
    return Sums(
        accounts=entries,
        currency=currency,
        hours=_sum(hours),
        with_hours=sum(h is not None for h in hours),
        cost_to_serve=_sum(f.amount for f in money),
        contribution_margin=_sum(f.contribution_margin for f in money),
        margin_after_service=_sum(f.margin_after_service for f in money),
        cost_share=cost_to_serve_share(
            _sum(f.amount for f in both), _sum(f.contribution_margin for f in both)
        ),
        paired=len(both) == sum(f.amount is not None or f.contribution_margin is not None for f in money),
    )


@dataclass(frozen=True)
class GroupEffort:
    """A group of accounts (a zone, the frustration zone as a whole, the scale-back candidates) with its
    share of all hours and of all contribution margin."""

    sums: Sums
    hours_share: float | None
    margin_share: float | None
    zone_id: str | None = None
    """The zone's id, where the group is one zone."""


def group_effort(entries: Iterable[PortfolioEntry], total: Sums, zone_id: str | None = None) -> GroupEffort:
    group = sums(entries, total.currency)
    return GroupEffort(
        group,
        share_of(group.hours, total.hours),
        share_of(group.contribution_margin, total.contribution_margin),
        zone_id,
    )


@dataclass(frozen=True)
class WhalePoint:
    """One account on the whale curve and the margin after service of it and all before it."""

    entry: PortfolioEntry
    margin_after_service: float
    cumulative: float


@dataclass(frozen=True)
class WhaleCurve:
    currency: str | None
    points: tuple[WhalePoint, ...]
    """Most margin after service first."""

    @property
    def peak(self) -> WhalePoint | None:
        """The highest point, the first where several are as high: what the accounts up to it earn."""
        return max(self.points, key=lambda p: p.cumulative, default=None)

    @property
    def peak_at(self) -> int:
        """How many accounts, the most profitable first, the curve takes to reach its peak."""
        peak = self.peak
        return 0 if peak is None else self.points.index(peak) + 1

    @property
    def total(self) -> float | None:
        return self.points[-1].cumulative if self.points else None


def whale_curve(entries: Iterable[PortfolioEntry], currency: str | None) -> WhaleCurve:
    """The accounts in *currency* that give margin and cost, from the most margin after service to the
    least (by name where equal), each with the running sum: it climbs with the profitable accounts and
    falls with those that cost more than they bring."""
    given = [
        e
        for e in entries
        if _figures(e).currency == currency and _figures(e).margin_after_service is not None
    ]
    given.sort(key=lambda e: (-_figures(e).margin_after_service, e.name.casefold()))
    points, running = [], 0.0
    for entry in given:
        left = _figures(entry).margin_after_service
        running += left
        points.append(WhalePoint(entry, left, running))
    return WhaleCurve(currency, tuple(points))


def spending_beyond_return(entries: Iterable[PortfolioEntry]) -> tuple[PortfolioEntry, ...]:
    """The accounts that give cost and margin, where serving takes the largest share of the margin first.

    Ranked by the cost to serve's share of the margin, highest first, not by the margin left in money:
    the share compares a small account with a large one (a small margin left is not a sign of spending
    too much, a large share of it is), and it is a ratio, so accounts of every currency rank together. An
    account whose margin is nothing or less leads, whatever its cost: all we spend on it is beyond what
    comes back; among those, the one that loses most after service first. Equal ones keep the ranking's
    order (largest imbalance first).
    """

    def key(entry: PortfolioEntry):
        figures = _figures(entry)
        if figures.share is None:  # a margin of nothing or less: no share, but all is beyond it
            return (0, figures.margin_after_service, entry.rank)
        return (1, -figures.share, entry.rank)

    given = [
        e for e in entries if _figures(e).amount is not None and _figures(e).contribution_margin is not None
    ]
    return tuple(sorted(given, key=key))


@dataclass(frozen=True)
class AccountRelease:
    """What scaling one candidate back to the benchmark would free (see :func:`freed_by_scaling_back`)."""

    entry: PortfolioEntry
    freed: Freed

    @property
    def hours(self) -> float:
        return self.freed.hours

    @property
    def amount(self) -> float | None:
        return self.freed.amount


@dataclass(frozen=True)
class ScaleBack:
    """What the candidates to scale back bind, and what scaling them back to lean KAM would free."""

    candidates: GroupEffort
    benchmark: EffortBenchmark
    """The median hours of the accounts in lean KAM, the type scaling back leads to."""
    releases: tuple[AccountRelease, ...]
    """Per candidate that gives hours, where the benchmark is known."""

    @property
    def hours_freed(self) -> float | None:
        return _sum(r.hours for r in self.releases)

    @property
    def amount_freed(self) -> float | None:
        """In the main currency; None unless every candidate that frees hours prices them in it, so that
        the amount is what the hours said beside it are worth."""
        currency = self.candidates.sums.currency
        priced = [
            r.amount for r in self.releases if r.amount is not None and _figures(r.entry).currency == currency
        ]
        return _sum(priced) if len(priced) == len(self.releases) else None


@dataclass(frozen=True)
class EffortAndReturn:
    currency: str | None
    """The portfolio's main currency; None where no account gives any figure."""
    total: Sums
    zones: tuple[GroupEffort, ...]
    """Each zone that has an account, in the portfolio's order of zones."""
    frustration: GroupEffort
    """The supplier frustration zone as a whole, critical or not."""
    with_hours: tuple[PortfolioEntry, ...]
    without_hours: tuple[PortfolioEntry, ...]
    """Listed, never counted as zero; in the ranking's order."""
    other_currency: tuple[PortfolioEntry, ...]
    """Accounts with figures in another currency than the main one: their amounts are not added."""
    ranked: tuple[PortfolioEntry, ...]
    """See :func:`spending_beyond_return`."""
    whale: WhaleCurve
    scale_back: ScaleBack

    @property
    def given(self) -> bool:
        """Some account gives some figure: the report has a section on it."""
        return self.currency is not None


def effort_and_return(portfolio: PortfolioAnalysis) -> EffortAndReturn:
    entries = portfolio.entries
    currency = main_currency(entries, portfolio.catalog.economics.currency)
    total = sums(entries, currency)
    zones = tuple(
        group_effort((e for e in entries if e.analysis.zone.id == zone), total, zone)
        for zone, count in portfolio.zone_counts
        if count
    )
    # the supplier frustration zone as a whole, critical or not: what the cover counts as over-investing
    frustration = group_effort(portfolio.over_investing, total)
    # a candidate's customer invests below a preferred partner, so scaling back aims at the lowest type
    # (each candidate's customer_level, as a briefing measures it): one benchmark for them all
    lean = portfolio.catalog.zones.relationship_types[0]
    benchmark = effort_benchmark((e.analysis for e in entries), lean)
    releases = tuple(
        AccountRelease(e, freed)
        for e in portfolio.scale_back
        if (freed := freed_by_scaling_back(_figures(e), benchmark)) is not None
    )
    return EffortAndReturn(
        currency=currency,
        total=total,
        zones=zones,
        frustration=frustration,
        with_hours=tuple(e for e in entries if _figures(e).effort_hours is not None),
        without_hours=tuple(e for e in entries if _figures(e).effort_hours is None),
        other_currency=tuple(e for e in entries if _figures(e).given and _figures(e).currency != currency),
        ranked=spending_beyond_return(entries),
        whale=whale_curve(entries, currency),
        scale_back=ScaleBack(group_effort(portfolio.scale_back, total), benchmark, releases),
    )
