"""What serving an account costs and what it returns: the figures behind "do we invest more than the account
gives back?" in money, where the index answers it in points.

**Rules** (each figure None where a fact it needs is not given; a fact not given is never read as zero):

- *cost to serve* = effort hours × hourly rate + other cost to serve. No cost without hours; other cost
  left blank adds nothing. The hourly rate is the workbook's own, else the catalog's (``economics``) where
  the account's amounts are in the catalog's currency: amounts in different currencies are never added.
- *contribution margin*: as given, or its share of the annual revenue (``18 %``) times the revenue.
- *share* = cost to serve ÷ contribution margin, only for a margin above zero: of a margin of nothing or
  less, no share is meaningful.
- *margin after service* = contribution margin − cost to serve.

**Benchmark.** How much effort an account of a relationship type takes, the user's own portfolio tells:
the median hours of the accounts that are in that type in the same quarter, where at least
:data:`BENCHMARK_ACCOUNTS` of them give hours. No coefficient is invented where the portfolio has too few.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import median

from reportgen.model.assessment import AccountFacts
from reportgen.model.catalog import Economics, RelationshipType
from reportgen.model.findings import AccountAnalysis, CostToServe

BENCHMARK_ACCOUNTS = 3
"""A median of fewer accounts would be one account's habit, not a benchmark."""


def cost_to_serve(hours: float | None, hourly_rate: float | None, other_cost: float | None) -> float | None:
    if hours is None or hourly_rate is None:
        return None
    return hours * hourly_rate + (other_cost or 0.0)


def share_of(part: float | None, whole: float | None) -> float | None:
    """*part* of *whole*; None where either is not known or *whole* is not above zero: of nothing, or of a
    loss, no share is meaningful."""
    if part is None or whole is None or whole <= 0:
        return None
    return part / whole


def cost_to_serve_share(cost: float | None, margin: float | None) -> float | None:
    return share_of(cost, margin)


def margin_after_service(margin: float | None, cost: float | None) -> float | None:
    if margin is None or cost is None:
        return None
    return margin - cost


def contribution_margin(account: AccountFacts) -> float | None:
    """The margin as given, or its share of the revenue times the revenue; None without the revenue."""
    service = account.service
    if service.margin_share is None:
        return service.contribution_margin
    if account.annual_revenue is None:
        return None
    return service.margin_share * account.annual_revenue


def hourly_rate(account: AccountFacts, economics: Economics) -> tuple[float | None, bool]:
    """The rate an hour of the account costs, and whether it is the catalog's; the catalog's only for an
    account that gives hours, for the others it would be a figure of nothing."""
    if account.service.hourly_rate is not None:
        return account.service.hourly_rate, False
    if account.service.effort_hours is None:
        return None, False
    if economics.hourly_rate is not None and economics.currency == account.currency:
        return economics.hourly_rate, True
    return None, False


def account_cost_to_serve(account: AccountFacts, economics: Economics) -> CostToServe:
    """The account's figures by the rules of this module."""
    service = account.service
    rate, from_catalog = hourly_rate(account, economics)
    cost = cost_to_serve(service.effort_hours, rate, service.other_cost)
    margin = contribution_margin(account)
    return CostToServe(
        currency=account.currency,
        effort_hours=service.effort_hours,
        hourly_rate=rate,
        rate_from_catalog=from_catalog,
        other_cost=service.other_cost,
        amount=cost,
        contribution_margin=margin,
        margin_share_of_revenue=service.margin_share,
        share=cost_to_serve_share(cost, margin),
        margin_after_service=margin_after_service(margin, cost),
    )


@dataclass(frozen=True)
class EffortBenchmark:
    """The usual effort of an account of *relationship*: the median hours of *accounts* accounts."""

    relationship: RelationshipType
    median_hours: float | None
    """None while fewer than :data:`BENCHMARK_ACCOUNTS` accounts of the type give hours."""
    accounts: int
    """How many accounts of the type give hours."""


def effort_benchmark(analyses: Iterable[AccountAnalysis], relationship: RelationshipType) -> EffortBenchmark:
    """The median hours of the accounts of *analyses* (one quarter's) that are in *relationship* today."""
    hours = [
        a.cost_to_serve.effort_hours
        for a in analyses
        if a.zone.relationship_type == relationship and a.cost_to_serve.effort_hours is not None
    ]
    typical = median(hours) if len(hours) >= BENCHMARK_ACCOUNTS else None
    return EffortBenchmark(relationship, typical, len(hours))


@dataclass(frozen=True)
class Freed:
    """What scaling back to a benchmark would free in a year."""

    hours: float
    amount: float | None
    """The hours at the account's hourly rate; None without one in its currency."""


def freed_by_scaling_back(cost: CostToServe, benchmark: EffortBenchmark) -> Freed | None:
    """The hours above the benchmark's median, and what they cost; None without a median or hours, and
    no hours at all where the account takes no more than the median."""
    if benchmark.median_hours is None or cost.effort_hours is None:
        return None
    hours = max(cost.effort_hours - benchmark.median_hours, 0.0)
    return Freed(hours, hours * cost.hourly_rate if cost.hourly_rate is not None else None)
