"""A rebalancing proposal: the few factor moves that would bring an account into its target zone.

A briefing says where a relationship stands; this says what would change it. The proposal is a what-if,
computed from the scores of the analysis it is given, never a forecast. Pure and deterministic: the same
analysis always gives the same plan.

**Target.** The account's intended relationship type; without one (or with one the catalog does not know),
balanced at the key account's level: the type its index K alone would reach. An account already of its
target type needs no plan.

**Moves.** A move changes one side's score of one factor, by at most :data:`MOST_POINTS` scale points,
never outside the scale, and only on a factor rated on both sides (only those count in S and K). Each side
of a factor moves at most once; the catalog's ``rebalancing.max_moves`` caps the number of moves. Three kinds:

- we scale back (our score down), only where we invest more than the key account, and at most down to its
  score: we take back what is not returned, never below what it gives;
- we answer in kind (our score up), where the key account invests more, at most up to its score;
- we ask the key account to invest more (its score up), where we invest more, at most up to our score.

When today both indices are below where the target type starts, the target needs both sides higher: then
both may raise any factor, up to the scale's top.

**Rule.** Step by step, the move that brings the account closest to the target zone is taken. How far
from the zone S and K are is counted in index points: by how much S − K lies beyond the balance
tolerance, each index below where the type starts, the lower index at or above where the next type
starts; first in the figures as reports show them (whole points), then before rounding. Among equally
good moves, scaling back comes first (it is ours to decide), then asking the key account, then answering
in kind (the key account moves before we invest more, as in the coaching answers); then the smaller step,
the larger gap the move closes, the higher weight, and the catalog's order. The plan stops when the
account is in the target zone, when the moves are used up, or when no move brings it closer: then it is
not reached, and its projected point is the closest the rule came.

S, K, balance and zone are computed by the analysis's own functions, so projected figures are rounded
exactly as reports show them.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import IntEnum
from itertools import pairwise

from reportgen.analysis.indices import classify_zone, weighted_indices
from reportgen.common.rounding import shown_score, whole_points
from reportgen.model.assessment import Side
from reportgen.model.catalog import Catalog, RelationshipType
from reportgen.model.findings import AccountAnalysis, FactorResult, Indices, Zone

MOST_POINTS = 2
"""Scale points one move may change a score by: a step a team can take and check within a quarter."""


class MoveKind(IntEnum):
    """What a move asks, in the order equally good moves are preferred: scaling back is ours to decide;
    then, as in the coaching answers (:func:`reportgen.analysis.coaching.strategic_path`), the key
    account moves before we invest more, so a proposal never has us invest where asking would do as well."""

    SCALE_BACK = 0
    """We invest less (our score down)."""
    ASK_KEY_ACCOUNT = 1
    """We ask the key account to invest more (its score up)."""
    ANSWER_IN_KIND = 2
    """We invest more (our score up)."""


def move_kind(side: Side, from_score: float, to_score: float) -> MoveKind:
    if side is Side.KEY_ACCOUNT:
        return MoveKind.ASK_KEY_ACCOUNT
    return MoveKind.SCALE_BACK if to_score < from_score else MoveKind.ANSWER_IN_KIND


@dataclass(frozen=True)
class Projection(Indices):
    """S and K in whole points, as reports show them, and the zone they make."""

    supplier_index: int
    key_account_index: int
    zone: Zone


@dataclass(frozen=True)
class Move:
    """One side's score of one factor, from what it is to what the plan proposes."""

    factor_id: str
    side: Side
    from_score: float
    to_score: float
    after: Projection
    """S, K and zone once this move and every move before it in the plan are made."""

    @property
    def kind(self) -> MoveKind:
        return move_kind(self.side, self.from_score, self.to_score)


@dataclass(frozen=True)
class Effect(Indices):
    """What one move changes in the shown indices; a plan's effects add up to its whole change."""

    supplier_index: int
    key_account_index: int


@dataclass(frozen=True)
class Plan:
    target: RelationshipType
    reached: bool
    """Whether the moves bring the account into the target zone; if not, *projected* is the closest point."""
    moves: tuple[Move, ...]
    today: Projection
    projected: Projection

    @property
    def moves_the_point(self) -> bool:
        """The moves change S or K as reports show them: only then does the diagram draw an arrow."""
        today, projected = self.today, self.projected
        return (today.supplier_index, today.key_account_index) != (
            projected.supplier_index,
            projected.key_account_index,
        )

    @property
    def target_zone_id(self) -> str:
        return self.target.id

    @property
    def effects(self) -> tuple[Effect, ...]:
        """Each move's change of S and K, from the point before it to the point after it."""
        points = [self.today, *(move.after for move in self.moves)]
        return tuple(
            Effect(
                after.supplier_index - before.supplier_index,
                after.key_account_index - before.key_account_index,
            )
            for before, after in pairwise(points)
        )


def target_type(analysis: AccountAnalysis) -> RelationshipType:
    """The intended relationship type, else the one the key account's index alone would reach."""
    catalog = analysis.catalog
    chosen = catalog.zones.relationship_type(analysis.assessment.account.intended_type)
    if chosen is not None:
        return chosen
    k = analysis.key_account_index
    level = classify_zone(k, k, catalog.zones).relationship_type
    assert level is not None  # equal indices are always balanced
    return level


def rebalancing_plan(analysis: AccountAnalysis) -> Plan | None:
    """The moves that bring *analysis*'s account into its target zone; None if it is there already."""
    target = target_type(analysis)
    if analysis.zone.relationship_type == target:
        return None
    return _Planner(analysis.catalog, target, analysis.factors).plan()


@dataclass(frozen=True)
class _Point:
    """The factors with the moves made so far, and where they put the account."""

    factors: tuple[FactorResult, ...]
    exact: tuple[float, float]
    projection: Projection


@dataclass(frozen=True)
class _Candidate:
    factor: FactorResult
    side: Side
    to_score: float
    closes: float
    """The gap this move narrows, in scale points (negative where it widens one)."""

    @property
    def from_score(self) -> float:
        return self.factor.supplier if self.side is Side.SUPPLIER else self.factor.key_account

    @property
    def order(self) -> tuple:
        """Among moves that bring the account equally close: by kind, the smaller step, the larger gap
        closed, the higher weight, the catalog's order."""
        return (
            move_kind(self.side, self.from_score, self.to_score),
            abs(self.to_score - self.from_score),
            -self.closes,
            -self.factor.factor.weight,
            self.factor.number,
        )


class _Planner:
    """The greedy rule of the module's docstring, for one account and target."""

    def __init__(self, catalog: Catalog, target: RelationshipType, factors: tuple[FactorResult, ...]) -> None:
        self.catalog, self.target = catalog, target
        types = catalog.zones.relationship_types
        following = types.index(target) + 1
        self.lowest = _lowest_admitted(target)
        self.highest = _lowest_admitted(types[following]) - 1 if following < len(types) else math.inf
        self.start = self._point(factors)

    def plan(self) -> Plan:
        point, moves = self.start, []
        needs_both_higher = all(
            index < self.lowest
            for index in (point.projection.supplier_index, point.projection.key_account_index)
        )
        moved: set[tuple[str, Side]] = set()
        while not self._reached(point) and len(moves) < self.catalog.rebalancing.max_moves:
            options = (self._option(point, c) for c in self._candidates(point, needs_both_higher, moved))
            best = min(options, default=None)
            if best is None or best[0] >= self._distance(point):
                break
            _, _, candidate, point = best
            factor_id = candidate.factor.factor.id
            moved.add((factor_id, candidate.side))
            moves.append(
                Move(factor_id, candidate.side, candidate.from_score, candidate.to_score, point.projection)
            )
        return Plan(self.target, self._reached(point), tuple(moves), self.start.projection, point.projection)

    def _option(
        self, point: _Point, candidate: _Candidate
    ) -> tuple[tuple[float, float], tuple, _Candidate, _Point]:
        """Where *candidate* takes the account from *point*: its distance to the target, the candidate's
        order among equally close moves, the candidate, and the point it makes. Options compare by the
        first two alone: no two moves share an order, and a step offered twice is the same option twice."""
        after = self._point(_with_score(point.factors, candidate))
        return self._distance(after), candidate.order, candidate, after

    def _point(self, factors: tuple[FactorResult, ...]) -> _Point:
        exact_s, exact_k = weighted_indices(self.catalog, factors)
        s, k = whole_points(exact_s), whole_points(exact_k)
        return _Point(factors, (exact_s, exact_k), Projection(s, k, classify_zone(s, k, self.catalog.zones)))

    def _reached(self, point: _Point) -> bool:
        return point.projection.zone.relationship_type == self.target

    def _distance(self, point: _Point) -> tuple[float, float]:
        """How far the account is from the target zone: in shown figures, then before rounding."""
        shown = point.projection
        return (
            self._outside(shown.supplier_index, shown.key_account_index),
            self._outside(*point.exact),
        )

    def _outside(self, s: float, k: float) -> float:
        """Index points by which S and K miss the target zone's bounds; 0 inside it."""
        tolerance = self.catalog.zones.balance_tolerance
        return (
            max(0.0, abs(s - k) - tolerance)
            + max(0.0, self.lowest - s)
            + max(0.0, self.lowest - k)
            + max(0.0, min(s, k) - self.highest)
        )

    def _candidates(
        self, point: _Point, needs_both_higher: bool, moved: set[tuple[str, Side]]
    ) -> Iterator[_Candidate]:
        """Every move still allowed from *point*, by the limits of the module's docstring."""
        top = self.catalog.scale.max
        for r in point.factors:
            if not r.rated_both:
                continue
            gap = shown_score(r.supplier - r.key_account)
            if (r.factor.id, Side.SUPPLIER) not in moved:
                if gap > 0:
                    yield from _steps(r, Side.SUPPLIER, r.key_account, gap)
                if gap < 0 or needs_both_higher:
                    yield from _steps(r, Side.SUPPLIER, top if needs_both_higher else r.key_account, -gap)
            if (r.factor.id, Side.KEY_ACCOUNT) not in moved and (gap > 0 or needs_both_higher):
                yield from _steps(r, Side.KEY_ACCOUNT, top if needs_both_higher else r.supplier, gap)


def _lowest_admitted(relationship: RelationshipType) -> int:
    """The lowest whole index a relationship type admits (S and K are whole points)."""
    if relationship.above is not None:
        return math.floor(relationship.above) + 1
    return math.ceil(relationship.at_least or 0)


def _steps(factor: FactorResult, side: Side, limit: float, closes: float) -> Iterator[_Candidate]:
    """Moves of *side*'s score towards *limit* by one and by MOST_POINTS points, a step that would pass
    *limit* stopping at it. Two steps that stop at *limit* are the same move twice: the planner keeps the
    first of equally good moves, so the second changes nothing."""
    score = factor.supplier if side is Side.SUPPLIER else factor.key_account
    direction = 1 if limit > score else -1
    for points in range(1, MOST_POINTS + 1):
        to = shown_score(score + direction * points)
        to = min(to, limit) if direction > 0 else max(to, limit)
        if to != score:
            yield _Candidate(factor, side, to, closes)


def _with_score(factors: tuple[FactorResult, ...], candidate: _Candidate) -> tuple[FactorResult, ...]:
    """*factors* with the candidate's side of its factor scored anew."""
    field = "supplier" if candidate.side is Side.SUPPLIER else "key_account"
    return tuple(replace(r, **{field: candidate.to_score}) if r is candidate.factor else r for r in factors)
