"""What serving an account costs and returns, each figure computed by hand: a fact not given is never
zero, amounts in two currencies are never added, and the effort benchmark is the median of at least three
accounts in that relationship type today."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reportgen.analysis.cost_to_serve import (
    BENCHMARK_ACCOUNTS,
    EffortBenchmark,
    account_cost_to_serve,
    contribution_margin,
    cost_to_serve,
    cost_to_serve_share,
    effort_benchmark,
    hourly_rate,
    margin_after_service,
    share_of,
)
from reportgen.analysis.indices import analyse
from reportgen.model.assessment import AccountFacts, Assessment, FactorRating, ServiceFacts
from reportgen.model.catalog import Economics
from reportgen.model.findings import CostToServe
from tests.builders import Q3

CATALOG_RATE = Economics(hourly_rate=95, currency="EUR")


# cost to serve = hours × hourly rate + other cost


@pytest.mark.parametrize(
    ("hours", "rate", "other", "expected"),
    [
        (1150, 95, 12_000, 121_250),  # 1,150 × 95 = 109,250; + 12,000
        (1400, 95, 24_000, 157_000),  # 1,400 × 95 = 133,000; + 24,000
        (120, 95, None, 11_400),  # other cost left blank adds nothing
        (0, 95, 500, 500),  # no hours spent is a fact: the other cost alone
        (10, 0, None, 0),
        (None, 95, 12_000, None),  # no cost without hours, even with other cost
        (1150, None, 12_000, None),  # nor without a rate: never the other cost alone
    ],
)
def test_cost_to_serve(hours, rate, other, expected):
    assert cost_to_serve(hours, rate, other) == expected


# share = cost to serve ÷ contribution margin, only of a margin above zero


@pytest.mark.parametrize(
    ("cost", "margin", "expected"),
    [
        (121_250, 288_000, 121_250 / 288_000),  # 0.421: 42 %
        (157_000, 288_000, 157_000 / 288_000),  # 0.545: 55 %
        (300_000, 150_000, 2.0),  # more than the margin: above 1, not capped
        (100, 1, 100.0),
        (121_250, 0, None),  # of a margin of nothing no share is meaningful
        (121_250, -50_000, None),  # nor of a loss
        (None, 288_000, None),
        (121_250, None, None),
    ],
)
def test_cost_to_serve_share(cost, margin, expected):
    assert cost_to_serve_share(cost, margin) == expected


@pytest.mark.parametrize(
    ("margin", "cost", "expected"),
    [
        (288_000, 157_000, 131_000),
        (100_000, 157_000, -57_000),  # serving costs more than the account returns
        (-20_000, 11_400, -31_400),  # a loss grows by the cost to serve
        (288_000, None, None),
        (None, 157_000, None),
    ],
)
def test_margin_after_service(margin, cost, expected):
    assert margin_after_service(margin, cost) == expected


# the contribution margin: as given, or a share of the revenue times the revenue


def facts(revenue=None, currency="EUR", **service) -> AccountFacts:
    return AccountFacts("Acme", annual_revenue=revenue, currency=currency, service=ServiceFacts(**service))


@pytest.mark.parametrize(
    ("account", "expected"),
    [
        (facts(4_800_000, contribution_margin=380_000), 380_000),  # as given, the revenue aside
        (facts(None, contribution_margin=380_000), 380_000),
        (facts(4_800_000, margin_share=0.06), 288_000),  # 6 % of 4,800,000
        (facts(2_250_000, margin_share=0.18), 405_000),  # 18 % of 2,250,000
        (facts(None, margin_share=0.18), None),  # no margin from a share without the revenue
        (facts(4_800_000), None),
    ],
)
def test_contribution_margin(account, expected):
    assert contribution_margin(account) == (None if expected is None else pytest.approx(expected))


def test_a_share_without_revenue_gives_no_margin_not_zero():
    assert contribution_margin(facts(None, margin_share=0.18)) is None


# the hourly rate: the workbook's own, else the catalog's for an account that gives hours in its currency


@pytest.mark.parametrize(
    ("account", "economics", "expected"),
    [
        (facts(effort_hours=1250, hourly_rate=110), CATALOG_RATE, (110, False)),  # its own overrides
        (facts(currency="CHF", effort_hours=1250, hourly_rate=110), CATALOG_RATE, (110, False)),
        (facts(effort_hours=1150), CATALOG_RATE, (95, True)),
        (facts(effort_hours=0), CATALOG_RATE, (95, True)),  # zero hours are hours given
        (facts(currency="CHF", effort_hours=1150), CATALOG_RATE, (None, False)),  # euros are no francs
        (facts(currency="CHF", effort_hours=1150), Economics(hourly_rate=120, currency="CHF"), (120, True)),
        (facts(effort_hours=1150), Economics(), (None, False)),  # a catalog without a rate
        (facts(other_cost=12_000), CATALOG_RATE, (None, False)),  # no hours: a rate of nothing
    ],
)
def test_hourly_rate(account, economics, expected):
    assert hourly_rate(account, economics) == expected


# the account's figures together


def test_the_figures_of_an_account_that_gives_every_fact():
    """Brandtner in Q3: 1,400 h × 95 + 24,000 = 157,000 of a margin of 6 % × 4,800,000 = 288,000;
    157,000 / 288,000 = 0.545; 288,000 − 157,000 = 131,000 left."""
    account = facts(4_800_000, effort_hours=1400, other_cost=24_000, margin_share=0.06)
    assert account_cost_to_serve(account, CATALOG_RATE) == CostToServe(
        currency="EUR",
        effort_hours=1400,
        hourly_rate=95,
        rate_from_catalog=True,
        other_cost=24_000,
        amount=157_000,
        contribution_margin=pytest.approx(288_000),
        margin_share_of_revenue=0.06,
        share=pytest.approx(157_000 / 288_000),
        margin_after_service=pytest.approx(131_000),
    )


def test_an_account_with_its_own_rate_and_no_revenue():
    """Meridian in Q3: 1,250 h × 110 + 30,000 = 167,500 of a margin of 1,150,000 given as an amount."""
    account = facts(
        None, effort_hours=1250, other_cost=30_000, contribution_margin=1_150_000, hourly_rate=110
    )
    figures = account_cost_to_serve(account, CATALOG_RATE)
    assert (figures.amount, figures.hourly_rate, figures.rate_from_catalog) == (167_500, 110, False)
    assert figures.share == pytest.approx(167_500 / 1_150_000)  # 0.146
    assert figures.margin_after_service == 982_500
    assert figures.margin_share_of_revenue is None


def test_an_account_that_gives_nothing_has_no_figure_and_is_not_given():
    figures = account_cost_to_serve(facts(4_800_000), CATALOG_RATE)
    assert figures == CostToServe(currency="EUR")
    assert not figures.given


@pytest.mark.parametrize(
    ("service", "given"),
    [
        ({"effort_hours": 0}, True),
        ({"other_cost": 12_000}, True),
        ({"contribution_margin": -5_000}, True),
        ({"margin_share": 0.18}, True),  # a share without the revenue is still what the workbook gives
        ({"hourly_rate": 110}, False),  # a rate alone says nothing of the account
    ],
)
def test_which_facts_make_an_account_one_that_gives_them(service, given):
    assert account_cost_to_serve(facts(None, **service), CATALOG_RATE).given is given


def test_an_account_in_francs_gets_no_cost_from_the_catalogs_euro_rate():
    figures = account_cost_to_serve(
        facts(2_000_000, currency="CHF", effort_hours=500, other_cost=8_000, contribution_margin=300_000),
        CATALOG_RATE,
    )
    assert (figures.currency, figures.hourly_rate, figures.amount, figures.share) == ("CHF", None, None, None)
    assert (figures.contribution_margin, figures.margin_after_service) == (300_000, None)


# the effort benchmark: the median hours of at least three accounts in that relationship type today


def analysed(catalog, name, score, hours, intended=None):
    """An account every factor rated *score* : *score* (2: lean, 3: preferred, 4: strategic today)."""
    ratings = tuple(FactorRating(f.id, score, score) for f in catalog.factors)
    account = AccountFacts(name, intended_type=intended, service=ServiceFacts(effort_hours=hours))
    return analyse(Assessment(account, Q3, ratings), catalog)


def lean(catalog):
    return catalog.zones.relationship_type("lean_supplier")


def test_the_benchmark_is_the_median_not_the_mean(catalog):
    analyses = [analysed(catalog, name, 2, hours) for name, hours in (("A", 100), ("B", 400), ("C", 1000))]
    assert effort_benchmark(analyses, lean(catalog)) == EffortBenchmark(lean(catalog), 400, 3)  # mean: 500


def test_of_an_even_number_of_accounts_the_benchmark_lies_between_the_middle_two(catalog):
    hours = (("A", 100), ("B", 400), ("C", 1000), ("D", 5000))
    benchmark = effort_benchmark([analysed(catalog, n, 2, h) for n, h in hours], lean(catalog))
    assert (benchmark.median_hours, benchmark.accounts) == (700, 4)


def test_fewer_than_three_accounts_with_hours_give_no_benchmark_yet(catalog):
    assert BENCHMARK_ACCOUNTS == 3
    analyses = [
        analysed(catalog, "A", 2, 100),
        analysed(catalog, "B", 2, 400),
        analysed(catalog, "C", 2, None),
    ]
    assert effort_benchmark(analyses, lean(catalog)) == EffortBenchmark(lean(catalog), None, 2)


def test_only_the_accounts_in_that_type_today_count_whatever_they_are_meant_to_be(catalog):
    strategic = catalog.zones.relationship_type("strategic_partnership")
    analyses = [
        analysed(catalog, "A", 2, 100),
        analysed(catalog, "B", 2, 200),
        analysed(catalog, "C", 2, 300, intended="strategic_partnership"),  # lean today: counts for lean
        analysed(catalog, "D", 4, 9000),  # strategic today: not lean
        analysed(catalog, "E", 3, 5000),  # preferred partner
        replace(analysed(catalog, "F", 2, 50), cost_to_serve=CostToServe()),  # lean, without hours
    ]
    assert effort_benchmark(analyses, lean(catalog)) == EffortBenchmark(lean(catalog), 200, 3)
    assert effort_benchmark(analyses, strategic) == EffortBenchmark(strategic, None, 1)


def test_accounts_in_no_relationship_type_count_for_none(catalog):
    frustrated = [
        analyse(
            Assessment(
                AccountFacts(name, service=ServiceFacts(effort_hours=h)),
                Q3,
                tuple(FactorRating(f.id, 5, 2) for f in catalog.factors),
            ),
            catalog,
        )
        for name, h in (("A", 100), ("B", 200), ("C", 300))
    ]
    assert frustrated[0].zone.relationship_type is None
    for relationship in catalog.zones.relationship_types:
        assert effort_benchmark(frustrated, relationship).accounts == 0


def test_a_share_needs_a_denominator_above_zero():
    assert share_of(1, 4) == 0.25
    assert share_of(1, 0.5) == 2
    assert share_of(1, 0) is None
    assert share_of(1, -4) is None
    assert share_of(None, 4) is None
    assert share_of(1, None) is None
