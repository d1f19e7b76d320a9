"""The coaching rules: where an account's indices would have to go to be lean KAM or a strategic
partnership, asked of the zone rule itself."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.analysis.coaching import lean_target, strategic_path
from reportgen.analysis.indices import classify_zone
from reportgen.views.briefing.coaching_answers import coaching_questions
from tests.builders import account, rated


def strategic_type(catalog):
    return catalog.zones.relationship_types[-1]


def is_strategic(catalog, supplier, key_account):
    return classify_zone(supplier, key_account, catalog.zones).relationship_type == strategic_type(catalog)


@pytest.mark.parametrize(
    ("pairs", "raised", "stays"),
    [
        # S 100, K 23: the key account must come within 10 points of our S, not just above 66
        ([(5, 1)] + [(5, 2)] * 15, "key_account", "supplier"),
        # S 30, K 94: we must come within 10 points of its K
        ([(5, 1)] + [(2, 5)] * 15, "supplier", "key_account"),
    ],
)
def test_the_path_to_a_strategic_partnership_keeps_the_balance_rule(catalog, pairs, raised, stays):
    analysis = rated(catalog, "Far apart", pairs)
    path = strategic_path(analysis)
    s, k = analysis.supplier_index, analysis.key_account_index
    target = {"supplier": (path.supplier, k), "key_account": (s, path.key_account)}[raised]
    assert getattr(path, stays) == {"supplier": s, "key_account": k}[stays]
    # the smallest whole index that makes it a strategic partnership, by the analysis's own rule
    assert is_strategic(catalog, *target)
    one_less = (target[0] - 1, target[1]) if raised == "supplier" else (target[0], target[1] - 1)
    assert not is_strategic(catalog, *one_less)
    _, lean_or_strategic, _ = coaching_questions(analysis, "en")
    text = " ".join(lean_or_strategic.answer.sentences)
    if raised == "key_account":
        assert f"raise K from {k} to at least {path.key_account}" in text, text
    else:
        assert f"raise S from {s} to at least {path.supplier}" in text, text


def at(analysis, supplier, key_account):
    """*analysis* with its indices moved to S *supplier*, K *key_account*, zone and all."""
    zone = classify_zone(supplier, key_account, analysis.catalog.zones)
    return replace(analysis, supplier_index=supplier, key_account_index=key_account, zone=zone)


def relationship_at(catalog, supplier, key_account):
    return classify_zone(supplier, key_account, catalog.zones).relationship_type


INDEX = st.integers(min_value=0, max_value=100)


@settings(max_examples=150, deadline=None)
@given(INDEX, INDEX)
def test_the_strategic_path_is_the_nearest_partnership_with_the_key_account_moving_first(catalog, s, k):
    analysis = at(account(catalog, "Any", 3, 3), s, k)
    path = strategic_path(analysis)
    assert path.key_account >= k and path.supplier >= s
    assert is_strategic(catalog, path.supplier, path.key_account)
    # no smaller K would do, even with our S raised to it
    assert not any(is_strategic(catalog, max(s, t), t) for t in range(k, path.key_account))
    # and no smaller S with that K
    assert not any(is_strategic(catalog, t, path.key_account) for t in range(s, path.supplier))
    # we are never asked to raise S beyond where the key account stands: no more investment while ahead
    assert path.supplier <= max(s, path.key_account)


@settings(max_examples=150, deadline=None)
@given(INDEX, INDEX)
def test_the_lean_target_is_the_nearest_s_at_which_the_account_is_lean_kam(catalog, s, k):
    analysis = at(account(catalog, "Any", 3, 3), s, k)
    lean = catalog.zones.relationship_types[0]
    target = lean_target(analysis)
    reaching = [t for t in range(101) if relationship_at(catalog, t, k) == lean]
    if not reaching:  # the customer's K alone is beyond lean KAM
        assert target is None
        return
    assert relationship_at(catalog, target, k) == lean
    assert all(abs(t - s) >= abs(target - s) for t in reaching)
    if relationship_at(catalog, s, k) == lean:
        assert target == s
