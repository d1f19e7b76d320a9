"""From an assessment to indices, balance, zone and the factors behind it. Pure functions only.

Definitions (all thresholds come from the catalog):
- each score maps linearly onto 0–100 (scale minimum → 0, maximum → 100);
- the supplier index S and the key account index K are the weighted means of those values over the
  factors rated on *both* sides, so that the balance compares like with like;
- balance = S − K; within ± ``balance_tolerance`` the relationship is balanced and typed by the
  lower index, above it the supplier frustration zone (critical above ``critical_imbalance``),
  below it the key account invests more.

Scores, S and K are rounded once, here, to what reports show, and balance and zone follow from the
rounded figures (see :mod:`reportgen.common.rounding`).

Several voices (thresholds in the catalog's ``voices``):
- each view's score of a side is the mean over that view's raters who rated it; a blank stays unrated.
  Our team's view gives the figures every report is built on, the key account's own view the same
  figures beside them;
- the team's spread per factor and side is kept with the mean, and a wide one flagged for discussion;
- a perception gap is our view's score minus the key account's, per side, classed by its sign.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from statistics import fmean

from reportgen.analysis.cost_to_serve import account_cost_to_serve
from reportgen.common.rounding import reaches, shown_score, whole_points
from reportgen.model.assessment import Assessment, FactorRating, Side, View, identity_key
from reportgen.model.catalog import Catalog, Zones
from reportgen.model.findings import (
    IMBALANCE_ZONE_IDS,
    AccountAnalysis,
    Coverage,
    FactorResult,
    GapClass,
    IntendedFit,
    PerceptionGap,
    RoleFigures,
    Spread,
    ViewFigures,
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
    catalog: Catalog, ratings: Iterable[FactorRating], view: View = View.SUPPLIER
) -> tuple[FactorResult, ...]:
    """One result per catalog factor: the mean of *view*'s raters who rated it, and their spread; unrated
    stays None. Ratings of factors the catalog does not hold are not counted."""
    supplier: dict[str, list[float]] = defaultdict(list)
    key_account: dict[str, list[float]] = defaultdict(list)
    comments: dict[str, list[str]] = defaultdict(list)
    shared_comments: dict[str, list[str]] = defaultdict(list)
    for rating in ratings:
        if rating.view is not view:
            continue
        if rating.supplier is not None:
            supplier[rating.factor_id].append(rating.supplier)
        if rating.key_account is not None:
            key_account[rating.factor_id].append(rating.key_account)
        if rating.comment:
            comments[rating.factor_id].append(rating.comment)
            if rating.comment_shared:
                shared_comments[rating.factor_id].append(rating.comment)
    wide = catalog.voices.disagreement_points
    results = []
    for factor in catalog.factors:
        spreads = Spread(tuple(sorted(supplier[factor.id]))), Spread(tuple(sorted(key_account[factor.id])))
        results.append(
            FactorResult(
                factor=factor,
                number=catalog.factor_numbers[factor.id],
                supplier=_mean(supplier[factor.id]),
                key_account=_mean(key_account[factor.id]),
                comments=tuple(comments[factor.id]),
                supplier_spread=spreads[0],
                key_account_spread=spreads[1],
                disagreement=any(reaches(spread.width, wide) for spread in spreads),
                shared_comments=tuple(shared_comments[factor.id]),
            )
        )
    return tuple(results)


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


def intended_fit(
    supplier_index: float, zone: Zone, intended_id: str | None, zones: Zones
) -> IntendedFit | None:
    """Whether an account in *zone* with our index *supplier_index* is the type it is meant to be.

    - on target: the zone is the intended type (balanced, the lower index within the type's bounds);
    - over-invested: we invest beyond what the type needs – the supplier frustration zone whatever the
      type, or S at the level of a higher type (the next type admits S), even where the key account
      invests more still: then it is our investment that is wrong for the type;
    - under-invested: otherwise – balanced below the type, or the key account invests more than we do
      while our S stays within the type's level.

    The verdict names the way our own investment has to go: scale back when over-invested, answer in
    kind or ask more of the key account when under-invested. None without an intended type, or with an
    id the catalog does not hold (the reader rejects those; a changed catalog may not).
    """
    types = zones.relationship_types
    position = next((i for i, t in enumerate(types) if t.id == intended_id), None)
    if position is None:
        return None
    if zone.relationship_type is not None and zone.relationship_type.id == intended_id:
        return IntendedFit.ON_TARGET
    higher = types[position + 1] if position + 1 < len(types) else None
    if zone.kind is ZoneKind.SUPPLIER_FRUSTRATION or (higher is not None and higher.admits(supplier_index)):
        return IntendedFit.OVER_INVESTED
    return IntendedFit.UNDER_INVESTED


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
        share = r.balance_points or 0  # None: not rated on both sides, no share
        if zone.kind is ZoneKind.SUPPLIER_FRUSTRATION:
            return share > 0
        if zone.kind is ZoneKind.ACCOUNT_INVESTS_MORE:
            return share < 0
        return share != 0

    return tuple(by_share_of_balance(r for r in results if pushes(r))[:limit])


def by_share_of_balance(results: Iterable[FactorResult]) -> list[FactorResult]:
    """Factors by their share of the balance, largest first: the order every report names them in. Only
    factors with a gap are named (the drivers, the largest gaps, the factors one side is ahead in), and
    only factors rated on both sides have one, and a share.

    Among equal shares a factor with a comment comes first, because it tells the reader why; then the
    catalog's order. Shares are compared at 9 decimals so that equal gaps tie despite float noise.
    """
    return sorted(results, key=lambda r: (-round(abs(r.balance_points), 9), not r.comments, r.number))


def largest_gaps(results: Iterable[FactorResult]) -> list[FactorResult]:
    """The factors whose sides lie apart, in the order every report names gaps in (see
    :func:`by_share_of_balance`), so that a briefing and the portfolio's appendix never disagree on which
    come first."""
    return by_share_of_balance(r for r in results if r.gap)


def view_figures(catalog: Catalog, ratings: Iterable[FactorRating], view: View) -> ViewFigures:
    """S, K, balance and zone from the mean scores of *view*'s raters."""
    results = combine_ratings(catalog, ratings, view)
    exact_s, exact_k = weighted_indices(catalog, results)
    s, k = whole_points(exact_s), whole_points(exact_k)
    return ViewFigures(
        view=view,
        factors=with_balance_points(catalog, results),
        supplier_index=s,
        key_account_index=k,
        zone=classify_zone(s, k, catalog.zones),
        exact_supplier_index=exact_s,
        exact_key_account_index=exact_k,
        coverage=Coverage(
            rated_both=sum(r.rated_both for r in results),
            rated_any=sum(r.rated_any for r in results),
            total=len(results),
        ),
    )


GAP_CLASSES = {
    Side.SUPPLIER: (GapClass.UNSEEN_BY_ACCOUNT, GapClass.UNDERRATED_BY_US),
    Side.KEY_ACCOUNT: (GapClass.OVERRATED_ACCOUNT, GapClass.UNSEEN_BY_US),
}
"""What a perception gap of a side says: where our view scores it higher, and where the key account's does."""


def gap_class(gap: float | None, side: Side, threshold: float) -> GapClass | None:
    """What our view's score minus the key account's says about one side (None: a view left it unrated)."""
    if gap is None:
        return None
    if not reaches(abs(gap), threshold):
        return GapClass.ALIGNED
    ours_higher, theirs_higher = GAP_CLASSES[side]
    return ours_higher if gap > 0 else theirs_higher


def _difference(ours: float | None, theirs: float | None) -> float | None:
    return None if ours is None or theirs is None else shown_score(ours - theirs)


def perception_gaps(
    ours: tuple[FactorResult, ...], theirs: tuple[FactorResult, ...], threshold: float
) -> tuple[PerceptionGap, ...]:
    """Each factor that both views rated on a side at least, largest gap first (then the catalog's order)."""
    gaps = []
    for our, their in zip(ours, theirs, strict=True):
        supplier = _difference(our.supplier, their.supplier)
        key_account = _difference(our.key_account, their.key_account)
        if supplier is None and key_account is None:
            continue
        gaps.append(
            PerceptionGap(
                our,
                their,
                supplier,
                key_account,
                gap_class(supplier, Side.SUPPLIER, threshold),
                gap_class(key_account, Side.KEY_ACCOUNT, threshold),
            )
        )
    return tuple(sorted(gaps, key=lambda gap: (-gap.size, gap.number)))


def role_figures(catalog: Catalog, assessment: Assessment) -> tuple[RoleFigures, ...]:
    """S and K by role of our team, in the order the roles first appear (a role matched as
    :func:`~reportgen.model.assessment.identity_key` matches names), only where no one's scores can be
    singled out: each role shown has at least ``voices.smallest_role_group`` raters, and so have the
    raters left over, or there are none. The team's mean is on the same page, so with three of Sales and
    one of Service the Sales figures would give away the Service rater's. Smaller roles are left out, the
    smallest first, until the rest is large enough."""
    smallest = catalog.voices.smallest_role_group
    team = assessment.raters_of(View.SUPPLIER)
    by_role: dict[str, list] = {}
    for rater in team:
        if rater.role:
            by_role.setdefault(identity_key(rater.role), []).append(rater)
    shown = [raters for raters in by_role.values() if len(raters) >= smallest]
    while shown and 0 < len(team) - sum(map(len, shown)) < smallest:
        shown.remove(min(shown, key=len))
    figures = []
    for raters in shown:
        ratings = [r for r in assessment.ratings if r.rater in raters]
        try:
            s, k = weighted_indices(catalog, combine_ratings(catalog, ratings))
        except NothingToAnalyse:
            continue
        figures.append(RoleFigures(raters[0].role, len(raters), whole_points(s), whole_points(k)))
    return tuple(figures)


def analyse(assessment: Assessment, catalog: Catalog | None = None) -> AccountAnalysis:
    """The analysis of *assessment* with *catalog*, by default the one it was read with: our team's view,
    and the key account's own beside it where its contacts answered."""
    catalog = catalog or assessment.catalog
    if catalog is None:
        raise ValueError("an assessment read without a catalog needs one to be analysed")
    ours = view_figures(catalog, assessment.ratings, View.SUPPLIER)
    theirs = None
    if assessment.has_key_account_view:
        try:
            theirs = view_figures(catalog, assessment.ratings, View.KEY_ACCOUNT)
        except NothingToAnalyse:
            theirs = None
    perception = (
        perception_gaps(ours.factors, theirs.factors, catalog.voices.perception_gap_points) if theirs else ()
    )
    return AccountAnalysis(
        assessment=assessment,
        catalog=catalog,
        key_account_view=theirs,
        perception=perception,
        roles=role_figures(catalog, assessment),
        cost_to_serve=account_cost_to_serve(assessment.account, catalog.economics),
        **_figures_of(ours),
    )


def _figures_of(figures: ViewFigures) -> dict:
    """The fields of an analysis that one view's figures give: one place that maps the two."""
    return {
        "factors": figures.factors,
        "supplier_index": figures.supplier_index,
        "key_account_index": figures.key_account_index,
        "exact_supplier_index": figures.exact_supplier_index,
        "exact_key_account_index": figures.exact_key_account_index,
        "zone": figures.zone,
        "drivers": imbalance_drivers(figures.factors, figures.zone),
        "coverage": figures.coverage,
    }


def as_seen_in(analysis: AccountAnalysis, figures: ViewFigures) -> AccountAnalysis:
    """*analysis* with another view's figures as its own (factors, S, K, zone, drivers, coverage); the
    key account's view and the perception gaps stay beside them."""
    return replace(analysis, **_figures_of(figures))
