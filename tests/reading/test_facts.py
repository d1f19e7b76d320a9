"""Forgiving where the meaning is unambiguous: quarters and scores written another way are read, with a
note saying how; anything else stays an error naming its cell."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from reportgen.model import Period
from reportgen.problems import Severity
from reportgen.reading import read_file
from reportgen.reading.values import NotAPeriod, parse_period
from tests.conftest import FACTS, sheets_for
from tests.reading.test_longcsv import german_rows


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    """Places are shown relative to the working folder, as a user in that folder sees them."""
    monkeypatch.chdir(tmp_path)


def facts_with_period(period) -> list:
    return [*FACTS[:2], period, *FACTS[3:]]


def rendered(result, lang: str) -> list[str]:
    return [problem.render(lang) for problem in result.problems]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("3. Quartal 2026", Period(2026, 3)),
        ("3.Quartal 26", Period(2026, 3)),
        ("1 quartal 2027", Period(2027, 1)),
        ("3rd quarter 2026", Period(2026, 3)),
        ("Q3 26", Period(2026, 3)),
        ("Q3 '26", Period(2026, 3)),
        ("q4/25", Period(2025, 4)),
        ("III/2026", Period(2026, 3)),
        ("iv 2026", Period(2026, 4)),
        ("II. Quartal 2026", Period(2026, 2)),
        ("01.07.2026", Period(2026, 3)),
        ("30.9.2026", Period(2026, 3)),
        ("2026-10-01", Period(2026, 4)),
        (date(2026, 7, 1), Period(2026, 3)),
        (datetime(2026, 12, 31, 23, 59), Period(2026, 4)),
    ],
)
def test_quarters_written_another_way_are_read_but_not_exact(raw, expected):
    read = parse_period(raw)
    assert read.period == expected
    assert not read.exact


@pytest.mark.parametrize("raw", ["2026-Q3", "Q3 2026", " 2026 q3 ", "Q3/2026"])
def test_the_usual_forms_are_exact(raw):
    assert parse_period(raw).exact


@pytest.mark.parametrize(
    "raw", ["Q5 26", "5. Quartal 2026", "IIII/2026", "2026", "3 2026", "32.07.2026", "Sommer", 2026, None]
)
def test_anything_else_is_no_period(raw):
    with pytest.raises(NotAPeriod):
        parse_period(raw)


@pytest.mark.parametrize(
    ("raw", "lang", "note"),
    [
        (
            "3. Quartal 2026",
            "de",
            "acme.xlsx › Stammdaten › B3: „3. Quartal 2026“ wurde als 2026-Q3 gelesen.",
        ),
        ("Q3 26", "de", "acme.xlsx › Stammdaten › B3: „Q3 26“ wurde als 2026-Q3 gelesen."),
        ("III/2026", "en", 'acme.xlsx › Account › B3: "III/2026" was read as 2026-Q3.'),
        ("Q3 '26", "en", 'acme.xlsx › Account › B3: "Q3 \'26" was read as 2026-Q3.'),
        ("01.07.2026", "de", "acme.xlsx › Stammdaten › B3: „01.07.2026“ wurde als 2026-Q3 gelesen."),
    ],
)
def test_a_workbook_says_how_it_read_the_period(make_workbook, catalog, raw, lang, note):
    result = read_file(make_workbook(lang=lang, facts=facts_with_period(raw)), catalog)
    assert result.ok
    assert result.assessments[0].period == Period(2026, 3)
    (warning,) = result.problems
    assert warning.severity is Severity.WARNING
    assert warning.render(lang).startswith(note)


@pytest.mark.parametrize(
    ("name", "lang", "note"),
    [
        (
            "acme.xlsx",
            "de",
            "acme.xlsx › Stammdaten › B3: Das Datum 15. August 2026 wurde als 2026-Q3 gelesen, ",
        ),
        ("acme.ods", "en", "acme.ods › Account › B3: The date August 15, 2026 was read as 2026-Q3, "),
    ],
)
def test_a_date_cell_is_read_as_its_quarter(make_workbook, catalog, name, lang, note):
    facts = facts_with_period(date(2026, 8, 15))
    result = read_file(make_workbook(name, lang=lang, facts=facts), catalog)
    assert result.assessments[0].period == Period(2026, 3)
    (warning,) = result.problems
    assert warning.render(lang).startswith(note)


def test_the_usual_form_reads_without_a_note(make_workbook, catalog):
    result = read_file(make_workbook(facts=facts_with_period("Q3 2026")), catalog)
    assert result.problems == []


def test_a_period_that_is_none_stays_an_error_at_its_cell(make_workbook, catalog):
    result = read_file(make_workbook(lang="de", facts=facts_with_period("Q5 2026")), catalog)
    (error,) = result.errors
    assert error.render("de").startswith("acme.xlsx › Stammdaten › B3: „Q5 2026“ ist kein Zeitraum.")


def test_a_csv_notes_the_period_once_per_account_and_period(make_csv, catalog):
    rows = german_rows(catalog, periods=("3. Quartal 2026",))
    result = read_file(make_csv(rows, delimiter=";", decimal_comma=True), catalog)
    assert [a.period for a in result.assessments] == [Period(2026, 3)]
    assert rendered(result, "de") == [
        "export.csv › C2: „3. Quartal 2026“ wurde als 2026-Q3 gelesen. Wenn Sie dieses Quartal meinen, "
        "schreiben Sie 2026-Q3, dann entfällt dieser Hinweis; sonst korrigieren Sie die Angabe."
    ]


def test_a_csv_writing_one_quarter_two_ways_gives_one_assessment(make_csv, catalog):
    """Regression: rows saying 2026-Q3 and rows saying Q3 26 were two assessments of one quarter, the
    second left out as a duplicate."""
    rows = german_rows(catalog, periods=("2026-Q3",))
    for row in rows[2::2]:
        row[2] = "Q3 26"
    result = read_file(make_csv(rows, delimiter=";", decimal_comma=True), catalog)
    (assessment,) = result.assessments
    assert assessment.period == Period(2026, 3)
    assert len(assessment.ratings) == len(catalog.factors)
    assert rendered(result, "en") == [
        'export.csv › C3: "Q3 26" was read as 2026-Q3. If that is the quarter you mean, write 2026-Q3 '
        "and this note goes away; otherwise correct it."
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
    assert rendered(result, "en") == [
        "acme.xlsx › Assessment: 5 scores were written as words and read as numbers, among them "
        'C2 "deutlich" → 4, C3 "kaum" → 2, C4 "voll und ganz" → 5. If one of them is not what you meant, '
        "enter the score as a number from 1 to 5."
    ]
    (german,) = rendered(result, "de")
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


def test_a_csv_period_that_is_no_quarter_is_an_error_at_its_cell_not_a_lost_file(make_csv, catalog):
    """Regression: rows saying "Herbst 2026" made the reader crash, and every account of the file was lost."""
    rows = german_rows(catalog, periods=("Herbst 2026", "2026-Q3"))
    result = read_file(make_csv(rows, delimiter=";", decimal_comma=True), catalog)
    assert [a.period for a in result.assessments] == [Period(2026, 3)]
    (error,) = result.errors
    assert error.render("de") == (
        "export.csv › C2: „Herbst 2026“ ist kein Zeitraum. Schreiben Sie das Quartal wie 2026-Q3."
    )
