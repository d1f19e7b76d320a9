"""The portfolio's appendix: each account in brief, named and marked as the account's briefing is."""

from __future__ import annotations

from tests.builders import Q3


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
