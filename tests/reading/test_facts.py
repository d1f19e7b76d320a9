"""The account's facts: a quarter written another way is read, with a note saying how; a missing or invalid
fact is an error at its cell; a coverage note only where no error explains it."""

from __future__ import annotations

from datetime import date

import pytest

from reportgen.model import Period
from reportgen.problems import Severity
from reportgen.reading import read_file
from tests.conftest import FACTS, sheets_for
from tests.reading.conftest import rendered


def facts_with_period(period) -> list:
    return [*FACTS[:2], period, *FACTS[3:]]


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


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "de",
            "acme.xlsx › Stammdaten › B10: „Partnerschaft“ ist kein Beziehungstyp des Katalogs. Verwenden Sie "
            "einen dieser Namen: „Schlankes KAM – zuverlässiger Lieferant“, „Bevorzugter Partner“, "
            "„Strategische Partnerschaft“; oder lassen Sie die Zelle leer.",
        ),
        (
            "en",
            'acme.xlsx › Stammdaten › B10: "Partnerschaft" is not a relationship type of the catalog. Use one '
            'of these names: "Lean KAM – reliable supplier", "Preferred partner", "Strategic partnership"; '
            "or leave the cell blank.",
        ),
    ],
)
def test_a_bad_intended_relationship_lists_the_names_of_the_drop_down(make_workbook, catalog, lang, expected):
    from tests.conftest import FACTS

    sheets = sheets_for(catalog, lang="de", facts=[*FACTS, "EUR", "", "Partnerschaft"])
    assert rendered(read_file(make_workbook(sheets=sheets), catalog), lang) == [expected]


def test_missing_and_invalid_account_facts(make_workbook, catalog):
    facts = ["", "KA-1", "Herbst", "", "", "gestern", "viel"]
    result = read_file(make_workbook(lang="de", facts=facts), catalog)
    assert rendered(result) == [
        "acme.xlsx › Stammdaten: Das Feld „Accountname“ fehlt oder ist leer. "
        "Schreiben Sie „Accountname“ in Spalte A und den Wert in Spalte B derselben Zeile.",
        "acme.xlsx › Stammdaten › B3: „Herbst“ ist kein Zeitraum. Schreiben Sie das Quartal wie 2026-Q3.",
        "acme.xlsx › Stammdaten › B6: „gestern“ ist kein Datum. "
        "Tragen Sie ein Datum wie 15.09.2026 oder 2026-09-15 ein.",
        "acme.xlsx › Stammdaten › B7: „viel“ ist kein Betrag. "
        "Tragen Sie den Jahresumsatz als einfache Zahl ein, z. B. 1250000.",
    ]


def test_rows_with_errors_give_no_note_on_low_coverage(make_workbook, catalog):
    """Regression: nine unreadable scores also gave "only 7 of 16 factors are rated on both sides", as if
    the user had left them blank."""
    n = len(catalog.factors)
    path = make_workbook(supplier=["viel"] * 9 + [4] * (n - 9))
    result = read_file(path, catalog)
    assert len(result.errors) == 9
    assert not [p for p in result.problems if "rated on both sides" in p.render("en")]
