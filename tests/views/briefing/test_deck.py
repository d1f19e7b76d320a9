"""The deck's slides as the views decide them: which slides a briefing has, what each says, its tables'
rows as the PDF formats them, and the key account's deck made from its own view alone."""

from __future__ import annotations

from datetime import date

from reportgen.views.briefing.deck import Chart
from reportgen.views.briefing.internal_deck import briefing_deck
from reportgen.views.briefing.shared_deck import shared_deck
from reportgen.views.briefing.shared_edition import SharedCharts, build_shared_briefing
from tests.builders import custom_account, custom_catalog, two_views
from tests.conftest import briefing_view


def test_the_profile_lists_the_drivers_with_their_gaps_as_the_pdf_signs_them(catalog):
    # four factors alike in weight: S (5 + 4 + 3) / 3 → 75, K 50 on the three rated both; the fourth not
    # rated by the key account's side
    four = custom_catalog(catalog, [1, 1, 1, 1])
    analysis = custom_account(four, [5, 4, 3, 3], [3, 2.5, 3, None])
    view = briefing_view(analysis, "de", drawn=False)
    slide = briefing_deck(view).slides[1]
    assert slide.title == "Faktorprofil" and slide.lead == "Was die Schieflage treibt"
    assert slide.picture.chart is Chart.PROFILE and slide.picture.description == view.profile.profile_alt
    assert [column.heading for column in slide.table.columns] == ["Nr.", "Faktor", "Lieferant", "Key Account",
                                                                  "Lücke"]  # fmt: skip
    assert slide.table.rows == tuple(
        (str(row.number), row.title, *cells) for row, cells in
        zip(view.profile.drivers, [("5", "3", "+2"), ("4", "2,5", "+1,5")], strict=True)
    )  # fmt: skip
    appendix = briefing_deck(view).slides[-1]
    assert appendix.table.rows[3][2:] == ("3", "–", "–")  # a side not rated: no gap, as the PDF's table


def test_where_we_stand_says_which_views_agree_and_gives_both_views_figures(catalog):
    agree = two_views(catalog, "Acme", (5, 2), (5, 2))
    disagree = two_views(catalog, "Acme", (5, 2), (2, 5))
    one = custom_account(custom_catalog(catalog, [1, 1, 1, 1]), [5, 3, 3, 3], [3, 3, 3, 3])
    leads = [
        briefing_deck(briefing_view(a, "en", drawn=False)).slides[0].lead for a in (agree, disagree, one)
    ]
    assert leads[0].startswith(
        "Where we stand – the key account’s own view agrees: Supplier frustration zone"
    )
    assert leads[1].startswith("The views disagree: we see “Supplier frustration zone")
    assert leads[2].startswith("Where we stand: ")
    table = briefing_deck(briefing_view(disagree, "en", drawn=False)).slides[0].table
    assert [column.heading for column in table.columns] == ["", "As we see it", "As the key account sees it"]
    assert table.rows[2][1:] == ("+75", "−75")  # S − K: 100 − 25 as we see it, 25 − 100 as they do
    single = briefing_deck(briefing_view(one, "en", drawn=False)).slides[0].table
    assert [column.heading for column in single.columns] == ["", "As we see it"]


def test_the_proposal_runs_from_today_to_the_projected_point_in_bold(catalog):
    four = custom_catalog(catalog, [1, 1, 1, 1])
    view = briefing_view(custom_account(four, [5, 4, 3, 3], [3, 3, 3, 3]), "en", drawn=False)
    slide = next(slide for slide in briefing_deck(view).slides if slide.title.startswith("Rebalancing"))
    rows = slide.table.rows
    assert rows[0][1].startswith("Today: ") and rows[-1][1].startswith("After the moves: ")
    assert rows[1][:4] == ("1", four.factors[0].label("en"), "we scale back", "5 → 3")
    assert rows[1][4:] == ("−13", "0", "−13")
    assert slide.table.bold_rows == frozenset({0, len(rows) - 1})


def test_each_question_has_a_slide_with_its_answer(catalog):
    view = briefing_view(two_views(catalog, "Acme", (5, 2), (2, 5)), "de", drawn=False)
    slides = [slide for slide in briefing_deck(view).slides if slide.title.startswith("Fragen")]
    assert [slide.title for slide in slides] == [
        f"Fragen für das nächste Gespräch ({n}/3)" for n in (1, 2, 3)
    ]
    for slide, question in zip(slides, view.coaching.questions, strict=True):
        assert slide.lead == question.text
        assert slide.points == (f"{question.answer.verdict}. {' '.join(question.answer.sentences)}",)


def test_the_key_accounts_deck_is_its_editions_slides_alone(catalog):
    analysis = two_views(catalog, "Acme", (5, 2), (2, 5))
    view = build_shared_briefing(analysis, "en", date(2026, 11, 27), SharedCharts("<svg/>"), "Weber AG")
    deck = shared_deck(view)
    assert [slide.title for slide in deck.slides] == ["Both sides' investment at a glance", "Factor profile",
                                                      "Questions for the joint meeting", "All factors"]  # fmt: skip
    assert deck.subtitle[1] == "Acme and Weber AG" and deck.author == "Weber AG"
    questions = deck.slides[2]
    assert questions.numbered and questions.points == view.joint_questions
    indices = deck.slides[0].table
    assert [column.heading for column in indices.columns] == ["", "As Weber AG rated it", "As Acme rated it"]
    assert indices.rows[0][1:] == ("100", "25")  # S as each company rated it
    assert all(slide.picture is None or slide.picture.chart is Chart.PROFILE for slide in deck.slides)
    factors = deck.slides[-1].table
    assert [heading for heading, _ in factors.groups] == [
        "",
        "Supplier's investment",
        "Key account's investment",
    ]
    assert factors.rows[0][2:] == ("5", "2", "2", "5")
