"""The briefing's view: what each section of a briefing is told to show."""

from __future__ import annotations

import io
import re
from datetime import date
from html import escape

import pytest
from pypdf import PdfReader

from reportgen.analysis.all_accounts import prepare
from reportgen.analysis.history import build_histories
from reportgen.analysis.indices import analyse
from reportgen.analysis.portfolio import analyse_portfolio
from reportgen.common.resources import CRITERIA_DIR, DEFAULT_CATALOG
from reportgen.model.assessment import AccountFacts, Assessment, FactorRating, Rater, View
from reportgen.model.catalog import Catalog, load_catalogs
from reportgen.model.findings import AccountAnalysis, Coverage, GapClass
from reportgen.rendering import Renderer
from reportgen.views.briefing import (
    BriefingCharts,
    GapClassNote,
    PlanPoint,
    RaterEntry,
    SpreadView,
    ViewIndices,
    build_briefing,
)
from reportgen.views.labels import gap_class_meaning, gap_class_name
from reportgen.views.portfolio import PortfolioCharts, build_portfolio
from tests.analysis.test_indices import small_catalog
from tests.analysis.test_portfolio import Q2, Q3, make
from tests.analysis.test_rebalancing import account as rebalanced
from tests.analysis.test_rebalancing import custom_catalog
from tests.conftest import CALLOWAY, EXAMPLES, briefing_view
from tests.reading.test_raters import rater_file as rater_file  # a fixture

CHARTS = BriefingCharts("<svg/>", "<svg/>", "<svg/>")


def renamed(catalog: Catalog) -> Catalog:
    """The catalog as an earlier version that named its lowest relationship type otherwise."""
    data = catalog.model_dump(exclude_none=True)
    data["version"] = "0.8"
    data["zones"]["relationship_types"][0]["name"] = {"en": "Lean supplier", "de": "Schlanker Lieferant"}
    return Catalog.model_validate(data)


def test_a_zone_worded_anew_by_another_catalog_version_is_no_move(catalog):
    """Regression: the briefing and the portfolio's ranking compared zone names, the portfolio's movements
    zone ids, so an account whose zone an earlier catalog version named otherwise moved in two places
    of the reports and stood still in the third."""
    earlier = make(renamed(catalog), "Gamma", Q2, 2, 2, ref="efkam-partnership v0.8")
    now = make(catalog, "Gamma", Q3, 2, 2)
    assert earlier.zone.id == now.zone.id == "lean_supplier"
    histories = build_histories([earlier, now])
    (history,) = histories.values()
    since = build_briefing(now, "en", date(2026, 11, 27), history, CHARTS).summary.since
    assert since.previous_zone_name == "Lean supplier" and since.zone_name == "Lean KAM – reliable supplier"
    assert not since.zone_changed
    portfolio = analyse_portfolio(histories, Q3, catalog)
    view = build_portfolio(portfolio, "en", date(2026, 11, 27), PortfolioCharts("<svg/>", ("<svg/>",)))
    (row,) = view.ranking.rows
    assert not row.zone_changed
    assert view.movements.rows == ()
    assert view.cover.changes[0] == "Since 2026-Q2 no account changed zone."


def test_a_zone_change_is_told_alike_in_the_briefing_and_the_portfolio(catalog):
    earlier = make(catalog, "Alpha", Q2, 3, 3)
    now = make(catalog, "Alpha", Q3, 5, 2)
    histories = build_histories([earlier, now])
    (history,) = histories.values()
    since = build_briefing(now, "de", date(2026, 11, 27), history, CHARTS).summary.since
    assert since.zone_changed and since.period == "2026-Q2"
    view = build_portfolio(
        analyse_portfolio(histories, Q3, catalog), "de", date(2026, 11, 27), PortfolioCharts("", ("",))
    )
    (row,) = view.ranking.rows
    assert row.zone_changed and view.movements.rows == (row,)
    assert row.previous_zone_name == since.previous_zone_name and row.zone_name == since.zone_name


def test_the_calloway_briefing_marks_the_quarter_assessed_with_v0_9():
    workload = prepare(CALLOWAY, load_catalogs(CRITERIA_DIR, DEFAULT_CATALOG))
    latest = workload.analyses[-1]
    view = briefing_view(latest, "de", workload.history_of(latest), drawn=False)
    marked = {row.period: row.other_catalog for row in view.history.rows}
    assert marked["2025-Q4"] == "efkam-partnership v0.9"
    assert marked["2026-Q2"] is None and marked["2026-Q3"] is None
    assert [row.period_label for row in view.history.rows] == ["2025-Q4 *", "2026-Q1", "2026-Q2", "2026-Q3"]
    assert view.history.other_catalogs is not None
    note = view.history.other_catalogs
    assert (note.mark, note.quarters) == ("*", "2025-Q4: efkam-partnership v0.9")
    assert note.catalog_label == view.catalog_label == "efkam-partnership v1.0"


# Several voices: hand-built analyses of a three-factor catalog (weights 1, 2, 1; scale 1–5 → 0–100).

ANNA = Rater("Anna Adler", "Sales director")
BEN = Rater("Ben Brandt", "Service")
CEM = Rater("Cem Celik", "Service")
DORA = Rater("Dora Dietz", "Procurement", View.KEY_ACCOUNT)


def voices(
    catalog: Catalog, scores: dict[Rater, list[tuple[float, float]]], comments=None
) -> AccountAnalysis:
    """An analysis from each rater's (supplier, key account) scores of the catalog's factors, in order;
    *comments* maps (rater, factor number) to a comment."""
    comments = comments or {}
    ratings = tuple(
        FactorRating(f.id, s, k, comments.get((rater, number), ""), rater=rater)
        for rater, rows in scores.items()
        for number, (f, (s, k)) in enumerate(zip(catalog.factors, rows, strict=True), start=1)
    )
    facts = AccountFacts("Acme", key_account_manager="Anna Adler")
    return analyse(Assessment(facts, Q3, ratings, raters=tuple(scores)), catalog)


def view_of(analysis: AccountAnalysis, lang: str = "en"):
    return build_briefing(analysis, lang, date(2026, 11, 27), None, CHARTS)


@pytest.fixture
def three(catalog):
    return small_catalog(catalog)


def test_zones_that_disagree_are_named_both_and_mirrored(three):
    ours = [(5, 2)] * 3  # S 100, K 25: we invest more
    theirs = [(2, 5), (2, 5), (None, None)]  # S 25, K 100 on two factors: it sees itself investing more
    analysis = voices(three, {ANNA: ours, BEN: ours, DORA: theirs})
    views = view_of(analysis).summary.key_account_view
    assert views.zones_disagree
    assert views.ours == ViewIndices(
        supplier_index=100, key_account_index=25, balance=75, coverage=Coverage(3, 3, 3)
    )
    # the key account's view rests on two factors only, and the mirror says so
    assert views.theirs == ViewIndices(
        supplier_index=25, key_account_index=100, balance=-75, coverage=Coverage(2, 2, 3)
    )
    assert views.their_zone_name == three.zones.account_invests_more.name.get("en")
    assert views.our_zone_name.startswith(three.zones.supplier_frustration.name.get("en"))


def test_zones_that_agree_are_one_zone_in_both_views(three):
    analysis = voices(three, {ANNA: [(4, 4)] * 3, DORA: [(4, 5), (4, 4), (5, 4)]})
    summary = view_of(analysis, "de").summary
    assert not summary.key_account_view.zones_disagree
    assert summary.key_account_view.their_zone_name == summary.key_account_view.our_zone_name
    assert summary.key_account_view.ours == ViewIndices(75, 75, 0, Coverage(3, 3, 3))
    assert summary.questionnaire_command is None


@pytest.mark.parametrize(
    ("ours", "reading"),
    [
        ([(4, 4)] * 3, "Both sides invest exactly alike: the indices are the same, on a scale of 0 to 100."),
        (  # S 75, K 100 · 11/16 = 69 (weights 1, 2, 1)
            [(4, 4), (4, 4), (4, 3)],
            "Both sides invest in balance: the indices differ by 6 points, on a scale of 0 to 100.",
        ),
    ],
)
def test_indices_alike_read_as_alike_not_as_0_points_apart(three, ours, reading):
    """Regression: equal indices read "the indices differ by 0 points"."""
    html = Renderer().briefing_html(view_of(voices(three, {ANNA: ours})))
    assert reading in " ".join(html.split())


def test_the_disagreeing_zones_come_first_on_page_1(three):
    analysis = voices(three, {ANNA: [(5, 2)] * 3, DORA: [(2, 5)] * 3})
    html = Renderer().briefing_html(view_of(analysis))
    verdict = html[html.index('class="verdict') :]
    assert verdict.index("The views disagree: we see") < verdict.index("As we see it")
    assert "Partnership diagram: two points joined by a line" in html


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


def test_several_raters_without_the_key_account_ask_for_its_view(three):
    analysis = voices(three, {ANNA: [(5, 2)] * 3, BEN: [(4, 2)] * 3})
    view = view_of(analysis)
    assert view.summary.key_account_view is None and view.perception is None
    assert view.team.their_raters == () and view.team.compared
    html = Renderer().briefing_html(view)
    # a command that can be typed as it stands: --view key-account alone stops for want of our name
    command = "reportgen template --view key-account --supplier &#39;YOUR COMPANY&#39; --account Acme --period 2026-Q3 --lang en"
    assert command in html


def test_one_rater_gets_the_briefing_of_before(three):
    analysis = voices(three, {ANNA: [(4, 3)] * 3})
    view = view_of(analysis)
    assert view.summary.questionnaire_command is None
    assert view.summary.key_account_view is None
    assert view.perception is None and view.team is None
    assert not view.profile.team_dots


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


@pytest.mark.parametrize(
    ("supplier", "key_account", "intended", "fit", "verdict"),
    [
        # 4 → 75 on both sides: balanced, the lower index 75 above 66: strategic partnership, as intended
        (4, 4, "strategic_partnership", "on_target", ("on target", "erreicht")),
        # 4 → 75 against 2 → 25: the frustration zone
        (4, 2, "strategic_partnership", "over_invested", ("over-invested", "überinvestiert")),
        # 2 → 25 on both sides: lean, below a preferred partner
        (2, 2, "preferred_partner", "under_invested", ("under-invested", "unterinvestiert")),
    ],
)
def test_page_1_names_the_intended_relationship_and_the_fit_in_the_report_language(
    catalog, supplier, key_account, intended, fit, verdict
):
    analysis = make(catalog, "Acme", Q3, supplier, key_account, intended=intended)
    intended_type = next(t for t in catalog.zones.relationship_types if t.id == intended)
    for lang, words in zip(("en", "de"), verdict, strict=True):
        view = view_of(analysis, lang).summary.intended
        assert (view.type_name, view.fit) == (intended_type.name.get(lang), fit)
        assert view.verdict.startswith(words)
        html = Renderer().briefing_html(view_of(analysis, lang))
        assert f'<p class="intended fit-{fit}">' in html
        assert escape(view.verdict, quote=False) in html


def test_without_an_intended_relationship_page_1_says_nothing_of_one(catalog):
    view = view_of(make(catalog, "Acme", Q3, 4, 2))
    assert view.summary.intended is None
    assert 'class="intended' not in Renderer().briefing_html(view)


# The rebalancing proposal: the four-factor catalog of tests/analysis/test_rebalancing.py, weights alike, where one
# scale point of one factor moves an index by 6.25.


@pytest.fixture(scope="module")
def four(catalog):
    return custom_catalog(catalog, [1, 1, 1, 1])


def test_a_proposal_lists_each_move_with_its_effect_and_the_projected_figures(four):
    # S (100 + 75 + 50 + 50) / 4 = 68.75 → 69, K 50: +19, frustrated; the target is balance at K's level
    # (a preferred partner). Scaling f1 back from 5 to 3 gives S 56.25 → 56: −13 on S, +6, balanced.
    analysis = rebalanced(four, [5, 4, 3, 3], [3, 3, 3, 3])
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
    analysis = rebalanced(four, [4, 4, 4, 4], [4, 4, 4, 4])
    view = view_of(analysis)
    assert view.proposal is None and not view.summary.proposal_arrow
    assert 'class="proposal' not in Renderer().briefing_html(view)


def test_a_proposal_whose_moves_leave_the_point_where_it_is_promises_no_arrow(four):
    """Regression: the caption spoke of a dashed arrow the diagram did not draw. At S 100, K 100 an account
    meant to be lean has no allowed move (we never ask the key account to invest less)."""
    from reportgen.charts import briefing_charts, partnership_diagram

    analysis = rebalanced(four, [5, 5, 5, 5], [5, 5, 5, 5], intended="lean_supplier")
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


def test_the_proposal_follows_the_team_with_several_voices_and_precedes_the_questions_without(three):
    """With several voices the last page is full and the team's page has room; a single rater's briefing
    has room before its coaching questions, so it keeps four pages where it can."""
    team = Renderer().briefing_html(view_of(voices(three, {ANNA: [(4, 2)] * 3, DORA: [(2, 4)] * 3})))
    assert team.index('class="team"') < team.index('class="proposal"') < team.index('class="factors"')
    alone = Renderer().briefing_html(view_of(voices(three, {ANNA: [(4, 2)] * 3})))
    assert alone.index('class="factors"') < alone.index('class="proposal"') < alone.index('class="coaching"')


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_comment_that_says_not_rated_is_not_prefixed_with_it_again(catalog, lang):
    """Regression: "nicht bewertet: Not rated yet: …" in the factor table. A comment that starts by saying
    so, in either language and any case, stands alone; any other comment of an unrated factor is
    prefixed."""
    comments = ["Not rated yet: no project this quarter", "NICHT BEWERTET, kein Kontakt", "Too early to say"]
    ratings = [FactorRating(f.id, 3, 3) for f in catalog.factors[3:]]
    ratings += [FactorRating(f.id, None, 2, text) for f, text in zip(catalog.factors, comments, strict=False)]
    analysis = analyse(Assessment(AccountFacts("Acme"), Q3, tuple(ratings), raters=(Rater(),)), catalog)
    html = Renderer().briefing_html(briefing_view(analysis, lang, drawn=False))
    cells = [
        re.sub(r"<[^>]*>", "", cell) for cell in re.findall(r'<td class="comment"[^>]*>(.*?)</td>', html)
    ]
    not_rated = {"de": "nicht bewertet", "en": "not rated"}[lang]
    assert cells[:3] == [comments[0], comments[1], f"{not_rated}: {comments[2]}"]


def test_page_one_dates_our_teams_rating_the_key_accounts_date_stands_with_its_view(tmp_path, rater_file):
    """Our raters' files dated 10 and 12 September, the key account's questionnaire 30 September: page 1's
    *Assessed on* beside our raters is our latest date, 12 September; the 30th stands with their view."""
    rater_file("a.xlsx", "Anja Groß", "Sales", **{"Assessed on": date(2026, 9, 10)})
    rater_file("b.xlsx", "Tom Berg", "Service", **{"Assessed on": date(2026, 9, 12)})
    rater_file("d.xlsx", "Dana White", "Purchasing", view="Key Account", **{"Assessed on": date(2026, 9, 30)})
    (analysis,) = prepare([tmp_path], load_catalogs(CRITERIA_DIR, DEFAULT_CATALOG)).analyses
    view = briefing_view(analysis, "en", drawn=False)
    assert view.summary.assessed_on == date(2026, 9, 12)
    assert view.summary.key_account_view.assessed_on == date(2026, 9, 30)
    pdf = Renderer().briefing_pdf(view)
    first = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "ASSESSED BY Anja Groß, Tom Berg ASSESSED ON September 12, 2026" in first
    assert "AS THE KEY ACCOUNT SEES IT assessed on September 30, 2026" in first
