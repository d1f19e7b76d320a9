"""The briefing's perception page: each factor in both views, largest gap first, both sides' comments kept
apart, and a legend of the gap classes the table uses."""

from __future__ import annotations

from reportgen.model.findings import GapClass
from reportgen.views.briefing.perception import GapClassNote
from reportgen.views.labels import gap_class_meaning, gap_class_name
from tests.views.briefing.conftest import ANNA, BEN, DORA, view_of, voices


def test_the_perception_page_orders_by_gap_and_keeps_both_sides_comments_apart(three):
    ours = [(4, 4)] * 3
    theirs = [(4, 4), (4, 2), (1, 4)]  # gaps (ours − theirs): 0 and 0; 0 and +2; +3 and 0
    comments = {(ANNA, 3): "We ship ahead of time.", (DORA, 3): "Deliveries come late."}
    analysis = voices(three, {ANNA: ours, BEN: ours, DORA: theirs}, comments)
    perception = view_of(analysis).perception
    assert [row.number for row in perception.rows] == [3, 2, 1]
    first, second, third = perception.rows
    assert (first.supplier.ours, first.supplier.theirs) == (4, 1)
    assert first.supplier.gap_class == "unseen_by_account"
    assert first.supplier.gap_class_name == gap_class_name(GapClass.UNSEEN_BY_ACCOUNT, "en")
    assert first.key_account.gap_class == "aligned"
    assert second.key_account.gap_class == "overrated_account"
    assert third.supplier.gap_class == third.key_account.gap_class == "aligned"
    assert first.our_comments == ("We ship ahead of time.",)
    assert first.their_comments == ("Deliveries come late.",)
    used = (GapClass.UNSEEN_BY_ACCOUNT, GapClass.OVERRATED_ACCOUNT, GapClass.ALIGNED)
    assert perception.legend == tuple(
        GapClassNote(gap_class_name(c, "en"), gap_class_meaning(c, "en")) for c in used
    )
    assert perception.unlisted_count == 0
