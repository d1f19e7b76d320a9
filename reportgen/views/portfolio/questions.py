"""The portfolio's coaching questions: the catalog's questions of the kinds a portfolio answers, each
with the accounts that answer it, counted against the capacity for strategic partnerships.

The questions are found by their kind (:mod:`reportgen.analysis.coaching`), never by their place in the
catalog; the accounts come with the figures the answers use, the key account's own view where it answered.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.analysis.coaching import QuestionKind, question_text
from reportgen.analysis.portfolio import PortfolioAnalysis, preferred_type, strategic_type
from reportgen.common.i18n import N_, gettext_for
from reportgen.views.portfolio.account_rows import (
    AccountRow,
    Capacity,
    Rows,
    ZoneDisagreement,
    zone_disagreement,
)

CANDIDATES = N_(
    "Candidates: we over-invest, and the customer does not even invest like a preferred partner – it looks "
    "for a reliable supplier, and lean KAM would be the honest answer."
)
CANDIDATES_WITHOUT_PARTNER = N_(
    "Candidates: we over-invest, and the catalog knows no relationship beyond lean KAM – scaling back to it "
    "would be the honest answer."
)
"""Where the catalog has no type after lean KAM, so no partner's level to measure K by (as coaching says)."""


@dataclass(frozen=True)
class QuestionsSection:
    """The coaching questions the portfolio answers, each worded as the catalog words the question of
    its kind (None where the catalog asks none of that kind), with the accounts that answer it."""

    over_investment_question: str | None
    over_investing: tuple[AccountRow, ...]
    lean_or_strategic_question: str | None
    lean_name: str
    lean: tuple[AccountRow, ...]
    strategic_name: str | None
    """None where the catalog knows no type beyond lean KAM: no partnerships to list or count."""
    strategic: tuple[AccountRow, ...]
    capacity: Capacity
    scale_back_question: str | None
    scale_back_reason: str
    """Why the listed accounts are candidates."""
    scale_back: tuple[AccountRow, ...]
    key_account_answers: bool = False
    """Some answers use a key account's own view: the section says so and marks them."""
    over_investing_in_our_view_only: tuple[ZoneDisagreement, ...] = ()
    """Over-investing in our view, not as the key account sees it: named apart, not counted."""
    scale_back_money: tuple[str, ...] = ()
    """What the candidates take in hours and money, and what scaling them back would free, worded; empty
    where no account gives its effort (see :mod:`reportgen.views.portfolio.effort`)."""


def questions_section(
    portfolio: PortfolioAnalysis,
    pick: Rows,
    answer: Rows,
    capacity: Capacity,
    lang: str,
    scale_back_money: tuple[str, ...] = (),
) -> QuestionsSection:
    """The questions of the portfolio's catalog, each found by its kind, not by its place; the accounts
    that answer them with the figures the answers use (*answer*: the key account's own view where it
    answered)."""
    catalog = portfolio.catalog
    strategic = strategic_type(catalog)
    our_view_only = portfolio.over_investing_in_our_view_only
    return QuestionsSection(
        over_investment_question=question_text(catalog, QuestionKind.OVER_INVESTMENT, lang),
        over_investing=answer(portfolio.over_investment_answer),
        lean_or_strategic_question=question_text(catalog, QuestionKind.LEAN_OR_STRATEGIC, lang),
        lean_name=catalog.zones.relationship_types[0].name.get(lang),
        lean=answer(portfolio.lean),
        strategic_name=None if strategic is None else strategic.name.get(lang),
        strategic=answer(portfolio.strategic),
        capacity=capacity,
        scale_back_question=question_text(catalog, QuestionKind.SCALE_BACK, lang),
        scale_back_reason=gettext_for(lang)(
            CANDIDATES if preferred_type(catalog) else CANDIDATES_WITHOUT_PARTNER
        ),
        scale_back=answer(portfolio.scale_back),
        key_account_answers=bool(portfolio.with_key_account_view),
        over_investing_in_our_view_only=tuple(zone_disagreement(e, pick.of(e), lang) for e in our_view_only),
        scale_back_money=scale_back_money,
    )
