"""The coaching answers in money: what we invest against what the account returns (question 1), and what
scaling back to the usual effort of the account's type would free (question 3); hand-computed at the
catalog's 95 € an hour."""

from __future__ import annotations

import pytest

from reportgen.analysis.cost_to_serve import EffortBenchmark
from reportgen.views.briefing.coaching_answers import coaching_questions
from tests.builders import served


def plain(sentences):
    return [sentence.replace("\xa0", " ") for sentence in sentences]


def over_investment(analysis, lang, benchmark=None):
    return plain(coaching_questions(analysis, lang, benchmark)[0].answer.sentences)


def scale_back(analysis, lang, benchmark=None):
    return plain(coaching_questions(analysis, lang, benchmark)[2].answer.sentences)


def brandtner(catalog, **facts):
    """A candidate to scale back: S 77, K 23, meant to be a preferred partner."""
    return served(catalog, "Brandtner", 4, 2, intended="preferred_partner", **facts)


@pytest.mark.parametrize(
    ("facts", "en", "de"),
    [
        pytest.param(
            # 1,400 h × 95 € = 133,000 € + 24,000 € = 157,000 €; margin 6 % of 4.8 M = 288,000 €;
            # 157,000 ÷ 288,000 = 54.5 %; 288,000 − 157,000 = 131,000
            {"effort_hours": 1400, "other_cost": 24_000, "margin_share": 0.06, "revenue": 4_800_000},
            [
                "We put 1,400 hours and €24,000 a year into the account, €157,000 in all.",
                "It returns a contribution margin of €288,000: the service takes 55% of it, and €131,000 is left.",
            ],
            [
                "Wir stecken 1.400 Stunden und 24.000 € im Jahr in den Account, zusammen 157.000 €.",
                "Er bringt einen Deckungsbeitrag von 288.000 €: Die Betreuung verbraucht 55 % davon, es bleiben "
                "131.000 €.",
            ],
            id="all facts",
        ),
        pytest.param(
            {"effort_hours": 1150},  # 1,150 h × 95 € = 109,250 €
            [
                "We put 1,150 hours a year into the account, €109,250 in all.",
                "The workbook gives no contribution margin to weigh this against.",
            ],
            [
                "Wir stecken 1.150 Stunden im Jahr in den Account, zusammen 109.250 €.",
                "Einen Deckungsbeitrag, an dem sich das messen ließe, gibt die Arbeitsmappe nicht an.",
            ],
            id="no margin",
        ),
        pytest.param(
            {"contribution_margin": 288_000},
            ["It returns a contribution margin of €288,000 a year."],
            ["Er bringt einen Deckungsbeitrag von 288.000 € im Jahr."],
            id="no hours",
        ),
        pytest.param(
            {"other_cost": 24_000, "contribution_margin": 288_000},
            [
                "We spend €24,000 a year on the account besides our hours, which the workbook does not give.",
                "It returns a contribution margin of €288,000 a year.",
            ],
            [
                "Neben unseren Stunden, die die Arbeitsmappe nicht angibt, geben wir 24.000 € im Jahr für den "
                "Account aus.",
                "Er bringt einen Deckungsbeitrag von 288.000 € im Jahr.",
            ],
            id="other cost without hours",
        ),
        pytest.param(
            # 100 h × 95 € = 9,500 €; no share of a margin of nothing: 0 − 9,500 = −9,500
            {"effort_hours": 100, "contribution_margin": 0},
            [
                "We put 100 hours a year into the account, €9,500 in all.",
                "Its contribution margin is €0, so nothing covers the service: the margin after service is "
                "−€9,500.",
            ],
            [
                "Wir stecken 100 Stunden im Jahr in den Account, zusammen 9.500 €.",
                "Sein Deckungsbeitrag beträgt 0 €, die Betreuung deckt er nicht: Nach der Betreuung beträgt er "
                "−9.500 €.",
            ],
            id="margin of nothing",
        ),
        pytest.param(
            # 1,000 h × 95 € = 95,000 € ÷ 50,000 € = 190 %; 50,000 − 95,000 = −45,000
            {"effort_hours": 1000, "contribution_margin": 50_000},
            [
                "We put 1,000 hours a year into the account, €95,000 in all.",
                "It returns a contribution margin of €50,000: the service takes 190% of it, and the margin "
                "after service is negative, −€45,000.",
            ],
            [
                "Wir stecken 1.000 Stunden im Jahr in den Account, zusammen 95.000 €.",
                "Er bringt einen Deckungsbeitrag von 50.000 €: Die Betreuung verbraucht 190 % davon, nach der "
                "Betreuung ist er negativ, −45.000 €.",
            ],
            id="cost beyond the margin",
        ),
        pytest.param(
            {"effort_hours": 800, "other_cost": 5_000, "currency": "CHF"},
            [
                "We put 800 hours and CHF 5,000 a year into the account; without an hourly rate in CHF, the hours "
                "are not reckoned in money."
            ],
            [
                "Wir stecken 800 Stunden und 5.000 CHF im Jahr in den Account; ohne Stundensatz in CHF sind die "
                "Stunden nicht in Geld gerechnet."
            ],
            id="no rate in the account's currency",
        ),
    ],
)
def test_question_1_weighs_what_we_invest_against_what_the_account_returns(catalog, facts, en, de):
    analysis = brandtner(catalog, **facts)
    assert over_investment(analysis, "en")[-len(en) :] == en
    assert over_investment(analysis, "de")[-len(de) :] == de


def test_question_1_says_nothing_in_money_without_the_facts(catalog):
    assert over_investment(brandtner(catalog), "en") == over_investment(
        served(catalog, "Brandtner", 4, 2, intended="preferred_partner"), "en"
    )
    assert not any("€" in sentence for sentence in over_investment(brandtner(catalog), "en"))


def test_a_balanced_account_is_told_its_money_too_but_not_what_scaling_back_would_free(catalog):
    # S 53, K 47: balanced; 300 h × 95 € = 28,500 €
    balanced = served(catalog, "Even", 3, 3, effort_hours=300, contribution_margin=100_000)
    assert "We put 300 hours a year into the account, €28,500 in all." in over_investment(balanced, "en")
    benchmark = EffortBenchmark(catalog.zones.relationship_types[1], 100, 3)
    assert scale_back(balanced, "en", benchmark) == ["We do not invest more than the customer returns."]


PREFERRED = 1
"""The index of the preferred partner among the catalog's relationship types."""


def test_question_3_says_what_scaling_back_to_the_usual_effort_would_free(catalog):
    # 1,150 h − median 400 h = 750 h; × 95 € = 71,250 €
    analysis = brandtner(catalog, effort_hours=1150)
    benchmark = EffortBenchmark(catalog.zones.relationship_types[PREFERRED], 400, 4)
    assert scale_back(analysis, "en", benchmark)[-1] == (
        "Scaling back to the usual effort of “Preferred partner” accounts (median 400 hours of 4 accounts this "
        "quarter) would free 750 hours a year, worth €71,250."
    )
    assert scale_back(analysis, "de", benchmark)[-1] == (
        "Zurückfahren auf den üblichen Aufwand der Accounts vom Typ „Bevorzugter Partner“ (Median 400 Stunden "
        "bei 4 Accounts in diesem Quartal) würde 750 Stunden im Jahr freisetzen, im Wert von 71.250 €."
    )


def test_question_3_frees_hours_only_without_a_rate_and_none_below_the_usual_effort(catalog):
    benchmark = EffortBenchmark(catalog.zones.relationship_types[PREFERRED], 400, 3)
    francs = brandtner(catalog, effort_hours=1150, currency="CHF")
    assert scale_back(francs, "en", benchmark)[-1] == (
        "Scaling back to the usual effort of “Preferred partner” accounts (median 400 hours of 3 accounts this "
        "quarter) would free 750 hours a year."
    )
    few = brandtner(catalog, effort_hours=300)
    assert scale_back(few, "en", benchmark)[-1] == (
        "Our 300 hours a year are no more than the usual effort of “Preferred partner” accounts (median 400 "
        "hours of 3 accounts this quarter): scaling back to it would free no hours."
    )
    assert scale_back(few, "de", benchmark)[-1] == (
        "Unsere 300 Stunden im Jahr liegen nicht über dem üblichen Aufwand der Accounts vom Typ „Bevorzugter "
        "Partner“ (Median 400 Stunden bei 3 Accounts in diesem Quartal): Zurückfahren darauf würde keine "
        "Stunden freisetzen."
    )


@pytest.mark.parametrize(
    ("accounts", "en", "de"),
    [
        (
            1,
            "There is no benchmark yet for what scaling back would free: 1 account of the type “Strategic "
            "partnership” gives its hours this quarter, 3 are needed.",
            "Für das, was Zurückfahren freisetzen würde, gibt es noch keinen Vergleichswert: 1 Account vom Typ "
            "„Strategische Partnerschaft“ gibt in diesem Quartal seine Stunden an, 3 sind nötig.",
        ),
        (
            2,
            "There is no benchmark yet for what scaling back would free: 2 accounts of the type “Strategic "
            "partnership” give their hours this quarter, 3 are needed.",
            "Für das, was Zurückfahren freisetzen würde, gibt es noch keinen Vergleichswert: 2 Accounts vom Typ "
            "„Strategische Partnerschaft“ geben in diesem Quartal ihre Stunden an, 3 sind nötig.",
        ),
    ],
)
def test_question_3_says_there_is_no_benchmark_yet_and_why(catalog, accounts, en, de):
    analysis = brandtner(catalog, effort_hours=1150)
    benchmark = EffortBenchmark(catalog.zones.relationship_types[-1], None, accounts)
    assert scale_back(analysis, "en", benchmark)[-1] == en
    assert scale_back(analysis, "de", benchmark)[-1] == de


def test_question_3_not_yet_to_scale_back_still_says_what_it_would_free(catalog):
    # S 100, K 47: over-invested, but the customer invests like a preferred partner; 1,150 − 400 = 750 h
    analysis = served(catalog, "Partner", 5, 3, effort_hours=1150)
    benchmark = EffortBenchmark(catalog.zones.relationship_types[PREFERRED], 400, 4)
    answer = coaching_questions(analysis, "en", benchmark)[2].answer
    assert answer.verdict == "Partner: not yet"
    assert plain(answer.sentences)[-1].endswith("would free 750 hours a year, worth €71,250.")
