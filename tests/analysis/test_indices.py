"""The analysis against numbers computed by hand."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.analysis.indices import NothingToAnalyse, analyse, classify_zone, combine_ratings, intended_fit
from reportgen.model.assessment import AccountFacts, Assessment, FactorRating, Period, Rater, Side, View
from reportgen.model.catalog import Catalog
from reportgen.model.findings import IntendedFit, ZoneKind
from tests.builders import ids, small_catalog


def assessment(*ratings: FactorRating) -> Assessment:
    return Assessment(AccountFacts("Acme"), Period(2026, 3), tuple(ratings))


@pytest.fixture
def three(catalog):
    return small_catalog(catalog)


def test_weighted_indices_balance_and_zone_by_hand(three):
    a, b, c = ids(three)
    # normalised S: 100, 75, 25 → (100·1 + 75·2 + 25·1) / 4 = 68.75
    # normalised K:  50, 75,  0 → ( 50·1 + 75·2 +  0·1) / 4 = 50
    # shown: S 69 (68.75, half up), K 50, balance 69 − 50 = 19
    result = analyse(assessment(FactorRating(a, 5, 3), FactorRating(b, 4, 4), FactorRating(c, 2, 1)), three)
    assert (result.exact_supplier_index, result.exact_key_account_index) == pytest.approx((68.75, 50))
    assert (result.supplier_index, result.key_account_index, result.balance) == (69, 50, 19)
    assert result.zone.kind is ZoneKind.SUPPLIER_FRUSTRATION
    assert not result.zone.critical
    assert result.zone.id == "supplier_frustration"


def test_gaps_over_investor_and_balance_points_by_hand(three):
    a, b, c = ids(three)
    result = analyse(assessment(FactorRating(a, 5, 3), FactorRating(b, 4, 4), FactorRating(c, 2, 1)), three)
    first, second, third = result.factors
    assert (first.gap, second.gap, third.gap) == (2, 0, 1)
    assert (first.over_investor, second.over_investor, third.over_investor) == (
        Side.SUPPLIER,
        None,
        Side.SUPPLIER,
    )
    # share of S − K: weight · gap / span · 100 / total weight → 1·2/4·100/4 = 12.5 and 1·1/4·100/4 = 6.25
    assert first.balance_points == pytest.approx(12.5)
    assert second.balance_points == pytest.approx(0)
    assert third.balance_points == pytest.approx(6.25)
    exact_balance = result.exact_supplier_index - result.exact_key_account_index
    assert sum(r.balance_points for r in result.factors) == pytest.approx(exact_balance)
    assert [d.factor.id for d in result.drivers] == [a, c]


def test_blank_is_not_rated_and_left_out_never_zero(three):
    a, b, c = ids(three)
    result = analyse(
        assessment(FactorRating(a, 5, 5), FactorRating(b, None, 1), FactorRating(c, None, None)), three
    )
    # Only factor a is rated on both sides: S = K = 100. A zero for b would have pulled S down to 33.3.
    assert result.supplier_index == pytest.approx(100)
    assert result.key_account_index == pytest.approx(100)
    assert (result.coverage.rated_both, result.coverage.rated_any, result.coverage.total) == (1, 2, 3)
    assert result.factors[1].gap is None and result.factors[1].over_investor is None


def test_nothing_rated_on_both_sides_cannot_be_analysed(three):
    a, b, _ = ids(three)
    with pytest.raises(NothingToAnalyse):
        analyse(assessment(FactorRating(a, 5, None), FactorRating(b, None, 2)), three)


def test_factors_missing_from_the_input_count_as_not_rated(three):
    a, _, _ = ids(three)
    result = analyse(assessment(FactorRating(a, 2, 4)), three)
    assert result.coverage.rated_both == 1
    assert result.zone.kind is ZoneKind.ACCOUNT_INVESTS_MORE  # S 25, K 75
    assert [d.factor.id for d in result.drivers] == [a]


def test_several_raters_are_averaged_and_other_perspectives_kept_apart(three):
    a, _, _ = ids(three)
    ratings = (
        FactorRating(a, 5, 2, rater=Rater("A")),
        FactorRating(a, 4, 3, rater=Rater("B")),
        FactorRating(a, 1, 1, rater=Rater("Customer", view=View.KEY_ACCOUNT)),
    )
    result = combine_ratings(three, ratings)
    assert (result[0].supplier, result[0].key_account) == (4.5, 2.5)


def test_only_comments_marked_shared_are_kept_for_the_key_account(three):
    a, b, _ = ids(three)
    ratings = (
        FactorRating(a, 5, 2, "ours alone", rater=Rater("A")),
        FactorRating(a, 4, 3, "for both", rater=Rater("B"), comment_shared=True),
        FactorRating(b, 4, 3, rater=Rater("B"), comment_shared=True),
    )
    first, second, _ = combine_ratings(three, ratings)
    assert first.comments == ("ours alone", "for both")
    assert (first.shared_comments, second.shared_comments) == (("for both",), ())


@pytest.mark.parametrize(
    ("s", "k", "expected", "critical"),
    [
        (80, 75, "strategic_partnership", False),  # lower index 75 > 66
        (76, 66, "preferred_partner", False),  # balance 10 is still balanced; 66 is not above 66
        (50, 45, "preferred_partner", False),
        (40, 33, "preferred_partner", False),  # 33 starts the preferred partner range
        (30, 25, "lean_supplier", False),
        (40.5, 32.9, "lean_supplier", False),
        (70, 50, "supplier_frustration", False),  # 20 is not above the critical 20
        (80, 59, "supplier_frustration_critical", True),
        (40, 51, "account_invests_more", False),  # K − S = 11
    ],
)
def test_zone_thresholds(catalog, s, k, expected, critical):
    zone = classify_zone(s, k, catalog.zones)
    assert zone.id == expected
    assert zone.critical is critical


LEAN, PREFERRED, STRATEGIC = "lean_supplier", "preferred_partner", "strategic_partnership"


@pytest.mark.parametrize(
    ("s", "k", "intended", "expected"),
    [
        # in the type's zone: lower index within its bounds, |S − K| ≤ 10
        (80, 75, STRATEGIC, IntendedFit.ON_TARGET),
        (40, 33, PREFERRED, IntendedFit.ON_TARGET),
        (30, 25, LEAN, IntendedFit.ON_TARGET),
        (76, 66, PREFERRED, IntendedFit.ON_TARGET),  # 66 is not above 66: still preferred
        # the frustration zone is over-invested whatever the type, even when our S is below it
        (90, 40, STRATEGIC, IntendedFit.OVER_INVESTED),
        (45, 30, PREFERRED, IntendedFit.OVER_INVESTED),  # S − K = 15
        (44, 22, LEAN, IntendedFit.OVER_INVESTED),
        # balanced, but at a higher type than intended: we invest beyond what it needs
        (80, 75, PREFERRED, IntendedFit.OVER_INVESTED),
        (50, 45, LEAN, IntendedFit.OVER_INVESTED),
        # the key account invests more, yet our S is at a higher type's level (33 starts preferred)
        (33, 60, LEAN, IntendedFit.OVER_INVESTED),
        # balanced below the type
        (50, 45, STRATEGIC, IntendedFit.UNDER_INVESTED),
        (70, 66, STRATEGIC, IntendedFit.UNDER_INVESTED),  # lower index 66 is not above 66
        (30, 25, PREFERRED, IntendedFit.UNDER_INVESTED),
        # the key account invests more and our S stays within the type's level (or below it)
        (60, 80, STRATEGIC, IntendedFit.UNDER_INVESTED),
        (32, 60, LEAN, IntendedFit.UNDER_INVESTED),  # 32 is below preferred's 33
        (50, 80, PREFERRED, IntendedFit.UNDER_INVESTED),
    ],
)
def test_intended_fit_by_hand(catalog, s, k, intended, expected):
    zone = classify_zone(s, k, catalog.zones)
    assert intended_fit(s, zone, intended, catalog.zones) is expected


def test_without_an_intended_type_there_is_no_fit(catalog):
    zone = classify_zone(80, 75, catalog.zones)
    assert intended_fit(80, zone, None, catalog.zones) is None
    assert intended_fit(80, zone, "a_type_no_longer_in_the_catalog", catalog.zones) is None


def test_thresholds_come_from_the_catalog(catalog):
    data = catalog.model_dump()
    data["zones"]["balance_tolerance"] = 25
    data["zones"]["critical_imbalance"] = 40
    wider = Catalog.model_validate(data)
    assert classify_zone(70, 50, wider.zones).kind is ZoneKind.BALANCED
    assert classify_zone(90, 60, wider.zones).id == "supplier_frustration"


def test_among_equal_drivers_the_commented_come_first(three):
    a, b, c = ids(three)
    data = three.model_dump()
    data["factors"][1]["weight"] = 1
    equal = Catalog.model_validate(data)
    result = analyse(
        assessment(FactorRating(a, 4, 3), FactorRating(b, 4, 3), FactorRating(c, 4, 3, "why")), equal
    )
    assert [d.factor.id for d in result.drivers] == [c, a, b]


def test_indices_are_rounded_half_up_where_they_are_computed(three):
    a, b, c = ids(three)
    # S (100·1 + 50·2 + 50·1) / 4 = 62.5 → 63 and K (25·1 + 0·2 + 25·1) / 4 = 12.5 → 13, halves up, where
    # rounding halves to even would show 62 and 12; the balance follows from the shown figures: 50.
    result = analyse(assessment(FactorRating(a, 5, 2), FactorRating(b, 3, 1), FactorRating(c, 3, 2)), three)
    assert (result.exact_supplier_index, result.exact_key_account_index) == (62.5, 12.5)
    assert (result.supplier_index, result.key_account_index, result.balance) == (63, 13, 50)


def test_an_assessment_read_without_a_catalog_cannot_be_analysed_without_one(three):
    a, _, _ = ids(three)
    with pytest.raises(ValueError) as raised:
        analyse(assessment(FactorRating(a, 5, 2)))
    assert str(raised.value) == "an assessment read without a catalog needs one to be analysed"


def test_in_a_balanced_relationship_gaps_of_either_direction_drive_it(three):
    a, b, c = ids(three)
    # S (100 + 50·2 + 25) / 4 = 56.25 = K (50 + 50·2 + 75) / 4: balanced. a's share +12.5, c's −12.5 (equal,
    # so in the catalog's order); b has no gap and drives nothing.
    result = analyse(assessment(FactorRating(a, 5, 3), FactorRating(b, 3, 3), FactorRating(c, 2, 4)), three)
    assert result.zone.kind is ZoneKind.BALANCED
    assert [d.factor.id for d in result.drivers] == [a, c]


def test_in_the_frustration_zone_every_factor_we_invest_more_in_drives_it_however_little(three):
    a, b, c = ids(three)
    # c is rated by us only: S and K over a and b (weight 3). a 3.1 : 3 (a team's mean), share
    # 1·0.1/4·100/3 = 0.83; b 5 : 3, share 2·2/4·100/3 = 33.3. S (52.5 + 200) / 3 = 84.2 → 84, K 50: +34.
    result = analyse(
        assessment(FactorRating(a, 3.1, 3), FactorRating(b, 5, 3), FactorRating(c, 3, None)), three
    )
    assert result.zone.id == "supplier_frustration_critical"
    assert [d.factor.id for d in result.drivers] == [b, a]


def test_where_the_key_account_invests_more_only_what_it_invests_more_in_drives_it(three):
    a, b, c = ids(three)
    # a 3.1 : 3, share +0.625 (we invest a little more); b 3 : 5, share 2·(−2)/4·100/4 = −25; c 3 : 3, none.
    # S (52.5 + 100 + 50) / 4 = 50.6 → 51, K (50 + 200 + 50) / 4 = 75: −24, the key account invests more.
    result = analyse(assessment(FactorRating(a, 3.1, 3), FactorRating(b, 3, 5), FactorRating(c, 3, 3)), three)
    assert result.zone.kind is ZoneKind.ACCOUNT_INVESTS_MORE
    assert [d.factor.id for d in result.drivers] == [b]


def test_drivers_are_named_by_share_even_where_shares_differ_by_less_than_a_point(three):
    a, b, c = ids(three)
    # a 4.9 : 3, share 1·1.9/4·100/4 = 11.875; c 5 : 3, 12.5: c is named first, though it comes later in the
    # catalog and both shares are 12 in whole points. S (97.5 + 100 + 100) / 4 = 74.4, K 50: frustrated.
    result = analyse(assessment(FactorRating(a, 4.9, 3), FactorRating(b, 3, 3), FactorRating(c, 5, 3)), three)
    assert [d.factor.id for d in result.drivers] == [c, a]


scores = st.sampled_from([1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5])


@settings(max_examples=100, deadline=None)
@given(
    ours=st.lists(scores, min_size=3, max_size=3),
    theirs=st.lists(scores, min_size=3, max_size=3),
    factor=st.integers(0, 2),
    side=st.sampled_from(Side),
    raised=scores,
)
def test_raising_one_score_never_lowers_its_sides_index_and_leaves_the_other(
    catalog, ours, theirs, factor, side, raised
):
    three = small_catalog(catalog)
    before_scores = {Side.SUPPLIER: list(ours), Side.KEY_ACCOUNT: list(theirs)}
    after_scores = {s: list(values) for s, values in before_scores.items()}
    after_scores[side][factor] = max(raised, before_scores[side][factor])

    def figures(scored):
        ratings = (FactorRating(f, s, k) for f, s, k in zip(ids(three), *scored.values(), strict=True))
        result = analyse(assessment(*ratings), three)
        return {
            Side.SUPPLIER: (result.exact_supplier_index, result.supplier_index),
            Side.KEY_ACCOUNT: (result.exact_key_account_index, result.key_account_index),
        }

    before, after = figures(before_scores), figures(after_scores)
    other = Side.KEY_ACCOUNT if side is Side.SUPPLIER else Side.SUPPLIER
    assert after[side][0] >= before[side][0] and after[side][1] >= before[side][1]
    assert after[other] == before[other]
