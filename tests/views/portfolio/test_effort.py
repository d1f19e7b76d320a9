"""The portfolio's section "Effort and return" and the scale-back answer's money, worded by the view; each
figure hand-computed (the default catalog's hourly rate is 95 EUR; 5 : 2 on every factor is the critical
supplier frustration zone and a candidate to scale back, 4 : 4 a strategic partnership, 2 : 2 lean KAM).
"""

from __future__ import annotations

from reportgen.rendering import Renderer
from reportgen.views.portfolio.effort import RANKED_SHOWN
from tests.builders import Q3, costed, make, portfolio_view


def three(catalog):
    """Alpha: 1,000 h × 95 + 5,000 = 100,000 of 200,000; Beta: 500 h × 100 = 50,000 of 600,000; Gamma:
    nothing. The frustration zone takes 1,000 of 1,500 hours (67 %) and brings 200,000 of 800,000 (25 %)."""
    return [
        costed(catalog, "Alpha", 5, 2, effort_hours=1000, other_cost=5000, contribution_margin=200_000),
        costed(catalog, "Beta", 4, 4, effort_hours=500, hourly_rate=100, contribution_margin=600_000),
        make(catalog, "Gamma", Q3, 2, 2),
    ]


def test_the_frustration_zone_is_worded_with_its_share_of_hours_and_of_margin_in_both_languages(catalog):
    english = portfolio_view(three(catalog), catalog).effort
    german = portfolio_view(three(catalog), catalog, "de").effort

    assert english.headline == (
        "The accounts in the supplier frustration zone take 67% of our hours and bring 25% of the "
        "contribution margin."
    )
    assert german.headline == (
        "Die Accounts in der Lieferantenfrustrationszone binden 67\u00a0% unserer Stunden und bringen 25\u00a0% des "
        "Deckungsbeitrags."
    )


def test_the_frustration_sentence_says_when_only_some_of_its_accounts_give_hours(catalog):
    """Alpha gives 300 of all 400 hours, its margin not; Delta, in the zone too, gives nothing."""
    analyses = [
        costed(catalog, "Alpha", 5, 2, effort_hours=300),
        make(catalog, "Delta", Q3, 5, 1),
        costed(catalog, "Beta", 4, 4, effort_hours=100, contribution_margin=10_000),
    ]

    assert portfolio_view(analyses, catalog).effort.headline == (
        "The accounts in the supplier frustration zone take 75% of our hours; their contribution margin is not "
        "given. Hours given for 1 of its 2 accounts."
    )
    nothing = [make(catalog, "Alpha", Q3, 5, 2), analyses[2]]
    assert portfolio_view(nothing, catalog, "de").effort.headline == (
        "Kein Account in der Lieferantenfrustrationszone gibt seinen Aufwand an."
    )


def test_coverage_counts_the_accounts_that_give_hours_and_names_the_others(catalog):
    effort = portfolio_view(three(catalog), catalog, "de").effort

    assert effort.coverage == "Aufwand für 2 von 3 Accounts angegeben."
    assert effort.without == "Ohne Angabe: Gamma."


def test_a_zone_without_figures_reads_a_dash_and_the_total_sums_the_others(catalog):
    effort = portfolio_view(three(catalog), catalog, "de").effort
    zones = {z.zone_id: z for z in effort.zones}

    lean = zones["lean_supplier"]
    assert (lean.with_hours, lean.accounts, lean.hours, lean.hours_share, lean.cost_to_serve) == (
        0,
        1,
        "–",
        "–",
        "–",
    )
    critical = zones["supplier_frustration_critical"]
    assert (critical.hours, critical.hours_share, critical.cost_to_serve, critical.margin_share) == (
        "1.000",
        "67\u00a0%",
        "100.000\u00a0€",
        "25\u00a0%",
    )
    total = effort.total
    assert (total.zone_name, total.with_hours, total.accounts, total.hours) == (
        "Alle Accounts",
        2,
        3,
        "1.500",
    )
    assert (total.cost_to_serve, total.contribution_margin) == ("150.000\u00a0€", "800.000\u00a0€")


def test_no_account_with_figures_leaves_the_section_and_its_contents_line_out(catalog):
    analyses = [make(catalog, "Alpha", Q3, 5, 2), make(catalog, "Beta", Q3, 2, 2)]
    view = portfolio_view(analyses, catalog)

    assert view.effort is None and not view.cover.effort_listed
    assert view.questions.scale_back_money == ()
    html = Renderer().portfolio_html(view)
    assert "Effort and return" not in html and 'id="effort"' not in html


def test_the_section_stands_before_the_questions_and_the_contents_name_it(catalog):
    html = Renderer().portfolio_html(portfolio_view(three(catalog), catalog))

    assert html.index('href="#effort"') < html.index('href="#questions"')
    assert html.index('id="effort"') < html.index('id="questions"')
    assert "The accounts in the supplier frustration zone take 67% of our hours" in html


def test_the_ranked_list_words_each_share_and_a_margin_of_nothing_leads(catalog):
    """Nil: 500 h × 100 = 50,000 of a margin of 0: no share, 50,000 lost; High: 40,000 of 50,000 = 80 %."""
    analyses = [
        costed(catalog, "High", 4, 4, effort_hours=400, hourly_rate=100, contribution_margin=50_000),
        costed(catalog, "Nil", 2, 2, effort_hours=500, hourly_rate=100, contribution_margin=0),
    ]
    ranked = portfolio_view(analyses, catalog).effort.ranked

    assert [(r.place, r.row.name, r.share, r.margin_after_service, r.losing) for r in ranked] == [
        (1, "Nil", "margin not above zero", "−€50,000", True),
        (2, "High", "80%", "€10,000", False),
    ]


def test_the_ranked_list_shows_the_first_ten_and_says_so_only_when_there_are_more(catalog):
    def accounts(n):
        return [
            costed(
                catalog, f"A{i:02}", 4, 4, effort_hours=100 + i, hourly_rate=100, contribution_margin=100_000
            )
            for i in range(n)
        ]

    full = portfolio_view(accounts(RANKED_SHOWN), catalog).effort
    more = portfolio_view(accounts(RANKED_SHOWN + 1), catalog).effort

    assert len(full.ranked) == RANKED_SHOWN and full.ranked_part is None
    assert len(more.ranked) == RANKED_SHOWN
    assert more.ranked_part == "The 10 of 11 accounts with the highest share."
    assert more.ranked[0].row.name == "A10"  # the most hours at the same margin: the highest share


def test_amounts_in_another_currency_are_named_as_not_added(catalog):
    analyses = [
        costed(catalog, "Alpha", 5, 2, effort_hours=100, contribution_margin=50_000),
        costed(catalog, "Beta", 4, 4, effort_hours=100, contribution_margin=50_000),
        costed(catalog, "Chur", 4, 4, currency="CHF", effort_hours=10, hourly_rate=120),
    ]
    effort = portfolio_view(analyses, catalog, "de").effort

    assert effort.other_currency == (
        "Beträge sind in EUR addiert; nicht addiert, da in anderer Währung: Chur (CHF). Ihre Stunden zählen mit."
    )
    assert effort.total.hours == "210" and effort.total.cost_to_serve == "19.000\u00a0€"


def test_the_scale_back_answer_says_what_the_candidates_take_and_what_scaling_back_would_free(catalog):
    """Lean accounts take 100, 200 and 400 hours (median 200, 700 hours). Alpha, the candidate, takes 1,000
    hours × 95 = 95,000 of a margin of 100,000 (95 %), 1,000 of all 1,700 hours (59 %); scaled back to 200
    hours it would free 800 hours and 76,000."""
    analyses = [
        costed(catalog, "L1", 2, 2, effort_hours=100),
        costed(catalog, "L2", 2, 2, effort_hours=200),
        costed(catalog, "L3", 2, 2, effort_hours=400),
        costed(catalog, "Alpha", 5, 2, effort_hours=1000, contribution_margin=100_000),
    ]
    english = portfolio_view(analyses, catalog).questions.scale_back_money
    german = portfolio_view(analyses, catalog, "de").questions.scale_back_money

    assert english == (
        "The candidates take 1,000\u00a0hours a year (59% of our hours) and €95,000 to serve, 95% of their "
        "contribution margin of €100,000.",
        "Scaled back to the median of the accounts in “Lean KAM – reliable supplier” (200\u00a0hours), they would "
        "free 800\u00a0hours and €76,000 a year.",
    )
    assert german[1] == (
        "Auf den Median der Accounts in „Schlankes KAM – zuverlässiger Lieferant“ (200\u00a0Stunden) "
        "zurückgefahren, würden 800\u00a0Stunden und 76.000\u00a0€ im Jahr frei."
    )
    html = Renderer().portfolio_html(portfolio_view(analyses, catalog))
    assert "they would free 800\u00a0hours and €76,000 a year" in html


def test_without_a_benchmark_the_scale_back_answer_says_what_is_missing(catalog):
    analyses = [
        costed(catalog, "L1", 2, 2, effort_hours=100),
        costed(catalog, "Alpha", 5, 2, effort_hours=1000),
    ]
    words = portfolio_view(analyses, catalog).questions.scale_back_money

    assert words == (
        "The candidates take 1,000\u00a0hours a year (91% of our hours) and €95,000 to serve; their contribution "
        "margin is not given.",
        "What scaling back would free needs a benchmark: at least 3 accounts in “Lean KAM – reliable "
        "supplier” that give their hours (now 1).",
    )


def test_candidates_without_hours_are_said_to_give_none(catalog):
    analyses = [costed(catalog, "L1", 2, 2, effort_hours=100), make(catalog, "Alpha", Q3, 5, 2)]

    assert portfolio_view(analyses, catalog).questions.scale_back_money == (
        "None of the candidates gives its hours, so what scaling back would free is not known.",
    )


def test_cost_and_margin_of_different_candidates_are_not_set_against_each_other(catalog):
    """A gives 1,000 h and a margin of 100,000 €, B only a margin of 400,000 €, C only 500 h: the cost of
    A and C (142,500 €) is no 95 % of a margin that B's makes 500,000 €."""
    analyses = [
        costed(catalog, "A", 5, 2, effort_hours=1000, contribution_margin=100_000),
        costed(catalog, "B", 5, 2, contribution_margin=400_000),
        costed(catalog, "C", 5, 2, effort_hours=500),
    ]
    (first, _) = portfolio_view(analyses, catalog).questions.scale_back_money
    assert first == (
        "The candidates take 1,500\u00a0hours a year (100% of our hours) and €142,500 to serve; not each of them "
        "gives both its cost and its contribution margin, so the two are not set against each other."
    )


def test_a_candidates_margin_of_nothing_is_named_without_a_share(catalog):
    analyses = [costed(catalog, "A", 5, 2, effort_hours=100, contribution_margin=-5_000)]
    (first, _) = portfolio_view(analyses, catalog).questions.scale_back_money
    assert first == (
        "The candidates take 100\u00a0hours a year (100% of our hours) and €9,500 to serve, against a contribution "
        "margin of −€5,000."
    )


def test_freed_hours_are_priced_only_when_every_candidate_prices_them(catalog):
    """Lean accounts of 100, 200 and 300 h (median 200); A frees 800 h at 95 €, B in CHF 300 h without a
    rate: 1,100 h are freed, and no amount is said for only some of them."""
    lean = [costed(catalog, f"L{h}", 2, 2, effort_hours=h) for h in (100, 200, 300)]
    candidates = [
        costed(catalog, "A", 5, 2, effort_hours=1000),
        costed(catalog, "B", 5, 2, effort_hours=500, currency="CHF"),
    ]
    words = portfolio_view([*lean, *candidates], catalog).questions.scale_back_money
    assert words[-1] == (
        "Scaled back to the median of the accounts in “Lean KAM – reliable supplier” (200\u00a0hours), they would "
        "free 1,100\u00a0hours a year."
    )
