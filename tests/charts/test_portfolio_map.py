"""The portfolio map and the appendix's mini diagram: well-formed SVG."""

from __future__ import annotations

from tests.builders import Q2, Q3, make


def test_portfolio_map_is_well_formed_svg(workload, catalog):
    import xml.dom.minidom

    from reportgen.analysis.portfolio import analyse_portfolio
    from reportgen.charts import portfolio_map
    from reportgen.charts.mini import mini_diagram

    portfolio = analyse_portfolio(workload.histories, Q3, catalog)
    xml.dom.minidom.parseString(portfolio_map(portfolio, catalog, "de").encode("utf-8"))
    entry = portfolio.entries[0]
    path = workload.history_of(entry.analysis).analyses[:-1]
    xml.dom.minidom.parseString(mini_diagram(entry.analysis, path, catalog).encode("utf-8"))


def test_no_label_lies_over_an_arrow(catalog):
    """Brandtner moved up from S 50 to S 75 (K 50); Hofmann, new, sits just left of Brandtner's arrow, so
    its label's first choice (right, above) lay over the arrow, and Hofmann seemed to have moved."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from reportgen.analysis.history import build_histories
    from reportgen.analysis.portfolio import analyse_portfolio
    from reportgen.charts.portfolio_map import portfolio_map_figure

    analyses = [
        make(catalog, "Brandtner", Q2, 3, 3),  # S 50, K 50
        make(catalog, "Brandtner", Q3, 4, 3),  # S 75, K 50
        make(catalog, "Hofmann", Q3, 3.5, 2.7),  # S 62.5, K 42.5: new
    ]
    portfolio = analyse_portfolio(build_histories(analyses), Q3, catalog)
    figure = portfolio_map_figure(portfolio, catalog, "en")
    (axes,) = figure.axes
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    to_data = axes.transData.inverted()
    arrows = [text for text in axes.texts if getattr(text, "arrow_patch", None) is not None]
    labels = [text for text in axes.texts if text.get_text()]
    assert len(arrows) == 1 and len(labels) == 2
    (arrow,) = arrows
    (x0, y0), (x1, y1) = arrow.xyann, arrow.xy
    along = [(x0 + (x1 - x0) * i / 20, y0 + (y1 - y0) * i / 20) for i in range(21)]
    for label in labels:
        (left, bottom), (right, top) = to_data.transform(
            label.get_bbox_patch().get_window_extent(canvas.get_renderer()).get_points()
        )
        covered = [(x, y) for x, y in along if left <= x <= right and bottom <= y <= top]
        assert covered == [], label.get_text()
