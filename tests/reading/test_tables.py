"""Factor rows, as every reader parses them: factors found by id or title, scores as numbers, text or the
scale's words; a bad score or an unknown factor is an error at its cell with a way to fix it."""

from __future__ import annotations

from datetime import date

import pytest

from reportgen.common.problems import Severity
from reportgen.reading import read_file
from tests.conftest import sheets_for
from tests.reading.conftest import all_rendered, german_rows, only, rendered


def test_out_of_scale_has_file_sheet_cell_and_a_fix_in_german(make_workbook, catalog):
    n = len(catalog.factors)
    supplier = [4] * n
    supplier[5] = 6  # row 7 of the sheet (header in row 1), supplier in column C
    result = read_file(make_workbook(lang="de", supplier=supplier), catalog)
    assert not result.assessments
    assert rendered(result) == [
        "acme.xlsx › Bewertung › C7: „6“ liegt außerhalb der Skala 1–5. "
        "Tragen Sie eine Zahl von 1 bis 5 ein oder lassen Sie die Zelle leer (= nicht bewertet)."
    ]


def test_the_same_problem_in_english(make_workbook, catalog):
    n = len(catalog.factors)
    key_account = [3] * n
    key_account[0] = 0
    result = read_file(make_workbook(lang="en", key_account=key_account), catalog)
    assert rendered(result, "en") == [
        'acme.xlsx › Assessment › D2: "0" lies outside the scale 1–5. '
        "Enter a number from 1 to 5, or leave the cell blank (= not rated)."
    ]


def test_a_suggestion_shows_the_factor_as_people_write_it_not_its_id(make_workbook, catalog):
    sheets = sheets_for(catalog, lang="en", factor_by="title")
    sheets["Assessment"][8][1] = "Shared visoin"
    result = read_file(make_workbook(sheets=sheets), catalog)
    # In the message's language, whatever language the cell was typed in: the short label, as typed.
    assert rendered(result, "de")[0].endswith("Meinten Sie „Gemeinsames Zielbild“?")
    assert rendered(result, "en")[0].endswith('Did you mean "Shared vision"?')


def test_a_german_message_suggests_the_german_title(make_workbook, catalog):
    sheets = sheets_for(catalog, lang="de", factor_by="title")
    sheets["Bewertung"][1][1] = "Frühzeitige Einbindung in Projekt"
    result = read_file(make_workbook(sheets=sheets), catalog)
    assert rendered(result, "de")[0].endswith(f"Meinten Sie „{catalog.factors[0].title.de}“?")
    assert rendered(result, "en")[0].endswith(f'Did you mean "{catalog.factors[0].title.en}"?')


def test_unknown_factor_with_a_close_match_suggests_it(make_workbook, catalog):
    sheets = sheets_for(catalog, lang="en", factor_by="title")
    sheets["Assessment"][1][1] = "Early involvment in projects"
    result = read_file(make_workbook(sheets=sheets), catalog)
    (message,) = rendered(result, "en")
    assert message.startswith('acme.xlsx › Assessment › B2: "Early involvment in projects" is not a factor')
    assert message.endswith('Did you mean "Early involvement in projects"?')


def test_a_date_where_a_score_belongs(make_workbook, catalog):

    sheets = sheets_for(catalog, lang="en")
    sheets["Assessment"][2][2] = date(2026, 3, 4)
    result = read_file(make_workbook(sheets=sheets), catalog)
    (message,) = rendered(result, "en")
    assert message.startswith('acme.xlsx › Assessment › C3: "2026-03-04')
    assert "is not a number" in message


def test_missing_score_column(make_workbook, catalog):
    sheets = sheets_for(catalog, lang="en")
    sheets["Assessment"] = [row[:3] + row[4:] for row in sheets["Assessment"]]
    result = read_file(make_workbook(sheets=sheets), catalog)
    assert rendered(result, "en") == [
        'acme.xlsx › Assessment › A1: The column "Key account" is missing. '
        'Add a column headed "Key account"; German and English headers both work.'
    ]


def test_a_row_with_a_bad_score_is_not_also_reported_as_a_missing_factor(make_workbook, catalog):
    """Regression: the row of a score out of scale was dropped and then warned about as "no row"."""
    n = len(catalog.factors)
    supplier, key_account = [4] * n, [3] * n
    supplier[1], key_account[2] = 7, "hoch"
    result = read_file(make_workbook(lang="de", supplier=supplier, key_account=key_account), catalog)
    assert [p.place.cell for p in result.errors] == ["C3", "D4"]
    assert [p.render("de") for p in result.problems if p not in result.errors] == []


def test_nothing_rated_on_both_sides(make_workbook, catalog):
    n = len(catalog.factors)
    result = read_file(make_workbook(lang="en", supplier=[None] * n), catalog)
    assert rendered(result, "en") == [
        "acme.xlsx › Assessment: No factor is rated for both sides, so no balance can be computed. "
        "Rate at least one factor for the supplier and for the key account."
    ]


# Scores: the scale's words (criteria/efkam-partnership.yaml: 4 = deutlich / clearly).
def scored(catalog, supplier_first: list, lang: str = "de"):
    n = len(catalog.factors)
    return sheets_for(catalog, lang, supplier=[*supplier_first, *[4] * (n - len(supplier_first))])


@pytest.mark.parametrize(
    "word", ["deutlich", "4 - deutlich", "clearly", "  DEUTLICH ", "4 – clearly", "4 (deutlich)"]
)
def test_a_scale_word_is_read_as_its_point_and_noted_at_its_cell(make_workbook, catalog, word):
    result = read_file(make_workbook(sheets=scored(catalog, [word])), catalog)
    assert result.ok
    assert result.assessments[0].ratings[0].supplier == 4
    (note,) = result.problems
    assert note.severity is Severity.WARNING
    assert note.render("de") == (
        f"acme.xlsx › Bewertung › C2: „{word.strip()}“ wurde als 4 gelesen. Wenn Sie eine andere Bewertung "
        "meinen, tragen Sie sie als Zahl von 1 bis 5 ein."
    )


def test_many_scale_words_give_one_note_per_sheet(make_workbook, catalog):
    sheets = scored(catalog, ["deutlich", "kaum", "voll und ganz", "teilweise", "gar nicht"], lang="en")
    result = read_file(make_workbook(sheets=sheets), catalog)
    assert [r.supplier for r in result.assessments[0].ratings[:5]] == [4, 2, 5, 3, 1]
    assert all_rendered(result, "en") == [
        "acme.xlsx › Assessment: 5 scores were written as words and read as numbers, among them "
        'C2 "deutlich" → 4, C3 "kaum" → 2, C4 "voll und ganz" → 5. If one of them is not what you meant, '
        "enter the score as a number from 1 to 5."
    ]
    (german,) = all_rendered(result, "de")
    assert german.startswith(
        "acme.xlsx › Assessment: 5 Bewertungen waren als Wort geschrieben und wurden als Zahl gelesen, darunter "
        "C2 „deutlich“ → 4, C3 „kaum“ → 2, C4 „voll und ganz“ → 5."
    )


def test_a_number_beside_another_points_word_is_an_error_naming_both(make_workbook, catalog):
    result = read_file(make_workbook(sheets=scored(catalog, [4, "3 - deutlich"])), catalog)
    (error,) = result.errors
    assert error.render("de") == (
        "acme.xlsx › Bewertung › C3: „3 - deutlich“: Die Zahl 3 und das Wort „deutlich“ (= 4) widersprechen "
        "sich. Tragen Sie die gemeinte Bewertung als Zahl von 1 bis 5 ein."
    )
    assert error.render("en").startswith(
        'acme.xlsx › Bewertung › C3: "3 - deutlich": the number 3 and the word "deutlich" (= 4) disagree.'
    )


@pytest.mark.parametrize("text", ["viel", "deutlichst", "4 - sehr", "ziemlich deutlich"])
def test_other_words_stay_an_error_at_their_cell(make_workbook, catalog, text):
    result = read_file(make_workbook(sheets=scored(catalog, [text])), catalog)
    (error,) = result.errors
    assert error.render("en").startswith(f'acme.xlsx › Bewertung › C2: "{text}" is not a number.')


def test_scale_words_in_a_csv_are_noted_once_for_the_file(make_csv, catalog):
    rows = german_rows(catalog, periods=("2026-Q3",))
    for row in rows[1:]:
        row[5] = "deutlich"
    result = read_file(make_csv(rows, delimiter=";", decimal_comma=True), catalog)
    assert {r.supplier for r in result.assessments[0].ratings} == {4}
    (note,) = result.problems
    assert note.render("en").startswith(
        'export.csv: 16 scores were written as words and read as numbers, among them F2 "deutlich" → 4, '
    )


def test_factors_match_by_title_in_either_language(make_workbook, catalog):
    sheets = sheets_for(catalog, lang="en", factor_by="title")
    rows = sheets["Assessment"]
    rows[1][1] = catalog.factors[0].title.de  # a German title in an English sheet
    rows[2][1] = "  " + catalog.factors[1].title.en.upper() + " "  # case and spaces do not matter
    assessment = only(read_file(make_workbook(sheets=sheets), catalog))
    assert [r.factor_id for r in assessment.ratings] == [f.id for f in catalog.factors]


def test_headers_may_sit_below_a_title_and_carry_units(make_workbook, catalog):
    sheets = sheets_for(catalog, lang="de")
    rows = sheets["Bewertung"]
    rows[0] = ["Nr.", "Faktor", "Lieferant investiert (1–5)", "Key-Account (1–5)", "Bemerkung"]
    for row in rows[1:]:
        row[0] = ""
    sheets["Bewertung"] = [["Partnerschaftsbewertung 2026"], [], *rows]
    assessment = only(read_file(make_workbook(sheets=sheets), catalog))
    assert len(assessment.ratings) == len(catalog.factors)


def test_blank_scores_mean_not_rated(make_workbook, catalog):
    n = len(catalog.factors)
    supplier = [4] * n
    key_account = [3] * n
    supplier[0] = None
    key_account[1] = ""
    assessment = only(read_file(make_workbook(supplier=supplier, key_account=key_account), catalog))
    assert assessment.ratings[0].supplier is None
    assert assessment.ratings[1].key_account is None
    assert assessment.ratings[2].supplier == 4


def test_scores_written_as_text_with_decimal_comma(make_workbook, catalog):
    n = len(catalog.factors)
    assessment = only(read_file(make_workbook(supplier=["3,5"] + [" 4 "] * (n - 1)), catalog))
    assert assessment.ratings[0].supplier == 3.5
    assert assessment.ratings[1].supplier == 4
