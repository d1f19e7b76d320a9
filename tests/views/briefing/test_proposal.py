"""The briefing's rebalancing proposal: each move with its effect and the projected figures, what it says
where the target is out of reach or the views disagree, and none for an account on target."""

from __future__ import annotations

import pytest

from reportgen.analysis.all_accounts import prepare
from reportgen.common.resources import CRITERIA_DIR, DEFAULT_CATALOG
from reportgen.model.catalog import load_catalogs
from reportgen.rendering import Renderer
from reportgen.views.briefing.proposal import PlanPoint
from tests.builders import custom_account, custom_catalog
from tests.conftest import EXAMPLES, briefing_view
from tests.views.briefing.conftest import ANNA, DORA, view_of, voices

# The rebalancing proposal: the four-factor catalog of tests/analysis/test_rebalancing.py, weights alike, where one
# scale point of one factor moves an index by 6.25.


@pytest.fixture(scope="module")
def four(catalog):
    return custom_catalog(catalog, [1, 1, 1, 1])


def test_a_proposal_lists_each_move_with_its_effect_and_the_projected_figures(four):
    # S (100 + 75 + 50 + 50) / 4 = 68.75 → 69, K 50: +19, frustrated; the target is balance at K's level
    # (a preferred partner). Scaling f1 back from 5 to 3 gives S 56.25 → 56: −13 on S, +6, balanced.
    analysis = custom_account(four, [5, 4, 3, 3], [3, 3, 3, 3])
    for lang, kind_words, zone in (
        ("en", "we scale back", "Preferred partner"),
        ("de", "wir fahren zurück", "Bevorzugter Partner"),
    ):
        proposal = view_of(analysis, lang).proposal
        assert (proposal.target_name, proposal.intended, proposal.reached) == (zone, False, True)
        (move,) = proposal.moves
        assert (move.number, move.label, move.kind, move.kind_words) == (
            1,
            four.factors[0].label(lang),
            "scale_back",
            kind_words,
        )
        assert (move.from_score, move.to_score) == (5, 3)
        assert (move.supplier_change, move.key_account_change, move.balance_change) == (-13, 0, -13)
        assert (proposal.today.supplier_index, proposal.today.key_account_index, proposal.today.balance) == (
            69,
            50,
            19,
        )
        assert proposal.projected == PlanPoint(56, 50, 6, zone)
        assert view_of(analysis, lang).summary.proposal_arrow


def test_a_proposal_that_cannot_reach_the_target_says_so_and_shows_the_best_reachable_point():
    """Brandtner 2026-Q3 is meant to be a strategic partnership at S 81, K 23: four asks of two points
    each raise K by 4, 3, 3 and 3 to 36, far short of it; the account stays critically frustrated."""
    workload = prepare(sorted(EXAMPLES.glob("brandtner-*")), load_catalogs(CRITERIA_DIR, DEFAULT_CATALOG))
    brandtner = workload.analyses[-1]
    for lang, target, out_of_reach, best in (
        ("en", "“Strategic partnership”", "No allowed set of moves", "Best reachable"),
        (
            "de",
            "„Strategische Partnerschaft“",
            "Keine zulässige Auswahl von Schritten",
            "Bestenfalls erreichbar",
        ),
    ):
        view = briefing_view(brandtner, lang, workload.history_of(brandtner), drawn=False)
        proposal = view.proposal
        assert proposal.intended and not proposal.reached
        assert [m.kind for m in proposal.moves] == ["ask_key_account"] * 4
        assert [m.key_account_change for m in proposal.moves] == [4, 3, 3, 3]
        assert (proposal.today.supplier_index, proposal.today.key_account_index) == (81, 23)
        assert (proposal.projected.supplier_index, proposal.projected.key_account_index) == (81, 36)
        assert proposal.projected.zone_name == proposal.today.zone_name
        html = Renderer().briefing_html(view)
        for words in (target, out_of_reach, best):
            assert words in html


def test_an_account_on_target_gets_no_proposal_and_its_briefing_as_before(four):
    analysis = custom_account(four, [4, 4, 4, 4], [4, 4, 4, 4])
    view = view_of(analysis)
    assert view.proposal is None and not view.summary.proposal_arrow
    assert 'class="proposal' not in Renderer().briefing_html(view)


def test_a_proposal_whose_moves_leave_the_point_where_it_is_promises_no_arrow(four):
    """Regression: the caption spoke of a dashed arrow the diagram did not draw. At S 100, K 100 an account
    meant to be lean has no allowed move (we never ask the key account to invest less)."""
    from reportgen.charts import briefing_charts, partnership_diagram

    analysis = custom_account(four, [5, 5, 5, 5], [5, 5, 5, 5], intended="lean_supplier")
    view = view_of(analysis)
    assert view.proposal is not None and not view.proposal.reached and view.proposal.moves == ()
    assert not view.summary.proposal_arrow
    assert "dashed arrow" not in Renderer().briefing_html(view)
    without_plan = partnership_diagram(analysis, analysis.catalog, "en", plan=None)
    assert briefing_charts(analysis, "en").diagram_svg == without_plan


def test_the_proposal_says_it_is_made_on_our_view_where_the_key_account_sees_another_zone(three):
    # ours: 4 against 2 everywhere (S 75, K 25: frustrated); theirs: 2 against 4 (the key account invests more)
    analysis = voices(three, {ANNA: [(4, 2)] * 3, DORA: [(2, 4)] * 3})
    assert analysis.zones_disagree
    proposal = view_of(analysis).proposal
    assert proposal.views_disagree
    assert "The proposal is made on our view." in Renderer().briefing_html(view_of(analysis))
    alone = voices(three, {ANNA: [(4, 2)] * 3})
    assert not view_of(alone).proposal.views_disagree
