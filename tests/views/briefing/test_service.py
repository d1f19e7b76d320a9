"""Page 1's line on what serving the account costs and leaves, and the history's cost per quarter: each
figure hand-computed from the facts (the catalog's hourly rate is 95 € an hour), each missing fact said as
missing, never as a zero."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from reportgen.analysis.all_accounts import prepare
from reportgen.analysis.history import build_histories
from reportgen.rendering import Renderer
from reportgen.views.briefing import build_briefing
from reportgen.views.briefing.service import service_line
from tests.builders import MADE_ON, Q2, served
from tests.conftest import briefing_view
from tests.views.briefing.conftest import CHARTS, view_of


def line(analysis, lang):
    """The line as a reader sees it: label, colon-less, then the text; non-breaking spaces are spaces."""
    found = service_line(analysis.cost_to_serve, lang)
    return None if found is None else f"{found.label}: {found.text}".replace("\xa0", " ")


@pytest.mark.parametrize(
    ("facts", "en", "de"),
    [
        pytest.param(
            # 1,150 h × 95 € = 109,250 € + 12,000 € = 121,250 €; ÷ 288,000 € = 42.1 %; 288,000 − 121,250 = 166,750
            {"effort_hours": 1150, "other_cost": 12_000, "contribution_margin": 288_000},
            "Account service: 1,150 hours and €12,000 a year = €121,250 · 42% of the contribution margin · "
            "€166,750 left",
            "Betreuung: 1.150 Stunden und 12.000 € im Jahr = 121.250 € · 42 % des Deckungsbeitrags · "
            "es bleiben 166.750 €",
            id="all facts",
        ),
        pytest.param(
            # the workbook's own rate is said: 1,250 h × 110 € = 137,500 € + 30,000 € = 167,500 €;
            # ÷ 1,150,000 € = 14.6 %; 1,150,000 − 167,500 = 982,500
            {
                "effort_hours": 1250,
                "other_cost": 30_000,
                "contribution_margin": 1_150_000,
                "hourly_rate": 110,
            },
            "Account service: 1,250 hours at €110 and €30,000 a year = €167,500 · 15% of the contribution margin "
            "· €982,500 left",
            "Betreuung: 1.250 Stunden à 110 € und 30.000 € im Jahr = 167.500 € · 15 % des Deckungsbeitrags · "
            "es bleiben 982.500 €",
            id="own rate",
        ),
        pytest.param(
            {"effort_hours": 120},  # 120 h × 95 € = 11,400 €, no other cost, no margin
            "Account service: 120 hours a year = €11,400",
            "Betreuung: 120 Stunden im Jahr = 11.400 €",
            id="hours without margin",
        ),
        pytest.param(
            {"contribution_margin": 200_000},
            "Account service: hours not given · contribution margin €200,000 a year",
            "Betreuung: Stunden nicht angegeben · Deckungsbeitrag 200.000 € im Jahr",
            id="margin without hours",
        ),
        pytest.param(
            {"other_cost": 3_000},
            "Account service: hours not given, other cost €3,000 a year",
            "Betreuung: Stunden nicht angegeben, weitere Kosten 3.000 € im Jahr",
            id="other cost alone",
        ),
        pytest.param(
            # 100 h × 95 € = 9,500 €; a margin below zero has no share: −5,000 − 9,500 = −14,500
            {"effort_hours": 100, "contribution_margin": -5_000},
            "Account service: 100 hours a year = €9,500 · contribution margin −€5,000 · margin after service "
            "−€14,500",
            "Betreuung: 100 Stunden im Jahr = 9.500 € · Deckungsbeitrag −5.000 € · Deckungsbeitrag nach "
            "Betreuung −14.500 €",
            id="margin below zero",
        ),
        pytest.param(
            # 1,000 h × 95 € = 95,000 € ÷ 50,000 € = 190 %; 50,000 − 95,000 = −45,000
            {"effort_hours": 1000, "contribution_margin": 50_000},
            "Account service: 1,000 hours a year = €95,000 · 190% of the contribution margin · margin after "
            "service −€45,000",
            "Betreuung: 1.000 Stunden im Jahr = 95.000 € · 190 % des Deckungsbeitrags · Deckungsbeitrag nach "
            "Betreuung −45.000 €",
            id="cost beyond the margin",
        ),
        pytest.param(
            {"margin_share": 0.06},  # 6 % of a revenue the workbook does not give
            "Account service: hours not given · contribution margin 6% of a revenue not given",
            "Betreuung: Stunden nicht angegeben · Deckungsbeitrag 6 % eines nicht angegebenen Umsatzes",
            id="margin share without revenue",
        ),
    ],
)
def test_page_1_says_what_serving_the_account_costs_and_leaves(catalog, facts, en, de):
    analysis = served(catalog, "Acme", 4, 2, **facts)
    assert line(analysis, "en") == en
    assert line(analysis, "de") == de


def test_an_account_in_another_currency_gets_no_cost_without_a_rate_in_it(catalog):
    """The catalog's rate is in euros: the hours of an account in francs are not reckoned in money."""
    analysis = served(catalog, "Acme", 4, 2, currency="CHF", effort_hours=800, other_cost=5_000,
                      contribution_margin=100_000)  # fmt: skip
    assert line(analysis, "en") == (
        "Account service: 800 hours and CHF 5,000 a year, no hourly rate in CHF · contribution margin "
        "CHF 100,000 a year"
    )
    assert line(analysis, "de") == (
        "Betreuung: 800 Stunden und 5.000 CHF im Jahr, kein Stundensatz in CHF · Deckungsbeitrag 100.000 CHF im Jahr"
    )


def test_without_any_fact_page_1_has_no_line(catalog):
    analysis = served(catalog, "Acme", 4, 2)
    assert line(analysis, "en") is None
    assert view_of(analysis).summary.service is None


def test_figures_and_units_stay_together_on_one_line(catalog):
    analysis = served(
        catalog, "Acme", 4, 2, effort_hours=1150, other_cost=12_000, contribution_margin=288_000
    )
    text = service_line(analysis.cost_to_serve, "de").text
    assert "1.150\xa0Stunden" in text and "12.000\xa0€" in text


def test_the_history_shows_each_quarters_cost_to_serve_and_share_only_where_one_has_them(catalog):
    # Q2: 1,150 h × 95 € + 12,000 € = 121,250 € of 288,000 € (42 %); Q3 gives no facts
    before = served(catalog, "Acme", 3, 3, period=Q2, effort_hours=1150, other_cost=12_000,
                    contribution_margin=288_000)  # fmt: skip
    now = served(catalog, "Acme", 4, 2)
    (history,) = build_histories([before, now]).values()
    section = build_briefing(now, "en", MADE_ON, history, CHARTS).history
    assert section.shows_cost
    q2, q3 = section.rows
    assert (q2.cost_to_serve, q2.cost_share, q2.currency) == (121_250, pytest.approx(0.421, abs=5e-4), "EUR")
    assert (q3.cost_to_serve, q3.cost_share) == (None, None)
    (without,) = build_histories([served(catalog, "Acme", 3, 3, period=Q2), now]).values()
    assert not build_briefing(now, "en", MADE_ON, without, CHARTS).history.shows_cost


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_line_leaves_the_two_view_diagram_on_page_1(catalog, lang):
    """Meridian's page 1 is full: two views, an intended relationship and a line that may take two; the
    diagram gives way rather than move to a page of its own."""
    files = sorted(Path("input").glob("meridian-aerotech_2026-Q3*.xlsx"))
    (analysis,) = prepare(files, catalog).analyses
    assert analysis.key_account_view is not None and analysis.cost_to_serve.given
    pdf = PdfReader(io.BytesIO(Renderer().briefing_pdf(briefing_view(analysis, lang))))
    caption = {"de": "Partnerschaftsdiagramm", "en": "Partnership diagram"}[lang]
    assert caption in pdf.pages[0].extract_text()


def test_a_loss_on_page_1_stays_with_its_amount_where_the_line_breaks(catalog):
    """Regression: Brandtner's English line broke between "−" and "€13,000"; it breaks between its parts."""
    files = sorted(Path("input").glob("brandtner-praezisionstechnik_2026-Q3*.xlsx"))
    (analysis,) = prepare(files, catalog).analyses
    page = PdfReader(io.BytesIO(Renderer().briefing_pdf(briefing_view(analysis, "en")))).pages[0]
    assert "· \nmargin after service −€13,000\n" in page.extract_text()
