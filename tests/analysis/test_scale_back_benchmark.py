"""What the answer "scale back?" measures an account's hours by: the median hours of the quarter's accounts in
the type scaling back aims at (the one the customer's index reaches), where at least three of them give hours;
and what scaling back to it would free."""

from __future__ import annotations

from reportgen.analysis.coaching import scale_back_benchmark
from reportgen.analysis.cost_to_serve import freed_by_scaling_back
from tests.builders import served


def candidate(catalog, hours=1200, intended="preferred_partner"):
    """S 77, K 23: a candidate to scale back; K alone reaches lean key account management."""
    return served(catalog, "Brandtner", 4, 2, intended=intended, effort_hours=hours)


def lean(catalog, name, hours):
    """S 23, K 23: lean key account management today."""
    return served(catalog, name, 2, 2, effort_hours=hours)


def preferred(catalog, name, hours):
    """S 53, K 47: a preferred partner today."""
    return served(catalog, name, 3, 3, effort_hours=hours)


def test_the_benchmark_is_the_median_hours_of_the_accounts_at_the_customers_level(catalog):
    account = candidate(catalog)
    quarter = [
        account,
        # lean accounts: 100, 400, 500, 2,000 h → median 450 (their mean would be 750)
        *(lean(catalog, f"L{h}", h) for h in (100, 400, 500, 2000)),
        lean(catalog, "Silent", None),  # gives no hours: not counted, not a zero
        served(catalog, "Strategic", 4, 4, effort_hours=5000),  # another type: not counted
        preferred(catalog, "Preferred", 60),
    ]
    benchmark = scale_back_benchmark(account, quarter)
    assert benchmark is not None
    assert (benchmark.relationship.id, benchmark.median_hours, benchmark.accounts) == (
        "lean_supplier",
        450,
        4,
    )
    # 1,200 − 450 = 750 h × 95 € = 71,250 €
    freed = freed_by_scaling_back(account.cost_to_serve, benchmark)
    assert (freed.hours, freed.amount) == (750, 71_250)


def test_two_accounts_of_the_type_are_no_benchmark_yet(catalog):
    account = candidate(catalog)
    quarter = [account, lean(catalog, "A", 300), lean(catalog, "B", 500)]
    benchmark = scale_back_benchmark(account, quarter)
    assert (benchmark.median_hours, benchmark.accounts) == (None, 2)
    assert freed_by_scaling_back(account.cost_to_serve, benchmark) is None
    three = scale_back_benchmark(account, [*quarter, lean(catalog, "C", 1000)])
    assert (three.median_hours, three.accounts) == (500, 3)


def test_the_intended_type_is_not_what_scaling_back_aims_at(catalog):
    # run as a preferred partner, but K 23 alone reaches lean KAM: scaling back goes there, so the lean
    # accounts' hours count, not the preferred partners'
    for intended in ("preferred_partner", "strategic_partnership", None):
        account = candidate(catalog, intended=intended)
        quarter = [
            account,
            *(lean(catalog, f"L{h}", h) for h in (60, 80, 200)),
            *(preferred(catalog, f"P{h}", h) for h in (400, 500, 600)),
        ]
        benchmark = scale_back_benchmark(account, quarter)
        assert (benchmark.relationship.id, benchmark.median_hours, benchmark.accounts) == (
            "lean_supplier",
            80,
            3,
        )


def test_only_where_scaling_back_is_the_question_and_the_account_gives_hours(catalog):
    quarter = [*(preferred(catalog, f"P{h}", h) for h in (100, 400, 500))]
    balanced = preferred(catalog, "Even", 300)
    assert scale_back_benchmark(balanced, [balanced, *quarter]) is None
    silent = candidate(catalog, hours=None)
    assert scale_back_benchmark(silent, [silent, *quarter]) is None


def test_an_account_below_the_median_frees_nothing(catalog):
    account = candidate(catalog, hours=300)
    quarter = [account, *(lean(catalog, f"L{h}", h) for h in (400, 500, 600))]
    freed = freed_by_scaling_back(account.cost_to_serve, scale_back_benchmark(account, quarter))
    assert (freed.hours, freed.amount) == (0, 0)


def test_without_an_hourly_rate_the_freed_hours_have_no_price(catalog):
    # the account's amounts are in CHF and its workbook gives no rate: the catalog's EUR rate does not count
    account = served(catalog, "Chur", 4, 2, currency="CHF", effort_hours=1200)
    quarter = [account, *(lean(catalog, f"L{h}", h) for h in (400, 500, 600))]
    freed = freed_by_scaling_back(account.cost_to_serve, scale_back_benchmark(account, quarter))
    assert (freed.hours, freed.amount) == (700, None)
