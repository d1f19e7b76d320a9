"""The portfolio's view: what each section of the portfolio report is told to show."""

from __future__ import annotations

from reportgen.model.assessment import Period

Q3 = Period(2026, 3)


def test_an_appendix_page_names_the_gaps_in_the_order_of_the_accounts_briefing(workload, catalog):
    """Regression: the appendix ranked gaps by size with its own tie-break, so Meridian's page began with
    Early involvement while its briefing's first driver is Knowledge transfer."""
    from datetime import date

    from reportgen.analysis.portfolio import analyse_portfolio
    from reportgen.views.portfolio import PortfolioCharts, build_portfolio

    portfolio = analyse_portfolio(workload.histories, Q3, catalog)
    stand_ins = PortfolioCharts("<svg/>", tuple("<svg/>" for _ in portfolio.entries))
    view = build_portfolio(portfolio, "en", date(2026, 11, 27), stand_ins)
    for page, entry in zip(
        view.appendix.pages, analyse_portfolio(workload.histories, Q3, catalog).entries, strict=True
    ):
        drivers = [d.number for d in entry.analysis.drivers]
        assert [note.number for note in page.gaps][: len(drivers)] == drivers[:5], entry.name


def _view(analyses, catalog, lang="en"):
    from datetime import date

    from reportgen.analysis.history import build_histories
    from reportgen.analysis.portfolio import analyse_portfolio
    from reportgen.views.portfolio import PortfolioCharts, build_portfolio

    portfolio = analyse_portfolio(build_histories(analyses), Q3, catalog)
    stand_ins = PortfolioCharts("<svg/>", tuple("<svg/>" for _ in portfolio.entries))
    return build_portfolio(portfolio, lang, date(2026, 11, 27), stand_ins)


def test_without_a_key_account_view_the_portfolio_has_no_voices_and_marks_nothing(catalog):
    from tests.analysis.test_portfolio import make

    view = _view([make(catalog, "Alpha", Q3, 4, 2), make(catalog, "Beta", Q3, 5, 5)], catalog)
    assert view.voices is None
    assert view.cover.key_account_view_count == 0 and not view.questions.key_account_answers
    assert all(row.seen_as is None for row in view.questions.over_investing + view.questions.strategic)


def test_the_voices_name_both_zones_and_the_largest_gaps_and_the_answers_say_whose_view(catalog):
    from reportgen.model.findings import GapClass
    from reportgen.views.labels import gap_class_name, zone_name
    from reportgen.views.portfolio import PERCEPTION_GAPS_SHOWN
    from tests.analysis.test_portfolio import make, two_views

    mirror = two_views(catalog, "Mirror", (4, 2), (2, 4))
    for lang in ("de", "en"):
        view = _view(
            [mirror, two_views(catalog, "Even", (5, 5), (5, 5)), make(catalog, "Alone", Q3, 3, 3)],
            catalog,
            lang,
        )
        voices = view.voices
        assert (voices.with_view, voices.account_count) == (("Mirror", "Even"), 3)
        assert view.cover.key_account_view_count == 2
        another_zone = {
            "de": "bei 1 davon ordnet sie den Account einer anderen Zone zu",
            "en": "in 1 of them it puts the account in another zone",
        }
        assert another_zone[lang] in view.cover.changes[-1]
        (item,) = voices.disagreements
        assert item.row.name == "Mirror"
        assert item.ours.zone_name == zone_name(mirror.zone, catalog, lang)
        assert item.theirs.zone_name == zone_name(mirror.key_account_view.zone, catalog, lang)
        assert (item.theirs.supplier_index, item.theirs.key_account_index) == (25, 75)
        assert len(voices.gaps) == PERCEPTION_GAPS_SHOWN and voices.gap_count == 32
        assert {gap.class_name for gap in voices.gaps} <= {
            gap_class_name(GapClass.UNSEEN_BY_ACCOUNT, lang),
            gap_class_name(GapClass.UNSEEN_BY_US, lang),
        }
        assert voices.gaps[0].difference == 2 and voices.gaps[0].number == 1
        assert voices.gaps[0].side_name == {"de": "Lieferant", "en": "Supplier"}[lang]
        questions = view.questions
        assert questions.key_account_answers
        assert [row.name for row in questions.over_investing] == []
        assert [d.row.name for d in questions.over_investing_in_our_view_only] == ["Mirror"]
        (even,) = questions.strategic
        marker = {"de": "aus Sicht des Key Accounts", "en": "as the key account sees it"}[lang]
        assert even.name == "Even" and even.seen_as == marker
        # the ranking stays our view, unmarked
        first = view.ranking.rows[0]
        assert (first.name, first.balance, first.seen_as) == ("Mirror", 50, None)


def test_the_appendix_marks_calloways_quarter_assessed_with_v0_9_as_the_briefing_does():
    """Regression: the appendix diagram labelled 2025-Q4 without the ``*`` the briefing's trend gives a
    quarter assessed with another catalog, and said nothing of the catalog."""
    from datetime import date

    from reportgen.analysis.all_accounts import prepare
    from reportgen.analysis.portfolio import analyse_portfolio
    from reportgen.charts import portfolio_charts
    from reportgen.common.resources import CRITERIA_DIR, DEFAULT_CATALOG
    from reportgen.model.catalog import load_catalogs
    from reportgen.rendering import Renderer
    from reportgen.views.portfolio import build_portfolio
    from tests.conftest import CALLOWAY

    catalogs = load_catalogs(CRITERIA_DIR, DEFAULT_CATALOG)
    workload = prepare(CALLOWAY, catalogs)
    portfolio = analyse_portfolio(workload.histories, Q3, catalogs.default)
    (page,) = build_portfolio(
        portfolio, "en", date(2026, 11, 27), portfolio_charts(portfolio, "en")
    ).appendix.pages
    note = page.other_catalogs
    assert (note.mark, note.quarters, note.catalog_label) == (
        "*",
        "2025-Q4: efkam-partnership v0.9",
        "efkam-partnership v1.0",
    )
    (diagram,) = portfolio_charts(portfolio, "en").diagrams
    assert ">2025-Q4 *</text>" in diagram and ">2026-Q2</text>" in diagram
    view = build_portfolio(portfolio, "de", date(2026, 11, 27), portfolio_charts(portfolio, "de"))
    html = Renderer().portfolio_html(view)
    assert "(2025-Q4: efkam-partnership v0.9; jetzt efkam-partnership v1.0)" in html


def test_a_catalog_of_one_relationship_type_lists_no_strategic_partnerships_and_no_capacity(catalog):
    """Regression: its one type, lean KAM, was also shown as the strategic partnerships' line, and
    counted against their capacity."""
    from tests.analysis.test_portfolio import make, variant

    one = variant(
        catalog, lambda data: data["zones"].update(relationship_types=data["zones"]["relationship_types"][:1])
    )
    view = _view(
        [make(one, "Alpha", Q3, 2, 2), make(one, "Beta", Q3, 5, 5), make(one, "Gamma", Q3, 4, 2)], one
    )

    assert view.questions.strategic_name is None and view.questions.strategic == ()
    assert [row.name for row in view.questions.lean] == ["Alpha", "Beta"]
    assert view.questions.capacity.accounts == () and not view.questions.capacity.exceeded
    from reportgen.rendering import Renderer

    html = Renderer().portfolio_html(view)
    assert "Capacity check" not in html and "preferred partner" not in html
    assert "the catalog knows no relationship beyond lean KAM" in html
    assert (
        _view([make(catalog, "Beta", Q3, 5, 5)], catalog).questions.strategic_name == "Strategic partnership"
    )


def test_a_drivers_two_scores_stay_on_one_line(catalog):
    """Regression: "Early involvement (5 :" ended a line and "2)" began the next."""
    from reportgen.rendering import Renderer
    from tests.analysis.test_portfolio import make

    html = Renderer().portfolio_html(_view([make(catalog, "Alpha", Q3, 5, 2)], catalog))

    assert "(5&nbsp;:&nbsp;2)" in html and "(5 : 2)" not in html
