"""Effort and return over the portfolio, each figure computed by hand: per zone, coverage, the ranking of
where serving takes the largest share of the margin, the whale curve and what scaling back would free.

The default catalog's hourly rate is 95 EUR. Every factor rated alike: 5 : 2 is S 100, K 25 (the critical
supplier frustration zone, a candidate to scale back), 4 : 4 a strategic partnership, 2 : 2 lean KAM.
"""

from __future__ import annotations

import pytest

from reportgen.analysis.effort_and_return import (
    effort_and_return,
    main_currency,
    spending_beyond_return,
    whale_curve,
)
from reportgen.analysis.history import build_histories
from reportgen.analysis.portfolio import analyse_portfolio
from tests.builders import Q3, costed, make


def portfolio_of(catalog, *analyses):
    return analyse_portfolio(build_histories(list(analyses)), Q3, catalog)


def by_name(entries):
    return [e.name for e in entries]


@pytest.fixture
def three(catalog):
    """Alpha over-invests: 1,000 h × 95 + 5,000 = 100,000 of a margin of 200,000. Beta, strategic: 500 h ×
    its own 100 = 50,000 of 600,000. Gamma, lean, gives nothing."""
    return portfolio_of(
        catalog,
        costed(catalog, "Alpha", 5, 2, effort_hours=1000, other_cost=5000, contribution_margin=200_000),
        costed(catalog, "Beta", 4, 4, effort_hours=500, hourly_rate=100, contribution_margin=600_000),
        make(catalog, "Gamma", Q3, 2, 2),
    )


def test_each_zone_sums_its_accounts_and_takes_its_share_of_all_hours_and_all_margin(three):
    figures = effort_and_return(three)
    zones = {z.zone_id: z for z in figures.zones}

    assert figures.currency == "EUR"
    assert (figures.total.hours, figures.total.cost_to_serve) == (1500, 150_000)
    assert (figures.total.contribution_margin, figures.total.margin_after_service) == (800_000, 650_000)
    critical = zones["supplier_frustration_critical"]
    assert (critical.sums.hours, critical.sums.cost_to_serve, critical.sums.contribution_margin) == (
        1000,
        100_000,
        200_000,
    )
    assert critical.hours_share == pytest.approx(2 / 3)
    assert critical.margin_share == pytest.approx(0.25)
    assert zones["strategic_partnership"].hours_share == pytest.approx(1 / 3)
    assert zones["strategic_partnership"].margin_share == pytest.approx(0.75)
    assert figures.frustration.hours_share == pytest.approx(2 / 3)
    assert figures.frustration.margin_share == pytest.approx(0.25)


def test_a_zone_whose_accounts_give_nothing_has_no_figures_not_zero(three):
    """Gamma's zone is listed with its account, but its hours and shares are not known, not 0."""
    lean = next(z for z in effort_and_return(three).zones if z.zone_id == "lean_supplier")

    assert by_name(lean.sums.accounts) == ["Gamma"]
    assert (
        lean.sums.hours is None and lean.sums.cost_to_serve is None and lean.sums.contribution_margin is None
    )
    assert lean.hours_share is None and lean.margin_share is None
    assert lean.sums.with_hours == 0


def test_zones_without_an_account_are_left_out_and_the_others_keep_the_portfolios_order(three):
    keys = [z.zone_id for z in effort_and_return(three).zones]

    assert keys == ["lean_supplier", "strategic_partnership", "supplier_frustration_critical"]


def test_coverage_counts_the_accounts_that_give_hours_and_lists_the_others(catalog):
    portfolio = portfolio_of(
        catalog,
        costed(catalog, "Alpha", 5, 2, effort_hours=0, contribution_margin=1000),
        costed(catalog, "Beta", 4, 4, contribution_margin=600_000),
        make(catalog, "Gamma", Q3, 2, 2),
    )
    figures = effort_and_return(portfolio)

    # zero hours are given (an account served without effort); a margin without hours is no effort given
    assert by_name(figures.with_hours) == ["Alpha"]
    assert by_name(figures.without_hours) == ["Beta", "Gamma"]
    assert figures.total.with_hours == 1
    assert figures.total.hours == 0


def test_no_account_with_any_figure_means_no_section(catalog):
    figures = effort_and_return(portfolio_of(catalog, make(catalog, "Alpha", Q3, 5, 2)))

    assert not figures.given and figures.currency is None
    assert figures.total.hours is None and figures.whale.points == () and figures.ranked == ()


def test_amounts_in_another_currency_are_listed_and_never_added_but_their_hours_count(catalog):
    """Two accounts in EUR, one in CHF: EUR is the main currency; the CHF account's 2,000 hours count,
    its amounts do not (its rate is its own: the catalog's is in EUR)."""
    portfolio = portfolio_of(
        catalog,
        costed(catalog, "Alpha", 5, 2, effort_hours=100, contribution_margin=50_000),
        costed(catalog, "Beta", 4, 4, effort_hours=200, contribution_margin=150_000),
        costed(catalog, "Chur", 4, 4, currency="CHF", effort_hours=2000, hourly_rate=120,
               contribution_margin=900_000),
    )  # fmt: skip
    figures = effort_and_return(portfolio)

    assert figures.currency == "EUR"
    assert by_name(figures.other_currency) == ["Chur"]
    assert figures.total.hours == 2300
    assert figures.total.cost_to_serve == 300 * 95
    assert figures.total.contribution_margin == 200_000
    assert by_name(p.entry for p in figures.whale.points) == ["Beta", "Alpha"]
    assert figures.whale.currency == "EUR"  # its amounts are said in it
    # a share is a ratio: the CHF account ranks with the others (240,000 of 900,000 = 27 %)
    assert by_name(figures.ranked) == ["Chur", "Alpha", "Beta"]


def test_the_main_currency_is_the_one_most_accounts_with_figures_use(catalog):
    entries = portfolio_of(
        catalog,
        costed(catalog, "Alpha", 5, 2, currency="CHF", effort_hours=1, hourly_rate=50),
        costed(catalog, "Beta", 4, 4, currency="CHF", contribution_margin=1),
        costed(catalog, "Gamma", 4, 4, effort_hours=1),
        make(catalog, "Delta", Q3, 2, 2),  # no figures: its EUR does not count
        make(catalog, "Epsilon", Q3, 2, 2),
    ).entries

    assert main_currency(entries, "EUR") == "CHF"


def test_on_a_tie_the_catalogs_currency_wins_else_the_first_by_its_code(catalog):
    def entries(*currencies):
        made = [costed(catalog, f"A{n}", 4, 4, currency=c, effort_hours=1, hourly_rate=1)
                for n, c in enumerate(currencies)]  # fmt: skip
        return portfolio_of(catalog, *made).entries

    assert main_currency(entries("EUR", "CHF"), "EUR") == "EUR"
    assert main_currency(entries("CHF", "EUR"), "EUR") == "EUR"
    assert main_currency(entries("USD", "CHF"), "EUR") == "CHF"
    assert main_currency(entries("CHF", "USD"), "EUR") == "CHF"


def test_one_account_in_each_currency_sums_in_the_catalogs(catalog):
    """A tie of EUR and CHF: the catalog's EUR is the portfolio's currency, not CHF, first by its code."""
    portfolio = portfolio_of(
        catalog,
        costed(catalog, "Chur", 4, 4, currency="CHF", effort_hours=10, hourly_rate=120),
        costed(catalog, "Essen", 4, 4, effort_hours=20),
    )
    figures = effort_and_return(portfolio)
    assert figures.currency == "EUR"
    assert figures.total.cost_to_serve == 20 * 95
    assert by_name(figures.other_currency) == ["Chur"]


def test_no_share_of_all_margin_where_all_margin_is_nothing(catalog):
    """Alpha loses 100,000 of margin, Beta makes 100,000: no zone has a share of a total of nothing."""
    portfolio = portfolio_of(
        catalog,
        costed(catalog, "Alpha", 5, 2, effort_hours=10, contribution_margin=-100_000),
        costed(catalog, "Beta", 4, 4, effort_hours=30, contribution_margin=100_000),
    )
    figures = effort_and_return(portfolio)

    assert figures.total.contribution_margin == 0
    assert all(z.margin_share is None for z in figures.zones)
    assert [z.hours_share for z in figures.zones] == [pytest.approx(0.75), pytest.approx(0.25)]


def test_where_serving_takes_most_a_margin_of_nothing_first_then_the_highest_share(catalog):
    """Nil: 50,000 of a margin of 0 (−50,000 left); Minus: 20,000 of −10,000 (−30,000 left); High: 80 %;
    Low: 20 %; Hours only gives no margin and is not ranked."""
    portfolio = portfolio_of(
        catalog,
        costed(catalog, "Low", 5, 2, effort_hours=100, hourly_rate=100, contribution_margin=50_000),
        costed(catalog, "High", 4, 4, effort_hours=400, hourly_rate=100, contribution_margin=50_000),
        costed(catalog, "Minus", 4, 4, effort_hours=200, hourly_rate=100, contribution_margin=-10_000),
        costed(catalog, "Nil", 2, 2, effort_hours=500, hourly_rate=100, contribution_margin=0),
        costed(catalog, "Hours only", 5, 2, effort_hours=5000),
    )

    assert by_name(spending_beyond_return(portfolio.entries)) == ["Nil", "Minus", "High", "Low"]


def test_a_small_loss_leads_even_a_share_of_many_times_the_margin(catalog):
    """Loss: no hours, a margin of −100 € (−100 left); Huge: 20,000 € of a margin of 100 € (a share of
    200): the account that returns nothing still leads."""
    portfolio = portfolio_of(
        catalog,
        costed(catalog, "Huge", 4, 4, effort_hours=200, hourly_rate=100, contribution_margin=100),
        costed(catalog, "Loss", 4, 4, effort_hours=0, contribution_margin=-100),
    )
    assert by_name(spending_beyond_return(portfolio.entries)) == ["Loss", "Huge"]


def test_equal_shares_keep_the_rankings_order(catalog):
    portfolio = portfolio_of(
        catalog,
        costed(catalog, "Balanced", 4, 4, effort_hours=100, hourly_rate=100, contribution_margin=50_000),
        costed(catalog, "Zed over", 5, 2, effort_hours=100, hourly_rate=100, contribution_margin=50_000),
    )

    assert by_name(spending_beyond_return(portfolio.entries)) == ["Zed over", "Balanced"]


def test_the_whale_curve_climbs_with_the_most_profitable_first_and_falls_with_the_rest(catalog):
    """Left after service: Top 300,000, Mid 50,000, Loss −100,000 → running 300,000, 350,000, 250,000.
    Cost only gives no margin and stays off the curve."""
    portfolio = portfolio_of(
        catalog,
        costed(catalog, "Loss", 5, 2, effort_hours=1000, hourly_rate=100, contribution_margin=0),
        costed(catalog, "Mid", 4, 4, effort_hours=500, hourly_rate=100, contribution_margin=100_000),
        costed(catalog, "Top", 2, 2, effort_hours=1000, hourly_rate=100, contribution_margin=400_000),
        costed(catalog, "Cost only", 2, 2, effort_hours=10),
    )
    curve = whale_curve(portfolio.entries, "EUR")

    assert by_name(p.entry for p in curve.points) == ["Top", "Mid", "Loss"]
    assert [p.margin_after_service for p in curve.points] == [300_000, 50_000, -100_000]
    assert [p.cumulative for p in curve.points] == [300_000, 350_000, 250_000]
    assert curve.peak.entry.name == "Mid" and curve.peak.cumulative == 350_000
    assert curve.peak_at == 2
    assert curve.total == 250_000


def test_the_whale_curves_peak_is_the_first_of_equal_heights_and_there_is_none_without_points(catalog):
    portfolio = portfolio_of(
        catalog,
        costed(catalog, "Top", 2, 2, effort_hours=10, hourly_rate=100, contribution_margin=2000),
        costed(catalog, "Even", 4, 4, effort_hours=10, hourly_rate=100, contribution_margin=1000),
    )
    curve = whale_curve(portfolio.entries, "EUR")

    assert [p.cumulative for p in curve.points] == [1000, 1000]
    assert curve.peak.entry.name == "Top" and curve.peak_at == 1
    assert whale_curve(portfolio.entries, "CHF").peak is None
    assert whale_curve(portfolio.entries, "CHF").peak_at == 0
    assert whale_curve(portfolio.entries, "CHF").total is None


def lean(catalog, name, hours):
    return costed(catalog, name, 2, 2, effort_hours=hours)


def test_scaling_back_frees_the_hours_beyond_the_lean_accounts_median_at_the_accounts_rate(catalog):
    """Lean accounts take 100, 200 and 400 hours: median 200. Alpha takes 1,000 at 95: 800 hours and
    76,000 would be freed; Beta, 150 at 100, takes less than the median: nothing."""
    portfolio = portfolio_of(
        catalog,
        lean(catalog, "L1", 100),
        lean(catalog, "L2", 200),
        lean(catalog, "L3", 400),
        costed(catalog, "Alpha", 5, 2, effort_hours=1000, contribution_margin=100_000),
        costed(catalog, "Beta", 5, 2, effort_hours=150, hourly_rate=100),
    )
    scale_back = effort_and_return(portfolio).scale_back

    assert scale_back.benchmark.median_hours == 200
    assert [(r.entry.name, r.hours, r.amount) for r in scale_back.releases] == [
        ("Alpha", 800, 76_000),
        ("Beta", 0, 0),
    ]
    assert (scale_back.hours_freed, scale_back.amount_freed) == (800, 76_000)
    assert (scale_back.candidates.sums.hours, scale_back.candidates.sums.cost_to_serve) == (1150, 110_000)
    # only Alpha gives a margin: its 95,000 of 100,000; Beta's cost has no margin to count against
    assert scale_back.candidates.sums.cost_share == pytest.approx(0.95)
    assert scale_back.candidates.hours_share == pytest.approx(1150 / 1850)


def test_without_three_lean_accounts_giving_hours_nothing_freed_is_invented(catalog):
    portfolio = portfolio_of(
        catalog,
        lean(catalog, "L1", 100),
        lean(catalog, "L2", 200),
        costed(catalog, "Alpha", 5, 2, effort_hours=1000, contribution_margin=100_000),
    )
    scale_back = effort_and_return(portfolio).scale_back

    assert scale_back.benchmark.median_hours is None and scale_back.benchmark.accounts == 2
    assert scale_back.releases == ()
    assert scale_back.hours_freed is None and scale_back.amount_freed is None
    assert scale_back.candidates.sums.hours == 1000
