"""The accounts' rows as every section of the portfolio lists them."""

from __future__ import annotations

from tests.builders import Q3, make, portfolio_view


def test_a_drivers_two_scores_stay_on_one_line(catalog):
    """Regression: "Early involvement (5 :" ended a line and "2)" began the next."""
    from reportgen.rendering import Renderer

    html = Renderer().portfolio_html(portfolio_view([make(catalog, "Alpha", Q3, 5, 2)], catalog))

    assert "(5&nbsp;:&nbsp;2)" in html and "(5 : 2)" not in html
