"""The charts' alt texts, as the views build them: what a screen reader says in each chart's place, checked
word for word for the example accounts against their briefings' figures."""

from __future__ import annotations

import pytest

from reportgen.analysis.portfolio import analyse_portfolio
from reportgen.views.briefing.shared_edition import SharedCharts, build_shared_briefing
from reportgen.views.chart_texts import (
    FactorScores,
    Position,
    QuarterIndices,
    ZoneTally,
    diagram_text,
    portfolio_map_text,
    trend_text,
)
from reportgen.views.portfolio import PortfolioCharts, build_portfolio
from tests.builders import Q3, VERDICT_WORDS
from tests.conftest import MADE_ON, briefing_view


def example(workload, name: str):
    (analysis,) = [
        a
        for a in workload.analyses
        if a.assessment.account.name.startswith(name) and a.assessment.period == Q3
    ]
    return analysis


def test_meridians_diagram_gives_both_views_and_the_largest_gaps_in_german(workload):
    """Meridian Aerotech, 2026-Q3: page 1 prints S 65, K 47 (ours) and S 45, K 63 (the key account's); the
    team's means have decimals, which German writes with a comma."""
    meridian = example(workload, "Meridian")
    view = briefing_view(meridian, "de", workload.history_of(meridian), drawn=False)
    assert view.summary.diagram_alt == (
        "Partnerschaftsdiagramm: Aus unserer Sicht steht der Account bei S 65, K 47, Zone: "
        "Lieferantenfrustrationszone; aus Sicht des Key Accounts bei S 45, K 63, Zone: Key Account investiert "
        "mehr. Die größten Lücken: „Wissenstransfer“ (Lieferant 4,3, Key Account 3), „Beziehungsnetz“ "
        "(Lieferant 4, Key Account 2,7) und „Feedback geben“ (Lieferant 4, Key Account 2,7)."
    )
    assert view.profile.profile_alt == (
        "Faktorprofil: wie viel jede Seite in jeden der 16 Faktoren investiert, auf der Skala von 1 bis 5. "
        "Kleine Punkte zeigen die Bewertung jedes Bewerters um den Mittelwert unseres Teams. Am weitesten "
        "liegen die Bewertungen der beiden Seiten auseinander bei „Wissenstransfer“ (Lieferant 4,3, Key "
        "Account 3), „Beziehungsnetz“ (Lieferant 4, Key Account 2,7) und „Feedback geben“ (Lieferant 4, Key "
        "Account 2,7)."
    )
    assert (
        view.history.trend_alt == "Verlauf von S und K je Quartal: 2026-Q2: S 63, K 50; 2026-Q3: S 65, K 47."
    )


def test_callaways_trend_names_the_quarter_without_an_assessment(workload):
    """Calloway Foods was assessed in 2025-Q4, 2026-Q2 and 2026-Q3: 2026-Q1 is a gap, not a zero. The figures
    are those its history table prints (2025-Q4 read here with the default catalog)."""
    calloway = example(workload, "Calloway")
    view = briefing_view(calloway, "en", workload.history_of(calloway), drawn=False)
    assert view.history.trend_alt == (
        "Trend of S and K per quarter: 2025-Q4: S 22, K 14; 2026-Q1: no assessment; 2026-Q2: S 16, K 11; "
        "2026-Q3: S 14, K 13."
    )
    assert view.summary.diagram_alt.startswith(
        "Partnership diagram: the account at S 14, K 13, zone: Lean KAM – reliable supplier. The largest gaps: "
    )


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_key_accounts_edition_describes_its_chart_without_a_verdict(workload, lang):
    meridian = example(workload, "Meridian")
    view = build_shared_briefing(meridian, lang, MADE_ON, SharedCharts("<svg/>"), "Weber AG")
    alt = view.profile.profile_alt
    internal = briefing_view(meridian, lang, workload.history_of(meridian), drawn=False)
    assert alt.endswith(internal.profile.profile_alt.split(". ", 1)[1].split(". ", 1)[1])  # the same factors
    for word in VERDICT_WORDS:
        assert word not in alt, word
    assert "zone" not in alt.casefold()


def test_the_portfolio_map_counts_the_accounts_per_zone(workload, catalog):
    portfolio = analyse_portfolio(workload.histories, Q3, catalog)
    charts = PortfolioCharts("<svg/>", tuple("<svg/>" for _ in portfolio.entries))
    view = build_portfolio(portfolio, "en", MADE_ON, charts)
    assert view.map.map_alt == (
        "Portfolio map of 6 accounts by how much each side invests. Accounts per zone: "
        "1 in “Lean KAM – reliable supplier”; 1 in “Preferred partner”; 1 in “Strategic partnership”; "
        "1 in “Supplier frustration zone”; 1 in “Supplier frustration zone, critical”; "
        "1 in “Key account invests more”."
    )
    brandtner = view.appendix.pages[0]
    assert brandtner.diagram_alt == (
        "Partnership diagram of Brandtner Präzisionstechnik GmbH: S 81, K 23, zone: Supplier frustration "
        "zone, critical."
    )


def test_one_factor_one_account_and_no_gaps_read_in_the_singular():
    assert diagram_text("en", Position(50, 50, "Balanced"), None, []) == (
        "Partnership diagram: the account at S 50, K 50, zone: Balanced."
    )
    assert portfolio_map_text("de", [ZoneTally("Ausgewogen", 1), ZoneTally("Kritisch", 0)]) == (
        "Portfolio-Landkarte mit 1 Account danach, wie viel jede Seite investiert. Accounts je Zone: "
        "1 in „Ausgewogen“; 0 in „Kritisch“."
    )
    one = [FactorScores("Vertrauen", 4.5, 2)]
    assert diagram_text("de", Position(60, 40, "Z"), None, one).endswith(
        "Die größten Lücken: „Vertrauen“ (Lieferant 4,5, Key Account 2)."
    )
    assert trend_text("en", [QuarterIndices("2026-Q1", None, None)]) == (
        "Trend of S and K per quarter: 2026-Q1: no assessment."
    )


def test_the_effort_charts_alt_text_names_the_highest_share_and_the_accounts_it_cannot_place():
    from reportgen.views.chart_texts import effort_chart_text

    text = effort_chart_text("en", 4, ("Brandtner", "55%"), ["Nil GmbH"])

    assert text.startswith("Effort and return of 4 accounts: each one's cost to serve as a share")
    assert text.endswith(
        "The highest share: Brandtner, 55%. Not shown, their margin not above zero: Nil GmbH."
    )
    assert effort_chart_text("de", 1, None, []).startswith("Aufwand und Ertrag von 1 Account: seine")


def test_the_whale_curves_alt_text_gives_its_peak_only_where_the_rest_bring_it_down():
    from reportgen.views.chart_texts import WhaleFigures, whale_curve_text

    peak = WhaleFigures(accounts=5, peak="350.000\u00a0€", peak_accounts=4, total="250.000\u00a0€")
    end = WhaleFigures(accounts=4, peak="3.354.600\u00a0€", peak_accounts=4, total="3.354.600\u00a0€")

    assert whale_curve_text("de", peak, chart=False) == (
        "Die 4 profitabelsten Accounts bringen nach Betreuung 350.000\u00a0€; der Rest senkt die Summe auf "
        "250.000\u00a0€."
    )
    assert whale_curve_text("de", end) == (
        "Walkurve von 4 Accounts: der Deckungsbeitrag nach Betreuung, aufsummiert vom profitabelsten Account "
        "bis zum am wenigsten profitablen. Alle 4 Accounts zusammen bringen nach Betreuung 3.354.600\u00a0€."
    )
