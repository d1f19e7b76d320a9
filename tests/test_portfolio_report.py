"""The portfolio's view: what each section of the portfolio report is told to show."""

from __future__ import annotations

from reportgen.model import Period

Q3 = Period(2026, 3)


def test_an_appendix_page_names_the_gaps_in_the_order_of_the_accounts_briefing(workload, catalog):
    """Regression: the appendix ranked gaps by size with its own tie-break, so Meridian's page began with
    Early involvement while its briefing's first driver is Knowledge transfer."""
    from datetime import date

    from reportgen.portfolio import analyse_portfolio
    from reportgen.portfolio_report import PortfolioCharts, build_portfolio

    portfolio = analyse_portfolio(workload.histories, Q3, catalog)
    stand_ins = PortfolioCharts("<svg/>", tuple("<svg/>" for _ in portfolio.entries))
    view = build_portfolio(portfolio, "en", date(2026, 11, 27), stand_ins)
    for page, entry in zip(
        view.appendix.pages, analyse_portfolio(workload.histories, Q3, catalog).entries, strict=True
    ):
        drivers = [d.number for d in entry.analysis.drivers]
        assert [note.number for note in page.gaps][: len(drivers)] == drivers[:5], entry.name
