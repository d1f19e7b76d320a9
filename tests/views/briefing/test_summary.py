"""Page 1 of the briefing: its zone and how it moved, the reading of its figures, both views' zones side by
side, the intended relationship, the request for the key account's own view, and when each side rated."""

from __future__ import annotations

import io
from datetime import date
from html import escape

import pytest
from pypdf import PdfReader

from reportgen.analysis.all_accounts import prepare
from reportgen.analysis.history import build_histories
from reportgen.analysis.portfolio import analyse_portfolio
from reportgen.common.resources import CRITERIA_DIR, DEFAULT_CATALOG
from reportgen.model.catalog import Catalog, load_catalogs
from reportgen.model.findings import Coverage
from reportgen.rendering import Renderer
from reportgen.views.briefing import build_briefing
from reportgen.views.briefing.summary import ViewIndices
from reportgen.views.portfolio import PortfolioCharts, build_portfolio
from tests.builders import Q2, Q3, make, served
from tests.conftest import briefing_view
from tests.views.briefing.conftest import ANNA, BEN, CHARTS, DORA, view_of, voices


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


def test_several_raters_without_the_key_account_ask_for_its_view(three):
    analysis = voices(three, {ANNA: [(5, 2)] * 3, BEN: [(4, 2)] * 3})
    view = view_of(analysis)
    assert view.summary.key_account_view is None and view.perception is None
    assert view.team.their_raters == () and view.team.compared
    html = Renderer().briefing_html(view)
    # a command that can be typed as it stands: --view key-account alone stops for want of our name
    command = "reportgen template --view key-account --supplier &#39;YOUR COMPANY&#39; --account Acme --period 2026-Q3 --lang en"
    assert command in html


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


def test_each_optional_line_of_page_1_makes_the_two_view_diagram_give_way(catalog):
    plain = view_of(make(catalog, "Acme", Q3, 4, 2))
    with_cost = view_of(served(catalog, "Acme", 4, 2, effort_hours=100))
    with_both = view_of(served(catalog, "Acme", 4, 2, intended="preferred_partner", effort_hours=100))
    assert [v.summary.added_lines for v in (plain, with_cost, with_both)] == [0, 1, 2]
    assert 'class="summary zone-supplier_frustration_critical added-2"' in Renderer().briefing_html(with_both)
