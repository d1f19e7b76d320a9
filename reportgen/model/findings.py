"""What the analysis found: indices, zones, factor results, perception gaps and coverage, per view and
per role, and what serving the account costs, for one account in one period.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reportgen.common.rounding import shown_score
from reportgen.model.assessment import Assessment, Side, TwoSides, View
from reportgen.model.catalog import Catalog, Factor, RelationshipType


class ZoneKind(StrEnum):
    BALANCED = "balanced"
    SUPPLIER_FRUSTRATION = "supplier_frustration"
    ACCOUNT_INVESTS_MORE = "account_invests_more"


SUPPLIER_FRUSTRATION_CRITICAL = f"{ZoneKind.SUPPLIER_FRUSTRATION}_critical"
IMBALANCE_ZONE_IDS = (
    str(ZoneKind.SUPPLIER_FRUSTRATION),
    SUPPLIER_FRUSTRATION_CRITICAL,
    str(ZoneKind.ACCOUNT_INVESTS_MORE),
)
"""The zones outside the balanced band, by id, in the order reports list them."""


@dataclass(frozen=True)
class Zone:
    kind: ZoneKind
    relationship_type: RelationshipType | None = None
    critical: bool = False

    @property
    def id(self) -> str:
        """A stable id for styling and exports: the relationship type, or the imbalance zone."""
        if self.relationship_type is not None:
            return self.relationship_type.id
        return SUPPLIER_FRUSTRATION_CRITICAL if self.critical else str(self.kind)


class IntendedFit(StrEnum):
    """How the account stands against the relationship type it is meant to have (its intended type)."""

    ON_TARGET = "on_target"
    OVER_INVESTED = "over_invested"
    """We invest beyond what the type needs: in the frustration zone, or at a higher type's level."""
    UNDER_INVESTED = "under_invested"
    """The relationship stays below the type, or the key account invests more than we answer."""


@dataclass(frozen=True)
class Spread:
    """One side's scores of one factor by each rater of a view who rated it, lowest first: the spread a
    mean hides ("2 excellent + 2 poor" is not "average"). It holds no names, so no score is anyone's."""

    scores: tuple[float, ...] = ()

    @property
    def raters(self) -> int:
        return len(self.scores)

    @property
    def low(self) -> float | None:
        return self.scores[0] if self.scores else None

    @property
    def high(self) -> float | None:
        return self.scores[-1] if self.scores else None

    @property
    def width(self) -> float:
        return self.scores[-1] - self.scores[0] if self.scores else 0.0


@dataclass(frozen=True)
class FactorResult(TwoSides):
    factor: Factor
    number: int
    supplier: float | None
    key_account: float | None
    comments: tuple[str, ...] = ()
    """Every comment on the factor: for our own reports only."""
    balance_points: float | None = None
    """What this factor adds to the balance S − K, in index points (weighted share of the gap)."""
    supplier_spread: Spread = Spread()
    key_account_spread: Spread = Spread()
    disagreement: bool = False
    """The view's raters differ on a side by the catalog's ``voices.disagreement_points`` or more: a factor
    to discuss in the team before anyone acts on its mean."""
    shared_comments: tuple[str, ...] = ()
    """The comments the workbooks mark to share: the only ones the key account's edition shows."""

    @property
    def gap(self) -> float | None:
        """Supplier score − key account score, in scale points; None unless both are rated."""
        if not self.rated_both:
            return None
        return shown_score(self.supplier - self.key_account)

    @property
    def over_investor(self) -> Side | None:
        gap = self.gap
        if not gap:
            return None
        return Side.SUPPLIER if gap > 0 else Side.KEY_ACCOUNT


class GapClass(StrEnum):
    """How our view of a factor's side differs from the key account's own (our score minus theirs)."""

    UNSEEN_BY_ACCOUNT = "unseen_by_account"
    """We rate our investment higher than the key account does: it does not see what we give."""
    UNDERRATED_BY_US = "underrated_by_us"
    """The key account rates our investment higher than we do: it values more than we think."""
    OVERRATED_ACCOUNT = "overrated_account"
    """We rate the key account's investment higher than it does itself."""
    UNSEEN_BY_US = "unseen_by_us"
    """The key account rates its own investment higher than we do: we do not see what it gives."""
    ALIGNED = "aligned"


@dataclass(frozen=True)
class PerceptionGap:
    """One factor as we see it and as the key account sees it; a gap is our view minus theirs, in scale
    points, and None where either view left that side unrated."""

    ours: FactorResult
    theirs: FactorResult
    supplier: float | None
    key_account: float | None
    supplier_class: GapClass | None
    key_account_class: GapClass | None

    @property
    def factor(self) -> Factor:
        return self.ours.factor

    @property
    def number(self) -> int:
        return self.ours.number

    @property
    def size(self) -> float:
        """The larger of the two sides' gaps, whatever their sign: what orders the perception page."""
        return max((abs(g) for g in (self.supplier, self.key_account) if g is not None), default=0.0)


@dataclass(frozen=True)
class Coverage:
    rated_both: int
    rated_any: int
    total: int

    @property
    def share(self) -> float:
        return self.rated_both / self.total if self.total else 0.0


class Indices:
    """S and K in whole points, as every report shows them, and the balance they make: the rule written
    once for an account, a view, a role, a projection and a change."""

    supplier_index: int
    key_account_index: int

    @property
    def balance(self) -> int:
        """S − K: positive when we invest more than the key account."""
        return self.supplier_index - self.key_account_index


@dataclass(frozen=True)
class ViewFigures(Indices):
    """S, K, balance and zone as one view's raters see them, from their mean scores."""

    view: View
    factors: tuple[FactorResult, ...]
    supplier_index: int
    key_account_index: int
    zone: Zone
    exact_supplier_index: float
    exact_key_account_index: float
    coverage: Coverage


@dataclass(frozen=True)
class RoleFigures(Indices):
    """S and K as the raters of one role see them; only for roles with enough raters that no one's scores
    can be singled out (the catalog's ``voices.smallest_role_group``)."""

    role: str
    raters: int
    supplier_index: int
    key_account_index: int


@dataclass(frozen=True)
class CostToServe:
    """What serving the account costs a year and what it returns, all in *currency*; each figure None where
    the facts it needs are not given (see :mod:`reportgen.analysis.cost_to_serve`), never zero."""

    currency: str = "EUR"
    effort_hours: float | None = None
    hourly_rate: float | None = None
    rate_from_catalog: bool = False
    """The hourly rate is the catalog's, not one the workbook gives."""
    other_cost: float | None = None
    amount: float | None = None
    """The cost to serve: hours × hourly rate + other cost to serve."""
    contribution_margin: float | None = None
    margin_share_of_revenue: float | None = None
    """The share of the revenue the margin was given as, where it was (and reckoned from the revenue)."""
    share: float | None = None
    """The cost to serve as a share of the contribution margin; None unless the margin is above zero."""
    margin_after_service: float | None = None
    """The contribution margin less the cost to serve."""

    @property
    def given(self) -> bool:
        """Whether the workbook gives any of the facts: an account without is left out of sums, not zero."""
        facts = (self.effort_hours, self.other_cost, self.contribution_margin, self.margin_share_of_revenue)
        return any(value is not None for value in facts)


@dataclass(frozen=True)
class AccountAnalysis(Indices):
    assessment: Assessment
    factors: tuple[FactorResult, ...]
    supplier_index: int
    """S in whole points, as every report shows it; balance and zone follow from it."""
    key_account_index: int
    zone: Zone
    drivers: tuple[FactorResult, ...]
    coverage: Coverage
    catalog: Catalog
    """The catalog it was analysed with: each assessment with its own, so one quarter may mix them."""
    exact_supplier_index: float
    """S before rounding, for exports that average many accounts; no report shows it."""
    exact_key_account_index: float
    key_account_view: ViewFigures | None = None
    """S, K and zone as the key account's contacts see them; None until one has answered."""
    perception: tuple[PerceptionGap, ...] = ()
    """Per factor rated in both views, largest gap first; empty without the key account's view."""
    roles: tuple[RoleFigures, ...] = ()
    cost_to_serve: CostToServe = CostToServe()
    """What serving the account costs and returns, where our team's workbook gives the facts."""

    @property
    def zones_disagree(self) -> bool:
        """The key account's own view puts the account in another zone than ours: the headline then."""
        return self.key_account_view is not None and self.key_account_view.zone.id != self.zone.id

    @property
    def disagreements(self) -> tuple[FactorResult, ...]:
        """The factors the team should discuss: its raters differ widely on one side."""
        return tuple(f for f in self.factors if f.disagreement)

    @property
    def catalog_label(self) -> str:
        return self.catalog.label()
