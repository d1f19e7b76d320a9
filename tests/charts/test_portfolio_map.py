"""The portfolio map and the appendix's mini diagram: well-formed SVG."""

from __future__ import annotations

from reportgen.model import Period

Q3 = Period(2026, 3)


def test_portfolio_map_is_well_formed_svg(workload, catalog):
    import xml.dom.minidom

    from reportgen.charts import portfolio_map
    from reportgen.charts.mini import mini_diagram
    from reportgen.portfolio import analyse_portfolio

    portfolio = analyse_portfolio(workload.histories, Q3, catalog)
    xml.dom.minidom.parseString(portfolio_map(portfolio, catalog, "de").encode("utf-8"))
    entry = portfolio.entries[0]
    path = workload.history_of(entry.analysis).analyses[:-1]
    xml.dom.minidom.parseString(mini_diagram(entry.analysis, path, catalog).encode("utf-8"))
