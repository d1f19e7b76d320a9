"""The portfolio of a quarter: ranking, zone counts, movements, the answered coaching questions and the
capacity check."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.analysis.history import build_histories
from reportgen.analysis.indices import analyse, zone_ids
from reportgen.analysis.portfolio import (
    analyse_portfolio,
    factor_moves,
    overdue_actions,
    portfolio_sources,
    preferred_type,
    strategic_type,
)
from reportgen.common.rounding import shown_score
from reportgen.model.assessment import (
    AccountFacts,
    Action,
    ActionStatus,
    Assessment,
    FactorRating,
    Period,
    Side,
)
from reportgen.model.catalog import Catalog
from reportgen.model.findings import GapClass, ZoneKind
from tests.builders import Q1, Q2, Q3, make, two_views, variant


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


def scored(catalog, name, period, *pairs):
    """The account *name* with its factors rated, in catalog order, as the (supplier, key account) pairs
    given, None for a factor not rated; the factors after the pairs given 3 : 3."""
    pairs = (*pairs, *((3, 3),) * (len(catalog.factors) - len(pairs)))
    ratings = tuple(
        FactorRating(f.id, *(pair or (None, None))) for f, pair in zip(catalog.factors, pairs, strict=True)
    )
    return analyse(Assessment(AccountFacts(name, account_id=name[:3]), period, ratings), catalog)


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
    assert portfolio.previous_period == Q2
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


def test_capacity_is_exceeded_only_above_its_limit_and_counts_an_account_once(catalog):
    strategic = "strategic_partnership"
    analyses = [
        make(catalog, "Both", Q3, 5, 5, intended=strategic),  # rated and meant to be one: counted once
        make(catalog, "Rated", Q3, 5, 5),
        make(catalog, "Meant", Q3, 3, 3, intended=strategic),
        make(catalog, "Neither", Q3, 3, 3),
    ]

    def capacity(limit):
        limited = variant(catalog, lambda data: data["zones"].update(strategic_capacity=limit))
        return analyse_portfolio(build_histories(analyses), Q3, limited).capacity

    assert names(capacity(3).accounts) == ["Both", "Rated", "Meant"]
    assert not capacity(3).exceeded  # exactly at the limit
    assert capacity(2).exceeded


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


def test_zone_counts_count_every_account_in_its_zone(catalog):
    analyses = [make(catalog, name, Q3, 2, 2) for name in ("Alpha", "Beta", "Gamma")]
    analyses.append(make(catalog, "Delta", Q3, 5, 5))
    counts = dict(analyse_portfolio(build_histories(analyses), Q3, catalog).zone_counts)
    assert counts["lean_supplier"] == 3
    assert counts["preferred_partner"] == 0 and counts["strategic_partnership"] == 1


half_points = st.sampled_from([1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5])
NAMES = ("alpha", "Beta", "gamma", "Delta", "epsilon", "Zeta")


@settings(max_examples=25, deadline=None)
@given(scores=st.lists(st.tuples(half_points, half_points), min_size=1, max_size=len(NAMES)))
def test_the_ranking_puts_the_largest_over_investment_first_and_counts_every_account_once(catalog, scores):
    analyses = [make(catalog, name, Q3, s, k) for name, (s, k) in zip(NAMES, scores, strict=False)]
    portfolio = analyse_portfolio(build_histories(analyses), Q3, catalog)
    entries = portfolio.entries
    assert [e.rank for e in entries] == list(range(1, len(analyses) + 1))
    for higher, lower in pairwise(entries):
        assert higher.analysis.balance >= lower.analysis.balance
        if higher.analysis.balance == lower.analysis.balance:  # a tie: by name, whatever its case
            assert higher.name.casefold() < lower.name.casefold()
    counts = dict(portfolio.zone_counts)
    assert sum(counts.values()) == len(analyses)
    for zone, count in counts.items():
        assert count == sum(e.analysis.zone.id == zone for e in entries)


def test_factor_moves_list_the_largest_changes_of_a_gap_rated_both_times(catalog):
    before = scored(catalog, "Alpha", Q2, (3, 3), (3, 2), None, (3, 3), (3, 3), (2, 3))
    # gaps before: 0, 1, not rated, 0, 0, −1; now: 0, 3, 2, −1, −2, 3; the rest 0 both times
    now = scored(catalog, "Alpha", Q3, (3, 3), (5, 2), (4, 2), (3, 4), (2, 4), (5, 2))
    every = factor_moves(now, before, limit=len(catalog.factors))
    # unchanged (1 and 7–16) and not rated before (3) left out; a tie of 2 and 5: in factor order
    assert [(m.now.number, m.gap_before, m.change) for m in every] == [
        (6, -1, 4),
        (2, 1, 2),
        (5, 0, -2),
        (4, 0, -1),
    ]
    assert [m.now.number for m in factor_moves(now, before)] == [6, 2, 5]  # the top three
    assert factor_moves(now, before, limit=1)[0].now.number == 6


def test_a_factor_the_earlier_catalog_did_not_have_makes_no_factor_move(catalog):
    def replace_seventh(data):
        data["version"], data["factors"][6]["id"] = "1.1", "new_factor"

    newer = variant(catalog, replace_seventh)
    before = scored(catalog, "Alpha", Q2)
    now = scored(newer, "Alpha", Q3, *((3, 3),) * 6, (5, 1), (4, 3))
    assert [(m.now.factor.id, m.change) for m in factor_moves(now, before)] == [(newer.factors[7].id, 1)]


rating = st.one_of(st.none(), st.tuples(half_points, half_points))


@settings(max_examples=40, deadline=None)
@given(before=st.lists(rating, min_size=16, max_size=16), now=st.lists(rating, min_size=16, max_size=16))
def test_factor_moves_are_the_top_changes_and_never_a_gap_that_stayed(catalog, before, now):
    if not any(before) or not any(now):
        return  # nothing rated: such a file is reported, never analysed
    earlier, later = scored(catalog, "Alpha", Q2, *before), scored(catalog, "Alpha", Q3, *now)
    moves = factor_moves(later, earlier)
    changed = {}
    for old, new in zip(earlier.factors, later.factors, strict=True):
        if old.gap is not None and new.gap is not None and new.gap != old.gap:
            changed[new.number] = shown_score(new.gap - old.gap)
    assert len(moves) == min(3, len(changed))
    assert all(m.change == changed[m.now.number] and m.change != 0 for m in moves)
    assert [m.now.number for m in moves] == sorted(
        (m.now.number for m in moves), key=lambda n: (-abs(changed[n]), n)
    )
    left_out = [abs(c) for n, c in changed.items() if n not in {m.now.number for m in moves}]
    assert all(abs(m.change) >= c for m in moves for c in left_out)


def test_the_catalogs_used_list_the_portfolios_own_first_then_the_most_used(catalog):
    def named(catalog_id):
        return variant(catalog, lambda data: data.update(id=catalog_id))

    own, other, third = named("zz-partnership"), named("aa-partnership"), named("mm-partnership")
    analyses = [
        make(other, "Anna", Q3, 5, 2),  # the two of aa rank first
        make(other, "Bert", Q3, 5, 3),
        make(third, "Mia", Q3, 4, 3),
        make(own, "Zoe", Q3, 3, 3),
        make(own, "Zack", Q3, 2, 2),
    ]
    portfolio = analyse_portfolio(build_histories(analyses), Q3, own)
    assert portfolio.catalog is own  # a tie of two: the one the portfolio was asked for
    assert portfolio.catalogs_used == (
        ("zz-partnership v1.0", 2),
        ("aa-partnership v1.0", 2),
        ("mm-partnership v1.0", 1),
    )


def test_a_perception_gap_on_the_key_accounts_side_counts_where_ours_is_aligned(catalog):
    analyses = [
        # every factor: ours 4 : 2, theirs 3 : 3 → our side +1, the key account's −1
        two_views(catalog, "Both sides", (4, 2), (3, 3)),
        # every factor: ours 4 : 3, theirs 4 : 2 → our side aligned, the key account's +1
        two_views(catalog, "Their side", (4, 3), (4, 2)),
    ]
    gaps = analyse_portfolio(build_histories(analyses), Q3, catalog).perception_gaps
    # all of one size: by rank, then factor, our side before the key account's
    assert [(g.entry.name, g.factor.number, g.side, g.difference) for g in gaps[:3]] == [
        ("Both sides", 1, Side.SUPPLIER, 1),
        ("Both sides", 1, Side.KEY_ACCOUNT, -1),
        ("Both sides", 2, Side.SUPPLIER, 1),
    ]
    theirs = [(g.factor.number, g.side, g.difference) for g in gaps if g.entry.name == "Their side"]
    assert theirs == [(number, Side.KEY_ACCOUNT, 1) for number in range(1, 17)]


def test_scale_back_without_a_preferred_partner_type_is_every_over_investment(catalog):
    def keep_types(count):
        return variant(
            catalog,
            lambda data: data["zones"].update(relationship_types=data["zones"]["relationship_types"][:count]),
        )

    def scale_back(with_catalog):
        analyses = [
            make(with_catalog, "Alpha", Q3, 5, 2),  # S 100, K 25: below the preferred partner's 33
            make(with_catalog, "Sigma", Q3, 4, 3.5),  # S 75, K 62.5: invests like a preferred partner
        ]
        return names(analyse_portfolio(build_histories(analyses), Q3, with_catalog).scale_back)

    two, one = keep_types(2), keep_types(1)
    assert preferred_type(two) == two.zones.relationship_types[1] and preferred_type(one) is None
    assert scale_back(two) == ["Alpha"]
    assert scale_back(one) == ["Alpha", "Sigma"]


def test_the_portfolio_draws_on_the_path_of_every_account_assessed_and_the_last_file_of_one_dropped(catalog):
    def filed(name, period):
        analysis = make(catalog, name, period, 3, 3)
        path = Path(f"{name.lower()}_{period}.xlsx")
        return replace(analysis, assessment=replace(analysis.assessment, sources=(path,)))

    analyses = [
        *(filed("Alpha", q) for q in (Q1, Q2, Q3, Period(2026, 4))),  # a later quarter does not count
        filed("Omega", Q1),  # dropped in Q3: its Q2 file names it
        filed("Omega", Q2),
        filed("Gone", Q1),  # neither in Q2 nor in Q3
        filed("Newbie", Q3),
    ]
    sources = portfolio_sources(build_histories(analyses), Q3)
    assert sources == {
        Path(name)
        for name in (
            "alpha_2026-Q1.xlsx",
            "alpha_2026-Q2.xlsx",
            "alpha_2026-Q3.xlsx",
            "omega_2026-Q2.xlsx",
            "newbie_2026-Q3.xlsx",
        )
    }


def with_actions(analysis, *actions: Action):
    return replace(analysis, assessment=replace(analysis.assessment, actions=actions))


def test_overdue_actions_by_account_in_rank_order_then_by_factor_the_soonest_due_first(catalog):
    f1, f2, f3 = (f.id for f in catalog.factors[:3])
    analyses = [
        with_actions(
            make(catalog, "Alpha", Q3, 5, 2),  # ranks first
            Action("Price talk", f2, due=date(2026, 11, 1)),
            Action("Plant visit", f1, due=date(2026, 12, 1)),  # not due yet
            Action("Joint roadmap", None, due=date(2026, 11, 20)),
            Action("Closed late", f1, due=date(2026, 1, 1), status=ActionStatus.DONE),
            Action("Second price talk", f2, due=date(2026, 10, 15)),
        ),
        # open in Q2, carried forward: no Q3 workbook lists it
        with_actions(make(catalog, "Beta", Q2, 3, 3), Action("Forecast", f3, due=date(2026, 9, 30))),
        make(catalog, "Beta", Q3, 3, 3),
    ]
    portfolio = analyse_portfolio(build_histories(analyses), Q3, catalog)
    overdue = overdue_actions(portfolio, date(2026, 11, 27))
    assert [(o.entry.name, o.tracked.action.text, o.group.factor_id, o.days_late) for o in overdue] == [
        ("Alpha", "Joint roadmap", None, 7),  # the relationship as a whole first
        ("Alpha", "Second price talk", f2, 43),
        ("Alpha", "Price talk", f2, 26),
        ("Beta", "Forecast", f3, 58),  # 30 September to 27 November
    ]
    assert overdue[3].tracked.carried_from == Q2


def test_a_catalog_of_one_relationship_type_has_no_strategic_partnership_to_count(catalog):
    """Its one type is lean KAM: a balanced account there, or one meant to stay there, is no strategic
    partnership for the capacity check (it counted as one, as the catalog's last type)."""
    one = variant(
        catalog, lambda data: data["zones"].update(relationship_types=data["zones"]["relationship_types"][:1])
    )
    lean = one.zones.relationship_types[0].id
    analyses = [make(one, "Lean", Q3, 2, 2), make(one, "Meant", Q3, 2, 2, intended=lean)]

    result = analyse_portfolio(build_histories(analyses), Q3, one)

    assert strategic_type(one) is None and strategic_type(catalog) == catalog.zones.relationship_types[-1]
    assert result.strategic == () and result.capacity.accounts == ()
    assert names(result.lean) == ["Lean", "Meant"]
