"""The coaching questions of a briefing, asked about its account and answered with its figures."""

from __future__ import annotations

import pytest

from reportgen.analysis import analyse
from reportgen.catalog import Catalog
from reportgen.coaching import QuestionKind, coaching_questions, question_text
from reportgen.history import build_histories
from reportgen.model import AccountFacts, Assessment, FactorRating, Period
from reportgen.portfolio import analyse_portfolio

Q3 = Period(2026, 3)


def account(catalog, name, supplier, key_account, intended=None):
    """Every factor rated alike, except the first two, which are set apart so answers can name them."""
    ratings = [FactorRating(f.id, supplier, key_account) for f in catalog.factors]
    ratings[0] = FactorRating(catalog.factors[0].id, 5, 1)
    facts = AccountFacts(name, intended_type=intended)
    return analyse(Assessment(facts, Q3, tuple(ratings)), catalog)


def answers(analysis, catalog, lang="en"):
    return {q.text: q.answer for q in coaching_questions(analysis, catalog, lang)}


def test_an_over_investing_account_is_told_so_with_its_figures(catalog):
    # 15 factors at 4 : 2 and the first at 5 : 1 → S 25·(4.0625 − 1) = 76.6 → 77, K 25·(1.9375 − 1) = 23.4 → 23
    brandtner = account(catalog, "Brandtner", 4, 2, intended="strategic_partnership")
    over, lean_or_strategic, scale_back = coaching_questions(brandtner, catalog, "en")
    assert over.text == catalog.coaching_questions[0].en
    assert over.answer.verdict == "Brandtner: yes, critically"
    assert over.answer.sentences[0] == "We invest 54 points more than the key account (S 77, K 23)."
    assert over.answer.sentences[1].startswith(
        "We are furthest ahead in “Early involvement” (we 5, they 1), "
    )
    lean = lean_or_strategic.answer.sentences
    # lean: S down to K 23 + 10 = 33; strategic: the key account's K above 66
    assert "bringing S down from 77 to at most 33, the customer's K 23 plus 10" in lean[0]
    assert "the key account would have to raise K from 23 to above 66" in lean[1]
    assert lean[2] == "The account is run as “Strategic partnership”."
    assert scale_back.answer.verdict == "Brandtner: yes, a candidate"


def test_a_balanced_and_a_generous_account_are_not_candidates(catalog):
    nordhafen = account(catalog, "Nordhafen", 5, 5)
    over, lean_or_strategic, scale_back = coaching_questions(nordhafen, catalog, "en")
    assert over.answer.verdict == "Nordhafen: no"
    assert "is what it is today" in lean_or_strategic.answer.sentences[1]
    assert scale_back.answer.verdict == "Nordhafen: no"
    # S 25·(35/16 − 1) = 29.7 → 30, K 25·(61/16 − 1) = 70.3 → 70
    kessler = account(catalog, "Kessler", 2, 4)
    over, _, scale_back = coaching_questions(kessler, catalog, "en")
    assert over.answer.verdict == "Kessler: no, the other way round"
    assert scale_back.answer.sentences == ("The key account invests 40 points more than we do: rather a reason "
                                           "to invest more.",)  # fmt: skip


def test_the_briefing_and_the_portfolio_name_the_same_candidates(catalog):
    """One rule: an over-invested account whose customer does not invest like a preferred partner."""
    analyses = [
        account(catalog, "Low", 4, 2),  # K 23: a candidate
        account(catalog, "Partner", 5, 3),  # K 48: over-invested, but the customer invests like a partner
        account(catalog, "Even", 3, 3),
    ]
    portfolio = analyse_portfolio(build_histories(analyses), Q3, catalog)
    in_portfolio = {e.name for e in portfolio.scale_back}
    in_briefings = {a.assessment.account.name for a in analyses if coaching_questions(a, catalog, "en")[2].answer.verdict.endswith("yes, a candidate")}  # fmt: skip
    assert in_portfolio == in_briefings == {"Low"}


def test_answers_follow_their_questions_when_reworded_and_reordered(catalog):
    data = catalog.model_dump(exclude_none=True)
    over, _, scale_back = data["coaching_questions"]
    over["en"] = "Where do we give more than we get?"
    data["coaching_questions"] = [
        scale_back,
        {"en": "What did the customer say about us last quarter?", "kind": "customer_voice"},
        over,
    ]
    changed = Catalog.model_validate(data)
    brandtner = account(changed, "Brandtner", 4, 2)
    first, second, third = coaching_questions(brandtner, changed, "en")
    assert (
        first.text == catalog.coaching_questions[2].en
        and first.answer.verdict == "Brandtner: yes, a candidate"
    )
    assert second.text == "What did the customer say about us last quarter?" and second.answer is None
    # the portfolio report finds its questions by kind too
    assert question_text(changed, QuestionKind.OVER_INVESTMENT, "en") == "Where do we give more than we get?"
    assert question_text(changed, QuestionKind.LEAN_OR_STRATEGIC, "en") is None
    assert (
        third.text == "Where do we give more than we get?"
        and third.answer.verdict == "Brandtner: yes, critically"
    )


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_answer_is_worded_in_the_language(catalog, lang):
    for analysis in (account(catalog, "A", 4, 2), account(catalog, "B", 3, 3), account(catalog, "C", 2, 4)):
        for question in coaching_questions(analysis, catalog, lang):
            text = question.answer.verdict + " " + " ".join(question.answer.sentences)
            assert "{" not in text
            if lang == "de":
                assert not {" the ", " we ", " points ", " would "} & {f" {w} " for w in text.split()}, text
                assert "„" in text or question.answer.sentences[0].startswith(("Wir", "Der", "Beide")), text
