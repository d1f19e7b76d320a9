"""From an assessment to indices, balance, zone and the factors behind it. Pure functions only.

Definitions (all thresholds come from the catalog):
- each score maps linearly onto 0–100 (scale minimum → 0, maximum → 100);
- the supplier index S and the key account index K are the weighted means of those values over the
  factors rated on *both* sides, so that the balance compares like with like;
- balance = S − K; within ± ``balance_tolerance`` the relationship is balanced and typed by the
  lower index, above it the supplier frustration zone (critical above ``critical_imbalance``),
  below it the key account invests more.

Scores, S and K are rounded once, here, to what reports show, and balance and zone follow from the
rounded figures (see :mod:`reportgen.figures`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from statistics import fmean

from reportgen.catalog import Catalog, Zones
from reportgen.figures import shown_score, whole_points
from reportgen.model import (
    IMBALANCE_ZONE_IDS,
    AccountAnalysis,
    Assessment,
    Coverage,
    FactorRating,
    FactorResult,
    Perspective,
    Zone,
    ZoneKind,
)

DRIVER_LIMIT = 5


class NothingToAnalyse(ValueError):
    """No factor is rated on both sides, so there is no balance to compute."""


def _mean(values: list[float]) -> float | None:
    """The raters' mean score, rounded as reports show it."""
    return shown_score(fmean(values)) if values else None


def combine_ratings(
    catalog: Catalog, ratings: tuple[FactorRating, ...], perspective: Perspective = Perspective.SUPPLIER_TEAM
) -> tuple[FactorResult, ...]:
    """One result per catalog factor, averaging the raters of *perspective*; unrated stays None."""
    supplier: dict[str, list[float]] = defaultdict(list)
    key_account: dict[str, list[float]] = defaultdict(list)
    comments: dict[str, list[str]] = defaultdict(list)
    for rating in ratings:
        if rating.perspective is not perspective:
            continue
        if rating.supplier is not None:
            supplier[rating.factor_id].append(rating.supplier)
        if rating.key_account is not None:
            key_account[rating.factor_id].append(rating.key_account)
        if rating.comment:
            comments[rating.factor_id].append(rating.comment)
    return tuple(
        FactorResult(
            factor=factor,
            number=catalog.factor_numbers[factor.id],
            supplier=_mean(supplier[factor.id]),
            key_account=_mean(key_account[factor.id]),
            comments=tuple(comments[factor.id]),
        )
        for factor in catalog.factors
    )


def weighted_indices(catalog: Catalog, results: tuple[FactorResult, ...]) -> tuple[float, float]:
    """(S, K) on 0–100 over the factors rated on both sides."""
    paired = [r for r in results if r.rated_both]
    if not paired:
        raise NothingToAnalyse
    total_weight = sum(r.factor.weight for r in paired)
    scale = catalog.scale
    s = sum(r.factor.weight * scale.normalise(r.supplier) for r in paired) / total_weight
    k = sum(r.factor.weight * scale.normalise(r.key_account) for r in paired) / total_weight
    return s, k


def with_balance_points(catalog: Catalog, results: tuple[FactorResult, ...]) -> tuple[FactorResult, ...]:
    """Each paired factor's share of S − K; the shares add up to the balance exactly."""
    from dataclasses import replace

    total_weight = sum(r.factor.weight for r in results if r.rated_both)
    span = catalog.scale.max - catalog.scale.min
    return tuple(
        replace(r, balance_points=r.factor.weight * r.gap / span * 100 / total_weight) if r.rated_both else r
        for r in results
    )


def zone_ids(catalog: Catalog) -> tuple[str, ...]:
    """Every zone id, from the lowest relationship type to the highest, then the imbalances."""
    return (*(r.id for r in catalog.zones.relationship_types), *IMBALANCE_ZONE_IDS)


def classify_zone(supplier_index: float, key_account_index: float, zones: Zones) -> Zone:
    balance = supplier_index - key_account_index
    if balance > zones.balance_tolerance:
        return Zone(ZoneKind.SUPPLIER_FRUSTRATION, critical=balance > zones.critical_imbalance)
    if -balance > zones.balance_tolerance:
        return Zone(ZoneKind.ACCOUNT_INVESTS_MORE)
    lower = min(supplier_index, key_account_index)
    relationship = [t for t in zones.relationship_types if t.admits(lower)][-1]
    return Zone(ZoneKind.BALANCED, relationship_type=relationship)


def zone_changed(before: AccountAnalysis | None, now: AccountAnalysis) -> bool:
    """Whether the account is in another zone than at its assessment *before* (None: there was none).

    Zones are compared by id, not by name: a catalog version that words a zone anew moves no account.
    """
    return before is not None and before.zone.id != now.zone.id


def imbalance_drivers(
    results: tuple[FactorResult, ...], zone: Zone, limit: int = DRIVER_LIMIT
) -> tuple[FactorResult, ...]:
    """The factors that drive the imbalance, largest share of the balance first.

    In a frustration zone only factors where we invest more count, where the key account invests more
    only those; in a balanced relationship the largest gaps of either direction, ordered
    :func:`by_share_of_balance`.
    """

    def pushes(r: FactorResult) -> bool:
        if not r.balance_points:
            return False
        if zone.kind is ZoneKind.SUPPLIER_FRUSTRATION:
            return r.balance_points > 0
        if zone.kind is ZoneKind.ACCOUNT_INVESTS_MORE:
            return r.balance_points < 0
        return True

    return tuple(by_share_of_balance(r for r in results if pushes(r))[:limit])


def by_share_of_balance(results: Iterable[FactorResult]) -> list[FactorResult]:
    """Factors by their share of the balance, largest first: the order every report names them in.

    Among equal shares a factor with a comment comes first, because it tells the reader why; then the
    catalog's order. Shares are compared at 9 decimals so that equal gaps tie despite float noise.
    """
    return sorted(results, key=lambda r: (-round(abs(r.balance_points or 0), 9), not r.comments, r.number))


def analyse(assessment: Assessment, catalog: Catalog | None = None) -> AccountAnalysis:
    """The analysis of *assessment* with *catalog*, by default the one it was read with."""
    catalog = catalog or assessment.catalog
    if catalog is None:
        raise ValueError("an assessment read without a catalog needs one to be analysed")
    results = combine_ratings(catalog, assessment.ratings)
    exact_s, exact_k = weighted_indices(catalog, results)
    s, k = whole_points(exact_s), whole_points(exact_k)
    results = with_balance_points(catalog, results)
    zone = classify_zone(s, k, catalog.zones)
    return AccountAnalysis(
        assessment=assessment,
        factors=results,
        supplier_index=s,
        key_account_index=k,
        exact_supplier_index=exact_s,
        exact_key_account_index=exact_k,
        zone=zone,
        drivers=imbalance_drivers(results, zone),
        coverage=Coverage(
            rated_both=sum(r.rated_both for r in results),
            rated_any=sum(r.rated_any for r in results),
            total=len(results),
        ),
        catalog=catalog,
    )
