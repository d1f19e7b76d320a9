"""Several voices against numbers computed by hand: each view's means, the team's spread, perception gaps
and their classes, figures by role."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from reportgen.analysis.indices import analyse, gap_class
from reportgen.model.assessment import AccountFacts, Assessment, FactorRating, Period, Rater, Side, View
from reportgen.model.catalog import Catalog, Voices
from reportgen.model.findings import GapClass
from tests.builders import ids, small_catalog

ANNA = Rater("Anna", "Sales", View.SUPPLIER)
BEN = Rater("Ben", "Service", View.SUPPLIER)
CARL = Rater("Carl", "Sales", View.SUPPLIER)
DORA = Rater("Dora", "Purchasing", View.KEY_ACCOUNT)


@pytest.fixture
def three(catalog):
    return small_catalog(catalog)  # factors a, b, c weighted 1, 2, 1 on a 1–5 scale


def rated(rater: Rater, *scores: tuple[str, float | None, float | None]) -> list[FactorRating]:
    return [FactorRating(factor, s, k, rater=rater) for factor, s, k in scores]


def of(*ratings: list[FactorRating]) -> Assessment:
    raters = tuple(dict.fromkeys(r.rater for group in ratings for r in group))
    flat = tuple(r for group in ratings for r in group)
    return Assessment(AccountFacts("Acme"), Period(2026, 3), flat, raters=raters)


def test_each_view_is_the_mean_of_its_own_raters_and_blank_stays_unrated(three):
    a, b, c = ids(three)
    result = analyse(
        of(
            rated(ANNA, (a, 5, 2), (b, 4, 3), (c, 2, None)),
            rated(BEN, (a, 4, 3), (b, 2, 3), (c, None, None)),
            rated(CARL, (a, 3, 1), (b, 4, 3), (c, 4, 2)),
            rated(DORA, (a, 3, 4), (b, 3, 4), (c, 3, 3)),
        ),
        three,
    )
    first, second, third = result.factors
    # our view: a (5+4+3)/3 = 4, (2+3+1)/3 = 2; b (4+2+4)/3 = 3.3, 3; c S (2+4)/2 = 3, K 2 (Carl alone)
    assert (first.supplier, first.key_account) == (4, 2)
    assert (second.supplier, second.key_account) == (3.3, 3)
    assert (third.supplier, third.key_account) == (3, 2)
    # S = (75·1 + 57.5·2 + 50·1) / 4 = 60 (b: 3.3 → 57.5); K = (25 + 50·2 + 25) / 4 = 37.5 → 38
    assert (result.supplier_index, result.key_account_index) == (60, 38)
    theirs = result.key_account_view
    assert theirs is not None and theirs.view is View.KEY_ACCOUNT
    # the key account's view: S = (50 + 50·2 + 50) / 4 = 50; K = (75 + 75·2 + 50) / 4 = 68.75 → 69
    assert (theirs.supplier_index, theirs.key_account_index, theirs.balance) == (50, 69, -19)
    assert theirs.zone.id == "account_invests_more"
    assert result.zone.id == "supplier_frustration_critical"
    assert result.zones_disagree


def test_team_spread_per_factor_and_side_and_the_disagreement_flag(three):
    a, b, c = ids(three)
    result = analyse(
        of(
            rated(ANNA, (a, 5, 2), (b, 4, 3), (c, 2, None)),
            rated(BEN, (a, 4, 3), (b, 2, 3), (c, None, None)),
            rated(CARL, (a, 3, 1), (b, 4, 3), (c, 3, 2)),
            rated(DORA, (a, 1, 5), (b, 1, 5), (c, 1, 5)),  # the key account's view is no part of the team's
        ),
        three,
    )
    first, second, third = result.factors
    assert first.supplier_spread.scores == (3, 4, 5) and first.key_account_spread.scores == (1, 2, 3)
    assert (first.supplier_spread.low, first.supplier_spread.high, first.supplier_spread.raters) == (3, 5, 3)
    assert second.supplier_spread.width == 2 and second.key_account_spread.width == 0
    assert third.supplier_spread.scores == (2, 3) and third.key_account_spread.scores == (2,)
    # a differs by 2 on both sides, b by 2 on ours: the default threshold is 2 points; c by 1 only
    assert [f.disagreement for f in result.factors] == [True, True, False]
    assert result.disagreements == (first, second)


def test_the_disagreement_threshold_is_the_catalogs(three):
    a, b, _c = ids(three)
    data = three.model_dump()
    data["voices"]["disagreement_points"] = 3
    wider = Catalog.model_validate(data)
    result = analyse(of(rated(ANNA, (a, 5, 2), (b, 4, 3)), rated(BEN, (a, 3, 2), (b, 1, 3))), wider)
    assert [f.disagreement for f in result.factors] == [False, True, False]


@pytest.mark.parametrize(
    ("gap", "side", "expected"),
    [
        (1.0, Side.SUPPLIER, GapClass.UNSEEN_BY_ACCOUNT),  # we rate our investment higher than they do
        (-1.0, Side.SUPPLIER, GapClass.UNDERRATED_BY_US),  # they rate our investment higher than we do
        (1.0, Side.KEY_ACCOUNT, GapClass.OVERRATED_ACCOUNT),  # we rate theirs higher than they do
        (-1.5, Side.KEY_ACCOUNT, GapClass.UNSEEN_BY_US),  # they rate their own higher than we do
        (0.9, Side.SUPPLIER, GapClass.ALIGNED),  # below the threshold of 1 point
        (-0.9, Side.KEY_ACCOUNT, GapClass.ALIGNED),
        (None, Side.SUPPLIER, None),
    ],
)
def test_gap_classes_by_sign_side_and_threshold(gap, side, expected):
    assert gap_class(gap, side, 1) is expected


def test_perception_gaps_are_our_view_minus_theirs_largest_first(three):
    a, b, c = ids(three)
    result = analyse(
        of(
            rated(ANNA, (a, 5, 2), (b, 4, 3), (c, 3, 3)),
            rated(BEN, (a, 4, 2), (b, 4, 3), (c, 3, None)),
            rated(DORA, (a, 3, 4), (b, 4, 2.5), (c, None, None)),
        ),
        three,
    )
    # a: S 4.5 − 3 = +1.5 (unseen by the account), K 2 − 4 = −2 (unseen by us) → size 2
    # b: S 4 − 4 = 0 (aligned), K 3 − 2.5 = +0.5 (aligned) → size 0.5; c: the key account rated nothing
    gaps = [
        (g.factor.id, g.supplier, g.key_account, g.supplier_class, g.key_account_class)
        for g in result.perception
    ]
    assert gaps == [
        (a, 1.5, -2.0, GapClass.UNSEEN_BY_ACCOUNT, GapClass.UNSEEN_BY_US),
        (b, 0.0, 0.5, GapClass.ALIGNED, GapClass.ALIGNED),
    ]


def test_one_side_rated_in_both_views_gives_a_gap_of_that_side_only(three):
    a, b, _c = ids(three)
    result = analyse(of(rated(ANNA, (a, 4, 2), (b, 4, 4)), rated(DORA, (a, 4, 4), (b, None, 3))), three)
    second = next(g for g in result.perception if g.factor.id == b)
    assert (second.supplier, second.key_account, second.supplier_class) == (None, 1.0, None)
    assert second.key_account_class is GapClass.OVERRATED_ACCOUNT


def test_without_the_key_account_view_there_is_none_and_no_gap(three):
    a, _b, _c = ids(three)
    result = analyse(of(rated(ANNA, (a, 4, 2)), rated(BEN, (a, 2, 2))), three)
    assert result.key_account_view is None
    assert result.perception == ()
    assert not result.zones_disagree


def test_figures_by_role_only_for_roles_with_enough_raters(three):
    a, _b, _c = ids(three)
    dave = Rater("Dave", "sales ", View.SUPPLIER)  # the same role, written otherwise
    sales = [rated(ANNA, (a, 5, 1)), rated(CARL, (a, 4, 1)), rated(dave, (a, 3, 1))]
    service = [rated(Rater(name, "Service"), (a, 1, 5)) for name in ("Ben", "Eve", "Finn")]
    figures = [
        (r.role, r.raters, r.supplier_index, r.key_account_index)
        for r in analyse(of(*sales, *service), three).roles
    ]
    # Sales: a S (5+4+3)/3 = 4 → 75, K 1 → 0; Service: S 1 → 0, K 5 → 100
    assert figures == [("Sales", 3, 75, 0), ("Service", 3, 0, 100)]
    # three of Sales alone are the whole team: nothing to single out
    assert [r.role for r in analyse(of(*sales), three).roles] == ["Sales"]
    # two of Sales are too few to be shown, and the Service figures beside the team's would give them away
    assert analyse(of(*sales[:2], *service), three).roles == ()


def test_figures_by_role_never_give_away_the_rater_left_over(three):
    a, _b, _c = ids(three)
    sales = [rated(Rater(name, "Sales"), (a, 5, 1)) for name in ("Ann", "Carl", "Dave")]
    alone = rated(Rater("Ben", "Service"), (a, 1, 5))
    # the team's mean beside the Sales figures would tell what Ben rated
    assert analyse(of(*sales, alone), three).roles == ()
    unnamed_role = rated(Rater("Eve"), (a, 2, 2))
    assert analyse(of(*sales, alone, unnamed_role), three).roles == ()  # two left over are still too few


def test_scores_with_decimals_two_points_apart_are_a_disagreement(three):
    a, _b, _c = ids(three)
    # 3.3 − 1.3 computes as 1.9999999999999998: still 2 points
    result = analyse(of(rated(ANNA, (a, 1.3, 2)), rated(BEN, (a, 3.3, 2))), three)
    assert result.factors[0].disagreement


def test_one_rater_is_analysed_as_before(three):
    a, b, _c = ids(three)
    alone = analyse(
        Assessment(AccountFacts("Acme"), Period(2026, 3), (FactorRating(a, 5, 3), FactorRating(b, 4, 4))),
        three,
    )
    assert (alone.supplier_index, alone.key_account_index) == (83, 67)
    assert alone.key_account_view is None and alone.roles == () and alone.disagreements == ()
    assert alone.factors[0].supplier_spread.scores == (5,)


scores = st.one_of(st.none(), st.integers(1, 5).map(float), st.sampled_from([1.5, 2.5, 3.5, 4.5]))


@settings(max_examples=60, deadline=None)
@given(
    team=st.lists(st.lists(st.tuples(scores, scores), min_size=3, max_size=3), min_size=1, max_size=4),
    theirs=st.lists(st.tuples(scores, scores), min_size=3, max_size=3),
    order=st.randoms(use_true_random=False),
)
def test_the_order_of_raters_and_the_key_accounts_view_never_change_our_figures(catalog, team, theirs, order):
    three = small_catalog(catalog)
    factor_ids = ids(three)
    team_ratings = [
        rated(Rater(f"R{i}"), *((f, s, k) for f, (s, k) in zip(factor_ids, rows, strict=True)))
        for i, rows in enumerate(team)
    ]
    if not any(r.rated_both for group in team_ratings for r in group):
        return  # nothing to analyse: the reader reports such a file
    their_ratings = rated(DORA, *((f, s, k) for f, (s, k) in zip(factor_ids, theirs, strict=True)))
    alone = analyse(of(*team_ratings), three)
    shuffled = [*team_ratings, their_ratings]
    order.shuffle(shuffled)
    both = analyse(of(*shuffled), three)
    assert (both.supplier_index, both.key_account_index, both.zone.id) == (
        alone.supplier_index,
        alone.key_account_index,
        alone.zone.id,
    )
    assert [f.supplier_spread for f in both.factors] == [f.supplier_spread for f in alone.factors]
    for gap in both.perception:
        if gap.supplier is not None:  # our view minus theirs, both as shown
            assert gap.supplier == pytest.approx(gap.ours.supplier - gap.theirs.supplier, abs=0.051)


def test_a_key_account_view_with_no_factor_rated_on_both_sides_is_left_out(three):
    a, _b, _c = ids(three)
    result = analyse(of(rated(ANNA, (a, 4, 2)), rated(DORA, (a, 3, None))), three)
    assert result.key_account_view is None
    assert result.perception == ()
    assert not result.zones_disagree


def test_a_factor_the_key_account_left_blank_hides_no_gap_after_it(three):
    a, b, c = ids(three)
    result = analyse(
        of(
            rated(ANNA, (a, 4, 2), (b, 4, 3), (c, 3, 3)),
            rated(DORA, (a, None, None), (b, 3, 4), (c, 3, 3)),
        ),
        three,
    )
    # a: no gap, the key account left it blank; b: S 4 − 3 = +1, K 3 − 4 = −1; c: 0 and 0
    assert [(g.factor.id, g.supplier, g.key_account) for g in result.perception] == [
        (b, 1.0, -1.0),
        (c, 0.0, 0.0),
    ]


def test_figures_by_role_are_shown_when_exactly_the_smallest_group_is_left_over(three):
    a, _b, _c = ids(three)
    sales = [rated(Rater(name, "Sales"), (a, 5, 1)) for name in ("Ann", "Carl", "Dave")]
    others = [rated(Rater("Ben", "Service"), (a, 1, 5)), rated(Rater("Eve", "Service"), (a, 1, 5))]
    unnamed_role = rated(Rater("Finn"), (a, 3, 3))
    # Sales 3 (the smallest group shown); left over: two of Service (too few for figures of their own) and
    # one without a role, three raters, as many as the smallest group: no one's scores can be told.
    figures = [
        (r.role, r.raters, r.supplier_index, r.key_account_index)
        for r in analyse(of(*sales, *others, unnamed_role), three).roles
    ]
    assert figures == [("Sales", 3, 100, 0)]
    # one fewer left over (Finn gone): the Sales figures beside the team's would tell the two of Service's
    assert analyse(of(*sales, *others), three).roles == ()


def test_the_smallest_role_is_left_out_first_until_the_rest_is_large_enough(three):
    a, _b, _c = ids(three)
    sales = [rated(Rater(name, "Sales"), (a, 5, 1)) for name in ("Ann", "Carl", "Dave", "Gus")]
    service = [rated(Rater(name, "Service"), (a, 1, 5)) for name in ("Ben", "Eve", "Finn")]
    ops = [rated(Rater(name, "Operations"), (a, 3, 3)) for name in ("Hal", "Ida")]
    # Sales 4 and Service 3 are large enough, but two of Operations are left over: Service, the smaller,
    # is left out too, and then five are left over.
    assert [(r.role, r.raters) for r in analyse(of(*service, *sales, *ops), three).roles] == [("Sales", 4)]


def test_a_role_that_rated_no_factor_on_both_sides_hides_no_other_role(three):
    a, _b, _c = ids(three)
    sales = [rated(Rater(name, "Sales"), (a, 5, None)) for name in ("Ann", "Carl", "Dave")]
    service = [rated(Rater(name, "Service"), (a, 1, 5)) for name in ("Ben", "Eve", "Finn")]
    roles = analyse(of(*sales, *service), three).roles
    assert [(r.role, r.supplier_index, r.key_account_index) for r in roles] == [("Service", 0, 100)]


def test_a_role_is_named_as_its_first_rater_wrote_it(three):
    a, _b, _c = ids(three)
    team = [
        rated(Rater(name, role), (a, 4, 2))
        for name, role in (("Ann", "Key Account"), ("Ben", "key account "), ("Carl", "KEY ACCOUNT"))
    ]
    assert [(r.role, r.raters) for r in analyse(of(*team), three).roles] == [("Key Account", 3)]


def test_views_that_agree_are_aligned_under_any_threshold_a_catalog_can_hold():
    # A threshold below what a report can show (0.1) would flag scores that read alike: one below the
    # noise the comparison ignores (0.0000005) made even a gap of 0 a perception gap. The catalog refuses
    # it, so at the smallest it takes, equal scores are aligned and the smallest shown gap is not.
    for field in ("perception_gap_points", "disagreement_points"):
        with pytest.raises(ValidationError, match=field):
            Voices.model_validate({field: 0.0000001})
        Voices.model_validate({field: 0.1})
    for side in Side:
        assert gap_class(0.0, side, 0.1) is GapClass.ALIGNED
        assert gap_class(0.1, side, 0.1) is not GapClass.ALIGNED
