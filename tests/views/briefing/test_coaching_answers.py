"""The coaching questions of a briefing, asked about its account and answered in words with its figures."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.analysis.coaching import QuestionKind, question_text, strategic_path
from reportgen.analysis.history import build_histories
from reportgen.analysis.indices import analyse
from reportgen.analysis.portfolio import analyse_portfolio
from reportgen.model.assessment import AccountFacts, Assessment, FactorRating, Rater
from reportgen.model.catalog import Catalog
from reportgen.model.findings import ZoneKind
from reportgen.rendering import Renderer
from reportgen.views.briefing import BriefingCharts, build_briefing
from reportgen.views.briefing.coaching_answers import NBSP, coaching_questions
from reportgen.views.labels import zone_words
from reportgen.views.portfolio import PortfolioCharts, build_portfolio
from tests.builders import KEY_ACCOUNT_RATER, Q3, account, rated, two_views


def plain(text):
    """Text as a reader sees it: non-breaking spaces are spaces."""
    return text.replace(NBSP, " ")


def test_an_over_investing_account_is_told_so_with_its_figures(catalog):
    # 15 factors at 4 : 2 and the first at 5 : 1 → S 25·(4.0625 − 1) = 76.6 → 77, K 25·(1.9375 − 1) = 23.4 → 23
    brandtner = account(catalog, "Brandtner", 4, 2, intended="strategic_partnership")
    over, lean_or_strategic, scale_back = coaching_questions(brandtner, "en")
    assert over.text == catalog.coaching_questions[0].en
    assert over.answer.verdict == "Brandtner: yes, critically"
    assert plain(over.answer.sentences[0]) == "We invest 54 points more than the key account (S 77, K 23)."
    assert plain(over.answer.sentences[1]).startswith(
        "We are furthest ahead in “Early involvement” (we 5, they 1), "
    )
    lean = [plain(sentence) for sentence in lean_or_strategic.answer.sentences]
    # lean: S down to K 23 + 10 = 33; strategic: the key account's K within 10 of our S 77 and above 66
    assert (
        "bringing S down from 77 to at most 33, no more than 10 points above the customer's K 23" in lean[0]
    )
    assert "the key account would have to raise K from 23 to at least 67" in lean[3]
    assert scale_back.answer.verdict == "Brandtner: yes, a candidate"


def test_a_balanced_and_a_generous_account_are_not_candidates(catalog):
    nordhafen = account(catalog, "Nordhafen", 5, 5)
    over, lean_or_strategic, scale_back = coaching_questions(nordhafen, "en")
    assert over.answer.verdict == "Nordhafen: no"
    assert lean_or_strategic.answer.sentences[1] == "Both sides invest a great deal, and in balance."
    assert scale_back.answer.verdict == "Nordhafen: no"
    # S 25·(35/16 − 1) = 29.7 → 30, K 25·(61/16 − 1) = 70.3 → 70
    kessler = account(catalog, "Kessler", 2, 4)
    over, _, scale_back = coaching_questions(kessler, "en")
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
    in_briefings = {a.assessment.account.name for a in analyses if coaching_questions(a, "en")[2].answer.verdict.endswith("yes, a candidate")}  # fmt: skip
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
    first, second, third = coaching_questions(replace(brandtner, catalog=changed), "en")
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
        for question in coaching_questions(analysis, lang):
            text = question.answer.verdict + " " + " ".join(question.answer.sentences)
            assert "{" not in text
            if lang == "de":
                assert not {" the ", " we ", " points ", " would "} & {f" {w} " for w in text.split()}, text
                assert "„" in text or question.answer.sentences[0].startswith(("Wir", "Der", "Beide")), text


def test_an_over_invested_account_is_not_told_to_raise_our_side_where_we_are_ahead(catalog):
    # S 63, K 50: both below a strategic partnership, and we are ahead in the first eight factors
    pairs = [(2, 1)] * 4 + [(4, 3)] * 4 + [(4, 4)] * 8
    analysis = rated(catalog, "Meridian", pairs)
    assert analysis.zone.kind is ZoneKind.SUPPLIER_FRUSTRATION
    _, lean_or_strategic, _ = coaching_questions(analysis, "en")
    text = " ".join(lean_or_strategic.answer.sentences)
    theirs, ours = text.index("the key account would have to raise K"), text.index("would we have to raise S")
    assert theirs < ours, text
    for factor in catalog.factors[:8]:
        assert factor.label("en") not in text[ours:], text


@pytest.mark.parametrize("lang", ["de", "en"])
def test_we_ahead_in_every_factor_yet_short_of_a_partnership_are_told_how_far_to_raise_s_without_factors(
    catalog, lang
):
    # A regression: with us ahead in every factor rated on both sides, no factor qualifies for raising S
    # (never where we are ahead), and naming none crashed the briefing.
    pairs = [(4, 3), (4, None), (3, 1)] + [(None, None)] * (len(catalog.factors) - 3)
    analysis = rated(catalog, "Ahead everywhere", pairs, intended="strategic_partnership")
    _, lean_or_strategic, _ = coaching_questions(analysis, lang)
    text = " ".join(lean_or_strategic.answer.sentences)
    path = strategic_path(analysis)
    expected = {
        "en": f"Only then would we have to raise S from {analysis.supplier_index} to at least {path.supplier}.",
        "de": f"Erst dann müssten wir S von {analysis.supplier_index} auf mindestens {path.supplier} anheben.",
    }[lang]
    assert expected in text, text


def test_the_largest_gaps_are_named_in_the_order_of_the_drivers(catalog):
    # seven equal gaps; the seventh has a comment and is named first, as on the report's first pages
    analysis = rated(catalog, "Meridian", [(4, 3)] * 7, comments={6: "They share less than we do."})
    over, _, _ = coaching_questions(analysis, "en")
    named = over.answer.sentences[1]
    labels = [r.factor.label("en") for r in analysis.drivers[:3]]
    assert [named.index(label) for label in labels] == sorted(named.index(label) for label in labels), named
    assert named.index(catalog.factors[6].label("en")) < named.index(catalog.factors[0].label("en"))


def test_the_capacity_for_strategic_partnerships_is_the_catalogs(catalog):
    data = catalog.model_dump(exclude_none=True)
    data["zones"]["strategic_capacity"] = 5
    changed = Catalog.model_validate(data)
    partner = rated(changed, "Nordhafen", [(5, 5)] * 16, intended="strategic_partnership")
    for lang in ("en", "de"):
        _, lean_or_strategic, _ = coaching_questions(replace(partner, catalog=changed), lang)
        assert " 5 " in " ".join(lean_or_strategic.answer.sentences)
        everything = zone_words(partner, changed, lang)[1] + " ".join(lean_or_strategic.answer.sentences)
        assert not {"two", "three", "zwei", "drei"} & set(everything.split())


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_largest_gaps_are_named_once_and_referred_back_to(catalog, lang):
    brandtner = account(catalog, "Brandtner", 4, 2, intended="strategic_partnership")
    text = " ".join(" ".join(q.answer.sentences) for q in coaching_questions(brandtner, lang))
    for result in brandtner.drivers[:3]:
        assert text.count(result.factor.label(lang)) == 1, text
    assert ("denselben Faktoren" if lang == "de" else "the same factors") in text


def test_the_verdict_names_the_zone_and_the_intended_type_plainly(catalog):
    kessler = account(catalog, "Kessler", 2, 4)
    _, lean_or_strategic, _ = coaching_questions(kessler, "en")
    assert lean_or_strategic.answer.verdict == "Kessler: today “Key account invests more”"
    assert "at the level of “Strategic partnership”" in lean_or_strategic.answer.sentences[0]
    _, lean_or_strategic, _ = coaching_questions(kessler, "de")
    assert lean_or_strategic.answer.verdict == "Kessler: heute „Key Account investiert mehr“"
    brandtner = account(catalog, "Brandtner", 4, 2, intended="strategic_partnership")
    _, lean_or_strategic, _ = coaching_questions(brandtner, "en")
    assert lean_or_strategic.answer.verdict == (
        "Brandtner: run as “Strategic partnership”, but today “Supplier frustration zone, critical”"
    )
    assert not any("run as" in s for s in lean_or_strategic.answer.sentences)
    nordhafen = account(catalog, "Nordhafen", 5, 5, intended="strategic_partnership")
    _, lean_or_strategic, _ = coaching_questions(nordhafen, "de")
    assert lean_or_strategic.answer.verdict == "Nordhafen: „Strategische Partnerschaft“, wie vorgesehen"
    calloway = account(catalog, "Calloway", 1, 1)
    _, lean_or_strategic, _ = coaching_questions(calloway, "de")
    assert lean_or_strategic.answer.sentences[0].count("Schlankes KAM") == 0


@pytest.mark.parametrize("lang", ["de", "en"])
def test_figures_in_brackets_do_not_break_across_lines(catalog, lang):
    brandtner = account(catalog, "Brandtner", 4, 2)
    over, _, _ = coaching_questions(brandtner, lang)
    we, they = ("wir", "Kunde") if lang == "de" else ("we", "they")
    assert f"(S{NBSP}77,{NBSP}K{NBSP}23)" in over.answer.sentences[0]
    assert f"({we}{NBSP}5,{NBSP}{they}{NBSP}1)" in over.answer.sentences[1]
    assert "(" + we + " " not in over.answer.sentences[1]


@pytest.mark.parametrize(
    ("lang", "one_point"), [("de", "nur 1 Punkt auseinander"), ("en", "only 1 point apart")]
)
def test_one_point_is_singular(catalog, lang, one_point):
    # S 25·(47/16 − 1) = 48.4 → 48, K 25·(46/16 − 1) = 46.9 → 47: one point apart, balanced
    close = rated(catalog, "Vireo", [(3, 2), (2, 2)])
    assert close.balance == 1
    over, _, _ = coaching_questions(close, lang)
    assert one_point in over.answer.sentences[0]
    data = catalog.model_dump(exclude_none=True)
    data["zones"]["balance_tolerance"] = 1
    strict = Catalog.model_validate(data)
    lean = rated(strict, "Low", [(1, 1)] * 8 + [(2, 1)] * 8)
    for question in coaching_questions(replace(lean, catalog=strict), lang):
        text = " ".join(question.answer.sentences)
        assert "1 Punkte" not in text and "1 points" not in text and "0 Punkte" not in text, text


def _with_questions(catalog: Catalog, *kinds: str | None) -> Catalog:
    """The catalog asking one question per kind given, in that order; None: a question of no kind."""
    data = catalog.model_dump(exclude_none=True)
    known = {question["kind"]: question for question in data["coaching_questions"]}
    data["coaching_questions"] = [
        known.get(kind, {"en": f"Own question {n}?", "de": f"Eigene Frage {n}?"})
        for n, kind in enumerate(kinds, start=1)
    ]
    return Catalog.model_validate(data)


@pytest.mark.parametrize(
    "kinds",
    [
        ("scale_back", "over_investment"),
        ("over_investment", None, "lean_or_strategic", "scale_back"),
    ],
    ids=["two", "four"],
)
def test_a_catalog_of_two_or_four_questions_is_asked_whole(catalog, kinds):
    """The briefing asks every question of the catalog in its order; the portfolio finds the ones it
    answers by their kind, wherever they stand, and words a missing one itself."""
    changed = _with_questions(catalog, *kinds)
    brandtner = account(changed, "Brandtner", 4, 2)
    charts = BriefingCharts("<svg/>", "<svg/>")
    renderer = Renderer()
    briefing = build_briefing(brandtner, "en", date(2026, 11, 27), None, charts)
    html = renderer.briefing_html(briefing)
    asked = [question.get("en") for question in changed.coaching_questions]
    assert [question.text for question in briefing.coaching.questions] == asked
    assert html.count('<p class="question">') == len(asked)
    assert all(f'<p class="question">{text}</p>' in html for text in asked)
    answered = [question.answer is not None for question in briefing.coaching.questions]
    assert answered == [kind is not None for kind in kinds]

    portfolio = analyse_portfolio(build_histories([brandtner]), Q3, changed)
    view = build_portfolio(portfolio, "en", date(2026, 11, 27), PortfolioCharts("<svg/>", ("<svg/>",)))
    questions = view.questions
    assert questions.over_investment_question == question_text(changed, QuestionKind.OVER_INVESTMENT, "en")
    assert questions.over_investment_question == catalog.coaching_questions[0].en
    assert questions.scale_back_question == catalog.coaching_questions[2].en
    assert questions.lean_or_strategic_question == (
        catalog.coaching_questions[1].en if "lean_or_strategic" in kinds else None
    )
    html = renderer.portfolio_html(view)
    headings = [catalog.coaching_questions[0].en, catalog.coaching_questions[2].en]
    headings.append(
        catalog.coaching_questions[1].en
        if "lean_or_strategic" in kinds
        else "Lean KAM or strategic partnership?"
    )
    assert all(f"<h3>{heading}</h3>" in html for heading in headings)
    assert "Own question" not in html  # a question of no kind is the briefing's, for the reader to reflect on


def test_an_account_over_invested_in_our_view_alone_is_answered_with_the_key_accounts(catalog):
    """Ours: S 75, K 25, critical over-investment; the key account's own: S 25, K 75."""
    mirror = two_views(catalog, "Mirror", (4, 2), (2, 4))
    over, lean_or_strategic, scale_back = coaching_questions(mirror, "en")
    assert over.answer.verdict == "Mirror, as the key account sees it: no, the other way round"
    assert (
        plain(over.answer.sentences[0]) == "The key account invests 50 points more than we do (S 25, K 75)."
    )
    assert plain(over.answer.sentences[-1]) == (
        "Our own view puts it in “Supplier frustration zone, critical” (S 75, K 25): compare the two views "
        "with the key account before acting on either."
    )
    assert lean_or_strategic.answer.verdict.startswith("Mirror, as the key account sees it: ")
    assert scale_back.answer.verdict == "Mirror: not on our view alone"
    assert "scaling back now would leave unanswered" in scale_back.answer.sentences[0]
    german = coaching_questions(mirror, "de")
    assert german[0].answer.verdict == "Mirror, aus Sicht des Key Accounts: nein, umgekehrt"
    assert german[2].answer.verdict == "Mirror: nicht allein nach unserer Sicht"


def test_where_the_views_agree_the_answers_name_the_key_accounts_view_only(catalog):
    even = two_views(catalog, "Even", (5, 5), (5, 5))
    over, _, scale_back = coaching_questions(even, "en")
    assert over.answer.verdict == "Even, as the key account sees it: no"
    assert not any(
        "Our own view" in sentence for sentence in over.answer.sentences + scale_back.answer.sentences
    )


@pytest.mark.parametrize("name", ["Strategischer Partner", "Bevorzugte Partnerschaft", "Kernkundengeschäft"])
def test_the_german_answers_name_a_relationship_type_of_any_gender_without_an_article(catalog, name):
    """Regression: "Eine „{strategic}“ braucht …" read "Eine „Strategischer Partner“" for a catalog whose
    highest relationship type is a masculine noun, and "wie ein „{preferred}“" assumed a masculine one."""
    data = catalog.model_dump(exclude_none=True)
    for kind in (1, 2):  # the preferred partner and the strategic partnership
        data["zones"]["relationship_types"][kind]["name"]["de"] = name
    renamed = Catalog.model_validate(data)
    far_apart = rated(renamed, "Far apart", [(5, 1)] + [(5, 2)] * 15)
    _, lean_or_strategic, scale_back = coaching_questions(far_apart, "de")
    text = plain(" ".join((*lean_or_strategic.answer.sentences, *scale_back.answer.sentences)))
    assert f"Für „{name}“ müssen beide Indizes über 66 liegen" in text, text
    assert f"nicht einmal auf dem Niveau „{name}“" in text, text
    assert not re.search(r"\b[Ee]ine?[nmr]? „", text), text


def key_account_rates_us_lower(catalog):
    """Our team rates every factor 4 : 3 but leaves the fourth unrated; the key account's contact rates
    the first three 1 : 4 and every other factor 3 : 3, the fourth included.

    Its view: S 25·(42/16 − 1) = 40.6 → 41, K 25·(51/16 − 1) = 54.7 → 55, so it invests 14 points more;
    a strategic partnership needs K 67 first (S 67, K 67), then S 67.
    """
    ratings = []
    for number, factor in enumerate(catalog.factors, start=1):
        ratings.append(FactorRating(factor.id, *((None, None) if number == 4 else (4, 3))))
        theirs = (1, 4) if number <= 3 else (3, 3)
        ratings.append(FactorRating(factor.id, *theirs, rater=KEY_ACCOUNT_RATER))
    facts = AccountFacts("Meridian", intended_type="strategic_partnership")
    return analyse(Assessment(facts, Q3, tuple(ratings), raters=(Rater(), KEY_ACCOUNT_RATER)), catalog)


@pytest.mark.parametrize(
    ("lang", "furthest_ahead", "they_raise", "we_raise"),
    [
        (
            "en",
            "The customer is furthest ahead in “Early involvement” (the key account rates us 1, itself 4), "
            "“Relationship network” (us 1, itself 4) and “Joint processes” (us 1, itself 4).",
            "For that, the key account would have to raise K from 55 to at least 67, above all in “Shaping "
            "specifications” (the key account rates us 3, itself 3), “Competitiveness over price” (us 3, "
            "itself 3) and “Seeking feedback” (us 3, itself 3).",
            "Only then would we have to raise S from 41 to at least 67, above all in “Early involvement” (the "
            "key account rates us 1, itself 4), “Relationship network” (us 1, itself 4) and “Joint processes” "
            "(us 1, itself 4).",
        ),
        (
            "de",
            "Am weitesten voraus ist der Kunde bei „Frühe Einbindung“ (der Key Account bewertet uns mit 1, "
            "sich selbst mit 4), „Beziehungsnetz“ (uns mit 1, sich selbst mit 4) und „Gemeinsame Prozesse“ "
            "(uns mit 1, sich selbst mit 4).",
            "Dafür müsste der Key Account K von 55 auf mindestens 67 anheben, vor allem bei „Spezifikation "
            "mitgestalten“ (der Key Account bewertet uns mit 3, sich selbst mit 3), „Wettbewerbsfähigkeit statt "
            "Preis“ (uns mit 3, sich selbst mit 3) und „Feedback einholen“ (uns mit 3, sich selbst mit 3).",
            "Erst dann müssten wir S von 41 auf mindestens 67 anheben, vor allem bei „Frühe Einbindung“ (der "
            "Key Account bewertet uns mit 1, sich selbst mit 4), „Beziehungsnetz“ (uns mit 1, sich selbst mit "
            "4) und „Gemeinsame Prozesse“ (uns mit 1, sich selbst mit 4).",
        ),
    ],
)
def test_figures_of_the_key_accounts_view_say_they_are_its_ratings(
    catalog, lang, furthest_ahead, they_raise, we_raise
):
    """Regression: the answers quoted the key account's own ratings as "(we 3, they 3)", which read as our
    team's: "Shaping specifications", which our team left unrated, and factors the tables show otherwise
    in our view (4 : 3) seemed to contradict every table."""
    meridian = key_account_rates_us_lower(catalog)
    assert meridian.factors[3].supplier is None and meridian.factors[3].key_account is None
    over, lean_or_strategic, _ = coaching_questions(meridian, lang)
    assert plain(over.answer.sentences[1]) == furthest_ahead
    assert plain(lean_or_strategic.answer.sentences[2]) == they_raise
    # named again, not "the same factors": those would read as the ones just named
    assert plain(lean_or_strategic.answer.sentences[3]) == we_raise
    # a figure stays on the line of the word before it
    assert (f"mit{NBSP}3" if lang == "de" else f"us{NBSP}3") in lean_or_strategic.answer.sentences[2]


@pytest.mark.parametrize(("lang", "same"), [("de", "denselben Faktoren"), ("en", "the same factors")])
def test_the_same_factors_are_only_those_named_just_before(catalog, lang, same):
    """Regression: with other factors named between, "above all in the same factors" read as those just
    named, where it meant the ones of the answer before."""
    meridian = key_account_rates_us_lower(catalog)
    text = " ".join(" ".join(q.answer.sentences) for q in coaching_questions(meridian, lang))
    assert same not in text, text
    brandtner = account(catalog, "Brandtner", 4, 2, intended="strategic_partnership")
    _, lean_or_strategic, _ = coaching_questions(brandtner, lang)
    # the factors to scale back, just named, are the ones the key account would have to raise
    assert same in lean_or_strategic.answer.sentences[3], lean_or_strategic.answer.sentences


def sentences_of(analysis, lang="en", question=1):
    """The sentences answering one question (0: over-investment, 1: lean or strategic, 2: scale back), as
    a reader sees them."""
    return [plain(sentence) for sentence in coaching_questions(analysis, lang)[question].answer.sentences]


@pytest.mark.parametrize(
    ("pairs", "balance", "verdict"),
    [
        # S 1.5625·(61 − 16) = 70.3 → 70, K 1.5625·(48 − 16) = 50: 20 points ahead, not yet critical
        ([(4, 3)] * 13 + [(3, 3)] * 3, 20, "Mild: yes"),
        # S 1.5625·(60 − 16) = 68.75 → 69, K 1.5625·(47 − 16) = 48.4 → 48: 21 points, critical
        ([(4, 2)] + [(4, 3)] * 11 + [(3, 3)] * 4, 21, "Mild: yes, critically"),
    ],
)
def test_over_investment_is_critical_only_beyond_the_critical_imbalance(catalog, pairs, balance, verdict):
    mild = rated(catalog, "Mild", pairs)
    assert mild.balance == balance
    over, _, _ = coaching_questions(mild, "en")
    assert over.answer.verdict == verdict
    assert plain(over.answer.sentences[0]).startswith(f"We invest {balance} points more than the key account")


def test_a_balanced_account_is_told_how_far_apart_its_sides_are(catalog):
    # S 25·(47/16 − 1) = 48.4 → 48, K 25·(46/16 − 1) = 46.9 → 47; we lead in the first factor only
    close = rated(catalog, "Vireo", [(3, 2), (2, 2)])
    over = sentences_of(close, question=0)
    assert over == [
        "Both sides invest in balance: S 48, K 47, only 1 point apart.",
        "Only in a few factors do we give more than the customer: “Early involvement” (we 3, they 2).",
    ]
    even = rated(catalog, "Even", [(3, 3)] * 16)
    # nowhere ahead: no factor is named
    assert sentences_of(even, question=0) == ["Both sides invest exactly alike: S 50, K 50."]


def test_where_the_key_account_invests_more_its_lead_is_named_and_ours_is_not(catalog):
    # the first factor 5 : 1 is ours; the key account leads 4 : 2 in every other
    kessler = account(catalog, "Kessler", 2, 4)
    over, _, scale_back = coaching_questions(kessler, "en")
    named = plain(over.answer.sentences[1])
    assert named.startswith(
        f"The customer is furthest ahead in “{catalog.factors[1].label('en')}” (we 2, they 4)"
    )
    assert catalog.factors[0].label("en") not in named
    assert scale_back.answer.verdict == "Kessler: no"


def test_a_lean_account_is_told_it_is_one(catalog):
    lean = rated(catalog, "Calloway", [(2, 2)] * 16)  # S 25, K 25
    assert sentences_of(lean)[0] == "Both sides invest little, and in balance."
    assert sentences_of(lean, "de")[0] == "Beide Seiten investieren wenig und ausgewogen."


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "“Lean KAM – reliable supplier” would not fit: with K 50 the customer invests at the level of "
            "“Preferred partner” (at least 33), and scaling back would leave that unanswered.",
        ),
        ("de", "auf dem Niveau „Bevorzugter Partner“ (ab 33)"),
    ],
)
def test_lean_kam_does_not_fit_a_customer_investing_at_a_partners_level(catalog, lang, expected):
    # S 1.5625·(65 − 16) = 76.6 → 77, K 50: over-invested, but K 50 is a preferred partner's level
    partner = rated(catalog, "Partner", [(5, 3)] + [(4, 3)] * 15)
    lean = sentences_of(partner, lang)[0]
    assert (lean == expected) if lang == "en" else (expected in lean), lean
    not_yet = coaching_questions(partner, lang)[2].answer
    assert not_yet.verdict == {"en": "Partner: not yet", "de": "Partner: noch nicht"}[lang]
    if lang == "en":
        assert plain(not_yet.sentences[0]).startswith(
            "We invest 27 points more, but with K 50 the customer invests at the level of “Preferred partner” "
            "(at least 33). Before scaling back,"
        )


def test_lean_kam_for_an_account_that_invests_more_means_raising_s_to_the_tolerance_below_k(catalog):
    # S 0, K 25: lean KAM needs S within 10 points below K, 15 at least – the S nearest today's
    generous = rated(catalog, "Up", [(1, 2)] * 16)
    assert sentences_of(generous)[0] == (
        "“Lean KAM – reliable supplier” would mean raising S from 0 to at least 15, no more than 10 points "
        "below the customer's K 25."
    )
    assert "von 0 auf mindestens 15" in sentences_of(generous, "de")[0]


def test_lean_kam_by_a_tolerance_of_one_point_is_worded_in_the_singular(catalog):
    data = catalog.model_dump(exclude_none=True)
    data["zones"]["balance_tolerance"] = 1
    strict = Catalog.model_validate(data)
    generous = rated(strict, "Up", [(1, 2)] * 16)
    assert sentences_of(generous)[0] == (
        "“Lean KAM – reliable supplier” would mean raising S from 0 to at least 24, no more than 1 point below "
        "the customer's K 25."
    )


def test_lean_kam_for_an_over_investing_account_names_where_to_scale_back(catalog):
    # asked alone, the answer names the factors itself; asked after the over-investment, it refers back
    brandtner = account(catalog, "Brandtner", 4, 2)
    alone = _with_questions(catalog, "lean_or_strategic")
    (lean_or_strategic,) = coaching_questions(replace(brandtner, catalog=alone), "en")
    assert plain(lean_or_strategic.answer.sentences[1]).startswith(
        "Scale back first in “Early involvement” (we 5, they 1), "
    )
    assert sentences_of(brandtner)[1] == "Scale back first in the same factors."


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_scale_back_candidate_is_told_where_to_scale_back_first(catalog, lang):
    brandtner = account(catalog, "Brandtner", 4, 2)
    alone = _with_questions(catalog, "scale_back")
    (scale_back,) = coaching_questions(replace(brandtner, catalog=alone), lang)
    candidate, where = scale_back.answer.sentences
    # K stays on one line with its figure
    assert f"K{NBSP}23" in candidate
    first = {
        "en": "Scale back first in “Early involvement” (we",
        "de": "Zurückfahren zuerst bei „Frühe Einbindung“ (wir",
    }
    assert plain(where).startswith(first[lang]), where
    assert plain(candidate).startswith(
        {
            "en": "We invest 54 points more, and with K 23 the customer does not even invest like a “Preferred "
            "partner”: ",
            "de": "Wir investieren 54 Punkte mehr, und mit K 23 investiert der Kunde nicht einmal auf dem Niveau "
            "„Bevorzugter Partner“",
        }[lang]
    ), candidate


def test_a_strategic_partnership_needs_both_indices_above_its_bound_within_the_tolerance(catalog):
    even = rated(catalog, "Even", [(3, 3)] * 16)
    assert sentences_of(even)[1] == (
        "A “Strategic partnership” needs both indices above 66, at most 10 points apart."
    )


def test_where_k_already_reaches_a_partnership_only_we_are_asked_to_raise(catalog):
    # S 30, K 94: K needs no raise; we must come within 10 points of it
    far = rated(catalog, "Far apart", [(5, 1)] + [(2, 5)] * 15)
    alone = _with_questions(catalog, "lean_or_strategic")
    lean_or_strategic = sentences_of(replace(far, catalog=alone), question=0)
    assert not any("raise K" in sentence for sentence in lean_or_strategic), lean_or_strategic
    assert lean_or_strategic[-1].startswith(
        "For that, we would have to raise S from 30 to at least 84, above all in “Relationship network” "
        "(we 2, they 5)"
    ), lean_or_strategic


def test_where_s_already_reaches_a_partnership_only_the_key_account_is_asked_to_raise(catalog):
    # S 77, K 23: the key account must raise K to 67, within 10 points of our S; we need not move
    brandtner = account(catalog, "Brandtner", 4, 2)
    lean_or_strategic = sentences_of(brandtner)
    assert lean_or_strategic[-1].startswith(
        "For that, the key account would have to raise K from 23 to at least 67"
    )
    assert not any("raise S" in sentence for sentence in lean_or_strategic), lean_or_strategic


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_key_account_is_asked_to_raise_k_without_factors_where_it_leads_in_every_one(catalog, lang):
    # S 25, K 50: the key account leads 3 : 2 everywhere, so no factor is where it should raise first
    behind = rated(catalog, "Behind", [(2, 3)] * 16)
    they_raise = sentences_of(behind, lang)[2]
    assert (
        they_raise
        == {
            "en": "For that, the key account would have to raise K from 50 to at least 67.",
            "de": "Dafür müsste der Key Account K von 50 auf mindestens 67 anheben.",
        }[lang]
    )


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_catalog_whose_highest_type_no_index_reaches_says_so(catalog, lang):
    data = catalog.model_dump(exclude_none=True)
    data["zones"]["relationship_types"][-1]["above"] = 100
    unreachable = Catalog.model_validate(data)
    even = rated(unreachable, "Even", [(3, 3)] * 16)
    assert strategic_path(replace(even, catalog=unreachable)) is None
    assert (
        sentences_of(replace(even, catalog=unreachable), lang)[1]
        == {
            "en": "No index on the scale reaches “Strategic partnership”.",
            "de": "Kein Index auf der Skala erreicht „Strategische Partnerschaft“.",
        }[lang]
    )


@pytest.mark.parametrize(
    ("lang", "ours", "first"),
    [
        (
            "en",
            "Our own view puts it in “Supplier frustration zone, critical” (S 75, K 25), the key account's own "
            "view does not: scaling back now would leave unanswered what the key account says it invests.",
            ("Go through the perception gaps with it first: ", "ask about what we do not see of its own."),
        ),
        (
            "de",
            "Unsere eigene Sicht ordnet ihn „Lieferantenfrustrationszone, kritisch“ zu (S 75, K 25), die Sicht "
            "des Key Accounts nicht: ",
            ("Gehen Sie zuerst die Wahrnehmungslücken mit ihm durch: ", "was wir von seinem nicht sehen."),
        ),
    ],
)
def test_an_account_over_invested_in_our_view_alone_is_not_scaled_back_before_the_gaps_are_discussed(
    catalog, lang, ours, first
):
    mirror = two_views(catalog, "Mirror", (4, 2), (2, 4))  # ours: S 75, K 25; the key account's: S 25, K 75
    why, then = sentences_of(mirror, lang, question=2)
    assert why.startswith(ours), why
    assert then.startswith(first[0]) and then.endswith(first[1]), then


RATING = st.one_of(st.none(), st.integers(min_value=1, max_value=5))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(RATING, RATING), min_size=16, max_size=16).filter(
        lambda pairs: any(None not in pair for pair in pairs)
    )
)
def test_every_rated_account_gets_every_answer_and_no_factor_list_is_empty(catalog, pairs):
    analysis = rated(catalog, "Any", pairs)
    for lang in ("en", "de"):
        for question in coaching_questions(analysis, lang):
            for sentence in (question.answer.verdict, *question.answer.sentences):
                assert "{" not in sentence and " ." not in sentence and "„“" not in sentence, sentence


def test_we_raise_first_where_the_key_account_leads_even_where_we_already_score_high(catalog):
    # the key account leads only in the first factor, 4 : 5, where we score higher than anywhere else;
    # S 1.5625·(49 − 16) = 51.6 → 52, K 1.5625·(50 − 16) = 53.1 → 53: a preferred partner
    meridian = rated(catalog, "Meridian", [(4, 5)])
    _, _, _, we_raise = sentences_of(meridian)
    assert we_raise == (
        "Only then would we have to raise S from 52 to at least 67, above all in “Early involvement” (we 4, "
        "they 5)."
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "We invest 54 points more, and the catalog knows no relationship beyond lean key account management: "
            "scaling back to it would be the honest answer.",
        ),
        (
            "de",
            "Wir investieren 54 Punkte mehr, und der Katalog kennt keine Beziehung über schlankes Key Account "
            "Management hinaus: Darauf zurückzufahren wäre die ehrliche Antwort.",
        ),
    ],
)
def test_a_candidate_of_a_catalog_without_a_partner_type_is_not_compared_with_one(catalog, lang, expected):
    """Regression: with a single relationship type (a catalog may have one), the answer compared the
    customer with a preferred partner it named as “”. Every over-investment is a candidate there, whatever
    K, so K is no reason given."""
    data = catalog.model_dump(exclude_none=True)
    data["zones"]["relationship_types"] = data["zones"]["relationship_types"][:1]
    lean_only = Catalog.model_validate(data)
    brandtner = account(lean_only, "Brandtner", 4, 2)  # S 77, K 23
    scale_back = coaching_questions(brandtner, lang)[2].answer
    assert (
        scale_back.verdict == {"en": "Brandtner: yes, a candidate", "de": "Brandtner: ja, ein Kandidat"}[lang]
    )
    assert plain(scale_back.sentences[0]) == expected


def test_a_catalog_with_lean_kam_as_its_only_type_is_not_told_of_a_partnership(catalog):
    """Regression: with a single relationship type, lean KAM was also the catalog's highest type, and the
    answer said both sides invest little and a great deal, and warned of carrying too many partnerships;
    then, that both invest little at S 100 and K 100."""
    data = catalog.model_dump(exclude_none=True)
    data["zones"]["relationship_types"] = data["zones"]["relationship_types"][:1]
    lean_only = Catalog.model_validate(data)
    # its one type spans every index: balanced is all there is to say, high or low
    lean = rated(lean_only, "Calloway", [(2, 2)] * 16, intended="lean_supplier")  # S 25, K 25
    assert sentences_of(lean) == ["Both sides invest in balance."]
    assert sentences_of(rated(lean_only, "High", [(5, 5)] * 16)) == ["Both sides invest in balance."]
    generous = rated(lean_only, "Up", [(1, 3)] * 16)  # S 0, K 50: only how far S must rise to be lean KAM
    assert sentences_of(generous) == [
        "“Lean KAM – reliable supplier” would mean raising S from 0 to at least 40, no more than 10 points "
        "below the customer's K 50."
    ]


def test_a_catalog_of_two_types_describes_the_partnership_beyond_lean_kam(catalog):
    data = catalog.model_dump(exclude_none=True)
    lean_type, _, strategic = data["zones"]["relationship_types"]
    data["zones"]["relationship_types"] = [lean_type, strategic]
    two = Catalog.model_validate(data)
    even = rated(two, "Even", [(3, 3)] * 16)  # S 50, K 50: lean KAM in this catalog, a partnership above 66
    assert sentences_of(even)[:2] == [
        "Both sides invest little, and in balance.",
        "A “Strategic partnership” needs both indices above 66, at most 10 points apart.",
    ]
