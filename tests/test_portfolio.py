"""The portfolio of a quarter: ranking, zone counts, movements, the answered coaching questions and the
capacity check."""

from __future__ import annotations

import pytest

from reportgen.analysis import analyse, zone_ids
from reportgen.catalog import Catalog
from reportgen.history import build_histories
from reportgen.model import (
    AccountFacts,
    Assessment,
    FactorRating,
    GapClass,
    Period,
    Rater,
    Side,
    View,
    ZoneKind,
)
from reportgen.portfolio import analyse_portfolio

Q1, Q2, Q3 = Period(2026, 1), Period(2026, 2), Period(2026, 3)


def make(catalog, name, period, supplier, key_account, intended=None, ref=None, comment_on=None):
    ratings = tuple(
        FactorRating(f.id, supplier, key_account, "why" if i == comment_on else "")
        for i, f in enumerate(catalog.factors)
    )
    facts = AccountFacts(name, account_id=name[:3], intended_type=intended)
    return analyse(Assessment(facts, period, ratings, catalog_ref=ref), catalog)


@pytest.fixture
def portfolio(catalog):
    analyses = [
        make(catalog, "Alpha", Q2, 3, 3),  # preferred → frustration critical in Q3
        make(catalog, "Alpha", Q3, 5, 2),
        make(catalog, "Beta", Q3, 5, 5),  # strategic
        make(catalog, "Gamma", Q1, 2, 2),  # lean, with a gap in Q2
        make(catalog, "Gamma", Q3, 2, 2),
        make(catalog, "Delta", Q3, 4, 5, intended="strategic_partnership"),  # key account invests more
        make(catalog, "Omega", Q2, 3, 3),  # dropped out in Q3
        make(catalog, "Sigma", Q3, 4, 3.5),  # frustration (S 75, K 62.5), above the lean range
    ]
    return analyse_portfolio(build_histories(analyses), Q3, catalog)


def names(entries):
    return [e.name for e in entries]


def test_ranking_by_imbalance_largest_over_investment_first(portfolio):
    assert names(portfolio.entries) == ["Alpha", "Sigma", "Beta", "Gamma", "Delta"]
    assert [e.rank for e in portfolio.entries] == [1, 2, 3, 4, 5]
    assert portfolio.entries[0].analysis.balance == pytest.approx(75)  # 100 − 25


def test_zone_counts_include_empty_zones(portfolio, catalog):
    counts = dict(portfolio.zone_counts)
    assert list(counts) == list(zone_ids(catalog))
    assert counts == {
        "lean_supplier": 1,
        "preferred_partner": 0,
        "strategic_partnership": 1,
        "supplier_frustration": 1,
        "supplier_frustration_critical": 1,
        "account_invests_more": 1,
    }


def test_movements_use_the_latest_earlier_assessment_and_gaps_stay_gaps(portfolio):
    alpha, sigma, _beta, gamma, _delta = portfolio.entries
    assert alpha.zone_changed and alpha.previous.zone.id == "preferred_partner"
    assert alpha.balance_change == pytest.approx(75)
    assert gamma.previous.assessment.period == Q1 and not gamma.zone_changed
    assert names(portfolio.movements) == ["Alpha"]
    assert names(portfolio.newcomers) == ["Sigma", "Beta", "Delta"]
    assert portfolio.dropped == ("Omega",)
    assert [m.change for m in alpha.factor_moves] == [3, 3, 3]  # gap 0 → 3 on every factor, top three
    assert sigma.factor_moves == ()


def test_coaching_questions_answered(portfolio):
    assert names(portfolio.over_investing) == ["Alpha", "Sigma"]
    assert names(portfolio.lean) == ["Gamma"]
    assert names(portfolio.strategic) == ["Beta"]
    # Alpha: K = 25, below the preferred partner range – the customer wants a supplier. Sigma: K = 62.5.
    assert names(portfolio.scale_back) == ["Alpha"]


def test_capacity_counts_rated_and_intended_strategic_partnerships(portfolio, catalog):
    assert names(portfolio.capacity.accounts) == ["Beta", "Delta"]
    assert not portfolio.capacity.exceeded
    data = catalog.model_dump()
    data["zones"]["strategic_capacity"] = 1
    tight = Catalog.model_validate(data)
    analyses = [e.analysis for e in portfolio.entries]
    assert analyse_portfolio(build_histories(analyses), Q3, tight).capacity.exceeded


def test_a_quarter_of_two_catalogs_keeps_each_account_in_its_own_zones(catalog):
    data = catalog.model_dump()
    data["id"], data["zones"]["strategic_capacity"] = "our-partnership", 1
    for relationship, new_id in zip(
        data["zones"]["relationship_types"], ("thin", "partner", "ally"), strict=True
    ):
        relationship["id"] = new_id
    ours = Catalog.model_validate(data)
    analyses = [
        make(catalog, "Alpha", Q3, 2, 2),
        make(catalog, "Beta", Q3, 5, 5),
        make(ours, "Gamma", Q3, 2, 2),  # lean by its own catalog's first relationship type
    ]
    portfolio = analyse_portfolio(build_histories(analyses), Q3, ours)
    assert portfolio.catalog is catalog  # most accounts were assessed with it
    assert portfolio.capacity.limit == catalog.zones.strategic_capacity
    assert dict(portfolio.zone_counts)["thin"] == 1 and dict(portfolio.zone_counts)["lean_supplier"] == 1
    assert names(portfolio.lean) == ["Alpha", "Gamma"]
    assert portfolio.catalogs_used == (("efkam-partnership v1.0", 2), ("our-partnership v1.0", 1))


KEY_ACCOUNT = Rater("Contact at the key account", view=View.KEY_ACCOUNT)


def two_views(catalog, name, ours, theirs, intended=None, differing=()):
    """Every factor rated *ours* by our team and *theirs* by the key account; the factors numbered in
    *differing* the key account rates as we do but one point lower on our side."""
    ratings = []
    for number, factor in enumerate(catalog.factors, start=1):
        ratings.append(FactorRating(factor.id, *ours))
        supplier, key_account = ours if number in differing else theirs
        if number in differing:
            supplier -= 1
        ratings.append(FactorRating(factor.id, supplier, key_account, rater=KEY_ACCOUNT))
    facts = AccountFacts(name, account_id=name[:3], intended_type=intended)
    return analyse(Assessment(facts, Q3, tuple(ratings), raters=(Rater(), KEY_ACCOUNT)), catalog)


def test_the_answers_use_the_key_accounts_view_where_it_answered(catalog):
    analyses = [
        # ours: S 75, K 25, critical over-investment and a candidate; theirs: S 25, K 75
        two_views(catalog, "Mirror", (4, 2), (2, 4)),
        make(catalog, "Alone", Q3, 4, 2),  # the same figures, no key-account view: as before
        # ours balanced (preferred partner), theirs: we invest more and it little – a candidate
        two_views(catalog, "Quiet", (3, 3), (4, 2)),
    ]
    portfolio = analyse_portfolio(build_histories(analyses), Q3, catalog)
    assert names(portfolio.with_key_account_view) == ["Mirror", "Quiet"]
    assert names(portfolio.zones_disagree) == ["Mirror", "Quiet"]
    # the cover's count stays ours, the answer is the key account's
    assert names(portfolio.over_investing) == ["Alone", "Mirror"]  # a tie: by name
    assert names(portfolio.over_investment_answer) == ["Alone", "Quiet"]
    assert names(portfolio.over_investing_in_our_view_only) == ["Mirror"]
    assert names(portfolio.scale_back) == ["Alone", "Quiet"]
    assert portfolio.entries[1].answering.zone.kind is ZoneKind.ACCOUNT_INVESTS_MORE
    assert portfolio.entries[1].answering.balance == -50


def test_a_strategic_partnership_counts_only_where_both_views_put_it_there(catalog):
    analyses = [
        two_views(catalog, "Both", (5, 5), (5, 5)),
        two_views(catalog, "Ours only", (5, 5), (5, 3)),  # the key account: S 100, K 50
        two_views(catalog, "Theirs only", (3, 3), (5, 5)),  # ours: S 50, K 50, a preferred partner
        make(catalog, "No questionnaire", Q3, 5, 5),
    ]
    portfolio = analyse_portfolio(build_histories(analyses), Q3, catalog)
    assert names(portfolio.strategic) == ["Both", "No questionnaire"]
    assert names(portfolio.capacity.accounts) == ["Both", "No questionnaire"]


def test_the_largest_perception_gaps_of_the_portfolio_come_first(catalog):
    analyses = [
        # factor 3: the key account rates our side 4 where we say 5; everything else alike
        two_views(catalog, "Close", (5, 5), (5, 5), differing=(3,)),
        # every factor: ours 4 : 2, theirs 2 : 5 → our side +2, theirs −3
        two_views(catalog, "Far", (4, 2), (2, 5)),
        make(catalog, "Alone", Q3, 3, 3),
    ]
    portfolio = analyse_portfolio(build_histories(analyses), Q3, catalog)
    gaps = portfolio.perception_gaps
    assert len(gaps) == 2 * 16 + 1  # aligned sides left out
    first, second = gaps[0], gaps[16]
    assert (first.entry.name, first.factor.number, first.side) == ("Far", 1, Side.KEY_ACCOUNT)
    assert (first.ours, first.theirs, first.difference, first.gap_class) == (2, 5, -3, GapClass.UNSEEN_BY_US)
    assert (second.entry.name, second.side, second.difference) == ("Far", Side.SUPPLIER, 2)
    assert second.gap_class is GapClass.UNSEEN_BY_ACCOUNT
    last = gaps[-1]
    assert (last.entry.name, last.factor.number, last.side, last.difference) == ("Close", 3, Side.SUPPLIER, 1)
