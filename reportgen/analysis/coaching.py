"""What the coaching questions ask, and the rules that answer them with an account's figures: which
indices and factors an answer names, before the briefing words it.

A question names what kind of answer it asks for (``kind`` in the catalog, :class:`QuestionKind`); the
portfolio and ``reportgen validate`` find the questions by their kind, so they need the kinds but none of
the answers' words. The rules are pure functions of an account's analysis: where its indices would have
to go to make it lean KAM or a strategic partnership, and which factors an answer names. They stand apart
from the wording (:mod:`reportgen.views.briefing.coaching_answers`) so each can be checked against the
zone rule alone, whatever language the answers are worded in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from reportgen.analysis.cost_to_serve import EffortBenchmark, effort_benchmark
from reportgen.analysis.indices import by_share_of_balance, classify_zone
from reportgen.analysis.portfolio import answering_analysis, strategic_type
from reportgen.model.assessment import Side
from reportgen.model.catalog import Catalog, RelationshipType
from reportgen.model.findings import AccountAnalysis, FactorResult, ZoneKind

FACTORS_NAMED = 3
"""Factors named in one answer: enough to act on, few enough to read aloud."""

WHOLE_INDICES = range(101)
"""Every index a report shows: S and K are whole points from 0 to 100."""


class QuestionKind(StrEnum):
    OVER_INVESTMENT = "over_investment"
    """Do we invest much here without the customer reflecting it?"""
    LEAN_OR_STRATEGIC = "lean_or_strategic"
    """What would lean key account management, and what would a strategic partnership look like?"""
    SCALE_BACK = "scale_back"
    """Is this an account to scale back?"""


@dataclass(frozen=True)
class StrategicPath:
    """The whole indices at which the account would be a strategic partnership.

    The key account moves first: we only follow as far as the zone rule then still asks of us, so a
    briefing never advises us to invest more while we are the side that is ahead.
    """

    key_account: int
    supplier: int


def question_text(catalog: Catalog, kind: QuestionKind, lang: str) -> str | None:
    """The catalog's wording of the question of *kind*, if it asks one."""
    return next((q.get(lang) for q in catalog.coaching_questions if q.kind == kind), None)


def _is(relationship: RelationshipType, supplier: int, key_account: int, analysis: AccountAnalysis) -> bool:
    """Whether S and K would make the account *relationship*, by the analysis's own zone rule."""
    return classify_zone(supplier, key_account, analysis.catalog.zones).relationship_type == relationship


def strategic_path(analysis: AccountAnalysis) -> StrategicPath | None:
    """The smallest whole K, and then S, that make the account the catalog's highest relationship type.

    The zone rule is asked rather than restated, so balance tolerance and the type's bound count as
    they do in the analysis. None if no index on the scale reaches the type, or the catalog has none.
    """
    strategic = strategic_type(analysis.catalog)
    if strategic is None:
        return None
    s, k = analysis.supplier_index, analysis.key_account_index
    key_account = next((t for t in WHOLE_INDICES if t >= k and _is(strategic, max(s, t), t, analysis)), None)
    if key_account is None:
        return None
    supplier = next(t for t in WHOLE_INDICES if t >= s and _is(strategic, t, key_account, analysis))
    return StrategicPath(key_account, supplier)


def lean_target(analysis: AccountAnalysis) -> int | None:
    """The S nearest today's at which the account would be lean KAM with the customer's K as it is."""
    lean = analysis.catalog.zones.relationship_types[0]
    k = analysis.key_account_index
    reaching = [t for t in WHOLE_INDICES if _is(lean, t, k, analysis)]
    return min(reaching, key=lambda t: abs(t - analysis.supplier_index), default=None)


def furthest_ahead(analysis: AccountAnalysis, side: Side) -> list[FactorResult]:
    """The factors where *side* invests beyond the other, in the order the drivers are named.

    Who is ahead is the factor's own gap (:attr:`FactorResult.over_investor`), the same that decides its
    share of the balance, so a factor is named on the side whose share it adds to.
    """
    ahead = [r for r in analysis.factors if r.over_investor is side]
    return by_share_of_balance(ahead)[:FACTORS_NAMED]


def where_to_raise(analysis: AccountAnalysis, side: Side) -> list[FactorResult]:
    """Where *side* should invest more first: where the other side is ahead, else where it scores lowest.

    Never a factor where *side* is already ahead: raising there would widen the gap. With the other side
    ahead nowhere, that leaves the even factors, whose two scores are alike (a factor's gap is taken
    between its scores as shown), so our score orders them for either side.
    """
    other = Side.KEY_ACCOUNT if side is Side.SUPPLIER else Side.SUPPLIER
    behind = furthest_ahead(analysis, other)
    if behind:
        return behind
    even = [r for r in analysis.factors if r.rated_both and r.over_investor is None]
    return sorted(even, key=lambda r: (r.supplier, r.number))[:FACTORS_NAMED]


def customer_level(analysis: AccountAnalysis) -> RelationshipType:
    """The relationship type the customer's own index K would reach, were we to invest as it does: the type
    scaling back aims at."""
    k = analysis.key_account_index
    relationship = classify_zone(k, k, analysis.catalog.zones).relationship_type
    assert relationship is not None  # equal indices are always balanced
    return relationship


def scale_back_benchmark(
    analysis: AccountAnalysis, quarter: Iterable[AccountAnalysis]
) -> EffortBenchmark | None:
    """The usual effort the answer "scale back?" measures the account's hours by, from *quarter* (each
    account's assessment in the account's quarter, as that quarter's portfolio sees them): the median of
    the accounts that are in the type scaling back aims at (each by its zone in our team's view, as the
    portfolio places it): the type the customer's index reaches (:func:`customer_level`), in the view the
    answers use. Not the type the account is meant to have: scaling back gives up investing for it, and
    what the customer returns is what we would match.

    None where the answer does not speak of scaling back (the account is not over-invested in that view)
    or the account gives no hours to measure: a briefing then depends on no other account's figures.
    """
    answering = answering_analysis(analysis)
    if (
        answering.zone.kind is not ZoneKind.SUPPLIER_FRUSTRATION
        or analysis.cost_to_serve.effort_hours is None
    ):
        return None
    return effort_benchmark(quarter, customer_level(answering))
