"""The charts of effort and return: well-formed, their accounts named where few, their labels apart and
inside the figure with 200 accounts, the whale curve's peak and end readable."""

from __future__ import annotations

import random
import xml.dom.minidom
from itertools import combinations

import pytest

from reportgen.analysis.effort_and_return import effort_and_return
from reportgen.analysis.history import build_histories
from reportgen.analysis.portfolio import analyse_portfolio
from reportgen.charts.effort import NAMED_LEADERS, effort_chart, effort_figure, whale_chart, whale_figure
from tests.builders import Q3, costed, make
from tests.charts.conftest import texts


def figures_of(catalog, analyses):
    portfolio = analyse_portfolio(build_histories(analyses), Q3, catalog)
    return portfolio, effort_and_return(portfolio)


def many(catalog, count=200, seed=7):
    """*count* accounts with long names, spread over the square, each with hours, cost and margin; a few
    lose money after service, a few give no margin at all (margin 0)."""
    rng = random.Random(seed)
    analyses = []
    for number in range(count):
        margin = rng.choice([0, -20_000]) if number % 37 == 0 else round(rng.lognormvariate(12, 1), -3)
        analyses.append(
            costed(
                catalog,
                f"{number:03d} Nordlogistik Systemtechnik GmbH & Co. KG",
                rng.choice([1, 2, 3, 4, 5]),
                rng.choice([1, 2, 3, 4, 5]),
                revenue=round(rng.lognormvariate(14.5, 1), -3),
                effort_hours=rng.randint(20, 2000),
                other_cost=rng.choice([None, 5000]),
                contribution_margin=margin,
            )
        )
    return analyses


def labels(figure):
    """Each label's text and its box in display units, once drawn."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    (axes,) = figure.axes
    return [(t.get_text(), t.get_window_extent(renderer)) for t in axes.texts if t.get_text()], figure.bbox


def assert_apart_and_inside(found, bounds):
    for (a, box_a), (b, box_b) in combinations(found, 2):
        assert not box_a.overlaps(box_b), (a, b)
    for text, box in found:
        assert bounds.x0 <= box.x0 and box.x1 <= bounds.x1 and bounds.y0 <= box.y0 and box.y1 <= bounds.y1, (
            text
        )


def test_the_examples_charts_are_well_formed_and_name_every_account(workload, catalog):
    portfolio = analyse_portfolio(workload.histories, Q3, catalog)
    figures = effort_and_return(portfolio)
    effort, whale = effort_chart(portfolio, figures, "de"), whale_chart(figures, "de")

    for svg in (effort, whale):
        xml.dom.minidom.parseString(svg.encode("utf-8"))
    for name in ("Brandtner", "Meridian Aerotech", "Nordhafen Logistik AG", "Calloway Foods Ltd"):
        assert name in texts(effort) and name in texts(whale)
    assert "Kessler" not in texts(effort) and "Vireo" not in texts(effort)  # no figures: not placed at 0
    # Brandtner costs more to serve than it returns: the curve peaks before its end, and both are marked
    # 2,081,500 + 982,500 + 159,600 = 3,223,600 €; − 13,000 € = 3,210,600 €
    assert "Höchststand: 3.223.600\u00a0€ nach 3 Accounts" in texts(whale)
    assert "Alle 4: 3.210.600\u00a0€" in texts(whale)


def test_with_200_accounts_the_chart_names_only_the_leaders_and_no_label_covers_another(catalog):
    portfolio, figures = figures_of(catalog, many(catalog))
    found, bounds = labels(effort_figure(portfolio, figures, "en"))

    assert len(found) == NAMED_LEADERS
    leaders = [e for e in figures.ranked if e.analysis.cost_to_serve.share is not None][:NAMED_LEADERS]
    assert [text for text, _box in found] == [f"{e.rank} {e.name[:23].rstrip()}…" for e in leaders]
    assert_apart_and_inside(found, bounds)


def test_with_200_accounts_the_whale_curve_marks_its_peak_and_its_end_apart(catalog):
    _portfolio, figures = figures_of(catalog, many(catalog))
    curve = figures.whale
    assert curve.peak_at < len(curve.points)  # the losing accounts bring it down
    found, bounds = labels(whale_figure(figures, "en"))

    assert [text.split(":")[0] for text, _box in found] == ["Peak", f"All {len(curve.points)}"]
    assert_apart_and_inside(found, bounds)


def test_a_few_accounts_are_each_named_on_the_whale_curve_and_labels_stay_apart(catalog):
    _portfolio, figures = figures_of(catalog, many(catalog, count=6, seed=3))
    found, bounds = labels(whale_figure(figures, "de"))

    names = [text for text, _box in found if "Nordlogistik" in text]
    assert len(names) == len(figures.whale.points)
    assert_apart_and_inside(found, bounds)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_chart_without_figures_to_place(catalog, lang):
    """Margin not above zero: no share to place; no margin at all: no whale curve either."""
    _portfolio, nothing = figures_of(catalog, [make(catalog, "Alpha", Q3, 4, 2)])
    portfolio, no_share = figures_of(
        catalog, [costed(catalog, "Alpha", 5, 2, effort_hours=10, contribution_margin=0)]
    )

    assert effort_chart(portfolio, no_share, lang) is None
    assert whale_chart(nothing, lang) is None
    assert whale_chart(no_share, lang) is not None  # one point: it loses 950


def test_a_curve_that_rises_to_its_end_marks_only_its_end(catalog):
    analyses = [
        costed(catalog, "A", 4, 4, effort_hours=10, contribution_margin=100_000),
        costed(catalog, "B", 4, 4, effort_hours=10, contribution_margin=50_000),
    ]
    portfolio = analyse_portfolio(build_histories(analyses), Q3, catalog)
    whale = texts(whale_chart(effort_and_return(portfolio), "en"))
    # 100,000 − 950 + 50,000 − 950 = 148,100
    assert "All 2: €148,100" in whale.replace("\u00a0", " ")
    assert "Peak" not in whale
