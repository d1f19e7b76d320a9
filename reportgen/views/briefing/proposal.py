"""The briefing's rebalancing proposal (internal edition only): the plan of
:mod:`reportgen.analysis.rebalancing` in the report's words – each move with what it changes in S, K and
S − K, where the account stands today and where the moves would bring it.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.analysis.rebalancing import MOST_POINTS, MoveKind, Plan, Projection
from reportgen.common.i18n import N_, gettext_for
from reportgen.model.findings import AccountAnalysis
from reportgen.views.labels import zone_name

MOVE_WORDS = {
    MoveKind.SCALE_BACK: N_("we scale back"),
    MoveKind.ANSWER_IN_KIND: N_("we answer in kind"),
    MoveKind.ASK_KEY_ACCOUNT: N_("we ask the key account"),
}
"""A proposed move's kind as the proposal's table names it: who moves, and which way."""


@dataclass(frozen=True)
class MoveRow:
    """One proposed move: one side's score of one factor, and what it changes in S, K and S − K."""

    number: int
    label: str
    """The factor's short name: each move keeps to one line, so the proposal fits beside other sections."""
    kind: str
    """scale_back, answer_in_kind or ask_key_account, as CSS marks it by."""
    kind_words: str
    from_score: float
    to_score: float
    supplier_change: int
    key_account_change: int
    balance_change: int


@dataclass(frozen=True)
class PlanPoint:
    """S, K, S − K and the zone, today or once the proposed moves are made."""

    supplier_index: int
    key_account_index: int
    balance: int
    zone_name: str


@dataclass(frozen=True)
class ProposalSection:
    """The rebalancing proposal (internal edition only): the few factor moves that would bring the account
    into its target zone, or as close as the allowed moves come (see
    :mod:`reportgen.analysis.rebalancing`)."""

    target_name: str
    intended: bool
    """The target is the intended relationship; else balance at the key account's level."""
    reached: bool
    moves: tuple[MoveRow, ...]
    today: PlanPoint
    projected: PlanPoint
    most_moves: int
    most_points: int
    views_disagree: bool
    """The key account's own view puts the account in another zone: the proposal says it is made on ours."""
    target_sentence: str
    """Where the proposal aims: the intended relationship, or balance at the key account's level."""
    outcome: str
    """Whether the moves get there, or that no allowed set of moves does (and these come closest), or that
    no allowed move brings the account closer."""


def _plan_point(point: Projection, analysis: AccountAnalysis, lang: str) -> PlanPoint:
    zone = zone_name(point.zone, analysis.catalog, lang)
    return PlanPoint(point.supplier_index, point.key_account_index, point.balance, zone)


def proposal_section(analysis: AccountAnalysis, plan: Plan, lang: str) -> ProposalSection:
    """The plan in the report's words: each move with its factor and what it changes, where the account
    stands today and where the moves would bring it."""
    _ = gettext_for(lang)
    factors = {result.factor.id: result for result in analysis.factors}
    moves = []
    for move, effect in zip(plan.moves, plan.effects, strict=True):
        factor = factors[move.factor_id]
        moves.append(MoveRow(
            number=factor.number,
            label=factor.factor.label(lang),
            kind=move.kind.name.lower(),
            kind_words=_(MOVE_WORDS[move.kind]),
            from_score=move.from_score,
            to_score=move.to_score,
            supplier_change=effect.supplier_index,
            key_account_change=effect.key_account_index,
            balance_change=effect.balance,
        ))  # fmt: skip
    target_name = plan.target.name.get(lang)
    intended = plan.target.id == analysis.assessment.account.intended_type
    most_moves = analysis.catalog.rebalancing.max_moves
    if intended:
        target_sentence = _("Target: the intended relationship, “%(target)s”.") % {"target": target_name}
    else:
        target_sentence = _("Target: balance at the key account's level, “%(target)s”.") % {
            "target": target_name
        }
    if plan.reached:
        outcome = _("These moves would bring the account there.")
    elif moves:
        outcome = _(
            "No allowed set of moves (at most %(moves)s, each of at most %(points)s scale points) reaches "
            "it; these come closest."
        ) % {"moves": most_moves, "points": MOST_POINTS}
    else:
        outcome = _(
            "No allowed move (at most %(points)s scale points on one side of a factor) brings the account "
            "closer."
        ) % {"points": MOST_POINTS}
    return ProposalSection(
        target_name=target_name,
        intended=intended,
        reached=plan.reached,
        moves=tuple(moves),
        today=_plan_point(plan.today, analysis, lang),
        projected=_plan_point(plan.projected, analysis, lang),
        most_moves=most_moves,
        most_points=MOST_POINTS,
        views_disagree=analysis.zones_disagree,
        target_sentence=target_sentence,
        outcome=outcome,
    )
