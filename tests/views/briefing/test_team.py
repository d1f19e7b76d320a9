"""The briefing's team page: raters by view and by name only, the factors to discuss as ranges without
names, figures by role only for a role large enough; and no rater's name beside a figure anywhere."""

from __future__ import annotations

import re
from html import escape

import pytest

from reportgen.analysis.all_accounts import prepare
from reportgen.common.resources import CRITERIA_DIR, DEFAULT_CATALOG
from reportgen.model.assessment import Rater
from reportgen.model.catalog import load_catalogs
from reportgen.rendering import Renderer
from reportgen.views.briefing.team import RaterEntry, SpreadView
from tests.conftest import EXAMPLES, briefing_view
from tests.views.briefing.conftest import ANNA, BEN, CEM, DORA, view_of, voices


def test_the_team_lists_raters_by_view_and_the_factors_to_discuss_without_names(three):
    ours = {ANNA: [(5, 3), (4, 4), (4, 4)], BEN: [(3, 3), (4, 4), (4, 4)], CEM: [(1, 3), (4, 4), (4, 4)]}
    analysis = voices(three, {**ours, DORA: [(4, 4)] * 3})
    team = view_of(analysis).team
    assert team.our_raters == (
        RaterEntry("Anna Adler", "Sales director"),
        RaterEntry("Ben Brandt", "Service"),
        RaterEntry("Cem Celik", "Service"),
    )
    assert team.their_raters == (RaterEntry("Dora Dietz", "Procurement"),)
    assert team.compared
    (row,) = team.disagreements
    assert row.number == 1
    assert row.supplier == SpreadView(low=1, high=5, raters=3, alike=False)
    assert row.key_account == SpreadView(low=3, high=3, raters=3, alike=True)
    assert team.roles == ()  # two raters of Service are too few to be shown apart


def test_figures_by_role_only_where_the_analysis_has_a_large_enough_role(three):
    service = [Rater(name, "Service") for name in ("Ben Brandt", "Cem Celik", "Eva Engel")]
    analysis = voices(three, {rater: [(4, 3)] * 3 for rater in service})
    (role,) = view_of(analysis).team.roles
    assert (role.role, role.raters, role.supplier_index, role.key_account_index) == ("Service", 3, 75, 50)


def test_one_rater_of_ours_and_the_key_account_list_the_team_but_compare_no_one(three):
    analysis = voices(three, {ANNA: [(4, 3)] * 3, DORA: [(3, 4)] * 3})
    view = view_of(analysis)
    assert view.summary.key_account_view is not None and view.perception is not None
    assert not view.team.compared and not view.profile.team_dots


# The examples with several voices, as a run renders them.

MULTI_VOICE = {
    "Nordhafen Logistik AG": sorted(EXAMPLES.glob("nordhafen-logistik_2026-Q3*.xlsx")),
    "Meridian Aerotech Inc.": sorted(EXAMPLES.glob("meridian-aerotech_2026-Q3*.xlsx")),
}


@pytest.mark.parametrize("account", MULTI_VOICE)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_rater_name_stands_in_a_table_row(account, lang):
    """Privacy: names appear in the list of raters, never beside a score."""
    workload = prepare(MULTI_VOICE[account], load_catalogs(CRITERIA_DIR, DEFAULT_CATALOG))
    (analysis,) = workload.analyses
    names = [rater.name for rater in analysis.assessment.raters]
    assert len(names) == 4
    html = Renderer().briefing_html(briefing_view(analysis, lang, drawn=False))
    rows = re.findall(r"<tr\b.*?</tr>", html, flags=re.DOTALL)
    assert rows
    # every block of text (paragraph, cell, list item, title …) that names a rater holds no figure at all
    blocks = re.split(r"<(?:p|dd|dt|td|th|li|tr|div|h\d|title|meta|figcaption)\b", html)
    for name in names:
        assert escape(name) in html
        assert not [row for row in rows if escape(name) in row]
        for block in (b for b in blocks if escape(name) in b):
            text = re.sub(r"<[^>]*>", " ", block)
            for other in names:
                text = text.replace(escape(other), "")
            assert not re.search(r"\d", text), (name, text)
